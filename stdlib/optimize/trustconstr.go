package optimize

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// TrustConstrSettings are the options of TrustConstr. The zero value
// means scipy's defaults.
type TrustConstrSettings struct {
	// GTol and XTol stop when the Lagrangian's gradient and the
	// constraint violation are below GTol with the barrier parameter
	// below BarrierTol, or when the trust radius falls below XTol. Zero
	// means 1e-8 for each.
	GTol, XTol, BarrierTol float64
	// MaxIter limits the SQP iterations over all barrier subproblems;
	// zero means 1000.
	MaxIter int
}

// TrustConstrResult is what TrustConstr found.
type TrustConstrResult struct {
	Result
	// ConstrViolation is the largest violation of a constraint or bound
	// at X; Optimality the largest component of the Lagrangian's gradient.
	ConstrViolation, Optimality float64
	// Barrier is the last barrier parameter.
	Barrier float64
}

// TrustConstr minimizes p.Func subject to constraints (equations and
// inequalities c(x) ≥ 0) and bounds, in the manner of scipy's
// minimize(method="trust-constr") with its interior point algorithm
// (R. H. Byrd, M. E. Hribar and J. Nocedal, SIAM J. Optim. 9, 1999): the
// inequalities get slacks s > 0, c_I(x) − s = 0, and a sequence of barrier
// problems min f − μ Σ log s with μ = 0.1, 0.02, … is solved, each by a
// Byrd–Omojokun trust-region SQP in the variables (x, s/s_k): a normal
// step towards the linearized constraints (dogleg within 0.8Δ), and a
// tangential step in their null space that minimizes the quadratic model
// exactly (eigendecomposition of the reduced Hessian, as TrustExact), cut
// to keep the slacks positive (fraction to the boundary 0.995). Steps are
// judged by the merit function f − μ Σ log s + ν‖c‖ with the penalty ν
// raised as needed. The Hessian of the Lagrangian ∇²f − Σλ_i∇²c_i is
// exact when p.Hess and every constraint's HessW are given, and otherwise
// approximated by damped BFGS updates (Powell 1978), as scipy does when
// no Hessian is given; the multipliers are least-squares estimates. Each iteration
// costs an SVD of the (m × n+m_I) constraint Jacobian and an
// eigendecomposition of the reduced Hessian.
//
// It returns scipy's trust-constr messages: "`gtol` termination condition
// is satisfied.", "`xtol` termination condition is satisfied." or "The
// maximum number of function evaluations is exceeded.".
func TrustConstr(p Problem, x0 []float64, cons []Constraint, b *Bounds, s *TrustConstrSettings) (*TrustConstrResult, error) {
	if s == nil {
		s = &TrustConstrSettings{}
	}
	if err := p.check(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	box, err := b.box(n)
	if err != nil {
		return nil, err
	}
	for _, c := range cons {
		if c.Func == nil || c.Len < 0 {
			return nil, ErrConstraint
		}
	}
	gtol, xtol, btol, maxIter := s.GTol, s.XTol, s.BarrierTol, s.MaxIter
	if gtol == 0 {
		gtol = 1e-8
	}
	if xtol == 0 {
		xtol = 1e-8
	}
	if btol == 0 {
		btol = 1e-8
	}
	if maxIter == 0 {
		maxIter = 1000
	}
	tc := newTCProblem(p, cons, box, n)
	return tc.solve(append([]float64(nil), x0...), gtol, xtol, btol, maxIter), nil
}

// tcProblem holds the objective and constraints of TrustConstr: the
// equations c_E, and the inequalities c_I ≥ 0 with the finite bounds among
// them.
type tcProblem struct {
	p          Problem
	cons       []Constraint
	exact      bool // the Lagrangian's Hessian is exact (p.Hess, every HessW)
	box        consBox
	n, mE, mI  int
	nfev, njev int
	// diff approximates a missing gradient (p.Diff, by default scipy's
	// "2-point"), counted in nfev as scipy counts it; consDiff a missing
	// constraint Jacobian.
	diff, consDiff *Differences
}

func newTCProblem(p Problem, cons []Constraint, box consBox, n int) *tcProblem {
	tc := &tcProblem{p: p, cons: cons, box: box, n: n, exact: p.Hess != nil, diff: p.Diff}
	if tc.diff == nil {
		tc.diff = &Differences{}
	}
	tc.consDiff = tc.diff.forConstraints()
	for _, c := range cons {
		tc.exact = tc.exact && c.HessW != nil
		if c.Kind == Eq {
			tc.mE += c.Len
		} else {
			tc.mI += c.Len
		}
	}
	for i := range n {
		if !math.IsInf(box.lo[i], -1) {
			tc.mI++
		}
		if !math.IsInf(box.up[i], 1) {
			tc.mI++
		}
	}
	return tc
}

// eval returns f, ∇f, the constraints [c_E; c_I] and their Jacobian
// (row-major, (mE+mI) × n) at x.
func (tc *tcProblem) eval(x []float64) (f float64, g, c, J []float64) {
	n, m := tc.n, tc.mE+tc.mI
	tc.nfev++
	tc.njev++
	f = tc.p.Func(x)
	g = make([]float64, n)
	if tc.p.Grad != nil {
		tc.p.Grad(x, g)
	} else {
		tc.nfev += tc.diff.Evals(n)
		tc.diff.gradient(tc.p.Func, append([]float64(nil), x...), f, consBox{}, g)
	}
	c, J = make([]float64, m), make([]float64, m*n)
	eq, in := 0, tc.mE
	for _, con := range tc.cons {
		v, jac := make([]float64, con.Len), make([]float64, con.Len*n)
		con.Func(x, v)
		if con.Jac != nil {
			con.Jac(x, jac)
		} else {
			tc.consDiff.jacobian(con.Func, append([]float64(nil), x...), v, consBox{}, jac)
		}
		at := &in
		if con.Kind == Eq {
			at = &eq
		}
		copy(c[*at:], v)
		copy(J[*at*n:], jac)
		*at += con.Len
	}
	for i := range n {
		if !math.IsInf(tc.box.lo[i], -1) {
			c[in], J[in*n+i] = x[i]-tc.box.lo[i], 1
			in++
		}
		if !math.IsInf(tc.box.up[i], 1) {
			c[in], J[in*n+i] = tc.box.up[i]-x[i], -1
			in++
		}
	}
	return f, g, c, J
}

// lagHess writes the exact Hessian of the Lagrangian f − λᵀc at x into B,
// λ ordered as the constraint rows (equations first, then inequalities).
func (tc *tcProblem) lagHess(x, lam []float64, B *mat.SymDense) {
	n := tc.n
	h, hc := make([]float64, n*n), make([]float64, n*n)
	tc.p.Hess(x, h)
	eq, in := 0, tc.mE
	for _, con := range tc.cons {
		at := &in
		if con.Kind == Eq {
			at = &eq
		}
		w := make([]float64, con.Len)
		for i := range w {
			w[i] = lam[*at+i]
		}
		*at += con.Len
		con.HessW(x, w, hc)
		for i := range h {
			h[i] -= hc[i]
		}
	}
	for i := range n {
		for j := i; j < n; j++ {
			B.SetSym(i, j, 0.5*(h[i*n+j]+h[j*n+i]))
		}
	}
}

// solve runs the barrier loop.
func (tc *tcProblem) solve(x []float64, gtol, xtol, btol float64, maxIter int) *TrustConstrResult {
	n, mE, mI := tc.n, tc.mE, tc.mI
	m, N := mE+mI, n+mI
	f, g, c, J := tc.eval(x)
	sl := make([]float64, mI)
	for i := range sl {
		sl[i] = math.Max(1.5*c[mE+i], 1)
	}
	B := mat.NewSymDense(n, nil) // the Lagrangian's Hessian approximation
	for i := range n {
		B.SetSym(i, i, 1)
	}
	mu, tol, delta, nu := 0.1, 0.1, 1.0, 1.0
	res := &TrustConstrResult{}
	status, msg := MaxFuncEvals, "The maximum number of function evaluations is exceeded."
	// The scaled problem at the current point: gradient ĝ, constraint
	// values ĉ and Jacobian Â in the variables (x, s/s_k).
	var lam []float64
	scaled := func(f float64, g, c, J, sl []float64) (gh, ch []float64, A *mat.Dense) {
		gh = make([]float64, N)
		copy(gh, g)
		for i := range mI {
			gh[n+i] = -mu
		}
		ch = append([]float64(nil), c...)
		for i := range mI {
			ch[mE+i] -= sl[i]
		}
		A = mat.NewDense(max(m, 1), N, nil)
		for i := range m {
			for j := range n {
				A.Set(i, j, J[i*n+j])
			}
		}
		for i := range mI {
			A.Set(mE+i, n+i, -sl[i])
		}
		return gh, ch, A
	}
	multipliers := func(gh []float64, A *mat.Dense) []float64 {
		if m == 0 {
			return nil
		}
		at := mat.DenseCopyOf(A.T())
		l := leastSquaresLstsq(at.RawMatrix().Data, gh, N, m)
		for i := range l {
			l[i] = -l[i]
		}
		return l
	}
	merit := func(f float64, ch, sl []float64) float64 {
		v := f
		for _, si := range sl {
			v -= mu * math.Log(si)
		}
		return v + nu*vecNorm(ch, 2)
	}
	optimality := func(gh []float64, A *mat.Dense, lam []float64) float64 {
		r := append([]float64(nil), gh...)
		for i := range lam {
			for j := range N {
				r[j] -= A.At(i, j) * lam[i]
			}
		}
		// The slack part is s_i·λ_i − μ: the barrier problem's
		// complementarity, which must hold as well.
		return vecNorm(r, math.Inf(1))
	}
	gh, ch, A := scaled(f, g, c, J, sl)
	lam = multipliers(gh, A)
	if tc.exact {
		tc.lagHess(x, lam, B)
	}
	for res.Iterations < maxIter {
		opt := optimality(gh, A, lam)
		viol := vecNorm(ch, math.Inf(1))
		if opt <= tol && viol <= tol {
			if mu <= btol && tol <= gtol {
				status, msg = Success, "`gtol` termination condition is satisfied."
				break
			}
			mu, tol = math.Max(0.2*mu, btol/10), math.Max(0.2*tol, gtol)
			gh, ch, A = scaled(f, g, c, J, sl)
			lam = multipliers(gh, A)
			continue
		}
		if delta < xtol {
			status, msg = Success, "`xtol` termination condition is satisfied."
			break
		}
		res.Iterations++
		// The Hessian of the scaled barrier Lagrangian: B for x, μI for s.
		H := mat.NewSymDense(N, nil)
		for i := range n {
			for j := i; j < n; j++ {
				H.SetSym(i, j, B.At(i, j))
			}
		}
		for i := range mI {
			H.SetSym(n+i, n+i, mu)
		}
		p := tcStep(H, gh, ch, A, m, N, delta)
		// Keep the slacks positive: s + s·p_s ≥ (1 − τ)s.
		alpha := 1.0
		for i := range mI {
			if p[n+i] < -0.995 {
				alpha = math.Min(alpha, 0.995/-p[n+i])
			}
		}
		for i := range p {
			p[i] *= alpha
		}
		hp := make([]float64, N)
		mat.NewVecDense(N, hp).MulVec(H, mat.NewVecDense(N, p))
		q := vecDot(gh, p) + 0.5*vecDot(p, hp)
		cp := append([]float64(nil), ch...)
		if m > 0 {
			ap := make([]float64, m)
			mat.NewVecDense(m, ap).MulVec(A, mat.NewVecDense(N, p))
			for i := range cp {
				cp[i] += ap[i]
			}
		}
		vpred := vecNorm(ch, 2) - vecNorm(cp, 2)
		if vpred > 0 {
			nu = math.Max(nu, q/(0.9*vpred))
		}
		pred := -q + nu*vpred
		xNew := make([]float64, n)
		for i := range n {
			xNew[i] = x[i] + p[i]
		}
		slNew := make([]float64, mI)
		for i := range mI {
			slNew[i] = sl[i] * (1 + p[n+i])
		}
		fN, gN, cN, JN := tc.eval(xNew)
		_, chN, _ := scaled(fN, gN, cN, JN, slNew)
		ared := merit(f, ch, sl) - merit(fN, chN, slNew)
		ratio := ared / pred
		pn := vecNorm(p, 2)
		switch {
		case !(ratio >= 0.25) || math.IsNaN(fN):
			delta = 0.25 * pn
		case ratio > 0.75:
			delta = math.Max(delta, 2*pn)
		}
		if !(ratio > 0.1) || !(pred > 0) || math.IsNaN(fN) {
			continue
		}
		// Accept, and update B by damped BFGS on the Lagrangian's gradient.
		ghN, chNew, AN := scaled(fN, gN, cN, JN, slNew)
		lamN := multipliers(ghN, AN)
		if tc.exact {
			tc.lagHess(xNew, lamN, B)
		} else {
			lagGrad := func(g, J []float64) []float64 {
				r := append([]float64(nil), g...)
				for i := range lamN {
					for j := range n {
						r[j] -= J[i*n+j] * lamN[i]
					}
				}
				return r
			}
			y, sx := lagGrad(gN, JN), make([]float64, n)
			for j, v := range lagGrad(g, J) {
				y[j] -= v
				sx[j] = p[j]
			}
			dampedBFGS(B, sx, y)
		}
		x, sl, f, g, c, J = xNew, slNew, fN, gN, cN, JN
		gh, ch, A, lam = ghN, chNew, AN, lamN
	}
	res.X, res.F, res.Grad = x, f, g
	res.Status, res.Success, res.Message = status, status == Success, msg
	res.FuncEvals, res.GradEvals = tc.nfev, tc.njev
	res.Barrier = mu
	res.Optimality = optimality(gh, A, lam)
	for i := range mE {
		res.ConstrViolation = math.Max(res.ConstrViolation, math.Abs(c[i]))
	}
	for i := mE; i < m; i++ {
		res.ConstrViolation = math.Max(res.ConstrViolation, -c[i])
	}
	return res
}

// tcStep is the Byrd–Omojokun step for the scaled model g·p + ½pᵀHp with
// linearized constraints c + A·p = 0 in the radius Δ: the normal step v,
// a dogleg towards min ‖c + A·v‖ within 0.8Δ, plus the tangential step in
// the null space of A minimizing the model exactly within what remains of
// the radius.
func tcStep(H *mat.SymDense, g, c []float64, A *mat.Dense, m, N int, delta float64) []float64 {
	v := make([]float64, N)
	var z *mat.Dense // a basis of A's null space, N × k
	if m > 0 && vecNorm(c, 2) > 0 {
		gn := leastSquaresLstsq(A.RawMatrix().Data, c, m, N) // −A⁺c
		if vecNorm(gn, 2) <= 0.8*delta {
			v = gn
		} else {
			atc := make([]float64, N)
			mat.NewVecDense(N, atc).MulVec(A.T(), mat.NewVecDense(m, c))
			aatc := make([]float64, m)
			mat.NewVecDense(m, aatc).MulVec(A, mat.NewVecDense(N, atc))
			alpha := vecDot(atc, atc) / math.Max(vecDot(aatc, aatc), 1e-300)
			cp := make([]float64, N)
			for i := range cp {
				cp[i] = -alpha * atc[i]
			}
			if nc := vecNorm(cp, 2); nc >= 0.8*delta {
				for i := range cp {
					v[i] = cp[i] * 0.8 * delta / nc
				}
			} else {
				d := make([]float64, N)
				for i := range d {
					d[i] = gn[i] - cp[i]
				}
				_, tb := boundaryIntersections(cp, d, 0.8*delta)
				for i := range v {
					v[i] = cp[i] + tb*d[i]
				}
			}
		}
	}
	if m > 0 {
		var svd mat.SVD
		if !svd.Factorize(A, mat.SVDFull) {
			return v
		}
		sv := svd.Values(nil)
		var vt mat.Dense
		svd.VTo(&vt)
		rank := 0
		for _, x := range sv {
			if x > 1e-12*sv[0] {
				rank++
			}
		}
		if rank == N {
			return v
		}
		z = mat.DenseCopyOf(vt.Slice(0, N, rank, N))
	} else {
		z = mat.NewDense(N, N, nil)
		for i := range N {
			z.Set(i, i, 1)
		}
	}
	_, k := z.Dims()
	hv := make([]float64, N)
	mat.NewVecDense(N, hv).MulVec(H, mat.NewVecDense(N, v))
	for i := range hv {
		hv[i] += g[i]
	}
	gr := make([]float64, k)
	mat.NewVecDense(k, gr).MulVec(z.T(), mat.NewVecDense(N, hv))
	var hz, hr mat.Dense
	hz.Mul(H, z)
	hr.Mul(z.T(), &hz)
	hs := mat.NewSymDense(k, nil)
	for i := range k {
		for j := i; j < k; j++ {
			hs.SetSym(i, j, 0.5*(hr.At(i, j)+hr.At(j, i)))
		}
	}
	r := math.Sqrt(math.Max(delta*delta-vecDot(v, v), 0))
	if r == 0 {
		return v
	}
	u, _, err := exactStep(hs, gr, r)
	if err != nil {
		return v
	}
	t := make([]float64, N)
	mat.NewVecDense(N, t).MulVec(z, mat.NewVecDense(k, u))
	for i := range v {
		v[i] += t[i]
	}
	return v
}

// dampedBFGS updates B with the step s and gradient change y, damped so
// that B stays positive definite (Powell 1978; Nocedal and Wright,
// Procedure 18.2): y is replaced by θy + (1 − θ)Bs when sᵀy < 0.2 sᵀBs.
func dampedBFGS(B *mat.SymDense, s, y []float64) {
	n := len(s)
	bs := make([]float64, n)
	mat.NewVecDense(n, bs).MulVec(B, mat.NewVecDense(n, s))
	sbs, sy := vecDot(s, bs), vecDot(s, y)
	if sbs <= 0 {
		return
	}
	theta := 1.0
	if sy < 0.2*sbs {
		theta = 0.8 * sbs / (sbs - sy)
	}
	r := make([]float64, n)
	for i := range r {
		r[i] = theta*y[i] + (1-theta)*bs[i]
	}
	sr := vecDot(s, r)
	if sr <= 0 {
		return
	}
	for i := range n {
		for j := i; j < n; j++ {
			B.SetSym(i, j, B.At(i, j)-bs[i]*bs[j]/sbs+r[i]*r[j]/sr)
		}
	}
}
