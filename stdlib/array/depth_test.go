package array

import (
	"math"
	"testing"
)

func TestDepthSaturate(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		d    Depth
		in   []float64
		want []float64
	}{
		// cv::saturate_cast: round half to even, clip, NaN to 0.
		{Uint8, []float64{-3, 0.5, 1.5, 2.5, 254.5, 255.5, 300, nan}, []float64{0, 0, 2, 2, 254, 255, 255, 0}},
		{Int16, []float64{-40000, -2.5, 32767.4, 1e9}, []float64{-32768, -2, 32767, 32767}},
		{Uint16, []float64{-1, 65535.5, 7.5}, []float64{0, 65535, 8}},
		{Float32, []float64{0.1}, []float64{float64(float32(0.1))}},
		{Float64, []float64{0.1, -7}, []float64{0.1, -7}},
	} {
		got := Convert(Vector(c.in), c.d)
		if got.Depth != c.d {
			t.Errorf("%s: depth %s", c.d, got.Depth)
		}
		for i, w := range c.want {
			if got.Floats()[i] != w {
				t.Errorf("%s(%g) = %g, want %g", c.d, c.in[i], got.Floats()[i], w)
			}
		}
	}
}

func TestDepthOutside(t *testing.T) {
	for _, c := range []struct {
		d    Depth
		in   []float64
		want int
	}{
		{Uint8, []float64{0, 255, 17}, -1},
		{Uint8, []float64{0, 256}, 1},
		{Uint8, []float64{0.5}, 0},
		{Uint8, []float64{1, math.NaN()}, 1},
		{Float64, []float64{math.NaN(), 1e300}, -1},
		{Float32, []float64{math.NaN(), 0.1}, 1},
	} {
		if got := c.d.Outside(Vector(c.in)); got != c.want {
			t.Errorf("%s.Outside(%v) = %d, want %d", c.d, c.in, got, c.want)
		}
	}
}

func TestDepthNames(t *testing.T) {
	for d := Float64; d <= Int16; d++ {
		got, err := ParseDepth(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDepth(%q) = %v, %v", d.String(), got, err)
		}
	}
	if _, err := ParseDepth("uint9"); err == nil {
		t.Error("ParseDepth(uint9) did not fail")
	}
}

// TestDepthKept checks that moving values keeps a depth and that joining
// arrays of different depths does not.
func TestDepthKept(t *testing.T) {
	a := &Array{Shape: []int{2, 3}, data: []float64{1, 2, 3, 4, 5, 6}, Depth: Uint8}
	row, _ := Index(a, 1)
	sl, _ := Slice(a, 0, 1, 1, true, true)
	re, _ := Reshape(a, []int{3, 2})
	st, _ := Stack([]*Array{a, a}, 0)
	mixed, _ := Stack([]*Array{a, Zeros(2, 3)}, 0)
	for name, got := range map[string]Depth{
		"Index": row.Depth, "Slice": sl.Depth, "Reshape": re.Depth, "Transpose": Transpose(a).Depth,
		"Flatten": Flatten(a).Depth, "Stack": st.Depth,
	} {
		if got != Uint8 {
			t.Errorf("%s gave %s", name, got)
		}
	}
	if mixed.Depth != Float64 {
		t.Errorf("Stack of uint8 and float64 gave %s", mixed.Depth)
	}
}

// Operations that only move values keep the depth, as numpy keeps the
// dtype; argsort gives positions, numbers.
func TestMovingKeepsDepth(t *testing.T) {
	m := &Array{Shape: []int{2, 2}, data: []float64{0, 1, 1, 0}, Depth: Bool}
	img := &Array{Shape: []int{3}, data: []float64{7, 255, 0}, Depth: Uint8}
	ops := map[string]func(a *Array) (*Array, error){
		"flip":     func(a *Array) (*Array, error) { return Flip(a, 0) },
		"flip all": func(a *Array) (*Array, error) { return Flip(a, AllAxes) },
		"roll":     func(a *Array) (*Array, error) { return Roll(a, 1, 0) },
		"roll all": func(a *Array) (*Array, error) { return Roll(a, 1, AllAxes) },
		"sort":     func(a *Array) (*Array, error) { return Sort(a, -1) },
		"sort all": func(a *Array) (*Array, error) { return Sort(a, AllAxes) },
		"tile":     func(a *Array) (*Array, error) { return Tile(a, []int{2}) },
		"repeat":   func(a *Array) (*Array, error) { return Repeat(a, []int{2}, AllAxes) },
		"max":      func(a *Array) (*Array, error) { return Max(a, 0) },
		"min all":  func(a *Array) (*Array, error) { return Min(a, AllAxes) },
		"vstack":   func(a *Array) (*Array, error) { return Vstack([]*Array{a, a}) },
		"hstack":   func(a *Array) (*Array, error) { return Hstack([]*Array{a, a}) },
		"where":    func(a *Array) (*Array, error) { return Where(Vector([]float64{1}), a, a) },
		"unique":   func(a *Array) (*Array, error) { u, _ := Unique(a); return u, nil },
	}
	for name, op := range ops {
		for _, a := range []*Array{m, img} {
			r, err := op(a)
			if err != nil {
				t.Fatalf("%s of %s: %v", name, a.Depth, err)
			}
			if r.Depth != a.Depth {
				t.Errorf("%s of %s gives %s", name, a.Depth, r.Depth)
			}
		}
	}
	if r, err := Argsort(m, 0); err != nil || r.Depth != Float64 {
		t.Errorf("argsort of a mask gives %v, %v: want positions, float64", r, err)
	}
}

// Stored values convert to the array's depth: numpy's cast to bool for a
// mask, OpenCV's saturate_cast for 8 bits.
func TestAssignConverts(t *testing.T) {
	m := &Array{Shape: []int{3}, data: []float64{0, 1, 1}, Depth: Bool}
	img := &Array{Shape: []int{3}, data: []float64{7, 255, 0}, Depth: Uint8}
	for _, c := range []struct {
		a    *Array
		v    []float64
		want []float64
	}{
		{m, []float64{5, 0, math.NaN()}, []float64{1, 0, 1}},
		{img, []float64{300, 3.5, -2}, []float64{255, 4, 0}},
	} {
		got, err := Assign(c.a, []Indexer{{Kind: IndexSlice}}, Vector(c.v))
		if err != nil {
			t.Fatal(err)
		}
		if got.Depth != c.a.Depth || !Equal(got, Vector(c.want)) {
			t.Errorf("%s[:] = %v gives %s %v, want %v", c.a.Depth, c.v, got.Depth, got.Floats(), c.want)
		}
	}
}
