package array

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
)

// AllAxes, given as the axis of a reduction or an accumulation, means all
// elements at once, like numpy's axis=None.
const AllAxes = math.MinInt

// A lane is the n values data[start], data[start+stride], ...,
// data[start+(n-1)*stride] that one output element of a reduction along an
// axis is computed from.
type lane struct {
	data             []float64
	start, stride, n int
}

// at returns the k-th value of l.
func (l lane) at(k int) float64 { return l.data[l.start+k*l.stride] }

// An axisView describes a row-major array as outer × n × inner around one
// axis of length n: it has outer*inner lanes along that axis.
type axisView struct{ outer, n, inner int }

// viewAxis returns the view of an array of the given shape around axis.
func viewAxis(shape []int, axis int) axisView {
	return axisView{Size(shape[:axis]), shape[axis], Size(shape[axis+1:])}
}

// lanes returns the number of lanes along the axis.
func (v axisView) lanes() int { return v.outer * v.inner }

// start returns the flat offset of the first element of lane j.
func (v axisView) start(j int) int { return j/v.inner*v.n*v.inner + j%v.inner }

// lane returns lane j of the array whose elements are data.
func (v axisView) lane(data []float64, j int) lane {
	return lane{data: data, start: v.start(j), stride: v.inner, n: v.n}
}

// reduce is the one driver behind every reduction. It applies f to each
// lane along axis, giving an array of a's shape without that axis, or to
// all of a's elements in flat order when axis is AllAxes, giving a 0-d
// array. A negative axis counts from the end. When needsElements is set an
// empty lane is an error, as numpy reports for reductions without an
// identity; name is the operation's name for that error.
func reduce(a *Array, axis int, name string, needsElements bool, f func(lane) float64) (*Array, error) {
	v, shape, err := reductionLanes(a, axis, name, needsElements)
	if err != nil {
		return nil, err
	}
	out, data := make([]float64, v.lanes()), a.Floats()
	for j := range out {
		out[j] = f(v.lane(data, j))
	}
	return &Array{Shape: shape, data: out}, nil
}

// reductionLanes returns the lanes of a that a reduction along axis
// reduces, under reduce's rules, and the shape of its result. AllAxes
// makes all of a's elements one lane.
func reductionLanes(a *Array, axis int, name string, needsElements bool) (axisView, []int, error) {
	if axis == AllAxes {
		if needsElements && a.Len() == 0 {
			return axisView{}, nil, zeroSizeError(name)
		}
		return axisView{outer: 1, n: a.Len(), inner: 1}, []int{}, nil
	}
	ax, err := normAxis(axis, a.Ndim())
	if err != nil {
		return axisView{}, nil, err
	}
	v := viewAxis(a.Shape, ax)
	if needsElements && v.n == 0 {
		return axisView{}, nil, zeroSizeError(name)
	}
	return v, append(append([]int{}, a.Shape[:ax]...), a.Shape[ax+1:]...), nil
}

// zeroSizeError reports an empty lane given to the reduction name.
func zeroSizeError(name string) error {
	return fmt.Errorf("zero-size array to reduction operation %s which has no identity", name)
}

// Sum returns the sum of a's elements along axis (or AllAxes). Like numpy,
// it adds lanes of consecutive elements pairwise (see pairwiseSum) and
// strided lanes in order, so results match numpy's to the bit; the sum of
// no elements is 0.
func Sum(a *Array, axis int) (*Array, error) { return reduce(a, axis, "sum", false, sumLane) }

// Prod returns the product of a's elements along axis (or AllAxes); the
// product of no elements is 1.
func Prod(a *Array, axis int) (*Array, error) {
	return reduce(a, axis, "prod", false, func(l lane) float64 {
		p := 1.0
		for k := range l.n {
			p *= l.at(k)
		}
		return p
	})
}

// Mean returns the arithmetic mean of a's elements along axis (or AllAxes),
// computed as numpy does, Sum divided by the count; the mean of no elements
// is NaN.
func Mean(a *Array, axis int) (*Array, error) {
	return reduce(a, axis, "mean", false, func(l lane) float64 { return sumLane(l) / float64(l.n) })
}

// Min returns the least of a's elements along axis (or AllAxes). NaN
// propagates, as in numpy.min. An empty lane is an error. The result has
// a's depth.
func Min(a *Array, axis int) (*Array, error) {
	return extreme(a, axis, "min", -1)
}

// Max returns the greatest of a's elements along axis (or AllAxes). NaN
// propagates, as in numpy.max. An empty lane is an error. The result has
// a's depth.
func Max(a *Array, axis int) (*Array, error) {
	return extreme(a, axis, "max", 1)
}

// extreme is Min (sign -1) and Max (sign 1): values picked from a, so of
// a's depth.
func extreme(a *Array, axis int, name string, sign float64) (*Array, error) {
	r, err := reduce(a, axis, name, true, func(l lane) float64 { return l.at(extremeIndex(l, sign)) })
	if err == nil {
		r.Depth = a.Depth
	}
	return r, err
}

// Argmin returns the index of the first least element along axis, or with
// AllAxes the flat index of the first least element, as numpy.argmin. A NaN
// counts as least. An empty lane is an error.
func Argmin(a *Array, axis int) (*Array, error) {
	return reduce(a, axis, "argmin", true, func(l lane) float64 { return float64(extremeIndex(l, -1)) })
}

// Argmax returns the index of the first greatest element along axis, or
// with AllAxes the flat index of the first greatest element, as
// numpy.argmax. A NaN counts as greatest. An empty lane is an error.
func Argmax(a *Array, axis int) (*Array, error) {
	return reduce(a, axis, "argmax", true, func(l lane) float64 { return float64(extremeIndex(l, 1)) })
}

// extremeIndex returns the index of the first greatest element of the
// non-empty lane l when sign is 1, of the first least when sign is -1, or
// of the first NaN if there is one.
func extremeIndex(l lane, sign float64) int {
	best, m := 0, sign*l.at(0)
	for k := range l.n {
		x := sign * l.at(k)
		if x != x {
			return k
		}
		if x > m || m != m {
			best, m = k, x
		}
	}
	return best
}

// Var returns the variance of a's elements along axis (or AllAxes),
// Σ(x - mean)² / (n - ddof), computed in numpy's order (the deviations are
// summed like Sum), so ddof 0 gives the population variance and 1 the
// sample variance. When n - ddof ≤ 0 the divisor is 0, as in numpy.
func Var(a *Array, axis int, ddof int) (*Array, error) {
	var dev []float64
	return reduce(a, axis, "var", false, func(l lane) float64 {
		mean := sumLane(l) / float64(l.n)
		dev = dev[:0]
		for k := range l.n {
			d := l.at(k) - mean
			dev = append(dev, d*d)
		}
		return sumSlice(dev, l.stride == 1) / float64(max(l.n-ddof, 0))
	})
}

// Std returns the standard deviation of a's elements along axis (or
// AllAxes), the square root of Var with the same ddof.
func Std(a *Array, axis int, ddof int) (*Array, error) {
	v, err := Var(a, axis, ddof)
	if err != nil {
		return nil, err
	}
	return Map(v, math.Sqrt), nil
}

// sumLane returns the sum of l, pairwise when its elements are consecutive,
// as numpy's add.reduce does.
func sumLane(l lane) float64 {
	if l.stride == 1 {
		return sumSlice(l.data[l.start:l.start+l.n], true)
	}
	s := 0.0
	for k := range l.n {
		s += l.at(k)
	}
	return s
}

// sumSlice returns the sum of x, pairwise or in order. It starts from
// numpy's identity 0 so that, as in numpy, a sum of negative zeros is +0.
func sumSlice(x []float64, pairwise bool) float64 {
	s := 0.0
	if pairwise {
		return s + pairwiseSum(x)
	}
	for _, v := range x {
		s += v
	}
	return s
}

// pairwiseSum returns the sum of x by numpy's pairwise summation
// (pairwise_sum in numpy/_core/src/umath/loops_utils.h.src): blocks of at
// most 128 are summed with eight interleaved accumulators, larger inputs are
// split in two at a multiple of 8. Its rounding error grows as O(log n)
// rather than the O(n) of a plain loop, at the same cost.
func pairwiseSum(x []float64) float64 {
	const block = 128
	n := len(x)
	switch {
	case n < 8:
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s
	case n <= block:
		var r [8]float64
		copy(r[:], x)
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range r {
				r[j] += x[i+j]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += x[i]
		}
		return s
	default:
		h := n / 2
		h -= h % 8
		return pairwiseSum(x[:h]) + pairwiseSum(x[h:])
	}
}

// Cumsum returns the running sums of a along axis, an array of a's shape;
// with AllAxes it runs over a flattened to one dimension, as numpy.cumsum.
func Cumsum(a *Array, axis int) (*Array, error) {
	return accumulate(a, axis, func(acc, x float64) float64 { return acc + x })
}

// Cumprod returns the running products of a along axis, an array of a's
// shape; with AllAxes it runs over a flattened to one dimension, as
// numpy.cumprod.
func Cumprod(a *Array, axis int) (*Array, error) {
	return accumulate(a, axis, func(acc, x float64) float64 { return acc * x })
}

// accumulate returns the running combination by f of a's elements along
// each lane of axis, or of all of a flattened when axis is AllAxes.
func accumulate(a *Array, axis int, f func(acc, x float64) float64) (*Array, error) {
	if axis == AllAxes {
		a, axis = Flatten(a), 0
	}
	ax, err := normAxis(axis, a.Ndim())
	if err != nil {
		return nil, err
	}
	out := make([]float64, a.Len())
	v := viewAxis(a.Shape, ax)
	if v.n == 0 {
		return &Array{Shape: a.Shape, data: out}, nil
	}
	data := a.Floats()
	for j := range v.lanes() {
		p := v.start(j)
		acc := data[p]
		out[p] = acc
		for range v.n - 1 {
			p += v.inner
			acc = f(acc, data[p])
			out[p] = acc
		}
	}
	return &Array{Shape: a.Shape, data: out}, nil
}

// Diff returns the n-th discrete difference of a along axis, as numpy.diff:
// out[i] = a[i+1] - a[i], applied n times, so the axis shrinks by n (to no
// less than 0); of a mask, out[i] = a[i+1] != a[i], a mask, as numpy's diff
// of a bool array. Order 0 returns a itself.
func Diff(a *Array, n int, axis int) (*Array, error) {
	if n < 0 {
		return nil, fmt.Errorf("diff: order must be non-negative, got %d", n)
	}
	if a.Ndim() == 0 {
		return nil, errors.New("diff: needs an array of at least one dimension")
	}
	ax, err := normAxis(axis, a.Ndim())
	if err != nil {
		return nil, err
	}
	for ; n > 0 && a.Shape[ax] > 0; n-- {
		a = diffOnce(a, ax)
	}
	return a, nil
}

// diffOnce returns the first difference of a along the non-empty axis ax.
func diffOnce(a *Array, ax int) *Array {
	v := viewAxis(a.Shape, ax)
	w := axisView{v.outer, v.n - 1, v.inner}
	shape := append([]int(nil), a.Shape...)
	shape[ax] = w.n
	out, data := make([]float64, Size(shape)), a.Floats()
	for j := range v.lanes() {
		in, o := v.lane(data, j), w.start(j)
		for k := range w.n {
			out[o+k*w.inner] = in.at(k+1) - in.at(k)
		}
	}
	if a.Depth == Bool {
		// numpy's diff of bools is not_equal: -1 and 1 are both true.
		return Convert(&Array{Shape: shape, data: out}, Bool)
	}
	return &Array{Shape: shape, data: out}
}

// Norm returns a vector or matrix norm of a, as numpy.linalg.norm.
//
// For a 0-d or 1-d a, ord selects the vector norm (Σ|x|^ord)^(1/ord):
// ord 2 (which callers should pass by default) is the Euclidean norm,
// computed with scaling so that it neither overflows nor underflows; 1 the
// sum of magnitudes; +Inf the largest magnitude, -Inf the smallest; 0 the
// count of nonzero elements; any other ord, negative ones included, the
// formula itself.
//
// For a 2-d a, ord 2 means the Frobenius norm √Σx², not numpy's spectral
// norm (use the singular values for that); 1 and -1 the largest and smallest
// column sum of magnitudes; +Inf and -Inf the largest and smallest row sum.
// Other orders are errors for matrices. An a of more dimensions takes only
// ord 2, the Euclidean norm of its flattened elements, as numpy's default.
func Norm(a *Array, ord float64) (float64, error) {
	switch {
	case a.Ndim() <= 1 || ord == 2:
		return vectorNorm(a.Floats(), ord)
	case a.Ndim() > 2:
		return 0, fmt.Errorf("norm: order %v is not supported for an array of shape %s", ord, ShapeString(a.Shape))
	}
	rows, cols := a.Shape[0], a.Shape[1]
	var sums []float64
	switch math.Abs(ord) {
	case 1:
		sums = make([]float64, cols)
		for i, x := range a.Floats() {
			sums[i%cols] += math.Abs(x)
		}
	case math.Inf(1):
		sums = make([]float64, rows)
		for i, x := range a.Floats() {
			sums[i/cols] += math.Abs(x)
		}
	default:
		return 0, fmt.Errorf("norm: order %v is not supported for matrices", ord)
	}
	if len(sums) == 0 {
		return 0, zeroSizeError("norm")
	}
	return sums[extremeIndex(lane{data: sums, stride: 1, n: len(sums)}, math.Copysign(1, ord))], nil
}

// vectorNorm returns the ord-norm of the vector x, as described at Norm.
func vectorNorm(x []float64, ord float64) (float64, error) {
	switch ord {
	case 2:
		return blas64.Nrm2(vector(x)), nil
	case 0:
		count := 0.0
		for _, v := range x {
			if v != 0 {
				count++
			}
		}
		return count, nil
	case math.Inf(1), math.Inf(-1):
		if len(x) == 0 {
			return 0, zeroSizeError("norm")
		}
		abs := Map(Vector(x), math.Abs).Floats()
		return abs[extremeIndex(lane{data: abs, stride: 1, n: len(abs)}, math.Copysign(1, ord))], nil
	}
	s := 0.0
	for _, v := range x {
		s += math.Pow(math.Abs(v), ord)
	}
	return math.Pow(s, 1/ord), nil
}
