package roots

import (
	"errors"
	"fmt"
	"math"
)

// FixedPointMethod selects how FixedPoint iterates.
type FixedPointMethod int

// The methods of FixedPoint, scipy's method argument.
const (
	// Del2 is Steffensen's method: two steps of the iteration followed by
	// Aitken's Δ² extrapolation, p = p0 - (p1 - p0)²/(p2 - 2p1 + p0).
	Del2 FixedPointMethod = iota
	// Iteration is the plain iteration p = g(p0).
	Iteration
)

// FixedPointSettings are the settings of FixedPoint.
type FixedPointSettings struct {
	// XTol is the tolerance on the relative change |p - p0|/|p0| (|p| when
	// p0 is 0); zero means scipy's 1e-8.
	XTol float64
	// MaxIter bounds the iterations; zero means scipy's 500.
	MaxIter int
	// Method is Del2 (the zero value, scipy's default) or Iteration.
	Method FixedPointMethod
}

// FixedPoint finds a fixed point x = g(x) starting from x0, following
// scipy's fixed_point (scipy/optimize/_minpack_py.py) for a scalar: by
// Steffensen's method with Aitken's Δ² acceleration (Burden and Faires,
// "Numerical Analysis", 5th ed., p. 80), two calls of g per iteration and
// quadratic convergence at a fixed point where g' ≠ 1, or by plain
// iteration, one call per iteration and linear convergence when |g'| < 1.
//
// Where scipy raises "Failed to converge after N iterations, value is
// p", the Result has Converged false and that Message. The error is a
// *NaNError when g is not finite, or a settings error.
func FixedPoint(g func(float64) float64, x0 float64, s *FixedPointSettings) (res Result, err error) {
	xtol, maxiter, method := 1e-8, 500, Del2
	if s != nil {
		if s.XTol != 0 {
			xtol = s.XTol
		}
		if s.MaxIter != 0 {
			maxiter = s.MaxIter
		}
		method = s.Method
	}
	switch {
	case !(xtol > 0):
		return res, fmt.Errorf("xtol too small (%g <= 0)", xtol)
	case maxiter < 1:
		return res, errors.New("maxiter must be greater than 0")
	case method != Del2 && method != Iteration:
		return res, fmt.Errorf("unknown fixed-point method %d", method)
	}
	fn := scalar{f: g}
	defer func() { res.FunctionCalls = fn.calls }()
	defer guard(&err)

	p0, p := x0, x0
	for i := 0; i < maxiter; i++ {
		res.Iterations = i + 1
		p1 := fn.eval(p0)
		p = p1
		if method == Del2 {
			p2 := fn.eval(p1)
			if d := p2 - 2*p1 + p0; d != 0 {
				p = p0 - (p1-p0)*(p1-p0)/d
			} else {
				p = p2
			}
		}
		relerr := p
		if p0 != 0 {
			relerr = (p - p0) / p0
		}
		if math.Abs(relerr) < xtol {
			res.Root = p
			res.finish(Converged)
			return res, nil
		}
		p0 = p
	}
	res.Root = p
	res.finish(ConvergenceError)
	res.Message = fmt.Sprintf("Failed to converge after %d iterations, value is %v", maxiter, p)
	return res, nil
}
