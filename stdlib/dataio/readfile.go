package dataio

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
)

// MostBytes is the largest file an array of limit elements can need: 8
// bytes an element and a header or metadata, which formats keep far below
// 1 MB (a .npy header, a PNG's chunks).
func MostBytes(limit int) int64 {
	return int64(min(float64(limit)*8+1<<20, math.MaxInt64/2))
}

// Open opens the file at path for reading. It refuses devices: a device
// such as /dev/zero or /dev/urandom never ends, so reading one would run
// until memory ran out. Pipes and regular files are read.
func Open(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.Mode()&(fs.ModeDevice|fs.ModeCharDevice) != 0 {
		f.Close()
		return nil, fmt.Errorf("%s is a device, not a file", path)
	}
	return f, nil
}

// ReadFile reads the whole file at path, opened with Open, and fails
// without reading further once it holds more than most bytes: the
// callers bound most by what their limit on elements can need.
func ReadFile(path string, most int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, most+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > most {
		return nil, fmt.Errorf("%s is larger than %d bytes, the most its limit on elements (-max-elements) lets calc read", path, most)
	}
	return b, nil
}
