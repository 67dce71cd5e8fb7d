package special

import "math"

// This file computes the modified Bessel functions I_ν(x) and K_ν(x) of
// real order by Temme's method: N. M. Temme, "On the numerical evaluation
// of the modified Bessel function of the third kind", J. Comput. Phys. 19
// (1975) 324–337, with Steed's continued fraction as I. J. Thompson and
// A. R. Barnett, "Modified Bessel functions I_ν(z) and K_ν(z) of real
// order and complex argument, to selected accuracy", Comput. Phys. Commun.
// 47 (1987) 245–257, arrange it (the scheme of Numerical Recipes' bessik).
//
// Write ν = μ + n with n = ⌊ν+½⌋ and |μ| ≤ ½.
//  1. A continued fraction (CF1) gives I_(ν+1)/I_ν, and recurring
//     downwards from an arbitrary I_ν gives I_μ and I_(μ+1) up to a
//     common factor.
//  2. K_μ and K_μ+1 come from Temme's series for x ≤ 2 and from Steed's
//     evaluation of the continued fraction CF2 for x > 2; both converge
//     fast there and neither needs K of another order.
//  3. The Wronskian I_μK_(μ+1) + I_(μ+1)K_μ = 1/x, a sum of positive
//     terms, fixes the factor, giving I_μ and so I_ν; K recurs upwards
//     from μ to ν, which is stable.
//
// (Numerical Recipes carries I'_ν/I_ν instead and subtracts μ/x from it,
// which cancels for small x; the ratio avoids that.)
//
// CF1 needs about x iterations, so for large x (x > max(30, ν²/2)) both
// functions come instead from Hankel's asymptotic expansions (A&S 9.7.1,
// 9.7.2), whose terms then decrease to below ε before they diverge. The
// work is carried out on e^−x·I and e^x·K so that neither overflows before
// the end.

// besselEps is the relative precision the series and fractions are
// summed to.
const besselEps = 0x1p-53

// besselCF1Max bounds the CF1 iterations; it is reached only for orders
// above about 1400 with x near ν²/2, where the result is NaN.
const besselCF1Max = 1_000_000

// besselRGammaSeries holds the Taylor coefficients c_k of 1/Γ(z) = Σ c_k
// z^k for k = 1..30 (A&S 6.1.34), computed with mpmath at 60 digits.
var besselRGammaSeries = [...]float64{
	1.0, 0.5772156649015328606065, -0.655878071520253881077, -0.042002635034095235529,
	0.1665386113822914895017, -0.04219773455554433674821, -0.009621971527876973562115,
	0.007218943246663099542395, -0.001165167591859065112114, -0.0002152416741149509728157,
	0.0001280502823881161861532, -0.00002013485478078823865569, -0.000001250493482142670657345,
	0.000001133027231981695882374, -2.05633841697760710345e-7, 6.116095104481415817862e-9,
	5.002007644469222930056e-9, -1.181274570487020144588e-9, 1.043426711691100510492e-10,
	7.78226343990507125405e-12, -3.696805618642205708188e-12, 5.100370287454475979015e-13,
	-2.058326053566506783222e-14, -5.34812253942301798237e-15, 1.226778628238260790159e-15,
	-1.181259301697458769514e-16, 1.18669225475160033258e-18, 1.412380655318031781556e-18,
	-2.298745684435370206592e-19, 1.714406321927337433384e-20,
}

// besselTemmeGammas returns Temme's Γ₁(μ) = (1/Γ(1−μ) − 1/Γ(1+μ))/(2μ)
// and Γ₂(μ) = (1/Γ(1−μ) + 1/Γ(1+μ))/2 for |μ| ≤ ½, and 1/Γ(1+μ) and
// 1/Γ(1−μ). Since 1/Γ(1+μ) = Σ c_(k+1) μ^k, Γ₁ = −(c₂ + c₄μ² + …) and
// Γ₂ = c₁ + c₃μ² + …, free of the cancellation of the definitions.
func besselTemmeGammas(mu float64) (g1, g2, gpl, gmi float64) {
	m2 := mu * mu
	c := besselRGammaSeries
	for k := len(c) - 1; k >= 1; k -= 2 {
		g1 = g1*m2 - c[k]
		g2 = g2*m2 + c[k-1]
	}
	return g1, g2, g2 - mu*g1, g2 + mu*g1
}

// maxOrder is the largest |v| Iv and Kv compute; beyond it they give NaN
// rather than run their series and recurrences for ever.
const maxOrder = 1e5

// Iv returns the modified Bessel function of the first kind I_v(x) for
// real order v, scipy.special.iv. For x < 0 it is defined only for
// integer v, I_v(−x) = (−1)^v·I_v(x), and is NaN otherwise. Negative
// orders use I_−ν = I_ν + (2/π)·sin(νπ)·K_ν (A&S 9.6.2). At x = 0 it is 1
// for v = 0, 0 for other integer or positive v and +Inf for negative
// non-integer v (scipy's value); it is +Inf at x = +Inf and overflows to
// +Inf where I_v(x) exceeds the largest float. For |v| > 1414 and
// 1e6 < x < v²/2, where CF1 would need more than a million iterations, it
// returns NaN.
func Iv(v, x float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsNaN(x) || math.Abs(v) > maxOrder:
		return math.NaN()
	case x < 0:
		return negativeArgument(Iv, v, x)
	case x == 0:
		switch {
		case v == 0:
			return 1
		case v > 0 || v == math.Floor(v):
			return 0
		}
		return math.Inf(1)
	case math.IsInf(x, 1):
		return x
	}
	nu := math.Abs(v)
	i, k := besselIK(nu, x, true)
	if v < 0 && nu != math.Floor(nu) {
		s := besselSinPi(nu)
		if s != 0 {
			return i + 2/math.Pi*s*k
		}
	}
	return i
}

// Kv returns the modified Bessel function of the second kind K_v(x) for
// real order v and x ≥ 0, scipy.special.kv: +Inf at x = 0, 0 at +Inf,
// NaN for x < 0. K_−v = K_v.
func Kv(v, x float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsNaN(x) || x < 0 || math.Abs(v) > maxOrder:
		return math.NaN()
	case x == 0:
		return math.Inf(1)
	case math.IsInf(x, 1):
		return 0
	}
	_, k := besselIK(math.Abs(v), x, false)
	return k
}

// Ive returns the exponentially scaled modified Bessel function of the
// first kind, e^−|x|·I_v(x), scipy.special.ive: finite where I_v
// overflows. Its domain and special values are Iv's.
func Ive(v, x float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsNaN(x) || math.Abs(v) > maxOrder:
		return math.NaN()
	case x < 0:
		return negativeArgument(Ive, v, x)
	case x == 0 || math.IsInf(x, 1):
		if math.IsInf(x, 1) {
			return 0
		}
		return Iv(v, x)
	}
	nu := math.Abs(v)
	is, ks := besselIKScaled(nu, x, true)
	if v < 0 && nu != math.Floor(nu) {
		if s := besselSinPi(nu); s != 0 {
			return is + 2/math.Pi*s*besselScale(ks, -2*x)
		}
	}
	return is
}

// Kve returns the exponentially scaled modified Bessel function of the
// second kind, e^x·K_v(x), scipy.special.kve, for x ≥ 0 (NaN below).
func Kve(v, x float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsNaN(x) || x < 0 || math.Abs(v) > maxOrder:
		return math.NaN()
	case x == 0:
		return math.Inf(1)
	case math.IsInf(x, 1):
		return 0
	}
	_, ks := besselIKScaled(math.Abs(v), x, false)
	return ks
}

// besselSinPi returns sin(πν), reducing ν modulo 2 exactly first so that
// it is exactly zero at the integers.
func besselSinPi(nu float64) float64 {
	r := math.Mod(nu, 2) // in [0, 2) for ν ≥ 0
	switch {
	case r == 0 || r == 1:
		return 0
	case r <= 0.5:
		return math.Sin(math.Pi * r)
	case r <= 1.5:
		return math.Sin(math.Pi * (1 - r))
	}
	return -math.Sin(math.Pi * (2 - r))
}

// besselIK returns I_ν(x) and K_ν(x) for ν ≥ 0 and 0 < x < ∞. Without
// wantI it skips step 1 and returns NaN for I.
func besselIK(nu, x float64, wantI bool) (i, k float64) {
	is, ks := besselIKScaled(nu, x, wantI)
	return besselScale(is, x), besselScale(ks, -x)
}

// besselIKScaled returns e^−x·I_ν(x) and e^x·K_ν(x), as besselIK.
func besselIKScaled(nu, x float64, wantI bool) (is, ks float64) {
	if x > math.Max(30, nu*nu/2) {
		return besselHankel(nu, x)
	}
	n := int(nu + 0.5)
	mu := nu - float64(n)

	rmu, ratio := math.NaN(), math.NaN()
	if wantI {
		rmu, ratio = besselIRatios(nu, mu, n, x)
	}

	// K_μ and K_(μ+1), times e^x.
	var kmu, k1 float64
	if x <= 2 {
		kmu, k1 = besselTemme(mu, x)
		e := math.Exp(x)
		kmu, k1 = kmu*e, k1*e
	} else {
		kmu, k1 = besselSteed(mu, x)
	}
	// The Wronskian I_μ·K_(μ+1) + I_(μ+1)·K_μ = 1/x, in the scaled
	// functions: e^−x·I_μ.
	imu := 1 / (x * (k1 + rmu*kmu))

	for l := 1; l <= n; l++ {
		kmu, k1 = k1, 2*(mu+float64(l))/x*k1+kmu
	}
	return imu * ratio, kmu
}

// besselIRatios returns I_(μ+1)/I_μ and I_ν/I_μ for ν = μ + n (step 1),
// or NaNs if CF1 does not converge within besselCF1Max iterations.
func besselIRatios(nu, mu float64, n int, x float64) (rmu, ratio float64) {
	// CF1 for the ratio r_ν = I_(ν+1)/I_ν = 1/(2(ν+1)/x + 1/(2(ν+2)/x
	// + …)), by the modified Lentz method.
	const tiny = 1e-300
	r, c, d := tiny, tiny, 0.0
	for it := 1; ; it++ {
		if it == besselCF1Max {
			return math.NaN(), math.NaN()
		}
		b := 2 * (nu + float64(it)) / x
		d = 1 / (b + d)
		c = b + 1/c
		del := c * d
		r *= del
		if math.Abs(del-1) < besselEps {
			break
		}
	}

	// Recur down from I_ν = 1, I_(ν+1) = r_ν to μ by
	// I_(m−1) = (2m/x)·I_m + I_(m+1), whose terms are all positive.
	// ratio tracks I_ν through the rescalings.
	il, ilp := 1.0, r
	ratio = 1
	for l := n; l >= 1; l-- {
		m := mu + float64(l)
		il, ilp = 2*m/x*il+ilp, il
		if il > 1e250 {
			il, ilp, ratio = il*1e-250, ilp*1e-250, ratio*1e-250
		}
	}
	return ilp / il, ratio / il
}

// besselScale returns v·e^s without overflowing or underflowing in e^s
// before the product does.
func besselScale(v, s float64) float64 {
	if math.Abs(s) < 700 {
		return v * math.Exp(s)
	}
	e := math.Exp(s / 2)
	return v * e * e
}

// besselTemmeStart returns what Temme's series for K (besselTemme) and Y
// (besselTemmeY) both start from: x/2, μπ, μπ/sin(μπ), d = −ln(x/2),
// e = μ·d and sinh(e)/e, the ratios taken as 1 where their arguments
// vanish.
func besselTemmeStart(mu, x float64) (x2, pimu, fact, d, e, fact2 float64) {
	x2 = x / 2
	pimu = math.Pi * mu
	fact = 1.0
	if math.Abs(pimu) >= besselEps {
		fact = pimu / math.Sin(pimu)
	}
	d = -math.Log(x2)
	e = mu * d
	fact2 = 1.0
	if math.Abs(e) >= besselEps {
		fact2 = math.Sinh(e) / e
	}
	return x2, pimu, fact, d, e, fact2
}

// besselTemme returns K_μ(x) and K_(μ+1)(x) for |μ| ≤ ½ and x ≤ 2 by
// Temme's series K_μ = Σ c_k f_k, K_(μ+1) = (2/x) Σ c_k h_k with
// c_k = (x²/4)^k/k!, f_0 = μπ/sin(μπ)·(cosh σ·Γ₁ + sinh σ/σ·ln(2/x)·Γ₂),
// σ = μ·ln(2/x), p_0 = ½(x/2)^−μ·Γ(1+μ), q_0 = ½(x/2)^μ·Γ(1−μ),
// f_k = (k·f_(k−1) + p_(k−1) + q_(k−1))/(k²−μ²), p_k = p_(k−1)/(k−μ),
// q_k = q_(k−1)/(k+μ), h_k = p_k − k·f_k.
func besselTemme(mu, x float64) (kmu, k1 float64) {
	x2, _, fact, d, e, fact2 := besselTemmeStart(mu, x)
	g1, g2, gpl, gmi := besselTemmeGammas(mu)
	ff := fact * (g1*math.Cosh(e) + g2*fact2*d)
	sum := ff
	e = math.Exp(e)
	p := 0.5 * e / gpl
	q := 0.5 / (e * gmi)
	c := 1.0
	dd := x2 * x2
	sum1 := p
	for i := 1.0; ; i++ {
		ff = (i*ff + p + q) / (i*i - mu*mu)
		c *= dd / i
		p /= i - mu
		q /= i + mu
		del := c * ff
		sum += del
		sum1 += c * (p - i*ff)
		if math.Abs(del) < math.Abs(sum)*besselEps {
			break
		}
	}
	return sum, sum1 * 2 / x
}

// besselSteed returns e^x·K_μ(x) and e^x·K_(μ+1)(x) for |μ| ≤ ½ and x > 2
// from Temme's continued fraction CF2 for K_(μ+1)/K_μ and the companion
// series that normalizes it, both summed by Steed's algorithm (Thompson
// and Barnett 1987, eqs. 3.17–3.21): with a₁ = ¼−μ², K_μ =
// √(π/(2x))·e^−x/S and K_(μ+1) = K_μ·(μ + x + ½ − a₁·H)/x, where H is
// the fraction's value and S the sum.
func besselSteed(mu, x float64) (kmu, k1 float64) {
	b := 2 * (1 + x)
	d := 1 / b
	h, delh := d, d
	q1, q2 := 0.0, 1.0
	a1 := 0.25 - mu*mu
	q, c := a1, a1
	a := -a1
	s := 1 + q*delh
	for i := 2.0; ; i++ {
		a -= 2 * (i - 1)
		c = -a * c / i
		qnew := (q1 - b*q2) / a
		q1, q2 = q2, qnew
		q += c * qnew
		b += 2
		d = 1 / (b + a*d)
		delh = (b*d - 1) * delh
		h += delh
		dels := q * delh
		s += dels
		if math.Abs(dels/s) < besselEps {
			break
		}
	}
	kmu = math.Sqrt(math.Pi/(2*x)) / s
	return kmu, kmu * (mu + x + 0.5 - a1*h) / x
}

// besselHankel returns e^−x·I_ν(x) and e^x·K_ν(x) from Hankel's
// expansions (A&S 9.7.1–2)
//
//	I_ν(x) ~ e^x/√(2πx) · Σ (−1)^k a_k(ν)/x^k,
//	K_ν(x) ~ √(π/(2x)) e^−x · Σ a_k(ν)/x^k,
//
// a_k(ν) = (4ν²−1²)(4ν²−3²)…(4ν²−(2k−1)²)/(k!·8^k), summed until the
// terms fall below ε (for half-integer ν they end, and K is exact).
func besselHankel(nu, x float64) (is, ks float64) {
	mu4 := 4 * nu * nu
	tk, ti := 1.0, 1.0
	sk, si := 1.0, 1.0
	for k := 1.0; k < 200; k++ {
		odd := 2*k - 1
		t := (mu4 - odd*odd) / (8 * k * x)
		tk *= t
		ti *= -t
		sk += tk
		si += ti
		if math.Abs(tk) < besselEps*math.Abs(sk) {
			break
		}
	}
	return si / math.Sqrt(2*math.Pi*x), sk * math.Sqrt(math.Pi/(2*x))
}
