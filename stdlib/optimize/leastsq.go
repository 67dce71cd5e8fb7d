package optimize

import (
	"fmt"
	"math"

	"calc/stdlib/minpack"
)

// LeastSqSettings tunes LeastSq: MINPACK's options, the zero value
// meaning scipy.optimize.leastsq's defaults.
type LeastSqSettings = minpack.LMOptions

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
	// Ier is MINPACK's info, scipy's ier: 1–4 converged, 5 hit MaxFuncEvals,
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
	set = set.WithDefaults(n, jac != nil)
	if set.FTol < 0 || set.XTol < 0 || set.GTol < 0 || set.MaxFuncEvals < 0 || set.Factor < 0 {
		return nil, fmt.Errorf("optimize: leastsq tolerances, MaxFuncEvals and Factor must not be negative")
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

const (
	leastsqEpsmch = 0x1p-52 // MINPACK's dpmpar(1) as minpack.Exact has it
	leastsqNaNIer = 0       // Ier for residuals or a Jacobian that are not finite
)

// leastsqLM is MINPACK's lmder, or lmdif when jac is nil, with settings
// already defaulted and checked, in exact IEEE constants, stopping on
// residuals or a Jacobian that are not finite.
func leastsqLM(r Residuals, jac Jacobian, x0 []float64, m int, set *LeastSqSettings) *LeastSqResult {
	out := minpack.LMDer(r, jac, x0, m, &minpack.LMSettings{LMOptions: *set, Machine: minpack.Exact, StopIfNotFinite: true})
	n := len(x0)
	res := &LeastSqResult{Fvec: out.Fvec, Ipvt: out.Ipvt, Qtf: out.Qtf, Ier: out.Info}
	res.X = out.X
	res.Iterations, res.FuncEvals, res.GradEvals = out.Iterations, out.NFev, out.NJev
	res.Fjac = make([][]float64, n)
	for j := range res.Fjac {
		res.Fjac[j] = out.Fjac[j*m : (j+1)*m : (j+1)*m]
	}
	fn := minpack.Enorm(out.Fvec)
	res.F = fn * fn
	return res
}

// leastsqReport fills in the status, scipy's message and, on success,
// the covariance factor cov_x.
func leastsqReport(res *LeastSqResult, set *LeastSqSettings) {
	switch res.Ier {
	case leastsqNaNIer:
		res.Status, res.Message = NotFinite, "The residuals or the Jacobian are not finite."
	default:
		res.Message = minpack.LMMessage(res.Ier, set.MaxFuncEvals, set.FTol, set.XTol, set.GTol)
		switch res.Ier {
		case 5:
			res.Status = MaxFuncEvals
		case 6, 7, 8:
			res.Status = Failure
		}
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

// leastsqFinite reports whether every element of v is finite.
func leastsqFinite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
