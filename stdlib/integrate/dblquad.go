package integrate

import "math"

// DblQuad integrates f(y, x) over the region a ≤ x ≤ b, gfun(x) ≤ y ≤
// hfun(x), as scipy.integrate.dblquad does: the outer integral over x is a
// Quad whose integrand at each x is itself a Quad over y from gfun(x) to
// hfun(x), both with the same settings (scipy passes epsabs and epsrel to
// both through nquad; each has the default limit unless s sets one). Any
// limit may be infinite. The cost is the product of the two Quads': a
// smooth integrand on a finite region takes 21·21 evaluations of f.
//
// The result's Value is the outer Quad's and AbsErr the largest error
// estimate of all the Quads, inner and outer, as scipy's nquad reports it.
// NEval counts the evaluations of f. Ier and Message are the outer Quad's unless it
// succeeded and an inner Quad did not: then they are the first failing
// inner Quad's, where scipy would only warn. The error is ErrQuadInput for
// invalid limits or tolerances.
func DblQuad(f func(y, x float64) float64, a, b float64, gfun, hfun func(x float64) float64, s *QuadSettings) (QuadResult, error) {
	neval, abserr := 0, 0.0
	var failed QuadResult // the first inner Quad that failed, if any
	var innerErr error
	outer, err := Quad(func(x float64) float64 {
		r, err := Quad(func(y float64) float64 { return f(y, x) }, gfun(x), hfun(x), s)
		neval += r.NEval
		abserr = math.Max(abserr, r.AbsErr)
		if innerErr == nil && err != nil {
			innerErr = err
		}
		if failed.Ier == 0 {
			failed = r
		}
		return r.Value
	}, a, b, s)
	if err == nil {
		err = innerErr
	}
	outer.NEval = neval
	outer.AbsErr = math.Max(abserr, outer.AbsErr)
	if outer.Success && failed.Ier != 0 {
		outer.Ier, outer.Message, outer.Success = failed.Ier, failed.Message, false
	}
	return outer, err
}
