package dataio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A write that fails leaves the old file as it was and no temporary file;
// one that succeeds keeps the file's mode.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("half a file"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WriteFile = %v, want %v", err, boom)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("a failed write changed the file to %q", b)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "new" || err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file holds %q with mode %v (%v), want \"new\" with 0600 kept", b, fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
}

// WriteFile replaces only regular files: a symbolic link, a named pipe, a
// device or a folder is left as it was, with an error saying what it is.
func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.png")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.png")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{link, "cannot write " + link + ": it is a symbolic link (to " + target + ")"},
		{fifo, "cannot write " + fifo + ": it is a named pipe (FIFO), not a regular file"},
		{"/dev/null", "cannot write /dev/null: it is a device, not a regular file"},
		{dir, "cannot write " + dir + ": it is a folder"},
		{filepath.Join(dir, "no", "x.png"), "cannot write " + filepath.Join(dir, "no", "x.png") + ": the folder " + filepath.Join(dir, "no") + " does not exist"},
		{filepath.Join(target, "x.png"), "cannot write " + filepath.Join(target, "x.png") + ": " + target + " is not a folder"},
	} {
		err := WriteFile(c.path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("WriteFile(%s) = %v, want %q", c.path, err, c.want)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != os.ModeSymlink {
		t.Errorf("the link was replaced: %v, %v", fi.Mode(), err)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode().Type() != os.ModeNamedPipe {
		t.Errorf("the pipe was replaced: %v, %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "kept" {
		t.Errorf("the link's target holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d files in the folder, want 3 (no temporary left)", len(entries))
	}
}

// RemoveTemporaries, called while a write is under way (as calc does when
// it is stopped), removes the temporary file; the write then fails and
// the old file stays.
func TestRemoveTemporaries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.png")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		RemoveTemporaries()
		return nil
	})
	if err == nil {
		t.Error("the write succeeded after its temporary file was removed")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
}
