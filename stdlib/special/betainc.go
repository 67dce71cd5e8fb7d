package special

import "math"

// betaCF returns the continued fraction of I_x(a, b) (A&S 26.5.8, as
// Numerical Recipes' betacf arranges it) by the modified Lentz method;
// it converges fast for x < (a+1)/(a+b+2).
func betaCF(a, b, x float64) float64 {
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 - qab*x/qap
	if math.Abs(d) < lentzTiny {
		d = lentzTiny
	}
	d = 1 / d
	h := d
	for m := 1.0; m < incMaxIter; m++ {
		m2 := 2 * m
		h *= lentzStep(m*(b-m)*x/((qam+m2)*(a+m2)), 1, &c, &d)
		del := lentzStep(-(a+m)*(qab+m)*x/((a+m2)*(qap+m2)), 1, &c, &d)
		h *= del
		if math.Abs(del-1) < besselEps {
			break
		}
	}
	return h
}

// lentzTiny stands in for a zero denominator in the modified Lentz method.
const lentzTiny = 1e-300

// lentzStep takes one term a/(b + …) of a continued fraction by the
// modified Lentz method (Numerical Recipes §5.2): it updates the ratios
// c and d, a zero replaced by lentzTiny, and returns the factor d·c by
// which the fraction's value changes.
func lentzStep(a, b float64, c, d *float64) float64 {
	*d = b + a**d
	if math.Abs(*d) < lentzTiny {
		*d = lentzTiny
	}
	*c = b + a/(*c)
	if math.Abs(*c) < lentzTiny {
		*c = lentzTiny
	}
	*d = 1 / *d
	return *d * *c
}

// betaPrefactor returns x^a·(1−x)^b/(a·B(a, b)).
func betaPrefactor(a, b, x float64) float64 {
	return math.Exp(a*math.Log(x)+b*math.Log1p(-x)) / (a * Beta(a, b))
}

// Betainc returns the regularized incomplete beta function
// I_x(a, b) = ∫₀ˣ t^(a−1)(1−t)^(b−1) dt / B(a, b), scipy.special.betainc,
// for a, b > 0 and 0 ≤ x ≤ 1 (NaN otherwise), by the continued fraction
// for x below (a+1)/(a+b+2) and 1 − I_(1−x)(b, a) above. Its relative
// accuracy is about 1e-14 for a and b up to a few hundred; the prefactor
// x^a(1−x)^b loses about ε·(a|ln x| + b|ln(1−x)|) beyond.
func Betainc(a, b, x float64) float64 {
	switch {
	case math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(x) || a <= 0 || b <= 0 || x < 0 || x > 1:
		return math.NaN()
	case x == 0:
		return 0
	case x == 1:
		return 1
	case x < (a+1)/(a+b+2):
		return betaPrefactor(a, b, x) * betaCF(a, b, x)
	}
	return 1 - betaPrefactor(b, a, 1-x)*betaCF(b, a, 1-x)
}

// Betaincinv returns the x with I_x(a, b) = y, scipy.special.betaincinv,
// for a, b > 0 and 0 ≤ y ≤ 1, by Newton's method on I from a start of
// Numerical Recipes' invbetai kind, kept inside a bracket that bisection
// takes over when a step would leave it.
func Betaincinv(a, b, y float64) float64 {
	switch {
	case math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(y) || a <= 0 || b <= 0 || y < 0 || y > 1:
		return math.NaN()
	case y == 0:
		return 0
	case y == 1:
		return 1
	}
	// Start: for a, b ≥ 1 a normal approximation (A&S 26.5.22), else the
	// inversion of the leading power of either tail.
	var x float64
	if a >= 1 && b >= 1 {
		pp := y
		if y >= 0.5 {
			pp = 1 - y
		}
		t := math.Sqrt(-2 * math.Log(pp))
		z := (2.30753+t*0.27061)/(1+t*(0.99229+t*0.04481)) - t
		if y < 0.5 {
			z = -z
		}
		al := (z*z - 3) / 6
		h := 2 / (1/(2*a-1) + 1/(2*b-1))
		w := z*math.Sqrt(al+h)/h - (1/(2*b-1)-1/(2*a-1))*(al+5.0/6-2/(3*h))
		x = a / (a + b*math.Exp(2*w))
	} else {
		lna, lnb := math.Log(a/(a+b)), math.Log(b/(a+b))
		t := math.Exp(a*lna) / a
		u := math.Exp(b*lnb) / b
		w := t + u
		if y < t/w {
			x = math.Pow(a*w*y, 1/a)
		} else {
			x = 1 - math.Pow(b*w*(1-y), 1/b)
		}
	}
	lo, hi := 0.0, 1.0
	lbeta := math.Log(Beta(a, b))
	for it := 0; it < 300; it++ {
		if !(x > lo && x < hi) {
			x = (lo + hi) / 2
		}
		f := Betainc(a, b, x) - y
		if f == 0 {
			return x
		}
		if f > 0 {
			hi = x
		} else {
			lo = x
		}
		d := math.Exp((a-1)*math.Log(x) + (b-1)*math.Log1p(-x) - lbeta)
		next := x - f/d
		if !(next > lo && next < hi) || d == 0 || math.IsInf(d, 0) {
			next = (lo + hi) / 2
		}
		if math.Abs(next-x) <= 2e-16*math.Max(x, 1e-300) || hi-lo <= 2e-16*x {
			return next
		}
		x = next
	}
	return x
}
