package special

import "math"

// eulerGamma is the Euler–Mascheroni constant γ.
const eulerGamma = 0.57721566490153286060651209008240243

// Expn returns the generalized exponential integral
// E_n(x) = ∫₁^∞ e^(−xt)/tⁿ dt, scipy.special.expn, for whole n ≥ 0 and
// x ≥ 0 (NaN otherwise; +Inf at x = 0 for n ≤ 1), by the power series
// with its ψ(n) term for x ≤ 1 and the continued fraction by the
// modified Lentz method above (A&S 5.1.12 and 5.1.22, as Numerical
// Recipes' expint).
func Expn(n, x float64) float64 {
	switch {
	case math.IsNaN(n) || math.IsNaN(x) || n < 0 || n != math.Floor(n) || x < 0:
		return math.NaN()
	case math.IsInf(x, 1):
		return 0
	case n == 0:
		return math.Exp(-x) / x
	case x == 0:
		if n == 1 {
			return math.Inf(1)
		}
		return 1 / (n - 1)
	}
	if x > 1 {
		const tiny = 1e-300
		b := x + n
		c := 1 / tiny
		d := 1 / b
		h := d
		for i := 1.0; i < incMaxIter; i++ {
			an := -i * (n - 1 + i)
			b += 2
			d = 1 / (an*d + b)
			c = b + an/c
			del := c * d
			h *= del
			if math.Abs(del-1) < besselEps {
				break
			}
		}
		return h * math.Exp(-x)
	}
	nm1 := n - 1
	ans := -math.Log(x) - eulerGamma
	if nm1 != 0 {
		ans = 1 / nm1
	}
	fact := 1.0
	for i := 1.0; i < incMaxIter; i++ {
		fact *= -x / i
		var del float64
		if i != nm1 {
			del = -fact / (i - nm1)
		} else {
			psi := -eulerGamma
			for k := 1.0; k <= nm1; k++ {
				psi += 1 / k
			}
			del = fact * (-math.Log(x) + psi)
		}
		ans += del
		if math.Abs(del) < math.Abs(ans)*besselEps {
			break
		}
	}
	return ans
}

// Exp1 returns E₁(x) = ∫ₓ^∞ e^(−t)/t dt, scipy.special.exp1, for x ≥ 0
// (NaN below, where it is complex).
func Exp1(x float64) float64 { return Expn(1, x) }

// Expi returns the exponential integral Ei(x) = −PV∫₋ₓ^∞ e^(−t)/t dt,
// scipy.special.expi: −E₁(−x) for x < 0, −Inf at 0; for 0 < x ≤ 40 the
// series γ + ln x + Σ x^k/(k·k!), whose terms are positive; beyond, the
// asymptotic series e^x/x·Σ k!/x^k, summed while its terms decrease
// (A&S 5.1.10, 5.1.51). Near its zero x₀ ≈ 0.3725 the series cancels and
// the accuracy is absolute, about 1e-16.
func Expi(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x < 0:
		return -Exp1(-x)
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	case x <= 40:
		sum, term := 0.0, 1.0
		for k := 1.0; k < 500; k++ {
			term *= x / k
			sum += term / k
			if term/k < besselEps*sum {
				break
			}
		}
		return eulerGamma + math.Log(x) + sum
	}
	sum, term := 1.0, 1.0
	for k := 1.0; k < x; k++ {
		next := term * k / x
		if next < besselEps*sum {
			break
		}
		term = next
		sum += term
	}
	if x > 709 {
		return besselScale(sum/x, x)
	}
	return math.Exp(x) / x * sum
}
