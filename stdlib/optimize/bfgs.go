package optimize

import "math"

// GradientSettings are the options of the gradient methods BFGS and CG,
// which share scipy's stopping rules. The zero value means scipy's
// defaults.
type GradientSettings struct {
	// GTol is the gradient norm below which it stops. Zero means 1e-5.
	GTol float64
	// Norm is the order of the gradient norm: +Inf for the largest
	// magnitude, −Inf for the smallest, p for the p-norm. Zero means +Inf.
	Norm float64
	// Step is the forward-difference step for the gradient when the
	// problem has none. Zero means √ε ≈ 1.49e-8.
	Step float64
	// MaxIter limits the iterations. Zero means 200·n.
	MaxIter int
	// XRTol, BFGS only (scipy's xrtol), is the relative step size below
	// which it stops: ‖α·p‖ ≤ XRTol·(XRTol + ‖x‖). Zero stops only on a
	// zero step. CG refuses a nonzero XRTol, as scipy's CG has none.
	XRTol float64
	// KeepPath records the iterates in Result.Path (scipy's retall).
	KeepPath bool
	// Callback, if set, is called with a copy of the iterate after each
	// iteration (scipy's callback).
	Callback func(x []float64)
}

// defaults returns the settings with scipy's defaults filled in for n
// variables: gtol 1e-5, the infinity norm and 200·n iterations.
func (s *GradientSettings) defaults(n int) GradientSettings {
	var d GradientSettings
	if s != nil {
		d = *s
	}
	if d.GTol == 0 {
		d.GTol = 1e-5
	}
	if d.Norm == 0 {
		d.Norm = math.Inf(1)
	}
	if d.MaxIter == 0 {
		d.MaxIter = 200 * n
	}
	return d
}

// start evaluates the objective and its gradient at x0, as BFGS and CG
// both begin: it returns the objective, the iterate, its value f, the
// previous value that sets the first line-search step to about 1, the
// gradient and the path recorded so far.
func (s GradientSettings) start(p Problem, x0 []float64) (obj *smoothObjective, x []float64, f, prevF float64, g []float64, path [][]float64) {
	obj = newSmoothObjective(p, x0, s.Step)
	x = append([]float64(nil), x0...)
	f = obj.value(x)
	g = obj.gradient(x)
	if s.KeepPath {
		path = append(path, append([]float64(nil), x...))
	}
	return obj, x, f, f + vecNorm(g, 2)/2, g, path
}

// BFGS minimizes p.Func from x0 by the quasi-Newton method of Broyden,
// Fletcher, Goldfarb and Shanno (Nocedal and Wright, Numerical
// Optimization, 2nd ed., Algorithm 6.1), exactly as scipy.optimize.
// fmin_bfgs (_minimize_bfgs in scipy 1.10), so that iteration and
// evaluation counts agree with scipy's.
//
// It keeps an approximation H of the inverse Hessian, starting from the
// identity, steps along −H∇f by a strong Wolfe line search (MINPACK's
// dcsrch, falling back to Nocedal and Wright's Algorithm 3.5), and
// updates H = (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ with s the step, y the change
// of gradient and ρ = 1/yᵀs. Convergence is superlinear near a minimum
// with a positive definite Hessian. Each iteration costs a few values and
// gradients (each finite-difference gradient n more values) and O(n²)
// arithmetic and memory.
func BFGS(p Problem, x0 []float64, settings *GradientSettings) (*Result, error) {
	if err := p.check(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	s := settings.defaults(n)
	gtol, norm, maxIter := s.GTol, s.Norm, s.MaxIter
	params := wolfeParams{c1: 1e-4, c2: 0.9, stpmin: 1e-100, stpmax: 1e100, xtol: 1e-14, amax: 1e100, maxIter: 10}

	obj, xk, oldF, oldOldF, gfk, path := s.start(p, x0)
	if obj.stopped() {
		return obj.result(xk, oldF, gfk, 0, maxIter, false), nil
	}

	b := bfgsState{h: make([]float64, n*n), tmp: make([]float64, n*n), a: make([]float64, n*n)}
	for i := 0; i < n; i++ {
		b.h[i*n+i] = 1
	}
	pk := make([]float64, n)
	sk := make([]float64, n)
	yk := make([]float64, n)
	k := 0
	failed := false
	for gnorm := vecNorm(gfk, norm); gnorm > gtol && k < maxIter; {
		b.direction(pk, gfk)
		line := newWolfeLine(obj, xk, pk)
		ws := line.wolfe12(oldF, oldOldF, gfk, params, nil)
		if obj.stopped() {
			break
		}
		if !ws.ok {
			failed = true
			break
		}
		alpha := ws.alpha
		oldF, oldOldF = ws.phi, ws.phi0
		xkp1 := make([]float64, n)
		for i := range sk {
			sk[i] = alpha * pk[i]
			xkp1[i] = xk[i] + sk[i]
		}
		xk = xkp1
		iterateHook(&path, s.KeepPath, s.Callback, xk)
		gfkp1 := line.gval
		if !ws.hasDerphi {
			gfkp1 = obj.gradient(xk)
			if obj.stopped() {
				break
			}
		}
		for i := range yk {
			yk[i] = gfkp1[i] - gfk[i]
		}
		gfk = gfkp1
		k++
		if gnorm = vecNorm(gfk, norm); gnorm <= gtol {
			break
		}
		if alpha*vecNorm(pk, 2) <= s.XRTol*(s.XRTol+vecNorm(xk, 2)) {
			break
		}
		b.update(sk, yk)
	}
	r := obj.result(xk, oldF, gfk, k, maxIter, failed)
	r.Path = path
	r.HessInv = make([][]float64, n)
	for i := range r.HessInv {
		r.HessInv[i] = append([]float64(nil), b.h[i*n:(i+1)*n]...)
	}
	return r, nil
}

// bfgsState holds the n×n inverse Hessian approximation h, row-major,
// and scratch matrices for its update.
//
// Its products accumulate with fused multiply–adds in the order of
// OpenBLAS's kernels for small n, which numpy calls for scipy: this makes
// every iterate on 2-d problems agree with scipy's to the last bit. For
// large n OpenBLAS sums in blocks, and iterates differ by rounding.
type bfgsState struct {
	h, tmp, a []float64
}

// direction sets p = −H·g, each element summed from the last index.
func (b *bfgsState) direction(p, g []float64) {
	n := len(g)
	for i := range p {
		row := b.h[i*n : (i+1)*n]
		acc := 0.0
		for j := n - 1; j >= 0; j-- {
			acc = math.FMA(row[j], g[j], acc)
		}
		p[i] = -acc
	}
}

// bfgsProductMaxN is the largest dimension for which update forms the
// matrix products as scipy does.
const bfgsProductMaxN = 4

// update applies H ← (I − ρsyᵀ)·H·(I − ρysᵀ) + ρssᵀ with ρ = 1/yᵀs (1000
// when yᵀs = 0, as scipy). Up to bfgsProductMaxN variables it multiplies
// the matrices in scipy's order, O(n³), which reproduces scipy's iterates
// (OpenBLAS's products are plain fused chains at these sizes); beyond,
// where OpenBLAS's blocked sums differ from any simple order anyway, it
// uses the expansion for symmetric H with u = H·y,
// H − ρ(usᵀ + suᵀ) + (ρ + ρ²·yᵀu)ssᵀ, in O(n²).
func (b *bfgsState) update(s, y []float64) {
	n := len(s)
	rho := 1000.0
	if r := vecDot(y, s); r != 0 {
		rho = 1 / r
	}
	if n <= bfgsProductMaxN {
		// a = I − ρ·y·sᵀ; tmp = H·a.
		bfgsIdentityMinus(b.a, y, s, rho)
		bfgsMatMul(b.tmp, b.h, b.a, n)
		// a = I − ρ·s·yᵀ; h = a·tmp + ρ·s·sᵀ.
		bfgsIdentityMinus(b.a, s, y, rho)
		bfgsMatMul(b.h, b.a, b.tmp, n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				b.h[i*n+j] += rho * s[i] * s[j]
			}
		}
		return
	}
	u := b.tmp[:n]
	for i := range u {
		u[i] = vecDot(b.h[i*n:(i+1)*n], y)
	}
	c := rho + rho*rho*vecDot(y, u)
	for i := 0; i < n; i++ {
		row := b.h[i*n : (i+1)*n]
		for j := range row {
			row[j] += -rho*(u[i]*s[j]+s[i]*u[j]) + c*s[i]*s[j]
		}
	}
}

// bfgsIdentityMinus sets m = I − (u·vᵀ)·rho, element (i, j) computed as
// numpy's I − u[:,None]*v[None,:]*rho.
func bfgsIdentityMinus(m, u, v []float64, rho float64) {
	n := len(u)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			id := 0.0
			if i == j {
				id = 1
			}
			m[i*n+j] = id - u[i]*v[j]*rho
		}
	}
}

// bfgsMatMul sets c = a·b for n×n row-major matrices, each element a
// chain of fused multiply–adds in index order.
func bfgsMatMul(c, a, b []float64, n int) {
	for i := range c {
		c[i] = 0
	}
	for i := 0; i < n; i++ {
		ci := c[i*n : (i+1)*n]
		for k := 0; k < n; k++ {
			aik := a[i*n+k]
			bk := b[k*n : (k+1)*n]
			for j, v := range bk {
				ci[j] = math.FMA(aik, v, ci[j])
			}
		}
	}
}
