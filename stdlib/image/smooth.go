package image

import (
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
func GaussianBlur(img *array.Array, ksizeX, ksizeY int, sigmaX, sigmaY float64, border Border) (*array.Array, error) {
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
	nx, err := gaussianSize(fn, "ksizeX", ksizeX, "sigmaX", sigmaX)
	if err != nil {
		return nil, err
	}
	ny, err := gaussianSize(fn, "ksizeY", ksizeY, "sigmaY", sigmaY)
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
	dst := like(img)
	if nx == 1 && ny == 1 {
		copy(dst.Data, img.Data)
		return dst, nil
	}
	f := separable{
		kx: gaussianKernel(nx, max(sigmaX, 0)), ky: gaussianKernel(ny, max(sigmaY, 0)),
		ax: nx / 2, ay: ny / 2, border: border,
	}
	f.apply(img.Data, l, dst.Data)
	return dst, nil
}

// gaussianSize returns the Gaussian kernel size given as the argument
// named name, or for 0 the size OpenCV's createGaussianKernels derives from
// sigma for a floating-point image, cvRound(8σ + 1) | 1.
func gaussianSize(fn, name string, ksize int, sigmaName string, sigma float64) (int, error) {
	switch {
	case ksize == 0:
		if !(sigma > 0) {
			return 0, fmt.Errorf("%s: %s is 0, so %s must be positive to derive it, got %g", fn, name, sigmaName, sigma)
		}
		n := math.RoundToEven(sigma*4*2 + 1)
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
