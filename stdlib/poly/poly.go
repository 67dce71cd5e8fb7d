// Package poly implements numpy's polynomial functions on coefficient
// slices in numpy's order, the highest power first: p = [2, 0, -1] is
// 2x² - 1. It evaluates, fits by least squares, differentiates,
// integrates and finds all complex roots.
package poly

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"calc/stdlib/array"
	"calc/stdlib/linalg"

	"gonum.org/v1/gonum/mat"
)

// Val returns p(x) by Horner's rule, in numpy.polyval's order of
// operations (so to the bit): y = y·x + c for each coefficient c.
func Val(p []float64, x float64) float64 {
	y := 0.0
	for _, c := range p {
		y = y*x + c
	}
	return y
}

// Fit returns the coefficients of the polynomial of degree deg that fits
// the points (x[i], y[i]) best in the least-squares sense, weighting each
// residual by w[i] (w nil for none), as numpy.polyfit: the Vandermonde
// matrix's columns are scaled to unit norm before solving, which keeps
// high degrees well conditioned. The system is solved by Householder QR
// (gonum), where numpy uses an SVD; both give the same least-squares
// solution for a full-rank matrix. It costs O(n·deg²).
func Fit(x, y, w []float64, deg int) ([]float64, error) {
	n, order := len(x), deg+1
	switch {
	case deg < 0:
		return nil, fmt.Errorf("polyfit: the degree must be at least 0, got %d", deg)
	case len(y) != n:
		return nil, fmt.Errorf("polyfit: x and y differ in length (%d and %d)", n, len(y))
	case w != nil && len(w) != n:
		return nil, fmt.Errorf("polyfit: %d weights for %d points", len(w), n)
	case n < order:
		return nil, fmt.Errorf("polyfit: %d points cannot determine a polynomial of degree %d", n, deg)
	}
	lhs := make([]float64, n*order)
	rhs := make([]float64, n)
	for i, xi := range x {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		v := wi
		for j := order - 1; j >= 0; j-- {
			lhs[i*order+j] = v
			v *= xi
		}
		rhs[i] = y[i] * wi
	}
	scale := make([]float64, order)
	for i := range n {
		for j, v := range lhs[i*order : (i+1)*order] {
			scale[j] += v * v
		}
	}
	for j := range scale {
		scale[j] = math.Sqrt(scale[j])
		if scale[j] == 0 {
			scale[j] = 1
		}
	}
	for i := range n {
		for j := range order {
			lhs[i*order+j] /= scale[j]
		}
	}
	for _, v := range lhs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("polyfit: the points or weights hold NaN or infinity")
		}
	}
	var c mat.VecDense
	if err := c.SolveVec(mat.NewDense(n, order, lhs), mat.NewVecDense(n, rhs)); err != nil {
		return nil, fmt.Errorf("polyfit: the fit is rank deficient (%v)", err)
	}
	out := make([]float64, order)
	for j := range out {
		out[j] = c.AtVec(j) / scale[j]
	}
	return out, nil
}

// Der returns the m-th derivative of p, as numpy.polyder; the derivative
// of a constant is empty, as numpy's (which evaluates to 0).
func Der(p []float64, m int) []float64 {
	for range m {
		n := len(p) - 1
		if n <= 0 {
			return []float64{}
		}
		d := make([]float64, n)
		for i := range d {
			d[i] = p[i] * float64(n-i)
		}
		p = d
	}
	return p
}

// Int returns the m-th antiderivative of p with integration constants k
// (k[0] for the first integration; missing ones are 0; a single one
// serves every integration), as numpy.polyint. It integrates m times in
// one array of len(p)+m coefficients, O(m·(len(p)+m)), polling stop (when
// not nil) as it goes and giving up with array.ErrStopped once it reports
// true.
func Int(p []float64, m int, k []float64, stop func() bool) ([]float64, error) {
	if len(k) == 1 && m > 1 {
		k = slices.Repeat(k, m)
	}
	q := make([]float64, len(p)+m)
	copy(q, p)
	work := 0
	for step := range m {
		n := len(p) + step
		if work += n; work >= 1<<20 {
			if work = 0; stop != nil && stop() {
				return nil, array.ErrStopped
			}
		}
		for i := range n {
			q[i] /= float64(n - i)
		}
		if step < len(k) {
			q[n] = k[step]
		}
	}
	return q, nil
}

// Roots returns the roots of p, as numpy.roots: leading zeros are
// dropped, trailing zeros give roots at 0, and the rest are the
// eigenvalues of the companion matrix, whose first row is -p[1:]/p[0]
// (in LAPACK's order, conjugate pairs together). O(n³).
func Roots(p []float64) ([]complex128, error) {
	for _, c := range p {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			return nil, errors.New("polyroots: coefficients hold NaN or infinity")
		}
	}
	lo, hi := 0, len(p)
	for lo < hi && p[lo] == 0 {
		lo++
	}
	for hi > lo && p[hi-1] == 0 {
		hi--
	}
	if lo == hi {
		return nil, nil
	}
	zeros := len(p) - hi
	q := p[lo:hi]
	n := len(q) - 1
	var roots []complex128
	if n > 0 {
		comp := array.Zeros(n, n)
		for j := range n {
			comp.Floats()[j] = -q[j+1] / q[0]
		}
		for i := 1; i < n; i++ {
			comp.Floats()[i*n+i-1] = 1
		}
		vals, _, err := linalg.Eig(comp, false)
		if err != nil {
			return nil, err
		}
		roots = vals
	}
	return append(roots, make([]complex128, zeros)...), nil
}
