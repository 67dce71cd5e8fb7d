package integrate

import (
	"errors"
	"fmt"
)

// This file integrates sampled data as scipy.integrate's trapezoid,
// cumulative_trapezoid, simpson and romb do (scipy 1.10). Each takes the
// samples y and either their abscissae x or, when x is nil, their spacing
// dx (scipy's default spacing is 1). A non-nil x of another length than y
// is a programming error and panics. Each costs O(len(y)).

// sampledSpacing returns the width of interval i: x[i+1]−x[i], or dx.
func sampledSpacing(x []float64, dx float64, i int) float64 {
	if x == nil {
		return dx
	}
	return x[i+1] - x[i]
}

func sampledCheck(name string, y, x []float64) {
	if x != nil && len(x) != len(y) {
		panic(fmt.Sprintf("integrate.%s: %d abscissae for %d samples", name, len(x), len(y)))
	}
}

// Trapezoid integrates the samples y by the composite trapezoidal rule,
// Σ (x[i+1]−x[i])·(y[i]+y[i+1])/2, or with spacing dx when x is nil. It is
// zero for fewer than two samples.
func Trapezoid(y, x []float64, dx float64) float64 {
	sampledCheck("Trapezoid", y, x)
	var sum float64
	for i := 0; i+1 < len(y); i++ {
		sum += sampledSpacing(x, dx, i) * (y[i] + y[i+1]) / 2
	}
	return sum
}

// CumulativeTrapezoid returns the running trapezoidal integrals of y:
// element i is the integral from the first sample to sample i+1, so there
// are len(y)−1 of them. If initial is not nil its value is prepended,
// giving len(y) elements whose i-th is the integral up to sample i (plus
// *initial), as scipy's initial=0 does.
func CumulativeTrapezoid(y, x []float64, dx float64, initial *float64) []float64 {
	sampledCheck("CumulativeTrapezoid", y, x)
	out := make([]float64, 0, len(y))
	if initial != nil {
		out = append(out, *initial)
	}
	var sum float64
	for i := 0; i+1 < len(y); i++ {
		sum += sampledSpacing(x, dx, i) * (y[i] + y[i+1]) / 2
		out = append(out, sum)
	}
	return out
}

// SimpsonEven chooses how Simpson treats an even number of samples, that
// is an odd number of intervals, which Simpson's rule cannot cover with
// pairs of intervals alone (scipy 1.10's even argument).
type SimpsonEven int

const (
	// SimpsonAvg averages SimpsonFirst and SimpsonLast: scipy 1.10's
	// default, even='avg'.
	SimpsonAvg SimpsonEven = iota
	// SimpsonFirst applies Simpson's rule to the first N−2 intervals and
	// the trapezoidal rule to the last (even='first').
	SimpsonFirst
	// SimpsonLast applies the trapezoidal rule to the first interval and
	// Simpson's rule to the rest (even='last').
	SimpsonLast
)

// Simpson integrates the samples y by the composite Simpson's rule, as
// scipy 1.10's simpson. Each pair of intervals of widths h0, h1 with
// samples y0, y1, y2 contributes
//
//	(h0+h1)/6 · ((2 − h1/h0)·y0 + (h0+h1)²/(h0·h1)·y1 + (2 − h0/h1)·y2),
//
// the integral of the parabola through the three points, which is
// (h/3)(y0 + 4y1 + y2) for equal spacing h. An odd number of samples is
// covered by pairs exactly; an even number is treated as even says
// (SimpsonAvg, the zero value, is scipy's default). Fewer than two samples
// give zero.
func Simpson(y, x []float64, dx float64, even SimpsonEven) float64 {
	sampledCheck("Simpson", y, x)
	n := len(y)
	if n%2 == 1 {
		return sampledSimpsonPairs(y, x, dx, 0, n-2)
	}
	if n == 0 {
		return 0
	}
	var val, result float64
	if even != SimpsonLast {
		val += 0.5 * sampledSpacing(x, dx, n-2) * (y[n-1] + y[n-2])
		result = sampledSimpsonPairs(y, x, dx, 0, n-3)
	}
	if even != SimpsonFirst {
		val += 0.5 * sampledSpacing(x, dx, 0) * (y[1] + y[0])
		result += sampledSimpsonPairs(y, x, dx, 1, n-2)
	}
	if even == SimpsonAvg {
		val /= 2
		result /= 2
	}
	return result + val
}

// sampledSimpsonPairs is scipy's _basic_simpson: Simpson's rule on the
// pairs of intervals starting at samples start, start+2, ... below stop.
// A zero interval width contributes as numpy's guarded divisions make it.
func sampledSimpsonPairs(y, x []float64, dx float64, start, stop int) float64 {
	var sum float64
	if x == nil {
		for i := start; i < stop; i += 2 {
			sum += y[i] + 4*y[i+1] + y[i+2]
		}
		return sum * dx / 3
	}
	div := func(a, b float64) float64 {
		if b == 0 {
			return 0
		}
		return a / b
	}
	for i := start; i < stop; i += 2 {
		h0, h1 := x[i+1]-x[i], x[i+2]-x[i+1]
		hsum, hprod := h0+h1, h0*h1
		h0divh1 := div(h0, h1)
		sum += hsum / 6 * (y[i]*(2-div(1, h0divh1)) + y[i+1]*(hsum*div(hsum, hprod)) + y[i+2]*(2-h0divh1))
	}
	return sum
}

// ErrRombSamples reports a number of samples that is not 2^k+1.
var ErrRombSamples = errors.New("integrate: number of samples must be one plus a non-negative power of 2")

// Romb integrates 2^k+1 equally spaced samples with spacing dx by Romberg
// integration, as scipy's romb: the trapezoidal rule on the 2^j+1
// subsamples of every 2^(k−j)-th point for j = 0..k, extrapolated by
// Richardson's rule R(i, j) = R(i, j−1) + (R(i, j−1) − R(i−1, j−1))/(4^j −
// 1) (W. Romberg, "Vereinfachte numerische Integration", Det Kong. Norske
// Vid. Selsk. Forh. 28 (1955) 30–36). It costs O(len(y)) additions and
// O(k²) for the table. Any other number of samples, one included, gives
// ErrRombSamples.
func Romb(y []float64, dx float64) (float64, error) {
	nInterv := len(y) - 1
	k := 0
	for 1<<k < nInterv {
		k++
	}
	if nInterv < 1 || 1<<k != nInterv {
		return 0, ErrRombSamples
	}
	h := float64(nInterv) * dx
	prev := []float64{(y[0] + y[nInterv]) / 2 * h}
	start, step := nInterv, nInterv
	for i := 1; i <= k; i++ {
		start >>= 1
		var sum float64
		for j := start; j < nInterv; j += step {
			sum += y[j]
		}
		step >>= 1
		row := make([]float64, i+1)
		row[0] = 0.5 * (prev[0] + h*sum)
		for j := 1; j <= i; j++ {
			row[j] = row[j-1] + (row[j-1]-prev[j-1])/float64(int(1)<<(2*j)-1)
		}
		prev = row
		h /= 2
	}
	return prev[k], nil
}
