package image

import (
	"fmt"
	"math"

	"calc/stdlib/array"
)

// ThresholdMode says what Threshold does with values above and below the
// threshold t, with OpenCV's cv::ThresholdTypes names and numbers. Otsu is
// a flag to combine with one of the others (alone it means Binary).
type ThresholdMode int

const (
	// Binary gives maxval where x > t and 0 elsewhere.
	Binary ThresholdMode = 0
	// BinaryInv gives 0 where x > t and maxval elsewhere.
	BinaryInv ThresholdMode = 1
	// Trunc gives t where x > t and x elsewhere.
	Trunc ThresholdMode = 2
	// ToZero gives x where x > t and 0 elsewhere.
	ToZero ThresholdMode = 3
	// ToZeroInv gives 0 where x > t and x elsewhere.
	ToZeroInv ThresholdMode = 4
	// Otsu replaces t by the threshold Otsu's method chooses for the
	// image, which must be gray with 8-bit values (integers 0 to 255).
	Otsu ThresholdMode = 8
)

// Threshold applies a fixed threshold t to every value of img, as
// cv2.threshold(img, t, maxval, mode) does to a CV_64F image, and returns
// the result with the threshold used: t, or Otsu's choice when mode has the
// Otsu flag. The comparisons are strict (x > t), and a NaN compares false.
// An 8-bit image (depth array.Uint8) is thresholded as OpenCV does a CV_8U
// one: t is floored (and returned floored), maxval rounded and saturated
// to 0…255, and the result is 8-bit. OpenCV computes Otsu's threshold only
// for 8-bit images (CV_8UC1), so the Otsu flag needs a gray image whose
// values are integers from 0 to 255; on a float64 image the threshold is
// then applied to the float64 values.
func Threshold(img *array.Array, t, maxval float64, mode ThresholdMode) (*array.Array, float64, error) {
	const fn = "threshold"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, 0, err
	}
	base := mode &^ Otsu
	if base < Binary || base > ToZeroInv {
		return nil, 0, fmt.Errorf("%s: unknown mode %d", fn, int(mode))
	}
	if mode&Otsu != 0 {
		if l.c != 1 {
			return nil, 0, fmt.Errorf("%s: Otsu needs a gray (1-channel) image, got shape %s", fn, array.ShapeString(img.Shape))
		}
		if t, err = otsu(img.Floats()); err != nil {
			return nil, 0, fmt.Errorf("%s: %w", fn, err)
		}
	}
	dst := like(img)
	if img.Depth == array.Uint8 {
		if err := checkDepth(fn, img); err != nil {
			return nil, 0, err
		}
		// OpenCV compares 8-bit values with ⌊t⌋, and stores 8 bits.
		t, maxval, dst.Depth = math.Floor(t), array.Uint8.Saturate(maxval), array.Uint8
	}
	out := dst.Floats()
	for i, x := range img.Floats() {
		above := x > t
		switch base {
		case Binary:
			out[i] = pick(above, maxval, 0)
		case BinaryInv:
			out[i] = pick(above, 0, maxval)
		case Trunc:
			out[i] = dst.Depth.Saturate(pick(above, t, x))
		case ToZero:
			out[i] = pick(above, x, 0)
		case ToZeroInv:
			out[i] = pick(above, 0, x)
		}
	}
	return packed(dst), t, nil
}

// pick returns a if cond holds and b otherwise.
func pick(cond bool, a, b float64) float64 {
	if cond {
		return a
	}
	return b
}

// otsu returns the threshold that Otsu's method ("A threshold selection
// method from gray-level histograms", IEEE Trans. SMC 9(1), 1979) chooses
// for 8-bit values: the level t that maximises the between-class variance
// q₁q₂(μ₁ − μ₂)² of the classes x ≤ t and x > t. The arithmetic, including
// which levels it skips as leaving a class (nearly) empty, is that of
// getThreshVal_Otsu_8u in OpenCV's modules/imgproc/src/thresh.cpp, so the
// two choose the same level.
func otsu(data []float64) (float64, error) {
	const levels = 256
	var hist [levels]int
	for _, x := range data {
		if !(x >= 0 && x < levels) || x != float64(int(x)) {
			return 0, fmt.Errorf("Otsu needs 8-bit values (integers from 0 to 255), got %g", x)
		}
		hist[int(x)]++
	}
	const fltEpsilon = 0x1p-23 // C's FLT_EPSILON, as OpenCV uses
	scale := 1 / float64(len(data))
	mu := 0.0
	for i, n := range hist {
		mu += float64(i) * float64(n)
	}
	mu *= scale
	var mu1, q1, maxSigma, maxVal float64
	for i, n := range hist {
		p := float64(n) * scale
		mu1 *= q1
		q1 += p
		q2 := 1 - q1
		if min(q1, q2) < fltEpsilon || max(q1, q2) > 1-fltEpsilon {
			continue
		}
		mu1 = (mu1 + float64(i)*p) / q1
		mu2 := (mu - q1*mu1) / q2
		sigma := q1 * q2 * (mu1 - mu2) * (mu1 - mu2)
		if sigma > maxSigma {
			maxSigma, maxVal = sigma, float64(i)
		}
	}
	return maxVal, nil
}
