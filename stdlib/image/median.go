package image

import (
	"fmt"
	"slices"

	"calc/stdlib/array"
)

// maxMedian is the largest median aperture MedianBlur accepts: a window of
// 255² values per pixel is already slow.
const maxMedian = 255

// MedianBlur returns the median of each ksize×ksize window of img, as
// cv::medianBlur(img, ksize): the border is always Replicate, as OpenCV's,
// and the result has img's depth (a median of integers is one of them).
// ksize is odd and at least 3; OpenCV accepts 3 and 5 only for
// floating-point images, and any odd size for 8-bit ones, while here every
// image takes any odd size up to 255. Colour images are filtered channel
// by channel. For 8-bit images the window's histogram is updated as the
// window slides along a row (Huang, Yang and Tang, "A fast two-dimensional
// median filtering algorithm", IEEE TASSP 27(1), 1979), which costs 2·ksize
// updates per value; other images sort each window, ksize² log ksize.
func MedianBlur(img *array.Array, ksize int) (*array.Array, error) {
	const fn = "medianBlur"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if ksize < 3 || ksize%2 == 0 || ksize > maxMedian {
		return nil, fmt.Errorf("%s: ksize must be odd in [3, %d], got %d", fn, maxMedian, ksize)
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	dst := like(img)
	dst.Depth = img.Depth
	r := ksize / 2
	if img.Depth == array.Uint8 {
		parallelFor(l.h, len(img.Data)*ksize, func(y0, y1 int) {
			for c := range l.c {
				for y := y0; y < y1; y++ {
					medianRow8(img.Data, l, c, y, r, dst.Data)
				}
			}
		})
		return dst, nil
	}
	parallelFor(l.h, len(img.Data)*ksize*ksize, func(y0, y1 int) {
		win := make([]float64, 0, ksize*ksize)
		for y := y0; y < y1; y++ {
			for x := range l.w {
				for c := range l.c {
					win = win[:0]
					for i := -r; i <= r; i++ {
						row := Replicate.index(y+i, l.h) * l.w
						for j := -r; j <= r; j++ {
							win = append(win, img.Data[(row+Replicate.index(x+j, l.w))*l.c+c])
						}
					}
					slices.Sort(win)
					dst.Data[(y*l.w+x)*l.c+c] = win[len(win)/2]
				}
			}
		}
	})
	return dst, nil
}

// medianRow8 computes row y, channel c, of the median of an 8-bit image with
// a window of radius r, sliding a histogram of the window along the row.
func medianRow8(src []float64, l layout, c, y, r int, dst []float64) {
	var hist [256]int
	half := (2*r+1)*(2*r+1)/2 + 1 // the median is the half-th smallest value
	at := func(yy, xx int) int {
		return int(src[(Replicate.index(yy, l.h)*l.w+Replicate.index(xx, l.w))*l.c+c])
	}
	for i := -r; i <= r; i++ {
		for j := -r; j <= r; j++ {
			hist[at(y+i, j)]++
		}
	}
	for x := range l.w {
		if x > 0 {
			for i := -r; i <= r; i++ {
				hist[at(y+i, x-r-1)]--
				hist[at(y+i, x+r)]++
			}
		}
		n, v := 0, 0
		for ; n+hist[v] < half; v++ {
			n += hist[v]
		}
		dst[(y*l.w+x)*l.c+c] = float64(v)
	}
}
