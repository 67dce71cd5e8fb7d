package dataio

import (
	"bytes"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"calc/stdlib/array"
)

// arange returns n values start, start+step, … (the fixtures' np.arange).
var (
	nan = math.NaN()
	inf = math.Inf(1)
)

func arange(n int, start, step float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = start + float64(i)*step
	}
	return v
}

// sameValues reports whether got equals want, NaN matching NaN.
func sameValues(got, want []float64) bool {
	return slices.EqualFunc(got, want, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) })
}

// The fixtures were written by numpy 1.24 (testdata/numpy_fixtures.py).
func TestReadNPYFixtures(t *testing.T) {
	a := arange(12, -1, 0.25) // np.arange(12).reshape(3, 4)/4 - 1
	for _, c := range []struct {
		file  string
		shape []int
		want  []float64
	}{
		{"f8.npy", []int{3, 4}, a},
		{"f8_be.npy", []int{3, 4}, a},
		{"f8_fortran.npy", []int{3, 4}, a},
		{"f8_v2.npy", []int{3, 4}, a},
		{"f8_3d_fortran.npy", []int{2, 3, 4}, arange(24, 0, 1)},
		{"f4_be.npy", []int{3, 4}, a},
		{"f2.npy", []int{3, 4}, a},
		{"i8.npy", []int{6}, arange(6, -3, 1)},
		{"i4_be.npy", []int{6}, arange(6, -3, 1)},
		{"i2.npy", []int{6}, arange(6, -3, 1)},
		{"i1.npy", []int{6}, arange(6, -3, 1)},
		{"u8.npy", []int{4}, []float64{0, 1, 1 << 53, 1 << 64}},
		{"u2_be.npy", []int{6}, arange(6, 0, 1)},
		{"u1.npy", []int{6}, arange(6, 250, 1)},
		{"b1.npy", []int{2, 2}, []float64{1, 0, 0, 1}},
		{"scalar.npy", []int{}, []float64{2.5}},
		{"empty.npy", []int{0, 3}, []float64{}},
	} {
		got, err := ReadNPY(filepath.Join("testdata", c.file), 1e8)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if !slices.Equal(got.Shape, c.shape) || !sameValues(got.Floats(), c.want) {
			t.Errorf("%s: got shape %v %v, want %v %v", c.file, got.Shape, got.Floats(), c.shape, c.want)
		}
	}
}

// numpy's bool arrays read as masks (depth Bool) and uint8 arrays as 8-bit
// images, from .npy and .npz alike; other arrays as numbers.
func TestReadKeepsDepth(t *testing.T) {
	depths := map[string]array.Depth{}
	for _, file := range []string{"b1.npy", "u1.npy", "f8.npy", "i1.npy"} {
		a, err := ReadNPY(filepath.Join("testdata", file), 1e8)
		if err != nil {
			t.Fatal(err)
		}
		depths[file] = a.Depth
		if _, bytes := a.Uint8s(); bytes != (a.Depth == array.Uint8) {
			t.Errorf("%s: depth %s, backed by bytes %v", file, a.Depth, bytes)
		}
	}
	arrays, err := ReadNPZ(filepath.Join("testdata", "savez.npz"), 1e8)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range arrays {
		depths["savez.npz/"+n.Name] = n.Array.Depth
	}
	want := map[string]array.Depth{"b1.npy": array.Bool, "u1.npy": array.Uint8, "f8.npy": array.Float64, "i1.npy": array.Float64,
		"savez.npz/a": array.Float64, "savez.npz/labels": array.Float64, "savez.npz/mask": array.Bool}
	if !maps.Equal(depths, want) {
		t.Errorf("got depths %v, want %v", depths, want)
	}
}

func TestReadNPYRefuses(t *testing.T) {
	f8, err := os.ReadFile("testdata/f8.npy")
	if err != nil {
		t.Fatal(err)
	}
	huge := bytes.Replace(f8, []byte("(3, 4)"), []byte("(1000000, 1000000)"), 1)
	overflow := bytes.Replace(f8, []byte("(3, 4)"), []byte("(4294967296, 4294967296, 4294967296)"), 1)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"c16.npy", nil, "complex arrays (dtype \"<c16\") are not supported yet"},
		{"u10.npy", nil, `unsupported dtype "<U4"`},
		{"truncated", f8[:len(f8)-1], "truncated: the header promises 12 values (96 bytes) of data, the file holds 95 bytes"},
		{"huge", huge, "more than the limit of 100000000 elements"},
		{"overflow", overflow, "more than the limit of 100000000 elements"},
		{"no magic", []byte("NUMPY"), "not a .npy file"},
		{"short header", f8[:20], "truncated header"},
		{"version", append([]byte("\x93NUMPY\x07\x00"), f8[8:]...), "unknown .npy format version 7.0"},
		{"bad header", bytes.Replace(f8, []byte("False"), []byte("Flase"), 1), "expected True or False"},
		{"missing key", bytes.Replace(f8, []byte("'shape'"), []byte("'shope'"), 1), `unexpected key "shope"`},
	} {
		data := c.data
		if data == nil {
			if data, err = os.ReadFile(filepath.Join("testdata", c.name)); err != nil {
				t.Fatal(err)
			}
		}
		_, err := DecodeNPY(c.name, data, 1e8)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), c.name+": ") {
			t.Errorf("%s: got error %v, want one with %q", c.name, err, c.want)
		}
	}
}

// calc's .npy files are byte for byte numpy.save's.
func TestWriteNPYIsNumpys(t *testing.T) {
	for _, c := range []struct {
		file  string
		a     *array.Array
		dtype DType
	}{
		{"f8.npy", array.New([]int{3, 4}, arange(12, -1, 0.25)), Float64},
		{"i8.npy", array.Vector(arange(6, -3, 1)), Int64},
		{"b1.npy", array.New([]int{2, 2}, []float64{1, 0, 0, 7}), Bool},
		{"b1.npy", array.NewDepth([]int{2, 2}, []float64{1, 0, 0, 1}, array.Bool), ByDepth},
		{"f8.npy", array.New([]int{3, 4}, arange(12, -1, 0.25)), ByDepth},
		{"u1.npy", array.NewDepth([]int{6}, arange(6, 250, 1), array.Uint8), ByDepth},
		{"u1.npy", array.Vector(arange(6, 250, 1)), Uint8},
		{"u1.npy", array.FromBytes([]int{6}, []uint8{250, 251, 252, 253, 254, 255}), ByDepth},
		{"scalar.npy", array.New([]int{}, []float64{2.5}), Float64},
		{"empty.npy", array.New([]int{0, 3}, []float64{}), Float64},
	} {
		var b bytes.Buffer
		if err := WriteNPY(&b, c.a, c.dtype); err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s: calc wrote\n%q\nnumpy wrote\n%q", c.file, b.Bytes(), want)
		}
	}
	if err := WriteNPY(&bytes.Buffer{}, array.Vector([]float64{1.5}), Int64); err == nil || !strings.Contains(err.Error(), "1.5 is not an int64") {
		t.Errorf("int64 of 1.5: got %v", err)
	}
	if err := WriteNPY(&bytes.Buffer{}, array.Vector([]float64{256}), Uint8); err == nil || !strings.Contains(err.Error(), "256 is not a uint8") {
		t.Errorf("uint8 of 256: got %v", err)
	}
}

func TestNPZ(t *testing.T) {
	for _, file := range []string{"savez.npz", "savez_compressed.npz"} {
		got, err := ReadNPZ(filepath.Join("testdata", file), 1e8)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Name != "a" || !sameValues(got[0].Array.Floats(), arange(12, -1, 0.25)) {
			t.Errorf("%s: got %v", file, got[0])
		}
		if file == "savez.npz" && (len(got) != 3 || got[1].Name != "labels" || got[2].Name != "mask" || !sameValues(got[2].Array.Floats(), []float64{1, 0})) {
			t.Errorf("%s: got %v", file, got)
		}
	}
	// A round trip, and the limit.
	path := filepath.Join(t.TempDir(), "d.npz")
	in := []Named{{"x", array.Vector([]float64{1, 2, 3})}, {"y", array.New([]int{2, 2}, []float64{1, 2, 3, 4})}}
	if err := WriteFile(path, func(w io.Writer) error { return WriteNPZ(w, in, Float64) }); err != nil {
		t.Fatal(err)
	}
	got, err := ReadNPZ(path, 1e8)
	if err != nil || len(got) != 2 || got[1].Name != "y" || !array.Equal(got[1].Array, in[1].Array) {
		t.Fatalf("round trip: got %v, %v", got, err)
	}
	if _, err := ReadNPZ(path, 3); err == nil || !strings.Contains(err.Error(), "d.npz[y.npy]: the header promises an array of shape (2, 2), more than the limit of 3 elements") {
		t.Errorf("limit: got %v", err)
	}
}
