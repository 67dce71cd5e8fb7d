package plot

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Histogram counts the finite values of x in bins, as numpy's histogram
// does: edges holds len(counts)+1 increasing bin edges; every bin is
// half-open [edges[i], edges[i+1]) except the last, which includes its
// right edge. Values outside the edges, and NaNs, are not counted. With
// density, the counts are divided by the number counted times the bin
// width, so that the bars' area is 1.
func Histogram(x, edges []float64, density bool) (counts []float64, err error) {
	if len(edges) < 2 {
		return nil, errors.New("a histogram needs at least two bin edges")
	}
	for i := 1; i < len(edges); i++ {
		if !(edges[i] > edges[i-1]) || !finite(edges[i-1]) || !finite(edges[i]) {
			return nil, errors.New("bin edges must be finite and increasing")
		}
	}
	counts = make([]float64, len(edges)-1)
	total := 0.0
	last := len(edges) - 1
	for _, v := range x {
		if math.IsNaN(v) || v < edges[0] || v > edges[last] {
			continue
		}
		// The first edge greater than v closes v's bin.
		i := sort.SearchFloat64s(edges, v)
		if i < len(edges) && edges[i] == v {
			i++
		}
		bin := min(i-1, last-1)
		counts[bin]++
		total++
	}
	if density && total > 0 {
		for i := range counts {
			counts[i] /= total * (edges[i+1] - edges[i])
		}
	}
	return counts, nil
}

// BinEdges returns n+1 equally spaced edges spanning lo to hi; when lo and
// hi are the same (or there is no finite datum: both NaN), the bins span
// lo-0.5 to lo+0.5, as numpy's do.
func BinEdges(lo, hi float64, n int) ([]float64, error) {
	if n < 1 {
		return nil, fmt.Errorf("the number of bins must be at least 1, not %d", n)
	}
	if math.IsNaN(lo) || math.IsNaN(hi) {
		lo, hi = 0, 1
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo > hi {
		return nil, fmt.Errorf("the bins' range must be finite with lo <= hi, not [%g, %g]", lo, hi)
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	return Linspace(lo, hi, n+1), nil
}

// BinCentres returns the centres of the bins between consecutive edges
// and the narrowest bin's width, with which a histogram of unequal bins is
// drawn as bars at the centres.
func BinCentres(edges []float64) (centres []float64, width float64) {
	centres = make([]float64, len(edges)-1)
	width = math.Inf(1)
	for i := range centres {
		centres[i] = (edges[i] + edges[i+1]) / 2
		width = math.Min(width, edges[i+1]-edges[i])
	}
	return centres, width
}

// DataRange returns the least and greatest finite values of x (NaNs when
// it has none).
func DataRange(x []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}
