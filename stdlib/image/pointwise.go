package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// pointwise returns f applied to corresponding elements of x and y, which
// must have the same non-empty shape; fn names the caller in errors.
func pointwise(fn string, x, y *array.Array, f func(x, y float64) float64) (*array.Array, error) {
	if err := checkPair(fn, x, y); err != nil {
		return nil, err
	}
	dst := like(x)
	// One pass over values bounded by memory: quick enough not to stop.
	_ = parallelFor(context.Background(), x.Len(), x.Len(), func() func(lo, hi int) {
		return func(lo, hi int) {
			out, xs, ys := dst.Floats()[lo:hi], x.Floats()[lo:hi], y.Floats()[lo:hi]
			for i := range out {
				out[i] = f(xs[i], ys[i])
			}
		}
	})
	return dst, nil
}

// checkPair checks that x and y are arrays of the same non-empty shape;
// fn names the caller in errors.
func checkPair(fn string, x, y *array.Array) error {
	if x == nil || y == nil {
		return fmt.Errorf("%s: x and y must not be nil", fn)
	}
	if !sameShape(x.Shape, y.Shape) {
		return fmt.Errorf("%s: x and y must have the same shape, got %s and %s",
			fn, array.ShapeString(x.Shape), array.ShapeString(y.Shape))
	}
	if x.Len() == 0 {
		return fmt.Errorf("%s: x and y are empty, shape %s", fn, array.ShapeString(x.Shape))
	}
	if x.Len() != y.Len() || x.Len() != array.Size(x.Shape) {
		return fmt.Errorf("%s: x and y of shape %s have %d and %d values", fn, array.ShapeString(x.Shape), x.Len(), y.Len())
	}
	return nil
}

// sameShape reports whether two shapes are equal.
func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Magnitude returns √(x² + y²) element by element, as cv::magnitude, for
// arrays of the same shape, such as the x and y derivatives from Sobel.
func Magnitude(x, y *array.Array) (*array.Array, error) {
	return pointwise("magnitude", x, y, func(x, y float64) float64 { return math.Sqrt(x*x + y*y) })
}

// Phase returns the angle of each vector (x, y), element by element, in
// [0, 2π) radians or, if degrees is set, [0, 360) degrees, with phase(0, 0)
// = 0, for arrays of the same shape: cv::phase's convention (atan2 moved
// from (−π, π] into [0, 2π)). It is computed to full precision with atan2;
// OpenCV 4.6 instead evaluates a polynomial approximation in float32, even
// for CV_64F input (hal::fastAtan64f), whose results differ from these by
// up to 1.7e-4 radians (0.01°). An angle below 0 by less than the rounding
// of 2π is returned as the largest float64 below 2π (or 360).
func Phase(x, y *array.Array, degrees bool) (*array.Array, error) {
	full, unit := 2*math.Pi, 1.0
	if degrees {
		full, unit = 360, 180/math.Pi
	}
	below := math.Nextafter(full, 0)
	return pointwise("phase", x, y, func(x, y float64) float64 {
		a := math.Atan2(y, x) * unit
		switch {
		case a < 0:
			a = min(a+full, below)
		case a == 0:
			a = 0 // atan2 gives −0 for y = −0; the convention is +0
		}
		return a
	})
}

// AddWeighted returns alpha·x + beta·y + gamma element by element, as
// cv::addWeighted, for arrays of the same shape. Two 8-bit images give an
// 8-bit image computed as OpenCV 4.6 computes it on a CPU with AVX2: in
// float32, the values of whole 16-value vectors by fused multiply-adds
// x·alpha + (y·beta + gamma), the last len % 16 by its scalar loop's
// (x·alpha + y·beta) + gamma, whose first sum the compiler fused
// (modules/core/src/arithm.simd.hpp; the orders were found by testing
// against OpenCV), each rounded half to even and saturated to 0…255.
// Other depths give float64 sums.
func AddWeighted(x *array.Array, alpha float64, y *array.Array, beta, gamma float64) (*array.Array, error) {
	if x == nil || y == nil || x.Depth != array.Uint8 || y.Depth != array.Uint8 {
		return pointwise("addWeighted", x, y, func(x, y float64) float64 { return alpha*x + beta*y + gamma })
	}
	if err := checkPair("addWeighted", x, y); err != nil {
		return nil, err
	}
	a, b, g := float32(alpha), float32(beta), float32(gamma)
	dst := make([]uint8, x.Len())
	xs, ys := x.Floats(), y.Floats()
	vectors := len(dst) - len(dst)%16
	for i := range dst {
		u, v := float32(xs[i]), float32(ys[i])
		var sum float32
		if i < vectors {
			sum = fma32(u, a, fma32(v, b, g))
		} else {
			sum = fma32(u, a, float32(v*b)) + g
		}
		dst[i] = uint8(saturate8(float64(sum)))
	}
	return imageOfBytes(x.Shape, dst), nil
}

// ConvertScaleAbs returns saturate(|alpha·x + beta|) for every value x of
// img, as cv::convertScaleAbs: the result rounded half to even (cvRound),
// then clipped to 0…255, with NaN giving 0; the result is an 8-bit image
// (depth array.Uint8) of img's shape. OpenCV's conversion turns values of 2³¹ and more,
// infinity among them, into 0 on their way to 8 bits; here they give 255.
func ConvertScaleAbs(img *array.Array, alpha, beta float64) (*array.Array, error) {
	if img == nil || img.Len() == 0 {
		return nil, fmt.Errorf("convertScaleAbs: image is nil or empty")
	}
	convert := func(x float64) uint8 {
		// The conversion keeps the product from being fused with the sum,
		// which Go allows: OpenCV rounds it, and halves decide the rounding.
		return uint8(saturate8(math.Abs(float64(alpha*x) + beta)))
	}
	dst := make([]uint8, img.Len())
	if src, ok := img.Uint8s(); ok {
		var lut [256]uint8
		for v := range lut {
			lut[v] = convert(float64(v))
		}
		for i, v := range src {
			dst[i] = lut[v]
		}
	} else {
		for i, x := range img.Floats() {
			dst[i] = convert(x)
		}
	}
	return imageOfBytes(img.Shape, dst), nil
}

// saturate8 rounds v half to even and clips it to 0…255, NaN to 0, as
// OpenCV's saturate_cast<uchar>(double) does for |v| < 2³¹.
func saturate8(v float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return math.RoundToEven(v)
}
