package optimize

import (
	"errors"
	"math"
)

// NewtonCGSettings are the options of NewtonCG. The zero value means
// scipy's defaults.
type NewtonCGSettings struct {
	// XTol is the average relative step per variable below which it
	// stops: Σ|Δx| ≤ n·XTol (scipy's avextol). Zero means 1e-5.
	XTol float64
	// Step is the forward-difference step for Hessian–vector products
	// when the problem has no HessVec: H·v ≈ (∇f(x + Step·v) − ∇f(x)) /
	// Step. Zero means √ε ≈ 1.49e-8.
	Step float64
	// MaxIter limits the Newton iterations. Zero means 200·n.
	MaxIter int
	// KeepPath records the iterates in Result.Path (scipy's retall).
	KeepPath bool
	// Callback, if set, is called with a copy of the iterate after each
	// iteration (scipy's callback).
	Callback func(x []float64)
}

// NewtonCG minimizes p.Func from x0 by the truncated (line-search)
// Newton method (Nocedal and Wright, Numerical Optimization, 2nd ed.,
// Algorithm 7.1), exactly as scipy.optimize.fmin_ncg (_minimize_newtoncg
// in scipy 1.10), so that iteration and evaluation counts agree with
// scipy's. It needs p.Grad; Hessian–vector products come from p.HessVec,
// or from forward differences of the gradient when it is nil.
//
// Each iteration solves H·d = −g approximately by conjugate gradients,
// stopped when the residual's 1-norm is below min(½, √‖g‖₁)·‖g‖₁ (a
// forcing sequence that gives superlinear convergence) or when negative
// curvature appears (then the last CG iterate, or the steepest descent
// direction on the first), and steps along d by a strong Wolfe line
// search. An iteration costs up to 20·n Hessian–vector products (each
// two gradients by differences) and O(n) memory.
func NewtonCG(p Problem, x0 []float64, s *NewtonCGSettings) (*Result, error) {
	if s == nil {
		s = &NewtonCGSettings{}
	}
	if p.Grad == nil {
		return nil, errors.New("optimize: Jacobian is required for Newton-CG method")
	}
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	avextol, eps, maxIter := s.XTol, s.Step, s.MaxIter
	if avextol == 0 {
		avextol = 1e-5
	}
	if eps == 0 {
		eps = approxGradStep
	}
	if maxIter == 0 {
		maxIter = 200 * n
	}
	const warning = "Warning: "
	params := wolfeParams{c1: 1e-4, c2: 0.9, stpmin: 1e-8, stpmax: 50, xtol: 1e-14, amax: math.Inf(1), maxIter: 10}

	obj := newSmoothObjective(p, x0, 0)
	ncg := &newtonCG{obj: obj, hessVec: p.HessVec, eps: eps, xt: make([]float64, n)}
	xtol := float64(n) * avextol
	xk := append([]float64(nil), x0...)
	var path [][]float64
	if s.KeepPath {
		path = append(path, append([]float64(nil), xk...))
	}
	oldF := obj.value(xk)
	oldOldF := math.NaN()
	var gfk []float64
	k := 0
	result := func(status Status, msg string) *Result {
		if obj.stopped() {
			status, msg = NotFinite, obj.msg
		}
		return &Result{X: xk, F: oldF, Grad: gfk, Iterations: k, FuncEvals: obj.nfev,
			GradEvals: obj.ngev, HessEvals: ncg.hcalls, Status: status, Success: status == Success,
			Message: msg, Path: path}
	}
	update := []float64{2 * xtol}
	for vecSumAbs(update) > xtol {
		if obj.stopped() {
			return result(NotFinite, obj.msg), nil
		}
		if k >= maxIter {
			return result(MaxIterations, warning+MsgMaxIter), nil
		}
		g := obj.gradient(xk)
		pk, ok := ncg.direction(xk, g)
		if obj.stopped() {
			return result(NotFinite, obj.msg), nil
		}
		if !ok {
			return result(Failure, "Warning: CG iterations didn't converge. The Hessian is not positive definite."), nil
		}
		gfk = g
		line := newWolfeLine(obj, xk, pk)
		ws := line.wolfe12(oldF, oldOldF, gfk, params, nil)
		if obj.stopped() {
			return result(NotFinite, obj.msg), nil
		}
		if !ws.ok {
			return result(LineSearchFailed, warning+MsgLineSearch), nil
		}
		oldF, oldOldF = ws.phi, ws.phi0
		update = make([]float64, n)
		xkp1 := make([]float64, n)
		for i := range update {
			update[i] = ws.alpha * pk[i]
			xkp1[i] = xk[i] + update[i]
		}
		xk = xkp1
		if ws.hasDerphi {
			gfk = line.gval
		} else {
			gfk = nil
		}
		iterateHook(&path, s.KeepPath, s.Callback, xk)
		k++
	}
	return result(Success, MsgSuccess), nil
}

// newtonCG holds what the inner conjugate gradient iteration of NewtonCG
// needs: the objective, the Hessian–vector product or its step, and the
// count of products.
type newtonCG struct {
	obj     *smoothObjective
	hessVec HessVec
	eps     float64
	hcalls  int
	xt      []float64
}

// hessTimes returns H(x)·v, from hessVec (counted in hcalls) or as scipy's
// approx_fhess_p: (∇f(x + ε·v) − ∇f(x)) / ε.
func (c *newtonCG) hessTimes(x, v []float64) []float64 {
	hv := make([]float64, len(x))
	if c.hessVec != nil {
		c.hcalls++
		c.hessVec(x, v, hv)
		for _, h := range hv {
			if msg := evalNotFinite(h, true); msg != "" {
				c.obj.status, c.obj.msg = NotFinite, "Not finite: a Hessian–vector product has "+scalarPyFloat(h)+"."
				break
			}
		}
		return hv
	}
	g1 := c.obj.gradient(x)
	for i := range c.xt {
		c.xt[i] = x[i] + c.eps*v[i]
	}
	g2 := c.obj.gradient(c.xt)
	for i := range hv {
		hv[i] = (g2[i] - g1[i]) / c.eps
	}
	return hv
}

// direction solves H·d = −g approximately by conjugate gradients from d =
// 0, as the inner loop of scipy's _minimize_newtoncg. ok is false when
// 20·n iterations did not meet the residual test.
func (c *newtonCG) direction(x, g []float64) (d []float64, ok bool) {
	n := len(x)
	const float64eps = 0x1p-52
	maggrad := vecSumAbs(g)
	eta := math.Min(0.5, math.Sqrt(maggrad))
	termcond := eta * maggrad
	xsupi := make([]float64, n)
	ri := append([]float64(nil), g...)
	psupi := make([]float64, n)
	for i, v := range ri {
		psupi[i] = -v
	}
	dri0 := vecDot(ri, ri)
	for k2 := 0; k2 < 20*n; k2++ {
		if vecSumAbs(ri) <= termcond {
			return xsupi, true
		}
		ap := c.hessTimes(x, psupi)
		if c.obj.stopped() {
			return xsupi, true
		}
		curv := vecDot(psupi, ap)
		switch {
		case 0 <= curv && curv <= 3*float64eps:
			return xsupi, true
		case curv < 0:
			if k2 == 0 {
				// Negative curvature at once: fall back to steepest
				// descent, scaled by the curvature.
				for i := range xsupi {
					xsupi[i] = dri0 / (-curv) * -g[i]
				}
			}
			return xsupi, true
		}
		alphai := dri0 / curv
		for i := range xsupi {
			xsupi[i] += alphai * psupi[i]
			ri[i] += alphai * ap[i]
		}
		dri1 := vecDot(ri, ri)
		betai := dri1 / dri0
		for i := range psupi {
			psupi[i] = -ri[i] + betai*psupi[i]
		}
		dri0 = dri1
	}
	return xsupi, false
}
