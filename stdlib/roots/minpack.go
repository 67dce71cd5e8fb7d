package roots

import "math"

// This file holds the MINPACK kernels shared by Hybr and LM, translated
// from the Fortran of J. J. Moré, B. S. Garbow and K. E. Hillstrom,
// "User Guide for MINPACK-1", Argonne National Laboratory report
// ANL-80-74, 1980, as shipped in scipy/optimize/minpack. Matrices are
// stored by columns as in Fortran: a[i+j*lda] is a(i+1, j+1).

// MINPACK's machine constants for IEEE arithmetic (dpmpar): the
// precision, and the smallest and largest magnitudes, as the decimal
// literals of dpmpar.f; epsmch is slightly above the true eps, which
// shows in the finite-difference step.
const (
	epsmch = 2.22044604926e-16
	dwarf  = 2.22507385852e-308
	giant  = 1.79769313485e+308
)

// sq is x², Fortran's x**2.
func sq(x float64) float64 { return x * x }

// enorm is the Euclidean norm of x, accumulated in three sums so that
// neither overflow nor destructive underflow occurs (MINPACK's enorm).
func enorm(x []float64) float64 {
	const rdwarf, rgiant = 3.834e-20, 1.304e19
	var s1, s2, s3, x1max, x3max float64
	agiant := rgiant / float64(len(x))
	for _, v := range x {
		xabs := math.Abs(v)
		switch {
		case xabs > rdwarf && xabs < agiant:
			s2 += xabs * xabs
		case xabs > rdwarf:
			if xabs > x1max {
				s1 = 1 + s1*sq(x1max/xabs)
				x1max = xabs
			} else {
				s1 += sq(xabs / x1max)
			}
		case xabs > x3max:
			s3 = 1 + s3*sq(x3max/xabs)
			x3max = xabs
		case xabs != 0:
			s3 += sq(xabs / x3max)
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

// system wraps the user's F(x) and Jacobian, counting calls and turning a
// non-finite value into a NaNError (panicking with nanPanic, recovered by
// guard).
type system struct {
	f          func(x, fx []float64)
	jac        func(x, j []float64)
	nfev, njev int
}

func (s *system) eval(x, fx []float64) {
	s.nfev++
	s.f(x, fx)
	checkFinite(x, fx)
}

// evalJac writes the Jacobian at x into fjac by columns (lda = len(fx)),
// transposing the user's rows; jrow is scratch of the same size.
func (s *system) evalJac(x, fjac, jrow []float64) {
	s.njev++
	s.jac(x, jrow)
	checkFinite(x, jrow)
	n := len(x)
	m := len(jrow) / n
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			fjac[i+j*m] = jrow[i*n+j]
		}
	}
}

func checkFinite(x, v []float64) {
	for _, y := range v {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			panic(nanPanic{&NaNError{X: append([]float64(nil), x...), Value: y}})
		}
	}
}

// fdjac is the forward-difference Jacobian of MINPACK's fdjac1 (dense
// case) and fdjac2: column j is (F(x + h e_j) - F(x))/h with
// h = sqrt(max(epsfcn, eps))*|x_j|, or that square root when x_j = 0.
// fjac is m by n by columns; wa has length m.
func (s *system) fdjac(x, fvec, fjac []float64, epsfcn float64, wa []float64) {
	m := len(fvec)
	e := math.Sqrt(math.Max(epsfcn, epsmch))
	for j := range x {
		temp := x[j]
		h := e * math.Abs(temp)
		if h == 0 {
			h = e
		}
		x[j] = temp + h
		s.eval(x, wa)
		x[j] = temp
		for i := 0; i < m; i++ {
			fjac[i+j*m] = (wa[i] - fvec[i]) / h
		}
	}
}

// qrfac computes the QR factorization a*p = q*r of the m by n matrix a
// (lda = m) by Householder transformations, with column pivoting when
// ipvt is not nil (MINPACK's qrfac). On return the strict upper triangle
// of a holds that of r, its lower trapezoid the Householder vectors,
// rdiag the diagonal of r and acnorm the norms of a's columns; ipvt[j] is
// the (0-based) column of a moved to position j. wa has length n.
func qrfac(m, n int, a []float64, ipvt []int, rdiag, acnorm, wa []float64) {
	pivot := ipvt != nil
	for j := 0; j < n; j++ {
		acnorm[j] = enorm(a[j*m : j*m+m])
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
		ajnorm := enorm(a[j+j*m : m+j*m])
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
					rdiag[k] = enorm(a[j+1+k*m : m+k*m])
					wa[k] = rdiag[k]
				}
			}
		}
		rdiag[j] = -ajnorm
	}
}

// qform accumulates in q (m by m, ldq = m) the orthogonal matrix whose
// factored form qrfac left in the first n columns (MINPACK's qform).
func qform(m, n int, q, wa []float64) {
	minmn := min(m, n)
	for j := 1; j < minmn; j++ {
		for i := 0; i < j; i++ {
			q[i+j*m] = 0
		}
	}
	for j := n; j < m; j++ {
		for i := 0; i < m; i++ {
			q[i+j*m] = 0
		}
		q[j+j*m] = 1
	}
	for k := minmn - 1; k >= 0; k-- {
		for i := k; i < m; i++ {
			wa[i] = q[i+k*m]
			q[i+k*m] = 0
		}
		q[k+k*m] = 1
		if wa[k] == 0 {
			continue
		}
		for j := k; j < m; j++ {
			var sum float64
			for i := k; i < m; i++ {
				sum += q[i+j*m] * wa[i]
			}
			temp := sum / wa[k]
			for i := k; i < m; i++ {
				q[i+j*m] -= temp * wa[i]
			}
		}
	}
}
