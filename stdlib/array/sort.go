package array

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

// less orders numbers as numpy's sorts do: ascending, with NaN after
// everything (Go's cmp.Less puts NaN first).
func less(x, y float64) bool { return x < y || (y != y && x == x) }

// mapLanes copies each lane of a along axis into a buffer, lets f rewrite
// it in place and stores it at the same place of a new array of a's shape.
// AllAxes works on the flattened array and gives a vector, as numpy's
// axis=None.
func mapLanes(a *Array, axis int, depth Depth, f func(buf []float64)) (*Array, error) {
	if axis == AllAxes {
		data := slices.Clone(a.Floats())
		f(data)
		return &Array{Shape: []int{len(data)}, data: data, Depth: depth}, nil
	}
	ax, err := normAxis(axis, a.Ndim())
	if err != nil {
		return nil, err
	}
	v := viewAxis(a.Shape, ax)
	out := slices.Clone(a.Floats())
	if v.inner == 1 {
		for j := range v.lanes() {
			f(out[j*v.n : (j+1)*v.n])
		}
		return &Array{Shape: slices.Clone(a.Shape), data: out, Depth: depth}, nil
	}
	buf, data := make([]float64, v.n), a.Floats()
	for j := range v.lanes() {
		start := v.start(j)
		for k := range buf {
			buf[k] = data[start+k*v.inner]
		}
		f(buf)
		for k, x := range buf {
			out[start+k*v.inner] = x
		}
	}
	return &Array{Shape: slices.Clone(a.Shape), data: out, Depth: depth}, nil
}

// sortNaNLast sorts x ascending with NaNs at the end. It moves the NaNs
// out first, then sorts the rest by slices.Sort's pattern-defeating
// quicksort, or from radixMin elements on by radixSort, several times
// faster on long arrays.
func sortNaNLast(x []float64) {
	n := len(x)
	for i := 0; i < n; {
		if x[i] != x[i] {
			n--
			x[i], x[n] = x[n], x[i]
			continue
		}
		i++
	}
	x = x[:n]
	if n < radixMin {
		slices.Sort(x)
		return
	}
	keys := make([]uint64, n)
	for i, v := range x {
		keys[i] = sortKey(v)
	}
	radixSort(keys, nil)
	for i, k := range keys {
		if k>>63 == 1 {
			k &^= 1 << 63
		} else {
			k = ^k
		}
		x[i] = math.Float64frombits(k)
	}
}

// Sort returns a sorted copy of a along axis (numpy.sort: -1, the last
// axis, by default; AllAxes sorts the flattened array). NaNs go last.
func Sort(a *Array, axis int) (*Array, error) { return mapLanes(a, axis, a.Depth, sortNaNLast) }

// indexed is an element with its position, the unit argsort sorts.
type indexed struct {
	x float64
	i int
}

// Argsort returns the indices that sort a along axis (numpy.argsort with
// kind='stable': equal elements keep their order; NaNs go last), by a
// stable radix sort from radixMin elements on.
func Argsort(a *Array, axis int) (*Array, error) {
	var pairs []indexed
	return mapLanes(a, axis, Float64, func(buf []float64) {
		if len(buf) >= radixMin && len(buf) < math.MaxInt32 {
			radixArgsort(buf)
			return
		}
		pairs = pairs[:0]
		for i, x := range buf {
			pairs = append(pairs, indexed{x, i})
		}
		slices.SortFunc(pairs, func(p, q indexed) int {
			switch {
			case less(p.x, q.x):
				return -1
			case less(q.x, p.x):
				return 1
			}
			return cmp.Compare(p.i, q.i)
		})
		for k, p := range pairs {
			buf[k] = float64(p.i)
		}
	})
}

// radixArgsort replaces buf by the indices that sort it stably, NaNs
// last in their order, by radixSort on the keys with their indices.
func radixArgsort(buf []float64) {
	keys := make([]uint64, 0, len(buf))
	idx := make([]int32, 0, len(buf))
	var nans []int32
	for i, x := range buf {
		if x != x {
			nans = append(nans, int32(i))
			continue
		}
		if x == 0 {
			x = 0 // -0 and +0 are equal, so their indices keep their order
		}
		keys = append(keys, sortKey(x))
		idx = append(idx, int32(i))
	}
	if len(keys) > 0 {
		radixSort(keys, idx)
	}
	for k, i := range append(idx, nans...) {
		buf[k] = float64(i)
	}
}

// Unique returns the sorted distinct elements of a (flattened) and how
// many times each occurs, as numpy.unique(a, return_counts=True); all NaNs
// count as one value (numpy's equal_nan=True).
func Unique(a *Array) (values, counts *Array) {
	x := slices.Clone(a.Floats())
	sortNaNLast(x)
	var vals, cnts []float64
	for i := 0; i < len(x); {
		j := i + 1
		for j < len(x) && (x[j] == x[i] || x[j] != x[j] && x[i] != x[i]) {
			j++
		}
		vals = append(vals, x[i])
		cnts = append(cnts, float64(j-i))
		i = j
	}
	return &Array{Shape: []int{len(vals)}, data: vals, Depth: a.Depth}, Vector(cnts)
}

// Searchsorted returns, for each element of v, the index at which it
// would be inserted into the ascending vector sorted to keep it sorted:
// before equal elements unless right is set (numpy.searchsorted's side).
// NaN sorts last, as in numpy.
func Searchsorted(sorted, v *Array, right bool) (*Array, error) {
	if sorted.Ndim() != 1 {
		return nil, fmt.Errorf("searchsorted: the sorted array must be a vector, got shape %s", ShapeString(sorted.Shape))
	}
	s := sorted.Floats()
	return Map(v, func(x float64) float64 {
		if right {
			return float64(sort.Search(len(s), func(i int) bool { return less(x, s[i]) }))
		}
		return float64(sort.Search(len(s), func(i int) bool { return !less(s[i], x) }))
	}), nil
}

// selectK rearranges x so that x[k] holds the element that sorting would
// put there, smaller-or-equal ones before it and larger-or-equal after it
// (Hoare's FIND, CACM 4(7), 1961, with a median-of-three pivot). x holds
// no NaN. Past 2·log2(n) rounds without converging it sorts what remains,
// which bounds the worst case at O(n log n) like introselect.
func selectK(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for budget := 2 * (1 + int(math.Log2(float64(len(x)+1)))); hi > lo; budget-- {
		if budget == 0 {
			slices.Sort(x[lo : hi+1])
			return
		}
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// Quantile returns the q-quantiles (each q in [0, 1]) of a along axis (or
// AllAxes) by numpy's default 'linear' method: the element at virtual
// index (n-1)·q of the sorted lane, interpolated linearly between its
// neighbours with numpy's _lerp (which is exact at both ends). A lane
// holding NaN gives NaN. The result has q's shape followed by a's shape
// without the axis, as numpy.quantile.
func Quantile(a *Array, q *Array, axis int) (*Array, error) {
	for _, p := range q.Floats() {
		if !(p >= 0 && p <= 1) {
			return nil, fmt.Errorf("quantiles must be in the range [0, 1], got %v", p)
		}
	}
	var buf []float64
	outs := make([][]float64, q.Len())
	red, err := reduce(a, axis, "quantile", true, func(l lane) float64 {
		vals, ok := laneValues(l, &buf)
		if !ok {
			for i := range outs {
				outs[i] = append(outs[i], math.NaN())
			}
			return 0
		}
		if q.Len() > 2 {
			slices.Sort(vals)
		}
		for i, p := range q.Floats() {
			outs[i] = append(outs[i], quantileOf(vals, p, q.Len() > 2))
		}
		return 0
	})
	if err != nil {
		return nil, err
	}
	data := make([]float64, 0, q.Len()*red.Len())
	for _, o := range outs {
		data = append(data, o...)
	}
	return &Array{Shape: append(slices.Clone(q.Shape), red.Shape...), data: data}, nil
}

// quantileOf is the linear-method q-quantile of x (no NaN), which is
// sorted already when isSorted and rearranged by selection otherwise.
func quantileOf(x []float64, q float64, isSorted bool) float64 {
	n := len(x)
	virtual := float64(n-1) * q
	lo := int(math.Floor(virtual))
	if lo >= n-1 {
		lo = n - 1
	}
	t := virtual - float64(lo)
	if !isSorted {
		selectK(x, lo)
	}
	below := x[lo]
	if lo+1 >= n {
		return below
	}
	above := x[lo+1]
	if !isSorted {
		above = slices.Min(x[lo+1:])
	}
	// numpy's _lerp: a + d·t, or b - d·(1-t) from t ≥ 0.5 on.
	d := above - below
	if t >= 0.5 {
		return above - d*(1-t)
	}
	return below + d*t
}

// Median returns the median of a along axis (or AllAxes): the middle
// element, or the mean of the middle two computed as numpy.median does,
// (a + b)/2. A lane holding NaN gives NaN.
func Median(a *Array, axis int) (*Array, error) {
	var buf []float64
	return reduce(a, axis, "median", true, func(l lane) float64 {
		vals, ok := laneValues(l, &buf)
		if !ok {
			return math.NaN()
		}
		half := (len(vals) - 1) / 2
		selectK(vals, half)
		if len(vals)%2 == 1 {
			return vals[half]
		}
		return (vals[half] + slices.Min(vals[half+1:])) / 2
	})
}

// laneValues copies the values of lane l into *buf, which it grows as
// needed and reuses from lane to lane, and returns them; ok is false
// when the lane holds a NaN.
func laneValues(l lane, buf *[]float64) (vals []float64, ok bool) {
	if cap(*buf) < l.n {
		*buf = make([]float64, 0, l.n)
	}
	vals = (*buf)[:0]
	for k := range l.n {
		x := l.at(k)
		if x != x {
			return nil, false
		}
		vals = append(vals, x)
	}
	return vals, true
}
