package roots

import (
	"math"
	"strings"
	"testing"
)

// TestNewtonVecScipy checks NewtonVec against scipy 1.10's newton with an
// array x0 on the cube roots of a = −4..4 from x0 = linspace(0.3, 3.3,
// 9), maxiter 200, by Newton, secant and Halley. The secant method's
// first component wanders to −131.437 in scipy too, with its warning.
func TestNewtonVecScipy(t *testing.T) {
	x0 := make([]float64, 9)
	a := make([]float64, 9)
	for i := range x0 {
		x0[i] = 0.3 + 3*float64(i)/8
		a[i] = float64(i - 4)
	}
	f := func(x, y []float64) {
		for i := range x {
			y[i] = x[i]*x[i]*x[i] - a[i]
		}
	}
	df := func(x, y []float64) {
		for i := range x {
			y[i] = 3 * x[i] * x[i]
		}
	}
	d2f := func(x, y []float64) {
		for i := range x {
			y[i] = 6 * x[i]
		}
	}
	for _, c := range []struct {
		name      string
		df, d2f   func(x, y []float64)
		want      []float64
		converged bool
		warning   string
	}{
		{"newton", df, nil, []float64{-1.5874010519681996, -1.4422495703074083, -1.2599210498948732, -1.0, 2.143709080608387e-08,
			1.0, 1.2599210498948732, 1.4422495703074083, 1.5874010519681996}, true, ""},
		{"secant", nil, nil, []float64{-131.43721158498101, -1.4422495703074083, -1.2599210498948732, -1.0, 8.178086192337986e-25,
			1.0, 1.2599210498948732, 1.4422495703074083, 1.5874010519681994}, false, "some failed to converge after 200 iterations"},
		{"halley", df, d2f, []float64{-1.5874010519681994, -1.4422495703074083, -1.2599210498948732, -1.0, 1.341104507446289e-08,
			1.0, 1.2599210498948732, 1.4422495703074083, 1.5874010519681996}, true, ""},
	} {
		r, err := NewtonVec(f, c.df, c.d2f, x0, &NewtonSettings{MaxIter: 200})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for i, w := range c.want {
			tol := 1e-12
			if !c.converged && i == 0 {
				tol = 1e-9 // 200 secant steps that never settle amplify rounding
			}
			if math.Abs(r.Root[i]-w) > tol*math.Max(1, math.Abs(w)) {
				t.Errorf("%s: root %v, scipy %v", c.name, r.Root, c.want)
				break
			}
		}
		all := true
		for _, v := range r.Converged {
			all = all && v
		}
		if all != c.converged || r.Warning != c.warning {
			t.Errorf("%s: converged %v warning %q, scipy %v %q", c.name, r.Converged, r.Warning, c.converged, c.warning)
		}
	}
	_, err := NewtonVec(f, df, nil, x0, &NewtonSettings{MaxIter: 1})
	if err == nil || !strings.Contains(err.Error(), "all failed") {
		t.Errorf("maxiter 1: %v, want all failed", err)
	}
}
