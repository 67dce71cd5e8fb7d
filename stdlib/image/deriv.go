package image

import (
	"context"
	"fmt"

	"calc/stdlib/array"
)

// Sobel returns the derivative of order dx in x (along rows) and dy in y
// (down columns) of img, times scale, plus delta, as cv::Sobel(img, CV_64F,
// dx, dy, ksize, scale, delta, border): the correlation with the separable
// kernels of DerivKernels(dx, dy, ksize); for ksize 3 the x and y
// derivatives are the correlations with
//
//	[-1 0 1]        [-1 -2 -1]
//	[-2 0 2]  and   [ 0  0  0]
//	[-1 0 1]        [ 1  2  1]
//
// ksize is odd in [1, 31] (1: [-1 0 1] or [1 -2 1] without smoothing) or
// FilterScharr (-1) for Scharr's more rotation-invariant 3×3 kernels. As in
// OpenCV, scale multiplies the x kernel when dx is 0 and the y kernel
// otherwise, which decides the rounding. Colour images are differentiated
// channel by channel. The cost is one multiply-add per non-zero element of kx and
// of ky per value, in two 1-d passes.
func Sobel(ctx context.Context, img *array.Array, dx, dy, ksize int, scale, delta float64, border Border) (*array.Array, error) {
	return sobel(ctx, "sobel", img, dx, dy, ksize, scale, delta, border)
}

// Scharr returns the first derivative of img in x (dx = 1, dy = 0) or in y
// (dx = 0, dy = 1) with Scharr's kernels [-1 0 1] ⊗ [3 10 3], times scale,
// plus delta, as cv::Scharr(img, CV_64F, dx, dy, scale, delta, border). It
// is Sobel with ksize FilterScharr.
func Scharr(ctx context.Context, img *array.Array, dx, dy int, scale, delta float64, border Border) (*array.Array, error) {
	return sobel(ctx, "scharr", img, dx, dy, FilterScharr, scale, delta, border)
}

// sobel is Sobel, reporting errors as fn's.
func sobel(ctx context.Context, fn string, img *array.Array, dx, dy, ksize int, scale, delta float64, border Border) (*array.Array, error) {
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if err := border.check(fn); err != nil {
		return nil, err
	}
	if err := checkDeriv(fn, dx, dy, ksize); err != nil {
		return nil, err
	}
	kx, ky := derivKernel(dx, ksize), derivKernel(dy, ksize)
	if scale != 1 {
		k := ky
		if dx == 0 {
			k = kx
		}
		for i := range k {
			k[i] *= scale
		}
	}
	dst := like(img)
	f := separable{kx: kx, ky: ky, ax: len(kx) / 2, ay: len(ky) / 2, delta: delta, border: border}
	if err := f.apply(ctx, img.Floats(), l, dst.Floats()); err != nil {
		return nil, err
	}
	return dst, nil
}

// laplacian3 holds the 3×3 kernels cv::Laplacian uses for ksize 1 and 3.
var laplacian3 = [2][9]float64{
	{0, 1, 0, 1, -4, 1, 0, 1, 0},
	{2, 0, 2, 0, -8, 0, 2, 0, 2},
}

// Laplacian returns ∂²img/∂x² + ∂²img/∂y², times scale, plus delta, as
// cv::Laplacian(img, CV_64F, ksize, scale, delta, border). For ksize 1 it is
// the correlation with [[0 1 0] [1 -4 1] [0 1 0]], for ksize 3 with
// [[2 0 2] [0 -8 0] [2 0 2]]; OpenCV holds those kernels as float32 and
// scales them in float32, so scale is rounded to float32 there, as here.
// For ksize 5 to 31 (odd) it is the sum of Sobel's second derivatives in x
// and in y with that aperture, then scaled and shifted. Colour images are
// filtered channel by channel.
func Laplacian(ctx context.Context, img *array.Array, ksize int, scale, delta float64, border Border) (*array.Array, error) {
	const fn = "laplacian"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if err := border.check(fn); err != nil {
		return nil, err
	}
	if ksize < 1 || ksize > maxSobel || ksize%2 == 0 {
		return nil, fmt.Errorf("%s: ksize must be odd in [1, %d], got %d", fn, maxSobel, ksize)
	}
	dst := like(img)
	if ksize <= 3 {
		k := laplacian3[ksize/2]
		s := float64(float32(scale))
		for i := range k {
			k[i] *= s
		}
		if err := correlate2d(ctx, img.Floats(), l, k[:], 3, 3, 1, 1, delta, border, dst.Floats()); err != nil {
			return nil, err
		}
		return dst, nil
	}
	d2, smooth := derivKernel(2, ksize), derivKernel(0, ksize)
	a := ksize / 2
	if err := (&separable{kx: d2, ky: smooth, ax: a, ay: a, border: border}).apply(ctx, img.Floats(), l, dst.Floats()); err != nil {
		return nil, err
	}
	d2y := make([]float64, dst.Len())
	if err := (&separable{kx: smooth, ky: d2, ax: a, ay: a, border: border}).apply(ctx, img.Floats(), l, d2y); err != nil {
		return nil, err
	}
	sum := dst.Floats()
	for i, v := range d2y {
		sum[i] = (sum[i]+v)*scale + delta
	}
	return dst, nil
}

// BlurMeasure returns the variance of the Laplacian of img, the usual
// measure of focus (Pech-Pacheco et al., "Diatom autofocusing in brightfield
// microscopy: a comparative study", ICPR 2000): small for a blurred image,
// large for a sharp one. It is cv2.Laplacian(img, cv2.CV_64F).var(), with
// ksize 1 and the Reflect101 border, the population variance over every
// pixel and channel.
func BlurMeasure(ctx context.Context, img *array.Array) (float64, error) {
	if _, err := layoutOf("blurMeasure", img); err != nil {
		return 0, err
	}
	lap, err := Laplacian(ctx, img, 1, 1, 0, Reflect101)
	if err != nil {
		return 0, err
	}
	mean := 0.0
	for _, v := range lap.Floats() {
		mean += v
	}
	mean /= float64(lap.Len())
	ss := 0.0
	for _, v := range lap.Floats() {
		ss += (v - mean) * (v - mean)
	}
	return ss / float64(lap.Len()), nil
}
