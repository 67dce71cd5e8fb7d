package array

import (
	"errors"
	"fmt"
)

var errIndexNumber = errors.New("cannot index a number")

// normIndex returns index i into an axis of length n as a non-negative
// index, counting a negative one from the end.
func normIndex(i, n, axis int) (int, error) {
	if i < -n || i >= n {
		return 0, fmt.Errorf("index %d is out of range for axis %d with size %d", i, axis, n)
	}
	if i < 0 {
		i += n
	}
	return i, nil
}

// rows returns rows lo to hi of a along axis 0 as an array of the given
// shape, over a's values (bytes or float64) without copying; the capacity
// is cut so that appending to the values cannot write into a's.
func rows(a *Array, lo, hi int, shape []int) *Array {
	inner := Size(a.Shape[1:])
	if b, ok := a.Uint8s(); ok {
		return a.withBytes(shape, b[lo*inner:hi*inner:hi*inner])
	}
	return &Array{Shape: shape, data: a.Floats()[lo*inner : hi*inner : hi*inner], Depth: a.Depth}
}

// Index returns element i of a along axis 0, as numpy's a[i]: a number (0-d
// array) for a 1-d a, a row for a 2-d one, sharing a's data. A negative i
// counts from the end.
func Index(a *Array, i int) (*Array, error) {
	if a.Ndim() == 0 {
		return nil, errIndexNumber
	}
	i, err := normIndex(i, a.Shape[0], 0)
	if err != nil {
		return nil, err
	}
	return rows(a, i, i+1, a.Shape[1:]), nil
}

// Row returns row i of the 2-d array a, as Index does.
func Row(a *Array, i int) (*Array, error) {
	if a.Ndim() != 2 {
		return nil, fmt.Errorf("row: expected a 2-d array, got shape %s", ShapeString(a.Shape))
	}
	return Index(a, i)
}

// Col returns column j of the 2-d array a, as numpy's a[:, j]. A negative j
// counts from the end.
func Col(a *Array, j int) (*Array, error) {
	if a.Ndim() != 2 {
		return nil, fmt.Errorf("col: expected a 2-d array, got shape %s", ShapeString(a.Shape))
	}
	m, n := a.Shape[0], a.Shape[1]
	j, err := normIndex(j, n, 1)
	if err != nil {
		return nil, err
	}
	out := make([]float64, m)
	gather(out, []int{m}, a.Floats(), j, []int{n})
	return &Array{Shape: []int{m}, data: out, Depth: a.Depth}, nil
}

// Slice returns a[lo:hi:step] along axis 0 with Python's slice semantics:
// negative bounds count from the end, bounds beyond the ends are clamped, a
// missing bound (hasLo or hasHi false) means the start or end in the
// direction of step, and a negative step walks backwards. A step of 0 is an
// error. Unit steps share a's data.
func Slice(a *Array, lo, hi, step int, hasLo, hasHi bool) (*Array, error) {
	if a.Ndim() == 0 {
		return nil, errIndexNumber
	}
	if step == 0 {
		return nil, errors.New("slice step cannot be zero")
	}
	lo, count, step, _ := SliceRange(lo, hi, step, hasLo, hasHi, a.Shape[0])
	shape := append([]int{count}, a.Shape[1:]...)
	if step == 1 {
		return rows(a, lo, lo+count, shape), nil
	}
	inner := Size(a.Shape[1:])
	dims, strides := []int{count, inner}, []int{step * inner, 1}
	if b, ok := a.Uint8s(); ok {
		out := make([]uint8, count*inner)
		gather(out, dims, b, lo*inner, strides)
		return a.withBytes(shape, out), nil
	}
	out := make([]float64, count*inner)
	gather(out, dims, a.Floats(), lo*inner, strides)
	return &Array{Shape: shape, data: out, Depth: a.Depth}, nil
}

// sliceBound clamps the slice bound i of an axis of length n as CPython's
// PySlice_AdjustIndices does: a negative bound counts from the end, and one
// beyond either end becomes the position just outside the walk, which is
// -1 or n-1 when walking backwards and 0 or n forwards.
func sliceBound(i, n, step int) int {
	back := 0
	if step < 0 {
		back = 1
	}
	switch {
	case i < 0 && i+n < 0:
		return -back
	case i < 0:
		return i + n
	case i >= n:
		return n - back
	}
	return i
}
