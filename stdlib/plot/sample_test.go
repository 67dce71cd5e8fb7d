package plot

import (
	"math"
	"testing"
)

// turns returns the largest turn, in degrees, of the polyline through the
// finite samples, with x and y scaled by sx and sy.
func maxTurn(xs, ys []float64, sx, sy float64) float64 {
	worst := 0.0
	for i := 1; i+1 < len(xs); i++ {
		if !finite(ys[i-1]) || !finite(ys[i]) || !finite(ys[i+1]) {
			continue
		}
		ux, uy := (xs[i]-xs[i-1])/sx, (ys[i]-ys[i-1])/sy
		vx, vy := (xs[i+1]-xs[i])/sx, (ys[i+1]-ys[i])/sy
		c := (ux*vx + uy*vy) / (math.Hypot(ux, uy) * math.Hypot(vx, vy))
		worst = math.Max(worst, math.Acos(math.Max(-1, math.Min(1, c)))*180/math.Pi)
	}
	return worst
}

func TestSampleSmooth(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
		a, b float64
	}{
		{"sin", math.Sin, 0, 2 * math.Pi},
		{"exp", math.Exp, -2, 3},
		{"chirp", func(x float64) float64 { return math.Sin(x * x) }, 0, 6},
		{"bump", func(x float64) float64 { return math.Exp(-x * x * 400) }, -1, 1},
	} {
		xs, ys := Sample(c.f, c.a, c.b, Sampling{})
		if xs[0] != c.a || xs[len(xs)-1] != c.b {
			t.Errorf("%s: samples run from %g to %g, not [%g, %g]", c.name, xs[0], xs[len(xs)-1], c.a, c.b)
		}
		for i := 1; i < len(xs); i++ {
			if !(xs[i] > xs[i-1]) {
				t.Fatalf("%s: x not increasing at %d", c.name, i)
			}
			if ys[i] != c.f(xs[i]) {
				t.Fatalf("%s: y[%d] is not f(x[%d])", c.name, i, i)
			}
		}
		lo, hi := DataRange(ys)
		if turn := maxTurn(xs, ys, c.b-c.a, hi-lo); turn > 5.5 || len(xs) > 5000 {
			t.Errorf("%s: %d points, largest turn %.1f°", c.name, len(xs), turn)
		}
		t.Logf("%s: %d points", c.name, len(xs))
	}
}

// TestSampleRefinesWhereItBends: a narrow bump gets more points near its
// peak than on its flat tails.
func TestSampleRefinesWhereItBends(t *testing.T) {
	xs, _ := Sample(func(x float64) float64 { return math.Exp(-x * x * 400) }, -1, 1, Sampling{})
	near, far := 0, 0
	for _, x := range xs {
		switch {
		case math.Abs(x) < 0.1:
			near++
		case math.Abs(x) > 0.5:
			far++
		}
	}
	if float64(near)/0.2 < 4*float64(far)/1 {
		t.Errorf("%d samples within 0.1 of the peak, %d beyond 0.5: not refined", near, far)
	}
}

// TestSampleGaps: where f is NaN the samples keep the NaN, and the edge of
// the domain is pinned down by halving.
func TestSampleGaps(t *testing.T) {
	xs, ys := Sample(math.Sqrt, -1, 1, Sampling{})
	firstFinite := math.Inf(1)
	nans := 0
	for i, x := range xs {
		if math.IsNaN(ys[i]) {
			nans++
		} else {
			firstFinite = math.Min(firstFinite, x)
		}
	}
	if nans == 0 || firstFinite > 1e-3 {
		t.Errorf("%d NaNs, first finite sample at %g", nans, firstFinite)
	}
}

func TestSampleBudget(t *testing.T) {
	calls := 0
	noise := func(x float64) float64 { calls++; return math.Sin(1e4 * x) }
	xs, _ := Sample(noise, 0, 1, Sampling{MaxPoints: 500})
	if len(xs) > 500 || calls != len(xs) {
		t.Errorf("%d points from %d calls, budget 500", len(xs), calls)
	}
}
