package integrate

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// This file is SolveIVP's Radau: the implicit Runge–Kutta method Radau
// IIA of order 5 with three stages (E. Hairer and G. Wanner, Solving
// Ordinary Differential Equations II: Stiff and Differential-Algebraic
// Problems, 2nd ed., Springer 1996, §IV.8), as scipy's Radau follows
// Hairer's RADAU5. The stage equations are solved by a simplified Newton
// iteration in the variables W = T⁻¹Z, where T diagonalizes the method's
// matrix, so each iteration solves one real and one complex n×n system
// with the matrices μ_r/h·I − J and μ_c/h·I − J (an O(n³) factorization
// of each when h or J changes) instead of one 3n×3n system. The error
// estimate is (μ_r/h·I − J)⁻¹(f0 + Σ e_k Z_k/h), the step size follows
// Gustafsson's predictive controller, and the dense output is the
// collocation polynomial. A step costs one evaluation of f per stage and
// iteration (at most 6 iterations) plus one.

// radauNewtonMaxIter bounds the Newton iterations per step.
const radauNewtonMaxIter = 6

var (
	radauS6 = math.Sqrt(6)
	// radauC holds the nodes, radauE the error estimate's weights.
	radauC = [3]float64{(4 - radauS6) / 10, (4 + radauS6) / 10, 1}
	radauE = [3]float64{(-13 - 7*radauS6) / 3, (-13 + 7*radauS6) / 3, -1. / 3}
	// radauMuReal and radauMuComplex are the eigenvalues of the inverse
	// of the method's matrix.
	radauMuReal    = 3 + math.Pow(3, 2./3) - math.Pow(3, 1./3)
	radauMuComplex = complex(3+0.5*(math.Pow(3, 1./3)-math.Pow(3, 2./3)), -0.5*(math.Pow(3, 5./6)+math.Pow(3, 7./6)))
	// radauT diagonalizes the method's matrix; radauTI is its inverse.
	radauT = [3][3]float64{
		{0.09443876248897524, -0.14125529502095421, 0.03002919410514742},
		{0.25021312296533332, 0.20412935229379994, -0.38294211275726192},
		{1, 1, 0},
	}
	radauTI = [3][3]float64{
		{4.17871859155190428, 0.32768282076106237, 0.52337644549944951},
		{-4.17871859155190428, -0.32768282076106237, 0.47662355450055044},
		{0.50287263494578682, -2.57192694985560522, 0.59603920482822492},
	}
	// radauP turns the stage values into the coefficients of the dense
	// output polynomial.
	radauP = [3][3]float64{
		{13./3 + 7*radauS6/3, -23./3 - 22*radauS6/3, 10./3 + 5*radauS6},
		{13./3 - 7*radauS6/3, -23./3 + 22*radauS6/3, 10./3 - 5*radauS6},
		{1. / 3, -8. / 3, 10. / 3},
	}
)

// radau is Radau IIA on one problem.
type radau struct {
	ivpBase
	f, yOld, yNew []float64
	hAbs          float64
	hAbsOld       float64 // −1: none
	errNormOld    float64 // −1: none
	newtonTol     float64
	J             []float64
	currentJac    bool
	numJac        ivpNumJac
	luReal        []float64
	pivReal       []int
	luComplex     []complex128
	pivComplex    []int
	luValid       bool
	singular      bool
	sol           *ivpPoly // the dense output of the last step, nil before the first
	z, z0, w, dw  [3][]float64
	fs            [3][]float64
	scale, tmp    []float64
	rhsComplex    []complex128
}

func newRadau(b ivpBase) *radau {
	n := b.n
	r := &radau{ivpBase: b, hAbsOld: -1, errNormOld: -1}
	buf := make([]float64, 3*n+n*n+n*n+3*4*n+2*n)
	take := func(k int) []float64 { s := buf[:k:k]; buf = buf[k:]; return s }
	r.f, r.yOld, r.yNew = take(n), take(n), take(n)
	r.J, r.luReal = take(n*n), take(n*n)
	for k := 0; k < 3; k++ {
		r.z[k], r.z0[k], r.w[k], r.dw[k] = take(n), take(n), take(n), take(n)
	}
	for k := range r.fs {
		r.fs[k] = make([]float64, n)
	}
	r.scale, r.tmp = take(n), take(n)
	r.pivReal, r.pivComplex = make([]int, n), make([]int, n)
	r.luComplex, r.rhsComplex = make([]complex128, n*n), make([]complex128, n)
	r.fun(r.t, r.y, r.f)
	r.hAbs = r.initialStep(r.f, 3)
	r.newtonTol = math.Max(10*0x1p-52/r.rtol, math.Min(0.03, math.Sqrt(r.rtol)))
	r.jacobian(r.t, r.y, r.f)
	r.currentJac = true
	return r
}

// jacobian sets J at (t, y), with f = f(t, y).
func (r *radau) jacobian(t float64, y, f []float64) {
	r.njev++
	if r.jac != nil {
		r.jac(t, y, r.J)
		return
	}
	r.numJac.jacobian(&r.ivpBase, t, y, f, r.J)
}

// factor forms and factors μ_r/h·I − J and μ_c/h·I − J.
func (r *radau) factor(h float64) {
	n := r.n
	mr, mc := radauMuReal/h, radauMuComplex/complex(h, 0)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			r.luReal[i*n+j] = -r.J[i*n+j]
			r.luComplex[i*n+j] = complex(-r.J[i*n+j], 0)
		}
		r.luReal[i*n+i] += mr
		r.luComplex[i*n+i] += mc
	}
	ok := lapack64.Getrf(blas64.General{Rows: n, Cols: n, Stride: n, Data: r.luReal}, r.pivReal)
	ok = radauComplexLU(r.luComplex, r.pivComplex, n) && ok
	r.singular = r.singular || !ok
	r.nlu += 2
	r.luValid = true
}

// solveReal overwrites b with the solution of the real system.
func (r *radau) solveReal(b []float64) {
	lapack64.Getrs(blas.NoTrans, blas64.General{Rows: r.n, Cols: r.n, Stride: r.n, Data: r.luReal},
		blas64.General{Rows: r.n, Cols: 1, Stride: 1, Data: b}, r.pivReal)
}

// radauComplexLU factors the n×n row-major a in place as P·L·U with
// partial pivoting on |re| + |im|, as LAPACK's zgetrf; it reports false
// for an exactly zero pivot.
func radauComplexLU(a []complex128, piv []int, n int) bool {
	ok := true
	abs1 := func(z complex128) float64 { return math.Abs(real(z)) + math.Abs(imag(z)) }
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if abs1(a[i*n+k]) > abs1(a[p*n+k]) {
				p = i
			}
		}
		piv[k] = p
		if p != k {
			for j := 0; j < n; j++ {
				a[k*n+j], a[p*n+j] = a[p*n+j], a[k*n+j]
			}
		}
		if a[k*n+k] == 0 {
			ok = false
			continue
		}
		inv := 1 / a[k*n+k]
		for i := k + 1; i < n; i++ {
			l := a[i*n+k] * inv
			a[i*n+k] = l
			for j := k + 1; j < n; j++ {
				a[i*n+j] -= l * a[k*n+j]
			}
		}
	}
	return ok
}

// radauComplexSolve overwrites b with the solution from radauComplexLU's
// factors.
func radauComplexSolve(a []complex128, piv []int, b []complex128) {
	n := len(b)
	for k := 0; k < n; k++ {
		b[k], b[piv[k]] = b[piv[k]], b[k]
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			b[i] -= a[i*n+j] * b[j]
		}
	}
	for i := n - 1; i >= 0; i-- {
		for j := i + 1; j < n; j++ {
			b[i] -= a[i*n+j] * b[j]
		}
		b[i] /= a[i*n+i]
	}
}

// collocate solves the collocation system from the guess z0 by the
// simplified Newton iteration, stopping when the predicted remaining
// error rate/(1 − rate)·‖ΔW‖ falls under the tolerance or cannot. It
// returns whether it converged, the iterations and the last rate (NaN
// before the second).
func (r *radau) collocate(t, h float64, y []float64) (converged bool, iters int, rate float64) {
	n := r.n
	mr, mc := radauMuReal/h, radauMuComplex/complex(h, 0)
	for k := 0; k < 3; k++ {
		for i := 0; i < n; i++ {
			r.w[k][i] = radauTI[k][0]*r.z0[0][i] + radauTI[k][1]*r.z0[1][i] + radauTI[k][2]*r.z0[2][i]
		}
		copy(r.z[k], r.z0[k])
	}
	rate = math.NaN()
	dwNormOld := math.NaN()
	for iters = 1; iters <= radauNewtonMaxIter; iters++ {
		finite := true
		for k := 0; k < 3; k++ {
			for i := range r.tmp {
				r.tmp[i] = y[i] + r.z[k][i]
			}
			r.fun(t+h*radauC[k], r.tmp, r.fs[k])
			for _, v := range r.fs[k] {
				finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0)
			}
		}
		if !finite {
			break
		}
		for i := 0; i < n; i++ {
			f0, f1, f2 := r.fs[0][i], r.fs[1][i], r.fs[2][i]
			r.dw[0][i] = f0*radauTI[0][0] + f1*radauTI[0][1] + f2*radauTI[0][2] - mr*r.w[0][i]
			fc := complex(f0*radauTI[1][0]+f1*radauTI[1][1]+f2*radauTI[1][2], f0*radauTI[2][0]+f1*radauTI[2][1]+f2*radauTI[2][2])
			r.rhsComplex[i] = fc - mc*complex(r.w[1][i], r.w[2][i])
		}
		r.solveReal(r.dw[0])
		radauComplexSolve(r.luComplex, r.pivComplex, r.rhsComplex)
		sum := 0.0
		for i, z := range r.rhsComplex {
			r.dw[1][i], r.dw[2][i] = real(z), imag(z)
			for k := 0; k < 3; k++ {
				v := r.dw[k][i] / r.scale[i]
				sum += v * v
			}
		}
		dwNorm := math.Sqrt(sum) / math.Sqrt(float64(3*tested(r.scale)))
		if !math.IsNaN(dwNormOld) {
			rate = dwNorm / dwNormOld
		}
		if !math.IsNaN(rate) && (rate >= 1 || math.Pow(rate, float64(radauNewtonMaxIter-iters+1))/(1-rate)*dwNorm > r.newtonTol) {
			break
		}
		for k := 0; k < 3; k++ {
			for i := range r.w[k] {
				r.w[k][i] += r.dw[k][i]
			}
		}
		for k := 0; k < 3; k++ {
			for i := 0; i < n; i++ {
				r.z[k][i] = radauT[k][0]*r.w[0][i] + radauT[k][1]*r.w[1][i] + radauT[k][2]*r.w[2][i]
			}
		}
		if dwNorm == 0 || !math.IsNaN(rate) && rate/(1-rate)*dwNorm < r.newtonTol {
			return true, iters, rate
		}
		dwNormOld = dwNorm
	}
	return false, min(iters, radauNewtonMaxIter), rate
}

// radauPredictFactor is Gustafsson's predictive step-size factor
// min(1, (h/h_old)·(err_old/err)^¼)·err^(−¼).
func radauPredictFactor(hAbs, hAbsOld, errNorm, errNormOld float64) float64 {
	multiplier := 1.0
	if errNormOld >= 0 && hAbsOld >= 0 && errNorm != 0 {
		multiplier = hAbs / hAbsOld * math.Pow(errNormOld/errNorm, 0.25)
	}
	return math.Min(1, multiplier) * math.Pow(errNorm, -0.25)
}

func (r *radau) step() (bool, string) {
	n := r.n
	t, y := r.t, r.y
	minStep := r.minStep(t)
	hAbs, hAbsOld, errNormOld := r.hAbs, r.hAbsOld, r.errNormOld
	if r.hAbs > r.maxStep {
		hAbs, hAbsOld, errNormOld = r.maxStep, -1, -1
	} else if r.hAbs < minStep {
		hAbs, hAbsOld, errNormOld = minStep, -1, -1
	}
	rejected := false
	var h, tNew, errNorm, rate, safety float64
	var iters int
	for {
		if hAbs < minStep {
			return false, r.failure()
		}
		tNew, h, _ = r.stepEnd(t, hAbs)
		hAbs = math.Abs(h)
		for k := 0; k < 3; k++ {
			if r.sol == nil {
				clear(r.z0[k])
				continue
			}
			r.sol.at(t+h*radauC[k], r.z0[k])
			for i := range r.z0[k] {
				r.z0[k][i] -= y[i]
			}
		}
		for i := range r.scale {
			r.scale[i] = r.atol[i] + math.Abs(y[i])*r.rtol
		}
		converged := false
		for !converged {
			if !r.luValid {
				r.factor(h)
			}
			converged, iters, rate = r.collocate(t, h, y)
			if !converged {
				if r.currentJac {
					break
				}
				r.jacobian(t, y, r.f)
				r.currentJac = true
				r.luValid = false
			}
		}
		if !converged {
			hAbs *= 0.5
			r.luValid = false
			continue
		}
		// error = (μ_r/h·I − J)⁻¹ (f0 + Σ_k e_k·Z_k/h)
		for i := 0; i < n; i++ {
			r.yNew[i] = y[i] + r.z[2][i]
			ze := (r.z[0][i]*radauE[0] + r.z[1][i]*radauE[1] + r.z[2][i]*radauE[2]) / h
			r.dw[1][i] = ze
			r.dw[0][i] = r.f[i] + ze
		}
		errv := r.dw[0]
		r.solveReal(errv)
		for i := range r.scale {
			r.scale[i] = r.atol[i] + math.Max(math.Abs(y[i]), math.Abs(r.yNew[i]))*r.rtol
		}
		errNorm = ivpNorm(errv, r.scale)
		safety = 0.9 * (2*radauNewtonMaxIter + 1) / float64(2*radauNewtonMaxIter+iters)
		if rejected && errNorm > 1 {
			// Hairer's improved estimate after a rejection.
			for i := range r.tmp {
				r.tmp[i] = y[i] + errv[i]
			}
			r.fun(t, r.tmp, r.dw[2])
			for i := range errv {
				errv[i] = r.dw[2][i] + r.dw[1][i]
			}
			r.solveReal(errv)
			errNorm = ivpNorm(errv, r.scale)
		}
		if errNorm <= 1 {
			break
		}
		hAbs *= math.Max(0.2, safety*radauPredictFactor(hAbs, hAbsOld, errNorm, errNormOld))
		r.luValid = false
		rejected = true
	}
	recomputeJac := iters > 2 && rate > 1e-3
	factor := math.Min(10, safety*radauPredictFactor(hAbs, hAbsOld, errNorm, errNormOld))
	if !recomputeJac && factor < 1.2 {
		factor = 1
	} else {
		r.luValid = false
	}
	copy(r.yOld, y)
	copy(r.y, r.yNew)
	r.fun(tNew, r.y, r.f)
	if recomputeJac {
		r.jacobian(tNew, r.y, r.f)
		r.currentJac = true
	} else {
		r.currentJac = false
	}
	r.hAbsOld = r.hAbs
	r.errNormOld = errNorm
	r.hAbs = hAbs * factor
	r.t = tNew
	r.tOld = t
	r.sol = r.densePoly(r.sol)
	return true, ""
}

// failure is the message for a step size underflow.
func (r *radau) failure() string {
	if r.singular {
		return ivpTooSmallStep + " An iteration matrix was singular."
	}
	return ivpTooSmallStep
}

// densePoly writes the collocation polynomial of the last step into p
// (allocating it when nil): Q = Z·P, y = y_old + Σ_j Q_j·x^(j+1).
func (r *radau) densePoly(p *ivpPoly) *ivpPoly {
	if p == nil {
		p = &ivpPoly{y0: make([]float64, r.n), q: [][]float64{make([]float64, r.n), make([]float64, r.n), make([]float64, r.n)}}
	}
	p.t0, p.h = r.tOld, r.t-r.tOld
	copy(p.y0, r.yOld)
	for j := 0; j < 3; j++ {
		for i := range p.q[j] {
			p.q[j][i] = r.z[0][i]*radauP[0][j] + r.z[1][i]*radauP[1][j] + r.z[2][i]*radauP[2][j]
		}
	}
	return p
}

func (r *radau) dense() ivpInterpolant { return r.densePoly(nil) }
