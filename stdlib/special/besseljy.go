package special

import "math"

// This file computes the Bessel functions J_ν(x) and Y_ν(x) of real order
// by the scheme of besselik.go carried over to the oscillating functions
// (Temme, "An algorithm with ALGOL 60 program for the computation of the
// Bessel functions J_ν(x) and Y_ν(x)", J. Comput. Phys. 21 (1976) 343–350,
// and Barnett, Feng, Steed and Goldfarb, Comput. Phys. Commun. 8 (1974)
// 377–395, as Numerical Recipes' bessjy arranges them). With ν = μ + n:
//  1. CF1 gives J'_ν/J_ν; recurring down from J_ν = ε gives J_μ and J'_μ
//     up to a common factor (and the sign changes along the way).
//  2. Y_μ and Y_(μ+1) come from Temme's series for x < 2, and from
//     Steed's evaluation of the complex continued fraction CF2 for
//     p + iq = (J'_μ + iY'_μ)/(J_μ + iY_μ) for x ≥ 2.
//  3. The Wronskian J_μY'_μ − Y_μJ'_μ = 2/(πx) fixes the factor; Y recurs
//     upwards from μ to ν, which is stable.
//
// For x > max(30, ν²/7) both come instead from Hankel's expansions
// (whose terms grow at most to about e^(ν²/2x) ≤ e^3.5 before they fall)
// (A&S 9.2.5–9.2.10), with the phase x − (ν/2 + ¼)π formed from sin x
// and cos x (reduced exactly by the math package) and sin and cos of the
// exactly reduced (ν/2 + ¼)π.

// besselFPMin is a number near the smallest normal float, the guard of
// the modified Lentz method.
const besselFPMin = 1e-300

// negativeArgument evaluates f(v, x) for x < 0 as J_v and I_v (and Ive)
// extend to negative arguments: only for whole v, with the sign (−1)^v
// (A&S 9.1.35, 9.6.30); NaN for other v.
func negativeArgument(f func(v, x float64) float64, v, x float64) float64 {
	if v != math.Floor(v) {
		return math.NaN()
	}
	y := f(v, -x)
	if math.Mod(v, 2) != 0 {
		return -y
	}
	return y
}

// Jv returns the Bessel function of the first kind J_v(x) for real order
// v, scipy.special.jv. For x < 0 it is defined only for integer v,
// J_v(−x) = (−1)^v·J_v(x), and NaN otherwise. Negative orders use
// J_−ν = cos(νπ)J_ν − sin(νπ)Y_ν (A&S 9.1.2). At x = 0 it is 1 for v = 0,
// 0 for integer or positive v, and ±Inf for negative non-integer v.
func Jv(v, x float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsNaN(x) || math.Abs(v) > maxOrder:
		return math.NaN()
	case x < 0:
		return negativeArgument(Jv, v, x)
	case x == 0:
		switch {
		case v == 0:
			return 1
		case v > 0 || v == math.Floor(v):
			return 0
		}
		return math.Inf(1) * cosPi(-v)
	case math.IsInf(x, 1):
		return 0
	}
	nu := math.Abs(v)
	j, y := besselJY(nu, x)
	if v < 0 && nu != math.Floor(nu) {
		return cosPi(nu)*j - besselSinPi(nu)*y
	}
	if v < 0 && math.Mod(nu, 2) == 1 {
		return -j
	}
	return j
}

// Yv returns the Bessel function of the second kind Y_v(x) for real order
// v and x ≥ 0, scipy.special.yv: −Inf at x = 0, 0 at +Inf, NaN for x < 0.
// Negative orders use Y_−ν = sin(νπ)J_ν + cos(νπ)Y_ν (A&S 9.1.2).
func Yv(v, x float64) float64 {
	switch {
	case math.IsNaN(v) || math.IsNaN(x) || x < 0 || math.Abs(v) > maxOrder:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return 0
	}
	nu := math.Abs(v)
	j, y := besselJY(nu, x)
	if v < 0 {
		if nu == math.Floor(nu) {
			if math.Mod(nu, 2) == 1 {
				return -y
			}
			return y
		}
		return besselSinPi(nu)*j + cosPi(nu)*y
	}
	return y
}

// cosPi returns cos(πν), exactly zero at the half-integers.
func cosPi(nu float64) float64 { return besselSinPi(nu + 0.5) }

// besselJY returns J_ν(x) and Y_ν(x) for ν ≥ 0 and 0 < x < ∞.
func besselJY(nu, x float64) (j, y float64) {
	if x > math.Max(30, nu*nu/7) {
		return besselJYHankel(nu, x)
	}
	// Numerical Recipes stops the recurrence at ν − x when x ≥ 2, leaving
	// CF2 a large μ; recurring all the way to |μ| ≤ ½ keeps CF2 short and
	// is as accurate (both directions are neutral where J and Y oscillate).
	n := int(nu + 0.5)
	mu := nu - float64(n)
	xi := 1 / x
	xi2 := 2 * xi
	w := xi2 / math.Pi

	// CF1 for f = J'_ν/J_ν by the modified Lentz method; sign counts the
	// sign changes of the denominators, which is the sign of J_ν/J_(ν−1)….
	sign := 1.0
	h := max(nu*xi, besselFPMin)
	b := xi2 * nu
	d, c := 0.0, h
	for it := 1; ; it++ {
		if it == besselCF1Max {
			return math.NaN(), math.NaN()
		}
		b += xi2
		d = b - d
		if math.Abs(d) < besselFPMin {
			d = besselFPMin
		}
		c = b - 1/c
		if math.Abs(c) < besselFPMin {
			c = besselFPMin
		}
		d = 1 / d
		del := c * d
		h *= del
		if d < 0 {
			sign = -sign
		}
		if math.Abs(del-1) < besselEps {
			break
		}
	}
	// Recur J and J' down from ν to μ, rescaling to stay in range; scale
	// tracks J_ν in the units of the recurrence.
	jl := sign * 1e-30
	jpl := h * jl
	jl1 := jl
	for l := n - 1; l >= 0; l-- {
		// J_(m−1) = (m/x)J_m + J'_m and J'_(m−1) = ((m−1)/x)J_(m−1) − J_m
		// for m = μ+l+1, each factor computed afresh rather than by
		// repeated subtraction, whose rounding would accumulate.
		jt := (mu+float64(l+1))/x*jl + jpl
		jpl = (mu+float64(l))/x*jt - jl
		jl = jt
		if math.Abs(jl) > 1e250 {
			jl, jpl, jl1 = jl*1e-250, jpl*1e-250, jl1*1e-250
		}
	}
	if jl == 0 {
		jl = besselEps
	}
	f := jpl / jl
	var jmu, ymu, y1 float64
	if x < 2 {
		ymu, y1 = besselTemmeY(mu, x)
		ymup := mu*xi*ymu - y1
		jmu = w / (ymup - f*ymu)
	} else {
		p, q := besselCF2(mu, x)
		gam := (p - f) / q
		jmu = math.Copysign(math.Sqrt(w/((p-f)*gam+q)), jl)
		ymu = jmu * gam
		ymup := ymu * (p + q/gam)
		y1 = mu*xi*ymu - ymup
	}
	scale := jmu / jl
	j = jl1 * scale
	for i := 1; i <= n; i++ {
		ymu, y1 = y1, (mu+float64(i))*xi2*y1-ymu
	}
	return j, ymu
}

// besselTemmeY returns Y_μ(x) and Y_(μ+1)(x) for |μ| ≤ ½ and x < 2 by
// Temme's series (Temme 1976, eqs. 2.7–2.9).
func besselTemmeY(mu, x float64) (ymu, y1 float64) {
	x2, pimu, fact, d, e, fact2 := besselTemmeStart(mu, x)
	g1, g2, gpl, gmi := besselTemmeGammas(mu)
	ff := 2 / math.Pi * fact * (g1*math.Cosh(e) + g2*fact2*d)
	e = math.Exp(e)
	p := e / (gpl * math.Pi)
	q := 1 / (e * math.Pi * gmi)
	pimu2 := 0.5 * pimu
	fact3 := 1.0
	if math.Abs(pimu2) >= besselEps {
		fact3 = math.Sin(pimu2) / pimu2
	}
	r := math.Pi * pimu2 * fact3 * fact3
	c := 1.0
	dd := -x2 * x2
	sum := ff + r*q
	sum1 := p
	for i := 1.0; ; i++ {
		ff = (i*ff + p + q) / (i*i - mu*mu)
		c *= dd / i
		p /= i - mu
		q /= i + mu
		del := c * (ff + r*q)
		sum += del
		sum1 += c*p - i*del
		if math.Abs(del) < (1+math.Abs(sum))*besselEps {
			break
		}
	}
	return -sum, -sum1 * 2 / x
}

// besselCF2 returns p and q with p + iq = (J'_μ + iY'_μ)/(J_μ + iY_μ),
// from the complex continued fraction CF2 evaluated by Steed's method
// (the modified Lentz method in complex arithmetic), for x ≥ 2.
func besselCF2(mu, x float64) (p, q float64) {
	xi := 1 / x
	a := 0.25 - mu*mu
	p, q = -0.5*xi, 1
	br, bi := 2*x, 2.0
	fact := a * xi / (p*p + q*q)
	cr, ci := br+q*fact, bi+p*fact
	den := br*br + bi*bi
	dr, di := br/den, -bi/den
	dlr, dli := cr*dr-ci*di, cr*di+ci*dr
	p, q = p*dlr-q*dli, p*dli+q*dlr
	for i := 2.0; i < besselCF1Max; i++ {
		a += 2 * (i - 1)
		bi += 2
		dr, di = a*dr+br, a*di+bi
		if math.Abs(dr)+math.Abs(di) < besselFPMin {
			dr = besselFPMin
		}
		fact = a / (cr*cr + ci*ci)
		cr, ci = br+cr*fact, bi-ci*fact
		if math.Abs(cr)+math.Abs(ci) < besselFPMin {
			cr = besselFPMin
		}
		den = dr*dr + di*di
		dr, di = dr/den, -di/den
		dlr, dli = cr*dr-ci*di, cr*di+ci*dr
		p, q = p*dlr-q*dli, p*dli+q*dlr
		if math.Abs(dlr-1)+math.Abs(dli) < besselEps {
			break
		}
	}
	return p, q
}

// besselJYHankel returns J_ν(x) and Y_ν(x) from Hankel's expansions
// J = √(2/(πx))·(P cos χ − Q sin χ), Y = √(2/(πx))·(P sin χ + Q cos χ),
// χ = x − (ν/2 + ¼)π, with P = Σ (−1)^k a_2k/x^2k and
// Q = Σ (−1)^k a_(2k+1)/x^(2k+1) (A&S 9.2.5–9.2.10).
func besselJYHankel(nu, x float64) (j, y float64) {
	mu4 := 4 * nu * nu
	P, Q := 1.0, 0.0
	t := 1.0
	for k := 1.0; k < 200; k++ {
		odd := 2*k - 1
		t *= (mu4 - odd*odd) / (8 * k * x)
		var term float64
		switch int(k) % 4 {
		case 1:
			term = t
			Q += term
		case 2:
			term = -t
			P += term
		case 3:
			term = -t
			Q += term
		default:
			term = t
			P += term
		}
		if math.Abs(t) < besselEps*math.Max(math.Abs(P), math.Abs(Q)) {
			break
		}
	}
	// cos χ and sin χ with χ = x − φ, φ = (ν/2 + ¼)π reduced exactly.
	sx, cx := math.Sincos(x)
	sp, cp := besselSinPi(nu/2+0.25), cosPi(nu/2+0.25)
	cchi := cx*cp + sx*sp
	schi := sx*cp - cx*sp
	s := math.Sqrt(2 / (math.Pi * x))
	return s * (P*cchi - Q*schi), s * (P*schi + Q*cchi)
}
