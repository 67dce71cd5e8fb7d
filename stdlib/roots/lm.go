package roots

import (
	"errors"
	"fmt"
	"math"
)

// LMSettings are the settings of LM, scipy's root(method='lm') options.
type LMSettings struct {
	// FTol ends the iteration when the actual and predicted relative
	// reductions of the sum of squares are at most FTol; zero means
	// scipy's 1.49012e-8.
	FTol float64
	// XTol ends the iteration when the relative error between two
	// consecutive iterates is at most XTol; zero means scipy's 1.49012e-8.
	XTol float64
	// GTol ends the iteration when the cosine of the angle between F and
	// every column of the Jacobian is at most GTol; zero is scipy's
	// default.
	GTol float64
	// MaxFev bounds the calls of F; zero means scipy's 200*(n+1) without
	// a Jacobian and 100*(n+1) with one.
	MaxFev int
	// EpsFcn, Factor and Diag are as in HybrSettings (defaults eps, 100
	// and scaling by the Jacobian's column norms).
	EpsFcn float64
	Factor float64
	Diag   []float64
}

// LM solves F(x) = 0, F from Rⁿ to Rⁿ, by minimizing ‖F(x)‖² with the
// Levenberg–Marquardt method as implemented in MINPACK's lmdif (jac nil:
// a forward-difference Jacobian) and lmder (jac given), which scipy's
// root(method='lm') calls through leastsq. J. J. Moré, "The
// Levenberg–Marquardt algorithm: implementation and theory", in Numerical
// Analysis, G. A. Watson (ed.), Lecture Notes in Mathematics 630,
// Springer 1977, 105–116; Moré, Garbow and Hillstrom, "User Guide for
// MINPACK-1", 1980.
//
// Each iteration factors the Jacobian with column pivoting (O(n³)), then
// finds the Levenberg–Marquardt parameter whose step fits the trust
// region (lmpar, a few O(n²) solves) and tries it, shrinking the region
// until the step succeeds. f and jac are as for Hybr.
//
// The result matches scipy's root(method='lm') call for call. Ier is
// MINPACK's info (scipy's status): 1 to 4 are successes (the sum of squares,
// the step or the gradient is small), 5 too many calls, 6 to 8 tolerances
// too small to make progress. Note that a success means a local minimum
// of ‖F‖, which need not be a root when the system has none: check Fvec.
// The error is a *NaNError when F or the Jacobian is not finite, or a
// settings error.
func LM(f func(x, fx []float64), jac func(x, j []float64), x0 []float64, s *LMSettings) (res *SystemResult, err error) {
	n := len(x0)
	m := n
	ftol, xtol, gtol, maxfev, epsfcn, factor := 1.49012e-8, 1.49012e-8, 0.0, 0, 0.0, 100.0
	var diag []float64
	if s != nil {
		if s.FTol != 0 {
			ftol = s.FTol
		}
		if s.XTol != 0 {
			xtol = s.XTol
		}
		gtol, maxfev, epsfcn, diag = s.GTol, s.MaxFev, s.EpsFcn, s.Diag
		if s.Factor != 0 {
			factor = s.Factor
		}
	}
	if maxfev == 0 {
		maxfev = 200 * (n + 1)
		if jac != nil {
			maxfev = 100 * (n + 1)
		}
	}
	switch {
	case n == 0:
		return nil, errors.New("the starting point is empty")
	case ftol < 0 || xtol < 0 || gtol < 0 || maxfev < 0 || factor <= 0:
		return nil, errors.New("Improper input parameters.")
	case diag != nil && len(diag) != n:
		return nil, fmt.Errorf("diag has %d entries for %d unknowns", len(diag), n)
	}
	mode := 1
	if diag != nil {
		mode = 2
		for _, d := range diag {
			if !(d > 0) {
				return nil, errors.New("Improper input parameters.")
			}
		}
		diag = append([]float64(nil), diag...)
	} else {
		diag = make([]float64, n)
	}

	sys := &system{f: f, jac: jac}
	x := append([]float64(nil), x0...)
	fvec := make([]float64, m)
	fjac := make([]float64, m*n)
	qtf := make([]float64, n)
	ipvt := make([]int, n)
	wa1, wa2, wa3, wa4 := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, m)
	var jrow []float64
	if jac != nil {
		jrow = make([]float64, m*n)
	}
	res = &SystemResult{X: x, Fvec: fvec, Fjac: fjac, Qtf: qtf}
	defer func() {
		res.NFev, res.NJev = sys.nfev, sys.njev
		res.Success = res.Ier >= 1 && res.Ier <= 4
		res.Message = lmMessage(res.Ier, maxfev, ftol, xtol, gtol)
		res.Ipvt = make([]int, n)
		for j, p := range ipvt {
			res.Ipvt[j] = p + 1
		}
		if err != nil {
			res = nil
		}
	}()
	defer guard(&err)

	sys.eval(x, fvec)
	fnorm := enorm(fvec)
	par := 0.0
	iter := 1
	var delta, xnorm float64
	for {
		// The outer loop: the Jacobian and its pivoted QR factorization.
		if jac == nil {
			sys.fdjac(x, fvec, fjac, epsfcn, wa4)
		} else {
			sys.evalJac(x, fjac, jrow)
		}
		qrfac(m, n, fjac, ipvt, wa1, wa2, wa3)
		if iter == 1 {
			if mode == 1 {
				for j := range diag {
					diag[j] = wa2[j]
					if wa2[j] == 0 {
						diag[j] = 1
					}
				}
			}
			for j := range x {
				wa3[j] = diag[j] * x[j]
			}
			xnorm = enorm(wa3)
			delta = factor * xnorm
			if delta == 0 {
				delta = factor
			}
		}
		// qtf = the first n components of Qᵀ fvec.
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
		if gnorm <= gtol {
			res.Ier = 4
			return res, nil
		}
		if mode == 1 {
			for j := range diag {
				diag[j] = math.Max(diag[j], wa2[j])
			}
		}

		for {
			// The inner loop: the Levenberg–Marquardt step for the
			// current trust region, tried at x + p.
			par = lmpar(n, fjac, m, ipvt, diag, qtf, delta, par, wa1, wa2, wa3, wa4)
			for j := range x {
				wa1[j] = -wa1[j]
				wa2[j] = x[j] + wa1[j]
				wa3[j] = diag[j] * wa1[j]
			}
			pnorm := enorm(wa3)
			if iter == 1 {
				delta = math.Min(delta, pnorm)
			}
			sys.eval(wa2, wa4)
			fnorm1 := enorm(wa4)

			// The scaled actual and predicted reductions and the
			// directional derivative.
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
			temp1 := enorm(wa3) / fnorm
			temp2 := (math.Sqrt(par) * pnorm) / fnorm
			prered := sq(temp1) + sq(temp2)/0.5
			dirder := -(sq(temp1) + sq(temp2))
			ratio := 0.0
			if prered != 0 {
				ratio = actred / prered
			}

			// Update the trust region and the parameter.
			if ratio <= 0.25 {
				var temp float64
				if actred >= 0 {
					temp = 0.5
				} else {
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
				xnorm = enorm(wa2)
				fnorm = fnorm1
				iter++
			}

			// Convergence and termination tests.
			small := math.Abs(actred) <= ftol && prered <= ftol && 0.5*ratio <= 1
			if small {
				res.Ier = 1
			}
			if delta <= xtol*xnorm {
				res.Ier = 2
				if small {
					res.Ier = 3
				}
			}
			if res.Ier != 0 {
				return res, nil
			}
			if sys.nfev >= maxfev {
				res.Ier = 5
			}
			if math.Abs(actred) <= epsmch && prered <= epsmch && 0.5*ratio <= 1 {
				res.Ier = 6
			}
			if delta <= epsmch*xnorm {
				res.Ier = 7
			}
			if gnorm <= epsmch {
				res.Ier = 8
			}
			if res.Ier != 0 {
				return res, nil
			}
			if ratio >= 1e-4 {
				break
			}
		}
	}
}

// lmMessage is scipy's leastsq message for MINPACK's info from
// lmdif/lmder.
func lmMessage(info, maxfev int, ftol, xtol, gtol float64) string {
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

// lmpar determines the Levenberg–Marquardt parameter par (MINPACK's
// lmpar): given the pivoted factorization AP = QR in r (n by n, ldr, by
// columns, as qrfac leaves it), the scaling diag, qtb = Qᵀb and the trust
// radius delta, it returns par >= 0 and in x the solution of
// min ‖Ax - b‖² + par‖Dx‖² such that par = 0 and ‖Dx‖ <= 1.1 delta, or
// par > 0 and |‖Dx‖ - delta| <= 0.1 delta. It takes at most ten
// iterations of a safeguarded Newton method on ‖Dx(par)‖ = delta (Moré
// 1977, §5), each an O(n²) call of qrsolv. sdiag, wa1 and wa2 are scratch;
// on return sdiag holds the diagonal of the factor S of qrsolv.
func lmpar(n int, r []float64, ldr int, ipvt []int, diag, qtb []float64, delta, par float64, x, sdiag, wa1, wa2 []float64) float64 {
	// The Gauss–Newton direction, a least-squares solution if the
	// Jacobian is rank-deficient.
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

	// Accept the Gauss–Newton direction if it fits the region.
	iter := 0
	for j := 0; j < n; j++ {
		wa2[j] = diag[j] * x[j]
	}
	dxnorm := enorm(wa2[:n])
	fp := dxnorm - delta
	if fp <= 0.1*delta {
		return 0
	}

	// A lower bound parl for the zero of φ(par) = ‖Dx‖ - delta, from the
	// Newton step when the Jacobian has full rank.
	parl := 0.0
	if nsing >= n {
		for j := 0; j < n; j++ {
			l := ipvt[j]
			wa1[j] = diag[l] * (wa2[l] / dxnorm)
		}
		for j := 0; j < n; j++ {
			var sum float64
			for i := 0; i < j; i++ {
				sum += r[i+j*ldr] * wa1[i]
			}
			wa1[j] = (wa1[j] - sum) / r[j+j*ldr]
		}
		temp := enorm(wa1[:n])
		parl = ((fp / delta) / temp) / temp
	}
	// An upper bound paru.
	for j := 0; j < n; j++ {
		var sum float64
		for i := 0; i <= j; i++ {
			sum += r[i+j*ldr] * qtb[i]
		}
		wa1[j] = sum / diag[ipvt[j]]
	}
	gnorm := enorm(wa1[:n])
	paru := gnorm / delta
	if paru == 0 {
		paru = dwarf / math.Min(delta, 0.1)
	}
	par = math.Min(math.Max(par, parl), paru)
	if par == 0 {
		par = gnorm / dxnorm
	}

	for {
		iter++
		if par == 0 {
			par = math.Max(dwarf, 0.001*paru)
		}
		temp := math.Sqrt(par)
		for j := 0; j < n; j++ {
			wa1[j] = temp * diag[j]
		}
		qrsolv(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2)
		for j := 0; j < n; j++ {
			wa2[j] = diag[j] * x[j]
		}
		dxnorm = enorm(wa2[:n])
		temp = fp
		fp = dxnorm - delta
		if math.Abs(fp) <= 0.1*delta || parl == 0 && fp <= temp && temp < 0 || iter == 10 {
			return par
		}
		// The Newton correction.
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
		temp = enorm(wa1[:n])
		parc := ((fp / delta) / temp) / temp
		if fp > 0 {
			parl = math.Max(parl, par)
		}
		if fp < 0 {
			paru = math.Min(paru, par)
		}
		par = math.Max(parl, par+parc)
	}
}

// qrsolv solves min ‖Ax - b‖² + ‖Dx‖² given the pivoted factorization
// AP = QR (MINPACK's qrsolv): Givens rotations eliminate D from
// [R; PᵀDP], giving the triangular S with SᵀS = Pᵀ(AᵀA + DD)P, stored in
// the strict lower triangle of r and in sdiag; r's upper triangle and
// diagonal are kept. A singular S yields a least-squares solution. wa is
// scratch. Cost: O(n²).
func qrsolv(n int, r []float64, ldr int, ipvt []int, diag, qtb, x, sdiag, wa []float64) {
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
			// The rotations eliminating row j of D modify a single
			// element of Qᵀb beyond the first n, initially zero.
			qtbpj := 0.0
			for k := j; k < n; k++ {
				if sdiag[k] == 0 {
					continue
				}
				var cos, sin float64
				if math.Abs(r[k+k*ldr]) < math.Abs(sdiag[k]) {
					cotan := r[k+k*ldr] / sdiag[k]
					sin = 0.5 / math.Sqrt(0.25+0.25*cotan*cotan)
					cos = sin * cotan
				} else {
					tan := sdiag[k] / r[k+k*ldr]
					cos = 0.5 / math.Sqrt(0.25+0.25*tan*tan)
					sin = cos * tan
				}
				r[k+k*ldr] = cos*r[k+k*ldr] + sin*sdiag[k]
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
	// Solve the triangular system, by least squares if it is singular.
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
		var sum float64
		for i := j + 1; i < nsing; i++ {
			sum += r[i+j*ldr] * wa[i]
		}
		wa[j] = (wa[j] - sum) / sdiag[j]
	}
	for j := 0; j < n; j++ {
		x[ipvt[j]] = wa[j]
	}
}
