package image

import (
	"context"
	"encoding/binary"
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
// by channel. For 8-bit images of ksize 3 comparator networks pick the
// median of eight values at once (see medianNet8); for larger ones the
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
	case img.Depth == array.Uint8 && ksize == 3:
		err = medianNet8(ctx, img.Data, l, dst.Data)
	case img.Depth == array.Uint8:
		err = medianHist8(ctx, img.Data, l, ksize, dst.Data)
	default:
		err = medianSort(ctx, img.Data, l, ksize, dst.Data)
	}
	if err != nil {
		return nil, err
	}
	return dst, nil
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
// border, and then by 8 spare bytes.
func byteWindows(ctx context.Context, src []float64, l layout, ksize, work int, worker func() func(rows [][]uint8, y int)) error {
	r, c := ksize/2, l.c
	width := l.stride() + 2*r*c
	return parallelFor(ctx, l.h, work, func() func(y0, y1 int) {
		source := newRowCache(ksize, width+8, func(p int, row []uint8) {
			padBytes(l.row(src, Replicate.index(p, l.h)), r, c, row[:width])
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

// medianNet8 sets dst to the 3×3 median of the 8-bit image src laid out as
// l, with the networks of median3Net run on eight
// values packed in a uint64 (see minMax8). Each worker keeps the source
// rows a window reaches as bytes extended by the replicated border, sorts
// the columns of each output row's window once for the whole row, and
// then picks each window's median from its sorted columns.
func medianNet8(ctx context.Context, src []float64, l layout, dst []float64) error {
	const ksize = 3
	net := median3Net()
	n := l.stride()
	work := len(src) * (len(net.window) + len(net.column)) * 2
	return byteWindows(ctx, src, l, ksize, work, func() func(rows [][]uint8, y int) {
		// The sorted columns, as long as the rows.
		sorted := make2d[uint8](ksize, n+2*(ksize/2)*l.c+8)
		return func(rows [][]uint8, y int) {
			net.sortColumns(rows, sorted, len(rows[0])-8)
			net.medians(sorted, l.c, dst[y*n:(y+1)*n])
		}
	})
}

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
// rows[k-1][x] for x < width, eight columns at a time.
func (net *medianNet) sortColumns(rows, sorted [][]uint8, width int) {
	var v [32]uint64
	for x := 0; x < width; x += 8 {
		for i, row := range rows {
			v[i&31] = binary.LittleEndian.Uint64(row[x:])
		}
		for _, cp := range net.column {
			v[cp.lo&31], v[cp.hi&31] = minMax8(v[cp.lo&31], v[cp.hi&31])
		}
		for r, w := range net.rank {
			binary.LittleEndian.PutUint64(sorted[r][x:], v[w&31])
		}
	}
}

// medians sets out[x] to the median of the window whose columns, sorted,
// begin at sorted[·][x], sorted[·][x+c], ..., eight values at a time: the
// window of a pixel's value x spans the same channel of k pixels, c values
// apart.
func (net *medianNet) medians(sorted [][]uint8, c int, out []float64) {
	k := len(sorted)
	var v [32]uint64
	for x := 0; x < len(out); x += 8 {
		for j := range k {
			for r, row := range sorted {
				v[(j*k+r)&31] = binary.LittleEndian.Uint64(row[x+j*c:])
			}
		}
		for _, cp := range net.window {
			v[cp.lo&31], v[cp.hi&31] = minMax8(v[cp.lo&31], v[cp.hi&31])
		}
		m := v[net.median&31]
		for i := range out[x:min(x+8, len(out))] {
			out[x+i] = float64(uint8(m >> (8 * i)))
		}
	}
}

// minMax8 returns the byte-wise minimum and maximum of the eight unsigned
// bytes packed in a and b, without branches (SIMD within a register): the
// top bit of each byte of ge says a ≥ b there, from the bytes' top bits
// when they differ and otherwise from the difference of their low 7 bits,
// which the top bit set in a keeps from borrowing across bytes; ge is
// then spread to whole bytes as a mask of where to swap.
func minMax8(a, b uint64) (lo, hi uint64) {
	const top = 0x8080808080808080
	low := (a | top) - (b &^ top)
	ge := (a&^b | ^(a^b)&low) & top
	swap := (a ^ b) & (ge - ge>>7 | ge)
	return a ^ swap, b ^ swap
}
