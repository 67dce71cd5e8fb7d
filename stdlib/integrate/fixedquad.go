package integrate

import (
	"errors"
	"math"
)

// ErrFixedQuadInput reports what FixedQuad cannot integrate: an infinite
// or NaN limit, or fewer than one node.
var ErrFixedQuadInput = errors.New("fixed_quad needs finite limits and at least one node")

// FixedQuad integrates f from a to b by the n-point Gauss–Legendre rule,
// as scipy.integrate.fixed_quad: exact for polynomials of degree up to
// 2n − 1, n evaluations of f, no error estimate. The limits must be
// finite.
func FixedQuad(f func(float64) float64, a, b float64, n int) (float64, error) {
	if n < 1 || math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsNaN(a) || math.IsNaN(b) {
		return 0, ErrFixedQuadInput
	}
	x, w := GaussLegendre(n)
	half := (b - a) / 2
	sum := 0.0
	for i := range x {
		sum += w[i] * f(half*(x[i]+1)+a)
	}
	return half * sum, nil
}

// GaussLegendre returns the nodes, ascending, and weights of the n-point
// Gauss–Legendre rule on [−1, 1], as scipy.special.roots_legendre. Each
// node is found by Newton's iteration on Pₙ from Tricomi's approximation
// cos(π(i − 1/4)/(n + 1/2)) (A&S 22.16.6), Pₙ and Pₙ′ evaluated by the
// three-term recurrence, and its weight is 2/((1 − x²)·Pₙ′(x)²)
// (A&S 25.4.29); the rule is made exactly symmetric. Cost O(n²).
func GaussLegendre(n int) (x, w []float64) {
	x, w = make([]float64, n), make([]float64, n)
	for i := range (n + 1) / 2 {
		t := math.Cos(math.Pi * (float64(i) + 0.75) / (float64(n) + 0.5))
		var dp float64
		for range 100 {
			var p float64
			p, dp = legendreAndDerivative(n, t)
			step := p / dp
			t -= step
			if math.Abs(step) <= 1e-16*math.Abs(t) {
				break
			}
		}
		_, dp = legendreAndDerivative(n, t)
		weight := 2 / ((1 - t*t) * dp * dp)
		x[i], x[n-1-i] = -t, t
		w[i], w[n-1-i] = weight, weight
	}
	if n%2 == 1 {
		x[n/2] = 0
	}
	return x, w
}

// legendreAndDerivative returns Pₙ(t) and Pₙ′(t) by the recurrence
// (k+1)Pₖ₊₁ = (2k+1)t·Pₖ − k·Pₖ₋₁ and Pₙ′ = n(t·Pₙ − Pₙ₋₁)/(t² − 1).
func legendreAndDerivative(n int, t float64) (p, dp float64) {
	p, prev := 1.0, 0.0
	for k := range n {
		p, prev = (float64(2*k+1)*t*p-float64(k)*prev)/float64(k+1), p
	}
	return p, float64(n) * (t*p - prev) / (t*t - 1)
}
