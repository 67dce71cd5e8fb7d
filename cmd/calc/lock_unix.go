//go:build unix

package main

import (
	"os"
	"syscall"
)

// lockFile takes f's exclusive lock, waiting for it; closing f releases it.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}
