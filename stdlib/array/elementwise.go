package array

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Map returns an array of a's shape whose elements are f of a's elements.
func Map(a *Array, f func(float64) float64) *Array {
	out := make([]float64, a.Len())
	for i, x := range a.Floats() {
		out[i] = f(x)
	}
	return &Array{Shape: a.Shape, data: out}
}

// Broadcast returns f applied elementwise to a and b under numpy's
// broadcasting rules (see BroadcastShapes). It allocates only the result and
// a few ints of bookkeeping per call, and calls f once per element of the
// result. Operands of the same shape, and operands one of which has a single
// element, take loops over the flat data; any other pair runs one strided
// loop over the broadcast shape, whose innermost runs are as long as the
// operands' layouts allow.
func Broadcast(a, b *Array, f func(x, y float64) float64) (*Array, error) {
	if sameShape(a.Shape, b.Shape) {
		out := make([]float64, a.Len())
		zip(out, a.Floats(), b.Floats(), f)
		return &Array{Shape: a.Shape, data: out}, nil
	}
	shape, err := BroadcastShapes(a.Shape, b.Shape)
	if err != nil {
		return nil, err
	}
	out := make([]float64, Size(shape))
	switch {
	case len(out) == 0:
	case b.Len() == 1:
		// Broadcasting against a single element only prepends axes of
		// length 1 to a, which leaves a's flat order unchanged.
		zipRight(out, a.Floats(), b.Floats()[0], f)
	case a.Len() == 1:
		zipLeft(out, a.Floats()[0], b.Floats(), f)
	default:
		broadcastInto(out, shape, a, b, f)
	}
	return &Array{Shape: shape, data: out}, nil
}

// zip sets out[i] = f(x[i], y[i]); x and y are at least as long as out.
func zip(out, x, y []float64, f func(x, y float64) float64) {
	x, y = x[:len(out)], y[:len(out)]
	for i := range out {
		out[i] = f(x[i], y[i])
	}
}

// zipLeft sets out[i] = f(x, y[i]); y is at least as long as out.
func zipLeft(out []float64, x float64, y []float64, f func(x, y float64) float64) {
	y = y[:len(out)]
	for i := range out {
		out[i] = f(x, y[i])
	}
}

// zipRight sets out[i] = f(x[i], y); x is at least as long as out.
func zipRight(out, x []float64, y float64, f func(x, y float64) float64) {
	x = x[:len(out)]
	for i := range out {
		out[i] = f(x[i], y)
	}
}

// broadcastInto sets out, laid out row-major in shape (the broadcast of the
// shapes of a and b, with more than one element in each operand), to f of
// the corresponding elements of a and b.
//
// Axes of length 1 are dropped and each run of adjacent axes along which both
// operands step uniformly is merged into one, so that adding a (1000,) row to
// a (1000, 1000) matrix becomes 1000 runs of 1000 and adding two
// (10, 10, 10) arrays one run of 1000. The innermost merged axis is the
// operands' own last axis or a broadcast one, so each operand's stride along
// it is 1 or 0 (never both 0): every run is one call of zip, zipLeft or
// zipRight, and an odometer steps the offsets between runs.
func broadcastInto(out []float64, shape []int, a, b *Array, f func(x, y float64) float64) {
	nd := len(shape)
	buf := make([]int, 5*nd)
	rawA, rawB := buf[:nd], buf[nd:2*nd]
	broadcastStrides(a.Shape, shape, rawA)
	broadcastStrides(b.Shape, shape, rawB)
	dims, sa, sb := buf[2*nd:2*nd], buf[3*nd:3*nd], buf[4*nd:4*nd]
	for i, d := range shape {
		if d == 1 {
			continue
		}
		if k := len(dims) - 1; k >= 0 && sa[k] == rawA[i]*d && sb[k] == rawB[i]*d {
			dims[k] *= d
			sa[k], sb[k] = rawA[i], rawB[i]
			continue
		}
		dims = append(dims, d)
		sa = append(sa, rawA[i])
		sb = append(sb, rawB[i])
	}
	last := len(dims) - 1
	n, unitA, unitB := dims[last], sa[last] == 1, sb[last] == 1
	odo := newOdometer(dims[:last], sa[:last], sb[:last])
	da, db := a.Floats(), b.Floats()
	for o := 0; o < len(out); o += n {
		run := out[o : o+n]
		pa, pb := odo.pos[0], odo.pos[1]
		switch {
		case unitA && unitB:
			zip(run, da[pa:], db[pb:], f)
		case unitA:
			zipRight(run, da[pa:], db[pb], f)
		default:
			zipLeft(run, da[pa], db[pb:], f)
		}
		odo.next()
	}
}

// An odometer steps a multi-index through dims in row-major order, keeping
// the flat offset pos[p] of each operand p, whose strides along dims are
// strides[p], in step with it.
type odometer struct {
	dims, idx []int
	strides   [][]int
	pos       []int
}

// newOdometer returns an odometer at the all-zero index of dims for
// operands with the given strides along dims.
func newOdometer(dims []int, strides ...[]int) *odometer {
	return &odometer{dims: dims, idx: make([]int, len(dims)), strides: strides, pos: make([]int, len(strides))}
}

// next advances to the following multi-index; past the last one it wraps
// back to all zeros.
func (o *odometer) next() {
	for k := len(o.dims) - 1; k >= 0; k-- {
		o.idx[k]++
		for p, s := range o.strides {
			o.pos[p] += s[k]
		}
		if o.idx[k] < o.dims[k] {
			return
		}
		o.idx[k] = 0
		for p, s := range o.strides {
			o.pos[p] -= s[k] * o.dims[k]
		}
	}
}

// broadcastStrides sets dst[i] to the flat stride, in a row-major array of
// shape in, along axis i of the broadcast shape out: in is aligned with the
// end of out, and axes that in lacks or has with length 1 get stride 0.
func broadcastStrides(in, out []int, dst []int) {
	stride := 1
	for i := len(out) - 1; i >= 0; i-- {
		j := i - (len(out) - len(in))
		if j < 0 || in[j] == 1 {
			dst[i] = 0
			continue
		}
		dst[i] = stride
		stride *= in[j]
	}
}

// gather copies into out, laid out row-major in shape, the elements
// src[offset + Σ idx[i]*strides[i]] for every multi-index idx of shape.
// It is the one strided copy behind broadcasting, transposing, slicing with
// a step and column selection; shape has at least one axis.
func gather[T uint8 | float64](out []T, shape []int, src []T, offset int, strides []int) {
	if len(out) == 0 {
		return
	}
	nd := len(shape)
	n, s := shape[nd-1], strides[nd-1]
	odo := newOdometer(shape[:nd-1], strides[:nd-1])
	for o := 0; o < len(out); o += n {
		q := offset + odo.pos[0]
		for i := range out[o : o+n] {
			out[o+i] = src[q]
			q += s
		}
		odo.next()
	}
}

// BroadcastShapes returns the shape that numpy broadcasting gives operands
// of shapes a and b: the shapes are aligned at their last axes, and along
// each axis the lengths must be equal or one of them 1 (a missing axis counts
// as 1), the result taking the other. A result of more than MaxSize
// elements is an error.
func BroadcastShapes(a, b []int) ([]int, error) {
	n := max(len(a), len(b))
	out := make([]int, n)
	for i := 1; i <= n; i++ {
		da, db := dimFromEnd(a, i), dimFromEnd(b, i)
		switch {
		case da == db || db == 1:
			out[n-i] = da
		case da == 1:
			out[n-i] = db
		default:
			return nil, fmt.Errorf("shapes %s and %s cannot be broadcast", ShapeString(a), ShapeString(b))
		}
	}
	if tooLarge(out) {
		return nil, fmt.Errorf("shapes %s and %s broadcast to %s, which has more than %d elements",
			ShapeString(a), ShapeString(b), ShapeString(out), MaxSize)
	}
	return out, nil
}

// dimFromEnd returns the i-th length of shape counting from 1 at the end,
// or 1 past its start.
func dimFromEnd(shape []int, i int) int {
	if i > len(shape) {
		return 1
	}
	return shape[len(shape)-i]
}

// BroadcastTo returns a broadcast to shape, like numpy.broadcast_to but as
// a copy. It is an error if a's shape does not broadcast to exactly shape.
func BroadcastTo(a *Array, shape []int) (*Array, error) {
	if got, err := BroadcastShapes(a.Shape, shape); err != nil || !sameShape(got, shape) {
		return nil, fmt.Errorf("cannot broadcast shape %s to %s", ShapeString(a.Shape), ShapeString(shape))
	}
	shape = append([]int(nil), shape...)
	return &Array{Shape: shape, data: expand(a, shape)}, nil
}

// expand returns a's elements broadcast to shape, which a's shape must
// broadcast to; it returns a.Data itself when a already has that shape.
func expand(a *Array, shape []int) []float64 {
	if sameShape(a.Shape, shape) {
		return a.Floats()
	}
	strides := make([]int, len(shape))
	broadcastStrides(a.Shape, shape, strides)
	out := make([]float64, Size(shape))
	gather(out, shape, a.Floats(), 0, strides)
	return out
}

// ShapeString formats shape as numpy prints shapes: "(2, 3)", "(4,)" or
// "()".
func ShapeString(shape []int) string {
	if len(shape) == 1 {
		return "(" + strconv.Itoa(shape[0]) + ",)"
	}
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = strconv.Itoa(d)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Where returns, elementwise under broadcasting of all three operands, the
// element of x where cond is nonzero and that of y elsewhere, like
// numpy.where. A NaN in cond counts as nonzero, as in numpy. The result
// has the depth x and y share (see commonDepth).
func Where(cond, x, y *Array) (*Array, error) {
	r, err := Broadcast3(cond, x, y, func(c, x, y float64) float64 {
		if c != 0 {
			return x
		}
		return y
	})
	if err == nil {
		r.Depth = commonDepth([]*Array{x, y})
	}
	return r, err
}

// Broadcast3 returns f applied elementwise to x, y and z under numpy's
// broadcasting rules.
func Broadcast3(x, y, z *Array, f func(x, y, z float64) float64) (*Array, error) {
	shape, err := BroadcastShapes(x.Shape, y.Shape)
	if err == nil {
		shape, err = BroadcastShapes(shape, z.Shape)
	}
	if err != nil {
		return nil, err
	}
	xs, ys, zs := expand(x, shape), expand(y, shape), expand(z, shape)
	out := make([]float64, Size(shape))
	for i := range out {
		out[i] = f(xs[i], ys[i], zs[i])
	}
	return &Array{Shape: shape, data: out}, nil
}

// Clip returns a with every element limited to [lo, hi], computed as
// numpy.clip does, min(max(x, lo), hi): NaN elements stay NaN, and if lo >
// hi every element becomes hi.
func Clip(a *Array, lo, hi float64) *Array {
	return Map(a, func(x float64) float64 { return math.Min(math.Max(x, lo), hi) })
}

// Equal reports whether a and b have the same shape and equal elements
// (compared with ==, so an array holding NaN is not equal to itself).
func Equal(a, b *Array) bool {
	if !sameShape(a.Shape, b.Shape) {
		return false
	}
	if x, ok := a.Uint8s(); ok {
		if y, ok := b.Uint8s(); ok {
			return slices.Equal(x, y)
		}
	}
	bd := b.Floats()
	for i, x := range a.Floats() {
		if x != bd[i] {
			return false
		}
	}
	return true
}

// sameShape reports whether shapes a and b are equal; nil and empty both
// mean zero dimensions.
func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i, d := range a {
		if d != b[i] {
			return false
		}
	}
	return true
}
