package optimize

import (
	"errors"
	"math"
)

// BoundedSettings are the options of Bounded. The zero value means
// scipy's defaults.
type BoundedSettings struct {
	// XTol is the absolute tolerance on the minimizer (scipy's xatol).
	// Zero means 1e-5.
	XTol float64
	// MaxFuncEvals limits the evaluations, which equal the iterations.
	// Zero means 500.
	MaxFuncEvals int
}

// Bounded minimizes a function of one variable on the interval [lo, hi]
// by Brent's method with golden-section safeguard (Brent 1973, ch. 5;
// Forsythe, Malcolm and Moler, Computer Methods for Mathematical
// Computations, 1977, routine FMIN), exactly as scipy.optimize.fminbound /
// minimize_scalar(method="bounded") in scipy 1.10.
//
// It starts at the golden section of [lo, hi] and never evaluates f at
// the end points; each iteration takes a parabolic step through the three
// best points, or a golden-section step into the larger part, and costs
// one evaluation. It stops when x is within 2·(√ε·|x| + XTol/3) of the
// middle of the shrinking interval, so the minimizer is found within
// about XTol.
func Bounded(f func(float64) float64, lo, hi float64, s *BoundedSettings) (ScalarResult, error) {
	if s == nil {
		s = &BoundedSettings{}
	}
	xatol, maxFun := s.XTol, s.MaxFuncEvals
	if xatol == 0 {
		xatol = 1e-5
	}
	if maxFun == 0 {
		maxFun = 500
	}
	if math.IsNaN(lo) || math.IsInf(lo, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) {
		return ScalarResult{}, errors.New("optimize: Optimization bounds must be finite scalars.")
	}
	if lo > hi {
		return ScalarResult{}, errors.New("optimize: The lower bound exceeds the upper bound.")
	}
	const msgSolved = "Solution found."
	// scipy writes sqrt(2.2e-16), not the exact machine epsilon.
	sqrtEps := math.Sqrt(2.2e-16)
	goldenMean := 0.5 * (3 - math.Sqrt(5))
	o := newScalarObjective(f)

	a, b := lo, hi
	fulc := a + goldenMean*(b-a)
	nfc, xf := fulc, fulc
	var rat, e float64
	fx := o.value(xf)
	num := 1
	ffulc, fnfc := fx, fx
	xm := 0.5 * (a + b)
	tol1 := sqrtEps*math.Abs(xf) + xatol/3
	tol2 := 2 * tol1
	for !o.stopped() && math.Abs(xf-xm) > tol2-0.5*(b-a) {
		golden := true
		if math.Abs(e) > tol1 {
			// Try the parabola through xf, nfc and fulc.
			golden = false
			r := (xf - nfc) * (fx - ffulc)
			q := (xf - fulc) * (fx - fnfc)
			p := (xf-fulc)*q - (xf-nfc)*r
			q = 2 * (q - r)
			if q > 0 {
				p = -p
			}
			q = math.Abs(q)
			r = e
			e = rat
			if math.Abs(p) < math.Abs(0.5*q*r) && p > q*(a-xf) && p < q*(b-xf) {
				rat = p / q
				if x := xf + rat; x-a < tol2 || b-x < tol2 {
					rat = tol1 * fminboundSign(xm-xf)
				}
			} else {
				golden = true
			}
		}
		if golden {
			if xf >= xm {
				e = a - xf
			} else {
				e = b - xf
			}
			rat = goldenMean * e
		}
		x := xf + fminboundSign(rat)*math.Max(math.Abs(rat), tol1)
		fu := o.value(x)
		num++
		if o.stopped() {
			break
		}
		if fu <= fx {
			if x >= xf {
				a = xf
			} else {
				b = xf
			}
			fulc, ffulc = nfc, fnfc
			nfc, fnfc = xf, fx
			xf, fx = x, fu
		} else {
			if x < xf {
				a = x
			} else {
				b = x
			}
			if fu <= fnfc || nfc == xf {
				fulc, ffulc = nfc, fnfc
				nfc, fnfc = x, fu
			} else if fu <= ffulc || fulc == xf || fulc == nfc {
				fulc, ffulc = x, fu
			}
		}
		xm = 0.5 * (a + b)
		tol1 = sqrtEps*math.Abs(xf) + xatol/3
		tol2 = 2 * tol1
		if num >= maxFun {
			return ScalarResult{X: xf, F: fx, Iterations: num, FuncEvals: num,
				Status: MaxFuncEvals, Message: "Maximum number of function calls reached."}, nil
		}
	}
	if o.stopped() {
		return o.stoppedResult(num), nil
	}
	return ScalarResult{X: xf, F: fx, Iterations: num, FuncEvals: num,
		Status: Success, Success: true, Message: msgSolved}, nil
}

// fminboundSign is scipy's np.sign(v) + (v == 0): the sign of v, with +1
// for zero.
func fminboundSign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}
