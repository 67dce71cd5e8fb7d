package image

import (
	"fmt"
	"math"
)

// FilterScharr is the ksize that asks Sobel for Scharr's 3×3 kernels, OpenCV's
// FILTER_SCHARR.
const FilterScharr = -1

// maxSobel is the largest Sobel aperture OpenCV accepts.
const maxSobel = 31

// maxGaussian is the largest Gaussian kernel GaussianKernel and GaussianBlur
// make, so that a huge sigma is an error rather than an exhausted machine.
const maxGaussian = 1<<16 - 1

// DerivKernels returns the separable kernels of the derivative of order dx
// in x and dy in y with aperture ksize, as cv::getDerivKernels(dx, dy,
// ksize) without normalisation: the derivative is kx along each row and ky
// down each column (Sobel correlates with them). For ksize > 1 each kernel
// has ksize elements: the binomial smoothing kernel (1 1)^(ksize−1−order)
// differenced order times, so ksize 3 gives [1 2 1], [-1 0 1] and
// [1 -2 1] for orders 0, 1 and 2. For ksize 1 the kernel of a direction
// with a derivative is [-1 0 1] or [1 -2 1] and the other is [1]: no
// smoothing. ksize FilterScharr (-1) gives Scharr's kernels, [3 10 3] and
// [-1 0 1], for dx+dy = 1. The rules are OpenCV's: ksize odd in [1, 31] or
// -1; dx, dy ≥ 0 with dx+dy > 0 (= 1 for Scharr); and each order less than
// its kernel's length.
func DerivKernels(dx, dy, ksize int) (kx, ky []float64, err error) {
	if err := checkDeriv("derivKernels", dx, dy, ksize); err != nil {
		return nil, nil, err
	}
	return derivKernel(dx, ksize), derivKernel(dy, ksize), nil
}

// checkDeriv reports, naming fn and the argument, derivative orders and an
// aperture that DerivKernels does not accept.
func checkDeriv(fn string, dx, dy, ksize int) error {
	if ksize == FilterScharr {
		if dx < 0 || dy < 0 || dx+dy != 1 {
			return fmt.Errorf("%s: Scharr (ksize -1) needs dx, dy ≥ 0 with dx+dy = 1, got dx=%d, dy=%d", fn, dx, dy)
		}
		return nil
	}
	if ksize < 1 || ksize > maxSobel || ksize%2 == 0 {
		return fmt.Errorf("%s: ksize must be odd in [1, %d], or -1 for Scharr, got %d", fn, maxSobel, ksize)
	}
	for _, d := range []struct {
		name  string
		order int
	}{{"dx", dx}, {"dy", dy}} {
		if d.order < 0 {
			return fmt.Errorf("%s: %s must be ≥ 0, got %d", fn, d.name, d.order)
		}
		if n := derivSize(d.order, ksize); d.order >= n {
			return fmt.Errorf("%s: %s must be less than the kernel size %d, got %d", fn, d.name, n, d.order)
		}
	}
	if dx+dy == 0 {
		return fmt.Errorf("%s: dx+dy must be positive, got dx=0, dy=0", fn)
	}
	return nil
}

// derivSize is the length of the kernel of a derivative of the given order
// with aperture ksize (1 to 31): ksize, but 3 for a derivative when ksize is
// 1, as in OpenCV's getSobelKernels.
func derivSize(order, ksize int) int {
	if ksize == 1 && order > 0 {
		return 3
	}
	return ksize
}

// derivKernel returns the kernel of the given derivative order with aperture
// ksize, which checkDeriv has accepted. It follows getSobelKernels and
// getScharrKernels in OpenCV's modules/imgproc/src/deriv.cpp.
func derivKernel(order, ksize int) []float64 {
	if ksize == FilterScharr {
		if order == 0 {
			return []float64{3, 10, 3}
		}
		return []float64{-1, 0, 1}
	}
	n := derivSize(order, ksize)
	k := make([]float64, n+1) // one spare element keeps the updates in range
	k[0] = 1
	for range n - order - 1 { // smooth: multiply by (1 + z)
		for j := n; j > 0; j-- {
			k[j] += k[j-1]
		}
	}
	for range order { // differentiate: multiply by (z − 1)
		for j := n; j > 0; j-- {
			k[j] = k[j-1] - k[j]
		}
		k[0] = -k[0]
	}
	return k[:n]
}

// GaussianKernel returns the n Gaussian weights of standard deviation sigma
// that cv::getGaussianKernel(n, sigma, CV_64F) returns, summing to 1:
//
//	k[i] = exp(−(i − (n−1)/2)² / (2σ²)) / Σ
//
// For sigma ≤ 0 and n ≤ 9, OpenCV uses fixed binomial-like tables (n = 3:
// [1 2 1]/4, 5: [1 4 6 4 1]/16, 7: [1 3.5 7 9 7 3.5 1]/32, 9: [4 13 30 51
// 60 51 30 13 4]/256); for other n with sigma ≤ 0 it takes σ = 0.15·n +
// 0.35, which is ((n−1)/2 − 1)·0.3 + 0.8. The arithmetic follows OpenCV
// 4.x's getGaussianKernelBitExact (modules/imgproc/src/smooth.dispatch.cpp):
// half the weights are computed and mirrored, and the centre weight is
// 1/Σ. n must be odd, from 1 to 65535.
func GaussianKernel(n int, sigma float64) ([]float64, error) {
	if n < 1 || n%2 == 0 || n > maxGaussian {
		return nil, fmt.Errorf("gaussianKernel: n must be odd in [1, %d], got %d", maxGaussian, n)
	}
	if math.IsNaN(sigma) {
		return nil, fmt.Errorf("gaussianKernel: sigma must be a number, got NaN")
	}
	return gaussianKernel(n, sigma), nil
}

// smallGaussian holds OpenCV's fixed kernels for sigma ≤ 0, by n/2.
var smallGaussian = [...][]float64{
	{1},
	{0.25, 0.5, 0.25},
	{0.0625, 0.25, 0.375, 0.25, 0.0625},
	{0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125},
	{4.0 / 256, 13.0 / 256, 30.0 / 256, 51.0 / 256, 60.0 / 256, 51.0 / 256, 30.0 / 256, 13.0 / 256, 4.0 / 256},
}

// gaussianKernel is GaussianKernel for an odd n it has checked.
func gaussianKernel(n int, sigma float64) []float64 {
	if sigma <= 0 && n/2 < len(smallGaussian) {
		return append([]float64(nil), smallGaussian[n/2]...)
	}
	if sigma <= 0 {
		sigma = math.FMA(float64(n), 0.15, 0.35)
	}
	// x runs over 2·(i − (n−1)/2), so the exponent's factor is −1/(8σ²).
	scale := -0.125 / (sigma * sigma)
	k := make([]float64, n)
	half := (n - 1) / 2
	sum := 0.0
	for i, x := 0, 1-n; i < half; i, x = i+1, x+2 {
		k[i] = math.Exp(float64(x*x) * scale)
		sum += k[i]
	}
	sum = 2*sum + 1
	inv := 1 / sum
	for i := range half {
		k[i] *= inv
		k[n-1-i] = k[i]
	}
	k[half] = inv
	return k
}
