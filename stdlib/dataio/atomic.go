package dataio

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path by what write writes, atomically:
// write's output goes to a temporary file in the same directory, which is
// flushed, synced to disk and renamed over path, so readers see the old
// file or the new one, never half of one. On any failure the temporary
// file is removed and path is untouched. A new file gets mode 0644, a
// replaced one keeps its mode.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
