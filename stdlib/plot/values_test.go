package plot

import (
	"math"
	"slices"
	"testing"
)

// TestLinspace checks against numpy 1.24: np.linspace(-1.3, 2.9, 7), which
// computes by another formula, so the values agree to rounding.
func TestLinspace(t *testing.T) {
	want := []float64{-1.3, -0.6, 0.10000000000000009, 0.8, 1.5000000000000002, 2.2, 2.9}
	if got := Linspace(-1.3, 2.9, 7); !close(got, want) || got[6] != 2.9 {
		t.Errorf("Linspace(-1.3, 2.9, 7) = %v, want %v", got, want)
	}
	if got := Linspace(0, 1, 2); !slices.Equal(got, []float64{0, 1}) {
		t.Errorf("Linspace(0, 1, 2) = %v", got)
	}
}

func TestIndicesFilledFinite(t *testing.T) {
	if got := Indices(4); !slices.Equal(got, []float64{0, 1, 2, 3}) {
		t.Errorf("Indices(4) = %v", got)
	}
	if got := Filled(3, 0.5); !slices.Equal(got, []float64{0.5, 0.5, 0.5}) {
		t.Errorf("Filled(3, 0.5) = %v", got)
	}
	nan, inf := math.NaN(), math.Inf(1)
	if !Finite() || !Finite(1, -2) || Finite(1, nan) || Finite(inf) || Finite(-inf, 0) {
		t.Error("Finite is wrong")
	}
}

// TestBinCentres checks against numpy: for the edges [0, 1, 2, 4] the
// centres (e[1:] + e[:-1]) / 2 and the narrowest np.diff(e).
func TestBinCentres(t *testing.T) {
	c, w := BinCentres([]float64{0, 1, 2, 4})
	if !slices.Equal(c, []float64{0.5, 1.5, 3}) || w != 1 {
		t.Errorf("BinCentres = %v, %v", c, w)
	}
}

func TestImageHeight(t *testing.T) {
	for _, c := range []struct {
		rows, cols int
		titled     bool
		want       int
	}{
		{57, 57, false, 630}, {57, 57, true, 662}, {1, 100, false, 200}, {100, 1, false, 1600},
	} {
		if got := ImageHeight(c.rows, c.cols, c.titled); got != c.want {
			t.Errorf("ImageHeight(%d, %d, %v) = %d, want %d", c.rows, c.cols, c.titled, got, c.want)
		}
	}
}
