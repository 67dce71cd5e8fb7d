package integrate

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// This file is SolveIVP's BDF: the variable-order (1–5) numerical
// differentiation formulas of L. F. Shampine and M. W. Reichelt, "The
// MATLAB ODE suite", SIAM J. Sci. Comput. 18 (1997) 1–22, in the
// quasi-constant step size form with a history of backward differences D,
// as scipy's BDF. The NDF of order k modifies the BDF by κ_k·γ_k times the
// (k+1)-th difference (κ = −0.185, −1/9, −0.0823, −0.0415, 0), gaining
// stability or accuracy; a step solves y_new − c·f(t_new, y_new) = y_pred −
// ψ by a simplified Newton iteration with I − c·J (c = h/α_k), the error
// is (κ_k·γ_k + 1/(k+1))·d with d the correction, and after k+1 steps of
// equal size the order moves to k±1 if that allows a larger step. Changing
// h rescales D by the matrices R and U of Shampine & Reichelt. A step costs
// one evaluation of f per iteration (at most 4); a new Jacobian n more (or
// one call of jac) and an O(n³) LU factorization.

const (
	bdfMaxOrder      = 5
	bdfNewtonMaxIter = 4
)

var (
	bdfKappa = [bdfMaxOrder + 1]float64{0, -0.1850, -1. / 9, -0.0823, -0.0415, 0}
	// bdfGamma[k] = Σ_{j≤k} 1/j; bdfAlpha[k] = (1 − κ_k)·γ_k;
	// bdfErrorConst[k] = κ_k·γ_k + 1/(k+1).
	bdfGamma, bdfAlpha, bdfErrorConst = bdfConstants()
)

func bdfConstants() (gamma, alpha, errConst [bdfMaxOrder + 1]float64) {
	for k := 1; k <= bdfMaxOrder; k++ {
		gamma[k] = gamma[k-1] + 1/float64(k)
	}
	for k := range gamma {
		alpha[k] = (1 - bdfKappa[k]) * gamma[k]
		errConst[k] = bdfKappa[k]*gamma[k] + 1/float64(k+1)
	}
	return
}

// bdf is the NDF/BDF method on one problem.
type bdf struct {
	ivpBase
	hAbs        float64
	newtonTol   float64
	order       int
	nEqualSteps int
	d           [bdfMaxOrder + 3][]float64 // backward differences, scaled by h^k
	J, lu       []float64
	piv         []int
	luValid     bool
	singular    bool
	numJac      ivpNumJac
	yPredict    []float64
	psi, corr   []float64
	yNew, f, dy []float64
	scale, tmp  []float64
}

func newBDF(b ivpBase) *bdf {
	n := b.n
	s := &bdf{ivpBase: b, order: 1}
	buf := make([]float64, (bdfMaxOrder+3)*n+2*n*n+8*n)
	take := func(k int) []float64 { v := buf[:k:k]; buf = buf[k:]; return v }
	for k := range s.d {
		s.d[k] = take(n)
	}
	s.J, s.lu = take(n*n), take(n*n)
	s.yPredict, s.psi, s.corr, s.yNew = take(n), take(n), take(n), take(n)
	s.f, s.dy, s.scale, s.tmp = take(n), take(n), take(n), take(n)
	s.piv = make([]int, n)
	s.fun(s.t, s.y, s.f)
	s.hAbs = s.initialStep(s.f, 1)
	s.newtonTol = math.Max(10*0x1p-52/s.rtol, math.Min(0.03, math.Sqrt(s.rtol)))
	copy(s.d[0], s.y)
	for i, v := range s.f {
		s.d[1][i] = v * s.hAbs * s.direction
	}
	s.jacobian(s.t, s.y)
	return s
}

// jacobian sets J at (t, y); finite differences evaluate f(t, y) anew,
// uncounted, as scipy does.
func (s *bdf) jacobian(t float64, y []float64) {
	s.njev++
	if s.jac != nil {
		s.jac(t, y, s.J)
		return
	}
	s.ivpBase.f(t, y, s.tmp)
	fy := append(s.dy[:0], s.tmp...)
	s.numJac.jacobian(&s.ivpBase, t, y, fy, s.J)
}

// bdfR returns Shampine & Reichelt's matrix R(order, factor):
// R[i][j] = Π_{k=1..i} (k − 1 − factor·j)/k, R[0][j] = 1.
func bdfR(order int, factor float64) (r [bdfMaxOrder + 1][bdfMaxOrder + 1]float64) {
	for j := 0; j <= order; j++ {
		r[0][j] = 1
	}
	for i := 1; i <= order; i++ {
		for j := 1; j <= order; j++ {
			r[i][j] = r[i-1][j] * (float64(i) - 1 - factor*float64(j)) / float64(i)
		}
	}
	return r
}

// changeD rescales the differences for a step size multiplied by factor:
// D ← (R·U)ᵀ·D.
func (s *bdf) changeD(factor float64) {
	order := s.order
	r, u := bdfR(order, factor), bdfR(order, 1)
	var ru [bdfMaxOrder + 1][bdfMaxOrder + 1]float64
	for i := 0; i <= order; i++ {
		for j := 0; j <= order; j++ {
			for k := 0; k <= order; k++ {
				ru[i][j] += r[i][k] * u[k][j]
			}
		}
	}
	for i := range s.tmp {
		var col [bdfMaxOrder + 1]float64
		for j := 0; j <= order; j++ {
			for k := 0; k <= order; k++ {
				col[j] += ru[k][j] * s.d[k][i]
			}
		}
		for j := 0; j <= order; j++ {
			s.d[j][i] = col[j]
		}
	}
}

// factor forms and factors I − c·J.
func (s *bdf) factor(c float64) {
	n := s.n
	for i := range s.lu {
		s.lu[i] = -c * s.J[i]
	}
	for i := 0; i < n; i++ {
		s.lu[i*n+i]++
	}
	if !lapack64.Getrf(blas64.General{Rows: n, Cols: n, Stride: n, Data: s.lu}, s.piv) {
		s.singular = true
	}
	s.nlu++
	s.luValid = true
}

// newton solves the NDF equations from the prediction by the simplified
// Newton iteration, leaving the solution in yNew and the correction in
// corr.
func (s *bdf) newton(tNew, c float64) (converged bool, iters int) {
	n := s.n
	lu := blas64.General{Rows: n, Cols: n, Stride: n, Data: s.lu}
	rhs := blas64.General{Rows: n, Cols: 1, Stride: 1, Data: s.dy}
	clear(s.corr)
	copy(s.yNew, s.yPredict)
	dyNormOld := math.NaN()
	for iters = 1; iters <= bdfNewtonMaxIter; iters++ {
		s.fun(tNew, s.yNew, s.f)
		for _, v := range s.f {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false, iters
			}
		}
		for i, v := range s.f {
			s.dy[i] = c*v - s.psi[i] - s.corr[i]
		}
		lapack64.Getrs(blas.NoTrans, lu, rhs, s.piv)
		dyNorm := ivpNorm(s.dy, s.scale)
		rate := dyNorm / dyNormOld // NaN on the first iteration
		if !math.IsNaN(rate) && (rate >= 1 || math.Pow(rate, float64(bdfNewtonMaxIter-iters+1))/(1-rate)*dyNorm > s.newtonTol) {
			return false, iters
		}
		for i, v := range s.dy {
			s.yNew[i] += v
			s.corr[i] += v
		}
		if dyNorm == 0 || !math.IsNaN(rate) && rate/(1-rate)*dyNorm < s.newtonTol {
			return true, iters
		}
		dyNormOld = dyNorm
	}
	return false, bdfNewtonMaxIter
}

func (s *bdf) step() (bool, string) {
	t := s.t
	minStep := s.minStep(t)
	hAbs := s.hAbs
	if s.hAbs > s.maxStep {
		hAbs = s.maxStep
		s.changeD(s.maxStep / s.hAbs)
		s.nEqualSteps = 0
	} else if s.hAbs < minStep {
		hAbs = minStep
		s.changeD(minStep / s.hAbs)
		s.nEqualSteps = 0
	}
	order := s.order
	currentJac := false
	var tNew, errNorm, safety float64
	for {
		if hAbs < minStep {
			if s.singular {
				return false, ivpTooSmallStep + " An iteration matrix was singular."
			}
			return false, ivpTooSmallStep
		}
		var h float64
		var cut bool
		if tNew, h, cut = s.stepEnd(t, hAbs); cut {
			s.changeD(math.Abs(tNew-t) / hAbs)
			s.nEqualSteps = 0
			s.luValid = false
		}
		hAbs = math.Abs(h)
		for i := range s.yPredict {
			sum := 0.0
			for k := 0; k <= order; k++ {
				sum += s.d[k][i]
			}
			s.yPredict[i] = sum
			s.scale[i] = s.atol[i] + s.rtol*math.Abs(sum)
			psi := 0.0
			for k := 1; k <= order; k++ {
				psi += s.d[k][i] * bdfGamma[k]
			}
			s.psi[i] = psi / bdfAlpha[order]
		}
		c := h / bdfAlpha[order]
		converged := false
		var iters int
		for !converged {
			if !s.luValid {
				s.factor(c)
			}
			converged, iters = s.newton(tNew, c)
			if !converged {
				if currentJac {
					break
				}
				s.jacobian(tNew, s.yPredict)
				s.luValid = false
				currentJac = true
			}
		}
		if !converged {
			hAbs *= 0.5
			s.changeD(0.5)
			s.nEqualSteps = 0
			s.luValid = false
			continue
		}
		safety = 0.9 * (2*bdfNewtonMaxIter + 1) / float64(2*bdfNewtonMaxIter+iters)
		for i, v := range s.yNew {
			s.scale[i] = s.atol[i] + s.rtol*math.Abs(v)
			s.tmp[i] = bdfErrorConst[order] * s.corr[i]
		}
		errNorm = ivpNorm(s.tmp, s.scale)
		if errNorm <= 1 {
			break
		}
		factor := math.Max(0.2, safety*math.Pow(errNorm, -1/float64(order+1)))
		hAbs *= factor
		s.changeD(factor)
		s.nEqualSteps = 0
	}
	s.nEqualSteps++
	s.t = tNew
	copy(s.y, s.yNew)
	s.hAbs = hAbs
	for i, v := range s.corr {
		s.d[order+2][i] = v - s.d[order+1][i]
		s.d[order+1][i] = v
	}
	for k := order; k >= 0; k-- {
		for i := range s.d[k] {
			s.d[k][i] += s.d[k+1][i]
		}
	}
	if s.nEqualSteps < order+1 {
		return true, ""
	}
	// Choose among orders k−1, k, k+1 the one allowing the largest step.
	norms := [3]float64{math.Inf(1), errNorm, math.Inf(1)}
	if order > 1 {
		for i, v := range s.d[order] {
			s.tmp[i] = bdfErrorConst[order-1] * v
		}
		norms[0] = ivpNorm(s.tmp, s.scale)
	}
	if order < bdfMaxOrder {
		for i, v := range s.d[order+2] {
			s.tmp[i] = bdfErrorConst[order+1] * v
		}
		norms[2] = ivpNorm(s.tmp, s.scale)
	}
	best, bestFactor := 0, -1.0
	for k, e := range norms {
		if f := math.Pow(e, -1/float64(order+k)); f > bestFactor {
			best, bestFactor = k, f
		}
	}
	s.order = order + best - 1
	factor := math.Min(10, safety*bestFactor)
	s.hAbs *= factor
	s.changeD(factor)
	s.nEqualSteps = 0
	s.luValid = false
	return true, ""
}

// bdfPoly is BDF's dense output, the interpolating polynomial through the
// last order+1 points: y = D_0 + Σ_{j=1..k} D_j·Π_{m<j} (t − t_m)/((m+1)h)
// with t_m = t_n − m·h.
type bdfPoly struct {
	tn, h float64
	d     [][]float64
}

func (s *bdf) dense() ivpInterpolant {
	p := &bdfPoly{tn: s.t, h: s.hAbs * s.direction, d: make([][]float64, s.order+1)}
	for k := range p.d {
		p.d[k] = append([]float64(nil), s.d[k]...)
	}
	return p
}

func (p *bdfPoly) at(t float64, out []float64) {
	copy(out, p.d[0])
	prod := 1.0
	for j := 1; j < len(p.d); j++ {
		m := float64(j - 1)
		prod *= (t - (p.tn - p.h*m)) / (p.h * (1 + m))
		for i, v := range p.d[j] {
			out[i] += v * prod
		}
	}
}
