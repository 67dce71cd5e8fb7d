package integrate

import (
	"math"
	"slices"
	"testing"
)

// vanDerPol is y″ = μ(1 − y²)y′ − y as a first-order system, stiff for
// large μ, with its Jacobian; copies > 1 repeats the system, the copies
// coupled to the first (z' = f(z) + y, a sensitivity's shape), so that
// the first system alone decides the steps when the copies are out of
// the error test.
func vanDerPol(mu float64, copies int) (f func(t float64, y, dy []float64), jac func(t float64, y, J []float64)) {
	f = func(_ float64, y, dy []float64) {
		for c := range copies {
			z, dz := y[2*c:2*c+2], dy[2*c:2*c+2]
			dz[0] = z[1]
			dz[1] = mu*(1-z[0]*z[0])*z[1] - z[0]
			if c > 0 {
				dz[0] += y[0]
				dz[1] += y[1]
			}
		}
	}
	jac = func(_ float64, y, J []float64) {
		m := 2 * copies
		clear(J)
		for c := range copies {
			z, i := y[2*c:2*c+2], 2*c
			J[i*m+i+1] = 1
			J[(i+1)*m+i] = -2*mu*z[0]*z[1] - 1
			J[(i+1)*m+i+1] = mu * (1 - z[0]*z[0])
		}
	}
	return f, jac
}

// TestInfiniteAtolLeavesComponentsOut checks that components of infinite
// absolute tolerance are out of the error test: with them the first
// system's solution and evaluation count are those of the system alone,
// for every method, stiff and not.
func TestInfiniteAtolLeavesComponentsOut(t *testing.T) {
	atol := []float64{1e-8, 1e-8, math.Inf(1), math.Inf(1), math.Inf(1), math.Inf(1)}
	ts := []float64{0, 0.5, 1, 2, 3}
	for _, mu := range []float64{1, 1000} {
		f1, j1 := vanDerPol(mu, 1)
		f3, j3 := vanDerPol(mu, 3)
		alone, err := Odeint(f1, j1, []float64{2, 0}, ts, &OdeintSettings{Rtol: 1e-6, Atol: 1e-8})
		if err != nil {
			t.Fatal(err)
		}
		with, err := Odeint(f3, j3, []float64{2, 0, 2, 0, 2, 0}, ts, &OdeintSettings{Rtol: 1e-6, AtolVec: atol})
		if err != nil {
			t.Fatal(err)
		}
		for k := range ts {
			if !slices.Equal(alone.Y[k], with.Y[k][:2]) {
				t.Errorf("odeint μ = %g, t = %g: %v alone, %v with the copies", mu, ts[k], alone.Y[k], with.Y[k][:2])
			}
		}
		if a, w := alone.NFe[len(ts)-2], with.NFe[len(ts)-2]; a != w {
			t.Errorf("odeint μ = %g: %d evaluations alone, %d with the copies", mu, a, w)
		}
		for _, m := range ivpMethods {
			if mu > 1 && (m == RK45 || m == RK23 || m == DOP853) {
				continue // too stiff for them
			}
			alone, err := SolveIVP(f1, [2]float64{0, 3}, []float64{2, 0}, &IVPSettings{Method: m, Rtol: 1e-6, Atol: 1e-8, TEval: ts, Jac: j1})
			if err != nil {
				t.Fatal(err)
			}
			with, err := SolveIVP(f3, [2]float64{0, 3}, []float64{2, 0, 2, 0, 2, 0}, &IVPSettings{Method: m, Rtol: 1e-6, AtolVec: atol, TEval: ts, Jac: j3})
			if err != nil {
				t.Fatal(err)
			}
			for k := range ts {
				if !slices.Equal(alone.Y[k], with.Y[k][:2]) {
					t.Errorf("%s μ = %g, t = %g: %v alone, %v with the copies", m, mu, ts[k], alone.Y[k], with.Y[k][:2])
				}
			}
			if alone.NFev != with.NFev {
				t.Errorf("%s μ = %g: %d evaluations alone, %d with the copies", m, mu, alone.NFev, with.NFev)
			}
		}
	}
}
