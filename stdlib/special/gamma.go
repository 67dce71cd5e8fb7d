package special

import "math"

// specialIsPole reports whether x is a pole of the gamma function: zero or
// a negative integer.
func specialIsPole(x float64) bool {
	return x <= 0 && x == math.Floor(x)
}

// Gamma returns Γ(x), wrapping math.Gamma (Cephes' rational approximation
// on [2, 3] with recurrences and Stirling's series beyond; a few ulps).
// At the poles, zero (of either sign) and the negative integers, it
// returns +Inf as scipy.special.gamma does; math.Gamma gives NaN or a
// signed infinity there.
func Gamma(x float64) float64 {
	if specialIsPole(x) {
		return math.Inf(1)
	}
	return math.Gamma(x)
}

// Gammaln returns log|Γ(x)|, scipy.special.gammaln, wrapping math.Lgamma
// (FreeBSD's e_lgamma_r.c, accurate near the zeros at 1 and 2). It is
// +Inf at the poles. Near the zeros of log|Γ| on the negative axis (where
// |Γ(x)| = 1, e.g. x ≈ −2.4570) the result is accurate in absolute terms
// only, as in scipy.
func Gammaln(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}
