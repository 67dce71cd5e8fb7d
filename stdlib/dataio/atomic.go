package dataio

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// WriteFile replaces the file at path by what write writes, atomically:
// write's output goes to a temporary file in the same folder, which is
// flushed, synced to disk and renamed over path, so readers see the old
// file or the new one, never half of one. On any failure the temporary
// file is removed and path is untouched; RemoveTemporaries removes the
// ones being written when the program is stopped. A new file gets mode
// 0644, a replaced one keeps its mode.
//
// Only a regular file is replaced. A symbolic link, a named pipe, a
// device, a socket or a folder at path is an error: renaming over a link
// would put a file in its place (and writing through it would let a link
// planted in a shared folder aim the write anywhere), and a pipe or a
// device is no file to replace. Errors begin "cannot write PATH:".
func WriteFile(path string, write func(io.Writer) error) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
	}()
	mode, err := replaceableMode(path)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	temporaries.add(tmp)
	defer temporaries.remove(tmp)
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

// replaceableMode returns the mode the file written at path gets: the
// mode of the regular file there, or 0644 for a new one. What is not a
// regular file is an error, and so is a folder that path's folder is
// not.
func replaceableMode(path string) (fs.FileMode, error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("the folder %s does not exist", dir)
		}
		if errors.Is(err, syscall.ENOTDIR) {
			return 0, fmt.Errorf("%s is not a folder", dir)
		}
		return 0, err
	} else if !fi.IsDir() {
		return 0, fmt.Errorf("%s is not a folder", dir)
	}
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0o644, nil
	}
	if err != nil {
		return 0, err
	}
	switch t := fi.Mode().Type(); {
	case t == 0:
		return fi.Mode().Perm(), nil
	case t&fs.ModeSymlink != 0:
		target, _ := os.Readlink(path)
		return 0, fmt.Errorf("it is a symbolic link (to %s), and only a regular file is replaced: give the path of the file itself", target)
	case t&fs.ModeDir != 0:
		return 0, errors.New("it is a folder")
	case t&fs.ModeNamedPipe != 0:
		return 0, errors.New("it is a named pipe (FIFO), not a regular file")
	case t&fs.ModeSocket != 0:
		return 0, errors.New("it is a socket, not a regular file")
	case t&fs.ModeDevice != 0:
		return 0, errors.New("it is a device, not a regular file")
	}
	return 0, errors.New("it is not a regular file")
}

// unwrapPath drops the operation and path of a *fs.PathError, which
// WriteFile's message already names (the path may be the temporary
// file's, which means nothing to the user).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// tempFiles is the set of temporary files being written.
type tempFiles struct {
	mu    sync.Mutex
	paths map[string]bool
}

// temporaries are the temporary files WriteFile is writing now.
var temporaries = tempFiles{paths: map[string]bool{}}

func (t *tempFiles) add(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.paths[path] = true
}

func (t *tempFiles) remove(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.paths, path)
}

// RemoveTemporaries removes the temporary files of the writes under way,
// so that a program stopped midway (calc quitting on a third Ctrl-C, or
// on SIGTERM) leaves none behind; the files being replaced stay as they
// were. Writes under way fail afterwards. It is safe to call from any
// goroutine.
func RemoveTemporaries() {
	temporaries.mu.Lock()
	defer temporaries.mu.Unlock()
	for path := range temporaries.paths {
		os.Remove(path)
		delete(temporaries.paths, path)
	}
}
