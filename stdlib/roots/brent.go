package roots

import "math"

// Brentq finds a root of f in [a, b], where f(a) and f(b) must have
// opposite signs, by Brent's method: inverse quadratic interpolation
// safeguarded by bisection, so it converges at least as surely as
// bisection and usually superlinearly.
//
// It follows scipy's brentq (Charles Harris's C code in
// scipy/optimize/Zeros/brentq.c), a variant of R. P. Brent, "Algorithms for
// Minimization Without Derivatives", Prentice-Hall 1973, chapter 4, and
// matches its iterates and counts. Each iteration costs one evaluation of
// f; two more are spent on the endpoints.
//
// The error is ErrSign when f(a) and f(b) have the same sign, a *NaNError
// when f returns NaN or an infinity, or a settings error. Running out of
// iterations is not an error: the Result then has Flag ConvergenceError.
func Brentq(f func(float64) float64, a, b float64, s *BracketSettings) (Result, error) {
	return brent(f, a, b, s, false)
}

// Brenth is Brentq with hyperbolic instead of inverse quadratic
// extrapolation, after Bus and Dekker, "Two efficient algorithms with
// guaranteed convergence for finding a zero of a function", ACM Trans.
// Math. Software 1 (1975) 330–345, as in scipy's brenth
// (scipy/optimize/Zeros/brenth.c). Its settings, errors and costs are
// those of Brentq.
func Brenth(f func(float64) float64, a, b float64, s *BracketSettings) (Result, error) {
	return brent(f, a, b, s, true)
}

// brent is scipy's brentq.c and brenth.c, which differ only in the
// extrapolation step. At the top of the loop the root lies between xcur
// and xblk, xcur is the latest estimate, xpre the previous one, and
// |f(xcur)| <= |f(xblk)|.
func brent(f func(float64) float64, a, b float64, s *BracketSettings, hyperbolic bool) (res Result, err error) {
	xtol, rtol, maxiter, err := s.resolveBracket(a, b, 4*eps)
	if err != nil {
		return res, err
	}
	fn := scalar{f: f}
	defer func() { res.FunctionCalls = fn.calls }()
	defer guard(&err)

	xpre, xcur := a, b
	var xblk, fblk, spre, scur float64
	fpre, fcur, done, err := fn.bracketEnds(xpre, xcur, &res)
	if done {
		return res, err
	}
	for i := 0; i < maxiter; i++ {
		res.Iterations++
		if opposite(fpre, fcur) {
			xblk, fblk = xpre, fpre
			spre = xcur - xpre
			scur = spre
		}
		if math.Abs(fblk) < math.Abs(fcur) {
			xpre, xcur, xblk = xcur, xblk, xcur
			fpre, fcur, fblk = fcur, fblk, fcur
		}
		delta := (xtol + rtol*math.Abs(xcur)) / 2
		sbis := (xblk - xcur) / 2
		if fcur == 0 || math.Abs(sbis) < delta {
			res.Root = xcur
			res.finish(Converged)
			return res, nil
		}
		if math.Abs(spre) > delta && math.Abs(fcur) < math.Abs(fpre) {
			var stry float64
			if xpre == xblk {
				// Interpolate.
				stry = -fcur * (xcur - xpre) / (fcur - fpre)
			} else {
				// Extrapolate.
				dpre := (fpre - fcur) / (xpre - xcur)
				dblk := (fblk - fcur) / (xblk - xcur)
				if hyperbolic {
					stry = -fcur * (fblk - fpre) / (fblk*dpre - fpre*dblk)
				} else {
					stry = -fcur * (fblk*dblk - fpre*dpre) / (dblk * dpre * (fblk - fpre))
				}
			}
			if 2*math.Abs(stry) < math.Min(math.Abs(spre), 3*math.Abs(sbis)-delta) {
				// Good short step.
				spre, scur = scur, stry
			} else {
				spre, scur = sbis, sbis
			}
		} else {
			spre, scur = sbis, sbis
		}
		xpre, fpre = xcur, fcur
		if math.Abs(scur) > delta {
			xcur += scur
		} else if sbis > 0 {
			xcur += delta
		} else {
			xcur -= delta
		}
		fcur = fn.eval(xcur)
	}
	res.Root = xcur
	res.finish(ConvergenceError)
	res.Message = convergenceMessage(res.Iterations)
	return res, nil
}
