package optimize

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// LinProgIPM solves LinProg's problem by Mehrotra's primal-dual
// predictor-corrector interior point method (S. Mehrotra, SIAM Journal on
// Optimization 2, 1992; S. J. Wright, Primal-Dual Interior-Point Methods,
// SIAM 1997, ch. 10). The problem is first put in standard form, min c·z
// subject to A·z = b, z ≥ 0: lower bounds are shifted to 0, a variable
// with only an upper bound is reflected, a free one split in two, and
// each finite upper bound and each inequality gets a slack. Each
// iteration solves the normal equations A·D·Aᵀ (D = Z·S⁻¹) twice with one
// Cholesky factorization, O(m³ + m²n), and takes the predictor step
// corrected towards the central path with Mehrotra's centering
// σ = (μ_aff/μ)³; it stops when the relative primal and dual residuals
// and the duality gap are below Tol (default 1e-8). The point is interior
// to the optimal face (not a vertex when the optimum is not unique);
// marginals are the dual variables. An interior point method does not
// see infeasibility or unboundedness directly: when it does not converge,
// the bounded simplex method (LinProg) decides the status.
func LinProgIPM(p LP, s *LPSettings) (*LPResult, error) {
	if s == nil {
		s = &LPSettings{}
	}
	sf, err := newStandardForm(p)
	if err != nil {
		return nil, err
	}
	tol, maxIter := s.Tol, s.MaxIter
	if tol == 0 {
		tol = 1e-8
	}
	if maxIter == 0 {
		maxIter = 200
	}
	z, y, sd, nit, ok := sf.solve(tol, maxIter)
	if !ok {
		r, err := LinProg(p, s)
		if err != nil {
			return nil, err
		}
		if r.Status == LPOptimal {
			// The simplex method solved what the interior point method
			// could not: report its answer, flagged.
			r.Status, r.Success, r.Message = LPNumerical, false,
				"The interior point method did not converge; the simplex method's answer is given."
		}
		r.Nit += nit
		return r, nil
	}
	return sf.result(p, z, y, sd, nit), nil
}

// standardForm is an LP as min c·z, A·z = b, z ≥ 0, with the map back to
// the original variables x_j = shift_j + sign_j·z_{col_j} (− z_{neg_j}
// for a split free variable).
type standardForm struct {
	n          int // original variables
	a          *mat.Dense
	b, c       []float64
	col, neg   []int // neg_j = −1 unless x_j is free
	sign       []float64
	shift      []float64
	upperRow   []int // the row of x_j's upper bound, or −1
	nub, neq   int
	rowsOfUbEq int // nub + neq: the first rows
}

// newStandardForm builds the standard form of p.
func newStandardForm(p LP) (*standardForm, error) {
	lp, err := newSimplexLP(p) // validates p and reads its bounds
	if err != nil {
		return nil, err
	}
	n, nub, neq := lp.n, len(p.AUb), len(p.AEq)
	sf := &standardForm{n: n, nub: nub, neq: neq, rowsOfUbEq: nub + neq, col: make([]int, n), neg: make([]int, n),
		sign: make([]float64, n), shift: make([]float64, n), upperRow: make([]int, n)}
	cols, rows := 0, nub+neq
	for j := range n {
		lo, hi := lp.lo[j], lp.hi[j]
		sf.col[j], sf.neg[j], sf.upperRow[j], sf.sign[j] = cols, -1, -1, 1
		cols++
		switch {
		case !math.IsInf(lo, -1):
			sf.shift[j] = lo
			if !math.IsInf(hi, 1) {
				sf.upperRow[j] = rows
				rows++
			}
		case !math.IsInf(hi, 1):
			sf.shift[j], sf.sign[j] = hi, -1
		default:
			sf.neg[j] = cols
			cols++
		}
	}
	slack0 := cols
	cols += nub
	upperSlack0 := cols
	for j := range n {
		if sf.upperRow[j] >= 0 {
			cols++
		}
	}
	sf.a = mat.NewDense(max(rows, 1), cols, nil)
	sf.b, sf.c = make([]float64, rows), make([]float64, cols)
	setVar := func(j int, row int, v float64) {
		sf.a.Set(row, sf.col[j], sf.a.At(row, sf.col[j])+sf.sign[j]*v)
		if sf.neg[j] >= 0 {
			sf.a.Set(row, sf.neg[j], sf.a.At(row, sf.neg[j])-v)
		}
	}
	for i, r := range append(append([][]float64(nil), p.AUb...), p.AEq...) {
		rhs := 0.0
		if i < nub {
			rhs = p.BUb[i]
			sf.a.Set(i, slack0+i, 1)
		} else {
			rhs = p.BEq[i-nub]
		}
		for j, v := range r {
			setVar(j, i, v)
			rhs -= v * sf.shift[j]
		}
		sf.b[i] = rhs
	}
	us := upperSlack0
	for j := range n {
		sf.c[sf.col[j]] += sf.sign[j] * p.C[j]
		if sf.neg[j] >= 0 {
			sf.c[sf.neg[j]] -= p.C[j]
		}
		if r := sf.upperRow[j]; r >= 0 {
			sf.a.Set(r, sf.col[j], 1)
			sf.a.Set(r, us, 1)
			sf.b[r] = lp.hi[j] - lp.lo[j]
			us++
		}
	}
	return sf, nil
}

// solve runs the predictor-corrector iterations and reports the primal
// z, the duals y and s, the iterations, and whether it converged.
func (sf *standardForm) solve(tol float64, maxIter int) (z, y, s []float64, nit int, ok bool) {
	m, n := len(sf.b), len(sf.c)
	a := sf.a
	if m == 0 {
		// No constraints: z ≥ 0 alone; bounded only if c ≥ 0, at z = 0.
		for _, cj := range sf.c {
			if cj < 0 {
				return nil, nil, nil, 0, false
			}
		}
		return make([]float64, n), nil, append([]float64(nil), sf.c...), 0, true
	}
	z, y, s = make([]float64, n), make([]float64, m), make([]float64, n)
	// Mehrotra's starting point: least-norm z and least-squares y, shifted
	// into the positive orthant.
	aat := mat.NewSymDense(m, nil)
	aat.SymOuterK(1, a)
	regularize(aat)
	var chol mat.Cholesky
	if !chol.Factorize(aat) {
		return nil, nil, nil, 0, false
	}
	w := mat.NewVecDense(m, nil)
	if err := chol.SolveVecTo(w, mat.NewVecDense(m, append([]float64(nil), sf.b...))); err != nil {
		return nil, nil, nil, 0, false
	}
	zv := mat.NewVecDense(n, z)
	zv.MulVec(a.T(), w)
	ac := mat.NewVecDense(m, nil)
	ac.MulVec(a, mat.NewVecDense(n, sf.c))
	yv := mat.NewVecDense(m, y)
	if err := chol.SolveVecTo(yv, ac); err != nil {
		return nil, nil, nil, 0, false
	}
	sv := mat.NewVecDense(n, s)
	sv.MulVec(a.T(), yv)
	for j := range s {
		s[j] = sf.c[j] - s[j]
	}
	dz, ds := math.Max(-1.5*minOf(z), 0), math.Max(-1.5*minOf(s), 0)
	for j := range z {
		z[j] += dz
		s[j] += ds
	}
	zs, sumZ, sumS := 0.0, 0.0, 0.0
	for j := range z {
		zs += z[j] * s[j]
		sumZ += z[j]
		sumS += s[j]
	}
	for j := range z {
		z[j] += 0.5*zs/math.Max(sumS, 1e-300) + 1e-8
		s[j] += 0.5*zs/math.Max(sumZ, 1e-300) + 1e-8
	}
	bNorm, cNorm := 1+vecNorm(sf.b, 2), 1+vecNorm(sf.c, 2)
	rb, rc := make([]float64, m), make([]float64, n)
	d := make([]float64, n)
	dzA, dyA, dsA := make([]float64, n), make([]float64, m), make([]float64, n)
	dzC, dyC, dsC := make([]float64, n), make([]float64, m), make([]float64, n)
	rxs := make([]float64, n)
	for nit = 0; nit < maxIter; nit++ {
		// Residuals rb = A·z − b, rc = Aᵀ·y + s − c.
		zvv, yvv := mat.NewVecDense(n, z), mat.NewVecDense(m, y)
		mat.NewVecDense(m, rb).MulVec(a, zvv)
		mat.NewVecDense(n, rc).MulVec(a.T(), yvv)
		mu := 0.0
		for i := range rb {
			rb[i] -= sf.b[i]
		}
		for j := range rc {
			rc[j] += s[j] - sf.c[j]
			mu += z[j] * s[j]
		}
		mu /= float64(n)
		pobj, dobj := vecDot(sf.c, z), vecDot(sf.b, y)
		if vecNorm(rb, 2)/bNorm < tol && vecNorm(rc, 2)/cNorm < tol && math.Abs(pobj-dobj)/(1+math.Abs(pobj)) < tol {
			return z, y, s, nit, true
		}
		if vecNorm(z, math.Inf(1)) > 1e15 || vecNorm(y, math.Inf(1)) > 1e15 || math.IsNaN(mu) {
			return z, y, s, nit, false // diverging: infeasible or unbounded
		}
		for j := range d {
			d[j] = z[j] / s[j]
		}
		// M = A·D·Aᵀ, factorized once for both steps.
		ad := mat.DenseCopyOf(a)
		for j := range d {
			for i := range m {
				ad.Set(i, j, ad.At(i, j)*math.Sqrt(d[j]))
			}
		}
		mm := mat.NewSymDense(m, nil)
		mm.SymOuterK(1, ad)
		regularize(mm)
		if !chol.Factorize(mm) {
			return z, y, s, nit, false
		}
		solveStep := func(rxs, dz, dy, ds []float64) bool {
			// M·dy = −rb − A·S⁻¹·rxs − A·D·rc; ds = −rc − Aᵀ·dy;
			// dz = S⁻¹·rxs − D·ds.
			t := make([]float64, n)
			for j := range t {
				t[j] = rxs[j]/s[j] + d[j]*rc[j]
			}
			rhs := mat.NewVecDense(m, nil)
			rhs.MulVec(a, mat.NewVecDense(n, t))
			for i := range m {
				rhs.SetVec(i, -rb[i]-rhs.AtVec(i))
			}
			dyv := mat.NewVecDense(m, dy)
			if err := chol.SolveVecTo(dyv, rhs); err != nil {
				return false
			}
			mat.NewVecDense(n, ds).MulVec(a.T(), dyv)
			for j := range ds {
				ds[j] = -rc[j] - ds[j]
				dz[j] = rxs[j]/s[j] - d[j]*ds[j]
			}
			return true
		}
		for j := range rxs {
			rxs[j] = -z[j] * s[j]
		}
		if !solveStep(rxs, dzA, dyA, dsA) {
			return z, y, s, nit, false
		}
		ap, ad2 := stepToBoundary(z, dzA), stepToBoundary(s, dsA)
		muAff := 0.0
		for j := range z {
			muAff += (z[j] + ap*dzA[j]) * (s[j] + ad2*dsA[j])
		}
		muAff /= float64(n)
		sigma := math.Pow(muAff/mu, 3)
		for j := range rxs {
			rxs[j] = -z[j]*s[j] - dzA[j]*dsA[j] + sigma*mu
		}
		if !solveStep(rxs, dzC, dyC, dsC) {
			return z, y, s, nit, false
		}
		ap, ad2 = math.Min(1, 0.99*stepToBoundary(z, dzC)), math.Min(1, 0.99*stepToBoundary(s, dsC))
		for j := range z {
			z[j] += ap * dzC[j]
			s[j] += ad2 * dsC[j]
		}
		for i := range y {
			y[i] += ad2 * dyC[i]
		}
	}
	return z, y, s, nit, false
}

// regularize adds a tiny multiple of the largest diagonal entry to the
// diagonal of a normal-equations matrix, so that redundant constraints
// (a singular A·Aᵀ) still factorize.
func regularize(m *mat.SymDense) {
	n := m.SymmetricDim()
	big := 0.0
	for i := range n {
		big = math.Max(big, m.At(i, i))
	}
	eps := 1e-14 * math.Max(big, 1)
	for i := range n {
		m.SetSym(i, i, m.At(i, i)+eps)
	}
}

// stepToBoundary is the largest α ≤ 1 with v + α·dv ≥ 0.
func stepToBoundary(v, dv []float64) float64 {
	alpha := math.Inf(1)
	for j := range v {
		if dv[j] < 0 {
			alpha = math.Min(alpha, -v[j]/dv[j])
		}
	}
	return math.Min(alpha, 1)
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = math.Min(m, x)
	}
	return m
}

// result maps the standard form's solution back to p's variables and
// marginals.
func (sf *standardForm) result(p LP, z, y, s []float64, nit int) *LPResult {
	n := sf.n
	r := &LPResult{X: make([]float64, n), Status: LPOptimal, Success: true, Message: lpMessages[LPOptimal], Nit: nit}
	r.Lower, r.Upper = make([]float64, n), make([]float64, n)
	for j := range n {
		r.X[j] = sf.shift[j] + sf.sign[j]*z[sf.col[j]]
		if sf.neg[j] >= 0 {
			r.X[j] -= z[sf.neg[j]]
			continue
		}
		// The dual slack of z is the marginal of the bound it measures
		// from; a finite upper bound's row dual is its marginal.
		if sf.sign[j] > 0 {
			r.Lower[j] = s[sf.col[j]]
		} else {
			r.Upper[j] = -s[sf.col[j]]
		}
		if row := sf.upperRow[j]; row >= 0 {
			r.Upper[j] = y[row]
		}
	}
	r.setResiduals(p)
	if y == nil {
		y = make([]float64, sf.nub+sf.neq)
	}
	r.IneqLin = append([]float64(nil), y[:sf.nub]...)
	r.EqLin = append([]float64(nil), y[sf.nub:sf.nub+sf.neq]...)
	return r
}
