package array

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/blas/blas64"

	"calc/stdlib/gemm"
)

// Outer returns the outer product of a and b, both flattened: the
// len(a)×len(b) array whose element (i, j) is a[i]*b[j].
func Outer(a, b *Array) *Array {
	m, n := a.Len(), b.Len()
	out := make([]float64, m*n)
	for i, x := range a.Floats() {
		zipLeft(out[i*n:(i+1)*n], x, b.Floats(), mul)
	}
	return &Array{Shape: []int{m, n}, data: out, Depth: andDepth(a, b)}
}

// andDepth is the depth of a product of a and b: Bool when both are masks,
// whose product is their and, as numpy's of bool arrays; else Float64.
func andDepth(a, b *Array) Depth {
	if a.Depth == Bool && b.Depth == Bool {
		return Bool
	}
	return Float64
}

// mul is multiplication as a function, for Broadcast.
func mul(x, y float64) float64 { return x * y }

// Dot returns the product of a and b as numpy.dot does for up to two
// dimensions: with a 0-d operand the elementwise product; for two vectors
// their inner product, a 0-d array; otherwise the matrix product, a vector
// standing for a row on the left and a column on the right. The last axis of
// a must match the first axis of b (its only one if b is a vector). The
// inner product of vectors runs on gonum's BLAS (Ddot), the others on
// gemm.Dgemm, O(m·k·n) for an m×k by k×n product. Operands of more than
// two dimensions are not supported.
func Dot(a, b *Array) (*Array, error) { return DotStop(a, b, nil) }

// ErrStopped is the error of a computation its stop function stopped.
var ErrStopped = errors.New("stopped")

// DotStop is Dot for a caller that may want to abandon a long product
// (an interpreter's Ctrl-C): a matrix product asks stop, if not nil,
// between blocks of its work (gemm.DgemmStop), and returns ErrStopped as
// soon as it says so. stop must be safe for concurrent use.
func DotStop(a, b *Array, stop func() bool) (*Array, error) {
	if a.Ndim() == 0 || b.Ndim() == 0 {
		return Broadcast(a, b, mul)
	}
	if a.Ndim() > 2 || b.Ndim() > 2 {
		return nil, fmt.Errorf("dot: shapes %s and %s: arrays of more than 2 dimensions are not supported",
			ShapeString(a.Shape), ShapeString(b.Shape))
	}
	ka, kb := a.Ndim()-1, 0
	if k := a.Shape[ka]; k != b.Shape[kb] {
		return nil, fmt.Errorf("dot: shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)",
			ShapeString(a.Shape), ShapeString(b.Shape), k, ka, b.Shape[kb], kb)
	}
	// The result's shape is a's without its last axis followed by b's
	// without its first.
	shape := append(append([]int{}, a.Shape[:ka]...), b.Shape[1:]...)
	out := make([]float64, Size(shape))
	if len(out) == 0 || a.Len() == 0 {
		// BLAS and Dgemm reject empty matrices; an empty sum is 0.
		return &Array{Shape: shape, data: out}, nil
	}
	if a.Ndim() == 1 && b.Ndim() == 1 {
		out[0] = blas64.Dot(vector(a.Floats()), vector(b.Floats()))
		return &Array{Shape: shape, data: out}, nil
	}
	// An m×k by k×n product, a vector being a 1×k or k×1 matrix.
	k := a.Shape[ka]
	m, n := a.Len()/k, b.Len()/k
	if !gemm.DgemmStop(stop, false, false, m, n, k, 1, a.Floats(), k, b.Floats(), n, 0, out, n) {
		return nil, ErrStopped
	}
	return &Array{Shape: shape, data: out}, nil
}

// vector returns x as a BLAS vector with unit stride.
func vector(x []float64) blas64.Vector { return blas64.Vector{N: len(x), Inc: 1, Data: x} }
