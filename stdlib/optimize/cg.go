package optimize

import "errors"

// CG minimizes p.Func from x0 by the nonlinear conjugate gradient method
// of Polak and Ribière with Powell's nonnegative β (PR+; Nocedal and
// Wright, Numerical Optimization, 2nd ed., §5.2), exactly as
// scipy.optimize.fmin_cg (_minimize_cg in scipy 1.10), so that iteration
// and evaluation counts agree with scipy's.
//
// The direction is p ← −g_new + β·p with β = max(0, (g_new − g)·g_new /
// g·g), found by a strong Wolfe line search with c2 = 0.4 that also
// demands the sufficient descent p·g ≤ −0.01·g·g of the next direction
// (Gilbert and Nocedal, SIAM J. Optim. 2, 1992), which strong Wolfe alone
// does not guarantee for PR+. Each iteration costs a few values and
// gradients and O(n) arithmetic, and the memory is O(n): suited to large
// problems, though it needs more iterations than BFGS.
func CG(p Problem, x0 []float64, settings *GradientSettings) (*Result, error) {
	if err := p.check(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	s := settings.defaults(n)
	if s.XRTol != 0 {
		return nil, errors.New("optimize: CG has no XRTol (scipy's xrtol is BFGS's)")
	}
	gtol, norm, maxIter := s.GTol, s.Norm, s.MaxIter
	const sigma3 = 0.01
	params := wolfeParams{c1: 1e-4, c2: 0.4, stpmin: 1e-100, stpmax: 1e100, xtol: 1e-14, amax: 1e100, maxIter: 10}

	obj, xk, oldF, oldOldF, gfk, path := s.start(p, x0)
	if obj.stopped() {
		return obj.result(xk, oldF, gfk, 0, maxIter, false), nil
	}
	pk := make([]float64, n)
	for i, g := range gfk {
		pk[i] = -g
	}
	gnorm := vecNorm(gfk, norm)
	k := 0
	failed := false
	for gnorm > gtol && k < maxIter {
		deltak := vecDot(gfk, gfk)
		// step is scipy's polak_ribiere_powell_step: the iterate,
		// direction, gradient and its norm after a step alpha.
		step := func(alpha float64, gfkp1 []float64) cgStep {
			st := cgStep{alpha: alpha, x: make([]float64, n), p: make([]float64, n)}
			for i := range st.x {
				st.x[i] = xk[i] + alpha*pk[i]
			}
			if gfkp1 == nil {
				gfkp1 = obj.gradient(st.x)
			}
			st.g = gfkp1
			var yg float64
			for i, g := range gfkp1 {
				yg += (g - gfk[i]) * g
			}
			beta := 0.0
			if b := yg / deltak; b > 0 {
				beta = b
			}
			for i, g := range gfkp1 {
				st.p[i] = -g + beta*pk[i]
			}
			st.gnorm = vecNorm(gfkp1, norm)
			return st
		}
		var cached *cgStep
		descent := func(alpha, _ float64, gfkp1 []float64) bool {
			st := step(alpha, gfkp1)
			cached = &st
			return st.gnorm <= gtol || vecDot(st.p, st.g) <= -sigma3*vecDot(st.g, st.g)
		}
		line := newWolfeLine(obj, xk, pk)
		ws := line.wolfe12(oldF, oldOldF, gfk, params, descent)
		if obj.stopped() {
			break
		}
		if !ws.ok {
			failed = true
			break
		}
		oldF, oldOldF = ws.phi, ws.phi0
		var next cgStep
		if cached != nil && cached.alpha == ws.alpha {
			next = *cached
		} else {
			var g []float64
			if ws.hasDerphi {
				g = line.gval
			}
			next = step(ws.alpha, g)
			if obj.stopped() {
				break
			}
		}
		xk, pk, gfk, gnorm = next.x, next.p, next.g, next.gnorm
		iterateHook(&path, s.KeepPath, s.Callback, xk)
		k++
	}
	r := obj.result(xk, oldF, gfk, k, maxIter, failed)
	r.Path = path
	return r, nil
}

// cgStep is a candidate step of CG: its length alpha, the new iterate x,
// direction p, gradient g and the norm of g.
type cgStep struct {
	alpha   float64
	x, p, g []float64
	gnorm   float64
}
