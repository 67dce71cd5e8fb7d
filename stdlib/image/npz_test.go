package image

import (
	"archive/zip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// readNPZ returns the arrays of a numpy .npz file by name (without the .npy
// suffix), converted to float64. It reads what numpy.savez writes of C-order
// arrays of float64 ('<f8'), uint8 ('|u1') and uint16 ('<u2'); see
// numpy/lib/format.py for the .npy layout: a magic string, a version, a
// header length, a Python dict literal header, then the raw data.
func readNPZ(path string) (map[string]*array.Array, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	out := map[string]*array.Array{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		a, err := parseNPY(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		out[strings.TrimSuffix(f.Name, ".npy")] = a
	}
	return out, nil
}

var (
	npyDescr = regexp.MustCompile(`'descr':\s*'([^']*)'`)
	npyOrder = regexp.MustCompile(`'fortran_order':\s*(True|False)`)
	npyShape = regexp.MustCompile(`'shape':\s*\(([^)]*)\)`)
)

// parseNPY decodes one .npy file.
func parseNPY(b []byte) (*array.Array, error) {
	if len(b) < 10 || string(b[:6]) != "\x93NUMPY" {
		return nil, fmt.Errorf("not a .npy file")
	}
	var hlen, off int
	switch b[6] {
	case 1:
		hlen, off = int(binary.LittleEndian.Uint16(b[8:])), 10
	default:
		hlen, off = int(binary.LittleEndian.Uint32(b[8:])), 12
	}
	header := string(b[off : off+hlen])
	data := b[off+hlen:]
	d, o, s := npyDescr.FindStringSubmatch(header), npyOrder.FindStringSubmatch(header), npyShape.FindStringSubmatch(header)
	if d == nil || o == nil || s == nil || o[1] != "False" {
		return nil, fmt.Errorf("unsupported header %q", header)
	}
	shape := []int{}
	for _, f := range strings.Split(s[1], ",") {
		if f = strings.TrimSpace(f); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, err
			}
			shape = append(shape, n)
		}
	}
	n := array.Size(shape)
	v := make([]float64, n)
	switch d[1] {
	case "<f8":
		for i := range v {
			v[i] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*i:]))
		}
	case "|u1":
		for i := range v {
			v[i] = float64(data[i])
		}
	case "<u2":
		for i := range v {
			v[i] = float64(binary.LittleEndian.Uint16(data[2*i:]))
		}
	default:
		return nil, fmt.Errorf("unsupported dtype %q", d[1])
	}
	return array.New(shape, v), nil
}
