package optimize

import (
	"errors"
	"fmt"
	"math"
)

// SLSQPSettings tunes SLSQP. The zero value means scipy's defaults.
type SLSQPSettings struct {
	// Acc is the required accuracy (scipy's ftol): SLSQP stops when the
	// objective changes by less than Acc, or the step is shorter, with
	// the constraints violated by less than Acc in sum. Default 1e-6.
	Acc float64
	// MaxIter is the maximum number of iterations. Default 100.
	MaxIter int
	// Step is the absolute forward-difference step for a missing
	// gradient or constraint Jacobian (scipy's eps). Default
	// 1.4901161193847656e-08, √ε.
	Step float64
	// KeepPath asks for the iterates in Result.Path.
	KeepPath bool
	// Callback, if set, is called with each iterate (scipy's callback).
	Callback func(x []float64)
}

// slsqpMessages are scipy's messages for SLSQP's exit modes.
var slsqpMessages = [...]string{
	0: "Optimization terminated successfully",
	2: "More equality constraints than independent variables",
	3: "More than 3*n iterations in LSQ subproblem",
	4: "Inequality constraints incompatible",
	5: "Singular matrix E in LSQ subproblem",
	6: "Singular matrix C in LSQ subproblem",
	7: "Rank-deficient equality constraint subproblem HFTI",
	8: "Positive directional derivative for linesearch",
	9: "Iteration limit reached",
}

// slsqpStatus maps SLSQP's exit modes to statuses.
var slsqpStatus = [...]Status{0: Success, 2: Failure, 3: Failure, 4: Infeasible, 5: Failure,
	6: Failure, 7: Failure, 8: LineSearchFailed, 9: MaxIterations}

// SLSQP minimizes p.Func subject to the constraints cons (c(x) = 0 or
// c(x) >= 0) and the bounds b (nil for none) from x0 by Sequential Least
// SQuares Programming: D. Kraft, "A software package for sequential
// quadratic programming", DFVLR-FB 88-28 (1988), and ACM TOMS 20(3)
// 262–281 (1994), Algorithm 733, the Fortran code scipy wraps.
//
// Each iteration solves the quadratic program of the Lagrangian's
// quasi-Newton model B = LDLᵀ subject to the linearized constraints and
// the bounds, as the least squares problem min ||D^½Lᵀd + D^-½L⁻¹g||
// (LSQ), by eliminating the equations with Householder transformations
// (LSEI) and solving the remaining inequality-constrained problem as a
// least distance problem through its dual, an NNLS (LSI, LDP; Lawson
// and Hanson chapter 23). An inconsistent linearization is relaxed by an
// extra variable. The step is damped by an Armijo search on the L1 merit
// function f + Σμ|c| (Han and Powell), and LDLᵀ is updated by Powell's
// damped BFGS formula in Fletcher and Powell's factored form. Each
// iteration costs O((n+m)n²) besides the evaluations.
//
// x0 is moved into the bounds first and f is always evaluated inside
// them, as in scipy. Without p.Grad, and for a Constraint without Jac,
// derivatives are p.Diff's finite differences, by default forward ones
// with absolute step s.Step (under ComplexStep, a constraint's are
// TwoPoint with p.Diff's step: constraints have no complex form); the
// objective's count in FuncEvals as scipy counts them.
func SLSQP(p Problem, x0 []float64, cons []Constraint, b *Bounds, s *SLSQPSettings) (*Result, error) {
	if err := p.check(x0); err != nil {
		return nil, err
	}
	if p.Func == nil {
		return nil, errors.New("optimize: SLSQP needs an objective")
	}
	var set SLSQPSettings
	if s != nil {
		set = *s
	}
	if set.Acc == 0 {
		set.Acc = 1e-6
	}
	if set.MaxIter <= 0 {
		set.MaxIter = 100
	}
	if set.Step == 0 {
		set.Step = math.Sqrt(consEps)
	}
	n := len(x0)
	box, err := b.box(n)
	if err != nil {
		return nil, err
	}
	st := &slsqp{n: n, box: box, set: &set, obj: newConsObjective(p, box, set.Step, n)}
	st.consDiff = st.obj.diff.forConstraints()
	for _, c := range cons {
		if c.Func == nil || c.Len < 0 {
			return nil, ErrConstraint
		}
		switch c.Kind {
		case Eq:
			st.eq = append(st.eq, c)
			st.meq += c.Len
		case Ineq:
			st.ineq = append(st.ineq, c)
		default:
			return nil, fmt.Errorf("%w: unknown kind %d", ErrConstraint, c.Kind)
		}
		st.m += c.Len
	}
	st.alloc(x0)
	return st.run(), nil
}

// slsqp is the state of Kraft's slsqpb with scipy's driver around it.
// Matrices are column-major as in the Fortran, whose 1-based indices the
// linear algebra keeps.
type slsqp struct {
	n, m, meq, la int
	eq, ineq      []Constraint
	box           consBox
	set           *SLSQPSettings
	obj           *consObjective
	consDiff      *Differences // the differences for a constraint without Jac
	res           Result

	x, xl, xu, xc []float64 // x, the bounds (NaN for none) and x clipped into them
	f             float64
	c             []float64 // the constraints, equations first
	g             []float64 // the gradient, n+1 with room for the relaxation variable
	a             []float64 // la×(n+1) constraint normals
	l             []float64 // LDLᵀ packed columnwise, D on the diagonal
	r, mu         []float64 // QP multipliers and merit weights
	s, u, v, x0   []float64
	w             []float64 // LSQ's workspace
	jw            []int
	cwork, jwork  []float64
}

func (st *slsqp) alloc(x0 []float64) {
	n, m, meq := st.n, st.m, st.meq
	n1 := n + 1
	st.la = max(1, m)
	mineq := m - meq + 2*n1
	lenW := (3*n1+m)*(n1+1) + (n1-meq+1)*(mineq+2) + 2*mineq + (n1+mineq)*(n1-meq) +
		2*meq + n1 + (n+1)*n/2 + 2*m + 3*n + 3*n1 + 1
	vec := func(k int) []float64 { return make([]float64, k) }
	st.x, st.xl, st.xu, st.xc = append([]float64(nil), x0...), vec(n), vec(n), vec(n)
	st.box.clip(st.x)
	for i := range n {
		st.xl[i], st.xu[i] = st.box.lo[i], st.box.up[i]
		if math.IsInf(st.xl[i], 0) {
			st.xl[i] = math.NaN()
		}
		if math.IsInf(st.xu[i], 0) {
			st.xu[i] = math.NaN()
		}
	}
	st.c, st.g, st.a = vec(st.la), vec(n1), vec(st.la*n1)
	st.l, st.r, st.mu = vec(n1*(n1+1)/2), vec(m+2*n+2), vec(st.la)
	st.s, st.u, st.v, st.x0 = vec(n1), vec(n1), vec(n1), vec(n)
	st.w, st.jw = vec(lenW), make([]int, max(mineq, n1-meq))
	maxLen := 0
	for _, c := range st.eq {
		maxLen = max(maxLen, c.Len)
	}
	for _, c := range st.ineq {
		maxLen = max(maxLen, c.Len)
	}
	st.cwork, st.jwork = vec(maxLen), vec(maxLen*n)
}

// value evaluates f at x clipped into the bounds and the constraints at
// x, as scipy's driver does; it reports false for a value that is not
// finite.
func (st *slsqp) value() bool {
	copy(st.xc, st.x)
	st.box.clip(st.xc)
	st.f = st.obj.value(st.xc)
	k := 0
	for _, group := range [][]Constraint{st.eq, st.ineq} {
		for _, c := range group {
			c.Func(st.x, st.c[k:k+c.Len])
			k += c.Len
		}
	}
	return evalNotFinite(st.f, false) == ""
}

// derivatives evaluates the gradient and the constraint normals; the
// extra column of a and entry of g, used by the relaxed subproblem, are
// zeroed.
func (st *slsqp) derivatives() {
	n, la := st.n, st.la
	copy(st.xc, st.x)
	st.box.clip(st.xc)
	copy(st.g, st.obj.gradient(st.xc))
	st.g[n] = 0
	for i := range st.a {
		st.a[i] = 0
	}
	row := 0
	for _, group := range [][]Constraint{st.eq, st.ineq} {
		for _, c := range group {
			jac := st.jwork[:c.Len*n]
			if c.Jac != nil {
				c.Jac(st.x, jac)
			} else {
				// scipy differentiates at x clipped into the bounds.
				f0 := st.cwork[:c.Len]
				c.Func(st.xc, f0)
				st.consDiff.jacobian(c.Func, st.xc, f0, st.box, jac)
			}
			for k := range c.Len {
				for j := range n {
					st.a[row+k+j*la] = jac[k*n+j]
				}
			}
			row += c.Len
		}
	}
}

// merit returns h + Σ max(-c_j, c_j for equations, 0 otherwise), the
// L1 infeasibility weighted by mu when given, summed in Kraft's order.
func (st *slsqp) merit(h float64, mu []float64) float64 {
	for j := range st.m {
		e := 0.0
		if j < st.meq {
			e = st.c[j]
		}
		t := math.Max(-st.c[j], e)
		if mu != nil {
			t *= mu[j]
		}
		h += t
	}
	return h
}

func (st *slsqp) finish(mode int) *Result {
	res := &st.res
	res.X, res.F, res.Grad = st.x, st.f, st.g[:st.n]
	res.Status, res.Success, res.Message = slsqpStatus[mode], mode == 0, slsqpMessages[mode]
	res.FuncEvals, res.GradEvals = st.obj.nfev, st.obj.ngev
	return res
}

// run is slsqpb.
func (st *slsqp) run() *Result {
	n, m, meq, la := st.n, st.m, st.meq, st.la
	n1 := n + 1
	n2 := n1 * n / 2
	n3 := n2 + 1
	acc := st.set.Acc
	itermx := st.set.MaxIter - 1
	l, g, a, c, r, s, u, v, mu, x, x0 := st.l, st.g, st.a, st.c, st.r, st.s, st.u, st.v, st.mu, st.x, st.x0
	record := func() {
		if st.set.KeepPath {
			st.res.Path = append(st.res.Path, append([]float64(nil), x...))
		}
		if st.set.Callback != nil {
			st.set.Callback(append([]float64(nil), x...))
		}
	}
	notFinite := func() *Result {
		res := st.finish(0)
		res.Status, res.Success, res.Message = NotFinite, false, evalNotFinite(st.f, false)
		return res
	}
	record()
	if !st.value() {
		return notFinite()
	}
	st.derivatives()

	var f0, h1, h2, h3, h4 float64
	badlin := false
	ireset := 0
	reset := true
	for {
		if reset {
			// Reset B to the identity; after five resets settle for
			// the relaxed tolerance 10·acc.
			ireset++
			if ireset > 5 {
				tol := 10 * acc
				if (math.Abs(st.f-f0) < tol || nnlsNrm2(n, s, 1) < tol) && st.merit(0, nil) < tol && !badlin {
					return st.finish(0)
				}
				return st.finish(8)
			}
			for i := range n2 {
				l[i] = 0
			}
			for i, j := 1, 1; i <= n; i++ {
				l[j-1] = 1
				j += n1 - i
			}
			reset = false
		}
		st.res.Iterations++
		if st.res.Iterations > itermx {
			return st.finish(9)
		}
		// The search direction solves the QP subproblem.
		for i := range n {
			u[i] = st.xl[i] - x[i]
			v[i] = st.xu[i] - x[i]
		}
		h4 = 1
		mode := slsqpLSQ(m, meq, n, n3, la, l, g, a, c, u, v, s, r, st.w, st.jw)
		badlin = false
		if mode == 6 && n == meq {
			mode = 4
		}
		if mode == 4 {
			// Inconsistent linearization: relax the constraints by the
			// extra variable s[n], heavily penalized, and forbid
			// convergence on this iteration.
			badlin = true
			for j := range m {
				if j < meq {
					a[j+n*la] = -c[j]
				} else {
					a[j+n*la] = math.Max(-c[j], 0)
				}
			}
			for i := range n {
				s[i] = 0
			}
			g[n] = 0
			l[n3-1] = 100
			s[n], u[n], v[n] = 1, 0, 1
			for incons := 0; ; {
				mode = slsqpLSQ(m, meq, n1, n3, la, l, g, a, c, u, v, s, r, st.w, st.jw)
				h4 = 1 - s[n]
				if mode != 4 {
					break
				}
				l[n3-1] *= 10
				incons++
				if incons > 5 {
					return st.finish(4)
				}
			}
		}
		if mode != 1 {
			return st.finish(mode)
		}
		// Multipliers for the L1 merit function.
		for i := range n {
			v[i] = g[i] - nnlsDot(m, a[i*la:], 1, r, 1)
		}
		f0 = st.f
		copy(x0, x)
		gs := nnlsDot(n, g, 1, s, 1)
		h1 = math.Abs(gs)
		h2 = 0
		for j := range m {
			e := 0.0
			if j < meq {
				e = c[j]
			}
			h2 += math.Max(-c[j], e)
			h3 = math.Abs(r[j])
			mu[j] = math.Max(h3, (mu[j]+h3)/2)
			h1 += h3 * math.Abs(c[j])
		}
		if h1 < acc && h2 < acc && !badlin {
			return st.finish(0)
		}
		h1 = st.merit(0, mu)
		t0 := st.f + h1
		h3 = gs - h1*h4
		if h3 >= 0 {
			reset = true // not a descent direction of the merit function
			continue
		}
		// Armijo search on the merit function.
		alpha := 1.0
		for line := 1; ; line++ {
			h3 *= alpha
			for i := range n {
				s[i] *= alpha
				x[i] = x0[i] + s[i]
			}
			if !st.value() {
				return notFinite()
			}
			h1 = st.merit(st.f, mu) - t0
			if h1 <= h3/10 || line > 10 {
				break
			}
			alpha = math.Max(h3/(2*(h3-h1)), 0.1)
		}
		record()
		if (math.Abs(st.f-f0) < acc || nnlsNrm2(n, s, 1) < acc) && st.merit(0, nil) < acc && !badlin {
			return st.finish(0)
		}
		st.derivatives()
		// Powell's damped BFGS update of LDLᵀ with s and the change u
		// of the Lagrangian's gradient; v = Bs.
		for i := range n {
			u[i] = g[i] - nnlsDot(m, a[i*la:], 1, r, 1) - v[i]
		}
		for i, k := 1, 0; i <= n; i++ {
			h := 0.0
			k++
			for j := i + 1; j <= n; j++ {
				k++
				h += l[k-1] * s[j-1]
			}
			v[i-1] = s[i-1] + h
		}
		for i, k := 1, 1; i <= n; i++ {
			v[i-1] *= l[k-1]
			k += n1 - i
		}
		for i := n; i >= 1; i-- {
			h := 0.0
			for j, k := 1, i; j <= i-1; j++ {
				h += l[k-1] * v[j-1]
				k += n - j
			}
			v[i-1] += h
		}
		h1 = nnlsDot(n, s, 1, u, 1)
		h2 = nnlsDot(n, s, 1, v, 1)
		h3 = 0.2 * h2
		if h1 < h3 {
			h4 = (h2 - h3) / (h2 - h1)
			h1 = h3
			for i := range n {
				u[i] *= h4
			}
			nnlsAxpy(n, 1-h4, v, u)
		}
		if h1 == 0 || h2 == 0 {
			reset = true
			continue
		}
		slsqpLDL(n, l, u, 1/h1, v)
		slsqpLDL(n, l, v, -1/h2, u)
	}
}

// slsqpEpmach is the machine precision as Kraft's code spells it.
const slsqpEpmach = 2.22e-16

// slsqpLSQ solves the QP subproblem as the least squares problem
//
//	min ||Ex - f||,  E = D^½Lᵀ, f = -D^-½L⁻¹g,
//	subject to a_j·x + b_j = 0 (j < meq), >= 0 (j >= meq), xl <= x <= xu,
//
// with L stored in l (length nl; nl larger than n(n+1)/2 + 1 means the
// relaxed problem, whose last variable's weight is l[nl-1]). NaN bounds
// are absent. It returns x, the multipliers y and LSEI's mode (1 for
// success).
func slsqpLSQ(m, meq, n, nl, la int, l, g, a, b, xl, xu, x, y, w []float64, jw []int) int {
	n1 := n + 1
	mineq := m - meq
	m1 := mineq + n + n
	n2 := 1
	if n1*n/2+1 == nl {
		n2 = 0
	}
	n3 := n - n2
	// Recover E (n×n at w[ie]) and f (at w[iF]) from L and g.
	i2, i3, i4 := 1, 1, 1
	ie, iF := 1, n*n+1
	for i := 1; i <= n3; i++ {
		i1 := n1 - i
		diag := math.Sqrt(l[i2-1])
		for k := range i1 {
			w[i3-1+k] = 0
		}
		for k := range i1 - n2 {
			w[i3-1+k*n] = diag * l[i2-1+k]
		}
		w[i3-1] = diag
		w[iF-1+i-1] = (g[i-1] - nnlsDot(i-1, w[i4-1:], 1, w[iF-1:], 1)) / diag
		i2 += i1 - n2
		i3 += n1
		i4 += n
	}
	if n2 == 1 {
		w[i3-1] = l[nl-1]
		for k := range n3 {
			w[i4-1+k] = 0
		}
		w[iF-1+n-1] = 0
	}
	for k := range n {
		w[iF-1+k] = -w[iF-1+k]
	}
	// C and d from the equations, G and h from the inequalities and the
	// bounds.
	ic := iF + n
	id := ic + meq*n
	for i := range meq {
		for j := range n {
			w[ic-1+i+j*meq] = a[i+j*la]
		}
		w[id-1+i] = -b[i]
	}
	ig := id + meq
	for i := range mineq {
		for j := range n {
			w[ig-1+i+j*m1] = a[meq+i+j*la]
		}
	}
	ih := ig + m1*n
	iw := ih + mineq + 2*n
	for i := range mineq {
		w[ih-1+i] = -b[meq+i]
	}
	ip, il := ig+mineq, ih+mineq
	nancnt := 0
	for _, side := range []struct {
		bound []float64
		sign  float64
	}{{xl, 1}, {xu, -1}} {
		for i := range n {
			if math.IsNaN(side.bound[i]) {
				nancnt++
				continue
			}
			w[il-1] = side.sign * side.bound[i]
			for j := range n {
				w[ip-1+m1*j] = 0
			}
			w[ip-1+m1*i] = side.sign
			ip++
			il++
		}
	}
	var xnorm float64
	mode := slsqpLSEI(w[ic-1:], w[id-1:], w[ie-1:], w[iF-1:], w[ig-1:], w[ih-1:], max(1, meq), meq, n, n,
		m1, m1-nancnt, n, x, &xnorm, w[iw-1:], jw)
	if mode == 1 {
		copy(y[:m], w[iw-1:iw-1+m])
		for i := m; i < m+2*n3; i++ {
			y[i] = math.NaN() // the bounds' multipliers are not used
		}
	}
	for i := range n {
		if !math.IsNaN(xl[i]) && x[i] < xl[i] {
			x[i] = xl[i]
		} else if !math.IsNaN(xu[i]) && x[i] > xu[i] {
			x[i] = xu[i]
		}
	}
	return mode
}

// slsqpLSEI solves min ||Ex - f|| subject to Cx = d and Gx >= h (Lawson
// and Hanson §23.6): Householder transformations triangularize C and
// give the equations' solution, and the remaining problem on the null
// space of C goes to LSI, or to HFTI without inequalities. On return w
// holds the multipliers of the mc equations and mg inequalities. Modes:
// 1 success, 2 mc > n, 4 inequalities incompatible, 5 E singular, 6 C
// singular, 7 rank defect in HFTI.
func slsqpLSEI(c, d, e, f, g, h []float64, lc, mc, le, me, lg, mg, n int, x []float64, xnrm *float64, w []float64, jw []int) int {
	if mc > n {
		return 2
	}
	ci := func(i, j int) int { return (i - 1) + (j-1)*lc }
	ei := func(i, j int) int { return (i - 1) + (j-1)*le }
	gi := func(i, j int) int { return (i - 1) + (j-1)*lg }
	l := n - mc
	mc1 := mc + 1
	iw := (l+1)*(mg+2) + 2*mg + mc
	ie := iw + mc + 1
	iF := ie + me*l
	ig := iF + me
	for i := 1; i <= mc; i++ {
		j := min(i+1, lc)
		nnlsH12(1, i, i+1, n, c[ci(i, 1):], lc, &w[iw+i-1], c[ci(j, 1):], lc, 1, mc-i)
		nnlsH12(2, i, i+1, n, c[ci(i, 1):], lc, &w[iw+i-1], e, le, 1, me)
		nnlsH12(2, i, i+1, n, c[ci(i, 1):], lc, &w[iw+i-1], g, lg, 1, mg)
	}
	for i := 1; i <= mc; i++ {
		if math.Abs(c[ci(i, i)]) < slsqpEpmach {
			return 6
		}
		x[i-1] = (d[i-1] - nnlsDot(i-1, c[ci(i, 1):], lc, x, 1)) / c[ci(i, i)]
	}
	w[mc1-1] = 0
	for k := range mg - mc {
		w[mc1-1+k] = 0
	}
	if mc != n {
		for i := 1; i <= me; i++ {
			w[iF-1+i-1] = f[i-1] - nnlsDot(mc, e[ei(i, 1):], le, x, 1)
		}
		for i := 1; i <= me; i++ {
			for k := range l {
				w[ie-1+i-1+k*me] = e[ei(i, mc1)+k*le]
			}
		}
		for i := 1; i <= mg; i++ {
			for k := range l {
				w[ig-1+i-1+k*mg] = g[gi(i, mc1)+k*lg]
			}
		}
		if mg == 0 {
			// Only equations: solve the least squares problem left.
			rn := []float64{0}
			krank := slsqpHFTI(w[ie-1:], me, me, l, w[iF-1:], max(le, n), 1, math.Sqrt(slsqpEpmach), rn, w, w[l:], jw)
			*xnrm = rn[0]
			copy(x[mc1-1:n], w[iF-1:iF-1+l])
			if krank != l {
				return 7
			}
		} else {
			for i := 1; i <= mg; i++ {
				h[i-1] -= nnlsDot(mc, g[gi(i, 1):], lg, x, 1)
			}
			mode := slsqpLSI(w[ie-1:], w[iF-1:], w[ig-1:], h, me, me, mg, mg, l, x[mc1-1:], xnrm, w[mc1-1:], jw)
			if mc == 0 {
				return mode
			}
			t := nnlsNrm2(mc, x, 1)
			*xnrm = math.Sqrt(*xnrm**xnrm + t*t)
			if mode != 1 {
				return mode
			}
		}
	}
	// The solution of the original problem and the equations'
	// multipliers.
	for i := 1; i <= me; i++ {
		f[i-1] = nnlsDot(n, e[ei(i, 1):], le, x, 1) - f[i-1]
	}
	for i := 1; i <= mc; i++ {
		d[i-1] = nnlsDot(me, e[ei(1, i):], 1, f, 1) - nnlsDot(mg, g[gi(1, i):], 1, w[mc1-1:], 1)
	}
	for i := mc; i >= 1; i-- {
		nnlsH12(2, i, i+1, n, c[ci(i, 1):], lc, &w[iw+i-1], x, 1, 1, 1)
	}
	for i := mc; i >= 1; i-- {
		j := min(i+1, lc)
		w[i-1] = (d[i-1] - nnlsDot(mc-i, c[ci(j, i):], 1, w[j-1:], 1)) / c[ci(i, i)]
	}
	return 1
}

// slsqpLSI solves min ||Ex - f|| subject to Gx >= h (Lawson and Hanson
// §23.5): a QR factorization of E turns it into a least distance problem
// for LDP. w returns the multipliers.
func slsqpLSI(e, f, g, h []float64, le, me, lg, mg, n int, x []float64, xnorm *float64, w []float64, jw []int) int {
	ei := func(i, j int) int { return (i - 1) + (j-1)*le }
	gi := func(i, j int) int { return (i - 1) + (j-1)*lg }
	var t float64
	for i := 1; i <= n; i++ {
		j := min(i+1, n)
		nnlsH12(1, i, i+1, me, e[ei(1, i):], 1, &t, e[ei(1, j):], 1, le, n-i)
		nnlsH12(2, i, i+1, me, e[ei(1, i):], 1, &t, f, 1, 1, 1)
	}
	for i := 1; i <= mg; i++ {
		for j := 1; j <= n; j++ {
			if !(math.Abs(e[ei(j, j)]) >= slsqpEpmach) {
				return 5
			}
			g[gi(i, j)] = (g[gi(i, j)] - nnlsDot(j-1, g[gi(i, 1):], lg, e[ei(1, j):], 1)) / e[ei(j, j)]
		}
		h[i-1] -= nnlsDot(n, g[gi(i, 1):], lg, f, 1)
	}
	if mode := slsqpLDP(g, lg, mg, n, h, x, xnorm, w, jw); mode != 1 {
		return mode
	}
	nnlsAxpy(n, 1, f, x)
	for i := n; i >= 1; i-- {
		j := min(i+1, n)
		x[i-1] = (x[i-1] - nnlsDot(n-i, e[ei(i, j):], le, x[j-1:], 1)) / e[ei(i, i)]
	}
	j := min(n+1, me)
	t = nnlsNrm2(me-n, f[j-1:], 1)
	*xnorm = math.Sqrt(*xnorm**xnorm + t*t)
	return 1
}

// slsqpLDP solves the least distance problem min ½xᵀx subject to
// Gx >= h (m×n, leading dimension mg) through the NNLS problem of its
// dual (Lawson and Hanson §23.3). Mode 4 means the inequalities are
// incompatible.
func slsqpLDP(g []float64, mg, m, n int, h, x []float64, xnorm *float64, w []float64, index []int) int {
	if n <= 0 {
		return 2
	}
	for i := range n {
		x[i] = 0
	}
	*xnorm = 0
	if m == 0 {
		return 1
	}
	// The dual: columns [G_j; h_j] of an (n+1)×m matrix, right side
	// e_{n+1}.
	iw := 0
	for j := 1; j <= m; j++ {
		for i := 1; i <= n; i++ {
			iw++
			w[iw-1] = g[(j-1)+(i-1)*mg]
		}
		iw++
		w[iw-1] = h[j-1]
	}
	iF := iw + 1
	for range n {
		iw++
		w[iw-1] = 0
	}
	w[iw] = 1
	n1 := n + 1
	iz := iw + 2
	iy := iz + n1
	iwdual := iy + m
	rnorm, mode := nnlsSolve(w, n1, n1, m, w[iF-1:], w[iy-1:], w[iwdual-1:], w[iz-1:], index, 3*m)
	if mode != 1 {
		return mode
	}
	if rnorm <= 0 {
		return 4
	}
	fac := 1 - nnlsDot(m, h, 1, w[iy-1:], 1)
	if !((1+fac)-1 > 0) {
		return 4
	}
	fac = 1 / fac
	for j := 1; j <= n; j++ {
		x[j-1] = fac * nnlsDot(m, g[(j-1)*mg:], 1, w[iy-1:], 1)
	}
	*xnorm = nnlsNrm2(n, x, 1)
	for i := range m {
		w[i] = 0
	}
	nnlsAxpy(m, fac, w[iy-1:], w)
	return 1
}

// slsqpHFTI solves the possibly rank-deficient least squares problem
// min ||Ax - b|| by Householder triangularization with column pivoting
// (Lawson and Hanson's HFTI, chapter 14), pseudorank by the tolerance
// tau. b (leading dimension mdb, nb columns) returns the solutions, rnorm
// the residual norms; h, g and ip are scratch of length n. It returns
// the pseudorank.
func slsqpHFTI(a []float64, mda, m, n int, b []float64, mdb, nb int, tau float64, rnorm, h, g []float64, ip []int) int {
	const factor = 1e-3
	ai := func(i, j int) int { return (i - 1) + (j-1)*mda }
	bi := func(i, j int) int { return (i - 1) + (j-1)*mdb }
	ldiag := min(m, n)
	if ldiag <= 0 {
		return 0
	}
	var hmax float64
	for j := 1; j <= ldiag; j++ {
		lmax := j
		recompute := true
		if j > 1 {
			// Downdate the squared column norms; recompute them when
			// they have lost too many digits.
			for l := j; l <= n; l++ {
				t := a[ai(j-1, l)]
				h[l-1] -= t * t
				if h[l-1] > h[lmax-1] {
					lmax = l
				}
			}
			recompute = !((hmax+factor*h[lmax-1])-hmax > 0)
		}
		if recompute {
			lmax = j
			for l := j; l <= n; l++ {
				h[l-1] = 0
				for i := j; i <= m; i++ {
					t := a[ai(i, l)]
					h[l-1] += t * t
				}
				if h[l-1] > h[lmax-1] {
					lmax = l
				}
			}
			hmax = h[lmax-1]
		}
		ip[j-1] = lmax
		if lmax != j {
			for i := 1; i <= m; i++ {
				a[ai(i, j)], a[ai(i, lmax)] = a[ai(i, lmax)], a[ai(i, j)]
			}
			h[lmax-1] = h[j-1]
		}
		i := min(j+1, n)
		nnlsH12(1, j, j+1, m, a[ai(1, j):], 1, &h[j-1], a[ai(1, i):], 1, mda, n-j)
		nnlsH12(2, j, j+1, m, a[ai(1, j):], 1, &h[j-1], b, 1, mdb, nb)
	}
	k := ldiag
	for j := 1; j <= ldiag; j++ {
		if math.Abs(a[ai(j, j)]) <= tau {
			k = j - 1
			break
		}
	}
	kp1 := k + 1
	for jb := 1; jb <= nb; jb++ {
		rnorm[jb-1] = nnlsNrm2(m-k, b[bi(kp1, jb):], 1)
	}
	if k <= 0 {
		for jb := 1; jb <= nb; jb++ {
			for i := 1; i <= n; i++ {
				b[bi(i, jb)] = 0
			}
		}
		return 0
	}
	if k != n {
		for i := k; i >= 1; i-- {
			nnlsH12(1, i, kp1, n, a[ai(i, 1):], mda, &g[i-1], a, mda, 1, i-1)
		}
	}
	for jb := 1; jb <= nb; jb++ {
		for i := k; i >= 1; i-- {
			j := min(i+1, n)
			b[bi(i, jb)] = (b[bi(i, jb)] - nnlsDot(k-i, a[ai(i, j):], mda, b[bi(j, jb):], 1)) / a[ai(i, i)]
		}
		if k != n {
			for j := kp1; j <= n; j++ {
				b[bi(j, jb)] = 0
			}
			for i := 1; i <= k; i++ {
				nnlsH12(2, i, kp1, n, a[ai(i, 1):], mda, &g[i-1], b[bi(1, jb):], 1, mdb, 1)
			}
		}
		for j := ldiag; j >= 1; j-- {
			if l := ip[j-1]; l != j {
				b[bi(l, jb)], b[bi(j, jb)] = b[bi(j, jb)], b[bi(l, jb)]
			}
		}
	}
	return k
}

// slsqpLDL updates the packed LDLᵀ factors in a by the rank-one term
// σzzᵀ, keeping D positive (Fletcher and Powell, "On the modification of
// LDLᵀ factorizations", Math. Comp. 28, 1067–1078, 1974); w is scratch
// for σ < 0. z is overwritten.
func slsqpLDL(n int, a, z []float64, sigma float64, w []float64) {
	if sigma == 0 {
		return
	}
	ij := 1
	t := 1 / sigma
	if sigma < 0 {
		copy(w[:n], z[:n])
		for i := 1; i <= n; i++ {
			v := w[i-1]
			t += v * v / a[ij-1]
			for j := i + 1; j <= n; j++ {
				ij++
				w[j-1] -= v * a[ij-1]
			}
			ij++
		}
		if t >= 0 {
			t = slsqpEpmach / sigma
		}
		for i := 1; i <= n; i++ {
			j := n + 1 - i
			ij -= i
			u := w[j-1]
			w[j-1] = t
			t -= u * u / a[ij-1]
		}
	}
	for i := 1; i <= n; i++ {
		v := z[i-1]
		delta := v / a[ij-1]
		var tp float64
		if sigma < 0 {
			tp = w[i-1]
		} else {
			tp = t + delta*v
		}
		alpha := tp / t
		a[ij-1] *= alpha
		if i == n {
			return
		}
		beta := delta / tp
		if alpha > 4 {
			gamma := t / tp
			for j := i + 1; j <= n; j++ {
				ij++
				u := a[ij-1]
				a[ij-1] = gamma*u + beta*z[j-1]
				z[j-1] -= v * u
			}
		} else {
			for j := i + 1; j <= n; j++ {
				ij++
				z[j-1] -= v * a[ij-1]
				a[ij-1] += beta * z[j-1]
			}
		}
		ij++
		t = tp
	}
}
