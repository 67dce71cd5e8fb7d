package array

import (
	"fmt"
	"math"
	"slices"
)

// Tile repeats a reps[i] times along each axis, as numpy.tile: when reps
// is longer than a's shape, a gains leading axes of length 1, and when it
// is shorter, reps is padded with leading ones.
func Tile(a *Array, reps []int) (*Array, error) {
	for _, r := range reps {
		if r < 0 {
			return nil, fmt.Errorf("tile: negative repetition %d", r)
		}
	}
	nd := max(a.Ndim(), len(reps))
	in := append(slices.Repeat([]int{1}, nd-a.Ndim()), a.Shape...)
	reps = append(slices.Repeat([]int{1}, nd-len(reps)), reps...)
	shape := make([]int, nd)
	for i := range shape {
		shape[i] = in[i] * reps[i]
	}
	if err := CheckShape(shape); err != nil {
		return nil, err
	}
	out := make([]float64, Size(shape))
	if len(out) > 0 {
		strides := rowMajorStrides(in)
		data := a.Floats()
		o := newOdometer(shape)
		for flat := range out {
			src := 0
			for i, k := range o.idx {
				src += (k % in[i]) * strides[i]
			}
			out[flat] = data[src]
			o.next()
		}
	}
	return &Array{Shape: shape, data: out, Depth: a.Depth}, nil
}

// Repeat repeats each element of a count times along axis (numpy.repeat;
// AllAxes repeats the flattened array's elements). counts holds one count
// for every element along the axis, or a single count for all.
func Repeat(a *Array, counts []int, axis int) (*Array, error) {
	if axis == AllAxes {
		a, axis = Flatten(a), 0
	}
	ax, err := normAxis(axis, a.Ndim())
	if err != nil {
		return nil, err
	}
	v := viewAxis(a.Shape, ax)
	if len(counts) == 1 {
		counts = slices.Repeat(counts, v.n)
	}
	if len(counts) != v.n {
		return nil, fmt.Errorf("repeat: %d counts for an axis of length %d", len(counts), v.n)
	}
	total := 0
	for _, c := range counts {
		if c < 0 {
			return nil, fmt.Errorf("repeat: negative count %d", c)
		}
		total += c
	}
	shape := slices.Clone(a.Shape)
	shape[ax] = total
	if err := CheckShape(shape); err != nil {
		return nil, err
	}
	out, data := make([]float64, 0, Size(shape)), a.Floats()
	for o := range v.outer {
		for k, c := range counts {
			row := data[(o*v.n+k)*v.inner : (o*v.n+k+1)*v.inner]
			for range c {
				out = append(out, row...)
			}
		}
	}
	return &Array{Shape: shape, data: out, Depth: a.Depth}, nil
}

// Roll shifts a's elements by shift places along axis, those pushed off
// the end coming back at the start (numpy.roll; AllAxes rolls the
// flattened array and keeps a's shape).
func Roll(a *Array, shift, axis int) (*Array, error) {
	if axis == AllAxes {
		r, err := Roll(Flatten(a), shift, 0)
		if err != nil {
			return nil, err
		}
		return &Array{Shape: slices.Clone(a.Shape), data: r.Floats(), Depth: a.Depth}, nil
	}
	return mapLanes(a, axis, a.Depth, func(buf []float64) {
		if n := len(buf); n > 0 {
			k := ((shift % n) + n) % n
			slices.Reverse(buf)
			slices.Reverse(buf[:k])
			slices.Reverse(buf[k:])
		}
	})
}

// Flip reverses the order of a's elements along axis (numpy.flip; AllAxes
// reverses along every axis).
func Flip(a *Array, axis int) (*Array, error) {
	if axis == AllAxes {
		data := slices.Clone(a.Floats())
		slices.Reverse(data)
		return &Array{Shape: slices.Clone(a.Shape), data: data, Depth: a.Depth}, nil
	}
	return mapLanes(a, axis, a.Depth, slices.Reverse[[]float64])
}

// Meshgrid returns coordinate matrices from coordinate vectors, as
// numpy.meshgrid with its default 'xy' indexing: for vectors of lengths
// n0, n1, n2, ... each output has shape (n1, n0, n2, ...); ij indexing
// gives shape (n0, n1, n2, ...).
func Meshgrid(xs []*Array, ij bool) ([]*Array, error) {
	shape := make([]int, len(xs))
	for i, x := range xs {
		shape[i] = x.Len()
	}
	if !ij && len(shape) > 1 {
		shape[0], shape[1] = shape[1], shape[0]
	}
	if err := CheckShape(shape); err != nil {
		return nil, err
	}
	out := make([]*Array, len(xs))
	for i, x := range xs {
		axis := i
		if !ij && i < 2 && len(xs) > 1 {
			axis = 1 - i
		}
		data, xs := make([]float64, Size(shape)), x.Floats()
		o := newOdometer(shape)
		for flat := range data {
			data[flat] = xs[o.idx[axis]]
			o.next()
		}
		out[i] = &Array{Shape: slices.Clone(shape), data: data}
	}
	return out, nil
}

// RoundTo rounds each element to the given number of decimals (negative
// for tens, hundreds, ...), halves to even, as numpy.round: it scales by
// 10**decimals, rounds and scales back, as numpy does, so it shares
// numpy's results to the bit.
func RoundTo(a *Array, decimals int) *Array {
	if decimals == 0 {
		return Map(a, math.RoundToEven)
	}
	scale := math.Pow(10, math.Abs(float64(decimals)))
	if decimals > 0 {
		return Map(a, func(x float64) float64 { return math.RoundToEven(x*scale) / scale })
	}
	return Map(a, func(x float64) float64 { return math.RoundToEven(x/scale) * scale })
}

// Isclose reports elementwise whether |a - b| ≤ atol + rtol·|b|, with
// broadcasting, as numpy.isclose: infinities are close only to themselves
// and NaN to nothing unless equalNaN is set.
func Isclose(a, b *Array, rtol, atol float64, equalNaN bool) (*Array, error) {
	r, err := Broadcast(a, b, func(x, y float64) float64 {
		switch {
		case x != x || y != y:
			return b2f(equalNaN && x != x && y != y)
		case math.IsInf(x, 0) || math.IsInf(y, 0):
			return b2f(x == y)
		}
		return b2f(math.Abs(x-y) <= atol+rtol*math.Abs(y))
	})
	if err != nil {
		return nil, err
	}
	r.Depth = Bool
	return r, nil
}

// b2f is 1 for true and 0 for false, the elements of a mask.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
