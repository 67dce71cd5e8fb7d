package special

import "math"

// maxDegree bounds the degrees the recurrences run to (a millisecond or
// two); beyond it the polynomials give NaN.
const maxDegree = 1e6

// wholeDegree reports whether n is a whole number small enough to recur
// on.
func wholeDegree(n float64) bool { return n == math.Floor(n) && math.Abs(n) <= maxDegree }

// EvalLegendre returns the Legendre polynomial P_n(x),
// scipy.special.eval_legendre, for whole n, by Bonnet's recurrence
// (k+1)P_(k+1) = (2k+1)x·P_k − k·P_(k−1) (A&S 22.7.10), with
// P_(−n−1) = P_n. A non-whole n gives NaN (scipy then evaluates a
// hypergeometric function, which calc does not), and so does
// |n| > maxDegree.
func EvalLegendre(n, x float64) float64 {
	if !wholeDegree(n) || math.IsNaN(x) {
		return math.NaN()
	}
	if n < 0 {
		n = -n - 1
	}
	p0, p1 := 1.0, x
	if n == 0 {
		return p0
	}
	for k := 1.0; k < n; k++ {
		p0, p1 = p1, ((2*k+1)*x*p1-k*p0)/(k+1)
	}
	return p1
}

// EvalChebyt returns the Chebyshev polynomial of the first kind T_n(x),
// scipy.special.eval_chebyt, for whole n (T_−n = T_n), by the recurrence
// T_(k+1) = 2x·T_k − T_(k−1) (A&S 22.7.4). A non-whole n gives NaN.
func EvalChebyt(n, x float64) float64 {
	if !wholeDegree(n) || math.IsNaN(x) {
		return math.NaN()
	}
	n = math.Abs(n)
	t0, t1 := 1.0, x
	if n == 0 {
		return t0
	}
	for k := 1.0; k < n; k++ {
		t0, t1 = t1, 2*x*t1-t0
	}
	return t1
}

// EvalHermite returns the physicists' Hermite polynomial H_n(x),
// scipy.special.eval_hermite, for whole n ≥ 0 (NaN otherwise), by the
// recurrence H_(k+1) = 2x·H_k − 2k·H_(k−1) (A&S 22.7.13).
func EvalHermite(n, x float64) float64 {
	if !wholeDegree(n) || n < 0 || math.IsNaN(x) {
		return math.NaN()
	}
	h0, h1 := 1.0, 2*x
	if n == 0 {
		return h0
	}
	for k := 1.0; k < n; k++ {
		h0, h1 = h1, 2*x*h1-2*k*h0
	}
	return h1
}

// LegendreCoefficients returns the coefficients of P_n, highest power
// first (numpy's order, as scipy.special.legendre's poly1d), from
// Bonnet's recurrence on coefficient vectors.
func LegendreCoefficients(n int) []float64 {
	// Lowest power first while recurring.
	p0, p1 := []float64{1}, []float64{0, 1}
	if n == 0 {
		p1 = p0
	}
	for k := 1; k < n; k++ {
		next := make([]float64, k+2)
		for i, c := range p1 {
			next[i+1] += float64(2*k+1) * c / float64(k+1)
		}
		for i, c := range p0 {
			next[i] -= float64(k) * c / float64(k+1)
		}
		p0, p1 = p1, next
	}
	out := make([]float64, len(p1))
	for i, c := range p1 {
		out[len(p1)-1-i] = c
	}
	return out
}
