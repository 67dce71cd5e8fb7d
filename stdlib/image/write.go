package image

import (
	"fmt"
	stdimage "image"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"path/filepath"
	"strings"

	"calc/stdlib/array"
	"calc/stdlib/dataio"
)

// jpegQuality is the quality Write gives JPEG files, OpenCV's default for
// IMWRITE_JPEG_QUALITY.
const jpegQuality = 95

// Write encodes img as a PNG or JPEG file, chosen by the extension of path
// (.png, .jpg or .jpeg, in any case). img is H×W (gray), or H×W×C with C =
// 1 (gray), 3 (RGB, calc's order, where OpenCV's imwrite expects BGR) or 4
// (RGBA, PNG only). Values become 8-bit as cv2.imwrite makes them of a
// float image: rounded half to even and clipped to 0…255, NaN giving 0. With
// normalize set they are first mapped linearly from their finite minimum and
// maximum onto 0…255, as cv2.normalize(img, None, 0, 255, NORM_MINMAX) does
// (a constant image becomes 0). JPEG files get OpenCV's default quality, 95.
//
// The file is replaced atomically by dataio.WriteFile: the image is written
// to a temporary file in the same directory, flushed to disk and renamed
// over path, so readers see the old file or the new one, and a failed write
// leaves the old file as it was. A new file gets mode 0644, a replaced one
// keeps its mode; only a regular file is replaced (not a symbolic link, a
// named pipe or a device).
func Write(path string, img *array.Array, normalize bool) error {
	const fn = "write"
	ext := filepath.Ext(path)
	format := strings.ToLower(ext)
	var encode func(io.Writer, stdimage.Image) error
	switch format {
	case ".png":
		encode = png.Encode
	case ".jpg", ".jpeg":
		encode = func(w io.Writer, m stdimage.Image) error {
			return jpeg.Encode(w, m, &jpeg.Options{Quality: jpegQuality})
		}
	default:
		return fmt.Errorf("%s: %s: unsupported extension %q (want .png, .jpg or .jpeg)", fn, path, ext)
	}
	l, err := layoutOf(fn, img)
	if err != nil {
		return err
	}
	switch {
	case l.c != 1 && l.c != 3 && l.c != 4:
		return fmt.Errorf("%s: image must have 1, 3 or 4 channels, got shape %s", fn, array.ShapeString(img.Shape))
	case l.c == 4 && format != ".png":
		return fmt.Errorf("%s: %s: JPEG has no alpha channel; give an H×W×3 image", fn, path)
	}
	var m stdimage.Image
	if b, ok := img.Uint8s(); ok && !normalize {
		m = toImage(b, l, func(v uint8) uint8 { return v })
	} else {
		m = toImage(img.Floats(), l, byteConverter(img.Floats(), normalize))
	}
	return dataio.WriteFile(path, func(w io.Writer) error { return encode(w, m) }) // its errors say "cannot write PATH"
}

// byteConverter returns the function that takes a value of data to 8 bits:
// saturate8, after the min-max mapping of cv::normalize (scale = 255/(max −
// min), or 0 for a range below DBL_EPSILON; shift = −min·scale) if
// normalize is set.
func byteConverter(data []float64, normalize bool) func(float64) uint8 {
	if !normalize {
		return func(v float64) uint8 { return uint8(saturate8(v)) }
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range data {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	scale, shift := 0.0, 0.0
	if hi-lo > 0x1p-52 {
		scale = 255 * (1 / (hi - lo))
		shift = -lo * scale
	}
	return func(v float64) uint8 { return uint8(saturate8(float64(v*scale) + shift)) }
}

// toImage returns the image of data, laid out as l with 1, 3 or 4
// channels, converting each value with conv.
func toImage[T uint8 | float64](data []T, l layout, conv func(T) uint8) stdimage.Image {
	r := stdimage.Rect(0, 0, l.w, l.h)
	if l.c == 1 {
		m := stdimage.NewGray(r)
		for i, v := range data {
			m.Pix[i] = conv(v)
		}
		return m
	}
	// NRGBA holds straight (not premultiplied) colour; opaque when c = 3,
	// so the PNG encoder writes RGB without alpha.
	m := stdimage.NewNRGBA(r)
	for p := range l.h * l.w {
		px := m.Pix[4*p : 4*p+4]
		px[3] = 255
		for k, v := range data[p*l.c : (p+1)*l.c] {
			px[k] = conv(v)
		}
	}
	return m
}
