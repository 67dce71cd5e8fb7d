package optimize

// This file is shared by every algorithm of the package: small vector
// helpers, named vec*. Call them rather than writing another dot product
// or norm, and add new generic helpers here with the same prefix.

import (
	"fmt"
	"math"
)

// vecDot returns Σ a[i]·b[i], summed in index order.
func vecDot(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

// vecNorm returns the ord-norm of x as scipy's vecnorm: max |x[i]| for
// ord = +Inf, min |x[i]| for ord = -Inf, √(x·x) for ord = 2 and
// (Σ |x[i]|^ord)^(1/ord) otherwise.
func vecNorm(x []float64, ord float64) float64 {
	switch {
	case math.IsInf(ord, 1):
		m := 0.0
		for _, v := range x {
			m = math.Max(m, math.Abs(v))
		}
		return m
	case math.IsInf(ord, -1):
		m := math.Inf(1)
		for _, v := range x {
			m = math.Min(m, math.Abs(v))
		}
		return m
	case ord == 2:
		return math.Sqrt(vecDot(x, x))
	}
	var s float64
	for _, v := range x {
		s += math.Pow(math.Abs(v), ord)
	}
	return math.Pow(s, 1/ord)
}

// vecCheckStart returns an error unless x0 is a non-empty vector of
// finite numbers, the precondition of every minimizer.
func vecCheckStart(x0 []float64) error {
	if len(x0) == 0 {
		return ErrDimension
	}
	for i, v := range x0 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("optimize: the starting point is not finite: x0[%d] = %v", i, v)
		}
	}
	return nil
}

// vecNaN returns a vector of n NaNs.
func vecNaN(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}

// vecAnyNonzero reports whether some element of x is not zero (numpy's
// any).
func vecAnyNonzero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return true
		}
	}
	return false
}

// vecSumAbs returns Σ|x[i]| summed as numpy's np.add.reduce sums a
// contiguous array: pairwise, with eight running sums in blocks of at
// most 128, so that results agree with scipy's to the last bit.
func vecSumAbs(x []float64) float64 {
	n := len(x)
	switch {
	case n < 8:
		s := 0.0
		for _, v := range x {
			s += math.Abs(v)
		}
		return s
	case n <= 128:
		var r [8]float64
		for j := range r {
			r[j] = math.Abs(x[j])
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range r {
				r[j] += math.Abs(x[i+j])
			}
		}
		s := (r[0] + r[1]) + (r[2] + r[3]) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += math.Abs(x[i])
		}
		return s
	}
	n2 := n / 2
	n2 -= n2 % 8
	return vecSumAbs(x[:n2]) + vecSumAbs(x[n2:])
}
