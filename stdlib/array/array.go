// Package array implements n-dimensional float64 arrays in row-major order
// with numpy's broadcasting, indexing and printing rules. It knows nothing of
// the calc language: the interpreter and the autodiff engine both use it.
package array

import (
	"fmt"
	"runtime"
	"sync"
)

// Array is an n-dimensional array of numbers stored in row-major order.
// A zero-dimensional array (Shape of length 0) holds one number.
// Arrays are treated as immutable values once built: operations return new
// arrays and never modify their operands, and code that builds an array
// writes its values (through Floats) before handing it on.
//
// Depth is the element type the values stand for (see Depth): images read
// from files are Uint8, everything else Float64, the zero value. Operations
// that only move values keep it, as numpy's do: indexing, slicing, Take,
// Transpose, Reshape, Flatten, and Concat and Stack of arrays of one depth.
// Arithmetic and every other computation give Float64 arrays, so values
// never wrap around as numpy's uint8 arithmetic does.
//
// Storage goes by depth: an array holds float64 values, except that a
// Uint8 array may be backed by bytes (FromBytes; images read from files
// and 8-bit image filters' results are): an eighth of the memory of
// float64. Its float64
// values are made the first time Floats asks for them, once, and kept;
// code that works on bytes asks Uint8s first. Since arrays are not
// modified once built, the bytes and the floats made from them never
// disagree.
type Array struct {
	Shape []int
	data  []float64  // the values, unless bytes holds them
	bytes *byteStore // the values of a byte-backed array, else nil
	Depth Depth
}

// byteStore holds a byte-backed array's values and the float64 copy
// Floats makes of them at first use. Struct copies of an Array share it.
type byteStore struct {
	b      []uint8
	once   sync.Once
	floats []float64
}

// New returns an array of the given shape over data, which it takes
// ownership of. It panics if len(data) is not the product of shape: that is
// a programming error, not a user error.
func New(shape []int, data []float64) *Array {
	checkSize("New", shape, len(data))
	return &Array{Shape: shape, data: data}
}

// NewDepth is New for values of depth d (which they must be: see
// Depth.Outside).
func NewDepth(shape []int, data []float64, d Depth) *Array {
	a := New(shape, data)
	a.Depth = d
	return a
}

// checkSize panics unless n values make an array of the given shape: a
// programming error in the constructor fn's caller. It is apart so that
// the constructors stay small enough to inline, and then a value one
// function builds and drops needs no heap.
func checkSize(fn string, shape []int, n int) {
	if Size(shape) != n {
		panic(fmt.Sprintf("array.%s: shape %v needs %d elements, got %d", fn, shape, Size(shape), n))
	}
}

// FromBytes returns a Uint8 array of the given shape backed by b, which it
// takes ownership of. It panics if len(b) is not the product of shape.
func FromBytes(shape []int, b []uint8) *Array {
	checkSize("FromBytes", shape, len(b))
	return &Array{Shape: shape, bytes: &byteStore{b: b}, Depth: Uint8}
}

// Scalar returns the zero-dimensional array holding v.
func Scalar(v float64) *Array { return &Array{data: []float64{v}} }

// Vector returns a one-dimensional array over data.
func Vector(data []float64) *Array { return &Array{Shape: []int{len(data)}, data: data} }

// Zeros returns an array of the given shape filled with zeros.
func Zeros(shape ...int) *Array {
	return &Array{Shape: append([]int(nil), shape...), data: make([]float64, Size(shape))}
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
func (a *Array) Len() int {
	if a.bytes != nil {
		return len(a.bytes.b)
	}
	return len(a.data)
}

// Floats returns a's values as float64, in row-major order. For a
// byte-backed array they are made at the first call (safely if several
// goroutines ask at once) and kept. The caller may write into the slice
// only while building a new array, before handing it on.
func (a *Array) Floats() []float64 {
	if a.bytes == nil {
		return a.data
	}
	return a.bytes.float64s()
}

// float64s returns the bytes as float64, made once, in one share per CPU
// for a large array.
func (s *byteStore) float64s() []float64 {
	s.once.Do(func() {
		s.floats = make([]float64, len(s.b))
		convert := func(lo, hi int) {
			for i, v := range s.b[lo:hi] {
				s.floats[lo+i] = float64(v)
			}
		}
		k := runtime.NumCPU()
		if len(s.b) < 1<<16 || k < 2 {
			convert(0, len(s.b))
			return
		}
		var wg sync.WaitGroup
		for i := range k {
			wg.Go(func() { convert(len(s.b)*i/k, len(s.b)*(i+1)/k) })
		}
		wg.Wait()
	})
	return s.floats
}

// Uint8s returns the bytes backing a byte-backed uint8 array, without
// copying them, and whether a is one (an array relabelled to another depth
// is not). They must not be modified.
func (a *Array) Uint8s() ([]uint8, bool) {
	if a.bytes == nil || a.Depth != Uint8 { // a relabelled array's bytes are not its values' type
		return nil, false
	}
	return a.bytes.b, true
}

// values returns a's values at the given offsets, without making the
// float64 values of a byte-backed array.
func (a *Array) values(at []int) []float64 {
	out := make([]float64, len(at))
	if b, ok := a.Uint8s(); ok {
		for k, i := range at {
			out[k] = float64(b[i])
		}
		return out
	}
	data := a.Floats()
	for k, i := range at {
		out[k] = data[i]
	}
	return out
}

// withBytes returns the byte-backed array of the given shape over b, with
// a's depth.
func (a *Array) withBytes(shape []int, b []uint8) *Array {
	return &Array{Shape: shape, bytes: &byteStore{b: b}, Depth: a.Depth}
}

// withShape returns a over the same values, with another shape of the same
// size.
func (a *Array) withShape(shape []int) *Array {
	b := *a
	b.Shape = shape
	return &b
}
