package roots

import "math"

// Bisect finds a root of f in [a, b], where f(a) and f(b) must have
// opposite signs, by bisection: each iteration halves the bracket, so
// about log2((b-a)/XTol) iterations of one evaluation each reach the
// tolerance, however badly f behaves. It follows scipy's bisect
// (scipy/optimize/Zeros/bisect.c) and matches its counts. Settings, errors
// and the failure flag are those of Brentq.
func Bisect(f func(float64) float64, a, b float64, s *BracketSettings) (res Result, err error) {
	xtol, rtol, maxiter, err := s.resolveBracket(a, b, 4*eps)
	if err != nil {
		return res, err
	}
	fn := scalar{f: f}
	defer func() { res.FunctionCalls = fn.calls }()
	defer guard(&err)

	fa, _, done, err := fn.bracketEnds(a, b, &res)
	if done {
		return res, err
	}
	dm := b - a
	for i := 0; i < maxiter; i++ {
		res.Iterations++
		dm *= 0.5
		xm := a + dm
		fm := fn.eval(xm)
		if !opposite(fm, fa) {
			a = xm
		}
		if fm == 0 || math.Abs(dm) < xtol+rtol*math.Abs(xm) {
			res.Root = xm
			res.finish(Converged)
			return res, nil
		}
	}
	res.Root = a
	res.finish(ConvergenceError)
	res.Message = convergenceMessage(res.Iterations)
	return res, nil
}
