package special

import "math"

// digammaRoot is the positive zero of ψ, x₀ = 1.46163214496836234126…, as
// a sum of two doubles.
const (
	digammaRootHi = 1.4616321449683622
	digammaRootLo = 9.549995429965697e-17
)

// digammaRootSeries holds the Taylor coefficients of ψ about x₀,
// ψ⁽ᵏ⁾(x₀)/k! = (−1)^(k+1)·ζ(k+1, x₀) for k = 1, 2, …, computed with
// mpmath at 50 digits: [(-1)**(k+1)*zeta(k+1, x0) for k in range(1, 27)].
var digammaRootSeries = [...]float64{
	0.96767224544762117043, -0.44276316898359210609, 0.25849976095565101062,
	-0.1639427054424065275, 0.10782405069126236576, -0.072199561256454710926,
	0.048804288164143107225, -0.033161126474847359292, 0.02259764823221810466,
	-0.015424765904948959139, 0.010538791616612175388, -0.007204534386356868241,
	0.0049267813957298534464, -0.0033698016554393280828, 0.0023051263267349278369,
	-0.0015769367714301972593, 0.0010788252019162965807, -0.00073807093899600512957,
	0.00050495326583460203518, -0.00034546802510630769956, 0.00023635601564027052792,
	-0.00016170622091974803449, 0.00011063372768747410904, -0.000075691795821950659192,
	0.00005178575795222080869, -0.000035430070947659606316,
}

// Digamma returns ψ(x) = Γ'(x)/Γ(x), scipy.special.digamma (psi).
//
// Within 1/4 of the positive zero x₀ it sums the Taylor series about x₀
// (the approach of scipy's digamma, after Boost), with x−x₀ formed in
// double-double precision, so the result keeps its relative accuracy
// through the zero. Elsewhere on x > 0 it recurs up to x ≥ 10 with
// ψ(x) = ψ(x+1) − 1/x and uses the asymptotic series (A&S 6.3.18)
//
//	ψ(x) ~ ln x − 1/(2x) − Σₖ B₂ₖ/(2k·x^(2k)),
//
// eight terms of which reach double precision at x = 10. For x < 0 it
// reflects, ψ(x) = ψ(1−x) − π·cot(πx) (A&S 6.3.7), with πx reduced
// exactly. That subtraction cancels near the zeros of ψ on the negative
// axis (one in each interval (−n, −n+1)), where the error is absolute,
// about ε·|π·cot(πx)|. ψ is −Inf at +0, +Inf at −0 and NaN at the
// negative integers, as in scipy.
func Digamma(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, -1):
		return math.NaN()
	case math.IsInf(x, 1):
		return x
	case x == 0:
		if math.Signbit(x) {
			return math.Inf(1)
		}
		return math.Inf(-1)
	case x < 0:
		if x == math.Floor(x) {
			return math.NaN()
		}
		return Digamma(1-x) - math.Pi/digammaTanPi(x)
	}
	if d := x - digammaRootHi; math.Abs(d) < 0.25 {
		d -= digammaRootLo
		var sum float64
		for k := len(digammaRootSeries) - 1; k >= 0; k-- {
			sum = (sum + digammaRootSeries[k]) * d
		}
		return sum
	}
	var shift float64
	for x < 10 {
		shift += 1 / x
		x++
	}
	// B₂ₖ/(2k) for k = 1..8.
	coef := [...]float64{1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132,
		-691.0 / 32760, 1.0 / 12, -3617.0 / 8160}
	z := 1 / (x * x)
	var series float64
	for k := len(coef) - 1; k >= 0; k-- {
		series = (series + coef[k]) * z
	}
	return math.Log(x) - 0.5/x - series - shift
}

// digammaTanPi returns tan(πx), reducing x to r = x − round(x) in
// [−½, ½] first; the subtraction is exact.
func digammaTanPi(x float64) float64 {
	return math.Tan(math.Pi * (x - math.Round(x)))
}

// Polygamma returns ψ⁽ⁿ⁾(x), the n-th derivative of Digamma, as
// scipy.special.polygamma: Digamma for n = 0 and, for whole n ≥ 1,
//
//	ψ⁽ⁿ⁾(x) = (−1)^(n+1)·n!·ζ(n+1, x)
//
// through HurwitzZeta (A&S 6.4.10), which sums the series for x < 0 too.
// It is NaN for a negative or non-whole n, ±Inf at the poles 0, −1, −2, ….
// For x < 0 the series' terms change sign when n is even, and the error is
// relative to |ψ⁽ⁿ⁾(1−x)| + |dⁿ/dxⁿ π·cot(πx)|, the size of the terms of
// the reflection formula.
func Polygamma(n, x float64) float64 {
	switch {
	case math.IsNaN(n) || n < 0 || n != math.Trunc(n):
		return math.NaN()
	case n == 0:
		return Digamma(x)
	}
	sign := 1.0
	if math.Mod(n, 2) == 0 {
		sign = -1
	}
	return sign * Gamma(n+1) * HurwitzZeta(n+1, x)
}
