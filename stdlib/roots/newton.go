package roots

import (
	"errors"
	"fmt"
	"math"
)

// NewtonSettings are the settings of Newton.
type NewtonSettings struct {
	// XTol is the absolute tolerance on the step (scipy's tol); zero
	// means scipy's 1.48e-8. Newton stops when |x_new - x| <= XTol +
	// RTol*|x|.
	XTol float64
	// RTol is the relative tolerance on the step; zero is scipy's default.
	RTol float64
	// MaxIter bounds the iterations; zero means scipy's 50.
	MaxIter int
	// X1 is the secant method's second starting point; nil means scipy's
	// x0*(1 + 1e-4) + 1e-4 (or - 1e-4 when that is negative).
	X1 *float64
}

// Newton finds a root of f near x0. With the derivative df it takes
// Newton–Raphson steps x -= f(x)/f'(x), which converge quadratically near
// a simple root; with the second derivative d2f as well it takes Halley's
// steps, which converge cubically (the Halley correction is skipped when
// it would more than double or reverse the Newton step); with df nil it
// takes secant steps, whose order is the golden ratio, and ignores d2f.
//
// It follows scipy's newton (scipy/optimize/_zeros_py.py) for a scalar
// x0 and matches its iterates and counts: each Newton iteration calls f
// and df once (and d2f once for Halley), each secant iteration calls f
// once after two initial calls. It stops when two iterates agree within
// XTol + RTol*|x|, which does not prove that f is small there: check the
// root if it matters.
//
// Like scipy's newton with disp=False, failures are reported in the
// Result, not as errors: a zero derivative ends with ConvergenceError and
// "Derivative was zero.", running out of iterations with
// ConvergenceError and scipy's "Failed to converge ..." message. A secant
// step between equal values of f ends the iteration at the midpoint with
// Converged and the message "Tolerance of ... reached.", as in scipy. The
// error is a *NaNError when f or a derivative is not finite, or a
// settings error.
func Newton(f, df, d2f func(float64) float64, x0 float64, s *NewtonSettings) (res Result, err error) {
	tol, rtol, maxiter := 1.48e-8, 0.0, 50
	var x1 *float64
	if s != nil {
		if s.XTol != 0 {
			tol = s.XTol
		}
		rtol = s.RTol
		if s.MaxIter != 0 {
			maxiter = s.MaxIter
		}
		x1 = s.X1
	}
	switch {
	case !(tol > 0):
		return res, fmt.Errorf("tol too small (%g <= 0)", tol)
	case maxiter < 1:
		return res, errors.New("maxiter must be greater than 0")
	case math.IsNaN(x0) || math.IsInf(x0, 0):
		return res, fmt.Errorf("the starting point %v is not finite", x0)
	case df == nil && x1 != nil && *x1 == x0:
		return res, errors.New("x1 and x0 must be different")
	}
	fn := scalar{f: f}
	// Derivative calls count as function calls, as in scipy.
	dfn := scalar{f: df}
	d2fn := scalar{f: d2f}
	defer func() { res.FunctionCalls = fn.calls + dfn.calls + d2fn.calls }()
	defer guard(&err)

	if df != nil {
		p0 := x0
		for itr := 0; itr < maxiter; itr++ {
			fval := fn.eval(p0)
			if fval == 0 {
				res.Root, res.Iterations = p0, itr
				res.finish(Converged)
				return res, nil
			}
			fder := dfn.eval(p0)
			if fder == 0 {
				res.Root, res.Iterations = p0, itr+1
				res.finish(ConvergenceError)
				res.Message = "Derivative was zero."
				return res, nil
			}
			step := fval / fder
			if d2f != nil {
				// Halley's method, when the correction keeps the
				// denominator within (0, 2).
				fder2 := d2fn.eval(p0)
				adj := step * fder2 / fder / 2
				if math.Abs(adj) < 1 {
					step /= 1 - adj
				}
			}
			p := p0 - step
			if isClose(p, p0, rtol, tol) {
				res.Root, res.Iterations = p, itr+1
				res.finish(Converged)
				return res, nil
			}
			p0 = p
		}
		res.Root, res.Iterations = p0, maxiter
		res.finish(ConvergenceError)
		res.Message = fmt.Sprintf("Failed to converge after %d iterations, value is %v.", maxiter, p0)
		return res, nil
	}

	p0 := x0
	var p1 float64
	if x1 != nil {
		p1 = *x1
	} else {
		const dx = 1e-4
		p1 = x0 * (1 + dx)
		if p1 >= 0 {
			p1 += dx
		} else {
			p1 -= dx
		}
	}
	q0 := fn.eval(p0)
	q1 := fn.eval(p1)
	if math.Abs(q1) < math.Abs(q0) {
		p0, p1, q0, q1 = p1, p0, q1, q0
	}
	var p float64
	for itr := 0; itr < maxiter; itr++ {
		res.Iterations = itr + 1
		if q1 == q0 {
			if p1 != p0 {
				res.Message = fmt.Sprintf("Tolerance of %v reached.", p1-p0)
			}
			res.Root = (p1 + p0) / 2
			res.finish(Converged)
			return res, nil
		}
		if math.Abs(q1) > math.Abs(q0) {
			p = (-q0/q1*p1 + p0) / (1 - q0/q1)
		} else {
			p = (-q1/q0*p0 + p1) / (1 - q1/q0)
		}
		if isClose(p, p1, rtol, tol) {
			res.Root = p
			res.finish(Converged)
			return res, nil
		}
		p0, q0 = p1, q1
		p1 = p
		q1 = fn.eval(p1)
	}
	res.Root = p
	res.finish(ConvergenceError)
	res.Message = fmt.Sprintf("Failed to converge after %d iterations, value is %v.", maxiter, p)
	return res, nil
}
