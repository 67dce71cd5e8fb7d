package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"calc/stdlib/dataio"
)

// The history file is shared by every REPL that runs with it: each
// appends its statements one line at a time, and the one that starts
// trims the file to its last historyLimit lines. A session holds the
// file's lock (flock) while it appends or trims, and each opens the file
// afresh for every line, so that a trim, which renames a shorter copy
// over the file, never leaves another session appending to the old,
// unlinked one.

// readHistory returns the lines of the history file at path, creating it
// (mode 0600) and its folder if need be, and trims the file to its last
// historyLimit lines, keeping its mode.
func readHistory(path string) ([]string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	var lines []string
	err := withHistoryLock(path, os.O_RDWR, func(f *os.File) error {
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(line) != "" {
				lines = append(lines, line)
			}
		}
		if len(lines) <= historyLimit {
			return nil
		}
		lines = lines[len(lines)-historyLimit:]
		return dataio.WriteFile(f.Name(), func(w io.Writer) error {
			_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
			return err
		})
	})
	return lines, err
}

// appendHistory adds entries to the end of the history file at path.
func appendHistory(path string, entries []string) error {
	var b bytes.Buffer
	for _, e := range entries {
		b.WriteString(e + "\n")
	}
	return withHistoryLock(path, os.O_WRONLY|os.O_APPEND, func(f *os.File) error {
		_, err := f.Write(b.Bytes())
		return err
	})
}

// withHistoryLock opens the history file (a link to it is followed: the
// file it names is the history), holds its lock while use runs, and closes
// it. After a wait for the lock it checks that the path still names the
// file it locked: another session may have trimmed it meanwhile.
func withHistoryLock(path string, flag int, use func(*os.File) error) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	for {
		f, err := os.OpenFile(path, flag|os.O_CREATE, 0o600)
		if err != nil {
			return err
		}
		if err := lockFile(f); err != nil {
			f.Close()
			return err
		}
		locked, err := f.Stat()
		if err != nil {
			f.Close()
			return err
		}
		now, err := os.Stat(path)
		if err == nil && os.SameFile(locked, now) {
			err := use(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}
		f.Close()
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		// Replaced or removed while we waited: lock what the path names now.
	}
}
