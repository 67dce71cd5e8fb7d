package image

import (
	"math"
	"testing"

	"calc/stdlib/array"
)

// TestMorphEdgesAndNaN checks that pixels past the border are left out of
// a minimum, and that a NaN in a window makes its result NaN.
func TestMorphEdgesAndNaN(t *testing.T) {
	k, err := StructuringElement(Rect, 3, 1, -1, -1)
	if err != nil {
		t.Fatal(err)
	}
	img := array.New([]int{1, 5}, []float64{5, 1, 7, 8, math.NaN()})
	got, err := Erode(bg, img, k, -1, -1, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1, 1, 1, math.NaN(), math.NaN()}
	for i, w := range want {
		if g := got.Floats()[i]; g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
			t.Errorf("erode[%d] = %g, want %g", i, g, w)
		}
	}
}
