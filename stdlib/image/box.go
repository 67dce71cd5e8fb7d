package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// boxShift is the fixed-point shift of OpenCV's 8-bit box filter
// (ColumnSum<ushort, uchar> in modules/imgproc/src/box_filter.simd.hpp).
const boxShift = 23

// BoxFilter returns the sum over a kw×kh window of img, anchored at (ax,
// ay) (-1: the centre), divided by kw·kh if normalize is set, as
// cv::boxFilter(img, -1, (kw, kh), (ax, ay), normalize, border); Blur is the
// normalized one. The result has img's depth. For a float64 image it is
// the window's sum times 1/(kw·kh). For an 8-bit image the sums are exact
// integers and are divided as OpenCV divides them: for windows of at most
// 256 pixels by the fixed-point multiply (s + δ)·m >> 23 with OpenCV's δ
// and m (which rounds as s/(kw·kh) rounded half up, or nearly), for larger
// ones by rounding s·(1/(kw·kh)) half to even; unnormalized sums saturate
// at 255. Colour images are filtered channel by channel. The cost is kw +
// kh additions per value.
func BoxFilter(ctx context.Context, img *array.Array, kw, kh, ax, ay int, normalize bool, border Border) (*array.Array, error) {
	const fn = "boxFilter"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if err := border.check(fn); err != nil {
		return nil, err
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	if kw < 1 || kh < 1 || kw > maxGaussian || kh > maxGaussian {
		return nil, fmt.Errorf("%s: ksize must be positive, got %d×%d", fn, kw, kh)
	}
	if ax, err = anchor(fn, "anchorX", ax, kw); err != nil {
		return nil, err
	}
	if ay, err = anchor(fn, "anchorY", ay, kh); err != nil {
		return nil, err
	}
	f := separable{kx: ones(kw), ky: ones(kh), ax: ax, ay: ay, border: border}
	area := kw * kh
	if img.Depth == array.Uint8 && area <= 1<<23 { // sums below 2³¹: exact in int32
		switch {
		case !normalize || area == 1:
			return f.filter8(ctx, img, l, fixedRound{1, 0, 0})
		case area <= 256:
			m, d := boxDivisor(area)
			return f.filter8(ctx, img, l, fixedRound{m, d * m, boxShift})
		}
	}
	scale := 1 / float64(area)
	divide := func(v float64) float64 { return img.Depth.Saturate(v * scale) }
	if !normalize {
		divide = img.Depth.Saturate
	}
	sums := make([]float64, img.Len())
	if err := f.apply(ctx, img.Floats(), l, sums); err != nil {
		return nil, err
	}
	return finish(ctx, img, sums, divide)
}

// boxDivisor returns the multiplier m and offset δ with which OpenCV's
// 8-bit box filter divides a sum s by n as (s + δ)·m >> 23: m is 2²³/n
// rounded to the nearer integer, and δ is n/2, plus one when m was rounded
// down.
func boxDivisor(n int) (m, d int64) {
	f := float64(int64(1)<<boxShift) / float64(n)
	m, d = int64(math.Floor(f)), int64(n/2)
	if f-float64(m) < 0.5 {
		d++
	} else {
		m++
	}
	return m, d
}

// Blur returns the mean of img over a kw×kh window centred on each pixel,
// as cv::blur(img, (kw, kh), border): BoxFilter normalized.
func Blur(ctx context.Context, img *array.Array, kw, kh int, border Border) (*array.Array, error) {
	return BoxFilter(ctx, img, kw, kh, -1, -1, true, border)
}

// ones returns n ones.
func ones(n int) []float64 {
	k := make([]float64, n)
	fill(k, 1)
	return k
}
