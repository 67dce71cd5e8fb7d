package array

import (
	"math"
	"testing"
)

// vec returns the 1-d array of its arguments.
func vec(data ...float64) *Array { return Vector(data) }

// arr returns the array of the given shape over data.
func arr(shape []int, data ...float64) *Array { return New(shape, data) }

// scalar returns the 0-d array holding x.
func scalar(x float64) *Array { return New([]int{}, []float64{x}) }

// shape returns its arguments as a shape.
func shape(dims ...int) []int { return dims }

// iota returns the array of the given shape holding 0, 1, 2, ...
func iota(dims ...int) *Array {
	a := Zeros(dims...)
	for i := range a.Len() {
		a.Floats()[i] = float64(i)
	}
	return a
}

// same reports whether a and b have the same shape and elements within tol
// of each other (relative to the larger magnitude), NaN matching NaN.
func same(a, b *Array, tol float64) bool {
	if !sameShape(a.Shape, b.Shape) {
		return false
	}
	for i, x := range a.Floats() {
		y := b.Floats()[i]
		switch {
		case math.IsNaN(x) || math.IsNaN(y):
			if math.IsNaN(x) != math.IsNaN(y) {
				return false
			}
		case x == y:
		case math.Abs(x-y) > tol*math.Max(math.Abs(x), math.Abs(y)):
			return false
		}
	}
	return true
}

// check reports a mismatch between an operation's result and what is
// wanted: an array equal to want within tol, or, when want is nil, the
// error message wantErr.
func check(t *testing.T, name string, got *Array, err error, want *Array, wantErr string, tol float64) {
	t.Helper()
	switch {
	case want == nil && err == nil:
		t.Errorf("%s = %v %v, want error %q", name, ShapeString(got.Shape), got.Floats(), wantErr)
	case want == nil && err.Error() != wantErr:
		t.Errorf("%s: error %q, want %q", name, err, wantErr)
	case want != nil && err != nil:
		t.Errorf("%s: unexpected error %v", name, err)
	case want != nil && !same(got, want, tol):
		t.Errorf("%s = %v %v, want %v %v", name, ShapeString(got.Shape), got.Floats(), ShapeString(want.Shape), want.Floats())
	}
}
