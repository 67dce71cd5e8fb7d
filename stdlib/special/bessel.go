package special

import "math"

// The Bessel functions of the first and second kinds of integer order
// wrap Go's math package, a port of FreeBSD's e_j0.c, e_j1.c and e_jn.c:
// rational approximations for small arguments and Hankel's asymptotic
// form with rational fits to its P and Q beyond 2; Jn and Yn recur from
// the orders 0 and 1 (forward where stable, backward from a continued
// fraction for Jn with n > x). Like any double-precision implementation
// they are accurate in absolute terms, relative to the envelope
// √(2/(πx)), near their zeros.

// J0 returns the Bessel function of the first kind of order 0.
func J0(x float64) float64 { return math.J0(x) }

// J1 returns the Bessel function of the first kind of order 1.
func J1(x float64) float64 { return math.J1(x) }

// Jn returns the Bessel function of the first kind of integer order n,
// scipy.special.jv at integer order; J₋ₙ = (−1)ⁿJₙ and Jₙ(−x) =
// (−1)ⁿJₙ(x).
//
// For |x| < |n| math.Jn recurs backwards from a continued fraction for
// J_n/J_(n−1) and normalizes by J0(x) alone, which fails near the zeros
// of J0 (it returns ±Inf at x = 2.404825557695773); there Jn recurs the
// same way itself and normalizes by whichever of J0(x) and J1(x) is
// larger, as FreeBSD's e_jn.c does.
func Jn(n int, x float64) float64 {
	an, ax := n, math.Abs(x)
	if an < 0 {
		an = -an
	}
	if an < 2 || ax >= float64(an) || ax < 0x1p-29 || math.IsNaN(x) {
		return math.Jn(n, x)
	}
	if besselLogBound(an, ax) < underflowLog {
		return 0 // and the recurrences would take O(n) steps to say so
	}
	v := besselJnBackward(an, ax)
	if an%2 == 1 && (n < 0) != (x < 0) {
		return -v
	}
	return v
}

// besselJnBackward returns J_n(x) for n ≥ 2 and 0 < x < n by Miller's
// backward recurrence J_(k−1) = (2k/x)·J_k − J_(k+1), which is stable
// downwards, started from the continued fraction J_n/J_(n−1) =
// 1/(2n/x − 1/(2(n+1)/x − …)) evaluated from a depth where its
// denominators' recurrence exceeds 1e17.
func besselJnBackward(n int, x float64) float64 {
	w, h := float64(2*n)/x, 2/x
	q0, z := w, w+h
	q1 := w*z - 1
	k := 1
	for q1 < 1e17 {
		k++
		z += h
		q0, q1 = q1, z*q1-q0
	}
	t := 0.0
	for i := 2 * (n + k); i >= 2*n; i -= 2 {
		t = 1 / (float64(i)/x - t)
	}
	// a, b hold J_k, J_(k−1) up to a common factor; jn is J_n on the
	// same scale.
	jn := t
	a, b := t, 1.0
	for i := n - 1; i > 0; i-- {
		a, b = b, float64(2*i)/x*b-a
		if math.Abs(b) > 1e250 {
			a, b, jn = a*1e-250, b*1e-250, jn*1e-250
		}
	}
	j0, j1 := math.J0(x), math.J1(x)
	if math.Abs(j0) >= math.Abs(j1) {
		return jn * (j0 / b)
	}
	return jn * (j1 / a)
}

// Y0 returns the Bessel function of the second kind of order 0: −Inf at
// 0 and NaN for x < 0.
func Y0(x float64) float64 { return math.Y0(x) }

// Y1 returns the Bessel function of the second kind of order 1: −Inf at
// 0 and NaN for x < 0.
func Y1(x float64) float64 { return math.Y1(x) }

// Yn returns the Bessel function of the second kind of integer order n,
// scipy.special.yn: −Inf at 0 and NaN for x < 0.
//
// For 0 < x < n/2 the series DLMF 10.8.1 is dominated by its leading term
// −(n−1)!(2/x)ⁿ/π, all of whose companions in the finite sum have its
// sign; once that term passes the largest double, Yn is −Inf (after
// Y₋ₙ = (−1)ⁿYₙ) at once, where math.Yn would recur O(x) steps to find it.
func Yn(n int, x float64) float64 {
	an := n
	if an < 0 {
		an = -an
	}
	if x > 0 && an > 2 && x < float64(an)/2 {
		lead := lgammaOf(float64(an)) - halfPowerLog(an, x) - math.Log(math.Pi)
		if lead > math.Log(math.MaxFloat64) {
			if n < 0 && an%2 == 1 {
				return math.Inf(1)
			}
			return math.Inf(-1)
		}
	}
	return math.Yn(n, x)
}

// underflowLog is the logarithm of the smallest positive double.
var underflowLog = math.Log(math.SmallestNonzeroFloat64)

// besselLogBound is the logarithm of DLMF 10.14.4's bound
// |Jₙ(x)| ≤ (x/2)ⁿ/n! for real x ≥ 0 and n ≥ 0.
func besselLogBound(n int, x float64) float64 {
	return halfPowerLog(n, x) - lgammaOf(float64(n)+1)
}

// halfPowerLog is n·log(x/2), the logarithm of (x/2)ⁿ.
func halfPowerLog(n int, x float64) float64 { return float64(n) * math.Log(x/2) }

// lgammaOf is log Γ(x) for x > 0.
func lgammaOf(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}
