package optimize

import (
	"fmt"
	"math"
)

// PowellSettings are the options of Powell. The zero value means scipy's
// defaults.
type PowellSettings struct {
	// XTol is the relative tolerance of each line search, which runs
	// Brent's method with tolerance 100·XTol. Zero means 1e-4.
	XTol float64
	// FTol is the relative decrease of f over an iteration below which it
	// stops: 2(f_old − f_new) ≤ FTol·(|f_old| + |f_new|) + 1e-20. Zero
	// means 1e-4.
	FTol float64
	// MaxIter and MaxFuncEvals limit the iterations and the evaluations
	// of f. When neither is set both are 1000·n; when only one is set the
	// other is unlimited.
	MaxIter      int
	MaxFuncEvals int
	// Direc, if not nil, holds the n initial search directions, each of
	// length n. Nil means the coordinate axes.
	Direc [][]float64
	// KeepPath records the iterate after each iteration in Result.Path
	// (scipy's retall).
	KeepPath bool
	// Callback, if set, is called with a copy of the iterate after each
	// iteration (scipy's callback).
	Callback func(x []float64)
	// Bounds, if not nil, confine the line searches to a box as scipy
	// 1.10 does: each line search is restricted to the step lengths that
	// keep x + α·d in the box, and the extrapolated point is pulled back
	// onto it. x0 is not moved, so with x0 outside the box the first
	// iteration may evaluate f outside; a result outside the box fails
	// with scipy's message.
	Bounds *Bounds
}

// msgOutOfBounds is scipy's message for a Powell result outside its
// bounds.
const msgOutOfBounds = "The result is outside of the provided bounds."

// Powell minimizes f from x0 by Powell's conjugate direction method (M. J.
// D. Powell, The Computer Journal 7, 1964, pp. 155–162) with the
// direction-replacement test of Numerical Recipes (Press et al., §10.5),
// exactly as scipy.optimize.fmin_powell (_minimize_powell in scipy 1.10),
// so that iteration and evaluation counts agree with scipy's.
//
// Each iteration minimizes f along each of n directions in turn by
// Brent's method (about 10–50 evaluations each), then tries the
// extrapolated point 2x_new − x_old and, when it is promising, minimizes
// along x_new − x_old and lets that direction replace the one of largest
// decrease. On a quadratic the directions become conjugate, so it
// converges in about n iterations. It uses no derivatives. With Bounds,
// a line search bounded on both sides is Bounded (scipy's fminbound) over
// the feasible step lengths, and one bounded on one side only is Bounded
// in the variable atan(α).
func Powell(f Func, x0 []float64, s *PowellSettings) (*Result, error) {
	if s == nil {
		s = &PowellSettings{}
	}
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	box, err := s.Bounds.optionalBox(n)
	if err != nil {
		return nil, err
	}
	xtol, ftol := s.XTol, s.FTol
	if xtol == 0 {
		xtol = 1e-4
	}
	if ftol == 0 {
		ftol = 1e-4
	}
	direc := make([][]float64, n)
	for i := range direc {
		direc[i] = make([]float64, n)
		if s.Direc == nil {
			direc[i][i] = 1
			continue
		}
		if len(s.Direc) != n || len(s.Direc[i]) != n {
			return nil, fmt.Errorf("optimize: Powell's directions must be %d vectors of length %d", n, n)
		}
		copy(direc[i], s.Direc[i])
	}
	maxIter, maxFev := directLimits(s.MaxIter, s.MaxFuncEvals, 1000*n)
	pw := &powell{
		box:  box,
		obj:  directObjective{f: f, max: maxFev},
		tol:  100 * xtol,
		work: make([]float64, n),
	}

	x := append([]float64(nil), x0...)
	var path [][]float64
	if s.KeepPath {
		path = append(path, append([]float64(nil), x...))
	}
	fval := pw.obj.value(x)
	x1 := append([]float64(nil), x...)
	x2 := make([]float64, n)
	d := make([]float64, n)
	iter := 0
	failure := ""
iterations:
	for !pw.obj.stopped() {
		fx := fval
		bigind, delta := 0, 0.0
		for i := range direc {
			copy(d, direc[i])
			fx2 := fval
			fnew, msg := pw.lineSearch(x, d, fval)
			if pw.obj.stopped() || msg != "" {
				failure = msg
				break iterations
			}
			fval = fnew
			if fx2-fval > delta {
				delta, bigind = fx2-fval, i
			}
		}
		iter++
		iterateHook(&path, s.KeepPath, s.Callback, x)
		bnd := ftol*(math.Abs(fx)+math.Abs(fval)) + 1e-20
		if 2*(fx-fval) <= bnd || pw.obj.n >= maxFev || iter >= maxIter {
			break
		}
		// Extrapolate along the iteration's net step d = x − x1, but no
		// further than the bounds.
		for i := range d {
			d[i] = x[i] - x1[i]
		}
		step := 1.0
		if box != nil {
			_, hi := box.lineRange(x, d)
			step = math.Min(hi, 1)
		}
		for i := range d {
			x2[i] = x[i] + step*d[i]
		}
		copy(x1, x)
		fx2 := pw.obj.value(x2)
		if pw.obj.stopped() {
			break
		}
		if fx > fx2 {
			t := 2 * (fx + fx2 - 2*fval)
			temp := fx - fval - delta
			t *= temp * temp
			temp = fx - fx2
			t -= delta * temp * temp
			if t < 0 {
				fnew, msg := pw.lineSearch(x, d, fval)
				if pw.obj.stopped() || msg != "" {
					failure = msg
					break
				}
				fval = fnew
				if vecAnyNonzero(d) {
					direc[bigind] = direc[n-1]
					direc[n-1] = append([]float64(nil), d...)
				}
			}
		}
	}
	res := &Result{X: x, F: fval, Iterations: iter, FuncEvals: pw.obj.n, Path: path}
	switch {
	case box != nil && !box.contains(x):
		res.Status, res.Message = Infeasible, msgOutOfBounds
	case pw.obj.status == NotFinite:
		res.Status, res.Message = NotFinite, pw.obj.msg
	case failure != "":
		res.Status, res.Message = Failure, failure
	case pw.obj.n >= maxFev:
		res.Status, res.Message = MaxFuncEvals, MsgMaxFuncEvals
	case iter >= maxIter:
		res.Status, res.Message = MaxIterations, MsgMaxIter
	default:
		res.Status, res.Message, res.Success = Success, MsgSuccess, true
	}
	return res, nil
}

// powell is the state shared by Powell's line searches.
type powell struct {
	box  *consBox // nil without bounds
	obj  directObjective
	tol  float64
	work []float64
}

// lineSearch minimizes f(x + α·d) over α, as scipy's _linesearch_powell;
// fx = f(x). Without bounds (or when they do not limit α) it is Brent's
// method from a bracket search at α = 0 and 1. Where the bounds limit α
// to [lo, hi] it is Bounded with tolerance tol/100 on [lo, hi], or on
// [atan lo, atan hi] in the variable atan α when one side is infinite. On
// success it moves x to x + α·d, scales d to α·d and returns the new
// value. If obj stopped (evaluation budget or a value that is not finite)
// x and d are unchanged, as when scipy's exception unwinds; a bracket
// search that never turns up returns its message.
func (pw *powell) lineSearch(x, d []float64, fx float64) (float64, string) {
	if !vecAnyNonzero(d) {
		return fx, ""
	}
	at := func(alpha float64) float64 {
		for i := range x {
			pw.work[i] = x[i] + alpha*d[i]
		}
		return pw.obj.value(pw.work)
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	if pw.box != nil {
		lo, hi = pw.box.lineRange(x, d)
	}
	var alpha, falpha float64
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		line := newScalarObjective(at)
		br := bracketSearch(line, 0, 1, nil)
		if pw.obj.stopped() {
			return fx, ""
		}
		if !br.Success {
			return fx, br.Message
		}
		r := brentMinimize(line, br, pw.tol, 500)
		alpha, falpha = r.X, r.F
	case !math.IsInf(lo, 0) && !math.IsInf(hi, 0):
		r, _ := Bounded(at, lo, hi, &BoundedSettings{XTol: pw.tol / 100})
		alpha, falpha = r.X, r.F
	default:
		r, _ := Bounded(func(t float64) float64 { return at(math.Tan(t)) }, math.Atan(lo), math.Atan(hi),
			&BoundedSettings{XTol: pw.tol / 100})
		alpha, falpha = math.Tan(r.X), r.F
	}
	if pw.obj.stopped() {
		return fx, ""
	}
	for i := range x {
		d[i] *= alpha
		x[i] += d[i]
	}
	return falpha, ""
}
