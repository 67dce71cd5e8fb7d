package special

import "math"

// Sinc returns the normalized sinc function sin(πx)/(πx), numpy.sinc, 1
// at 0. sin(πx) is formed from x reduced exactly modulo 2, so the zeros
// at the nonzero integers are exact (numpy's sin(pi*x) gives about 1e-17
// there).
func Sinc(x float64) float64 {
	switch {
	case x == 0:
		return 1
	case math.IsInf(x, 0):
		return 0
	}
	a := math.Abs(x)
	return besselSinPi(a) / (math.Pi * a)
}

// Binom returns the binomial coefficient C(n, k) for real n and k,
// scipy.special.binom: for whole k ≥ 0 below 20 (after the symmetry
// k → n−k for whole n) the product Π (n−k+i)/i; otherwise
// 1/((n+1)·B(n−k+1, k+1)), with scipy's forms for k far beyond |n| (the
// same cases as scipy's orthogonal_eval.pxd). NaN at negative whole n.
func Binom(n, k float64) float64 {
	if math.IsNaN(n) || math.IsNaN(k) {
		return math.NaN()
	}
	if n < 0 && n == math.Floor(n) {
		return math.NaN()
	}
	kx := math.Floor(k)
	if k == kx && (math.Abs(n) > 1e-8 || n == 0) {
		nx := math.Floor(n)
		if nx == n && kx > nx/2 && nx > 0 {
			kx = nx - kx
		}
		if kx >= 0 && kx < 20 {
			num, den := 1.0, 1.0
			for i := 1.0; i <= kx; i++ {
				num *= i + n - kx
				den *= i
				if math.Abs(num) > 1e50 {
					num /= den
					den = 1
				}
			}
			return num / den
		}
	}
	switch {
	case n >= 1e10*k && k > 0:
		lbeta := Gammaln(1+n-k) + Gammaln(1+k) - Gammaln(2+n)
		return math.Exp(-lbeta - math.Log(n+1))
	case k > 1e8*math.Abs(n):
		num := Gamma(1+n)/math.Abs(k) + Gamma(1+n)*n/(2*k*k)
		num /= math.Pi * math.Pow(math.Abs(k), n)
		if k > 0 {
			kx := math.Floor(k)
			dk, sgn := k, 1.0
			if kx == k {
				dk = k - kx
				if math.Mod(kx, 2) != 0 {
					sgn = -1
				}
			}
			return num * math.Sin((dk-n)*math.Pi) * sgn
		}
		if kx == k {
			return 0
		}
		return num * math.Sin(k*math.Pi)
	}
	return 1 / (n + 1) / Beta(1+n-k, 1+k)
}

// Poch returns the rising factorial (Pochhammer symbol)
// (z)_m = Γ(z+m)/Γ(z), scipy.special.poch: a product for whole m with
// |m| ≤ 40, Γ(m)/B(z, m) where that is finite (Beta is careful where the
// Gammas would overflow), else exp(lnΓ(z+m) − lnΓ(z)) with the signs.
func Poch(z, m float64) float64 {
	switch {
	case math.IsNaN(z) || math.IsNaN(m):
		return math.NaN()
	case m == 0:
		return 1
	}
	if m == math.Floor(m) && math.Abs(m) <= 40 {
		r := 1.0
		if m > 0 {
			for i := 0.0; i < m; i++ {
				r *= z + i
			}
			return r
		}
		for i := 1.0; i <= -m; i++ {
			r *= z - i
		}
		return 1 / r
	}
	if specialIsPole(z) {
		if specialIsPole(z + m) {
			// Both poles: the limit Γ(z+m)/Γ(z) = (−1)^m·Γ(1−z)/Γ(1−z−m).
			return math.Pow(-1, m) * Gamma(1-z) / Gamma(1-z-m)
		}
		return 0
	}
	if m > 0 && m < 171 && !specialIsPole(m) {
		if b := Beta(z, m); b != 0 && !math.IsInf(b, 0) {
			return Gamma(m) / b
		}
	}
	lzm, szm := math.Lgamma(z + m)
	lz, sz := math.Lgamma(z)
	return float64(szm*sz) * math.Exp(lzm-lz)
}

// SphericalJn returns the spherical Bessel function of the first kind
// j_n(x) = √(π/2x)·J_(n+½)(x), scipy.special.spherical_jn, for whole
// n ≥ 0 (NaN otherwise): sin(x)/x for n = 0, 1 at x = 0 for n = 0 and 0
// for n > 0, and j_n(−x) = (−1)^n·j_n(x).
func SphericalJn(n, x float64) float64 {
	switch {
	case math.IsNaN(n) || math.IsNaN(x) || n < 0 || n != math.Floor(n):
		return math.NaN()
	case x < 0:
		j := SphericalJn(n, -x)
		if math.Mod(n, 2) != 0 {
			return -j
		}
		return j
	case x == 0:
		if n == 0 {
			return 1
		}
		return 0
	case math.IsInf(x, 1):
		return 0
	case n == 0:
		return math.Sin(x) / x
	}
	return math.Sqrt(math.Pi/(2*x)) * Jv(n+0.5, x)
}

// SphericalYn returns the spherical Bessel function of the second kind
// y_n(x) = √(π/2x)·Y_(n+½)(x), scipy.special.spherical_yn, for whole
// n ≥ 0 (NaN otherwise): −cos(x)/x for n = 0, −Inf at x = 0, and
// y_n(−x) = (−1)^(n+1)·y_n(x).
func SphericalYn(n, x float64) float64 {
	switch {
	case math.IsNaN(n) || math.IsNaN(x) || n < 0 || n != math.Floor(n):
		return math.NaN()
	case x < 0:
		y := SphericalYn(n, -x)
		if math.Mod(n, 2) == 0 {
			return -y
		}
		return y
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return 0
	case n == 0:
		return -math.Cos(x) / x
	}
	return math.Sqrt(math.Pi/(2*x)) * Yv(n+0.5, x)
}
