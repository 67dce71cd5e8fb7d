package minpack

import (
	"fmt"
	"math"
)

// LMOptions are the tunable inputs of MINPACK's Levenberg–Marquardt code
// (lmder, lmdif) as scipy's leastsq and root(method='lm') take them. LMDer
// reads every field as given; WithDefaults puts scipy's defaults in place
// of the zero ones.
type LMOptions struct {
	// FTol stops when both the actual and the predicted relative
	// reductions of the sum of squares are at most FTol (info 1).
	// scipy's default is 1.49012e-8.
	FTol float64
	// XTol stops when the relative error between two consecutive
	// iterates is at most XTol (info 2). scipy's default is 1.49012e-8.
	XTol float64
	// GTol stops when the cosine of the angle between the residuals and
	// every column of the Jacobian is at most GTol in absolute value
	// (info 4). scipy's default, 0, disables the test.
	GTol float64
	// MaxFuncEvals caps the calls of the residuals, the finite
	// differences included (info 5). scipy's default is
	// DefaultMaxFuncEvals.
	MaxFuncEvals int
	// EpsFcn sets the forward-difference step when there is no
	// Jacobian: h = sqrt(max(EpsFcn, ε))·|x_j|, or that square root when
	// x_j is zero (see FDJac2). Zero means ε, the machine epsilon, as in
	// scipy.
	EpsFcn float64
	// Factor sets the initial step bound Factor·‖D·x0‖, or Factor when
	// that is zero. scipy's default is 100.
	Factor float64
	// Diag holds positive scale factors for the variables (mode 2); nil
	// means mode 1, the norms of the Jacobian's columns, updated as
	// they grow, as scipy does.
	Diag []float64
}

// WithDefaults returns o with scipy's defaults for n variables in place
// of its zero fields: FTol and XTol 1.49012e-8, MaxFuncEvals
// DefaultMaxFuncEvals(n, jac) where jac says whether a Jacobian is given,
// and Factor 100.
func (o LMOptions) WithDefaults(n int, jac bool) LMOptions {
	if o.FTol == 0 {
		o.FTol = 1.49012e-8
	}
	if o.XTol == 0 {
		o.XTol = 1.49012e-8
	}
	if o.MaxFuncEvals == 0 {
		o.MaxFuncEvals = DefaultMaxFuncEvals(n, jac)
	}
	if o.Factor == 0 {
		o.Factor = 100
	}
	return o
}

// LMSettings are the inputs of LMDer besides the problem: the options,
// which have no defaults here (the caller passes every value), and how
// MINPACK's machine constants and non-finite values are treated.
type LMSettings struct {
	LMOptions
	// Machine chooses the constants of dpmpar.
	Machine Machine
	// StopIfNotFinite makes LMDer return info 0 when the residuals at x0
	// or a Jacobian are not finite, as MINPACK, which assumes finite
	// values, does not.
	StopIfNotFinite bool
}

// LMResult is MINPACK's output of lmder and lmdif.
type LMResult struct {
	X    []float64 // the final iterate
	Fvec []float64 // the residuals at X
	// Fjac is the m×n factored Jacobian by columns: R above the
	// diagonal in J·P = Q·R, the Householder vectors below it.
	Fjac []float64
	Ipvt []int     // the permutation P: column j of J·P is column Ipvt[j] of J
	Qtf  []float64 // the first n elements of Qᵀ·Fvec
	// Info is MINPACK's info: 1–4 converged, 5 reached MaxFuncEvals, 6–8
	// tolerances too small to make progress; 0 when StopIfNotFinite
	// stopped the run.
	Info       int
	NFev       int // calls of the residuals, differences included
	NJev       int // calls of the Jacobian
	Iterations int // Jacobians computed
}

// LMDer minimizes the sum of squares of m residuals fcn(x) of n ≤ m
// variables from x0 by the Levenberg–Marquardt method as MINPACK's lmder
// (jac given) and lmdif (jac nil: forward differences by FDJac2)
// implement it. fcn writes the residuals into fvec; jac writes the
// Jacobian by rows, jac[i*n+j] = ∂f_i/∂x_j. The settings must be valid.
//
// Each outer iteration factors the Jacobian J·P = Q·R (QRFac), then the
// inner iteration finds the Levenberg–Marquardt parameter λ for which the
// step p solving min ‖J·p + f‖² + λ‖D·p‖² has ‖D·p‖ ≈ Δ (LMPar). A step
// is taken when the actual reduction is at least 1e-4 of the predicted
// one; Δ shrinks by a factor of 0.1 to 0.5 when the ratio is below 1/4
// and doubles when it is above 3/4. The cost per iteration is one
// Jacobian (or n residual calls) and O(m·n²) for the factorization.
//
// Reference: J. J. Moré, "The Levenberg–Marquardt algorithm:
// implementation and theory", in Numerical Analysis, G. A. Watson (ed.),
// Lecture Notes in Mathematics 630, Springer, 1978, pp. 105–116; Moré,
// Garbow and Hillstrom, User Guide for MINPACK-1, ANL-80-74, 1980.
func LMDer(fcn func(x, fvec []float64), jac func(x, rows []float64), x0 []float64, m int, s *LMSettings) *LMResult {
	n := len(x0)
	epsmch := s.Machine.Epsmch()
	x := append([]float64(nil), x0...)
	fvec := make([]float64, m)
	fjac := make([]float64, m*n)
	qtf := make([]float64, n)
	ipvt := make([]int, n)
	wa1, wa2, wa3, wa4 := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, m)
	var rows []float64
	if jac != nil {
		rows = make([]float64, m*n)
	}
	diag := make([]float64, n)
	mode1 := s.Diag == nil
	if !mode1 {
		copy(diag, s.Diag)
	}
	res := &LMResult{X: x, Fvec: fvec, Fjac: fjac, Ipvt: ipvt, Qtf: qtf}
	eval := func(x, fvec []float64) {
		fcn(x, fvec)
		res.NFev++
	}

	eval(x, fvec)
	fnorm := Enorm(fvec)
	if s.StopIfNotFinite && !finite(fvec) {
		return res
	}
	par := 0.0
	iter := 1
	var delta, xnorm float64
	for {
		// The outer loop: the Jacobian and its pivoted QR factorization.
		if jac != nil {
			jac(x, rows)
			res.NJev++
			ColumnMajor(m, n, fjac, rows)
		} else {
			FDJac2(s.Machine, eval, x, fvec, fjac, s.EpsFcn, wa4)
		}
		if s.StopIfNotFinite && !finite(fjac) {
			return res
		}
		res.Iterations++
		QRFac(s.Machine, m, n, fjac, ipvt, wa1, wa2, wa3)
		if iter == 1 {
			xnorm, delta = InitialStep(mode1, diag, wa2, x, s.Factor, wa3)
		}
		// qtf = the first n components of Qᵀ fvec, and R back into
		// fjac's upper triangle.
		copy(wa4, fvec)
		for j := 0; j < n; j++ {
			if fjac[j+j*m] != 0 {
				var sum float64
				for i := j; i < m; i++ {
					sum += fjac[i+j*m] * wa4[i]
				}
				temp := -sum / fjac[j+j*m]
				for i := j; i < m; i++ {
					wa4[i] += fjac[i+j*m] * temp
				}
			}
			fjac[j+j*m] = wa1[j]
			qtf[j] = wa4[j]
		}
		// The norm of the scaled gradient.
		gnorm := 0.0
		if fnorm != 0 {
			for j := 0; j < n; j++ {
				l := ipvt[j]
				if wa2[l] == 0 {
					continue
				}
				var sum float64
				for i := 0; i <= j; i++ {
					sum += fjac[i+j*m] * (qtf[i] / fnorm)
				}
				gnorm = math.Max(gnorm, math.Abs(sum/wa2[l]))
			}
		}
		if gnorm <= s.GTol {
			res.Info = 4
			return res
		}
		if mode1 {
			for j := range diag {
				diag[j] = math.Max(diag[j], wa2[j])
			}
		}

		for {
			// The inner loop: the Levenberg–Marquardt step for the
			// current trust region, tried at x + p.
			par = LMPar(s.Machine, n, fjac, m, ipvt, diag, qtf, delta, par, wa1, wa2, wa3, wa4)
			for j := range x {
				wa1[j] = -wa1[j]
				wa2[j] = x[j] + wa1[j]
				wa3[j] = diag[j] * wa1[j]
			}
			pnorm := Enorm(wa3)
			if iter == 1 {
				delta = math.Min(delta, pnorm)
			}
			eval(wa2, wa4)
			fnorm1 := Enorm(wa4)

			// The scaled actual and predicted reductions and the
			// directional derivative. A non-finite fnorm1 fails the
			// test and counts as no reduction, which shrinks the step.
			actred := -1.0
			if 0.1*fnorm1 < fnorm {
				actred = 1 - sq(fnorm1/fnorm)
			}
			for j := 0; j < n; j++ {
				wa3[j] = 0
				temp := wa1[ipvt[j]]
				for i := 0; i <= j; i++ {
					wa3[i] += fjac[i+j*m] * temp
				}
			}
			temp1 := Enorm(wa3) / fnorm
			temp2 := (math.Sqrt(par) * pnorm) / fnorm
			prered := sq(temp1) + sq(temp2)/0.5
			dirder := -(sq(temp1) + sq(temp2))
			ratio := 0.0
			if prered != 0 {
				ratio = actred / prered
			}

			// Update the trust region and the parameter.
			if ratio <= 0.25 {
				temp := 0.5
				if actred < 0 {
					temp = 0.5 * dirder / (dirder + 0.5*actred)
				}
				if 0.1*fnorm1 >= fnorm || temp < 0.1 {
					temp = 0.1
				}
				delta = temp * math.Min(delta, pnorm/0.1)
				par /= temp
			} else if par == 0 || ratio >= 0.75 {
				delta = pnorm / 0.5
				par *= 0.5
			}

			if ratio >= 1e-4 {
				// A successful iteration.
				for j := range x {
					x[j] = wa2[j]
					wa2[j] = diag[j] * x[j]
				}
				copy(fvec, wa4)
				xnorm = Enorm(wa2)
				fnorm = fnorm1
				iter++
			}

			// Convergence, then the tests for tolerances too small.
			ftolMet := math.Abs(actred) <= s.FTol && prered <= s.FTol && 0.5*ratio <= 1
			xtolMet := delta <= s.XTol*xnorm
			switch {
			case ftolMet && xtolMet:
				res.Info = 3
			case ftolMet:
				res.Info = 1
			case xtolMet:
				res.Info = 2
			}
			if res.Info != 0 {
				return res
			}
			if res.NFev >= s.MaxFuncEvals {
				res.Info = 5
			}
			if math.Abs(actred) <= epsmch && prered <= epsmch && 0.5*ratio <= 1 {
				res.Info = 6
			}
			if delta <= epsmch*xnorm {
				res.Info = 7
			}
			if gnorm <= epsmch {
				res.Info = 8
			}
			if res.Info != 0 {
				return res
			}
			if ratio >= 1e-4 {
				break
			}
		}
	}
}

// DefaultMaxFuncEvals is scipy's default bound on the calls of the residuals
// of n variables: 100·(n+1) with a Jacobian, 200·(n+1) without one, when
// each Jacobian costs n more calls.
func DefaultMaxFuncEvals(n int, jac bool) int {
	if jac {
		return 100 * (n + 1)
	}
	return 200 * (n + 1)
}

// InitialStep is the first iteration's scaling of lmder and hybrd: in
// mode 1 (mode1 true) diag becomes the column norms acnorm of the first
// Jacobian, with 1 for a zero column; then it returns xnorm = ‖D·x‖ and
// the initial step bound delta = factor·xnorm, or factor when that is
// zero. wa has length n.
func InitialStep(mode1 bool, diag, acnorm, x []float64, factor float64, wa []float64) (xnorm, delta float64) {
	if mode1 {
		for j := range diag {
			diag[j] = acnorm[j]
			if acnorm[j] == 0 {
				diag[j] = 1
			}
		}
	}
	for j := range x {
		wa[j] = diag[j] * x[j]
	}
	xnorm = Enorm(wa)
	delta = factor * xnorm
	if delta == 0 {
		delta = factor
	}
	return xnorm, delta
}

// LMMessage is scipy.optimize.leastsq's message for lmder's or lmdif's
// info; maxfev and the tolerances are the ones the run used.
func LMMessage(info, maxfev int, ftol, xtol, gtol float64) string {
	switch info {
	case 1:
		return fmt.Sprintf("Both actual and predicted relative reductions in the sum of squares\n  are at most %f", ftol)
	case 2:
		return fmt.Sprintf("The relative error between two consecutive iterates is at most %f", xtol)
	case 3:
		return fmt.Sprintf("Both actual and predicted relative reductions in the sum of squares\n  are at most %f and the relative error between two consecutive iterates is at \n  most %f", ftol, xtol)
	case 4:
		return fmt.Sprintf("The cosine of the angle between func(x) and any column of the\n  Jacobian is at most %f in absolute value", gtol)
	case 5:
		return fmt.Sprintf("Number of calls to function has reached maxfev = %d.", maxfev)
	case 6:
		return fmt.Sprintf("ftol=%f is too small, no further reduction in the sum of squares\n  is possible.", ftol)
	case 7:
		return fmt.Sprintf("xtol=%f is too small, no further improvement in the approximate\n  solution is possible.", xtol)
	case 8:
		return fmt.Sprintf("gtol=%f is too small, func(x) is orthogonal to the columns of\n  the Jacobian to machine precision.", gtol)
	}
	return "Improper input parameters."
}

// finite reports whether every element of v is finite.
func finite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
