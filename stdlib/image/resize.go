package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// ResizeNearest returns img resized to w×h pixels by nearest-neighbour
// sampling, as cv::resize(img, (w, h), interpolation=INTER_NEAREST): output
// pixel (x, y) copies source pixel (⌊x·sx⌋, ⌊y·sy⌋), clamped to the image,
// with sx = 1/(w/W) computed in float64 as OpenCV computes it (W the
// source's width; likewise sy), so that the same pixels are picked. The
// result has img's depth and channels. The cost is one copy per value.
func ResizeNearest(img *array.Array, w, h int) (*array.Array, error) {
	const fn = "resize"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if w < 1 || h < 1 || w*h > MaxPixels {
		return nil, fmt.Errorf("%s: the size must be positive and at most %d pixels, got %d×%d", fn, MaxPixels, w, h)
	}
	pick := func(n, src int) []int {
		inv := 1 / (float64(n) / float64(src))
		at := make([]int, n)
		for i := range at {
			at[i] = min(int(math.Floor(float64(i)*inv)), src-1)
		}
		return at
	}
	xs, ys := pick(w, l.w), pick(h, l.h)
	shape := []int{h, w}
	if img.Ndim() == 3 {
		shape = append(shape, l.c)
	}
	out := &array.Array{Shape: shape, Data: make([]float64, h*w*l.c), Depth: img.Depth}
	// One copy per value, bounded by MaxPixels: quick enough not to stop.
	_ = parallelFor(context.Background(), h, h*w*l.c, func() func(y0, y1 int) {
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				row := l.row(img.Data, ys[y])
				dst := out.Data[y*w*l.c : (y+1)*w*l.c]
				for x, sx := range xs {
					copy(dst[x*l.c:(x+1)*l.c], row[sx*l.c:(sx+1)*l.c])
				}
			}
		}
	})
	return out, nil
}

// ResizeArea returns img shrunk by whole factors to w×h pixels by
// averaging blocks, as cv::resize(img, (w, h), interpolation=INTER_AREA)
// does when W/w and H/h are whole numbers (W×H the source's size): each
// output pixel is the mean of its kx×ky block. An 8-bit image gives 8
// bits rounded as OpenCV 4.6 rounds them: for 2×2 blocks (s + 2) >> 2, as
// its vector code does, and for other blocks the float32 product of the
// sum and 1/(kx·ky), rounded half to even; other images the sum times
// 1/(kx·ky) rounded to float32, as OpenCV's scale is. Other sizes are an
// error:
// OpenCV weighs partial pixels there, which this does not. The cost is one
// addition per source value.
func ResizeArea(img *array.Array, w, h int) (*array.Array, error) {
	const fn = "resize"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if w < 1 || h < 1 || l.w%w != 0 || l.h%h != 0 {
		return nil, fmt.Errorf("%s: area interpolation needs a size that divides the image's %d×%d, got %d×%d", fn, l.w, l.h, w, h)
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	kx, ky := l.w/w, l.h/h
	n := kx * ky
	shape := []int{h, w}
	if img.Ndim() == 3 {
		shape = append(shape, l.c)
	}
	out := &array.Array{Shape: shape, Data: make([]float64, h*w*l.c), Depth: img.Depth}
	// OpenCV's scale is a float32 even for float64 images.
	scale := 1 / float32(n)
	mean := func(s float64) float64 { return img.Depth.Saturate(s * float64(scale)) }
	switch {
	case img.Depth == array.Uint8 && kx == 2 && ky == 2:
		mean = func(s float64) float64 { return float64((int64(s) + 2) >> 2) }
	case img.Depth == array.Uint8:
		mean = func(s float64) float64 { return math.RoundToEven(float64(float32(s) * scale)) }
	}
	for y := range h {
		for x := range w {
			for c := range l.c {
				s := 0.0
				for i := range ky {
					row := l.row(img.Data, y*ky+i)
					for j := range kx {
						s += row[(x*kx+j)*l.c+c]
					}
				}
				out.Data[(y*w+x)*l.c+c] = mean(s)
			}
		}
	}
	return out, nil
}
