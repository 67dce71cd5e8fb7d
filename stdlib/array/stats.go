package array

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// nanFree copies l's elements into buf (reset first), NaNs replaced by
// zero when keepZeros and dropped otherwise, for numpy's nan-reductions,
// which sum the array with its NaNs set to 0.
func nanFree(l lane, buf []float64, keepZeros bool) []float64 {
	if cap(buf) < l.n {
		buf = make([]float64, 0, l.n)
	}
	buf = buf[:0]
	for k := range l.n {
		x := l.at(k)
		switch {
		case x == x:
			buf = append(buf, x)
		case keepZeros:
			buf = append(buf, 0)
		}
	}
	return buf
}

// Nansum returns the sum of a's elements along axis (or AllAxes) with NaNs
// counted as zero, as numpy.nansum (and summed in its pairwise order).
func Nansum(a *Array, axis int) (*Array, error) {
	var buf []float64
	return reduce(a, axis, "nansum", false, func(l lane) float64 {
		buf = nanFree(l, buf, true)
		return sumSlice(buf, true)
	})
}

// Nanmean returns the mean of a's elements other than NaN along axis (or
// AllAxes), as numpy.nanmean: NaN where a lane holds nothing else.
func Nanmean(a *Array, axis int) (*Array, error) {
	var buf []float64
	return reduce(a, axis, "nanmean", false, func(l lane) float64 {
		buf = nanFree(l, buf, true)
		n := 0
		for k := range l.n {
			if x := l.at(k); x == x {
				n++
			}
		}
		return sumSlice(buf, true) / float64(n)
	})
}

// Nanmin returns the least element other than NaN along axis (or
// AllAxes), as numpy.nanmin: NaN where a lane holds nothing else.
func Nanmin(a *Array, axis int) (*Array, error) { return nanExtreme(a, axis, "nanmin", -1) }

// Nanmax returns the greatest element other than NaN along axis (or
// AllAxes), as numpy.nanmax: NaN where a lane holds nothing else.
func Nanmax(a *Array, axis int) (*Array, error) { return nanExtreme(a, axis, "nanmax", 1) }

// nanExtreme is Nanmin (sign -1) and Nanmax (sign 1).
func nanExtreme(a *Array, axis int, name string, sign float64) (*Array, error) {
	var buf []float64
	return reduce(a, axis, name, true, func(l lane) float64 {
		buf = nanFree(l, buf, false)
		if len(buf) == 0 {
			return math.NaN()
		}
		return buf[extremeIndex(lane{data: buf, stride: 1, n: len(buf)}, sign)]
	})
}

// Histogram counts the elements of a (flattened) in bins, as
// numpy.histogram. With edges nil it makes bins equal bins over [lo, hi]
// (lo and hi from a's extremes when both are NaN, widened by 0.5 each way
// when equal); otherwise edges, ascending, are the bin edges. Every bin is
// half-open [e_i, e_i+1) except the last, which includes its right edge;
// elements outside the edges are not counted. It returns the counts and
// the edges.
func Histogram(a *Array, bins int, lo, hi float64, edges []float64) (counts, binEdges *Array, err error) {
	if edges == nil {
		if bins < 1 {
			return nil, nil, fmt.Errorf("histogram: the number of bins must be positive, got %d", bins)
		}
		if lo != lo && hi != hi {
			lo, hi = 0, 1
			if a.Len() > 0 {
				lo, hi = slicesMin(a.Floats()), slicesMax(a.Floats())
			}
		}
		if lo != lo || hi != hi || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
			return nil, nil, fmt.Errorf("histogram: the range [%v, %v] is not finite", lo, hi)
		}
		if lo > hi {
			return nil, nil, errors.New("histogram: max must be larger than min in range")
		}
		if lo == hi {
			lo, hi = lo-0.5, hi+0.5
		}
		e, err := Linspace(lo, hi, bins+1, true)
		if err != nil {
			return nil, nil, err
		}
		edges = e.Floats()
	} else {
		if len(edges) < 2 {
			return nil, nil, errors.New("histogram: bin edges need at least two values")
		}
		for i := 1; i < len(edges); i++ {
			if !(edges[i] >= edges[i-1]) {
				return nil, nil, errors.New("histogram: bin edges must increase monotonically")
			}
		}
	}
	n := len(edges) - 1
	cnt := make([]float64, n)
	first, last := edges[0], edges[n]
	for _, x := range a.Floats() {
		if !(x >= first && x <= last) {
			continue
		}
		// The bin whose right edge is the first edge above x: numpy's
		// searchsorted(edges, x, 'right') - 1, the last bin closed.
		i := sort.Search(n+1, func(i int) bool { return edges[i] > x }) - 1
		cnt[min(i, n-1)]++
	}
	return Vector(cnt), Vector(edges), nil
}

// slicesMin and slicesMax return the least and greatest of x, NaN if x
// holds one (as Min and Max).
func slicesMin(x []float64) float64 { return x[extremeIndex(lane{data: x, stride: 1, n: len(x)}, -1)] }
func slicesMax(x []float64) float64 { return x[extremeIndex(lane{data: x, stride: 1, n: len(x)}, 1)] }

// Bincount counts the occurrences of each whole number 0, 1, ... in the
// vector x (numpy.bincount), adding weights[i] instead of 1 when weights
// is not nil; the result has at least minLength entries.
func Bincount(x *Array, weights *Array, minLength int) (*Array, error) {
	if x.Ndim() != 1 {
		return nil, fmt.Errorf("bincount: needs a vector, got shape %s", ShapeString(x.Shape))
	}
	if weights != nil && weights.Len() != x.Len() {
		return nil, fmt.Errorf("bincount: %d weights for %d values", weights.Len(), x.Len())
	}
	n := max(minLength, 0)
	for _, v := range x.Floats() {
		if v < 0 || v != math.Trunc(v) || v > 1<<31 {
			return nil, fmt.Errorf("bincount: values must be whole numbers from 0, got %v", v)
		}
		n = max(n, int(v)+1)
	}
	out := make([]float64, n)
	var ws []float64
	if weights != nil {
		ws = weights.Floats()
	}
	for i, v := range x.Floats() {
		w := 1.0
		if weights != nil {
			w = ws[i]
		}
		out[int(v)] += w
	}
	return Vector(out), nil
}

// Cov returns the covariance matrix of the variables that are the rows of
// m (its columns when rowVar is false), each observed len(row) times, as
// numpy.cov: Σ(x - x̄)(y - ȳ)/(N - ddof), with ddof 1 for the unbiased
// estimate. A vector is one variable, and then the result is 0-d.
func Cov(m *Array, rowVar bool, ddof int) (*Array, error) {
	if m.Ndim() > 2 {
		return nil, fmt.Errorf("cov: needs a vector or a matrix, got shape %s", ShapeString(m.Shape))
	}
	x := m
	if m.Ndim() < 2 {
		x = &Array{Shape: []int{1, m.Len()}, data: m.Floats()}
	} else if !rowVar {
		x = Transpose(m)
	}
	vars, obs := x.Shape[0], x.Shape[1]
	dev := make([]float64, x.Len())
	xs := x.Floats()
	for i := range vars {
		row := xs[i*obs : (i+1)*obs]
		mean := sumSlice(row, true) / float64(obs)
		for k, v := range row {
			dev[i*obs+k] = v - mean
		}
	}
	out := make([]float64, vars*vars)
	div := float64(max(obs-ddof, 0))
	for i := range vars {
		for j := i; j < vars; j++ {
			s := 0.0
			for k := range obs {
				s += dev[i*obs+k] * dev[j*obs+k]
			}
			out[i*vars+j], out[j*vars+i] = s/div, s/div
		}
	}
	if m.Ndim() < 2 {
		return &Array{Shape: []int{}, data: out}, nil
	}
	return &Array{Shape: []int{vars, vars}, data: out}, nil
}

// Corrcoef returns the Pearson correlation coefficients of the variables
// that are the rows of m (columns when rowVar is false), as
// numpy.corrcoef: Cov normalised by the standard deviations, clipped to
// [-1, 1].
func Corrcoef(m *Array, rowVar bool) (*Array, error) {
	c, err := Cov(m, rowVar, 1)
	if err != nil {
		return nil, err
	}
	if c.Ndim() == 0 {
		return Map(c, func(v float64) float64 { return v / v }), nil
	}
	n := c.Shape[0]
	d := make([]float64, n)
	cs := c.Floats()
	for i := range d {
		d[i] = math.Sqrt(cs[i*n+i])
	}
	for i := range n {
		for j := range n {
			r := cs[i*n+j] / d[i] / d[j]
			cs[i*n+j] = math.Max(-1, math.Min(1, r))
			if r != r {
				cs[i*n+j] = r
			}
		}
	}
	return c, nil
}
