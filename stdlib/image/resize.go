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
