package optimize

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// LP is a linear programme as scipy.optimize.linprog states it: minimize
// C·x subject to AUb·x ≤ BUb, AEq·x = BEq and Lower ≤ x ≤ Upper.
type LP struct {
	C   []float64
	AUb [][]float64
	BUb []float64
	AEq [][]float64
	BEq []float64
	// Bounds are the bounds of x (±Inf or NaN for none); nil means
	// scipy's default, x ≥ 0.
	Bounds *Bounds
}

// LPSettings are the options of LinProg. The zero value means the
// defaults.
type LPSettings struct {
	// MaxIter limits the simplex iterations of both phases; zero means
	// 100·(rows + columns) + 1000.
	MaxIter int
	// Tol is the feasibility and optimality tolerance; zero means 1e-9.
	Tol float64
}

// The status codes of LPResult and MILPResult, scipy's.
const (
	LPOptimal        = 0
	LPIterationLimit = 1
	LPInfeasible     = 2
	LPUnbounded      = 3
	LPNumerical      = 4
)

// LPResult is what LinProg found, in scipy's fields.
type LPResult struct {
	X       []float64
	Fun     float64
	Slack   []float64 // BUb − AUb·x
	Con     []float64 // BEq − AEq·x
	Status  int
	Success bool
	Message string
	Nit     int
	// The marginals (dual values): the partial derivatives of Fun with
	// respect to BUb, BEq and the lower and upper bounds.
	IneqLin, EqLin, Lower, Upper []float64
}

// setResiduals sets the objective's value at r.X and the residuals of the
// constraints there: Slack = b_ub − A_ub·x and Con = b_eq − A_eq·x.
func (r *LPResult) setResiduals(p LP) {
	r.Fun = vecDot(p.C, r.X)
	r.Slack = make([]float64, len(p.BUb))
	for i, row := range p.AUb {
		r.Slack[i] = p.BUb[i] - vecDot(row, r.X)
	}
	r.Con = make([]float64, len(p.BEq))
	for i, row := range p.AEq {
		r.Con[i] = p.BEq[i] - vecDot(row, r.X)
	}
}

// box returns the bounds of the n variables; without Bounds they are
// scipy's default, x ≥ 0.
func (p LP) box(n int) (consBox, error) {
	bounds := p.Bounds
	if bounds == nil {
		bounds = &Bounds{Lower: make([]float64, n)}
	}
	return bounds.box(n)
}

// lpMessages are the messages of the status codes.
var lpMessages = [...]string{
	LPOptimal:        "Optimization terminated successfully.",
	LPIterationLimit: "Iteration limit reached.",
	LPInfeasible:     "The problem is infeasible.",
	LPUnbounded:      "The problem is unbounded.",
	LPNumerical:      "Numerical difficulties encountered.",
}

// LinProg solves a linear programme by the revised simplex method for
// bounded variables (Dantzig; the bounded ratio test of Chvátal, Linear
// Programming, 1983, ch. 8), in two phases: phase 1 minimizes the sum of
// artificial variables that make a first basis feasible (the slacks of
// the inequalities that the starting point satisfies serve themselves),
// phase 2 the objective. The entering variable has the most negative
// reduced cost (Dantzig's rule), switching to Bland's rule, which cannot
// cycle, after 50 iterations without progress. The basis is factorized
// anew (LU) at each iteration, so an iteration costs O(m³) for m
// constraints: the method suits problems of up to a few hundred rows.
// Marginals are the dual values of the optimal basis.
//
// scipy's default method (HiGHS) may return another optimal vertex when
// the optimum is not unique; Fun agrees.
func LinProg(p LP, s *LPSettings) (*LPResult, error) {
	if s == nil {
		s = &LPSettings{}
	}
	lp, err := newSimplexLP(p)
	if err != nil {
		return nil, err
	}
	lp.tol = s.Tol
	if lp.tol == 0 {
		lp.tol = 1e-9
	}
	lp.maxIter = s.MaxIter
	if lp.maxIter == 0 {
		lp.maxIter = 100*(lp.m+lp.n) + 1000
	}
	status := lp.solve()
	return lp.result(p, status), nil
}

// simplexLP is a linear programme in the simplex method's form: minimize
// cost·x subject to a·x = b and lo ≤ x ≤ hi, where the columns are the
// structural variables, then a slack per inequality, then an artificial
// per row (fixed at 0 outside phase 1).
type simplexLP struct {
	n, nub, m int // structural variables, inequalities, rows
	a         *mat.Dense
	b         []float64
	cost      []float64 // phase 2 costs of every column
	lo, hi    []float64
	x         []float64 // the value of every column
	basis     []int     // the basic column of each row
	isBasic   []int     // row of a basic column, or −1
	tol       float64
	maxIter   int
	nit       int
	y         []float64 // the duals of the last pricing
	lu        mat.LU
	work, col *mat.VecDense
}

// newSimplexLP checks p and builds its simplex form.
func newSimplexLP(p LP) (*simplexLP, error) {
	n := len(p.C)
	if n == 0 {
		return nil, errors.New("optimize: the LP has no variables")
	}
	for _, c := range p.C {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			return nil, errors.New("optimize: the LP's costs must be finite")
		}
	}
	if len(p.AUb) != len(p.BUb) || len(p.AEq) != len(p.BEq) {
		return nil, errors.New("optimize: each constraint matrix needs one right-hand side per row")
	}
	for _, rows := range [][][]float64{p.AUb, p.AEq} {
		for i, r := range rows {
			if len(r) != n {
				return nil, fmt.Errorf("optimize: constraint row %d has %d entries, want %d", i, len(r), n)
			}
			for _, v := range r {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, errors.New("optimize: the constraint matrices must be finite")
				}
			}
		}
	}
	for _, v := range append(append([]float64(nil), p.BUb...), p.BEq...) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("optimize: the right-hand sides must be finite")
		}
	}
	box, err := p.box(n)
	if err != nil {
		return nil, err
	}
	nub, m := len(p.AUb), len(p.AUb)+len(p.AEq)
	cols := n + nub + m
	lp := &simplexLP{n: n, nub: nub, m: m, a: mat.NewDense(max(m, 1), cols, nil), b: make([]float64, m),
		cost: make([]float64, cols), lo: make([]float64, cols), hi: make([]float64, cols), x: make([]float64, cols),
		basis: make([]int, m), isBasic: make([]int, cols), y: make([]float64, m)}
	copy(lp.cost, p.C)
	copy(lp.lo, box.lo)
	copy(lp.hi, box.up)
	for i, r := range append(append([][]float64(nil), p.AUb...), p.AEq...) {
		for j, v := range r {
			lp.a.Set(i, j, v)
		}
	}
	copy(lp.b, p.BUb)
	copy(lp.b[nub:], p.BEq)
	for i := range nub {
		lp.a.Set(i, n+i, 1)
		lp.hi[n+i] = math.Inf(1)
	}
	for j := range lp.x {
		lp.isBasic[j] = -1
	}
	if m > 0 {
		lp.work, lp.col = mat.NewVecDense(m, nil), mat.NewVecDense(m, nil)
	}
	return lp, nil
}

// solve runs both phases and returns the status.
func (lp *simplexLP) solve() int {
	for j := range lp.n {
		switch {
		case lp.lo[j] > lp.hi[j]:
			return LPInfeasible
		case !math.IsInf(lp.lo[j], 0):
			lp.x[j] = lp.lo[j]
		case !math.IsInf(lp.hi[j], 0):
			lp.x[j] = lp.hi[j]
		}
	}
	if lp.m == 0 {
		return lp.phase(lp.cost)
	}
	// The first basis: an inequality's slack where the starting point
	// satisfies it, an artificial of the residual's sign elsewhere.
	art := lp.n + lp.nub
	phase1 := make([]float64, len(lp.cost))
	for i := range lp.m {
		r := lp.b[i]
		for j := range lp.n {
			r -= lp.a.At(i, j) * lp.x[j]
		}
		if i < lp.nub && r >= 0 {
			lp.enter(i, lp.n+i, r)
			lp.lo[art+i], lp.hi[art+i] = 0, 0
			continue
		}
		sign := 1.0
		if r < 0 {
			sign = -1
		}
		lp.a.Set(i, art+i, sign)
		lp.hi[art+i] = math.Inf(1)
		phase1[art+i] = 1
		lp.enter(i, art+i, math.Abs(r))
	}
	if st := lp.phase(phase1); st != LPOptimal {
		return st
	}
	infeasibility := 0.0
	for i := range lp.m {
		infeasibility += lp.x[art+i]
	}
	if infeasibility > lp.tol*math.Max(1, vecSumAbs(lp.b)) {
		return LPInfeasible
	}
	// Artificials are fixed at 0 from now on; those still basic stay so
	// at level 0 (their rows are redundant or degenerate).
	for i := range lp.m {
		lp.x[art+i] = 0
		lp.lo[art+i], lp.hi[art+i] = 0, 0
	}
	return lp.phase(lp.cost)
}

// enter makes column j basic in row i with value v.
func (lp *simplexLP) enter(i, j int, v float64) {
	lp.basis[i] = j
	lp.isBasic[j] = i
	lp.x[j] = v
}

// factor LU-factorizes the basis matrix.
func (lp *simplexLP) factor() bool {
	bm := mat.NewDense(lp.m, lp.m, nil)
	for i, j := range lp.basis {
		for k := range lp.m {
			bm.Set(k, i, lp.a.At(k, j))
		}
	}
	lp.lu.Factorize(bm)
	return lp.lu.Cond() < 1e14
}

// phase minimizes cost·x from the current basic feasible solution.
func (lp *simplexLP) phase(cost []float64) int {
	stall, bland := 0, false
	best := math.Inf(1)
	for {
		if lp.m > 0 && !lp.factor() {
			return LPNumerical
		}
		lp.basicValues()
		obj := vecDot(cost, lp.x)
		if obj < best-lp.tol*math.Max(1, math.Abs(best)) {
			best, stall = obj, 0
		} else if stall++; stall > 50 {
			bland = true
		}
		q, dir := lp.price(cost, bland)
		if q < 0 {
			return LPOptimal
		}
		if lp.nit >= lp.maxIter {
			return LPIterationLimit
		}
		lp.nit++
		if !lp.step(q, dir) {
			return LPUnbounded
		}
	}
}

// basicValues solves B·x_B = b − N·x_N.
func (lp *simplexLP) basicValues() {
	if lp.m == 0 {
		return
	}
	for i := range lp.m {
		r := lp.b[i]
		for j, v := range lp.x {
			if lp.isBasic[j] < 0 && v != 0 {
				r -= lp.a.At(i, j) * v
			}
		}
		lp.work.SetVec(i, r)
	}
	if err := lp.lu.SolveVecTo(lp.col, false, lp.work); err != nil {
		return
	}
	for i, j := range lp.basis {
		lp.x[j] = lp.col.AtVec(i)
	}
}

// price computes the duals y = B⁻ᵀ·cost_B and returns the entering
// column with the direction it moves in (+1 up from its lower bound, −1
// down from its upper), or −1 when no reduced cost improves: the basis is
// optimal.
func (lp *simplexLP) price(cost []float64, bland bool) (int, float64) {
	if lp.m > 0 {
		for i, j := range lp.basis {
			lp.work.SetVec(i, cost[j])
		}
		if err := lp.lu.SolveVecTo(lp.col, true, lp.work); err != nil {
			return -1, 0
		}
		for i := range lp.m {
			lp.y[i] = lp.col.AtVec(i)
		}
	}
	q, dir, bestD := -1, 0.0, 0.0
	for j := range lp.x {
		if lp.isBasic[j] >= 0 || lp.lo[j] == lp.hi[j] {
			continue
		}
		d := lp.reducedCost(cost, j)
		var s float64
		switch {
		case d < -lp.tol && lp.x[j] < lp.hi[j]:
			s = 1
		case d > lp.tol && lp.x[j] > lp.lo[j]:
			s = -1
		default:
			continue
		}
		if bland {
			return j, s
		}
		if math.Abs(d) > bestD {
			q, dir, bestD = j, s, math.Abs(d)
		}
	}
	return q, dir
}

// reducedCost is cost_j − y·a_j.
func (lp *simplexLP) reducedCost(cost []float64, j int) float64 {
	d := cost[j]
	for i := range lp.m {
		d -= lp.y[i] * lp.a.At(i, j)
	}
	return d
}

// step moves column q in direction dir as far as the bounds allow (the
// bounded ratio test): either q reaches its other bound, or the first
// basic variable to reach a bound leaves the basis for q. It reports
// false if nothing limits the move: the problem is unbounded.
func (lp *simplexLP) step(q int, dir float64) bool {
	if lp.m > 0 {
		for i := range lp.m {
			lp.work.SetVec(i, lp.a.At(i, q))
		}
		if err := lp.lu.SolveVecTo(lp.col, false, lp.work); err != nil {
			return false
		}
	}
	t, leave, leaveAt, pivot := lp.hi[q]-lp.lo[q], -1, 0.0, 0.0
	for i, j := range lp.basis {
		alpha := dir * lp.col.AtVec(i) // x_j changes by −t·alpha
		var limit, at float64
		switch {
		case alpha > lp.tol && !math.IsInf(lp.lo[j], -1):
			limit, at = (lp.x[j]-lp.lo[j])/alpha, lp.lo[j]
		case alpha < -lp.tol && !math.IsInf(lp.hi[j], 1):
			limit, at = (lp.hi[j]-lp.x[j])/-alpha, lp.hi[j]
		default:
			continue
		}
		limit = math.Max(limit, 0)
		// Among ties the largest pivot is the most stable.
		if limit < t || (limit == t && math.Abs(alpha) > pivot) {
			t, leave, leaveAt, pivot = limit, i, at, math.Abs(alpha)
		}
	}
	if math.IsInf(t, 1) {
		return false
	}
	lp.x[q] += dir * t
	if leave < 0 {
		return true // a bound flip: the basis stays
	}
	out := lp.basis[leave]
	lp.isBasic[out] = -1
	lp.x[out] = leaveAt
	lp.enter(leave, q, lp.x[q])
	return true
}

// result reads the solution in scipy's terms.
func (lp *simplexLP) result(p LP, status int) *LPResult {
	r := &LPResult{X: append([]float64(nil), lp.x[:lp.n]...), Status: status, Message: lpMessages[status],
		Success: status == LPOptimal, Nit: lp.nit}
	for j := range r.X {
		r.X[j] += 0 // no −0
	}
	r.setResiduals(p)
	if status != LPOptimal {
		if status == LPInfeasible || status == LPNumerical {
			r.X, r.Fun = vecNaN(lp.n), math.NaN()
		}
		return r
	}
	if lp.m > 0 {
		lp.factor()
		lp.price(lp.cost, false)
	}
	r.IneqLin = append([]float64(nil), lp.y[:lp.nub]...)
	r.EqLin = append([]float64(nil), lp.y[lp.nub:]...)
	r.Lower, r.Upper = make([]float64, lp.n), make([]float64, lp.n)
	for j := range lp.n {
		if lp.isBasic[j] >= 0 {
			continue
		}
		d := lp.reducedCost(lp.cost, j)
		atUpper := lp.x[j] == lp.hi[j] && (lp.x[j] != lp.lo[j] || d < 0)
		if atUpper {
			r.Upper[j] = d
		} else {
			r.Lower[j] = d
		}
	}
	return r
}
