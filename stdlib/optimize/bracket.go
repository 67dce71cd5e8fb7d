package optimize

import (
	"errors"
	"math"
)

// BracketSettings are the options of Bracket. The zero value means
// scipy's defaults.
type BracketSettings struct {
	// GrowLimit bounds how far a parabolic step may go beyond the current
	// outer point, in multiples of the current interval. Zero means 110.
	GrowLimit float64
	// MaxIter limits the iterations. Zero means 1000.
	MaxIter int
}

// BracketResult is a bracket of a minimum: XB lies between XA and XC and
// FB = f(XB) is below FA = f(XA) and FC = f(XC).
type BracketResult struct {
	XA, XB, XC float64
	FA, FB, FC float64
	FuncEvals  int
	Status     Status
	Success    bool
	// Message is empty on success, as scipy has none, and says why the
	// search failed otherwise.
	Message string
}

// Bracket searches downhill from xa and xb for three points that bracket
// a minimum of f, as scipy.optimize.bracket (scipy 1.10): it steps from
// the lower of the two by the golden ratio 1.618034 times the last
// interval, or to the minimum of the parabola through the last three
// points when that is closer than GrowLimit intervals, until the value
// rises. Each iteration costs one or two evaluations. The bracket may lie
// outside [xa, xb]. It fails with MaxIterations if the function keeps
// decreasing for MaxIter steps (scipy raises "Too many iterations.").
func Bracket(f func(float64) float64, xa, xb float64, s *BracketSettings) (BracketResult, error) {
	if err := scalarCheckPoints([]float64{xa, xb}); err != nil {
		return BracketResult{}, err
	}
	if xa == xb {
		return BracketResult{}, errors.New("optimize: the two starting points of a bracket are equal")
	}
	return bracketSearch(newScalarObjective(f), xa, xb, s), nil
}

// bracketSearch is Bracket evaluating through o.
func bracketSearch(o *scalarObjective, xa, xb float64, s *BracketSettings) BracketResult {
	const (
		gold           = 1.618034 // the golden ratio, as scipy rounds it
		verySmallNum   = 1e-21
		defGrowLimit   = 110.0
		defMaxIter     = 1000
		tooManyIterMsg = "Too many iterations."
	)
	growLimit, maxIter := defGrowLimit, defMaxIter
	if s != nil && s.GrowLimit != 0 {
		growLimit = s.GrowLimit
	}
	if s != nil && s.MaxIter != 0 {
		maxIter = s.MaxIter
	}
	n0 := o.n
	fa, fb := o.value(xa), o.value(xb)
	if fa < fb {
		xa, xb, fa, fb = xb, xa, fb, fa
	}
	xc := xb + gold*(xb-xa)
	fc := o.value(xc)
	result := func() BracketResult {
		r := BracketResult{XA: xa, XB: xb, XC: xc, FA: fa, FB: fb, FC: fc, FuncEvals: o.n - n0}
		if o.stopped() {
			r.Status, r.Message = o.status, o.msg
		} else {
			r.Success = true
		}
		return r
	}
	for iter := 0; fc < fb; {
		tmp1 := (xb - xa) * (fb - fc)
		tmp2 := (xb - xc) * (fb - fa)
		val := tmp2 - tmp1
		denom := 2 * val
		if math.Abs(val) < verySmallNum {
			denom = 2 * verySmallNum
		}
		w := xb - ((xb-xc)*tmp2-(xb-xa)*tmp1)/denom
		wlim := xb + growLimit*(xc-xb)
		if iter > maxIter {
			r := result()
			r.Status, r.Success, r.Message = MaxIterations, false, tooManyIterMsg
			return r
		}
		iter++
		var fw float64
		switch {
		case (w-xc)*(xb-w) > 0:
			// The parabola's minimum lies between xb and xc.
			fw = o.value(w)
			if fw < fc {
				xa, xb, fa, fb = xb, w, fb, fw
				return result()
			} else if fw > fb {
				xc, fc = w, fw
				return result()
			}
			w = xc + gold*(xc-xb)
			fw = o.value(w)
		case (w-wlim)*(wlim-xc) >= 0:
			// It lies beyond the growth limit: stop there.
			w = wlim
			fw = o.value(w)
		case (w-wlim)*(xc-w) > 0:
			// It lies between xc and the limit.
			fw = o.value(w)
			if fw < fc {
				xb, xc, w = xc, w, w+gold*(w-xc)
				fb, fc = fc, fw
				fw = o.value(w)
			}
		default:
			w = xc + gold*(xc-xb)
			fw = o.value(w)
		}
		xa, xb, xc = xb, xc, w
		fa, fb, fc = fb, fc, fw
	}
	return result()
}
