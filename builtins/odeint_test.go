package builtins_test

import (
	"fmt"
	"math"
	"testing"
)

// TestOdeintTimeFirst: odeint's tfirst, as scipy's, calls func(t, y) and
// Dfun(t, y), numbers or differentiated. y' = k*t - y/2 from y(0) = y0
// is y = 2kt - 4k + (y0 + 4k)e^{-t/2}.
func TestOdeintTimeFirst(t *testing.T) {
	exact := func(tt, y0, k float64) float64 { return 2*k*tt - 4*k + (y0+4*k)*math.Exp(-tt/2) }
	want := []float64{exact(0, 1, 1), exact(1, 1, 1), exact(2, 1, 1)}
	rhs := "f(t, y, k) = k*t - y/2\n"
	src := rhs + "flatten(odeint(f, 1, [0, 1, 2], args=[1], tfirst=true, rtol=1e-11, atol=1e-12))"
	closeTo(t, "tfirst", numbers(t, src), want, 1e-9)
	src = rhs + "jac(t, y, k) = [[-0.5]]\nflatten(odeint(f, 1, [0, 1, 2], args=[1], Dfun=jac, tfirst=true, rtol=1e-11, atol=1e-12))"
	closeTo(t, "tfirst with Dfun", numbers(t, src), want, 1e-9)
	src = rhs + "L(y0) = odeint(f, y0, [0, 2], args=[1], tfirst=true, rtol=1e-11, atol=1e-12)[-1, 0]\ngrad(L)(1)"
	closeTo(t, "tfirst differentiated", numbers(t, src), []float64{math.Exp(-1)}, 1e-8)
}

// TestOdeintColDeriv: with col_deriv, Dfun gives the Jacobian transposed,
// as scipy's; the counts of scipy's LSODA (testdata/odeint_col_deriv.py)
// tell the Jacobian taken, since a wrong one changes the steps.
func TestOdeintColDeriv(t *testing.T) {
	rhs := "f(y, t) = [-1000*y[0] + 3*y[1], 2*y[0] - 0.5*y[1]]\njacT(y, t) = [[-1000, 2], [3, -0.5]]\n"
	out := "r = odeint(f, [1, 1], [0, 1, 10], Dfun=jacT, full_output=true%s)\nconcat(r.y[-1], r.infodict.nfe, r.infodict.nje)"
	// scipy: y(10) and its nfe and nje at t = 1 and 10.
	want := []float64{2.1517991881496002e-05, 0.007169120685825101, 241, 333, 8, 12}
	closeTo(t, "col_deriv", numbers(t, rhs+fmt.Sprintf(out, ", col_deriv=true")), want, 1e-9)
	wrong := []float64{2.1514241855016938e-05, 0.007169116827428829, 226, 348, 7, 20}
	closeTo(t, "the transposed Jacobian taken as rows", numbers(t, rhs+fmt.Sprintf(out, "")), wrong, 1e-6)
}
