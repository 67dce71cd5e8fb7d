package optimize

import (
	"fmt"
	"math"
)

// approxGradStep is scipy's default forward-difference step, the square
// root of the float64 machine epsilon (≈ 1.49e-8).
const approxGradStep = relStepSqrtEps

// ApproxGrad returns the forward-difference approximation of the gradient
// of f at x, as scipy.optimize.approx_fprime, and the number of
// evaluations of f it made, len(x)+1:
//
//	grad[i] = (f(x + h·e_i) − f(x)) / dx_i,   dx_i = (x[i] + h) − x[i].
//
// Dividing by the representable step dx_i rather than by h removes the
// rounding of x[i]+h from the error. A step of zero means scipy's default
// √ε ≈ 1.49e-8; where x[i] is so large that x[i]+h == x[i], the relative
// step √ε·max(1, |x[i]|) is used instead, as scipy's approx_derivative
// does. The error is O(h·|f”|) + O(ε|f|/h), so about √ε in relative
// terms for well-scaled f.
func ApproxGrad(f Func, x []float64, step float64) (grad []float64, evals int) {
	grad = make([]float64, len(x))
	work := append([]float64(nil), x...)
	absoluteDifferences(step).gradient(f, work, f(work), consBox{}, grad)
	return grad, len(x) + 1
}

// absoluteDifferences are forward differences with the absolute step h
// (0: √ε), scipy's approximation when jac is None.
func absoluteDifferences(h float64) *Differences {
	if h == 0 {
		h = approxGradStep
	}
	return &Differences{AbsStep: h}
}

// differences are the finite differences that stand in for p's missing
// gradient: p.Diff, or forward ones with the absolute step h (0: √ε).
func (p Problem) differences(h float64) *Differences {
	if p.Diff != nil {
		return p.Diff
	}
	return absoluteDifferences(h)
}

// check refuses a start that is not finite and complex-step differences
// without the function at complex points.
func (p Problem) check(x0 []float64) error {
	if err := p.Diff.check(); err != nil {
		return err
	}
	return vecCheckStart(x0)
}

// evalNotFinite returns the message for a value v of the objective (or,
// with inGrad, of its gradient) that is NaN or infinite, and "" for a
// finite v. A NaN objective gets scipy's own message.
func evalNotFinite(v float64, inGrad bool) string {
	what := "the objective"
	if inGrad {
		what = "the gradient"
	}
	switch {
	case math.IsNaN(v) && !inGrad:
		return MsgNaN
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Sprintf("Not finite: %s returned %v.", what, v)
	}
	return ""
}

// smoothObjective evaluates an objective and its gradient for the
// gradient-based methods exactly as scipy's ScalarFunction does, so that
// evaluation counts agree with scipy's: the value and the gradient are
// memoized for the last point only; a missing gradient is approximated by
// finite differences (diff.Evals(len(x)) evaluations, counted in nfev)
// after the value at the point; each gradient, exact or approximate,
// counts once in ngev. The first value or gradient that is not finite
// stops it: status becomes NotFinite and later calls return NaN without
// evaluating.
type smoothObjective struct {
	f    Func
	g    Grad
	diff *Differences

	x          []float64 // the memoized point
	fx         float64
	gx         []float64 // a fresh slice for each point, never written again
	haveF      bool
	haveG      bool
	nfev, ngev int
	status     Status
	msg        string
}

// newSmoothObjective returns the objective of p, whose missing gradient
// is approximated by p.differences(h), evaluating the value and the
// gradient at x0 as ScalarFunction's constructor does.
func newSmoothObjective(p Problem, x0 []float64, h float64) *smoothObjective {
	o := &smoothObjective{f: p.Func, g: p.Grad, diff: p.differences(h), x: append([]float64(nil), x0...)}
	o.value(x0)
	o.gradient(x0)
	return o
}

// stopped reports whether a value or gradient was not finite.
func (o *smoothObjective) stopped() bool { return o.status != Success }

// moveTo makes x the memoized point, forgetting the value and gradient if
// it differs from the last one.
func (o *smoothObjective) moveTo(x []float64) {
	for i, v := range x {
		if v != o.x[i] {
			copy(o.x, x)
			o.haveF, o.haveG = false, false
			return
		}
	}
}

// value returns f(x).
func (o *smoothObjective) value(x []float64) float64 {
	if o.stopped() {
		return math.NaN()
	}
	o.moveTo(x)
	if !o.haveF {
		o.nfev++
		o.fx = o.f(o.x)
		o.haveF = true
		if msg := evalNotFinite(o.fx, false); msg != "" {
			o.status, o.msg = NotFinite, msg
		}
	}
	return o.fx
}

// gradient returns the gradient at x. The slice must not be modified.
func (o *smoothObjective) gradient(x []float64) []float64 {
	if o.stopped() {
		return vecNaN(len(x))
	}
	o.moveTo(x)
	if o.haveG {
		return o.gx
	}
	g := make([]float64, len(x))
	if o.g != nil {
		o.g(o.x, g)
	} else {
		f0 := o.value(x)
		if o.stopped() {
			return vecNaN(len(x))
		}
		o.nfev += o.diff.Evals(len(x))
		o.diff.gradient(o.f, o.x, f0, consBox{}, g)
	}
	o.ngev++
	o.gx, o.haveG = g, true
	for _, v := range g {
		if msg := evalNotFinite(v, true); msg != "" {
			o.status, o.msg = NotFinite, msg
			break
		}
	}
	return g
}

// directObjective counts the evaluations of an objective for the direct
// search methods (Nelder–Mead, Powell) as scipy's
// _wrap_scalar_function_maxfun_validation does: an evaluation asked for
// once max have been made is refused with status MaxFuncEvals, where
// scipy raises _MaxFuncCallError, and the first value that is not finite
// stops it with status NotFinite. Refused evaluations return NaN; the
// methods check stopped after each evaluation and unwind as scipy's
// exception does.
type directObjective struct {
	f      Func
	max, n int
	status Status
	msg    string
}

// stopped reports whether an evaluation was refused or not finite.
func (o *directObjective) stopped() bool { return o.status != Success }

// value returns f(x), or NaN once stopped.
func (o *directObjective) value(x []float64) float64 {
	if o.stopped() {
		return math.NaN()
	}
	if o.n >= o.max {
		o.status, o.msg = MaxFuncEvals, MsgMaxFuncEvals
		return math.NaN()
	}
	o.n++
	v := o.f(x)
	if msg := evalNotFinite(v, false); msg != "" {
		o.status, o.msg = NotFinite, msg
	}
	return v
}

// directLimits applies scipy's rule for the iteration and evaluation
// limits of Nelder–Mead and Powell: when neither is set both default to
// def; when only one is set the other is unlimited.
func directLimits(maxIter, maxFuncEvals, def int) (int, int) {
	switch {
	case maxIter <= 0 && maxFuncEvals <= 0:
		return def, def
	case maxIter <= 0:
		return math.MaxInt, maxFuncEvals
	case maxFuncEvals <= 0:
		return maxIter, math.MaxInt
	}
	return maxIter, maxFuncEvals
}

// result is the Result of a gradient method that stopped at x with value
// f and gradient g after iter iterations, in scipy's order of precedence:
// a value that was not finite, a failed line search, the iteration limit,
// success.
func (o *smoothObjective) result(x []float64, f float64, g []float64, iter, maxIter int, lineSearchFailed bool) *Result {
	r := &Result{X: x, F: f, Grad: g, Iterations: iter, FuncEvals: o.nfev, GradEvals: o.ngev}
	switch {
	case o.stopped():
		r.Status, r.Message = NotFinite, o.msg
	case lineSearchFailed:
		r.Status, r.Message = LineSearchFailed, MsgLineSearch
	case iter >= maxIter:
		r.Status, r.Message = MaxIterations, MsgMaxIter
	default:
		r.Status, r.Message, r.Success = Success, MsgSuccess, true
	}
	return r
}
