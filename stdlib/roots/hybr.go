package roots

import (
	"errors"
	"fmt"
	"math"

	"calc/stdlib/minpack"
)

// HybrSettings are the settings of Hybr, scipy's fsolve options.
type HybrSettings struct {
	// XTol ends the iteration when the relative error between two
	// consecutive iterates is at most XTol; zero means scipy's 1.49012e-8.
	XTol float64
	// MaxFuncEvals bounds the calls of f; zero means scipy's 200*(n+1) without
	// a Jacobian and 100*(n+1) with one.
	MaxFuncEvals int
	// EpsFcn is the relative error assumed in f for the forward-difference
	// Jacobian, whose step is sqrt(max(EpsFcn, eps))*|x_j|; zero means
	// eps, scipy's default.
	EpsFcn float64
	// Factor sets the initial trust radius Factor*‖diag·x0‖; zero means
	// scipy's 100.
	Factor float64
	// Diag holds positive scale factors for the variables; nil means
	// scaling by the norms of the Jacobian's columns, updated as they grow
	// (MINPACK's mode 1).
	Diag []float64
}

// SystemResult is what a solver of F(x) = 0 found and what it cost, with
// the fields of scipy's fsolve infodict and root's OptimizeResult.
type SystemResult struct {
	X    []float64
	Fvec []float64 // F(X)
	// Fjac is, for Hybr, the orthogonal factor Q of the QR factorization
	// of the final approximate Jacobian, stored as scipy returns it: the
	// row-major n by n array whose row i is column i of Q. For LM it is
	// scipy's fjac: row i holds column i of MINPACK's factored Jacobian
	// (R above the diagonal, Householder vectors below).
	Fjac []float64
	// R is Hybr's upper triangular factor, packed by rows (scipy's r).
	R []float64
	// Qtf is Qᵀ·Fvec (Hybr, LM).
	Qtf []float64
	// Ipvt is LM's column permutation, 1-based as in scipy.
	Ipvt []int
	NFev int // calls of F, as MINPACK counts them (the Jacobian's differences included)
	NJev int // calls of the Jacobian
	// Iterations counts the iterations of the quasi-Newton solvers
	// (scipy's nit).
	Iterations int
	// Ier is MINPACK's info for Hybr and LM (scipy's ier and status) and
	// the quasi-Newton solvers' status: 1 for success, 2 for too many
	// iterations.
	Ier     int
	Message string // scipy's message for Ier
	Success bool
}

// Hybr solves the system of n equations in n unknowns F(x) = 0 from x0 by
// the Powell hybrid method as implemented in MINPACK's hybrd (jac nil: a
// forward-difference Jacobian) and hybrj (jac given), which scipy's fsolve
// and root(method='hybr') call. Moré, Garbow and Hillstrom, "User Guide
// for MINPACK-1", ANL-80-74, 1980; M. J. D. Powell, "A hybrid method for
// nonlinear equations", in Numerical Methods for Nonlinear Algebraic
// Equations, P. Rabinowitz (ed.), Gordon and Breach 1970.
//
// Each iteration takes a dogleg step within a trust region, between the
// Gauss–Newton and scaled steepest-descent steps of the model built on the
// QR factorization J = QR. The factors are not recomputed after each step
// but updated by Broyden's rank-one formula with Givens rotations (O(n²)
// per step); the Jacobian is recomputed (n calls of F without jac) only
// when two steps in a row fail. f writes F(x) into fx; jac writes the
// Jacobian into j by rows, j[i*n+k] = ∂F_i/∂x_k.
//
// The result matches scipy's fsolve(full_output=True) call for call. Ier
// is MINPACK's info: 1 "The solution converged.", 2 too many calls, 3 xtol
// too small, 4 and 5 no progress (typical of a singular Jacobian or a
// system without solution); Success is Ier == 1. The error is a *NaNError
// when F or the Jacobian is not finite, or a settings error.
func Hybr(f func(x, fx []float64), jac func(x, j []float64), x0 []float64, s *HybrSettings) (res *SystemResult, err error) {
	n := len(x0)
	xtol, maxfev, epsfcn, factor := 1.49012e-8, 0, 0.0, 100.0
	var diag []float64
	if s != nil {
		if s.XTol != 0 {
			xtol = s.XTol
		}
		maxfev, epsfcn, diag = s.MaxFuncEvals, s.EpsFcn, s.Diag
		if s.Factor != 0 {
			factor = s.Factor
		}
	}
	if maxfev == 0 {
		maxfev = minpack.DefaultMaxFuncEvals(n, jac != nil)
	}
	switch {
	case n == 0:
		return nil, errors.New("the starting point is empty")
	case xtol < 0 || maxfev < 0 || factor <= 0:
		return nil, errors.New("Improper input parameters were entered.")
	case diag != nil && len(diag) != n:
		return nil, fmt.Errorf("diag has %d entries for %d unknowns", len(diag), n)
	}
	mode := 1
	if diag != nil {
		mode = 2
		for _, d := range diag {
			if !(d > 0) {
				return nil, errors.New("Improper input parameters were entered.")
			}
		}
		diag = append([]float64(nil), diag...)
	} else {
		diag = make([]float64, n)
	}

	sys := &system{f: f, jac: jac}
	x := append([]float64(nil), x0...)
	fvec := make([]float64, n)
	fjac := make([]float64, n*n)
	r := make([]float64, n*(n+1)/2)
	qtf := make([]float64, n)
	wa1, wa2, wa3, wa4 := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	var jrow []float64
	if jac != nil {
		jrow = make([]float64, n*n)
	}
	res = &SystemResult{X: x, Fvec: fvec, Fjac: fjac, R: r, Qtf: qtf}
	defer func() {
		res.NFev, res.NJev = sys.nfev, sys.njev
		res.Success = res.Ier == 1
		res.Message = hybrMessage(res.Ier, maxfev, xtol)
		if err != nil {
			res = nil
		}
	}()
	defer guard(&err)

	sys.eval(x, fvec)
	fnorm := minpack.Enorm(fvec)
	iter := 1
	var ncsuc, ncfail, nslow1, nslow2 int
	var delta, xnorm float64
	for {
		// The outer loop: compute the Jacobian and its QR factorization.
		jeval := true
		if jac == nil {
			minpack.FDJac2(mach, sys.eval, x, fvec, fjac, epsfcn, wa1)
		} else {
			sys.evalJac(x, fjac, jrow)
		}
		minpack.QRFac(mach, n, n, fjac, nil, wa1, wa2, wa3)
		if iter == 1 {
			// Scale by the column norms of the first Jacobian and set
			// the first trust radius.
			xnorm, delta = minpack.InitialStep(mode == 1, diag, wa2, x, factor, wa3)
		}
		// qtf = Qᵀ fvec.
		copy(qtf, fvec)
		for j := 0; j < n; j++ {
			if fjac[j+j*n] == 0 {
				continue
			}
			var sum float64
			for i := j; i < n; i++ {
				sum += fjac[i+j*n] * qtf[i]
			}
			temp := -sum / fjac[j+j*n]
			for i := j; i < n; i++ {
				qtf[i] += fjac[i+j*n] * temp
			}
		}
		// Copy R into r, packed by rows.
		for j := 0; j < n; j++ {
			l := j
			for i := 0; i < j; i++ {
				r[l] = fjac[i+j*n]
				l += n - i - 1
			}
			r[l] = wa1[j]
		}
		qform(n, n, fjac, wa1)
		if mode == 1 {
			for j := range diag {
				diag[j] = math.Max(diag[j], wa2[j])
			}
		}

		for {
			// The inner loop: a dogleg step p, tried at x + p.
			dogleg(n, r, diag, qtf, delta, wa1, wa2, wa3)
			for j := range x {
				wa1[j] = -wa1[j]
				wa2[j] = x[j] + wa1[j]
				wa3[j] = diag[j] * wa1[j]
			}
			pnorm := minpack.Enorm(wa3)
			if iter == 1 {
				delta = math.Min(delta, pnorm)
			}
			sys.eval(wa2, wa4)
			fnorm1 := minpack.Enorm(wa4)

			// The ratio of the actual to the predicted reduction.
			actred := -1.0
			if fnorm1 < fnorm {
				actred = 1 - sq(fnorm1/fnorm)
			}
			l := 0
			for i := 0; i < n; i++ {
				var sum float64
				for j := i; j < n; j++ {
					sum += r[l] * wa1[j]
					l++
				}
				wa3[i] = qtf[i] + sum
			}
			temp := minpack.Enorm(wa3)
			prered := 0.0
			if temp < fnorm {
				prered = 1 - sq(temp/fnorm)
			}
			ratio := 0.0
			if prered > 0 {
				ratio = actred / prered
			}

			// Update the trust radius.
			if ratio < 0.1 {
				ncsuc = 0
				ncfail++
				delta *= 0.5
			} else {
				ncfail = 0
				ncsuc++
				if ratio >= 0.5 || ncsuc > 1 {
					delta = math.Max(delta, pnorm/0.5)
				}
				if math.Abs(ratio-1) <= 0.1 {
					delta = pnorm / 0.5
				}
			}

			if ratio >= 1e-4 {
				// A successful iteration.
				for j := range x {
					x[j] = wa2[j]
					wa2[j] = diag[j] * x[j]
					fvec[j] = wa4[j]
				}
				xnorm = minpack.Enorm(wa2)
				fnorm = fnorm1
				iter++
			}

			// Progress and termination tests.
			nslow1++
			if actred >= 0.001 {
				nslow1 = 0
			}
			if jeval {
				nslow2++
			}
			if actred >= 0.1 {
				nslow2 = 0
			}
			if delta <= xtol*xnorm || fnorm == 0 {
				res.Ier = 1
				return res, nil
			}
			if sys.nfev >= maxfev {
				res.Ier = 2
			}
			if 0.1*math.Max(0.1*delta, pnorm) <= mach.Epsmch()*xnorm {
				res.Ier = 3
			}
			if nslow2 == 5 {
				res.Ier = 4
			}
			if nslow1 == 10 {
				res.Ier = 5
			}
			if res.Ier != 0 {
				return res, nil
			}
			if ncfail == 2 {
				break // recompute the Jacobian
			}

			// Broyden's rank-one update of the factors, and of qtf.
			for j := 0; j < n; j++ {
				var sum float64
				for i := 0; i < n; i++ {
					sum += fjac[i+j*n] * wa4[i]
				}
				wa2[j] = (sum - wa3[j]) / pnorm
				wa1[j] = diag[j] * ((diag[j] * wa1[j]) / pnorm)
				if ratio >= 1e-4 {
					qtf[j] = sum
				}
			}
			r1updt(n, n, r, wa1, wa2, wa3)
			r1mpyq(n, n, fjac, n, wa2, wa3)
			r1mpyq(1, n, qtf, 1, wa2, wa3)
			jeval = false
		}
	}
}

// hybrMessage is scipy's message for MINPACK's info from hybrd/hybrj.
func hybrMessage(info, maxfev int, xtol float64) string {
	switch info {
	case 1:
		return "The solution converged."
	case 2:
		return fmt.Sprintf("The number of calls to function has reached maxfev = %d.", maxfev)
	case 3:
		return fmt.Sprintf("xtol=%f is too small, no further improvement in the approximate\n  solution is possible.", xtol)
	case 4:
		return "The iteration is not making good progress, as measured by the \n  improvement from the last five Jacobian evaluations."
	case 5:
		return "The iteration is not making good progress, as measured by the \n  improvement from the last ten iterations."
	}
	return "An error occurred."
}

// r1updt computes, for the m by n lower trapezoidal matrix s (packed by
// columns), the m-vector u and the n-vector v, an orthogonal q such that
// (s + u vᵀ) q is again lower trapezoidal (MINPACK's r1updt), as a product
// of 2(n-1) Givens rotations whose encodings it leaves in v and w. Hybr
// calls it on Rᵀ, which makes it an update of R.
func r1updt(m, n int, s, u, v, w []float64) {
	// jj is the 1-based index of the last diagonal element.
	jj := (n*(2*m-n+1))/2 - (m - n)
	l := jj
	for i := n; i <= m; i++ {
		w[i-1] = s[l-1]
		l++
	}
	// Rotate v into a multiple of the n-th unit vector, introducing a
	// spike into w.
	for j := n - 1; j >= 1; j-- {
		jj -= m - j + 1
		w[j-1] = 0
		if v[j-1] == 0 {
			continue
		}
		cos, sin, tau := givens(v[n-1], v[j-1])
		v[n-1] = sin*v[j-1] + cos*v[n-1]
		v[j-1] = tau
		l = jj
		for i := j; i <= m; i++ {
			temp := cos*s[l-1] - sin*w[i-1]
			w[i-1] = sin*s[l-1] + cos*w[i-1]
			s[l-1] = temp
			l++
		}
	}
	// Add the spike from the rank-one update to w.
	for i := 0; i < m; i++ {
		w[i] += v[n-1] * u[i]
	}
	// Eliminate the spike.
	for j := 1; j <= n-1; j++ {
		if w[j-1] != 0 {
			cos, sin, tau := givens(s[jj-1], w[j-1])
			l = jj
			for i := j; i <= m; i++ {
				temp := cos*s[l-1] + sin*w[i-1]
				w[i-1] = -sin*s[l-1] + cos*w[i-1]
				s[l-1] = temp
				l++
			}
			w[j-1] = tau
		}
		jj += m - j + 1
	}
	l = jj
	for i := n; i <= m; i++ {
		s[l-1] = w[i-1]
		l++
	}
}

// givens is the rotation of r1updt that eliminates b against a, with tau,
// the encoding from which r1mpyq recovers it.
func givens(a, b float64) (cos, sin, tau float64) {
	if math.Abs(a) >= math.Abs(b) {
		tan := b / a
		cos = 0.5 / math.Sqrt(0.25+0.25*tan*tan)
		sin = cos * tan
		return cos, sin, sin
	}
	cotan := a / b
	sin = 0.5 / math.Sqrt(0.25+0.25*cotan*cotan)
	cos = sin * cotan
	tau = 1.0
	if math.Abs(cos)*mach.Giant() > 1 {
		tau = 1 / cos
	}
	return cos, sin, tau
}

// r1mpyq replaces the m by n matrix a (lda, by columns) by a·q, where q is
// the product of the Givens rotations encoded in v and w by r1updt
// (MINPACK's r1mpyq).
func r1mpyq(m, n int, a []float64, lda int, v, w []float64) {
	rot := func(t float64) (cos, sin float64) {
		if math.Abs(t) > 1 {
			cos = 1 / t
			return cos, math.Sqrt(1 - cos*cos)
		}
		return math.Sqrt(1 - t*t), t
	}
	for j := n - 2; j >= 0; j-- {
		cos, sin := rot(v[j])
		for i := 0; i < m; i++ {
			temp := cos*a[i+j*lda] - sin*a[i+(n-1)*lda]
			a[i+(n-1)*lda] = sin*a[i+j*lda] + cos*a[i+(n-1)*lda]
			a[i+j*lda] = temp
		}
	}
	for j := 0; j < n-1; j++ {
		cos, sin := rot(w[j])
		for i := 0; i < m; i++ {
			temp := cos*a[i+j*lda] + sin*a[i+(n-1)*lda]
			a[i+(n-1)*lda] = -sin*a[i+j*lda] + cos*a[i+(n-1)*lda]
			a[i+j*lda] = temp
		}
	}
}
