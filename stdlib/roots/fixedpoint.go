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
	xtol, maxiter, method, err := s.resolve()
	if err != nil {
		return res, err
	}
	fn := scalar{f: g}
	defer func() { res.FunctionCalls = fn.calls }()
	defer guard(&err)
	p, iters, conv := fixedPoint(func(x, y []float64) { y[0] = fn.eval(x[0]) }, []float64{x0}, xtol, maxiter, method)
	res.Root, res.Iterations = p[0], iters
	if conv {
		res.finish(Converged)
		return res, nil
	}
	res.finish(ConvergenceError)
	res.Message = fmt.Sprintf("Failed to converge after %d iterations, value is %v", maxiter, p[0])
	return res, nil
}

// FixedPointVecResult is what FixedPointVec found.
type FixedPointVecResult struct {
	X                         []float64
	Iterations, FunctionCalls int
	Converged                 bool
	// Message is scipy's message when it did not converge.
	Message string
}

// FixedPointVec is FixedPoint for a vector x = g(x), as scipy's
// fixed_point with an array x0: every component takes the same step
// (Aitken's Δ² componentwise, the plain iterate where its denominator
// vanishes), and it stops when every component's relative change is
// below XTol. g writes g(x) into y. The error is a *NaNError when g is not
// finite, or a settings error.
func FixedPointVec(g func(x, y []float64), x0 []float64, s *FixedPointSettings) (res *FixedPointVecResult, err error) {
	xtol, maxiter, method, err := s.resolve()
	if err != nil {
		return nil, err
	}
	res = &FixedPointVecResult{}
	defer guard(&err)
	eval := func(x, y []float64) {
		res.FunctionCalls++
		g(x, y)
		for _, v := range y {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				panic(nanPanic{&NaNError{X: append([]float64(nil), x...), Value: v}})
			}
		}
	}
	res.X, res.Iterations, res.Converged = fixedPoint(eval, x0, xtol, maxiter, method)
	if !res.Converged {
		res.Message = fmt.Sprintf("Failed to converge after %d iterations, value is %v", maxiter, res.X)
	}
	return res, nil
}

// resolve applies the defaults and checks the settings.
func (s *FixedPointSettings) resolve() (xtol float64, maxiter int, method FixedPointMethod, err error) {
	xtol, maxiter, method = 1e-8, 500, Del2
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
		err = fmt.Errorf("xtol too small (%g <= 0)", xtol)
	case maxiter < 1:
		err = errors.New("maxiter must be greater than 0")
	case method != Del2 && method != Iteration:
		err = fmt.Errorf("unknown fixed-point method %d", method)
	}
	return
}

// fixedPoint is scipy's _fixed_point_helper: it iterates from x0 and
// returns the last point, the iterations and whether every component
// converged.
func fixedPoint(eval func(x, y []float64), x0 []float64, xtol float64, maxiter int, method FixedPointMethod) ([]float64, int, bool) {
	n := len(x0)
	p0, p := append([]float64(nil), x0...), make([]float64, n)
	p1, p2 := make([]float64, n), make([]float64, n)
	for i := 0; i < maxiter; i++ {
		eval(p0, p1)
		copy(p, p1)
		if method == Del2 {
			eval(p1, p2)
			for j := range p {
				if d := p2[j] - 2*p1[j] + p0[j]; d != 0 {
					p[j] = p0[j] - (p1[j]-p0[j])*(p1[j]-p0[j])/d
				} else {
					p[j] = p2[j]
				}
			}
		}
		done := true
		for j := range p {
			relerr := p[j]
			if p0[j] != 0 {
				relerr = (p[j] - p0[j]) / p0[j]
			}
			if !(math.Abs(relerr) < xtol) {
				done = false
			}
		}
		if done {
			return p, i + 1, true
		}
		copy(p0, p)
	}
	return p, maxiter, false
}
