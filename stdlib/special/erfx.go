package special

import "math"

// expSquare returns e^(x²) with the rounding error of x² compensated:
// x² = h + l exactly (h the rounded square, l by Dekker's product), and
// e^(x²) = e^h·(1 + l), so the result is accurate to a few ulps where
// e^(x·x) would lose x²·ε.
func expSquare(x float64) float64 {
	h := x * x
	l := math.FMA(x, x, -h)
	return math.Exp(h) * (1 + l)
}

// Erfcx returns the scaled complementary error function e^(x²)·erfc(x),
// scipy.special.erfcx: erfc's tail without its underflow. For x < 10 it
// is erfc(x)·e^(x²) (FreeBSD's erfc, on which math.Erfc is built, is
// accurate to an ulp or two in relative terms throughout); from 10 on,
// the asymptotic series 1/(x√π)·Σ (−1)^k (2k−1)!!/(2x²)^k, whose terms
// fall below ε before they grow; for negative x, 2e^(x²) − erfcx(−x),
// which overflows to +Inf below about −26.6.
func Erfcx(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x < 0:
		if x < -26.7 {
			return math.Inf(1)
		}
		return 2*expSquare(x) - Erfcx(-x)
	case x < 10:
		return math.Erfc(x) * expSquare(x)
	case math.IsInf(x, 1):
		return 0
	}
	inv := 1 / (2 * x * x)
	sum, term := 1.0, 1.0
	for k := 1.0; k < 60; k++ {
		term *= -(2*k - 1) * inv
		sum += term
		if math.Abs(term) < 1e-17 {
			break
		}
	}
	return sum / (x * math.SqrtPi)
}

// Erfcinv returns the inverse of erfc on (0, 2), scipy.special.erfcinv:
// +Inf at 0, −Inf at 2, NaN outside [0, 2]. From ½ to 1 it is
// erfinv(1 − y), exact in 1 − y; above 1 it uses erfcinv(y) =
// −erfcinv(2 − y); below ½, where 1 − y would lose y's digits, Newton's
// method on log erfc(x) = log erfcx(x) − x² refines that start (or an
// asymptotic one for tiny y) to full precision.
func Erfcinv(y float64) float64 {
	switch {
	case math.IsNaN(y) || y < 0 || y > 2:
		return math.NaN()
	case y == 0:
		return math.Inf(1)
	case y == 2:
		return math.Inf(-1)
	case y > 1:
		return -Erfcinv(2 - y)
	case y >= 0.5:
		return math.Erfinv(1 - y)
	}
	x := math.Erfinv(1 - y)
	if y < 1e-15 || math.IsInf(x, 0) {
		// erfc(x) ≈ e^(−x²)/(x√π): x² ≈ −ln(y√π·x), iterated once.
		t := math.Sqrt(-math.Log(y))
		x = math.Sqrt(-math.Log(y * math.SqrtPi * t))
	}
	ly := math.Log(y)
	for range 50 {
		ex := Erfcx(x)
		g := math.Log(ex) - x*x - ly
		step := g * ex * math.SqrtPi / 2 // g / g', g' = −2/(√π·erfcx)
		x += step
		if math.Abs(step) <= 1e-16*x {
			break
		}
	}
	return x
}
