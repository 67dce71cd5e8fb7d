// Package minpack holds calc's translation of the MINPACK kernels that
// stdlib/optimize and stdlib/roots share: the machine constants (dpmpar),
// the overflow-safe norm (enorm), the forward-difference Jacobian
// (fdjac2), Householder QR with column pivoting (qrfac), the regularized
// least-squares solve (qrsolv), the Levenberg–Marquardt parameter (lmpar)
// and the Levenberg–Marquardt driver itself (lmdif and lmder, in LMDer).
//
// The code follows the Fortran of J. J. Moré, B. S. Garbow and K. E.
// Hillstrom, User Guide for MINPACK-1, Argonne National Laboratory report
// ANL-80-74, 1980, as scipy/optimize/minpack ships it, statement for
// statement, so that its iterates and call counts match scipy's. Matrices
// are stored by columns as in Fortran: a[i+j*lda] is a(i+1, j+1).
// Permutations count from zero.
package minpack

import "math"

// Machine selects the machine constants of MINPACK's dpmpar. The two
// choices differ in the last digits, and the difference shows in the
// forward-difference steps sqrt(max(epsfcn, epsmch))·|x_j|.
type Machine int

const (
	// Exact is IEEE double precision exactly: epsmch = 2⁻⁵², dwarf the
	// smallest normal number 2⁻¹⁰²², giant math.MaxFloat64.
	Exact Machine = iota
	// Decimal is the decimal literals of dpmpar.f that scipy compiles,
	// 2.22044604926e-16, 2.22507385852e-308 and 1.79769313485e+308: its
	// epsmch is slightly above 2⁻⁵², which is what scipy's
	// finite-difference steps are made of.
	Decimal
)

// dpmpar is indexed by Machine: epsmch, dwarf, giant.
var dpmpar = [...][3]float64{
	Exact:   {0x1p-52, 0x1p-1022, math.MaxFloat64},
	Decimal: {2.22044604926e-16, 2.22507385852e-308, 1.79769313485e+308},
}

// Epsmch is dpmpar(1), the machine precision.
func (mc Machine) Epsmch() float64 { return dpmpar[mc][0] }

// Dwarf is dpmpar(2), the smallest positive magnitude.
func (mc Machine) Dwarf() float64 { return dpmpar[mc][1] }

// Giant is dpmpar(3), the largest magnitude.
func (mc Machine) Giant() float64 { return dpmpar[mc][2] }

// sq is x², Fortran's x**2, which groups as s*(q*q) in s*q**2.
func sq(x float64) float64 { return x * x }

// Enorm is MINPACK's enorm: the Euclidean norm of x, accumulated in three
// sums (small, intermediate and large components, split at rdwarf and
// rgiant/n) so that it neither overflows nor underflows destructively.
// As in the Fortran, a NaN component is counted with the large ones, so
// the norm of a vector holding a NaN is NaN. Cost: O(n).
func Enorm(x []float64) float64 {
	const rdwarf, rgiant = 3.834e-20, 1.304e19
	var s1, s2, s3, x1max, x3max float64
	agiant := rgiant / float64(len(x))
	for _, v := range x {
		xabs := math.Abs(v)
		switch {
		case xabs > rdwarf && xabs < agiant:
			s2 += xabs * xabs
		case xabs <= rdwarf:
			if xabs > x3max {
				s3 = 1 + s3*sq(x3max/xabs)
				x3max = xabs
			} else if xabs != 0 {
				s3 += sq(xabs / x3max)
			}
		default:
			if xabs > x1max {
				s1 = 1 + s1*sq(x1max/xabs)
				x1max = xabs
			} else {
				s1 += sq(xabs / x1max)
			}
		}
	}
	switch {
	case s1 != 0:
		return x1max * math.Sqrt(s1+(s2/x1max)/x1max)
	case s2 == 0:
		return x3max * math.Sqrt(s3)
	case s2 >= x3max:
		return math.Sqrt(s2 * (1 + (x3max/s2)*(x3max*s3)))
	}
	return math.Sqrt(x3max * ((s2 / x3max) + (x3max * s3)))
}

// ColumnMajor copies the m×n matrix rows, stored by rows as callers write
// Jacobians (rows[i*n+j] = ∂f_i/∂x_j), into a by columns (a[i+j*m]).
func ColumnMajor(m, n int, a, rows []float64) {
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			a[i+j*m] = rows[i*n+j]
		}
	}
}

// FDJac2 is MINPACK's fdjac2 (and fdjac1 for a dense square system): the
// forward-difference Jacobian of f at x into fjac, m×n by columns, with
// m = len(fvec) and fvec = f(x). Column j is (f(x + h·e_j) − f(x))/h with
// h = sqrt(max(epsfcn, epsmch))·|x_j|, or that square root when x_j is
// zero. It calls f n times; x is restored; wa has length m.
func FDJac2(mc Machine, f func(x, fx []float64), x, fvec, fjac []float64, epsfcn float64, wa []float64) {
	m := len(fvec)
	eps := math.Sqrt(math.Max(epsfcn, mc.Epsmch()))
	for j := range x {
		temp := x[j]
		h := eps * math.Abs(temp)
		if h == 0 {
			h = eps
		}
		x[j] = temp + h
		f(x, wa)
		x[j] = temp
		for i := 0; i < m; i++ {
			fjac[i+j*m] = (wa[i] - fvec[i]) / h
		}
	}
}

// QRFac is MINPACK's qrfac: the QR factorization a·P = Q·R of the m×n
// matrix a (lda = m) by Householder transformations, with column pivoting
// when ipvt is not nil. On return the strict upper triangle of a holds
// that of R, its lower trapezoid the Householder vectors, rdiag the
// diagonal of R and acnorm the norms of a's columns; ipvt[j] is the column
// of a moved to position j. The column norms are downdated as columns are
// eliminated and recomputed when cancellation makes the downdate
// inaccurate. wa has length n. Cost: O(m·n²).
func QRFac(mc Machine, m, n int, a []float64, ipvt []int, rdiag, acnorm, wa []float64) {
	pivot := ipvt != nil
	epsmch := mc.Epsmch()
	for j := 0; j < n; j++ {
		acnorm[j] = Enorm(a[j*m : j*m+m])
		rdiag[j] = acnorm[j]
		wa[j] = rdiag[j]
		if pivot {
			ipvt[j] = j
		}
	}
	for j := 0; j < min(m, n); j++ {
		if pivot {
			// Bring the column of largest norm into the pivot position.
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
		}
		// The Householder transformation reducing column j to a
		// multiple of the j-th unit vector.
		ajnorm := Enorm(a[j+j*m : m+j*m])
		if ajnorm != 0 {
			if a[j+j*m] < 0 {
				ajnorm = -ajnorm
			}
			for i := j; i < m; i++ {
				a[i+j*m] /= ajnorm
			}
			a[j+j*m]++
			// Apply it to the remaining columns and update the norms.
			for k := j + 1; k < n; k++ {
				var sum float64
				for i := j; i < m; i++ {
					sum += a[i+j*m] * a[i+k*m]
				}
				temp := sum / a[j+j*m]
				for i := j; i < m; i++ {
					a[i+k*m] -= temp * a[i+j*m]
				}
				if !pivot || rdiag[k] == 0 {
					continue
				}
				temp = a[j+k*m] / rdiag[k]
				rdiag[k] *= math.Sqrt(math.Max(0, 1-sq(temp)))
				if 0.05*sq(rdiag[k]/wa[k]) <= epsmch {
					rdiag[k] = Enorm(a[j+1+k*m : m+k*m])
					wa[k] = rdiag[k]
				}
			}
		}
		rdiag[j] = -ajnorm
	}
}

// LMPar is MINPACK's lmpar. Given the pivoted factorization A·P = Q·R in r
// (n×n, leading dimension ldr, by columns, as QRFac leaves it), the
// scaling diag, qtb = Qᵀb and the trust radius delta, it returns par ≥ 0
// and in x the solution of min ‖A·x − b‖² + par‖D·x‖² such that either
// par = 0 and ‖D·x‖ ≤ 1.1·delta, or par > 0 and |‖D·x‖ − delta| ≤
// 0.1·delta, starting from the previous par. It takes at most ten
// iterations of a safeguarded Newton method on the secular equation
// ‖D·x(par)‖ = delta (Moré 1978, §5), each an O(n²) call of QRSolv.
// sdiag, wa1 and wa2 (length n) are scratch; on return sdiag and the
// strict lower triangle of r hold the factor S of QRSolv.
func LMPar(mc Machine, n int, r []float64, ldr int, ipvt []int, diag, qtb []float64, delta, par float64, x, sdiag, wa1, wa2 []float64) float64 {
	dwarf := mc.Dwarf()
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
	dxnorm := Enorm(wa2[:n])
	fp := dxnorm - delta
	if fp <= 0.1*delta {
		return 0
	}

	// A lower bound parl for the zero of φ(par) = ‖D·x‖ − delta, from
	// the Newton step when the Jacobian has full rank.
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
		temp := Enorm(wa1[:n])
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
	gnorm := Enorm(wa1[:n])
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
		QRSolv(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2)
		for j := 0; j < n; j++ {
			wa2[j] = diag[j] * x[j]
		}
		dxnorm = Enorm(wa2[:n])
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
		temp = Enorm(wa1[:n])
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

// QRSolv is MINPACK's qrsolv: given A·P = Q·R in r (as QRFac leaves it),
// the diagonal D and qtb = Qᵀb, it solves min ‖A·x − b‖² + ‖D·x‖².
// Givens rotations eliminate D from [R; Pᵀ·D·P], giving the triangular S
// with SᵀS = Pᵀ(AᵀA + D·D)P, stored in the strict lower triangle of r and
// in sdiag; r's upper triangle and diagonal are kept. A singular S yields
// a least-squares solution. wa is scratch of length n. Cost: O(n²).
func QRSolv(n int, r []float64, ldr int, ipvt []int, diag, qtb, x, sdiag, wa []float64) {
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
