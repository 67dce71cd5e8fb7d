package special

import "math"

// Expit returns the logistic sigmoid 1/(1+exp(−x)), scipy.special.expit.
// For x < 0 it is computed as exp(x)/(1+exp(x)), so that it keeps full
// relative accuracy as it decays to zero instead of rounding 1+exp(−x).
func Expit(x float64) float64 {
	if x < 0 {
		e := math.Exp(x)
		return e / (1 + e)
	}
	return 1 / (1 + math.Exp(-x))
}

// Logit returns log(p/(1−p)), the inverse of Expit, scipy.special.logit:
// −Inf at 0, +Inf at 1, NaN outside [0, 1]. Near p = 1/2, where the ratio
// is close to 1, it is computed as log1p((2p−1)/(1−p)), in which 2p−1 and
// 1−p are exact, keeping full relative accuracy around the zero.
func Logit(p float64) float64 {
	if p < 0 || p > 1 {
		return math.NaN()
	}
	if p > 0.25 && p < 0.75 {
		return math.Log1p((2*p - 1) / (1 - p))
	}
	return math.Log(p / (1 - p))
}
