package interp

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

type refCase struct {
	Fn          string
	Kind        string
	X, Y, At    []float64
	Left, Right *float64
	BC          []json.RawMessage
	Nu          int
	Out         []float64
}

// boundary decodes one end's condition: "not-a-knot", "periodic" or
// [order, value].
func boundary(raw json.RawMessage) (Boundary, bool) {
	var name string
	if json.Unmarshal(raw, &name) == nil {
		return NotAKnot, name == "periodic"
	}
	var pair [2]float64
	if err := json.Unmarshal(raw, &pair); err != nil {
		panic(err)
	}
	return Boundary{Order: int(pair[0]), Value: pair[1]}, false
}

func TestScipyReference(t *testing.T) {
	raw, err := os.ReadFile("testdata/scipy_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Numpy, Scipy string
		Cases        []refCase
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cases from numpy %s, scipy %s", len(ref.Cases), ref.Numpy, ref.Scipy)
	for i, c := range ref.Cases {
		var eval func(x float64) float64
		tol := 0.0 // numpy.interp and interp1d's linear and nearest: to the bit
		switch c.Fn {
		case "interp":
			left, right := c.Y[0], c.Y[len(c.Y)-1]
			if c.Left != nil {
				left, right = *c.Left, *c.Right
			}
			l, err := NewLinear(c.X, c.Y, left, right)
			if err != nil {
				t.Fatal(err)
			}
			eval = l.At
		case "interp1d":
			f, err := NewInterp1d(c.X, c.Y, c.Kind)
			if err != nil {
				t.Fatal(err)
			}
			eval = func(x float64) float64 {
				v, err := f.At(x)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			if c.Kind == "cubic" {
				tol = 1e-13 // a B-spline in scipy, slopes here
			}
		case "CubicSpline":
			start, periodic := boundary(c.BC[0])
			end, _ := boundary(c.BC[1])
			sp, err := NewCubicSpline(c.X, c.Y, start, end, periodic)
			if err != nil {
				t.Fatal(err)
			}
			eval = func(x float64) float64 { return sp.At(x, c.Nu) }
			tol = 1e-13
		}
		scale := 0.0
		for _, w := range c.Out {
			scale = max(scale, math.Abs(w))
		}
		for j, x := range c.At {
			if got, want := eval(x), c.Out[j]; got != want && math.Abs(got-want) > tol*scale {
				t.Errorf("case %d %s %s %s nu %d at %v: got %v, want %v", i, c.Fn, c.Kind, c.BC, c.Nu, x, got, want)
			}
		}
	}
}
