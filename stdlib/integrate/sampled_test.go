package integrate

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// sampledX and sampledY are exp(sin(x)) at unevenly spaced points; the
// expected values below were recorded from scipy 1.10.1 on these samples
// (y as printed by numpy, so no libm rounding enters).
var (
	sampledX = []float64{0, 0.3, 0.7, 1.0, 1.6, 2.0, 2.1, 3.0}
	sampledY = []float64{1.0, 1.3438252437316536, 1.9044965343867302, 2.319776824715853,
		2.717123008431284, 2.4825777280150003, 2.3707571261703126, 1.151562836514535}
)

func sampledClose(got, want float64) bool {
	return math.Abs(got-want) <= 1e-14*math.Max(1, math.Abs(want))
}

func TestTrapezoidSimpsonScipy(t *testing.T) {
	// For the first n samples: trapezoid(y, x), trapezoid(y, dx=0.5),
	// simpson(y, x) with even='avg', 'first' and 'last', simpson(y, dx=0.5).
	cases := []struct {
		n                            int
		trapX, trapDx                float64
		simpAvg, simpFirst, simpLast float64
		simpDx                       float64
	}{
		{1, 0, 0, 0, 0, 0, 0},
		{2, 0.35157378655974797, 0.5859563109329133, 0.35157378655974797, 0.35157378655974797, 0.35157378655974797, 0.5859563109329133},
		{3, 1.0012381421834247, 1.3980367554625093, 0.9957002704313388, 0.9957002704313388, 0.9957002704313388, 1.379966251552224},
		{4, 1.6348791460488123, 2.4541050952381553, 1.6322988249216814, 1.6293412742967264, 1.6352563755466363, 2.4511278016299274},
		{5, 3.145949095992954, 3.7133300535249396, 3.172902304011579, 3.172902304011579, 3.172902304011579, 3.696754058499128},
		{7, 4.428555985991476, 6.226588951182839, 4.467032455053902, 4.467032455053902, 4.467032455053902, 6.1997858996093935},
		{8, 6.013599969199658, 7.1071689418540505, 6.076545281549399, 6.052076438262083, 6.101014124836715, 7.1722947557451935},
	}
	for _, c := range cases {
		x, y := sampledX[:c.n], sampledY[:c.n]
		for _, check := range []struct {
			name      string
			got, want float64
		}{
			{"trapezoid(x)", Trapezoid(y, x, 0), c.trapX},
			{"trapezoid(dx)", Trapezoid(y, nil, 0.5), c.trapDx},
			{"simpson avg", Simpson(y, x, 0, SimpsonAvg), c.simpAvg},
			{"simpson first", Simpson(y, x, 0, SimpsonFirst), c.simpFirst},
			{"simpson last", Simpson(y, x, 0, SimpsonLast), c.simpLast},
			{"simpson(dx)", Simpson(y, nil, 0.5, SimpsonAvg), c.simpDx},
		} {
			if !sampledClose(check.got, check.want) {
				t.Errorf("n=%d %s: %.17g, scipy %.17g", c.n, check.name, check.got, check.want)
			}
		}
	}
	// Repeated abscissae: numpy's guarded divisions.
	if got := Simpson([]float64{1, 2, 3, 4}, []float64{0, 1, 1, 2}, 0, SimpsonAvg); !sampledClose(got, 4.166666666666666) {
		t.Errorf("repeated abscissa: %.17g", got)
	}
	if got := Simpson([]float64{1, 2, 3}, []float64{0, 1, 1}, 0, SimpsonAvg); !sampledClose(got, 1.3333333333333333) {
		t.Errorf("repeated abscissa: %.17g", got)
	}
}

func TestSimpsonExactForCubics(t *testing.T) {
	// With an odd number of samples Simpson's rule is exact for cubics on
	// equal spacing and for quadratics on any spacing.
	f := func(x float64) float64 { return x*x*x - 2*x*x + 3 }
	var x, y []float64
	for i := 0; i <= 10; i++ {
		x = append(x, float64(i)/5)
		y = append(y, f(float64(i)/5))
	}
	exact := 16.0/4 - 2*8.0/3 + 6 // ∫₀² f
	if got := Simpson(y, nil, 0.2, SimpsonAvg); !sampledClose(got, exact) {
		t.Errorf("equal spacing: %.17g, want %.17g", got, exact)
	}
	g := func(x float64) float64 { return 3*x*x - x + 1 }
	xs := []float64{0, 0.1, 0.5, 0.6, 1.3, 1.7, 2}
	var ys []float64
	for _, v := range xs {
		ys = append(ys, g(v))
	}
	if got, want := Simpson(ys, xs, 0, SimpsonAvg), 8.0-2+2; !sampledClose(got, want) {
		t.Errorf("unequal spacing: %.17g, want %.17g", got, want)
	}
}

func TestCumulativeTrapezoid(t *testing.T) {
	zero := 0.0
	want := []float64{0.0, 0.35157378655974797, 1.0012381421834247, 1.6348791460488123,
		3.145949095992954, 4.185889243282211, 4.428555985991476, 6.013599969199658}
	got := CumulativeTrapezoid(sampledY, sampledX, 0, &zero)
	if len(got) != len(want) {
		t.Fatalf("len %d, want %d", len(got), len(want))
	}
	for i := range want {
		if !sampledClose(got[i], want[i]) {
			t.Errorf("x, initial=0: [%d] %.17g, scipy %.17g", i, got[i], want[i])
		}
	}
	want = []float64{0.29297815546645667, 0.6990183777312546, 1.2270525476190777,
		1.8566650267624698, 2.5066276188182552, 3.1132944755914194, 3.5535844709270252}
	got = CumulativeTrapezoid(sampledY, nil, 0.25, nil)
	if len(got) != len(want) {
		t.Fatalf("len %d, want %d", len(got), len(want))
	}
	for i := range want {
		if !sampledClose(got[i], want[i]) {
			t.Errorf("dx: [%d] %.17g, scipy %.17g", i, got[i], want[i])
		}
	}
	if got := CumulativeTrapezoid([]float64{5}, nil, 1, nil); len(got) != 0 {
		t.Errorf("one sample: %v", got)
	}
}

func TestRomb(t *testing.T) {
	var y []float64
	for i := 0; i <= 16; i++ {
		y = append(y, math.Exp(2*float64(i)/16))
	}
	// scipy 1.10.1: romb(exp(linspace(0, 2, 17)), dx=0.125), and on the
	// first 2 and 3 samples with dx 2 and 1. Go's and numpy's exp may
	// differ in the last bit, hence the tolerance.
	for _, c := range []struct {
		n        int
		dx, want float64
	}{
		{17, 0.125, 6.38905609904506},
		{2, 2, 2.133148453066826},
		{3, 1, 2.272206409651682},
	} {
		got, err := Romb(y[:c.n], c.dx)
		if err != nil || !sampledClose(got, c.want) {
			t.Errorf("n=%d: %.17g, %v; scipy %.17g", c.n, got, err, c.want)
		}
	}
	if got, _ := Romb(y, 0.125); math.Abs(got-(math.Exp(2)-1)) > 1e-9 {
		t.Errorf("romb of exp: %.17g, exact %.17g", got, math.Exp(2)-1)
	}
	for _, n := range []int{0, 1, 4, 6, 16} {
		if _, err := Romb(make([]float64, n), 1); !errors.Is(err, ErrRombSamples) {
			t.Errorf("%d samples: %v", n, err)
		}
	}
}

func TestSampledLengthMismatchPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	Trapezoid([]float64{1, 2, 3}, []float64{0, 1}, 0)
}

func ExampleSimpson() {
	// x³ sampled at 0, 1, ..., 9 (an even number of samples): scipy 1.10's
	// simpson gives 1642.5 with even='avg' and 1644.5 with 'first'; the
	// exact integral is 1640.25.
	var x, y []float64
	for i := 0; i < 10; i++ {
		x = append(x, float64(i))
		y = append(y, float64(i*i*i))
	}
	fmt.Println(Simpson(y, x, 0, SimpsonAvg), Simpson(y, x, 0, SimpsonFirst), Trapezoid(y, x, 0))
	// Output:
	// 1642.5 1644.5 1660.5
}
