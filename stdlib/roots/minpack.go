package roots

import (
	"math"

	"calc/stdlib/minpack"
)

// This file holds what Hybr and LM add to the MINPACK kernels of
// calc/stdlib/minpack, translated from the Fortran of J. J. Moré, B. S.
// Garbow and K. E. Hillstrom, "User Guide for MINPACK-1", Argonne
// National Laboratory report ANL-80-74, 1980, as shipped in
// scipy/optimize/minpack. Matrices are stored by columns as in Fortran:
// a[i+j*lda] is a(i+1, j+1).

// mach is scipy's dpmpar, whose decimal epsmch is slightly above the true
// eps: that shows in the finite-difference steps, which match scipy's.
const mach = minpack.Decimal

// sq is x², Fortran's x**2.
func sq(x float64) float64 { return x * x }

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
	minpack.ColumnMajor(len(jrow)/len(x), len(x), fjac, jrow)
}

func checkFinite(x, v []float64) {
	for _, y := range v {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			panic(nanPanic{&NaNError{X: append([]float64(nil), x...), Value: y}})
		}
	}
}

// qform accumulates in q (m by m, ldq = m) the orthogonal matrix whose
// factored form minpack.QRFac left in the first n columns (MINPACK's qform).
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
