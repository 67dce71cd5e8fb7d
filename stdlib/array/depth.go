package array

import (
	"fmt"
	"math"
	"strings"
)

// Depth is the element type an array's values stand for, with numpy's
// names for OpenCV's depths: Float64 (CV_64F, the zero value), Float32
// (CV_32F), Uint8 (CV_8U), Uint16 (CV_16U) and Int16 (CV_16S), and Bool
// for the truth values comparisons give (0 or 1: they print as true and
// false and index as masks). An image filter that keeps its input's depth
// (OpenCV's ddepth -1) rounds and saturates its results to it, as OpenCV
// does.
type Depth uint8

// The depths, in the order of their names.
const (
	Float64 Depth = 0
	Float32 Depth = 1
	Uint8   Depth = 2
	Uint16  Depth = 3
	Int16   Depth = 4
	Bool    Depth = 5
)

// depthNames are the names String gives and ParseDepth accepts.
var depthNames = [...]string{"float64", "float32", "uint8", "uint16", "int16", "bool"}

// String returns the depth's numpy name, such as "uint8".
func (d Depth) String() string {
	if int(d) < len(depthNames) {
		return depthNames[d]
	}
	return fmt.Sprintf("Depth(%d)", int(d))
}

// ParseDepth returns the depth of the given numpy name ("uint8", ...).
func ParseDepth(name string) (Depth, error) {
	for i, s := range depthNames {
		if name == s {
			return Depth(i), nil
		}
	}
	return 0, fmt.Errorf("unknown depth %q (want %s)", name, strings.Join(depthNames[:], ", "))
}

// IsInt reports whether d is an integer depth.
func (d Depth) IsInt() bool { return d == Uint8 || d == Uint16 || d == Int16 || d == Bool }

// Range returns the smallest and largest values of an integer depth, and
// ±Inf for the floating-point ones.
func (d Depth) Range() (lo, hi float64) {
	switch d {
	case Uint8:
		return 0, math.MaxUint8
	case Uint16:
		return 0, math.MaxUint16
	case Int16:
		return math.MinInt16, math.MaxInt16
	case Bool:
		return 0, 1
	}
	return math.Inf(-1), math.Inf(1)
}

// Saturate returns v as a value of depth d, as OpenCV's saturate_cast
// does: for integer depths rounded half to even (cvRound) and clipped to
// the depth's range, NaN giving 0; for Float32 rounded to the nearest
// float32; for Float64 unchanged.
func (d Depth) Saturate(v float64) float64 {
	switch d {
	case Float64:
		return v
	case Float32:
		return float64(float32(v))
	case Bool:
		if v != 0 { // NaN too, as numpy's astype(bool)
			return 1
		}
		return 0
	}
	lo, hi := d.Range()
	switch {
	case math.IsNaN(v):
		return 0
	case v <= lo:
		return lo
	case v >= hi:
		return hi
	}
	return math.RoundToEven(v)
}

// Outside returns the index of the first value of a that is not a value of
// depth d (for integer depths an integer in its range, for Float32 a
// float32 or NaN), or -1 if they all are.
func (d Depth) Outside(a *Array) int {
	switch {
	case d == Float64:
		return -1
	case d.IsInt():
		// In range, v converts to int64 exactly when it is an integer; a
		// NaN fails the range test.
		lo, hi := d.Range()
		for i, v := range a.Floats() {
			if !(v >= lo && v <= hi) || float64(int64(v)) != v {
				return i
			}
		}
		return -1
	}
	for i, v := range a.Floats() {
		if !math.IsNaN(v) && d.Saturate(v) != v {
			return i
		}
	}
	return -1
}

// Convert returns a as an array of depth d: each value saturated to d (see
// Saturate), as OpenCV's Mat::convertTo(dst, d) does. A Uint8 result is
// backed by bytes.
func Convert(a *Array, d Depth) *Array {
	shape := append([]int(nil), a.Shape...)
	if d == Uint8 {
		if b, ok := a.Uint8s(); ok {
			return FromBytes(shape, b)
		}
		out := make([]uint8, a.Len())
		for i, v := range a.Floats() {
			out[i] = uint8(Uint8.Saturate(v))
		}
		return FromBytes(shape, out)
	}
	out := make([]float64, a.Len())
	for i, v := range a.Floats() {
		out[i] = d.Saturate(v)
	}
	return &Array{Shape: shape, data: out, Depth: d}
}
