package roots

import (
	"math"

	"calc/stdlib/minpack"
)

// dogleg computes Powell's dogleg step for the trust region of radius
// delta (MINPACK's dogleg): given r, the upper triangular factor of the
// Jacobian stored by rows (packed, n(n+1)/2 entries), the diagonal scaling
// diag and qtb = Qᵀb, it returns in x the convex combination of the
// Gauss–Newton direction and the scaled gradient direction that minimizes
// ‖Jx - b‖ subject to ‖diag·x‖ <= delta. A zero diagonal element of r is
// replaced by eps times the largest element of its column, so a singular
// Jacobian still yields a step. wa1 and wa2 are scratch of length n.
// Cost: O(n²).
func dogleg(n int, r, diag, qtb []float64, delta float64, x, wa1, wa2 []float64) {
	// The Gauss–Newton direction, by back substitution.
	jj := n*(n+1)/2 + 1
	for k := 1; k <= n; k++ {
		j := n - k + 1
		jj -= k
		l := jj + 1
		var sum float64
		for i := j + 1; i <= n; i++ {
			sum += r[l-1] * x[i-1]
			l++
		}
		temp := r[jj-1]
		if temp == 0 {
			l = j
			for i := 1; i <= j; i++ {
				temp = math.Max(temp, math.Abs(r[l-1]))
				l += n - i
			}
			temp *= mach.Epsmch()
			if temp == 0 {
				temp = mach.Epsmch()
			}
		}
		x[j-1] = (qtb[j-1] - sum) / temp
	}

	// Accept it if it lies within the trust region.
	for j := 0; j < n; j++ {
		wa1[j] = 0
		wa2[j] = diag[j] * x[j]
	}
	qnorm := minpack.Enorm(wa2[:n])
	if qnorm <= delta {
		return
	}

	// The scaled gradient direction.
	l := 0
	for j := 0; j < n; j++ {
		temp := qtb[j]
		for i := j; i < n; i++ {
			wa1[i] += r[l] * temp
			l++
		}
		wa1[j] /= diag[j]
	}
	gnorm := minpack.Enorm(wa1[:n])
	sgnorm := 0.0
	alpha := delta / qnorm
	if gnorm != 0 {
		// The point along the scaled gradient at which the quadratic
		// is minimized.
		for j := 0; j < n; j++ {
			wa1[j] = (wa1[j] / gnorm) / diag[j]
		}
		l = 0
		for j := 0; j < n; j++ {
			var sum float64
			for i := j; i < n; i++ {
				sum += r[l] * wa1[i]
				l++
			}
			wa2[j] = sum
		}
		temp := minpack.Enorm(wa2[:n])
		sgnorm = (gnorm / temp) / temp
		alpha = 0
		if sgnorm < delta {
			// The point along the dogleg at which the quadratic is
			// minimized.
			bnorm := minpack.Enorm(qtb[:n])
			temp = (bnorm / gnorm) * (bnorm / qnorm) * (sgnorm / delta)
			temp = temp - (delta/qnorm)*sq(sgnorm/delta) +
				math.Sqrt(sq(temp-(delta/qnorm))+(1-sq(delta/qnorm))*(1-sq(sgnorm/delta)))
			alpha = ((delta / qnorm) * (1 - sq(sgnorm/delta))) / temp
		}
	}
	temp := (1 - alpha) * math.Min(sgnorm, delta)
	for j := 0; j < n; j++ {
		x[j] = temp*wa1[j] + alpha*x[j]
	}
}
