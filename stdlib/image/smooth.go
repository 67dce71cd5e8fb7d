package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// GaussianBlur returns img smoothed by a Gaussian, as cv::GaussianBlur(img,
// (ksizeX, ksizeY), sigmaX, sigmaY, border) on a CV_64F image: the
// separable correlation with GaussianKernel(ksizeX, sigmaX) along rows and
// GaussianKernel(ksizeY, sigmaY) down columns. A sigmaY ≤ 0 means sigmaX. A
// kernel size of 0 is derived from its sigma, as OpenCV does for
// floating-point images: round(8σ + 1) made odd; otherwise sizes are odd
// and positive, and a sigma ≤ 0 is derived from the size (see
// GaussianKernel). As in OpenCV, an image one pixel tall (or wide) is not
// smoothed in that direction unless the border is Constant. Colour images
// are smoothed channel by channel. The cost is ksizeX + ksizeY
// multiply-adds per value.
//
// An 8-bit image (depth array.Uint8) gives an 8-bit image, as OpenCV's
// bit-exact GaussianBlur for CV_8U computes it (smooth.dispatch.cpp and
// smooth.simd.hpp): sizes derived from sigma are round(6σ + 1) made odd,
// each kernel is turned into integers of 8 fraction bits (fixedGaussian),
// the two passes sum exactly, and the result is rounded half up from 16
// fraction bits. An image labelled Uint8 must hold integers 0…255.
func GaussianBlur(ctx context.Context, img *array.Array, ksizeX, ksizeY int, sigmaX, sigmaY float64, border Border) (*array.Array, error) {
	const fn = "gaussianBlur"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if err := border.check(fn); err != nil {
		return nil, err
	}
	if math.IsNaN(sigmaX) || math.IsNaN(sigmaY) {
		return nil, fmt.Errorf("%s: sigmaX and sigmaY must be numbers, got %g and %g", fn, sigmaX, sigmaY)
	}
	if sigmaY <= 0 {
		sigmaY = sigmaX
	}
	eight := img.Depth == array.Uint8
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	nx, err := gaussianSize(fn, "ksizeX", ksizeX, "sigmaX", sigmaX, eight)
	if err != nil {
		return nil, err
	}
	ny, err := gaussianSize(fn, "ksizeY", ksizeY, "sigmaY", sigmaY, eight)
	if err != nil {
		return nil, err
	}
	if border != Constant {
		if l.h == 1 {
			ny = 1
		}
		if l.w == 1 {
			nx = 1
		}
	}
	if nx == 1 && ny == 1 {
		return img, nil // arrays are immutable values
	}
	f := separable{
		kx: gaussianKernel(nx, max(sigmaX, 0)), ky: gaussianKernel(ny, max(sigmaY, 0)),
		ax: nx / 2, ay: ny / 2, border: border,
	}
	if !eight {
		sums := make([]float64, img.Len())
		if err := f.apply(ctx, img.Floats(), l, sums); err != nil {
			return nil, err
		}
		return array.NewDepth(append([]int(nil), img.Shape...), sums, img.Depth), nil
	}
	// In fixed point the sums are integers below 255·2¹⁶, exact in int32.
	f.kx, f.ky = fixedGaussian(f.kx), fixedGaussian(f.ky)
	return f.filter8(ctx, img, l, fixedRound{1, 1 << 15, 16}) // rounded half up, as OpenCV's cast
}

// fixedGaussian returns the Gaussian kernel k in integers of 8 fraction
// bits (k·256 summing to 256), as OpenCV's getGaussianKernelFixedPoint_ED
// makes them for 8-bit images: the outer weights of the first half are
// rounded half to even with the error carried on to the next, mirrored,
// and the centre weight takes the rest of 256.
func fixedGaussian(k []float64) []float64 {
	n := len(k)
	out := make([]float64, n)
	carry, sum := 0.0, 0.0
	for i := range n / 2 {
		v := k[i]*256 + carry
		r := math.RoundToEven(v)
		carry = v - r
		out[i], out[n-1-i] = r, r
		sum += r
	}
	out[n/2] = 256 - 2*sum
	return out
}

// outside8 is array.Uint8.Outside for a slice, in fewer operations: a
// value is a byte exactly when converting it to one and back gives it
// again (a conversion out of range gives some byte, never the value).
func outside8(data []float64) int {
	for i, v := range data {
		if float64(uint8(int64(v))) != v {
			return i
		}
	}
	return -1
}

// checkDepth reports an image labelled with an integer depth that holds a
// value outside it, such as an 8-bit image given 300 or 0.5 by assignment.
// The values are checked in one share per CPU: for a large image the check
// takes a noticeable part of a quick filter's time. An image backed by
// bytes needs no check.
func checkDepth(fn string, img *array.Array) error {
	if _, ok := img.Uint8s(); ok || img.Depth == array.Float64 {
		return nil
	}
	const chunk = 1 << 16
	data := img.Floats()
	chunks := (len(data) + chunk - 1) / chunk
	first := make([]int, chunks)
	_ = parallelFor(context.Background(), chunks, len(data), func() func(lo, hi int) {
		return func(lo, hi int) {
			for k := lo; k < hi; k++ {
				part := data[k*chunk : min((k+1)*chunk, len(data))]
				if img.Depth == array.Uint8 {
					first[k] = outside8(part)
				} else {
					first[k] = img.Depth.Outside(array.Vector(part))
				}
				if first[k] >= 0 {
					first[k] += k * chunk
				}
			}
		}
	})
	for _, i := range first {
		if i < 0 {
			continue
		}
		return fmt.Errorf("%s: the image is labelled %s but holds %g at index %d; convert it with as_depth(img, \"%s\")",
			fn, img.Depth, data[i], i, img.Depth)
	}
	return nil
}

// gaussianSize returns the Gaussian kernel size given as the argument
// named name, or for 0 the size OpenCV's createGaussianKernels derives from
// sigma, cvRound(8σ + 1) | 1 for a floating-point image and cvRound(6σ + 1)
// | 1 for an 8-bit one.
func gaussianSize(fn, name string, ksize int, sigmaName string, sigma float64, eight bool) (int, error) {
	switch {
	case ksize == 0:
		if !(sigma > 0) {
			return 0, fmt.Errorf("%s: %s is 0, so %s must be positive to derive it, got %g", fn, name, sigmaName, sigma)
		}
		radii := 4.0
		if eight {
			radii = 3
		}
		n := math.RoundToEven(sigma*radii*2 + 1)
		if n > maxGaussian {
			return 0, fmt.Errorf("%s: %s %g asks for a kernel of more than %d elements", fn, sigmaName, sigma, maxGaussian)
		}
		return int(n) | 1, nil
	case ksize < 0 || ksize%2 == 0 || ksize > maxGaussian:
		return 0, fmt.Errorf("%s: %s must be odd in [1, %d], or 0 to derive it from %s, got %d",
			fn, name, maxGaussian, sigmaName, ksize)
	}
	return ksize, nil
}
