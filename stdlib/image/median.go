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
// by channel. For 8-bit images of ksize 3, and 5 on CPUs with AVX2 or
// AVX-512, comparator networks pick the median of 32 or 64 values at once
// (see medianNet8); for larger ones the
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
	if img.Depth == array.Uint8 {
		src, err := bytesOf(ctx, img)
		if err != nil {
			return nil, err
		}
		dst := make([]uint8, len(src))
		if err := median8(ctx, src, l, ksize, dst); err != nil {
			return nil, err
		}
		return imageOfBytes(img.Shape, dst), nil
	}
	dst := like(img)
	dst.Depth = img.Depth
	if err := medianSort(ctx, img.Floats(), l, ksize, dst.Floats()); err != nil {
		return nil, err
	}
	return dst, nil
}

// median8 sets dst to the ksize×ksize median of the 8-bit image src laid
// out as l: with the comparator networks where they are the faster (see
// medianNet8), else with the sliding histogram.
func median8(ctx context.Context, src []uint8, l layout, ksize int, dst []uint8) error {
	if (ksize == 3 || ksize == 5 && fastNet) && l.stride() >= netWidth {
		return medianNet8(ctx, src, l, ksize, dst)
	}
	return medianHist8(ctx, src, l, ksize, dst)
}

// medianHist8 sets dst to the ksize×ksize median of the 8-bit image src
// laid out as l, sliding a histogram along each row (see medianRow8).
func medianHist8(ctx context.Context, src []uint8, l layout, ksize int, dst []uint8) error {
	r, c, n := ksize/2, l.c, l.stride()
	width := n + 2*r*c
	return parallelFor(ctx, l.h, len(src)*ksize*4, func() func(y0, y1 int) {
		source := newRowCache(ksize, width, func(p int, row []uint8) {
			copy(row[r*c:], l.row8(src, Replicate.index(p, l.h)))
			replicateEnds(row, r*c, c)
		})
		rows := make([][]uint8, ksize)
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for i := range rows {
					rows[i] = source.get(y - r + i)
				}
				for ch := range c {
					medianRow8(rows, ch, c, dst[y*n:(y+1)*n])
				}
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
// ksize/2 pixels of border on each side (see medianHist8), dst the output
// row. It slides a histogram of the window along the row and keeps the
// median v with the count lt of values below it, so that each step moves v
// only as far as the values that entered and left push it.
func medianRow8(rows [][]uint8, c, nc int, dst []uint8) {
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
		dst[x*nc+c] = v
	}
}

// medianNet8 sets dst to the ksize×ksize median (ksize 3 or 5) of the
// 8-bit image src laid out as l, at least netWidth values wide, with the
// networks of medianNets run on many values at once by the fastest netRow.
func medianNet8(ctx context.Context, src []uint8, l layout, ksize int, dst []uint8) error {
	net := medianNets()[ksize]
	return medianRows(ctx, src, l, net, net.newRow, dst)
}

// medianRows sets dst to the median of src laid out as l with the network
// net, run by the netRow of newRow (one per goroutine). For each output
// row it sorts the columns of the source rows its windows reach, once for
// the whole row, and then picks each window's median from its sorted
// columns.
func medianRows(ctx context.Context, src []uint8, l layout, net *medianNet, newRow func() netRow, dst []uint8) error {
	ksize := len(net.rank)
	r, c, n := ksize/2, l.c, l.stride()
	work := len(src) * (len(net.window) + len(net.column)) / 16
	return parallelFor(ctx, l.h, work, func() func(y0, y1 int) {
		rows := make([][]uint8, ksize)
		sorted := make2d[uint8](ksize, n+2*r*c)
		body := make([][]uint8, ksize)
		for i, row := range sorted {
			body[i] = row[r*c : r*c+n]
		}
		run := newRow()
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for i := range rows {
					rows[i] = l.row8(src, Replicate.index(y-r+i, l.h))
				}
				run.columns(rows, body)
				for _, row := range sorted {
					replicateEnds(row, r*c, c)
				}
				run.windows(sorted, c, dst[y*n:(y+1)*n])
			}
		}
	})
}

// netWidth is the fewest values a row needs for medianNet8, which works on
// vectors of up to 64 bytes, the last of a row overlapping the one before.
const netWidth = 64

// netRow applies a medianNet to whole rows.
type netRow interface {
	// columns sets sorted[r][x] to the r-th smallest of rows[0][x], ...,
	// rows[k-1][x].
	columns(rows, sorted [][]uint8)
	// windows sets out[x] to the median of the window whose sorted
	// columns begin at sorted[·][x], sorted[·][x+c], ..., the same
	// channel of k pixels c values apart.
	windows(sorted [][]uint8, c int, out []uint8)
}

// wiresRow is the netRow of Go loops that run a network on 32 columns at a
// time with netBytes.
type wiresRow struct {
	net *medianNet
	w   *wires
}

func (wr wiresRow) columns(rows, sorted [][]uint8) {
	n := len(sorted[0])
	for x := 0; ; x += 32 {
		x = min(x, n-32) // the last vector overlaps the one before
		for i, row := range rows {
			wr.w[i&31] = [32]byte(row[x : x+32])
		}
		netBytes(wr.w, wr.net.column)
		for r, i := range wr.net.rank {
			copy(sorted[r][x:x+32], wr.w[i&31][:])
		}
		if x == n-32 {
			return
		}
	}
}

func (wr wiresRow) windows(sorted [][]uint8, c int, out []uint8) {
	k := len(sorted)
	for x := 0; ; x += 32 {
		x = min(x, len(out)-32)
		for j := range k {
			for r, row := range sorted {
				wr.w[(j*k+r)&31] = [32]byte(row[x+j*c : x+j*c+32])
			}
		}
		netBytes(wr.w, wr.net.window)
		copy(out[x:x+32], wr.w[wr.net.median&31][:])
		if x == len(out)-32 {
			return
		}
	}
}
