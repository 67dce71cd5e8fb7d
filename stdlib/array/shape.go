package array

import (
	"errors"
	"fmt"
	"slices"
)

// normAxis returns axis of an array of ndim dimensions as a non-negative
// index, counting a negative axis from the end.
func normAxis(axis, ndim int) (int, error) {
	if axis == AllAxes {
		return 0, errors.New("this operation needs a single axis, not all axes")
	}
	if axis < -ndim || axis >= ndim {
		return 0, fmt.Errorf("axis %d is out of bounds for array of dimension %d", axis, ndim)
	}
	if axis < 0 {
		axis += ndim
	}
	return axis, nil
}

// rowMajorStrides returns the flat stride of each axis of a row-major array
// of the given shape.
func rowMajorStrides(shape []int) []int {
	strides := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		strides[i] = s
		s *= shape[i]
	}
	return strides
}

// Transpose returns a with its axes reversed, as numpy's a.T; arrays of
// fewer than two dimensions are returned as they are.
func Transpose(a *Array) *Array {
	nd := a.Ndim()
	if nd < 2 {
		return a
	}
	shape := slices.Clone(a.Shape)
	slices.Reverse(shape)
	if b, ok := a.Uint8s(); ok {
		out := make([]uint8, len(b))
		transpose(out, b, a.Shape, shape)
		return a.withBytes(shape, out)
	}
	out := make([]float64, a.Len())
	transpose(out, a.Floats(), a.Shape, shape)
	return &Array{Shape: shape, data: out, Depth: a.Depth}
}

// transpose sets dst, of the given shape, to src, of shape in reversed.
func transpose[T uint8 | float64](dst, src []T, in, shape []int) {
	if len(in) == 2 {
		transpose2(dst, src, in[0], in[1])
		return
	}
	strides := rowMajorStrides(in)
	slices.Reverse(strides)
	gather(dst, shape, src, 0, strides)
}

// transpose2 sets dst (n×m) to the transpose of src (m×n). It copies in
// 32×32 tiles, which fit in the L1 cache together, so that neither the
// reads nor the writes stride through memory a whole row at a time.
func transpose2[T uint8 | float64](dst, src []T, m, n int) {
	const tile = 32
	for i0 := 0; i0 < m; i0 += tile {
		i1 := min(i0+tile, m)
		for j0 := 0; j0 < n; j0 += tile {
			j1 := min(j0+tile, n)
			for i := i0; i < i1; i++ {
				row := src[i*n : i*n+n]
				for j := j0; j < j1; j++ {
					dst[j*m+i] = row[j]
				}
			}
		}
	}
}

// Reshape returns a with the given shape, over the same data (arrays are
// immutable, so sharing is safe). One length may be -1, standing for
// whatever makes the sizes agree.
func Reshape(a *Array, shape []int) (*Array, error) {
	shape = slices.Clone(shape)
	unknown, known := -1, 1
	for i, d := range shape {
		switch {
		case d == -1 && unknown >= 0:
			return nil, errors.New("reshape: can only specify one unknown dimension")
		case d == -1:
			unknown = i
		case d < 0:
			return nil, fmt.Errorf("reshape: negative dimensions are not allowed in %s", ShapeString(shape))
		default:
			known *= d
		}
	}
	if unknown >= 0 && known != 0 && a.Len()%known == 0 {
		shape[unknown] = a.Len() / known
	} else if unknown >= 0 || known != a.Len() {
		return nil, fmt.Errorf("cannot reshape array of size %d into shape %s", a.Len(), ShapeString(shape))
	}
	return a.withShape(shape), nil
}

// Flatten returns a's elements as a 1-d array, over the same data.
func Flatten(a *Array) *Array { return a.withShape([]int{a.Len()}) }

// Concat joins arrays along an existing axis, as numpy.concatenate: all
// must have the same number of dimensions (at least one) and the same
// lengths except along axis. With AllAxes the arrays are flattened first.
func Concat(arrays []*Array, axis int) (*Array, error) {
	if len(arrays) == 0 {
		return nil, errors.New("concatenate: need at least one array")
	}
	if axis == AllAxes {
		flat := make([]*Array, len(arrays))
		for i, a := range arrays {
			flat[i] = Flatten(a)
		}
		arrays, axis = flat, 0
	}
	first := arrays[0]
	if first.Ndim() == 0 {
		return nil, errors.New("concatenate: zero-dimensional arrays cannot be concatenated")
	}
	ax, err := normAxis(axis, first.Ndim())
	if err != nil {
		return nil, err
	}
	shape := slices.Clone(first.Shape)
	shape[ax] = 0
	for _, b := range arrays {
		if b.Ndim() != first.Ndim() {
			return nil, fmt.Errorf("concatenate: shapes %s and %s have different numbers of dimensions",
				ShapeString(first.Shape), ShapeString(b.Shape))
		}
		for i, d := range b.Shape {
			if i != ax && d != shape[i] {
				return nil, fmt.Errorf("concatenate: shapes %s and %s differ along axis %d, not only along axis %d",
					ShapeString(first.Shape), ShapeString(b.Shape), i, ax)
			}
		}
		shape[ax] += b.Shape[ax]
	}
	out := make([]float64, 0, Size(shape))
	outer := Size(shape[:ax])
	data := make([][]float64, len(arrays))
	for i, b := range arrays {
		data[i] = b.Floats()
	}
	for o := range outer {
		for i, b := range arrays {
			block := b.Len() / outer
			out = append(out, data[i][o*block:(o+1)*block]...)
		}
	}
	return &Array{Shape: shape, data: out, Depth: commonDepth(arrays)}, nil
}

// Stack joins arrays of one shape along a new axis, as numpy.stack; axis
// counts among the result's dimensions, so it may equal the arrays' ndim.
func Stack(arrays []*Array, axis int) (*Array, error) {
	if len(arrays) == 0 {
		return nil, errors.New("stack: need at least one array")
	}
	first := arrays[0]
	ax, err := normAxis(axis, first.Ndim()+1)
	if err != nil {
		return nil, err
	}
	shape := slices.Insert(slices.Clone(first.Shape), ax, 1)
	expanded := make([]*Array, len(arrays))
	for i, b := range arrays {
		if !sameShape(b.Shape, first.Shape) {
			return nil, fmt.Errorf("stack: all arrays must have the same shape, got %s and %s",
				ShapeString(first.Shape), ShapeString(b.Shape))
		}
		expanded[i] = b.withShape(shape)
	}
	return Concat(expanded, ax)
}

// commonDepth returns the depth the arrays share, or Float64 if they
// differ: joining keeps a depth only where every part has it.
func commonDepth(arrays []*Array) Depth {
	for _, b := range arrays[1:] {
		if b.Depth != arrays[0].Depth {
			return Float64
		}
	}
	return arrays[0].Depth
}

// Hstack joins arrays horizontally, as numpy.hstack: numbers count as 1-d
// arrays of one element; 1-d arrays are concatenated end to end, others
// along axis 1.
func Hstack(arrays []*Array) (*Array, error) {
	promoted := atLeast(arrays, 1)
	if len(promoted) > 0 && promoted[0].Ndim() == 1 {
		return Concat(promoted, 0)
	}
	return Concat(promoted, 1)
}

// Vstack joins arrays vertically, as numpy.vstack: a number becomes a 1×1
// array and a 1-d array of length n a 1×n row before concatenating along
// axis 0.
func Vstack(arrays []*Array) (*Array, error) { return Concat(atLeast(arrays, 2), 0) }

// atLeast returns arrays with axes of length 1 prepended to each that has
// fewer than nd dimensions, as numpy.atleast_1d and atleast_2d do.
func atLeast(arrays []*Array, nd int) []*Array {
	out := make([]*Array, len(arrays))
	for i, a := range arrays {
		out[i] = a
		if missing := nd - a.Ndim(); missing > 0 {
			shape := append(make([]int, missing), a.Shape...)
			for k := range missing {
				shape[k] = 1
			}
			out[i] = a.withShape(shape)
		}
	}
	return out
}
