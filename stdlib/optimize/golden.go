package optimize

import "math"

// GoldenSettings are the options of Golden. The zero value means scipy's
// defaults.
type GoldenSettings struct {
	// XTol is the relative tolerance: it stops when the bracket is shorter
	// than XTol·(|x1| + |x2|) for the two inner points. Zero means √ε ≈
	// 1.49e-8.
	XTol float64
	// MaxIter limits the iterations. Zero means 5000.
	MaxIter int
}

// Golden minimizes a function of one variable by golden-section search
// (J. Kiefer, Proc. AMS 4, 1953), exactly as scipy.optimize.golden /
// minimize_scalar(method="golden") in scipy 1.10. brack is as for Brent.
//
// Each iteration keeps two inner points that divide the bracket in the
// golden ratio, drops the outer part beyond the worse one and evaluates
// one new point, so the bracket shrinks by 0.618 per evaluation whatever
// the function: linear convergence, robust but slower than Brent.
func Golden(f func(float64) float64, brack []float64, s *GoldenSettings) (ScalarResult, error) {
	if s == nil {
		s = &GoldenSettings{}
	}
	xtol, maxIter := s.XTol, s.MaxIter
	if xtol == 0 {
		xtol = approxGradStep
	}
	if maxIter == 0 {
		maxIter = 5000
	}
	return minimizeInBracket(f, brack, func(o *scalarObjective, br BracketResult) ScalarResult {
		return goldenMinimize(o, br, xtol, maxIter)
	})
}

// goldenMinimize runs the golden-section search from the bracket br, with
// scipy's Golden.optimize as the model.
func goldenMinimize(o *scalarObjective, br BracketResult, xtol float64, maxIter int) ScalarResult {
	// 2/(1+√5) as scipy rounds it; gC is computed in float64 as scipy's.
	gR := 0.61803399
	gC := 1 - gR
	x0, x3 := br.XA, br.XC
	var x1, x2 float64
	if math.Abs(br.XC-br.XB) > math.Abs(br.XB-br.XA) {
		x1, x2 = br.XB, br.XB+gC*(br.XC-br.XB)
	} else {
		x1, x2 = br.XB-gC*(br.XB-br.XA), br.XB
	}
	f1 := o.value(x1)
	f2 := o.value(x2)
	nit := 0
	for ; nit < maxIter && !o.stopped(); nit++ {
		if math.Abs(x3-x0) <= xtol*(math.Abs(x1)+math.Abs(x2)) {
			break
		}
		if f2 < f1 {
			x0, x1 = x1, x2
			x2 = gR*x1 + gC*x3
			f1, f2 = f2, o.value(x2)
		} else {
			x3, x2 = x2, x1
			x1 = gR*x2 + gC*x0
			f2, f1 = f1, o.value(x1)
		}
	}
	if o.stopped() {
		return o.stoppedResult(nit)
	}
	r := ScalarResult{X: x2, F: f2, Iterations: nit, FuncEvals: o.n}
	if f1 < f2 {
		r.X, r.F = x1, f1
	}
	if nit < maxIter {
		r.Status, r.Success, r.Message = Success, true, scalarConverged(xtol)
	} else {
		r.Status, r.Message = MaxIterations, scalarMaxIter
	}
	return r
}
