package optimize

import "math"

// artificialBound is the size of the box the dual simplex method puts on
// a variable that lacks the bound its cost pushes it to.
const artificialBound = 1e7

// LinProgDual solves LinProg's problem by the dual simplex method for
// bounded variables (Lemke 1954; the bounded form of A. Koberstein, The
// Dual Simplex Method, Techniques for a Fast and Stable Implementation,
// thesis, Paderborn 2005, Alg. 2 and 3). It starts from the basis of the
// slacks, with an artificial variable fixed at 0 for each equation, and
// every other variable at the bound its cost points to, so that every
// reduced cost has the right sign (dual feasible); a variable that lacks
// that bound gets an artificial one at ±1e7. Each iteration picks the
// basic variable furthest outside its bounds to leave (Dantzig's rule
// for the dual), and the entering variable by the dual ratio test
// min |d_j/α_rj| over the nonbasic variables that move it back, which
// keeps the reduced costs' signs. When no basic variable is out of
// bounds the basis is optimal; when no variable can enter, the problem is
// infeasible. If the answer rests on an artificial bound, the bound is
// dropped and the primal simplex method (LinProg's) finishes, which also
// detects unboundedness. Like LinProg it refactorizes the basis at each
// iteration, O(m³), for problems of up to a few hundred rows.
func LinProgDual(p LP, s *LPSettings) (*LPResult, error) {
	if s == nil {
		s = &LPSettings{}
	}
	lp, err := newSimplexLP(p)
	if err != nil {
		return nil, err
	}
	lp.tol, lp.maxIter = s.Tol, s.MaxIter
	if lp.tol == 0 {
		lp.tol = 1e-9
	}
	if lp.maxIter == 0 {
		lp.maxIter = 100*(lp.m+lp.n) + 1000
	}
	return lp.result(p, lp.solveDual()), nil
}

// solveDual runs the dual simplex method and returns the status.
func (lp *simplexLP) solveDual() int {
	art := lp.n + lp.nub
	for j := range lp.n {
		if lp.lo[j] > lp.hi[j] {
			return LPInfeasible
		}
	}
	// The slack basis: B = I, duals 0, reduced costs = costs.
	for i := range lp.m {
		if i < lp.nub {
			lp.enter(i, lp.n+i, 0)
			lp.lo[art+i], lp.hi[art+i] = 0, 0
			continue
		}
		lp.a.Set(i, art+i, 1)
		lp.lo[art+i], lp.hi[art+i] = 0, 0
		lp.enter(i, art+i, 0)
	}
	var boxed []int // variables given an artificial bound
	for j := range lp.n {
		c := lp.cost[j]
		switch {
		case c > 0 && math.IsInf(lp.lo[j], -1):
			lp.lo[j] = -artificialBound
			boxed = append(boxed, j)
		case c < 0 && math.IsInf(lp.hi[j], 1):
			lp.hi[j] = artificialBound
			boxed = append(boxed, j)
		}
		switch {
		case c < 0:
			lp.x[j] = lp.hi[j]
		case !math.IsInf(lp.lo[j], -1):
			lp.x[j] = lp.lo[j]
		case !math.IsInf(lp.hi[j], 1):
			lp.x[j] = lp.hi[j]
		}
	}
	if lp.m > 0 {
		if st := lp.dualPhase(); st != LPOptimal {
			return st
		}
	}
	// Drop the artificial bounds; the primal simplex method finishes
	// from this primal feasible basis (at once when nothing rests on
	// them and the reduced costs have their signs).
	for _, j := range boxed {
		if lp.lo[j] == -artificialBound {
			lp.lo[j] = math.Inf(-1)
		} else {
			lp.hi[j] = math.Inf(1)
		}
	}
	return lp.phase(lp.cost)
}

// dualPhase iterates the dual simplex method until no basic variable is
// out of its bounds.
func (lp *simplexLP) dualPhase() int {
	for {
		if !lp.factor() {
			return LPNumerical
		}
		lp.basicValues()
		// The leaving row: the basic variable furthest outside its bounds.
		r, delta := -1, 0.0
		for i, j := range lp.basis {
			tol := lp.tol * math.Max(1, math.Abs(lp.x[j]))
			var d float64
			switch {
			case lp.x[j] < lp.lo[j]-tol:
				d = lp.x[j] - lp.lo[j]
			case lp.x[j] > lp.hi[j]+tol:
				d = lp.x[j] - lp.hi[j]
			default:
				continue
			}
			if math.Abs(d) > math.Abs(delta) {
				r, delta = i, d
			}
		}
		if r < 0 {
			return LPOptimal
		}
		if lp.nit >= lp.maxIter {
			return LPIterationLimit
		}
		lp.nit++
		lp.price(lp.cost, false) // the duals y, for the reduced costs
		// The pivot row α_r = e_rᵀB⁻¹N, from ρ = B⁻ᵀe_r.
		for i := range lp.m {
			lp.work.SetVec(i, 0)
		}
		lp.work.SetVec(r, 1)
		if err := lp.lu.SolveVecTo(lp.col, true, lp.work); err != nil {
			return LPNumerical
		}
		q, best := -1, math.Inf(1)
		for j := range lp.x {
			if lp.isBasic[j] >= 0 || lp.lo[j] == lp.hi[j] {
				continue
			}
			alpha := 0.0
			for i := range lp.m {
				alpha += lp.col.AtVec(i) * lp.a.At(i, j)
			}
			if math.Abs(alpha) <= lp.tol {
				continue
			}
			// Moving x_j changes x_Br by −α·t: it must bring x_Br back.
			atLower := lp.x[j] <= lp.lo[j]
			atUpper := lp.x[j] >= lp.hi[j]
			up := (delta < 0) == (alpha < 0) // the move x_j must make is upwards
			if (up && atUpper) || (!up && atLower) {
				continue
			}
			ratio := math.Abs(lp.reducedCost(lp.cost, j)) / math.Abs(alpha)
			if ratio < best {
				q, best = j, ratio
			}
		}
		if q < 0 {
			return LPInfeasible
		}
		out := lp.basis[r]
		lp.isBasic[out] = -1
		if delta < 0 {
			lp.x[out] = lp.lo[out]
		} else {
			lp.x[out] = lp.hi[out]
		}
		lp.enter(r, q, lp.x[q])
	}
}
