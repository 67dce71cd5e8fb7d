package optimize

import (
	"fmt"
	"math"
)

// LeastSqSettings tunes LeastSq. The zero value means scipy.optimize.leastsq's
// defaults.
type LeastSqSettings struct {
	// FTol stops when both the actual and the predicted relative
	// reductions of the sum of squares are at most FTol. Zero means
	// scipy's 1.49012e-8.
	FTol float64
	// XTol stops when the relative error between two consecutive iterates
	// is at most XTol. Zero means scipy's 1.49012e-8.
	XTol float64
	// GTol stops when the cosine of the angle between the residuals and
	// every column of the Jacobian is at most GTol in absolute value.
	// scipy's default is 0, which disables the test.
	GTol float64
	// MaxFev caps the calls of the residuals, finite-difference calls
	// included. Zero means scipy's 100*(n+1) with a Jacobian and
	// 200*(n+1) without.
	MaxFev int
	// EpsFcn sets the forward-difference step when there is no Jacobian:
	// h = sqrt(max(EpsFcn, ε))·|x_j|, or sqrt(…) itself when x_j is zero.
	// Zero means ε, the machine epsilon, as in scipy.
	EpsFcn float64
	// Factor sets the initial step bound, Factor·‖diag·x0‖ (or Factor
	// when that is zero). Zero means scipy's 100.
	Factor float64
	// Diag holds positive scale factors for the variables (MINPACK's
	// mode 2). Nil means mode 1: the scales are the norms of the
	// Jacobian's columns, updated as they grow, as scipy does.
	Diag []float64
}

// LeastSqResult is what LeastSq found. The embedded Result has X, F (the
// sum of squares at X), Status, Success, Message (scipy's mesg),
// Iterations, FuncEvals (scipy's nfev) and GradEvals (Jacobian
// evaluations, scipy's njev; zero when differences were used).
type LeastSqResult struct {
	Result
	// Cov is scipy's cov_x: the inverse of JᵀJ at the solution, from
	// MINPACK's pivoted R, or nil when R is singular or the run failed.
	// Multiply it by the residual variance to get the covariance of X.
	Cov [][]float64
	// Fvec holds the residuals at X.
	Fvec []float64
	// Fjac is scipy's infodict['fjac'], n rows of m: row j is column j of
	// MINPACK's output array, whose upper triangle is R in
	// J·P = Q·R and whose lower part holds the Householder vectors.
	Fjac [][]float64
	// Ipvt is the column permutation P: column j of J·P is column
	// Ipvt[j] of J. It counts from zero, where scipy's counts from one.
	Ipvt []int
	// Qtf holds the first n elements of Qᵀ·fvec.
	Qtf []float64
	// Ier is MINPACK's info, scipy's ier: 1–4 converged, 5 hit MaxFev,
	// 6–8 asked for tolerances too small to reach. Zero means the
	// residuals or the Jacobian were not finite.
	Ier int
}

// LeastSq minimizes the sum of squares of m residuals of n ≤ m variables
// by the Levenberg–Marquardt method as MINPACK's lmder (with a Jacobian)
// and lmdif (without one, by forward differences) implement it, which is
// what scipy.optimize.leastsq calls.
//
// Each outer iteration factors the Jacobian J·P = Q·R by Householder QR
// with column pivoting (qrfac), then the inner iteration finds the
// Levenberg–Marquardt parameter λ for which the step p solving
// min ‖J·p + f‖² + λ‖D·p‖² has ‖D·p‖ ≈ Δ (lmpar, by Moré's safeguarded
// Newton iteration on the secular equation, with Givens rotations in
// qrsolv so that each trial λ costs O(n²)). A step is taken when the
// actual reduction is at least 1e-4 of the predicted one; Δ shrinks by
// a factor of 0.1 to 0.5 when the ratio is below 1/4 and doubles when it
// is above 3/4. The cost per iteration is one Jacobian (or n residual
// calls) and O(m·n²) for the factorization.
//
// Reference: J. J. Moré, "The Levenberg–Marquardt algorithm:
// implementation and theory", in Numerical Analysis, Lecture Notes in
// Mathematics 630, Springer, 1978, pp. 105–116; J. J. Moré, B. S.
// Garbow and K. E. Hillstrom, User Guide for MINPACK-1, Argonne
// ANL-80-74, 1980.
//
// jac may be nil. LeastSq returns an error for bad shapes or settings;
// a run that stops without converging returns a result with Success
// false and scipy's message.
func LeastSq(r Residuals, jac Jacobian, x0 []float64, m int, s *LeastSqSettings) (*LeastSqResult, error) {
	n := len(x0)
	if n == 0 || m < n {
		return nil, fmt.Errorf("optimize: leastsq needs 0 < n ≤ m, got n = %d variables and m = %d residuals", n, m)
	}
	var set LeastSqSettings
	if s != nil {
		set = *s
	}
	if set.FTol == 0 {
		set.FTol = 1.49012e-8
	}
	if set.XTol == 0 {
		set.XTol = 1.49012e-8
	}
	if set.MaxFev == 0 {
		set.MaxFev = 200 * (n + 1)
		if jac != nil {
			set.MaxFev = 100 * (n + 1)
		}
	}
	if set.EpsFcn == 0 {
		set.EpsFcn = leastsqEpsmch
	}
	if set.Factor == 0 {
		set.Factor = 100
	}
	if set.FTol < 0 || set.XTol < 0 || set.GTol < 0 || set.MaxFev < 0 || set.Factor < 0 {
		return nil, fmt.Errorf("optimize: leastsq tolerances, MaxFev and Factor must not be negative")
	}
	if set.Diag != nil {
		if len(set.Diag) != n {
			return nil, fmt.Errorf("optimize: leastsq Diag has length %d, want %d", len(set.Diag), n)
		}
		for _, d := range set.Diag {
			if !(d > 0) {
				return nil, fmt.Errorf("optimize: leastsq Diag must be positive")
			}
		}
	}
	res := leastsqLM(r, jac, x0, m, &set)
	leastsqReport(res, &set)
	return res, nil
}

// MINPACK's machine constants, enorm's thresholds for small and large
// components, and the fixed fractions of lmder and lmpar.
const (
	leastsqEpsmch = 0x1p-52   // dpmpar(1), the machine epsilon
	leastsqDwarf  = 0x1p-1022 // dpmpar(2), the smallest normal number
	leastsqRdwarf = 3.834e-20
	leastsqRgiant = 1.304e19
	leastsqP0001  = 1e-4 // the least ratio of actual to predicted reduction for a step
	leastsqP001   = 1e-3
	leastsqP05    = 0.05
	leastsqP1     = 0.1
	leastsqP25    = 0.25
	leastsqP5     = 0.5
	leastsqP75    = 0.75
	leastsqNaNIer = 0 // Ier for residuals or a Jacobian that are not finite
)

// leastsqLM is MINPACK's lmder, or lmdif when jac is nil, with settings
// already defaulted and checked. The Jacobian is kept column-major, as
// Fortran keeps it, so that each column is contiguous for qrfac.
func leastsqLM(r Residuals, jac Jacobian, x0 []float64, m int, set *LeastSqSettings) *LeastSqResult {
	n := len(x0)
	x := append([]float64(nil), x0...)
	fvec := make([]float64, m)
	a := make([]float64, m*n) // fjac(i, j) = a[i+j*m]
	rowJac := make([]float64, m*n)
	ipvt := make([]int, n)
	qtf := make([]float64, n)
	diag := make([]float64, n)
	wa1 := make([]float64, n)
	wa2 := make([]float64, n)
	wa3 := make([]float64, n)
	wa4 := make([]float64, m)
	res := &LeastSqResult{}
	done := func(ier int) *LeastSqResult {
		res.X = x
		res.Fvec = fvec
		res.Ier = ier
		res.Ipvt = ipvt
		res.Qtf = qtf
		res.Fjac = make([][]float64, n)
		for j := range res.Fjac {
			res.Fjac[j] = append([]float64(nil), a[j*m:(j+1)*m]...)
		}
		fn := leastsqEnorm(fvec)
		res.F = fn * fn
		return res
	}
	mode1 := set.Diag == nil
	if !mode1 {
		copy(diag, set.Diag)
	}

	r(x, fvec)
	res.FuncEvals = 1
	fnorm := leastsqEnorm(fvec)
	if !leastsqFinite(fvec) {
		return done(leastsqNaNIer)
	}
	par := 0.0
	var delta, xnorm float64
	for iter := 1; ; {
		// The Jacobian at x, column-major in a.
		if jac != nil {
			jac(x, rowJac)
			res.GradEvals++
			for i := 0; i < m; i++ {
				for j := 0; j < n; j++ {
					a[i+j*m] = rowJac[i*n+j]
				}
			}
		} else {
			leastsqFdjac2(r, x, fvec, a, wa4, set.EpsFcn)
			res.FuncEvals += n
		}
		if !leastsqFinite(a) {
			return done(leastsqNaNIer)
		}
		res.Iterations++

		// J·P = Q·R; wa1 gets R's diagonal, wa2 the column norms of J.
		leastsqQRFac(m, n, a, ipvt, wa1, wa2, wa3)
		if iter == 1 {
			if mode1 {
				for j := range diag {
					diag[j] = wa2[j]
					if wa2[j] == 0 {
						diag[j] = 1
					}
				}
			}
			for j := range wa3 {
				wa3[j] = diag[j] * x[j]
			}
			xnorm = leastsqEnorm(wa3)
			delta = set.Factor * xnorm
			if delta == 0 {
				delta = set.Factor
			}
		}

		// Qᵀ·fvec into qtf, and R back into a's upper triangle.
		copy(wa4, fvec)
		for j := 0; j < n; j++ {
			ajj := a[j+j*m]
			if ajj != 0 {
				sum := 0.0
				for i := j; i < m; i++ {
					sum += a[i+j*m] * wa4[i]
				}
				temp := -sum / ajj
				for i := j; i < m; i++ {
					wa4[i] += a[i+j*m] * temp
				}
			}
			a[j+j*m] = wa1[j]
			qtf[j] = wa4[j]
		}

		// The norm of the scaled gradient.
		gnorm := 0.0
		if fnorm != 0 {
			for j := 0; j < n; j++ {
				l := ipvt[j]
				if wa2[l] != 0 {
					sum := 0.0
					for i := 0; i <= j; i++ {
						sum += a[i+j*m] * (qtf[i] / fnorm)
					}
					gnorm = math.Max(gnorm, math.Abs(sum/wa2[l]))
				}
			}
		}
		if gnorm <= set.GTol {
			return done(4)
		}
		if mode1 {
			for j := range diag {
				diag[j] = math.Max(diag[j], wa2[j])
			}
		}

		for {
			// The Levenberg–Marquardt step p = wa1 within delta.
			par = leastsqLMPar(n, a, m, ipvt, diag, qtf, delta, par, wa1, wa2, wa3, wa4[:n])
			for j := 0; j < n; j++ {
				wa1[j] = -wa1[j]
				wa2[j] = x[j] + wa1[j]
				wa3[j] = diag[j] * wa1[j]
			}
			pnorm := leastsqEnorm(wa3)
			if iter == 1 {
				delta = math.Min(delta, pnorm)
			}
			r(wa2, wa4)
			res.FuncEvals++
			fnorm1 := leastsqEnorm(wa4)

			// Actual, predicted and directional reductions. A
			// non-finite fnorm1 fails the test below and counts as
			// no reduction, which shrinks the step.
			actred := -1.0
			if leastsqP1*fnorm1 < fnorm {
				actred = 1 - (fnorm1/fnorm)*(fnorm1/fnorm)
			}
			for j := 0; j < n; j++ {
				wa3[j] = 0
				temp := wa1[ipvt[j]]
				for i := 0; i <= j; i++ {
					wa3[i] += a[i+j*m] * temp
				}
			}
			temp1 := leastsqEnorm(wa3) / fnorm
			temp2 := math.Sqrt(par) * pnorm / fnorm
			prered := temp1*temp1 + temp2*temp2/leastsqP5
			dirder := -(temp1*temp1 + temp2*temp2)
			ratio := 0.0
			if prered != 0 {
				ratio = actred / prered
			}

			// Update the step bound.
			if ratio <= leastsqP25 {
				temp := leastsqP5
				if actred < 0 {
					temp = leastsqP5 * dirder / (dirder + leastsqP5*actred)
				}
				if leastsqP1*fnorm1 >= fnorm || temp < leastsqP1 {
					temp = leastsqP1
				}
				delta = temp * math.Min(delta, pnorm/leastsqP1)
				par /= temp
			} else if par == 0 || ratio >= leastsqP75 {
				delta = pnorm / leastsqP5
				par *= leastsqP5
			}

			if ratio >= leastsqP0001 {
				for j := 0; j < n; j++ {
					x[j] = wa2[j]
					wa2[j] = diag[j] * x[j]
				}
				copy(fvec, wa4)
				xnorm = leastsqEnorm(wa2)
				fnorm = fnorm1
				iter++
			}

			// Convergence, then the tests for tolerances too small.
			ftolMet := math.Abs(actred) <= set.FTol && prered <= set.FTol && leastsqP5*ratio <= 1
			xtolMet := delta <= set.XTol*xnorm
			switch {
			case ftolMet && xtolMet:
				return done(3)
			case ftolMet:
				return done(1)
			case xtolMet:
				return done(2)
			}
			info := 0
			if res.FuncEvals >= set.MaxFev {
				info = 5
			}
			if math.Abs(actred) <= leastsqEpsmch && prered <= leastsqEpsmch && leastsqP5*ratio <= 1 {
				info = 6
			}
			if delta <= leastsqEpsmch*xnorm {
				info = 7
			}
			if gnorm <= leastsqEpsmch {
				info = 8
			}
			if info != 0 {
				return done(info)
			}
			if ratio >= leastsqP0001 {
				break
			}
		}
	}
}

// leastsqReport fills in the status, scipy's message and, on success,
// the covariance factor cov_x.
func leastsqReport(res *LeastSqResult, set *LeastSqSettings) {
	switch res.Ier {
	case leastsqNaNIer:
		res.Status, res.Message = NotFinite, "The residuals or the Jacobian are not finite."
	case 1:
		res.Message = fmt.Sprintf("Both actual and predicted relative reductions in the sum of squares\n  are at most %f", set.FTol)
	case 2:
		res.Message = fmt.Sprintf("The relative error between two consecutive iterates is at most %f", set.XTol)
	case 3:
		res.Message = fmt.Sprintf("Both actual and predicted relative reductions in the sum of squares\n  are at most %f and the relative error between two consecutive iterates is at \n  most %f", set.FTol, set.XTol)
	case 4:
		res.Message = fmt.Sprintf("The cosine of the angle between func(x) and any column of the\n  Jacobian is at most %f in absolute value", set.GTol)
	case 5:
		res.Status, res.Message = MaxFuncEvals, fmt.Sprintf("Number of calls to function has reached maxfev = %d.", set.MaxFev)
	case 6:
		res.Status, res.Message = Failure, fmt.Sprintf("ftol=%f is too small, no further reduction in the sum of squares\n  is possible.", set.FTol)
	case 7:
		res.Status, res.Message = Failure, fmt.Sprintf("xtol=%f is too small, no further improvement in the approximate\n  solution is possible.", set.XTol)
	case 8:
		res.Status, res.Message = Failure, fmt.Sprintf("gtol=%f is too small, func(x) is orthogonal to the columns of\n  the Jacobian to machine precision.", set.GTol)
	}
	res.Success = res.Ier >= 1 && res.Ier <= 4
	if res.Success {
		res.Status = Success
		res.Cov = leastsqCov(res.Fjac, res.Ipvt)
	}
}

// leastsqCov is scipy's cov_x = (JᵀJ)⁻¹ = P·R⁻¹·R⁻ᵀ·Pᵀ from the R in
// fjac, or nil when R has a zero on its diagonal (LAPACK trtri's test).
func leastsqCov(fjac [][]float64, ipvt []int) [][]float64 {
	n := len(ipvt)
	// R⁻¹ by columns: R·inv[:, j] = e_j, upper triangular.
	inv := make([][]float64, n)
	for i := range inv {
		inv[i] = make([]float64, n)
	}
	for j := 0; j < n; j++ {
		if fjac[j][j] == 0 {
			return nil
		}
		for i := j; i >= 0; i-- {
			sum := 0.0
			if i == j {
				sum = 1
			}
			for k := i + 1; k <= j; k++ {
				sum -= fjac[k][i] * inv[k][j] // R(i,k) is fjac[k][i]
			}
			inv[i][j] = sum / fjac[i][i]
		}
	}
	// Row i of R⁻¹ is row ipvt[i] of P·R⁻¹.
	perm := make([][]float64, n)
	for i, l := range ipvt {
		perm[l] = inv[i]
	}
	cov := make([][]float64, n)
	for i := range cov {
		cov[i] = make([]float64, n)
		for j := range cov[i] {
			sum := 0.0
			for k := 0; k < n; k++ {
				sum += perm[i][k] * perm[j][k]
			}
			cov[i][j] = sum
		}
	}
	return cov
}

// leastsqFdjac2 is MINPACK's fdjac2: the forward-difference Jacobian at x,
// column-major into a, with steps sqrt(max(epsfcn, ε))·|x_j|.
func leastsqFdjac2(r Residuals, x, fvec, a, wa []float64, epsfcn float64) {
	m := len(fvec)
	eps := math.Sqrt(math.Max(epsfcn, leastsqEpsmch))
	for j := range x {
		temp := x[j]
		h := eps * math.Abs(temp)
		if h == 0 {
			h = eps
		}
		x[j] = temp + h
		r(x, wa)
		x[j] = temp
		for i := 0; i < m; i++ {
			a[i+j*m] = (wa[i] - fvec[i]) / h
		}
	}
}

// leastsqQRFac is MINPACK's qrfac with pivoting: Householder QR of the
// m×n column-major a, J·P = Q·R. On return a's upper triangle above the
// diagonal holds R, its lower part the Householder vectors, rdiag R's
// diagonal, acnorm the norms of J's columns and ipvt the permutation.
// Column norms are downdated as columns are eliminated and recomputed
// when cancellation makes the downdate inaccurate.
func leastsqQRFac(m, n int, a []float64, ipvt []int, rdiag, acnorm, wa []float64) {
	for j := 0; j < n; j++ {
		acnorm[j] = leastsqEnorm(a[j*m : (j+1)*m])
		rdiag[j] = acnorm[j]
		wa[j] = rdiag[j]
		ipvt[j] = j
	}
	minmn := min(m, n)
	for j := 0; j < minmn; j++ {
		kmax := j
		for k := j; k < n; k++ {
			if rdiag[k] > rdiag[kmax] {
				kmax = k
			}
		}
		if kmax != j {
			for i := 0; i < m; i++ {
				a[i+j*m], a[i+kmax*m] = a[i+kmax*m], a[i+j*m]
			}
			rdiag[kmax] = rdiag[j]
			wa[kmax] = wa[j]
			ipvt[j], ipvt[kmax] = ipvt[kmax], ipvt[j]
		}

		colj := a[j*m : (j+1)*m]
		ajnorm := leastsqEnorm(colj[j:])
		if ajnorm != 0 {
			if colj[j] < 0 {
				ajnorm = -ajnorm
			}
			for i := j; i < m; i++ {
				colj[i] /= ajnorm
			}
			colj[j]++
			for k := j + 1; k < n; k++ {
				colk := a[k*m : (k+1)*m]
				sum := 0.0
				for i := j; i < m; i++ {
					sum += colj[i] * colk[i]
				}
				temp := sum / colj[j]
				for i := j; i < m; i++ {
					colk[i] -= temp * colj[i]
				}
				if rdiag[k] != 0 {
					temp := colk[j] / rdiag[k]
					rdiag[k] *= math.Sqrt(math.Max(0, 1-temp*temp))
					if q := rdiag[k] / wa[k]; leastsqP05*q*q <= leastsqEpsmch {
						rdiag[k] = leastsqEnorm(colk[j+1:])
						wa[k] = rdiag[k]
					}
				}
			}
		}
		rdiag[j] = -ajnorm
	}
}

// leastsqLMPar is MINPACK's lmpar. Given R (upper triangle of the
// column-major r with leading dimension ldr), the permutation, the scales
// diag, qtb = Qᵀb and the bound delta, it finds par ≥ 0 such that the
// solution x of min ‖A·x − b‖² + par‖D·x‖² satisfies ‖D·x‖ within 10% of
// delta (or par = 0 with ‖D·x‖ ≤ 1.1·delta), starting from the previous
// par. It writes x and returns par; sdiag and the strict lower triangle
// of r receive the factor of the regularized system.
func leastsqLMPar(n int, r []float64, ldr int, ipvt []int, diag, qtb []float64, delta, par float64, x, sdiag, wa1, wa2 []float64) float64 {
	// The Gauss–Newton direction, least squares if R is singular.
	nsing := n
	for j := 0; j < n; j++ {
		wa1[j] = qtb[j]
		if r[j+j*ldr] == 0 && nsing == n {
			nsing = j
		}
		if nsing < n {
			wa1[j] = 0
		}
	}
	for j := nsing - 1; j >= 0; j-- {
		wa1[j] /= r[j+j*ldr]
		temp := wa1[j]
		for i := 0; i < j; i++ {
			wa1[i] -= r[i+j*ldr] * temp
		}
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa1[j]
	}

	iter := 0
	for j := 0; j < n; j++ {
		wa2[j] = diag[j] * x[j]
	}
	dxnorm := leastsqEnorm(wa2)
	fp := dxnorm - delta
	if fp <= leastsqP1*delta {
		return 0
	}

	// A lower bound parl for the zero of the secular function, when the
	// Jacobian has full rank.
	parl := 0.0
	if nsing >= n {
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			sum := 0.0
			for i := 0; i < j; i++ {
				sum += r[i+j*ldr] * wa1[i]
			}
			wa1[j] = (wa1[j] - sum) / r[j+j*ldr]
		}
		temp := leastsqEnorm(wa1)
		parl = fp / delta / temp / temp
	}

	// An upper bound paru.
	for j := 0; j < n; j++ {
		sum := 0.0
		for i := 0; i <= j; i++ {
			sum += r[i+j*ldr] * qtb[i]
		}
		wa1[j] = sum / diag[ipvt[j]]
	}
	gnorm := leastsqEnorm(wa1)
	paru := gnorm / delta
	if paru == 0 {
		paru = leastsqDwarf / math.Min(delta, leastsqP1)
	}

	par = math.Min(math.Max(par, parl), paru)
	if par == 0 {
		par = gnorm / dxnorm
	}
	for {
		iter++
		if par == 0 {
			par = math.Max(leastsqDwarf, leastsqP001*paru)
		}
		temp := math.Sqrt(par)
		for j := 0; j < n; j++ {
			wa1[j] = temp * diag[j]
		}
		leastsqQRSolv(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2)
		for j := 0; j < n; j++ {
			wa2[j] = diag[j] * x[j]
		}
		dxnorm = leastsqEnorm(wa2)
		temp = fp
		fp = dxnorm - delta
		if math.Abs(fp) <= leastsqP1*delta || (parl == 0 && fp <= temp && temp < 0) || iter == 10 {
			return par
		}

		// Newton's correction.
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			wa1[j] /= sdiag[j]
			temp := wa1[j]
			for i := j + 1; i < n; i++ {
				wa1[i] -= r[i+j*ldr] * temp
			}
		}
		temp = leastsqEnorm(wa1)
		parc := fp / delta / temp / temp
		if fp > 0 {
			parl = math.Max(parl, par)
		}
		if fp < 0 {
			paru = math.Min(paru, par)
		}
		par = math.Max(parl, par+parc)
	}
}

// leastsqQRSolv is MINPACK's qrsolv: given A·P = Q·R, a diagonal D and
// Qᵀb, it solves min ‖A·x − b‖² + ‖D·x‖² by Givens rotations that
// eliminate D from [R; Pᵀ·D·P], leaving the new triangular factor S in
// sdiag (its diagonal) and r's strict lower triangle (transposed).
func leastsqQRSolv(n int, r []float64, ldr int, ipvt []int, diag, qtb, x, sdiag, wa []float64) {
	for j := 0; j < n; j++ {
		for i := j; i < n; i++ {
			r[i+j*ldr] = r[j+i*ldr]
		}
		x[j] = r[j+j*ldr]
		wa[j] = qtb[j]
	}
	for j := 0; j < n; j++ {
		l := ipvt[j]
		if diag[l] != 0 {
			for k := j; k < n; k++ {
				sdiag[k] = 0
			}
			sdiag[j] = diag[l]
			qtbpj := 0.0
			for k := j; k < n; k++ {
				if sdiag[k] == 0 {
					continue
				}
				var sin, cos float64
				rkk := r[k+k*ldr]
				if math.Abs(rkk) < math.Abs(sdiag[k]) {
					cotan := rkk / sdiag[k]
					sin = leastsqP5 / math.Sqrt(leastsqP25+leastsqP25*cotan*cotan)
					cos = sin * cotan
				} else {
					tan := sdiag[k] / rkk
					cos = leastsqP5 / math.Sqrt(leastsqP25+leastsqP25*tan*tan)
					sin = cos * tan
				}
				r[k+k*ldr] = cos*rkk + sin*sdiag[k]
				temp := cos*wa[k] + sin*qtbpj
				qtbpj = -sin*wa[k] + cos*qtbpj
				wa[k] = temp
				for i := k + 1; i < n; i++ {
					temp := cos*r[i+k*ldr] + sin*sdiag[i]
					sdiag[i] = -sin*r[i+k*ldr] + cos*sdiag[i]
					r[i+k*ldr] = temp
				}
			}
		}
		sdiag[j] = r[j+j*ldr]
		r[j+j*ldr] = x[j]
	}

	nsing := n
	for j := 0; j < n; j++ {
		if sdiag[j] == 0 && nsing == n {
			nsing = j
		}
		if nsing < n {
			wa[j] = 0
		}
	}
	for j := nsing - 1; j >= 0; j-- {
		sum := 0.0
		for i := j + 1; i < nsing; i++ {
			sum += r[i+j*ldr] * wa[i]
		}
		wa[j] = (wa[j] - sum) / sdiag[j]
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa[j]
	}
}

// leastsqEnorm is MINPACK's enorm: the Euclidean norm of v, accumulated
// in three sums (small, intermediate and large components) so that it
// neither overflows nor underflows.
func leastsqEnorm(v []float64) float64 {
	var s1, s2, s3, x1max, x3max float64
	agiant := leastsqRgiant / float64(len(v))
	for _, xi := range v {
		xabs := math.Abs(xi)
		switch {
		case xabs > leastsqRdwarf && xabs < agiant:
			s2 += xabs * xabs
		case xabs <= leastsqRdwarf:
			if xabs > x3max {
				s3 = 1 + s3*(x3max/xabs)*(x3max/xabs)
				x3max = xabs
			} else if xabs != 0 {
				s3 += (xabs / x3max) * (xabs / x3max)
			}
		default:
			if xabs > x1max {
				s1 = 1 + s1*(x1max/xabs)*(x1max/xabs)
				x1max = xabs
			} else {
				s1 += (xabs / x1max) * (xabs / x1max)
			}
		}
	}
	switch {
	case s1 != 0:
		return x1max * math.Sqrt(s1+(s2/x1max)/x1max)
	case s2 != 0:
		if s2 >= x3max {
			return math.Sqrt(s2 * (1 + (x3max/s2)*(x3max*s3)))
		}
		return math.Sqrt(x3max * ((s2 / x3max) + (x3max * s3)))
	}
	return x3max * math.Sqrt(s3)
}

// leastsqFinite reports whether every element of v is finite.
func leastsqFinite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
