// Package array implements n-dimensional float64 arrays in row-major order
// with numpy's broadcasting, indexing and printing rules. It knows nothing of
// the calc language: the interpreter and the autodiff engine both use it.
package array

import "fmt"

// Array is an n-dimensional array of float64 stored in row-major order.
// A zero-dimensional array (Shape of length 0) holds one number.
// Arrays are treated as immutable values once built: operations return new
// arrays and never modify their operands.
//
// Depth is the element type the values stand for (see Depth): images read
// from files are Uint8, everything else Float64, the zero value. It is a
// label, not a storage format; Data always holds float64. Operations that
// only move values keep it, as numpy's do: indexing, slicing, Take,
// Transpose, Reshape, Flatten, and Concat and Stack of arrays of one depth.
// Arithmetic and every other computation give Float64 arrays, so values
// never wrap around as numpy's uint8 arithmetic does.
type Array struct {
	Shape []int
	Data  []float64
	Depth Depth
}

// New returns an array of the given shape over data, which it takes
// ownership of. It panics if len(data) is not the product of shape: that is
// a programming error, not a user error.
func New(shape []int, data []float64) *Array {
	if n := Size(shape); n != len(data) {
		panic(fmt.Sprintf("array.New: shape %v needs %d elements, got %d", shape, n, len(data)))
	}
	return &Array{Shape: shape, Data: data}
}

// Vector returns a one-dimensional array over data.
func Vector(data []float64) *Array { return &Array{Shape: []int{len(data)}, Data: data} }

// Zeros returns an array of the given shape filled with zeros.
func Zeros(shape ...int) *Array {
	return &Array{Shape: append([]int(nil), shape...), Data: make([]float64, Size(shape))}
}

// Size returns the number of elements of an array of the given shape.
func Size(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// Ndim returns the number of dimensions of a.
func (a *Array) Ndim() int { return len(a.Shape) }

// Len returns the number of elements of a.
func (a *Array) Len() int { return len(a.Data) }
