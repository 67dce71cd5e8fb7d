package image

import (
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
	out := array.NewDepth([]int{l.h, l.w}, make([]float64, l.h*l.w), img.Depth)
	w := cvtColorWeights
	for i := range out.Len() {
		r, g, b := img.Floats()[3*i], img.Floats()[3*i+1], img.Floats()[3*i+2]
		if img.Depth == array.Uint8 {
			out.Floats()[i] = float64((w.r*uint32(r) + w.g*uint32(g) + w.b*uint32(b) + w.round8) >> 15)
		} else {
			out.Floats()[i] = img.Depth.Saturate(0.299*r + 0.587*g + 0.114*b)
		}
	}
	return out, nil
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
	out := array.NewDepth([]int{l.h, l.w, 3}, make([]float64, 3*l.h*l.w), img.Depth)
	for i, v := range img.Floats() {
		out.Floats()[3*i], out.Floats()[3*i+1], out.Floats()[3*i+2] = v, v, v
	}
	return out, nil
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
	out := like(img)
	out.Depth = array.Uint8
	const half = 1 << (hsvShift - 1)
	for i := 0; i < img.Len(); i += 3 {
		r, g, b := int(img.Floats()[i]), int(img.Floats()[i+1]), int(img.Floats()[i+2])
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
		out.Floats()[i], out.Floats()[i+1], out.Floats()[i+2] = float64(h), float64(s), float64(v)
	}
	return out, nil
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
	out := like(img)
	out.Depth = array.Uint8
	const hscale = float32(6.0) / 180
	for i := 0; i < img.Len(); i += 3 {
		h := float32(img.Floats()[i])
		s := float32(img.Floats()[i+1]) * (1.0 / 255)
		v := float32(img.Floats()[i+2]) * (1.0 / 255)
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
		out.Floats()[i] = array.Uint8.Saturate(float64(r * 255))
		out.Floats()[i+1] = array.Uint8.Saturate(float64(g * 255))
		out.Floats()[i+2] = array.Uint8.Saturate(float64(b * 255))
	}
	return out, nil
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
	var hist [256]int
	for _, v := range img.Floats() {
		hist[int(v)]++
	}
	i := 0
	for hist[i] == 0 {
		i++
	}
	out := like(img)
	out.Depth = array.Uint8
	total := img.Len()
	if hist[i] == total {
		fill(out.Floats(), float64(i))
		return out, nil
	}
	scale := float32(255) / float32(total-hist[i])
	var lut [256]float64
	sum := 0
	for i++; i < 256; i++ {
		sum += hist[i]
		lut[i] = array.Uint8.Saturate(float64(float32(sum) * scale))
	}
	for k, v := range img.Floats() {
		out.Floats()[k] = lut[int(v)]
	}
	return out, nil
}
