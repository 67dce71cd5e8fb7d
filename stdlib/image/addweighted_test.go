package image

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"calc/stdlib/array"
)

// TestAddWeightedOpenCV compares 8-bit AddWeighted with OpenCV 4.6's
// addWeighted value for value (testdata/addweighted_reference.py), on
// lengths that reach its vector loop and its scalar tail.
func TestAddWeightedOpenCV(t *testing.T) {
	data, err := os.ReadFile("testdata/addweighted.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Shape              []int
		A, B, Want         []float64
		Alpha, Beta, Gamma float64
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		x := array.NewDepth(c.Shape, c.A, array.Uint8)
		y := array.NewDepth(c.Shape, c.B, array.Uint8)
		got, err := AddWeighted(x, c.Alpha, y, c.Beta, c.Gamma)
		if err != nil {
			t.Fatal(err)
		}
		if got.Depth != array.Uint8 || !slices.Equal(got.Floats(), c.Want) {
			t.Errorf("shape %v, weights %v %v %v: %v (depth %v), OpenCV %v", c.Shape, c.Alpha, c.Beta, c.Gamma, got.Floats(), got.Depth, c.Want)
		}
	}
}

// TestAddWeightedFloat: other depths give the plain float64 sum.
func TestAddWeightedFloat(t *testing.T) {
	x := array.Vector([]float64{1, -2, 300})
	y := array.Vector([]float64{4, 5, 6})
	got, err := AddWeighted(x, 0.5, y, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{9.5, 10, 163}; !slices.Equal(got.Floats(), want) || got.Depth == array.Uint8 {
		t.Errorf("AddWeighted = %v, want %v in float64", got.Floats(), want)
	}
	if _, err := AddWeighted(x, 1, array.Vector([]float64{1, 2}), 1, 0); err == nil {
		t.Error("no error for different shapes")
	}
}
