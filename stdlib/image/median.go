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
// by channel. For 8-bit images of ksize 3, and 5 on CPUs with AVX2,
// comparator networks pick the median of 32 values at once (see
// medianNet8); for larger ones the
// window's histogram is updated as the window slides along a row (Huang,
// Yang and Tang, "A fast two-dimensional median filtering algorithm", IEEE
// TASSP 27(1), 1979), which costs 2·ksize updates per value; other images
// sort each window, ksize² log ksize.
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
	switch {
	case img.Depth == array.Uint8 && (ksize == 3 || ksize == 5 && fastNet):
		err = medianNet8(ctx, img.Floats(), l, ksize, dst.Floats())
	case img.Depth == array.Uint8:
		err = medianHist8(ctx, img.Floats(), l, ksize, dst.Floats())
	default:
		err = medianSort(ctx, img.Floats(), l, ksize, dst.Floats())
	}
	if err != nil {
		return nil, err
	}
	return packed(dst), nil
}

// medianHist8 sets dst to the ksize×ksize median of the 8-bit image src
// laid out as l, sliding a histogram along each row (see medianRow8).
func medianHist8(ctx context.Context, src []float64, l layout, ksize int, dst []float64) error {
	n := l.stride()
	return byteWindows(ctx, src, l, ksize, len(src)*ksize*4, func() func(rows [][]uint8, y int) {
		return func(rows [][]uint8, y int) {
			for c := range l.c {
				medianRow8(rows, c, l.c, dst[y*n:(y+1)*n])
			}
		}
	})
}

// byteWindows runs a filter of 8-bit src, laid out as l, with ksize×ksize
// windows and the Replicate border, over bands of rows as parallelFor
// does, for work units in all. Each goroutine calls worker once, and the
// function it returns for each output row y with the ksize source rows its
// windows reach: as bytes, extended on both sides by ksize/2 pixels of the
// border, and then by rowSlack spare bytes.
func byteWindows(ctx context.Context, src []float64, l layout, ksize, work int, worker func() func(rows [][]uint8, y int)) error {
	r, c := ksize/2, l.c
	width := paddedWidth(l, ksize)
	return parallelFor(ctx, l.h, work, func() func(y0, y1 int) {
		source := newRowCache(ksize, width, func(p int, row []uint8) {
			padBytes(l.row(src, Replicate.index(p, l.h)), r, c, row[:width-rowSlack])
		})
		rows := make([][]uint8, ksize)
		fn := worker()
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for i := range rows {
					rows[i] = source.get(y - r + i)
				}
				fn(rows, y)
			}
		}
	})
}

// medianSort sets dst to the ksize×ksize median of src laid out as l,
// sorting each window.
func medianSort(ctx context.Context, src []float64, l layout, ksize int, dst []float64) error {
	r := ksize / 2
	return parallelFor(ctx, l.h, len(src)*ksize*ksize, func() func(y0, y1 int) {
		win := make([]float64, 0, ksize*ksize)
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for x := range l.w {
					for c := range l.c {
						win = win[:0]
						for i := -r; i <= r; i++ {
							row := Replicate.index(y+i, l.h) * l.w
							for j := -r; j <= r; j++ {
								win = append(win, src[(row+Replicate.index(x+j, l.w))*l.c+c])
							}
						}
						slices.Sort(win)
						dst[(y*l.w+x)*l.c+c] = win[len(win)/2]
					}
				}
			}
		}
	})
}

// medianRow8 computes channel c of one row of the median of an 8-bit image
// of nc channels: rows are the source rows the window covers, extended by
// the border (see byteWindows), dst the output row. It slides a histogram
// of the window along the row and keeps the median v with the count lt of
// values below it, so that each step moves v only as far as the values
// that entered and left push it.
func medianRow8(rows [][]uint8, c, nc int, dst []float64) {
	var hist [256]int32
	k := len(rows)
	half := int32(k*k/2 + 1) // the median is the half-th smallest value
	for _, row := range rows {
		for j := range k {
			hist[row[j*nc+c]]++
		}
	}
	v, lt := uint8(0), int32(0)
	for x := range len(dst) / nc {
		if x > 0 {
			out, in := (x-1)*nc+c, (x+k-1)*nc+c
			for _, row := range rows {
				a, b := row[out], row[in]
				hist[a]--
				hist[b]++
				// lt less one if a < v, plus one if b < v, without
				// branches: on noisy images they are unpredictable.
				lt += (int32(a)-int32(v))>>31 - (int32(b)-int32(v))>>31
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

// medianNet8 sets dst to the ksize×ksize median (ksize 3 or 5) of the
// 8-bit image src laid out as l, with the networks of medianNets run on 32
// values at once by netBytes. For each output row it sorts the columns of
// the source rows its windows reach, once for the whole row, and then
// picks each window's median from its sorted columns.
func medianNet8(ctx context.Context, src []float64, l layout, ksize int, dst []float64) error {
	net := medianNets()[ksize]
	n := l.stride()
	work := len(src) * (len(net.window) + len(net.column)) / 4
	return byteWindows(ctx, src, l, ksize, work, func() func(rows [][]uint8, y int) {
		sorted := make2d[uint8](ksize, paddedWidth(l, ksize))
		w := new(wires)
		return func(rows [][]uint8, y int) {
			net.sortColumns(w, rows, sorted)
			net.medians(w, sorted, l.c, dst[y*n:(y+1)*n])
		}
	})
}

// paddedWidth is the length of a source row of l extended by the border of
// ksize×ksize windows, and by rowSlack bytes for whole loads of 32.
func paddedWidth(l layout, ksize int) int { return l.stride() + 2*(ksize/2)*l.c + rowSlack }

// rowSlack is the room left at the end of rows of bytes, for loads of 32
// past their last value.
const rowSlack = 32

// padBytes sets row to the bytes of src, a row of pixels of c values,
// extended on both sides by pad pixels of Replicate's border.
func padBytes(src []float64, pad, c int, row []uint8) {
	body := row[pad*c : pad*c+len(src)]
	for i, v := range src {
		body[i] = uint8(v)
	}
	first, last := body[:c], body[len(body)-c:]
	for p := range pad {
		copy(row[p*c:], first)
		copy(row[pad*c+len(src)+p*c:], last)
	}
}

// sortColumns sets sorted[r][x] to the r-th smallest of rows[0][x], ...,
// rows[k-1][x], 32 columns at a time in w, for x before the rows' slack.
func (net *medianNet) sortColumns(w *wires, rows, sorted [][]uint8) {
	for x := 0; x < len(rows[0])-rowSlack; x += 32 {
		for i, row := range rows {
			w[i&31] = [32]byte(row[x : x+32])
		}
		netBytes(w, net.column)
		for r, i := range net.rank {
			copy(sorted[r][x:x+32], w[i&31][:])
		}
	}
}

// medians sets out[x] to the median of the window whose columns, sorted,
// begin at sorted[·][x], sorted[·][x+c], ..., 32 values at a time in w:
// the window of a pixel's value x spans the same channel of k pixels, c
// values apart.
func (net *medianNet) medians(w *wires, sorted [][]uint8, c int, out []float64) {
	k := len(sorted)
	for x := 0; x < len(out); x += 32 {
		for j := range k {
			for r, row := range sorted {
				w[(j*k+r)&31] = [32]byte(row[x+j*c : x+j*c+32])
			}
		}
		netBytes(w, net.window)
		m := &w[net.median&31]
		for i := range out[x:min(x+32, len(out))] {
			out[x+i] = float64(m[i])
		}
	}
}
