package plot

import (
	"math"
	"slices"
	"testing"
)

// TestHistogram checks against numpy 1.26: np.histogram(x, bins=5) and
// np.histogram(x, bins=[0, 1, 2, 4], density=True).
func TestHistogram(t *testing.T) {
	x := []float64{1, 2, 2, 3, 3, 3, 4, 4, 5, math.NaN()}
	lo, hi := DataRange(x)
	edges, err := BinEdges(lo, hi, 5)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{1, 1.8, 2.6, 3.4, 4.2, 5}; !close(edges, want) {
		t.Errorf("edges %v, want %v", edges, want)
	}
	counts, _ := Histogram(x, edges, false)
	if want := []float64{1, 2, 3, 2, 1}; !slices.Equal(counts, want) {
		t.Errorf("counts %v, want %v", counts, want)
	}
	// 5 is outside [0, 4]; 2 falls in [2, 4), the last bin closed.
	dens, _ := Histogram(x, []float64{0, 1, 2, 4}, true)
	if want := []float64{0, 0.125, 0.4375}; !close(dens, want) {
		t.Errorf("density %v, want %v", dens, want)
	}
	if e, _ := BinEdges(3, 3, 2); !close(e, []float64{2.5, 3, 3.5}) {
		t.Errorf("edges of a constant: %v", e)
	}
	if _, err := Histogram(x, []float64{0, 0}, false); err == nil {
		t.Error("equal edges accepted")
	}
}

func close(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			return false
		}
	}
	return true
}
