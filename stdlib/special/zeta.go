package special

import "math"

// zetaBernoulli holds B₂ₖ/(2k)! for k = 1..15, the coefficients of the
// Euler–Maclaurin correction terms.
var zetaBernoulli = func() [15]float64 {
	b2k := [15]float64{1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6,
		-3617.0 / 510, 43867.0 / 798, -174611.0 / 330, 854513.0 / 138, -236364091.0 / 2730,
		8553103.0 / 6, -23749461029.0 / 870, 8615841276005.0 / 14322}
	var c [15]float64
	fact := 1.0
	for k := range b2k {
		fact *= float64(2*k+1) * float64(2*k+2)
		c[k] = b2k[k] / fact
	}
	return c
}()

// HurwitzZeta returns the Hurwitz zeta function ζ(s, q) = Σₙ (n+q)^−s,
// scipy.special.zeta(s, q), for s > 1. It is +Inf at s = 1 and NaN for
// s < 1; q ≤ 0 is allowed where the series makes sense, for integer s and
// non-integer q (q a pole, zero or a negative integer, gives +Inf).
//
// The method is Euler–Maclaurin summation (A&S 23.2.3, DLMF 2.10.1):
// the first N terms are summed directly, N at least 9 and large enough
// that w = N+q ≥ 9, and the tail is
//
//	w^(1−s)/(s−1) − w^(−s)/2 + Σₖ B₂ₖ/(2k)! · s(s+1)…(s+2k−2) · w^(−s−2k+1),
//
// its terms decreasing for the w used until they fall below the rounding
// of the sum (at most 15 of them). The direct sum stops early when its
// terms do, as for large s. Cost: a few dozen pow calls.
func HurwitzZeta(s, q float64) float64 {
	switch {
	case math.IsNaN(s) || math.IsNaN(q):
		return math.NaN()
	case s == 1:
		return math.Inf(1)
	case s < 1:
		return math.NaN()
	case q <= 0:
		if q == math.Floor(q) {
			return math.Inf(1)
		}
		if s != math.Floor(s) {
			return math.NaN() // (n+q)^−s is not real for n+q < 0
		}
	}
	return zetaEulerMaclaurin(s, q)
}

// zetaEulerMaclaurin sums ζ(s, q) as HurwitzZeta describes. It is valid
// for any s ≠ 1 where the terms are real: Zeta uses it on (−0.05, 1) too,
// where the partial sums are small enough not to cancel badly.
func zetaEulerMaclaurin(s, q float64) float64 {
	const eps = 0x1p-53
	sum := math.Pow(q, -s)
	w := q
	var term float64
	for n := 0; n < 9 || w <= 9; n++ {
		w++
		term = math.Pow(w, -s)
		sum += term
		if math.Abs(term/sum) < eps {
			return sum
		}
	}
	// The direct sum stopped at term = w^−s; the tail from w on is
	// ∫_w^∞ − term/2 + the Bernoulli corrections, the k-th being
	// B₂ₖ/(2k)! · s(s+1)…(s+2k−2) · w^(−s−2k+1).
	sum += term*w/(s-1) - term/2
	poch, pw := 1.0, term // s(s+1)…(s+j−1) and w^(−s−j)
	for k, b := range zetaBernoulli {
		j := float64(2 * k)
		poch *= s + j
		pw /= w
		t := b * poch * pw
		sum += t
		if math.Abs(t/sum) < eps {
			break
		}
		poch *= s + j + 1
		pw /= w
	}
	return sum
}

// Zeta returns the Riemann zeta function ζ(s) for real s,
// scipy.special.zeta(s): +Inf at the pole s = 1, 1 at +Inf and zero at
// the negative even integers.
//
// For s > −0.05 it is HurwitzZeta's Euler–Maclaurin sum with q = 1.
// Below, where that sum would cancel, it uses the reflection formula (Riemann's
// functional equation, DLMF 25.4.2)
//
//	ζ(s) = 2·(2π)^(s−1)·sin(πs/2)·Γ(1−s)·ζ(1−s),
//
// with sin(πs/2) reduced exactly so that the trivial zeros come out as
// zeros. For s < −170, where Γ(1−s) overflows, the factor
// (2π)^(s−1)·Γ(1−s) is formed as one exponential of Lgamma's value: the
// result then has a relative error of about |s|·ε·10 (1e-13 at s = −200;
// the function's own condition number there is |s·log|s||). ζ(s)
// overflows for s below about −260.
func Zeta(s float64) float64 {
	switch {
	case math.IsNaN(s) || math.IsInf(s, -1):
		return math.NaN()
	case math.IsInf(s, 1):
		return 1
	case s == 1:
		return math.Inf(1)
	case s > -0.05:
		return zetaEulerMaclaurin(s, 1)
	}
	t := 1 - s
	sin := zetaSinHalfPi(s)
	if sin == 0 {
		return 0
	}
	zt := zetaEulerMaclaurin(t, 1)
	// (2π)^−t = exp(−t·log 2π) with the product kept to double-double
	// precision, so that the rounding of 2π is not raised to the power t.
	p := t * zetaLog2PiHi
	dp := math.FMA(t, zetaLog2PiHi, -p) + t*zetaLog2PiLo
	if t < 170 {
		return 2 * sin * math.Gamma(t) * zt * (math.Exp(-p) * (1 - dp))
	}
	lg, _ := math.Lgamma(t)
	return 2 * sin * zt * (math.Exp(lg-p) * (1 - dp))
}

// zetaLog2PiHi + zetaLog2PiLo is log 2π to double-double precision.
const (
	zetaLog2PiHi = 1.8378770664093456
	zetaLog2PiLo = -7.756588316134483e-17
)

// zetaSinHalfPi returns sin(πs/2), reducing s to r = s − 4·round(s/4)
// in [−2, 2] first (exactly: |r| ≤ |s| and r is a multiple of s's ulp),
// so that it is exactly zero at the even integers and accurate near them.
func zetaSinHalfPi(s float64) float64 {
	r := s - 4*math.Round(s/4)
	switch {
	case r > 1:
		return math.Sin(math.Pi / 2 * (2 - r))
	case r < -1:
		return -math.Sin(math.Pi / 2 * (2 + r))
	}
	return math.Sin(math.Pi / 2 * r)
}
