package optimize

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// leastSquaresDogbox is scipy's dogbox (scipy/optimize/_lsq/dogbox.py,
// with tr_solver="exact"): Powell's dogleg in a rectangular trust region
// intersected with the bounds (C. Voglis and I. E. Lagaris, "A rectangular
// trust region dogleg approach for unconstrained and bound constrained
// nonlinear optimization", WSEAS 2004). Variables on a bound whose
// gradient pushes them out are fixed for the iteration; for the others
// the Gauss–Newton step (least squares by SVD, O(m·n²)) is taken if it
// fits in the region, else the dogleg path from the Cauchy point towards
// it, cut at the region's edge. The radius is the ∞-norm of the scaled
// step, updated as TRF's.
func leastSquaresDogbox(r Residuals, jac Jacobian, x0 []float64, m int, box consBox, scale []float64, set *LeastSquaresSettings) *LeastSquaresResult {
	n := len(x0)
	x := append([]float64(nil), x0...)
	s, failed := startLeastSquares(r, jac, x, m, box, scale, set)
	if failed != nil {
		return failed
	}
	res, J, fs, scaleInv := s.res, s.J, s.fs, s.scaleInv
	delta := 0.0
	for i := range x {
		delta = math.Max(delta, math.Abs(x[i]*scaleInv[i]))
	}
	if delta == 0 {
		delta = 1
	}
	onBound := make([]int, n)
	for i := range x {
		switch x[i] {
		case box.lo[i]:
			onBound[i] = -1
		case box.up[i]:
			onBound[i] = 1
		}
	}
	status := -2
	gFull := make([]float64, n)
	gNorm := 0.0
	step := make([]float64, n)
	xNew, fNew := make([]float64, n), make([]float64, m)
	for {
		g := s.g
		copy(gFull, g)
		var free []int
		gNorm = 0
		for i := range g {
			if float64(onBound[i])*g[i] < 0 {
				g[i] = 0
				continue
			}
			free = append(free, i)
			gNorm = math.Max(gNorm, math.Abs(g[i]))
		}
		if s.done(gNorm, &status) {
			break
		}
		if !s.jacFinite {
			return s.jacobianNotFinite()
		}
		k := len(free)
		jFree := make([]float64, m*k)
		gFree, xFree := make([]float64, k), make([]float64, k)
		boxFree := consBox{lo: make([]float64, k), up: make([]float64, k)}
		for c, i := range free {
			for row := range m {
				jFree[row*k+c] = J[row*n+i]
			}
			gFree[c], xFree[c] = g[i], x[i]
			boxFree.lo[c], boxFree.up[c] = box.lo[i], box.up[i]
		}
		newton := leastSquaresLstsq(jFree, fs, m, k)
		negG := make([]float64, k)
		for c := range negG {
			negG[c] = -gFree[c]
		}
		a, b, _ := leastSquaresQuadratic1D(jFree, gFree, negG, make([]float64, k), nil)
		actual := -1.0
		var costNew float64
		var boundFree []int
		for actual <= 0 && res.FuncEvals < s.maxFuncEvals {
			tr := make([]float64, k)
			for c, i := range free {
				tr[c] = delta * scale[i]
			}
			stepFree, hits, trHit := dogboxStep(xFree, newton, gFree, a, b, tr, boxFree)
			boundFree = hits
			for i := range step {
				step[i] = 0
			}
			for c, i := range free {
				step[i] = stepFree[c]
			}
			predicted := -leastSquaresQuadratic(jFree, gFree, stepFree, nil)
			stepHNorm := 0.0
			for i := range xNew {
				xNew[i] = math.Min(math.Max(x[i]+step[i], box.lo[i]), box.up[i])
				stepHNorm = math.Max(stepHNorm, math.Abs(step[i]*scaleInv[i]))
			}
			var ok bool
			if costNew, ok = s.trial(xNew, fNew); !ok {
				delta = 0.25 * stepHNorm
				continue
			}
			actual = s.cost - costNew
			if delta, status = s.judge(delta, actual, predicted, stepHNorm, trHit, step); status != -2 {
				break
			}
		}
		if actual > 0 {
			for c, i := range free {
				onBound[i] = boundFree[c]
			}
			for i, b := range onBound {
				switch b {
				case -1:
					xNew[i] = box.lo[i]
				case 1:
					xNew[i] = box.up[i]
				}
			}
			s.accept(xNew, fNew, costNew)
		}
		res.Iterations++
	}
	s.finish(status, onBound)
	res.F, res.Grad, res.Optimality = s.cost, gFull, gNorm
	return res
}

// dogboxStep is scipy's dogleg_step: the Gauss–Newton step if it lies in
// the box [−tr, tr] ∩ (bounds − x), else the dogleg path from the Cauchy
// point towards it, cut where it leaves; with, per variable, the
// original bound the step reaches (−1, 1, or 0) and whether it reached
// the trust region's edge.
func dogboxStep(x, newton, g []float64, a, b float64, tr []float64, bounds consBox) ([]float64, []int, bool) {
	k := len(x)
	total := consBox{lo: make([]float64, k), up: make([]float64, k)}
	origL, origU, trL, trU := make([]bool, k), make([]bool, k), make([]bool, k), make([]bool, k)
	inside := true
	for i := range x {
		lc, uc := bounds.lo[i]-x[i], bounds.up[i]-x[i]
		total.lo[i], total.up[i] = math.Max(lc, -tr[i]), math.Min(uc, tr[i])
		origL[i], origU[i] = total.lo[i] == lc, total.up[i] == uc
		trL[i], trU[i] = total.lo[i] == -tr[i], total.up[i] == tr[i]
		if newton[i] < total.lo[i] || newton[i] > total.up[i] {
			inside = false
		}
	}
	hitsOut := make([]int, k)
	if inside {
		return append([]float64(nil), newton...), hitsOut, false
	}
	hits := make([]float64, k)
	negG := make([]float64, k)
	for i := range negG {
		negG[i] = -g[i]
	}
	toBounds := leastSquaresToBound(make([]float64, k), negG, total, hits)
	t, _ := leastSquaresMinimize1D(a, b, 0, toBounds, 0)
	cauchy, diff := make([]float64, k), make([]float64, k)
	for i := range cauchy {
		cauchy[i] = -t * g[i]
		diff[i] = newton[i] - cauchy[i]
	}
	size := leastSquaresToBound(cauchy, diff, total, hits)
	trHit := false
	for i := range hits {
		switch {
		case hits[i] < 0 && origL[i]:
			hitsOut[i] = -1
		case hits[i] > 0 && origU[i]:
			hitsOut[i] = 1
		}
		if hits[i] < 0 && trL[i] || hits[i] > 0 && trU[i] {
			trHit = true
		}
		cauchy[i] += size * diff[i]
	}
	return cauchy, hitsOut, trHit
}

// leastSquaresLstsq is numpy's lstsq(J, −f, rcond=−1) for the row-major
// m×k J: the least-norm least-squares solution by SVD, singular values
// below ε times the largest counted as zero.
func leastSquaresLstsq(J, f []float64, m, k int) []float64 {
	out := make([]float64, k)
	if k == 0 {
		return out
	}
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(m, k, append([]float64(nil), J...)), mat.SVDThin) {
		return out
	}
	sv := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	cut := 0x1p-52 * sv[0]
	for j, sj := range sv {
		if sj <= cut {
			continue
		}
		c := 0.0
		for i := range m {
			c -= u.At(i, j) * f[i]
		}
		c /= sj
		for i := range k {
			out[i] += c * v.At(i, j)
		}
	}
	return out
}
