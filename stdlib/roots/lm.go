package roots

import (
	"errors"
	"fmt"

	"calc/stdlib/minpack"
)

// LMSettings are the settings of LM, scipy's root(method='lm') options:
// MINPACK's, with scipy's defaults for the zero fields.
type LMSettings = minpack.LMOptions

// LM solves F(x) = 0, F from Rⁿ to Rⁿ, by minimizing ‖F(x)‖² with the
// Levenberg–Marquardt method as implemented in MINPACK's lmdif (jac nil:
// a forward-difference Jacobian) and lmder (jac given), which scipy's
// root(method='lm') calls through leastsq. J. J. Moré, "The
// Levenberg–Marquardt algorithm: implementation and theory", in Numerical
// Analysis, G. A. Watson (ed.), Lecture Notes in Mathematics 630,
// Springer 1977, 105–116; Moré, Garbow and Hillstrom, "User Guide for
// MINPACK-1", 1980.
//
// Each iteration factors the Jacobian with column pivoting (O(n³)), then
// finds the Levenberg–Marquardt parameter whose step fits the trust
// region (lmpar, a few O(n²) solves) and tries it, shrinking the region
// until the step succeeds. f and jac are as for Hybr.
//
// The result matches scipy's root(method='lm') call for call. Ier is
// MINPACK's info (scipy's status): 1 to 4 are successes (the sum of squares,
// the step or the gradient is small), 5 too many calls, 6 to 8 tolerances
// too small to make progress. Note that a success means a local minimum
// of ‖F‖, which need not be a root when the system has none: check Fvec.
// The error is a *NaNError when F or the Jacobian is not finite, or a
// settings error.
func LM(f func(x, fx []float64), jac func(x, j []float64), x0 []float64, s *LMSettings) (res *SystemResult, err error) {
	n := len(x0)
	m := n
	var o LMSettings
	if s != nil {
		o = *s
	}
	o = o.WithDefaults(n, jac != nil)
	switch {
	case n == 0:
		return nil, errors.New("the starting point is empty")
	case o.FTol < 0 || o.XTol < 0 || o.GTol < 0 || o.MaxFuncEvals < 0 || o.Factor <= 0:
		return nil, errors.New("Improper input parameters.")
	case o.Diag != nil && len(o.Diag) != n:
		return nil, fmt.Errorf("diag has %d entries for %d unknowns", len(o.Diag), n)
	}
	for _, d := range o.Diag {
		if !(d > 0) {
			return nil, errors.New("Improper input parameters.")
		}
	}

	sys := &system{f: f, jac: jac}
	var rows func(x, j []float64)
	if jac != nil {
		rows = func(x, j []float64) {
			sys.njev++
			jac(x, j)
			checkFinite(x, j)
		}
	}
	defer guard(&err)
	out := minpack.LMDer(sys.eval, rows, x0, m, &minpack.LMSettings{LMOptions: o, Machine: mach})
	res = &SystemResult{X: out.X, Fvec: out.Fvec, Fjac: out.Fjac, Qtf: out.Qtf, Ier: out.Info, NFev: out.NFev, NJev: out.NJev}
	res.Success = res.Ier >= 1 && res.Ier <= 4
	res.Message = minpack.LMMessage(res.Ier, o.MaxFuncEvals, o.FTol, o.XTol, o.GTol)
	res.Ipvt = make([]int, n)
	for j, p := range out.Ipvt {
		res.Ipvt[j] = p + 1
	}
	return res, nil
}
