package array

import (
	"slices"
	"sync"
	"testing"
)

// TestFromBytes checks a byte-backed array: its values as float64, made
// once however many goroutines ask at once, and kept as bytes by the
// operations that only move or relabel values.
func TestFromBytes(t *testing.T) {
	a := FromBytes([]int{2, 3}, []uint8{0, 1, 2, 253, 254, 255})
	want := []float64{0, 1, 2, 253, 254, 255}
	if a.Depth != Uint8 || a.Len() != 6 || a.Ndim() != 2 {
		t.Fatalf("depth %s, len %d, ndim %d", a.Depth, a.Len(), a.Ndim())
	}
	var wg sync.WaitGroup
	got := make([][]float64, 8)
	for i := range got {
		wg.Go(func() { got[i] = a.Floats() })
	}
	wg.Wait()
	for _, g := range got {
		if !slices.Equal(g, want) || &g[0] != &got[0][0] {
			t.Fatalf("Floats gave %v (at %p), want %v made once", g, &g[0], want)
		}
	}
	if !Equal(a, New([]int{2, 3}, want)) {
		t.Error("a differs from its float64 values")
	}
	r, err := Reshape(a, []int{3, -1})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]*Array{"reshape": r, "flatten": Flatten(a), "convert": Convert(a, Uint8),
		"convert floats": Convert(New([]int{6}, []float64{0, 1, 2, 253, 254, 255}), Uint8)} {
		if bytes, ok := b.Uint8s(); !ok || !slices.Equal(bytes, []uint8{0, 1, 2, 253, 254, 255}) || b.Depth != Uint8 {
			t.Errorf("%s: bytes %v (%v), depth %s", name, bytes, ok, b.Depth)
		}
	}
	if _, ok := New([]int{1}, []float64{1}).Uint8s(); ok {
		t.Error("a float64 array claims bytes")
	}
}

// TestMovesKeepBytes checks that indexing, slicing, selecting, assigning
// and transposing a byte-backed array give byte-backed arrays, equal to
// those of the same values in float64.
func TestMovesKeepBytes(t *testing.T) {
	b := make([]uint8, 24)
	for i := range b {
		b[i] = uint8(10 * i)
	}
	byBytes := FromBytes([]int{2, 3, 4}, b)
	byFloats := NewDepth([]int{2, 3, 4}, slices.Clone(byBytes.Floats()), Uint8)
	for name, f := range map[string]func(a *Array) (*Array, error){
		"index":       func(a *Array) (*Array, error) { return Index(a, 1) },
		"slice":       func(a *Array) (*Array, error) { return Slice(a, 1, 2, 1, true, true) },
		"slice step":  func(a *Array) (*Array, error) { return Slice(a, 1, 0, -1, true, false) },
		"transpose":   func(a *Array) (*Array, error) { return Transpose(a), nil },
		"transpose 2": func(a *Array) (*Array, error) { r, _ := Index(a, 0); return Transpose(r), nil },
		"select": func(a *Array) (*Array, error) {
			return Select(a, []Indexer{{Kind: IndexInt, I: 1}, {Kind: IndexArray, Idx: Vector([]float64{2, 0})}})
		},
		"assign": func(a *Array) (*Array, error) {
			return Assign(a, []Indexer{{Kind: IndexInt, I: 1}, {Kind: IndexInt, I: 2}}, Vector([]float64{-3, 2.5, 300, 7}))
		},
	} {
		got, err := f(byBytes)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := f(byFloats)
		if _, ok := got.Uint8s(); !ok || !Equal(got, want) || got.Depth != Uint8 {
			t.Errorf("%s: got %v (bytes %v, %s), want %v", name, got.Floats(), ok, got.Depth, want.Floats())
		}
	}
}

// BenchmarkFloatsOfBytes is the price of a 2048×2048 8-bit image's float64
// values, paid once, when it is printed or used in arithmetic.
func BenchmarkFloatsOfBytes(b *testing.B) {
	pix := make([]uint8, 2048*2048)
	for i := range pix {
		pix[i] = uint8(i * 7)
	}
	b.SetBytes(int64(len(pix)))
	for b.Loop() {
		FromBytes([]int{2048, 2048}, pix).Floats()
	}
}

// TestFormatBytes checks that a large byte-backed array prints as its
// float64 values do, without making them.
func TestFormatBytes(t *testing.T) {
	b := make([]uint8, 3000)
	for i := range b {
		b[i] = uint8(i)
	}
	a := FromBytes([]int{30, 100}, b)
	got := Format(a, FormatOptions{})
	if a.bytes.floats != nil {
		t.Error("Format made the float64 values")
	}
	if want := Format(NewDepth([]int{30, 100}, slices.Clone(a.Floats()), Uint8), FormatOptions{}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestRelabelledBytes: an array relabelled away from uint8 does not offer
// its bytes as uint8 values, so byte kernels take its floats.
func TestRelabelledBytes(t *testing.T) {
	a := FromBytes([]int{2}, []uint8{3, 4})
	if _, ok := a.Uint8s(); !ok {
		t.Fatal("a byte-backed uint8 array has no bytes")
	}
	a.Depth = Float64
	if _, ok := a.Uint8s(); ok {
		t.Error("an array labelled float64 gives its bytes as uint8 values")
	}
	if got := a.Floats(); got[0] != 3 || got[1] != 4 {
		t.Errorf("floats %v, want [3 4]", got)
	}
}
