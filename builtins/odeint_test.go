package builtins_test

import (
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
