package dataio

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"calc/stdlib/array"
)

// An .npz file is a zip archive with one .npy file per array, named
// NAME.npy (numpy.savez; numpy.savez_compressed deflates them).

// Named is an array with its name in an .npz file.
type Named struct {
	Name  string
	Array *array.Array
}

// ReadNPZ reads the arrays of the .npz file at path, in the archive's
// order, named without their .npy suffix; each is decoded as DecodeNPY
// does, with the same limit on its elements. Stored and deflated members
// are read; a member whose data would pass the limit is refused before it
// is decompressed in full.
func ReadNPZ(path string, limit int) ([]Named, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: not an .npz file: %w", path, err)
	}
	defer z.Close()
	var out []Named
	for _, f := range z.File {
		name := path + "[" + f.Name + "]"
		r, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		most := MostBytes(limit)
		b, err := io.ReadAll(io.LimitReader(r, most+1))
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if int64(len(b)) > most {
			return nil, fmt.Errorf("%s: more data than an array of the limit of %d elements holds", name, limit)
		}
		a, err := DecodeNPY(name, b, limit)
		if err != nil {
			return nil, err
		}
		out = append(out, Named{strings.TrimSuffix(f.Name, ".npy"), a})
	}
	return out, nil
}

// WriteNPZ writes arrays as an uncompressed .npz archive, as numpy.savez
// does, each as a .npy file of dtype.
func WriteNPZ(w io.Writer, arrays []Named, dtype DType) error {
	z := zip.NewWriter(w)
	for _, a := range arrays {
		// numpy.savez dates its members 1980-01-01, zip's epoch, so that
		// equal arrays give equal files; so does calc.
		f, err := z.CreateHeader(&zip.FileHeader{Name: a.Name + ".npy", Method: zip.Store, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if err := WriteNPY(f, a.Array, dtype); err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
	}
	return z.Close()
}
