package roots

import "math"

// Ridder finds a root of f in [a, b], where f(a) and f(b) must have
// opposite signs, by Ridders' method: each iteration evaluates f at the
// midpoint m and at the root of the exponential fit through a, m and b,
//
//	x = m + (m - a) sign(f(a) - f(b)) f(m) / sqrt(f(m)^2 - f(a) f(b)),
//
// kept inside the bracket, so two evaluations buy quadratic convergence.
// C. J. F. Ridders, "A new algorithm for computing a single root of a real
// continuous function", IEEE Trans. Circuits and Systems 26 (1979)
// 979–980. It follows scipy 1.10's ridder (scipy/optimize/Zeros/ridder.c),
// whose tolerance is XTol + RTol*|x| at the latest estimate x, and
// matches its counts. Settings, errors and the failure flag are those of
// Brentq.
func Ridder(f func(float64) float64, a, b float64, s *BracketSettings) (res Result, err error) {
	xtol, rtol, maxiter, err := s.resolveBracket(a, b, 4*eps)
	if err != nil {
		return res, err
	}
	fn := scalar{f: f}
	defer func() { res.FunctionCalls = fn.calls }()
	defer guard(&err)

	sign := func(x float64) float64 {
		if x > 0 {
			return 1
		}
		return -1
	}
	tol := xtol + rtol*math.Min(math.Abs(a), math.Abs(b))
	fa, fb, done, err := fn.bracketEnds(a, b, &res)
	if done {
		return res, err
	}
	var xn float64
	for i := 0; i < maxiter; i++ {
		res.Iterations++
		dm := 0.5 * (b - a)
		xm := a + dm
		fm := fn.eval(xm)
		// The values are scaled to the largest before they are squared,
		// so that tiny or huge ones neither underflow nor overflow.
		sc := math.Max(math.Abs(fm), math.Max(math.Abs(fa), math.Abs(fb)))
		dn := sign(fb-fa) * dm * (fm / sc) / math.Sqrt((fm/sc)*(fm/sc)-(fa/sc)*(fb/sc))
		xn = xm - sign(dn)*math.Min(math.Abs(dn), math.Abs(dm)-0.5*tol)
		fnv := fn.eval(xn)
		switch {
		case opposite(fnv, fm):
			a, fa, b, fb = xn, fnv, xm, fm
		case opposite(fnv, fa):
			b, fb = xn, fnv
		default:
			a, fa = xn, fnv
		}
		tol = xtol + rtol*xn
		if fnv == 0 || math.Abs(b-a) < tol {
			res.Root = xn
			res.finish(Converged)
			return res, nil
		}
	}
	res.Root = xn
	res.finish(ConvergenceError)
	res.Message = convergenceMessage(res.Iterations)
	return res, nil
}
