package special

import "math"

// This file computes the complete and incomplete elliptic integrals of
// the first and second kinds, in scipy's parameter convention
// (m = k²), from Carlson's symmetric integrals R_F and R_D: B. C.
// Carlson, "Numerical computation of real or complex elliptic integrals",
// Numerical Algorithms 10 (1995) 13–26, Algorithms 1 and 4. Each
// duplication step divides the spread of the arguments by 4; they run
// until it is below (3ε)^(1/6) of their mean, then a fifth-order series
// finishes with an error below ε.

// carlsonRF returns R_F(x, y, z) = ½∫₀^∞ dt/√((t+x)(t+y)(t+z)) for
// non-negative x, y, z, at most one of them zero.
func carlsonRF(x, y, z float64) float64 {
	x0, y0 := x, y
	a0 := (x + y + z) / 3
	q := math.Pow(3*besselEps, -1.0/6) * math.Max(math.Abs(a0-x), math.Max(math.Abs(a0-y), math.Abs(a0-z)))
	a := a0
	pow4 := 1.0
	for q*pow4 >= math.Abs(a) && pow4 > 1e-30 {
		sx, sy, sz := math.Sqrt(x), math.Sqrt(y), math.Sqrt(z)
		lam := sx*sy + sy*sz + sz*sx
		x, y, z = (x+lam)/4, (y+lam)/4, (z+lam)/4
		a = (a + lam) / 4
		pow4 /= 4
	}
	X := (a0 - x0) / a * pow4
	Y := (a0 - y0) / a * pow4
	Z := -(X + Y)
	e2 := X*Y - Z*Z
	e3 := X * Y * Z
	return (1 - e2/10 + e3/14 + e2*e2/24 - 3*e2*e3/44) / math.Sqrt(a)
}

// carlsonRD returns R_D(x, y, z) = (3/2)∫₀^∞ dt/((t+z)√((t+x)(t+y)(t+z)))
// for non-negative x, y (not both zero) and positive z.
func carlsonRD(x, y, z float64) float64 {
	x0, y0 := x, y
	a0 := (x + y + 3*z) / 5
	q := math.Pow(besselEps/4, -1.0/6) * math.Max(math.Abs(a0-x), math.Max(math.Abs(a0-y), math.Abs(a0-z)))
	a := a0
	pow4 := 1.0
	sum := 0.0
	for q*pow4 >= math.Abs(a) && pow4 > 1e-30 {
		sx, sy, sz := math.Sqrt(x), math.Sqrt(y), math.Sqrt(z)
		lam := sx*sy + sy*sz + sz*sx
		sum += pow4 / (sz * (z + lam))
		x, y, z = (x+lam)/4, (y+lam)/4, (z+lam)/4
		a = (a + lam) / 4
		pow4 /= 4
	}
	X := (a0 - x0) / a * pow4
	Y := (a0 - y0) / a * pow4
	Z := -(X + Y) / 3
	e2 := X*Y - 6*Z*Z
	e3 := (3*X*Y - 8*Z*Z) * Z
	e4 := 3 * (X*Y - Z*Z) * Z * Z
	e5 := X * Y * Z * Z * Z
	s := 1 - 3*e2/14 + e3/6 + 9*e2*e2/88 - 3*e4/22 - 9*e2*e3/52 + 3*e5/26
	return pow4*s/(a*math.Sqrt(a)) + 3*sum
}

// Ellipk returns the complete elliptic integral of the first kind
// K(m) = ∫₀^(π/2) dθ/√(1 − m sin²θ) = R_F(0, 1−m, 1), scipy.special.ellipk,
// for m ≤ 1: +Inf at 1, NaN above.
func Ellipk(m float64) float64 {
	switch {
	case math.IsNaN(m) || m > 1:
		return math.NaN()
	case m == 1:
		return math.Inf(1)
	case math.IsInf(m, -1):
		return 0
	}
	return carlsonRF(0, 1-m, 1)
}

// Ellipe returns the complete elliptic integral of the second kind
// E(m) = ∫₀^(π/2) √(1 − m sin²θ) dθ = R_F(0, 1−m, 1) − (m/3)R_D(0, 1−m, 1),
// scipy.special.ellipe, for m ≤ 1: 1 at m = 1, NaN above.
func Ellipe(m float64) float64 {
	switch {
	case math.IsNaN(m) || m > 1:
		return math.NaN()
	case m == 1:
		return 1
	case math.IsInf(m, -1):
		return math.Inf(1)
	}
	return carlsonRF(0, 1-m, 1) - m/3*carlsonRD(0, 1-m, 1)
}

// ellipReduce writes φ = kπ + ψ with |ψ| ≤ π/2.
func ellipReduce(phi float64) (k, psi float64) {
	k = math.Round(phi / math.Pi)
	return k, phi - k*math.Pi
}

// Ellipkinc returns the incomplete elliptic integral of the first kind
// F(φ|m) = ∫₀^φ dθ/√(1 − m sin²θ), scipy.special.ellipkinc:
// sin ψ·R_F(cos²ψ, 1 − m sin²ψ, 1) + 2k·K(m) for φ = kπ + ψ. NaN where
// 1 − m sin²θ turns negative on the way.
func Ellipkinc(phi, m float64) float64 {
	return ellipInc(phi, m, func(s, c, d float64) float64 { return s * carlsonRF(c*c, d, 1) }, Ellipk)
}

// Ellipeinc returns the incomplete elliptic integral of the second kind
// E(φ|m) = ∫₀^φ √(1 − m sin²θ) dθ, scipy.special.ellipeinc:
// sin ψ·R_F(cos²ψ, d, 1) − (m/3)sin³ψ·R_D(cos²ψ, d, 1) + 2k·E(m) for
// φ = kπ + ψ and d = 1 − m sin²ψ.
func Ellipeinc(phi, m float64) float64 {
	return ellipInc(phi, m, func(s, c, d float64) float64 {
		return s*carlsonRF(c*c, d, 1) - m/3*s*s*s*carlsonRD(c*c, d, 1)
	}, Ellipe)
}

// ellipInc is what Ellipkinc and Ellipeinc share: NaN gives NaN, an
// infinite φ or m = 0 gives φ; otherwise, with φ = kπ + ψ, s = sin ψ,
// c = cos ψ and d = 1 − m sin²ψ, the integral is partial(s, c, d) plus 2k
// times the complete integral at m, and NaN where d < 0 or where a whole
// period is taken with m > 1.
func ellipInc(phi, m float64, partial func(s, c, d float64) float64, complete func(m float64) float64) float64 {
	switch {
	case math.IsNaN(phi) || math.IsNaN(m):
		return math.NaN()
	case math.IsInf(phi, 0):
		return phi
	case m == 0:
		return phi
	}
	k, psi := ellipReduce(phi)
	s, c := math.Sincos(psi)
	d := 1 - m*s*s
	if d < 0 || k != 0 && m > 1 {
		return math.NaN()
	}
	f := partial(s, c, d)
	if k != 0 {
		f += 2 * k * complete(m)
	}
	return f
}
