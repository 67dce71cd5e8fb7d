package optimize

import (
	"errors"
	"math"
)

// BrentSettings are the options of Brent. The zero value means scipy's
// defaults.
type BrentSettings struct {
	// XTol is the relative tolerance on the minimizer: it stops when x is
	// within XTol·|x| + 1e-11 of the middle of the bracket and the bracket
	// is narrow enough. Zero means 1.48e-8.
	XTol float64
	// MaxIter limits the iterations. Zero means 500.
	MaxIter int
}

// Brent minimizes a function of one variable by Brent's method (R. P.
// Brent, Algorithms for Minimization without Derivatives, Prentice-Hall
// 1973, ch. 5), exactly as scipy.optimize.brent / minimize_scalar(method=
// "brent") in scipy 1.10.
//
// brack is nil, two starting points for Bracket, or a bracket a < b < c
// with f(b) < f(a), f(c); the minimum found need not lie inside two
// starting points. Each iteration fits a parabola through the three best
// points and steps to its minimum when that lies well inside the bracket
// and is less than half the step before last, else takes a golden-section
// step into the larger part; it costs one evaluation. Convergence is
// superlinear near a smooth minimum and never slower than about 1.6 times
// golden section.
func Brent(f func(float64) float64, brack []float64, s *BrentSettings) (ScalarResult, error) {
	if s == nil {
		s = &BrentSettings{}
	}
	xtol, maxIter := s.XTol, s.MaxIter
	if xtol == 0 {
		xtol = 1.48e-8
	}
	if maxIter == 0 {
		maxIter = 500
	}
	if xtol < 0 {
		return ScalarResult{}, errors.New("optimize: tolerance should be >= 0")
	}
	return minimizeInBracket(f, brack, func(o *scalarObjective, br BracketResult) ScalarResult {
		return brentMinimize(o, br, xtol, maxIter)
	})
}

// brentMinimize runs Brent's iteration from the bracket br, with scipy's
// Brent.optimize as the model line by line.
func brentMinimize(o *scalarObjective, br BracketResult, xtol float64, maxIter int) ScalarResult {
	const (
		mintol = 1.0e-11
		cg     = 0.3819660 // (3 − √5)/2, as scipy rounds it
	)
	x, w, v := br.XB, br.XB, br.XB
	fx, fw, fv := br.FB, br.FB, br.FB
	a, b := br.XA, br.XC
	if a > b {
		a, b = b, a
	}
	var deltax, rat float64
	iter := 0
	for ; iter < maxIter; iter++ {
		tol1 := xtol*math.Abs(x) + mintol
		tol2 := 2 * tol1
		xmid := 0.5 * (a + b)
		if math.Abs(x-xmid) < tol2-0.5*(b-a) {
			break
		}
		golden := math.Abs(deltax) <= tol1
		if !golden {
			// Try the parabola through (x, fx), (w, fw), (v, fv).
			tmp1 := (x - w) * (fx - fv)
			tmp2 := (x - v) * (fx - fw)
			p := (x-v)*tmp2 - (x-w)*tmp1
			tmp2 = 2 * (tmp2 - tmp1)
			if tmp2 > 0 {
				p = -p
			}
			tmp2 = math.Abs(tmp2)
			dxTemp := deltax
			deltax = rat
			if p > tmp2*(a-x) && p < tmp2*(b-x) && math.Abs(p) < math.Abs(0.5*tmp2*dxTemp) {
				rat = p / tmp2
				if u := x + rat; u-a < tol2 || b-u < tol2 {
					if xmid-x >= 0 {
						rat = tol1
					} else {
						rat = -tol1
					}
				}
			} else {
				golden = true
			}
		}
		if golden {
			if x >= xmid {
				deltax = a - x
			} else {
				deltax = b - x
			}
			rat = cg * deltax
		}
		var u float64
		switch {
		case math.Abs(rat) >= tol1:
			u = x + rat
		case rat >= 0:
			u = x + tol1
		default:
			u = x - tol1
		}
		fu := o.value(u)
		if o.stopped() {
			return o.stoppedResult(iter)
		}
		if fu > fx {
			if u < x {
				a = u
			} else {
				b = u
			}
			if fu <= fw || w == x {
				v, w, fv, fw = w, u, fw, fu
			} else if fu <= fv || v == x || v == w {
				v, fv = u, fu
			}
		} else {
			if u >= x {
				a = x
			} else {
				b = x
			}
			v, w, x = w, x, u
			fv, fw, fx = fw, fx, fu
		}
	}
	r := ScalarResult{X: x, F: fx, Iterations: iter, FuncEvals: o.n}
	if iter < maxIter {
		r.Status, r.Success, r.Message = Success, true, scalarConverged(xtol)
	} else {
		r.Status, r.Message = MaxIterations, scalarMaxIter
	}
	return r
}
