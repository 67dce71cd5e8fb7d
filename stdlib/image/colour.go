package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// ToGray returns the gray image of an RGB image (H×W×3), as
// cv::cvtColor(img, COLOR_RGB2GRAY): for an 8-bit image OpenCV's fixed
// point, (9798·R + 19235·G + 3735·B + 2¹⁴) >> 15; for any other the sum
// 0.299·R + 0.587·G + 0.114·B in float64 (OpenCV's float32 conversion
// rounds the weights to float32). The result has img's depth.
func ToGray(img *array.Array) (*array.Array, error) {
	const fn = "cvtColor"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if img.Ndim() != 3 || l.c != 3 {
		return nil, fmt.Errorf("%s: RGB to gray needs an H×W×3 image, got shape %s", fn, array.ShapeString(img.Shape))
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	if img.Depth == array.Uint8 {
		src, err := bytesOf(context.Background(), img)
		if err != nil {
			return nil, err
		}
		out := make([]uint8, l.h*l.w)
		w := cvtColorWeights
		for i := range out {
			r, g, b := uint32(src[3*i]), uint32(src[3*i+1]), uint32(src[3*i+2])
			out[i] = uint8((w.r*r + w.g*g + w.b*b + w.round8) >> 15)
		}
		return imageOfBytes([]int{l.h, l.w}, out), nil
	}
	out := make([]float64, l.h*l.w)
	src := img.Floats()
	for i := range out {
		r, g, b := src[3*i], src[3*i+1], src[3*i+2]
		out[i] = img.Depth.Saturate(0.299*r + 0.587*g + 0.114*b)
	}
	return array.NewDepth([]int{l.h, l.w}, out, img.Depth), nil
}

// ToRGB returns a gray image (H×W) as an RGB one (H×W×3) of equal
// channels, as cv::cvtColor(img, COLOR_GRAY2RGB).
func ToRGB(img *array.Array) (*array.Array, error) {
	l, err := layoutOf("cvtColor", img)
	if err != nil {
		return nil, err
	}
	if img.Ndim() != 2 {
		return nil, fmt.Errorf("cvtColor: gray to RGB needs an H×W image, got shape %s", array.ShapeString(img.Shape))
	}
	shape := []int{l.h, l.w, 3}
	if src, ok := img.Uint8s(); ok {
		return imageOfBytes(shape, threeTimes(src)), nil
	}
	return array.NewDepth(shape, threeTimes(img.Floats()), img.Depth), nil
}

// threeTimes returns each value of src three times over.
func threeTimes[T uint8 | float64](src []T) []T {
	out := make([]T, 3*len(src))
	for i, v := range src {
		out[3*i], out[3*i+1], out[3*i+2] = v, v, v
	}
	return out
}

// hsvShift is the fixed-point shift of OpenCV's 8-bit RGB to HSV.
const hsvShift = 12

// ToHSV returns the HSV image of an 8-bit RGB image, as cv::cvtColor(img,
// COLOR_RGB2HSV): V = max(R, G, B), S = 255·(V − min)/V and H, the hue in
// degrees halved (0…179) to fit 8 bits, with OpenCV's divisions by table
// (RGB2HSV_b in modules/imgproc/src/color_hsv.simd.hpp): x·⌊(255·2¹²)/V⌉
// and x·⌊(180·2¹²)/(6·diff)⌉, each rounded back from 12 fraction bits.
func ToHSV(img *array.Array) (*array.Array, error) {
	const fn = "cvtColor"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if img.Ndim() != 3 || l.c != 3 || img.Depth != array.Uint8 {
		return nil, fmt.Errorf("%s: RGB to HSV needs an 8-bit H×W×3 image, got %s of shape %s", fn, img.Depth, array.ShapeString(img.Shape))
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	div := func(num float64, d int) int {
		if d == 0 {
			return 0
		}
		return int(math.RoundToEven(num / float64(d)))
	}
	src, err := bytesOf(context.Background(), img)
	if err != nil {
		return nil, err
	}
	out := make([]uint8, len(src))
	const half = 1 << (hsvShift - 1)
	for i := 0; i < len(src); i += 3 {
		r, g, b := int(src[i]), int(src[i+1]), int(src[i+2])
		v, vmin := max(r, g, b), min(r, g, b)
		diff := v - vmin
		s := (diff*div(255<<hsvShift, v) + half) >> hsvShift
		var h int
		switch v {
		case r:
			h = g - b
		case g:
			h = b - r + 2*diff
		default:
			h = r - g + 4*diff
		}
		h = (h*div(180<<hsvShift, 6*diff) + half) >> hsvShift
		if h < 0 {
			h += 180
		}
		out[i], out[i+1], out[i+2] = uint8(h), uint8(s), uint8(v)
	}
	return imageOfBytes(img.Shape, out), nil
}

// hsvSectors are the places of v, p, q and t (tab's indices 0 to 3) in
// blue, green and red for each sixth of the hue circle, as OpenCV's
// HSV2RGB_native lists them.
var hsvSectors = [6][3]int{{1, 3, 0}, {1, 0, 2}, {3, 0, 1}, {0, 2, 1}, {0, 1, 3}, {2, 1, 0}}

// FromHSV returns the RGB image of an 8-bit HSV image (hue 0…179, the
// degrees halved; saturation and value 0…255), as cv::cvtColor(img,
// COLOR_HSV2RGB): in float32 as OpenCV computes it, the hue scaled to
// sixths of the circle, its sector and the fraction f into it picking
// among v, v·(1−s), v·(1−s·f) and v·(1−s·(1−f)), each times 255 and
// rounded (HSV2RGB_b in modules/imgproc/src/color_hsv.simd.hpp).
func FromHSV(img *array.Array) (*array.Array, error) {
	const fn = "cvtColor"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if img.Ndim() != 3 || l.c != 3 || img.Depth != array.Uint8 {
		return nil, fmt.Errorf("%s: HSV to RGB needs an 8-bit H×W×3 image, got %s of shape %s", fn, img.Depth, array.ShapeString(img.Shape))
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	src, err := bytesOf(context.Background(), img)
	if err != nil {
		return nil, err
	}
	out := make([]uint8, len(src))
	const hscale = float32(6.0) / 180
	for i := 0; i < len(src); i += 3 {
		h := float32(src[i])
		s := float32(src[i+1]) * (1.0 / 255)
		v := float32(src[i+2]) * (1.0 / 255)
		b, g, r := v, v, v
		if s != 0 {
			h *= hscale
			for h < 0 {
				h += 6
			}
			for h >= 6 {
				h -= 6
			}
			sector := int(math.Floor(float64(h)))
			h -= float32(sector)
			if sector < 0 || sector >= 6 {
				sector, h = 0, 0
			}
			// 1 − s·f is fused and 1 − s·(1−f) is not, as OpenCV 4.6's
			// vector code forms them (found by matching its output on
			// 17,280 colours of a grid, where the unfused form is off by 1
			// on 31 and the fully fused one on 2).
			tab := [4]float32{v, v * (1 - s), v * fma32(-s, h, 1), v * (1 - float32(s*(1-h)))}
			b, g, r = tab[hsvSectors[sector][0]], tab[hsvSectors[sector][1]], tab[hsvSectors[sector][2]]
		}
		out[i] = uint8(array.Uint8.Saturate(float64(r * 255)))
		out[i+1] = uint8(array.Uint8.Saturate(float64(g * 255)))
		out[i+2] = uint8(array.Uint8.Saturate(float64(b * 255)))
	}
	return imageOfBytes(img.Shape, out), nil
}

// EqualizeHist returns an 8-bit gray image with its histogram equalized,
// as cv::equalizeHist: with h the histogram and i₀ the lowest value
// present, value i maps to (Σ_{i₀<j≤i} h[j])·s rounded, s = 255/(N − h[i₀])
// in float32 as OpenCV computes it; an image of one value keeps it.
func EqualizeHist(img *array.Array) (*array.Array, error) {
	const fn = "equalizeHist"
	if _, err := layoutOf(fn, img); err != nil {
		return nil, err
	}
	if img.Ndim() != 2 || img.Depth != array.Uint8 {
		return nil, fmt.Errorf("%s: needs an 8-bit gray image, got %s of shape %s", fn, img.Depth, array.ShapeString(img.Shape))
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	src, err := bytesOf(context.Background(), img)
	if err != nil {
		return nil, err
	}
	var hist [256]int
	for _, v := range src {
		hist[v]++
	}
	i := 0
	for hist[i] == 0 {
		i++
	}
	var lut [256]uint8
	if hist[i] == len(src) {
		lut[i] = uint8(i) // an image of one value keeps it
	} else {
		scale := float32(255) / float32(len(src)-hist[i])
		sum := 0
		for i++; i < 256; i++ {
			sum += hist[i]
			lut[i] = uint8(array.Uint8.Saturate(float64(float32(sum) * scale)))
		}
	}
	out := make([]uint8, len(src))
	for k, v := range src {
		out[k] = lut[v]
	}
	return imageOfBytes(img.Shape, out), nil
}
