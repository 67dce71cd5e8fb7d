package optimize

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// TrustRegionSettings are the options of the trust-region methods
// (Dogleg, TrustNCG, TrustExact, TrustKrylov). The zero value means
// scipy's defaults.
type TrustRegionSettings struct {
	// InitialRadius is the first trust radius; zero means 1.
	InitialRadius float64
	// MaxRadius caps the radius; zero means 1000.
	MaxRadius float64
	// Eta is the least ratio of actual to predicted reduction at which a
	// step is taken; zero means 0.15.
	Eta float64
	// GTol is the gradient norm below which it stops; zero means 1e-4.
	GTol float64
	// MaxIter limits the iterations; zero means 200·n.
	MaxIter int
	// KeepPath records the iterates in Result.Path (scipy's return_all).
	KeepPath bool
	// Callback, if set, is called with each iterate.
	Callback func(x []float64)
}

// The failure messages of the trust-region methods, scipy's.
const (
	msgBadApproximation = "A bad approximation caused failure to predict improvement."
	msgLinalg           = "A linalg error occurred, such as a non-psd Hessian."
)

// errNotPD is the subproblem failure of a Hessian that is not positive
// definite where a method needs it to be (dogleg).
var errNotPD = errors.New("the Hessian is not positive definite")

// trModel is the quadratic model f + g·p + ½pᵀHp at a point, with the
// Hessian (dense, evaluated once on first use) or Hessian-vector
// products; it counts the evaluations as scipy's do.
type trModel struct {
	x, g []float64
	f    float64
	h    *mat.SymDense // nil until needed, or when only products are given
	pr   *trProblem
}

// trProblem is the objective of a trust-region run with scipy's counts.
type trProblem struct {
	p                Problem
	n                int
	nfev, njev, nhev int
}

// hessVec writes H·v into hv.
func (m *trModel) hessVec(v, hv []float64) {
	if m.pr.p.Hess == nil {
		m.pr.nhev++
		m.pr.p.HessVec(m.x, v, hv)
		return
	}
	hm := m.hess()
	mat.NewVecDense(len(hv), hv).MulVec(hm, mat.NewVecDense(len(v), v))
}

// hess returns the dense Hessian, evaluating it on first use.
func (m *trModel) hess() *mat.SymDense {
	if m.h == nil {
		n := m.pr.n
		buf := make([]float64, n*n)
		m.pr.nhev++
		m.pr.p.Hess(m.x, buf)
		m.h = mat.NewSymDense(n, buf)
	}
	return m.h
}

// value is the model at step p.
func (m *trModel) value(p []float64) float64 {
	hp := make([]float64, len(p))
	m.hessVec(p, hp)
	return m.f + vecDot(m.g, p) + 0.5*vecDot(p, hp)
}

// trSolver solves the trust-region subproblem of a model for a radius,
// and reports whether the step reaches the boundary.
type trSolver func(m *trModel, radius float64) (p []float64, onBoundary bool, err error)

// trustRegion is scipy's _minimize_trust_region: the basic trust-region
// iteration (Nocedal and Wright, Numerical Optimization, 2nd ed., Alg.
// 4.1) around a subproblem solver. The radius shrinks to a quarter when
// the step's actual reduction is under a quarter of the model's, doubles
// (up to MaxRadius) when it is over three quarters and the step reached
// the boundary; the step is taken when the ratio exceeds Eta.
func trustRegion(p Problem, x0 []float64, s *TrustRegionSettings, solve trSolver) (*Result, error) {
	if s == nil {
		s = &TrustRegionSettings{}
	}
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	if p.Grad == nil || (p.Hess == nil && p.HessVec == nil) {
		return nil, errors.New("optimize: trust-region methods need the gradient and the Hessian or Hessian-vector products")
	}
	n := len(x0)
	radius, maxRadius, eta, gtol, maxIter := s.InitialRadius, s.MaxRadius, s.Eta, s.GTol, s.MaxIter
	if radius == 0 {
		radius = 1
	}
	if maxRadius == 0 {
		maxRadius = 1000
	}
	if eta == 0 {
		eta = 0.15
	}
	if gtol == 0 {
		gtol = 1e-4
	}
	if maxIter == 0 {
		maxIter = 200 * n
	}
	switch {
	case !(eta >= 0 && eta < 0.25):
		return nil, errors.New("optimize: invalid acceptance stringency (eta must lie in [0, 0.25))")
	case !(maxRadius > 0) || !(radius > 0):
		return nil, errors.New("optimize: the trust radii must be positive")
	case radius >= maxRadius:
		return nil, errors.New("optimize: the initial trust radius must be less than the max trust radius")
	}
	pr := &trProblem{p: p, n: n}
	model := func(x []float64) *trModel {
		pr.nfev++
		return &trModel{x: x, f: p.Func(x), pr: pr}
	}
	grad := func(m *trModel) float64 {
		if m.g == nil {
			pr.njev++
			m.g = make([]float64, n)
			p.Grad(m.x, m.g)
		}
		return vecNorm(m.g, 2)
	}
	m := model(append([]float64(nil), x0...))
	if p.Hess != nil {
		m.hess() // scipy evaluates the Hessian at x0 when it prepares the function
	}
	var path [][]float64
	if s.KeepPath {
		path = append(path, append([]float64(nil), m.x...))
	}
	status, msg, k := Success, MsgSuccess, 0
	for grad(m) >= gtol {
		step, onBoundary, err := solve(m, radius)
		if err != nil {
			status, msg = Failure, msgLinalg
			break
		}
		predicted := m.value(step)
		xNew := make([]float64, n)
		for i := range xNew {
			xNew[i] = m.x[i] + step[i]
		}
		mNew := model(xNew)
		if math.IsNaN(mNew.f) || math.IsInf(mNew.f, 0) {
			mNew.f = math.Inf(1) // a step into a region where f is not finite is rejected
		}
		actual, predRed := m.f-mNew.f, m.f-predicted
		if predRed <= 0 {
			status, msg = Failure, msgBadApproximation
			break
		}
		rho := actual / predRed
		switch {
		case rho < 0.25:
			radius *= 0.25
		case rho > 0.75 && onBoundary:
			radius = math.Min(2*radius, maxRadius)
		}
		if rho > eta {
			m = mNew
		}
		if s.KeepPath {
			path = append(path, append([]float64(nil), m.x...))
		}
		if s.Callback != nil {
			s.Callback(append([]float64(nil), m.x...))
		}
		k++
		if grad(m) < gtol {
			break
		}
		if k >= maxIter {
			status, msg = MaxIterations, MsgMaxIter
			break
		}
	}
	grad(m)
	return &Result{X: m.x, F: m.f, Grad: m.g, Status: status, Success: status == Success, Message: msg,
		Iterations: k, FuncEvals: pr.nfev, GradEvals: pr.njev, HessEvals: pr.nhev, Path: path}, nil
}

// boundaryIntersections returns ta ≤ tb with ‖z + t·d‖ = r, by the
// cancellation-free quadratic formula (scipy's
// get_boundaries_intersections).
func boundaryIntersections(z, d []float64, r float64) (float64, float64) {
	a, b, c := vecDot(d, d), 2*vecDot(z, d), vecDot(z, z)-r*r
	aux := b + math.Copysign(math.Sqrt(b*b-4*a*c), b)
	ta, tb := -aux/(2*a), -2*c/aux
	if ta > tb {
		ta, tb = tb, ta
	}
	return ta, tb
}

// Dogleg minimizes by the dogleg trust-region method (Powell 1970;
// Nocedal and Wright, §4.1), as scipy's minimize(method="dogleg"): the
// step follows the steepest-descent segment to the Cauchy point, then
// turns towards the Newton point −H⁻¹g, cut at the trust radius. It needs
// p.Hess, positive definite at every iterate (else it fails with scipy's
// linalg message); each iteration costs one Cholesky factorization.
func Dogleg(p Problem, x0 []float64, s *TrustRegionSettings) (*Result, error) {
	if p.Hess == nil {
		return nil, errors.New("optimize: dogleg needs the Hessian")
	}
	return trustRegion(p, x0, s, func(m *trModel, r float64) ([]float64, bool, error) {
		n := len(m.x)
		var chol mat.Cholesky
		if !chol.Factorize(m.hess()) {
			return nil, false, errNotPD
		}
		newton := mat.NewVecDense(n, nil)
		if err := chol.SolveVecTo(newton, mat.NewVecDense(n, append([]float64(nil), m.g...))); err != nil {
			return nil, false, errNotPD
		}
		pb := make([]float64, n)
		for i := range pb {
			pb[i] = -newton.AtVec(i)
		}
		if vecNorm(pb, 2) < r {
			return pb, false, nil
		}
		bg := make([]float64, n)
		m.hessVec(m.g, bg)
		pu := make([]float64, n)
		scale := -vecDot(m.g, m.g) / vecDot(m.g, bg)
		for i := range pu {
			pu[i] = scale * m.g[i]
		}
		if nu := vecNorm(pu, 2); nu >= r {
			for i := range pu {
				pu[i] *= r / nu
			}
			return pu, true, nil
		}
		d := make([]float64, n)
		for i := range d {
			d[i] = pb[i] - pu[i]
		}
		_, tb := boundaryIntersections(pu, d, r)
		for i := range pu {
			pu[i] += tb * d[i]
		}
		return pu, true, nil
	})
}

// TrustNCG minimizes by the Newton conjugate-gradient trust-region
// method, as scipy's minimize(method="trust-ncg"): the subproblem is
// solved by Steihaug's truncated conjugate gradients (Nocedal and Wright,
// Alg. 7.2), stopping at the boundary, at negative curvature, or when the
// residual falls below min(0.5, √‖g‖)·‖g‖. It needs Hessian-vector
// products (p.HessVec) or p.Hess, one product per inner iteration.
func TrustNCG(p Problem, x0 []float64, s *TrustRegionSettings) (*Result, error) {
	return trustRegion(p, x0, s, func(m *trModel, radius float64) ([]float64, bool, error) {
		n := len(m.x)
		gmag := vecNorm(m.g, 2)
		tol := math.Min(0.5, math.Sqrt(gmag)) * gmag
		z := make([]float64, n)
		if gmag < tol {
			return z, false, nil
		}
		r := append([]float64(nil), m.g...)
		d := make([]float64, n)
		for i := range d {
			d[i] = -r[i]
		}
		bd := make([]float64, n)
		for {
			m.hessVec(d, bd)
			dbd := vecDot(d, bd)
			if dbd <= 0 {
				// Negative curvature: the better end of the line through
				// z along d on the boundary.
				ta, tb := boundaryIntersections(z, d, radius)
				pa, pb := make([]float64, n), make([]float64, n)
				for i := range z {
					pa[i], pb[i] = z[i]+ta*d[i], z[i]+tb*d[i]
				}
				if m.value(pa) < m.value(pb) {
					return pa, true, nil
				}
				return pb, true, nil
			}
			rr := vecDot(r, r)
			alpha := rr / dbd
			zNext := make([]float64, n)
			for i := range z {
				zNext[i] = z[i] + alpha*d[i]
			}
			if vecNorm(zNext, 2) >= radius {
				_, tb := boundaryIntersections(z, d, radius)
				for i := range z {
					z[i] += tb * d[i]
				}
				return z, true, nil
			}
			for i := range r {
				r[i] += alpha * bd[i]
			}
			rrNext := vecDot(r, r)
			if math.Sqrt(rrNext) < tol {
				return zNext, false, nil
			}
			beta := rrNext / rr
			for i := range d {
				d[i] = -r[i] + beta*d[i]
			}
			z = zNext
		}
	})
}

// TrustExact minimizes by the trust-region method with the subproblem
// solved exactly, in the spirit of scipy's minimize(method="trust-exact")
// (Moré and Sorensen, SIAM J. Sci. Stat. Comput. 4, 1983), but through
// the eigendecomposition H = QΛQᵀ: the step is −H⁻¹g inside the region
// when H is positive definite, else −(H + λI)⁻¹g with λ ≥ max(0, −λ₁)
// found by Newton's method on 1/‖p(λ)‖ − 1/r (safeguarded by bisection),
// and in the hard case (g orthogonal to the lowest eigenvectors) that
// step plus the multiple of the lowest eigenvector that reaches the
// boundary. scipy's solver stops within 10% of the radius, so iteration
// counts differ slightly. It needs p.Hess; each iteration costs one
// symmetric eigendecomposition, O(n³).
func TrustExact(p Problem, x0 []float64, s *TrustRegionSettings) (*Result, error) {
	if p.Hess == nil {
		return nil, errors.New("optimize: trust-exact needs the Hessian")
	}
	return trustRegion(p, x0, s, func(m *trModel, r float64) ([]float64, bool, error) {
		return exactStep(m.hess(), m.g, r)
	})
}

// exactStep solves min g·p + ½pᵀHp subject to ‖p‖ ≤ r exactly.
func exactStep(h mat.Symmetric, g []float64, r float64) ([]float64, bool, error) {
	n := len(g)
	var eig mat.EigenSym
	if !eig.Factorize(h, true) {
		return nil, false, errors.New("eigendecomposition failed")
	}
	lam := eig.Values(nil)
	var q mat.Dense
	eig.VectorsTo(&q)
	gt := make([]float64, n) // Qᵀg
	mat.NewVecDense(n, gt).MulVec(q.T(), mat.NewVecDense(n, g))
	step := func(shift float64) ([]float64, float64) {
		c := make([]float64, n)
		for i := range c {
			c[i] = -gt[i] / (lam[i] + shift)
		}
		return c, vecNorm(c, 2)
	}
	toX := func(c []float64) []float64 {
		x := make([]float64, n)
		mat.NewVecDense(n, x).MulVec(&q, mat.NewVecDense(n, c))
		return x
	}
	lmin := lam[0] // EigenSym sorts ascending
	scale := math.Max(1, math.Abs(lam[n-1]))
	if lmin > 1e-14*scale {
		if c, norm := step(0); norm <= r {
			return toX(c), false, nil
		}
	}
	lo := math.Max(0, -lmin)
	// The hard case: g has (almost) no component along the lowest
	// eigenvectors and the step at λ = −λ₁ stays inside.
	hard := lmin <= 1e-14*scale
	for i := range n {
		if lam[i]-lmin <= 1e-12*scale && math.Abs(gt[i]) > 1e-12*vecNorm(g, 2) {
			hard = false
		}
	}
	if hard {
		c := make([]float64, n)
		for i := range c {
			if lam[i]-lmin > 1e-12*scale {
				c[i] = -gt[i] / (lam[i] - lmin)
			}
		}
		if norm := vecNorm(c, 2); norm < r {
			c[0] += math.Sqrt(r*r - norm*norm)
			return toX(c), true, nil
		}
	}
	// ‖p(λ)‖ decreases from ∞ (or above r) at lo: find ‖p(λ)‖ = r.
	hi := lo + vecNorm(g, 2)/r + scale
	for {
		if _, norm := step(hi); norm <= r {
			break
		}
		hi *= 2
	}
	shift := hi
	for it := 0; it < 100; it++ {
		c, norm := step(shift)
		if math.Abs(norm-r) <= 1e-12*r {
			break
		}
		if norm > r {
			lo = shift
		} else {
			hi = shift
		}
		// Newton on φ(λ) = 1/‖p‖ − 1/r: φ' = (Σ c_i²/(λ_i+λ)) / ‖p‖³.
		d := 0.0
		for i := range c {
			d += c[i] * c[i] / (lam[i] + shift)
		}
		next := shift + (norm*norm/d)*((norm-r)/r)
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		shift = next
	}
	c, _ := step(shift)
	return toX(c), true, nil
}

// tridiagNewton solves T·h = −gmag·e₁ for the tridiagonal T with
// diagonal alpha and off-diagonal beta by its LDLᵀ factorization, or
// returns nil when T is not positive definite.
func tridiagNewton(alpha, beta []float64, gmag float64) []float64 {
	k := len(alpha)
	d, l := make([]float64, k), make([]float64, k)
	for i := range k {
		d[i] = alpha[i]
		if i > 0 {
			l[i] = beta[i-1] / d[i-1]
			d[i] -= l[i] * beta[i-1]
		}
		if !(d[i] > 0) {
			return nil
		}
	}
	h := make([]float64, k)
	h[0] = -gmag
	for i := 1; i < k; i++ {
		h[i] = -l[i] * h[i-1]
	}
	for i := range h {
		h[i] /= d[i]
	}
	for i := k - 2; i >= 0; i-- {
		h[i] -= l[i+1] * h[i+1]
	}
	return h
}

// TrustKrylov minimizes by the trust-region method with the subproblem
// solved in a Krylov subspace, in the manner of scipy's
// minimize(method="trust-krylov") (GLTR: N. I. M. Gould, S. Lucidi, M.
// Roma and Ph. L. Toint, SIAM J. Optim. 9, 1999): Lanczos iterations with
// Hessian-vector products build an orthonormal basis of span{g, Hg, …}
// and the tridiagonal T = QᵀHQ; the subproblem restricted to that space
// is solved exactly (exactStep on T), and the basis grows until the
// step's residual ‖Hp + λp + g‖, which the Lanczos recurrence gives for
// free, is below min(0.5, √‖g‖)·‖g‖ (scipy's inexact setting), or the
// space is the whole space. It needs p.HessVec (or p.Hess) only: one
// product per Lanczos step, so it suits large problems.
func TrustKrylov(p Problem, x0 []float64, s *TrustRegionSettings) (*Result, error) {
	return trustRegion(p, x0, s, func(m *trModel, radius float64) ([]float64, bool, error) {
		n := len(m.x)
		gmag := vecNorm(m.g, 2)
		tol := math.Min(0.5, math.Sqrt(gmag)) * gmag
		if gmag == 0 {
			return make([]float64, n), false, nil
		}
		var basis [][]float64
		var alpha, beta []float64
		v := make([]float64, n)
		for i := range v {
			v[i] = m.g[i] / gmag
		}
		var vPrev []float64
		w := make([]float64, n)
		for k := 0; k < n; k++ {
			basis = append(basis, v)
			m.hessVec(v, w)
			a := vecDot(v, w)
			for i := range w {
				w[i] -= a * v[i]
				if vPrev != nil {
					w[i] -= beta[len(beta)-1] * vPrev[i]
				}
			}
			// Full reorthogonalization keeps the basis orthonormal.
			for _, u := range basis {
				c := vecDot(u, w)
				for i := range w {
					w[i] -= c * u[i]
				}
			}
			alpha = append(alpha, a)
			b := vecNorm(w, 2)
			// Solve the subproblem on the tridiagonal T_k with gradient
			// ‖g‖·e₁.
			kk := len(alpha)
			t := mat.NewSymDense(kk, nil) // T_k, filled only if exactStep needs it
			for i := range kk {
				t.SetSym(i, i, alpha[i])
				if i+1 < kk {
					t.SetSym(i, i+1, beta[i])
				}
			}
			e1 := make([]float64, kk)
			e1[0] = gmag
			// The interior solution, when T is positive definite, by an
			// O(k) factorization; the boundary one by exactStep.
			h, onBoundary := tridiagNewton(alpha, beta, gmag), false
			if h == nil || vecNorm(h, 2) > radius {
				var err error
				if h, onBoundary, err = exactStep(t, e1, radius); err != nil {
					return nil, false, err
				}
			}
			// The residual of the full problem is β_k·|h_k|.
			if b*math.Abs(h[kk-1]) <= tol || b <= 1e-14*math.Max(1, math.Abs(a)) || k == n-1 {
				step := make([]float64, n)
				for j, u := range basis {
					for i := range step {
						step[i] += h[j] * u[i]
					}
				}
				return step, onBoundary, nil
			}
			beta = append(beta, b)
			vPrev = v
			v = make([]float64, n)
			for i := range v {
				v[i] = w[i] / b
			}
		}
		return make([]float64, n), false, nil
	})
}
