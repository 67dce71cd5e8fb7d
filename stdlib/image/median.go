package image

import (
	"context"
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
func MedianBlur(ctx context.Context, img *array.Array, ksize int) (*array.Array, error) {
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
		// The replicated border as tables: the pixel offset of each
		// column and the row of each vertical position a window reaches.
		cols := make([]int, l.w+2*r)
		for i := range cols {
			cols[i] = Replicate.index(i-r, l.w) * l.c
		}
		err := parallelFor(ctx, l.h, len(img.Data)*ksize, func() func(y0, y1 int) {
			rows := make([][]float64, ksize)
			return func(y0, y1 int) {
				for y := y0; y < y1; y++ {
					for i := range rows {
						rows[i] = l.row(img.Data, Replicate.index(y-r+i, l.h))
					}
					for c := range l.c {
						medianRow8(rows, cols, c, l.c, dst.Data[y*l.stride():(y+1)*l.stride()])
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
		return dst, nil
	}
	err = parallelFor(ctx, l.h, len(img.Data)*ksize*ksize, func() func(y0, y1 int) {
		win := make([]float64, 0, ksize*ksize)
		return func(y0, y1 int) {
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
		}
	})
	if err != nil {
		return nil, err
	}
	return dst, nil
}

// medianRow8 computes channel c of one row of the median of an 8-bit image
// of nc channels: rows are the source rows the window covers, cols the
// offsets of the columns it reaches (the border replicated), dst the output
// row. It slides a histogram of the window along the row and keeps the
// median v with the count lt of values below it, so that each step moves v
// only as far as the values that entered and left push it.
func medianRow8(rows [][]float64, cols []int, c, nc int, dst []float64) {
	var hist [256]int32
	k := len(rows)
	half := int32(k*k/2 + 1) // the median is the half-th smallest value
	for _, row := range rows {
		for _, off := range cols[:k] {
			hist[int(row[off+c])]++
		}
	}
	v, lt := 0, int32(0)
	w := len(cols) - k + 1
	for x := range w {
		if x > 0 {
			out, in := cols[x-1]+c, cols[x+k-1]+c
			for _, row := range rows {
				a, b := int(row[out]), int(row[in])
				hist[a]--
				hist[b]++
				if a < v {
					lt--
				}
				if b < v {
					lt++
				}
			}
		}
		for lt+hist[v] < half {
			lt += hist[v]
			v++
		}
		for lt >= half {
			v--
			lt -= hist[v]
		}
		dst[x*nc+c] = float64(v)
	}
}
