package array

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// MaxSize is the most elements an array built from user-given sizes may
// have: 2³⁰, 8 GiB of float64. Arange, Linspace, Broadcast (through
// BroadcastShapes) and CheckShape report larger requests as errors rather
// than exhaust the machine.
const MaxSize = 1 << 30

// CheckShape reports, as numpy does, a shape with a negative length, and
// also one of more than MaxSize elements. Full and Eye take their shapes as
// given; callers check user input with it first.
func CheckShape(shape []int) error {
	for _, d := range shape {
		if d < 0 {
			return fmt.Errorf("negative dimensions are not allowed in shape %s", ShapeString(shape))
		}
	}
	if tooLarge(shape) {
		return fmt.Errorf("shape %s has more than %d elements", ShapeString(shape), MaxSize)
	}
	return nil
}

// tooLarge reports whether the shape, of non-negative lengths, has more
// than MaxSize elements, without overflowing on the way.
func tooLarge(shape []int) bool {
	if slices.Contains(shape, 0) {
		return false
	}
	n := 1
	for _, d := range shape {
		if n > MaxSize/d {
			return true
		}
		n *= d
	}
	return false
}

// Full returns an array of the given shape with every element v. Negative
// lengths count as 0 (see CheckShape).
func Full(shape []int, v float64) *Array {
	shape = slices.Clone(shape)
	for i, d := range shape {
		shape[i] = max(d, 0)
	}
	data := make([]float64, Size(shape))
	for i := range data {
		data[i] = v
	}
	return &Array{Shape: shape, data: data}
}

// Eye returns the n×m array, as numpy.eye(n, m, k), with ones on diagonal k
// (0 the main diagonal, positive above it, negative below) and zeros
// elsewhere. Negative n or m count as 0.
func Eye(n, m, k int) *Array {
	a := Full([]int{n, m}, 0)
	n, m = a.Shape[0], a.Shape[1]
	for i := max(0, -k); i < n && i+k < m; i++ {
		a.Floats()[i*m+i+k] = 1
	}
	return a
}

// Arange returns the values start, start+step, ... below stop (above it for
// a negative step), as numpy.arange: ceil((stop-start)/step) elements, or
// none if that is not positive. Element i is start + i*delta, not a running
// sum, where delta is (start+step)-start, the step as numpy rounds it, so
// that the elements are the same as numpy's to the bit; Arange(0, 4, 0.01)
// has 400 elements. A step of 0 or a non-finite length is an error.
func Arange(start, stop, step float64) (*Array, error) {
	if step == 0 {
		return nil, errors.New("arange: step must not be zero")
	}
	n, err := checkLength("arange", math.Ceil((stop-start)/step))
	if err != nil {
		return nil, err
	}
	delta := (start + step) - start
	// The numbers are evenly spaced only where float64 can take the step
	// (a whole step exactly): check both ends, as the magnitude in between
	// is no greater.
	for _, x := range []float64{start, start + float64(max(n-1, 0))*delta} {
		taken := (x + step) - x
		if math.IsInf(x+step, 0) {
			taken = x - (x - step)
		}
		if taken != step && (step == math.Trunc(step) && math.Abs(step) <= 1<<53 || math.Abs(taken-step) > 1e-6*math.Abs(step)) {
			// numpy's float arange gives such numbers silently (its integer
			// arange, which numpy users mostly mean, is exact to 2**63).
			return nil, fmt.Errorf("arange: a step of %g cannot be taken at %s: float64 numbers there are %g apart "+
				"(whole numbers are exact only up to 2**53 = 9007199254740992)", step, FormatNumber(x, 17), math.Nextafter(math.Abs(x), math.Inf(1))-math.Abs(x))
		}
	}
	data := make([]float64, n)
	for i := range data {
		data[i] = start + float64(i)*delta
	}
	return Vector(data), nil
}

// checkLength returns the length n computed by the function name as an
// int, 0 if it is negative, or an error if it is not finite or more than
// MaxSize.
func checkLength(name string, n float64) (int, error) {
	if math.IsNaN(n) || math.IsInf(n, 0) || n > MaxSize {
		return 0, fmt.Errorf("%s: cannot make %v elements (at most %d)", name, n, MaxSize)
	}
	return int(max(n, 0)), nil
}

// Linspace returns n evenly spaced values from start to stop, as
// numpy.linspace: element i is start + i*step with step (stop-start)/(n-1),
// or /n when endpoint is false, so stop itself is left out. With endpoint
// the last element is exactly stop. A negative n is an error.
func Linspace(start, stop float64, n int, endpoint bool) (*Array, error) {
	if n < 0 {
		return nil, fmt.Errorf("linspace: number of samples must be non-negative, got %d", n)
	}
	if _, err := checkLength("linspace", float64(n)); err != nil {
		return nil, err
	}
	div := n
	if endpoint {
		div = n - 1
	}
	delta := stop - start
	step := delta / float64(div)
	data := make([]float64, n)
	for i := range data {
		switch {
		case div == 0:
			data[i] = float64(i)*delta + start
		case step == 0:
			// Where delta/div underflows, numpy scales before dividing.
			data[i] = float64(i)/float64(div)*delta + start
		default:
			data[i] = float64(i)*step + start
		}
	}
	if endpoint && n > 1 {
		data[n-1] = stop
	}
	return Vector(data), nil
}

// Logspace returns base raised to each of Linspace(start, stop, n, true),
// as numpy.logspace: n values from base^start to base^stop evenly spaced on
// a log scale.
func Logspace(start, stop float64, n int, base float64) (*Array, error) {
	exps, err := Linspace(start, stop, n, true)
	if err != nil {
		return nil, err
	}
	return Map(exps, func(x float64) float64 { return math.Pow(base, x) }), nil
}
