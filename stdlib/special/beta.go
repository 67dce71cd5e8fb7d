package special

import "math"

// Beta returns the beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b),
// scipy.special.beta, for real a and b of either sign.
//
// Let |a| ≤ |b|. With b large, Stirling's formula lnΓ(x) = (x−½)ln x − x
// + ½ln 2π + μ(x), with the correction μ(x) = Σ B₂ₖ/(2k(2k−1)x^(2k−1))
// (A&S 6.1.40), is written so that nothing large cancels:
//
//	B(a, b) = Γ(a) · b^(−a) · exp(a − (a+b−½)·log1p(a/b)
//	          + μ(b) − μ(a+b))                         for |a| < 10 ≤ 30 ≤ b,
//	B(a, b) = √(2π/(a+b)) · exp(−(a−½)·log1p(b/a) − (b−½)·log1p(a/b)
//	          + μ(a) + μ(b) − μ(a+b))                  for a ≥ 10, b ≥ 171.
//
// The first is accurate to a few ulps. In the second the relative error
// grows like ε times the exponent, which is also the condition number of
// B (about 1e-13 where B approaches the underflow threshold). In between,
// where Γ(a), Γ(b) and Γ(a+b) are all finite, B is their ratio, divided
// in the order that cannot overflow (as Cephes' beta does). Other arguments beyond the range of Γ use
// Lgamma's values and signs, as Cephes does, and are accurate in relative
// terms to about ε·|log B|.
//
// At a non-positive integer a (or b) B has a pole (+Inf) unless b is an
// integer with a+b ≤ 0 < 1−a−b, where the limit (−1)^b·B(1−a−b, b) is
// finite, as in Cephes.
func Beta(a, b float64) float64 {
	switch {
	case math.IsNaN(a) || math.IsNaN(b):
		return math.NaN()
	case specialIsPole(a):
		return betaNegInt(a, b)
	case specialIsPole(b):
		return betaNegInt(b, a)
	}
	if math.Abs(a) > math.Abs(b) {
		a, b = b, a
	}
	switch {
	case b >= 30 && a+b >= 10 && math.Abs(a) < 10:
		// math.Gamma is only good to ~10 ulps for large arguments, so
		// the ratio Γ(b)/Γ(a+b) comes from Stirling's formula.
		e := a - (a+b-0.5)*math.Log1p(a/b) + betaStirling(b) - betaStirling(a+b)
		return math.Gamma(a) * math.Pow(b, -a) * math.Exp(e)
	case math.Abs(b) < 171 && math.Abs(a+b) < 171:
		ga, gb, gab := math.Gamma(a), math.Gamma(b), Gamma(a+b)
		if math.Abs(math.Abs(ga)-math.Abs(gab)) > math.Abs(math.Abs(gb)-math.Abs(gab)) {
			return gb / gab * ga
		}
		return ga / gab * gb
	case a >= 10:
		e := -(a-0.5)*math.Log1p(b/a) - (b-0.5)*math.Log1p(a/b) + betaStirling(a) + betaStirling(b) - betaStirling(a+b)
		return math.Sqrt(2*math.Pi/(a+b)) * math.Exp(e)
	}
	lab, sab := math.Lgamma(a + b)
	la, sa := math.Lgamma(a)
	lb, sb := math.Lgamma(b)
	return float64(sa*sb*sab) * math.Exp(la+lb-lab)
}

// betaNegInt is B(a, b) for a non-positive integer a.
func betaNegInt(a, b float64) float64 {
	if b == math.Floor(b) && 1-a-b > 0 {
		v := Beta(1-a-b, b)
		if math.Mod(b, 2) != 0 {
			return -v
		}
		return v
	}
	return math.Inf(1)
}

// betaStirling returns μ(x) = lnΓ(x) − ((x−½)ln x − x + ½ln 2π), the
// remainder of Stirling's formula, for x ≥ 10 by eight terms of its
// asymptotic series, the last below 1e-17·μ(x).
func betaStirling(x float64) float64 {
	coef := [...]float64{1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
		-691.0 / 360360, 1.0 / 156, -3617.0 / 122400}
	z := 1 / (x * x)
	var s float64
	for k := len(coef) - 1; k >= 0; k-- {
		s = s*z + coef[k]
	}
	return s / x
}
