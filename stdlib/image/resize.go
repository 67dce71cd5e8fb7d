package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// resizeLayout returns img's layout for resizing to w×h, checking that
// the new size is positive and at most MaxPixels.
func resizeLayout(img *array.Array, w, h int) (layout, error) {
	l, err := layoutOf("resize", img)
	if err != nil {
		return l, err
	}
	if w < 1 || h < 1 || w*h > MaxPixels {
		return l, fmt.Errorf("resize: the size must be positive and at most %d pixels, got %d×%d", MaxPixels, w, h)
	}
	return l, nil
}

// resizedShape returns the shape of img, laid out as l, resized to w×h.
func resizedShape(img *array.Array, l layout, w, h int) []int {
	if img.Ndim() == 3 {
		return []int{h, w, l.c}
	}
	return []int{h, w}
}

// resized8 returns the 8-bit image of img's values as bytes (see bytesOf)
// and a new 8-bit image of the given shape with its bytes, for an 8-bit
// resize to fill.
func resized8(ctx context.Context, img *array.Array, shape []int) (src []uint8, out *array.Array, dst []uint8, err error) {
	src, err = bytesOf(ctx, img)
	dst = make([]uint8, array.Size(shape))
	return src, imageOfBytes(shape, dst), dst, err
}

// ResizeNearest returns img resized to w×h pixels by nearest-neighbour
// sampling, as cv::resize(img, (w, h), interpolation=INTER_NEAREST): output
// pixel (x, y) copies source pixel (⌊x·sx⌋, ⌊y·sy⌋), clamped to the image,
// with sx = 1/(w/W) computed in float64 as OpenCV computes it (W the
// source's width; likewise sy), so that the same pixels are picked. The
// result has img's depth and channels. The cost is one copy per value.
func ResizeNearest(ctx context.Context, img *array.Array, w, h int) (*array.Array, error) {
	l, err := resizeLayout(img, w, h)
	if err != nil {
		return nil, err
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
	shape := resizedShape(img, l, w, h)
	if src, ok := img.Uint8s(); ok {
		dst := make([]uint8, array.Size(shape))
		return unlessErr(imageOfBytes(shape, dst), nearest(ctx, src, l, xs, ys, dst))
	}
	out := array.NewDepth(shape, make([]float64, array.Size(shape)), img.Depth)
	return unlessErr(out, nearest(ctx, img.Floats(), l, xs, ys, out.Floats()))
}

// unlessErr returns out, or err if it is not nil.
func unlessErr(out *array.Array, err error) (*array.Array, error) {
	if err != nil {
		return nil, err
	}
	return out, nil
}

// nearest sets dst to src, laid out as l, resized by copying pixel (xs[x],
// ys[y]) to (x, y).
func nearest[T uint8 | float64](ctx context.Context, src []T, l layout, xs, ys []int, dst []T) error {
	n := len(xs) * l.c
	return parallelFor(ctx, len(ys), len(dst), func() func(y0, y1 int) {
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				row := src[ys[y]*l.stride():][:l.stride()]
				out := dst[y*n : (y+1)*n]
				for x, sx := range xs {
					copy(out[x*l.c:(x+1)*l.c], row[sx*l.c:(sx+1)*l.c])
				}
			}
		}
	})
}

// ResizeArea returns img resized to w×h pixels by area interpolation, as
// cv::resize(img, (w, h), interpolation=INTER_AREA). Shrinking both sides,
// each output pixel is the mean of the source pixels its area covers,
// those it covers in part weighted by the part: by whole factors (W/w and
// H/h whole numbers, W×H the source's size) the mean of blocks (see
// resizeBlocks), and otherwise with OpenCV's tables of weights (see
// resizeAreaTables). Otherwise, as OpenCV, it interpolates bilinearly
// with the weights of areaTaps. The result has img's depth and channels.
func ResizeArea(ctx context.Context, img *array.Array, w, h int) (*array.Array, error) {
	l, err := resizeLayout(img, w, h)
	if err != nil {
		return nil, err
	}
	if err := checkDepth("resize", img); err != nil {
		return nil, err
	}
	switch {
	case l.w%w == 0 && l.h%h == 0:
		return resizeBlocks(ctx, img, l, w, h)
	case w <= l.w && h <= l.h:
		return resizeAreaTables(ctx, img, l, w, h)
	}
	return resizeBilinear(ctx, img, l, areaTaps(w, l.w, true), areaTaps(h, l.h, false))
}

// resizeBlocks returns img, laid out as l, shrunk by whole factors to w×h
// pixels: each output pixel is the mean of its kx×ky block. An 8-bit image
// gives 8 bits rounded as OpenCV 4.6 rounds them: for 2×2 blocks (s + 2)
// >> 2, as its vector code does, and for other blocks the float32 product
// of the sum and 1/(kx·ky), rounded half to even; other images the sum
// times 1/(kx·ky) rounded to float32, as OpenCV's scale is. The cost is
// one addition per source value.
func resizeBlocks(ctx context.Context, img *array.Array, l layout, w, h int) (*array.Array, error) {
	kx, ky := l.w/w, l.h/h
	shape := resizedShape(img, l, w, h)
	// OpenCV's scale is a float32 even for float64 images.
	scale := 1 / float32(kx*ky)
	if img.Depth != array.Uint8 {
		out := array.NewDepth(shape, make([]float64, array.Size(shape)), img.Depth)
		mean := func(s float64) float64 { return img.Depth.Saturate(s * float64(scale)) }
		return unlessErr(out, blockMeans(ctx, img.Floats(), l, kx, ky, out.Floats(), mean))
	}
	mean := func(s float64) float64 { return math.RoundToEven(float64(float32(s) * scale)) }
	if kx == 2 && ky == 2 {
		mean = func(s float64) float64 { return float64((int64(s) + 2) >> 2) }
	}
	src, out, dst, err := resized8(ctx, img, shape)
	if err != nil {
		return nil, err
	}
	return unlessErr(out, blockMeans(ctx, src, l, kx, ky, dst, mean))
}

// blockMeans sets dst to src, laid out as l, shrunk by kx×ky blocks: each
// value mean(s) of the sum s of its block's.
func blockMeans[T uint8 | float64](ctx context.Context, src []T, l layout, kx, ky int, dst []T, mean func(s float64) float64) error {
	w, h := l.w/kx, l.h/ky
	return parallelFor(ctx, h, len(src), func() func(y0, y1 int) {
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for x := range w {
					for c := range l.c {
						s := 0.0
						for i := range ky {
							row := src[(y*ky+i)*l.stride():]
							for j := range kx {
								s += float64(row[(x*kx+j)*l.c+c])
							}
						}
						dst[(y*w+x)*l.c+c] = T(mean(s))
					}
				}
			}
		}
	})
}

// areaTab is one entry of OpenCV's tables for area resizing
// (computeResizeAreaTab): source pixel from adds alpha times its value to
// output pixel to.
type areaTab struct {
	to, from int32
	alpha    float32
}

// areaTables returns OpenCV's table of area weights for shrinking an axis
// of src pixels to n: output pixel i covers [i·s, (i+1)·s) of the source,
// s = src/n, and takes each source pixel in full with weight 1/s and
// those at the ends in part with the part of them it covers over s (parts
// under 10⁻³ pixel are left out), the weights in float32.
func areaTables(n, src int) []areaTab {
	scale := 1 / (float64(n) / float64(src))
	var tab []areaTab
	for i := range n {
		f1 := float64(i) * scale
		f2 := f1 + scale
		cell := math.Min(scale, float64(src)-f1)
		s2 := min(int(math.Floor(f2)), src-1)
		s1 := min(int(math.Ceil(f1)), s2)
		if float64(s1)-f1 > 1e-3 {
			tab = append(tab, areaTab{int32(i), int32(s1 - 1), float32((float64(s1) - f1) / cell)})
		}
		for s := s1; s < s2; s++ {
			tab = append(tab, areaTab{int32(i), int32(s), float32(1 / cell)})
		}
		if f2-float64(s2) > 1e-3 {
			tab = append(tab, areaTab{int32(i), int32(s2), float32(math.Min(math.Min(f2-float64(s2), 1), cell) / cell)})
		}
	}
	return tab
}

// tableStarts returns, for a table of areaTables for n output pixels, where
// the entries of each begin: those of pixel i are [at[i], at[i+1]).
func tableStarts(tab []areaTab, n int) []int {
	at := make([]int, n+1)
	for k, t := range tab {
		at[t.to+1] = k + 1
	}
	return at
}

// resizeAreaTables returns img, laid out as l, shrunk to w×h pixels with
// the weights of areaTables, as OpenCV's resizeArea_ computes it: each
// source row the output row covers is summed across with the weights of
// the x table, and the sums are added down with those of the y table. For
// an 8-bit image the sums are float32 and the result rounded half to even,
// for others float64, as OpenCV's for float64 images. The cost is about
// two multiply-adds per source value.
func resizeAreaTables(ctx context.Context, img *array.Array, l layout, w, h int) (*array.Array, error) {
	across, down := areaTables(w, l.w), areaTables(h, l.h)
	// The entries of the tables of each output column and row, from
	// first[x] to first[x+1] and from start[y] to start[y+1].
	first, start := tableStarts(across, w), tableStarts(down, h)
	shape := resizedShape(img, l, w, h)
	n := w * l.c
	most := 0 // the most source rows an output row covers
	for y := range h {
		most = max(most, start[y+1]-start[y])
	}
	if img.Depth == array.Uint8 {
		src, out, dst, err := resized8(ctx, img, shape)
		if err != nil {
			return nil, err
		}
		sumAcross := newAreaAcross8(across, first, l.c)
		rowSums := func() func(p int, sums []float32) {
			padded := make([]uint8, l.stride()+acrossSlack)
			return func(p int, sums []float32) {
				copy(padded, l.row8(src, p))
				sumAcross(padded, sums)
			}
		}
		return unlessErr(out, areaDown(ctx, l, n, down, start, most, rowSums, func(y int, sum []float32) {
			row := dst[y*n : (y+1)*n]
			for i, v := range sum[:len(row)] {
				row[i] = round8(v)
			}
		}))
	}
	out := array.NewDepth(shape, make([]float64, array.Size(shape)), img.Depth)
	src, dst := img.Floats(), out.Floats()
	rowSums := func() func(p int, sums []float64) {
		return func(p int, sums []float64) { areaAcross(l.row(src, p), l.c, across, first, sums) }
	}
	return unlessErr(out, areaDown(ctx, l, n, down, start, most, rowSums, func(y int, sum []float64) {
		for i, v := range sum {
			dst[y*n+i] = img.Depth.Saturate(v)
		}
	}))
}

// round8 returns v, a float32 below 2²² in magnitude, rounded half to even
// and saturated to 0…255. Adding 1.5·2²³ leaves the sum no fraction bits,
// so the float32 addition rounds v to an integer, half to even.
func round8(v float32) uint8 {
	const shift = 0x1.8p23
	return uint8(min(max(int32(float32(v+shift)-shift), 0), 255))
}

// areaAcross sets sums to the source row of pixels of c values summed
// across with the weights of the table across, whose entries for output
// pixel x are from first[x] to first[x+1]: in float32 for 8-bit rows, as
// OpenCV's, else in float64, in the table's order.
func areaAcross[T uint8 | float64, S float32 | float64](row []T, c int, across []areaTab, first []int, sums []S) {
	for x := range len(first) - 1 {
		for ch := range c {
			s := S(0)
			for _, a := range across[first[x]:first[x+1]] {
				s += S(S(row[int(a.from)*c+ch]) * S(a.alpha))
			}
			sums[x*c+ch] = s
		}
	}
}

// areaGather is the table of areaAcross for gray 8-bit rows in groups of
// 8 output pixels, as areaAcrossAVX2 reads it: for each group, k rows of 8
// source offsets and 8 weights, each pixel's entries of the table in
// order, then entries of offset 0 and weight 0, which add +0 and leave
// the sums as they are.
type areaGather struct {
	k     int
	from  []int32
	alpha []float32
}

// newAreaGather returns the areaGather of the table across, whose entries
// for output pixel x are from first[x] to first[x+1], for its whole groups
// of 8 pixels.
func newAreaGather(across []areaTab, first []int) areaGather {
	k := 0
	for x := range len(first) - 1 {
		k = max(k, first[x+1]-first[x])
	}
	n := (len(first) - 1) &^ 7
	g := areaGather{k, make([]int32, n*k), make([]float32, n*k)}
	for x := range n {
		for j, a := range across[first[x]:first[x+1]] {
			at := ((x/8)*k+j)*8 + x%8
			g.from[at], g.alpha[at] = a.from, a.alpha
		}
	}
	return g
}

// areaDown runs, in bands of output rows, the sums down the rows that the
// function newAcross makes for the band's goroutine makes (each once per
// band) with the weights of the table down,
// whose entries for output row y are from start[y] to start[y+1] (at most
// most of them), in its order, and hands each output row's n sums to put.
func areaDown[S float32 | float64](ctx context.Context, l layout, n int, down []areaTab, start []int, most int,
	newAcross func() func(p int, sums []S), put func(y int, sum []S)) error {
	h := len(start) - 1
	return parallelFor(ctx, h, l.h*l.stride()*2, func() func(y0, y1 int) {
		rows := newRowCache(most+1, n, newAcross())
		sum := make([]S, n)
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				clear(sum)
				for _, t := range down[start[y]:start[y+1]] {
					r := rows.get(int(t.from))[:n]
					for i, v := range r {
						sum[i] += S(S(t.alpha) * v)
					}
				}
				put(y, sum)
			}
		}
	})
}

// resizeCoefBits is the fixed point of OpenCV's 8-bit linear resizing
// (INTER_RESIZE_COEF_BITS): weights are integers out of 2¹¹.
const resizeCoefBits = 11

// linearTaps returns, for each of n output positions along an axis of src
// input pixels, the first input pixel and the weights of it and the next,
// as cv::resize computes them for INTER_LINEAR: the position maps to f =
// (i + ½)·s − ½ in float32, with s = 1/(n/src) in float64, and the weights
// are 1 − frac(f) and frac(f). Across the axis of x (clamp set) a position
// before the first pixel or past the last takes that pixel alone; down the
// axis of y OpenCV keeps the weights and repeats the edge row instead.
func linearTaps(n, src int, clamp bool) taps {
	scale := 1 / (float64(n) / float64(src))
	return bilinearTaps(n, src, clamp, func(i int) (int, float32) {
		f := float32((float64(i)+0.5)*scale - 0.5)
		s := int(math.Floor(float64(f)))
		return s, f - float32(s)
	})
}

// areaTaps is linearTaps for INTER_AREA where it does not shrink both
// axes: OpenCV then interpolates bilinearly from pixel s = ⌊i·s⌋, with the
// weight f = (i + 1) − (s + 1)·n/src in float32 of the next one, or 0 if
// that is not positive, less its whole part.
func areaTaps(n, src int, clamp bool) taps {
	inv := float64(n) / float64(src)
	scale := 1 / inv
	return bilinearTaps(n, src, clamp, func(i int) (int, float32) {
		s := int(math.Floor(float64(i) * scale))
		f := float32(float64(i+1) - float64(s+1)*inv)
		if f <= 0 {
			return s, 0
		}
		return s, f - float32(math.Floor(float64(f)))
	})
}

// bilinearTaps returns the taps of n output positions along an axis of
// src input pixels, position i interpolating from pixel s with weight 1 −
// f and the next with weight f, where s, f = at(i); with clamp set, a
// position before the first pixel or past the last takes that pixel alone.
func bilinearTaps(n, src int, clamp bool, at func(i int) (int, float32)) taps {
	first, w0, w1 := make([]int, n), make([]float32, n), make([]float32, n)
	for i := range n {
		s, f := at(i)
		if clamp && s < 0 {
			s, f = 0, 0
		}
		if clamp && s >= src-1 {
			s, f = src-1, 0
		}
		first[i], w0[i], w1[i] = s, 1-f, f
	}
	return taps{first, w0, w1}
}

// taps are the interpolation weights along one axis: output position i is
// w0[i] times source pixel first[i] plus w1[i] times the next one.
type taps struct {
	first  []int
	w0, w1 []float32
}

// ResizeLinear returns img resized to w×h pixels by bilinear interpolation,
// as cv::resize(img, (w, h), interpolation=INTER_LINEAR): each output pixel
// is the weighted mean of the 2×2 source pixels around the point it maps
// to (see linearTaps), rows first, then columns. An 8-bit image gives 8
// bits computed in OpenCV's fixed point: weights rounded to 11 fraction
// bits, the row sums exact, and the column step ((b₀·(r₀ >> 4)) >> 16) +
// ((b₁·(r₁ >> 4)) >> 16) rounded from 2 more bits, as its vector code does;
// and halving both sides exactly is area averaging, as OpenCV makes it.
// Other images are interpolated in float64 with float32 weights, as
// OpenCV's. The cost is four multiply-adds per output value.
func ResizeLinear(ctx context.Context, img *array.Array, w, h int) (*array.Array, error) {
	l, err := resizeLayout(img, w, h)
	if err != nil {
		return nil, err
	}
	if err := checkDepth("resize", img); err != nil {
		return nil, err
	}
	if 2*w == l.w && 2*h == l.h {
		return ResizeArea(ctx, img, w, h)
	}
	return resizeBilinear(ctx, img, l, linearTaps(w, l.w, true), linearTaps(h, l.h, false))
}

// resizeBilinear returns img, laid out as l, resized by bilinear
// interpolation with the given taps across and down, as ResizeLinear
// describes.
func resizeBilinear(ctx context.Context, img *array.Array, l layout, across, down taps) (*array.Array, error) {
	shape := resizedShape(img, l, len(across.first), len(down.first))
	if img.Depth == array.Uint8 {
		src, out, dst, err := resized8(ctx, img, shape)
		if err != nil {
			return nil, err
		}
		return unlessErr(out, resizeLinear8(ctx, src, l, dst, across, down))
	}
	out := array.NewDepth(shape, make([]float64, array.Size(shape)), img.Depth)
	return unlessErr(out, resizeLinearFloat(ctx, img, l, out.Floats(), across, down))
}

// resizeLinearFloat sets dst to img, laid out as l, resized by bilinear
// interpolation in float64 with the taps across and down of linearTaps.
func resizeLinearFloat(ctx context.Context, img *array.Array, l layout, dst []float64, across, down taps) error {
	n := len(across.first) * l.c
	data := img.Floats()
	interpolate := func(y int, row []float64) {
		src := l.row(data, min(max(y, 0), l.h-1))
		for x, sx := range across.first {
			next := min(sx+1, l.w-1)
			a0, a1 := float64(across.w0[x]), float64(across.w1[x])
			for c := range l.c {
				row[x*l.c+c] = src[sx*l.c+c]*a0 + src[next*l.c+c]*a1
			}
		}
	}
	return parallelFor(ctx, len(down.first), len(down.first)*n*4, func() func(y0, y1 int) {
		// The rows made last, by source row, as neighbouring output rows
		// mostly share theirs.
		rows := newRowCache(2, n, interpolate)
		return func(y0, y1 int) {
			for y, sy := range down.first[y0:y1] {
				y += y0
				r0, r1 := rows.get(sy), rows.get(sy+1)
				b0, b1 := float64(down.w0[y]), float64(down.w1[y])
				out := dst[y*n : (y+1)*n]
				for i := range out {
					out[i] = img.Depth.Saturate(r0[i]*b0 + r1[i]*b1)
				}
			}
		}
	})
}

// fixedCoef returns the weight v in the fixed point of OpenCV's 8-bit
// resizing, rounded half to even as its cvRound does.
func fixedCoef(v float32) int32 {
	return int32(math.RoundToEven(float64(v * (1 << resizeCoefBits))))
}

// resizeLinear8 is resizeLinearFloat for 8-bit images, in OpenCV's fixed
// point: each source row interpolated across once per band of output rows
// (linearAcross), exactly, with weights of 11 fraction bits, then the
// output rows made from two of them (linearDown).
func resizeLinear8(ctx context.Context, src []uint8, l layout, dst []uint8, across, down taps) error {
	n := len(across.first) * l.c
	off, w := across.fixed(l.c)
	interpolate := newLinearAcross(l.c, off, w)
	return parallelFor(ctx, len(down.first), len(down.first)*n*4, func() func(y0, y1 int) {
		padded := make([]uint8, l.stride()+acrossSlack)
		rows := newRowCache(2, n, func(y int, row []int32) {
			copy(padded, l.row8(src, min(max(y, 0), l.h-1)))
			interpolate(padded, row)
		})
		return func(y0, y1 int) {
			for y, sy := range down.first[y0:y1] {
				y += y0
				linearDown(dst[y*n:(y+1)*n], rows.get(sy), rows.get(sy+1), fixedCoef(down.w0[y]), fixedCoef(down.w1[y]))
			}
		}
	})
}

// fixed returns, per output value of rows of pixels of c values, the
// offset of its first source value in a row (the second is c values on, or
// weighs 0) and the two weights in the fixed point of 8-bit resizing,
// packed as w₀ + w₁·2¹⁶.
func (t taps) fixed(c int) (off, w []int32) {
	n := len(t.first) * c
	off, w = make([]int32, n), make([]int32, n)
	for x, sx := range t.first {
		for ch := range c {
			off[x*c+ch] = int32(sx*c + ch)
			w[x*c+ch] = fixedCoef(t.w0[x]) | fixedCoef(t.w1[x])<<16
		}
	}
	return off, w
}

// acrossSlack is the number of bytes past a source row that the kernels
// that gather or permute bytes (newLinearAcross's, newAreaAcross8's) may
// read: a row is copied into a buffer that much longer.
const acrossSlack = 64

// linearAcrossGo sets row to the source row in (of pixels of c values,
// followed by acrossSlack spare bytes) interpolated across: value i is
// w[i]&0xffff times in[off[i]] plus w[i]>>16 times in[off[i]+c].
func linearAcrossGo(in []uint8, c int, off, w, row []int32) {
	row, w = row[:len(off)], w[:len(off)]
	for i, o := range off {
		row[i] = int32(in[o])*(w[i]&0xffff) + int32(in[int(o)+c])*(w[i]>>16)
	}
}

// linearDownGo sets out to the 8-bit values between the rows r0 and r1
// made by linearAcross, with the weights b0 and b1 of 11 fraction bits, as
// OpenCV's vector code computes them: ((b₀·(r₀ >> 4)) >> 16) + ((b₁·(r₁ >>
// 4)) >> 16), rounded from 2 more fraction bits.
func linearDownGo(out []uint8, r0, r1 []int32, b0, b1 int32) {
	r0, r1 = r0[:len(out)], r1[:len(out)]
	for i := range out {
		v := ((b0*(r0[i]>>4))>>16 + (b1*(r1[i]>>4))>>16 + 2) >> 2
		out[i] = uint8(min(max(v, 0), 255))
	}
}

// cubicA is the A of OpenCV's bicubic weights (interpolateCubic).
const cubicA = -0.75

// cubicWeights returns the four weights OpenCV's interpolateCubic gives the
// pixels at −1, 0, 1 and 2 from a point x ∈ [0, 1) past pixel 0: Keys's
// cubic convolution kernel with a = −0.75, in float32 and in its order of
// operations, the last weight making the sum 1.
func cubicWeights(x float32) [4]float32 {
	const a = float32(cubicA)
	mul := func(p, q float32) float32 { return p * q }
	x1, y := x+1, 1-x
	c0 := mul(mul(mul(a, x1)-5*a, x1)+8*a, x1) - 4*a
	c1 := mul(mul(mul(a+2, x)-(a+3), x), x) + 1
	c2 := mul(mul(mul(a+2, y)-(a+3), y), y) + 1
	return [4]float32{c0, c1, c2, 1 - c0 - c1 - c2}
}

// cubicTaps returns, for each of n output positions along an axis of src
// input pixels, the first of the four input pixels its weights apply to
// (the others follow it; those outside the image stand for the edge pixel,
// as OpenCV repeats it), and the weights, as cv::resize computes them for
// INTER_CUBIC: the position maps to f = (i + ½)·s − ½ in float32, s =
// 1/(n/src) in float64, the pixels are ⌊f⌋ − 1 … ⌊f⌋ + 2 and the weights
// cubicWeights(f − ⌊f⌋). The first pixel is at least −cubicPad and at
// most src − 2, so that all four lie within cubicPad pixels of the image.
func cubicTaps(n, src int) (first []int, w [][4]float32) {
	scale := 1 / (float64(n) / float64(src))
	first, w = make([]int, n), make([][4]float32, n)
	for i := range n {
		f := float32((float64(i)+0.5)*scale - 0.5)
		s := int(math.Floor(float64(f)))
		w[i] = cubicWeights(f - float32(s))
		first[i] = min(max(s-1, -cubicPad), src-2)
	}
	return first, w
}

// cubicPad is the number of pixels the four taps of cubicTaps reach
// beyond either edge of the image.
const cubicPad = 2

// cubicVectorLanes is the number of values of a row OpenCV's 8-bit bicubic
// resizing computes at once in float32 (VResizeCubicVec_32s8u, with
// 128-bit vectors); the values of a row past the last whole group of them
// it computes in integers.
const cubicVectorLanes = 8

// ResizeCubic returns img resized to w×h pixels by bicubic interpolation,
// as cv::resize(img, (w, h), interpolation=INTER_CUBIC): each output pixel
// is the weighted sum of the 4×4 source pixels around the point it maps
// to, with the weights of cubicTaps (Keys's kernel, a = −0.75), rows
// first, then columns; pixels past the edge repeat it. An 8-bit image
// gives 8 bits computed as OpenCV does: weights rounded to 11 fraction
// bits, the rows summed exactly in integers, the columns summed in float32
// with the weights scaled by 2⁻²² and rounded half to even, except for the
// values past the last whole group of eight in a row, which OpenCV sums in
// integers and rounds half up. Other images are interpolated in float64
// with float32 weights, as OpenCV's float64 ones. The cost is eight
// multiply-adds per output value.
func ResizeCubic(ctx context.Context, img *array.Array, w, h int) (*array.Array, error) {
	l, err := resizeLayout(img, w, h)
	if err != nil {
		return nil, err
	}
	if err := checkDepth("resize", img); err != nil {
		return nil, err
	}
	xs, ax := cubicTaps(w, l.w)
	ys, by := cubicTaps(h, l.h)
	shape := resizedShape(img, l, w, h)
	n := w * l.c
	if img.Depth == array.Uint8 {
		src, out, dst, err := resized8(ctx, img, shape)
		if err != nil {
			return nil, err
		}
		// Per output value: the offset of its first source value in a
		// row padded by cubicPad pixels, and the four weights.
		base, wx := make([]int32, n), make([][4]int16, n)
		for x, p := range xs {
			f := fixedCubic(ax[x])
			for c := range l.c {
				base[x*l.c+c] = int32((p+cubicPad)*l.c + c)
				for k, v := range f {
					wx[x*l.c+c][k] = int16(v) // |v| < 1.5·2¹¹
				}
			}
		}
		return unlessErr(out, cubicRows(ctx, l, n, ys, func() func(y int, row []int32) {
			padded := make([]uint8, (l.w+2*cubicPad)*l.c)
			return func(y int, row []int32) {
				copy(padded[cubicPad*l.c:], l.row8(src, y))
				replicateEnds(padded, cubicPad*l.c, l.c)
				cubicAcross8(padded, l.c, base, wx, row)
			}
		}, func(y int, r [4][]int32) { cubicColumn8(r, fixedCubic(by[y]), dst[y*n:(y+1)*n]) }))
	}
	offsets, wx := make([][4]int, n), make([][4]float64, n)
	for x, p := range xs {
		for c := range l.c {
			for k := range 4 {
				offsets[x*l.c+c][k] = min(max(p+k, 0), l.w-1)*l.c + c
				wx[x*l.c+c][k] = float64(ax[x][k])
			}
		}
	}
	out := array.NewDepth(shape, make([]float64, array.Size(shape)), img.Depth)
	src, dst := img.Floats(), out.Floats()
	return unlessErr(out, cubicRows(ctx, l, n, ys, func() func(y int, row []float64) {
		return func(y int, row []float64) {
			in := l.row(src, y)
			for i, at := range offsets {
				k, v := &wx[i], 0.0
				for j, p := range at {
					v += in[p] * k[j]
				}
				row[i] = v
			}
		}
	}, func(y int, r [4][]float64) {
		b := by[y]
		for i := range n {
			v := r[0][i]*float64(b[0]) + r[1][i]*float64(b[1]) + r[2][i]*float64(b[2]) + r[3][i]*float64(b[3])
			dst[y*n+i] = img.Depth.Saturate(v)
		}
	}))
}

// fixedCubic returns the bicubic weights in the fixed point of OpenCV's
// 8-bit resizing, rounded half to even.
func fixedCubic(ws [4]float32) (f [4]int32) {
	for k, v := range ws {
		f[k] = int32(math.RoundToEven(float64(v * (1 << resizeCoefBits))))
	}
	return f
}

// cubicRows runs the bicubic resize in bands of output rows: on each
// band's goroutine, the function newAcross makes sums each source row y
// across into row, once per band, and column makes output row y from the
// four rows its taps from ys reach (the edge rows repeated).
func cubicRows[R int32 | float64](ctx context.Context, l layout, n int, ys []int,
	newAcross func() func(y int, row []R), column func(y int, r [4][]R)) error {
	h := len(ys)
	return parallelFor(ctx, h, h*n*8, func() func(y0, y1 int) {
		rows := newRowCache(4, n, newAcross())
		var r [4][]R
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for k := range r {
					r[k] = rows.get(min(max(ys[y]+k, 0), l.h-1))
				}
				column(y, r)
			}
		}
	})
}

// cubicAcross8Go sets row to the sums across the 8-bit row in, of pixels
// of c values padded by cubicPad pixels on both sides: value i is the sum
// of the four values from base[i] on, c apart, times the weights wx[i].
func cubicAcross8Go(in []uint8, c int, base []int32, wx [][4]int16, row []int32) {
	row, wx = row[:len(base)], wx[:len(base)]
	for i, b := range base {
		p, k := in[b:int(b)+3*c+1], &wx[i]
		row[i] = int32(p[0])*int32(k[0]) + int32(p[c])*int32(k[1]) + int32(p[2*c])*int32(k[2]) + int32(p[3*c])*int32(k[3])
	}
}

// cubicColumn8 sets dst to the 8-bit bicubic sums down the rows r (made
// across with weights of 11 fraction bits) with the weights b of 11
// fraction bits, as OpenCV's VResizeCubic for 8 bits computes them: in
// float32 for the whole groups of cubicVectorLanes values, in integers for
// the rest (see ResizeCubic).
func cubicColumn8(r [4][]int32, b [4]int32, dst []uint8) {
	var bf [4]float32
	for k, v := range b {
		bf[k] = float32(v) * (1.0 / (1 << (2 * resizeCoefBits)))
	}
	vector := len(dst) / cubicVectorLanes * cubicVectorLanes
	cubicVector8(r, &bf, dst[:vector])
	for i := vector; i < len(dst); i++ {
		s := int64(r[0][i])*int64(b[0]) + int64(r[1][i])*int64(b[1]) + int64(r[2][i])*int64(b[2]) + int64(r[3][i])*int64(b[3]) + 1<<(2*resizeCoefBits-1)
		dst[i] = uint8(min(max(s>>(2*resizeCoefBits), 0), 255))
	}
}

// cubicVector8Go sets dst to the sums down the rows r with the weights bf
// in float32, as OpenCV's VResizeCubicVec_32s8u forms them, rounded half
// to even and saturated to 8 bits.
func cubicVector8Go(r [4][]int32, bf *[4]float32, dst []uint8) {
	for i := range dst {
		s := float32(float32(r[3][i]) * bf[3])
		s = float32(float32(r[2][i])*bf[2]) + s
		s = float32(float32(r[1][i])*bf[1]) + s
		s = float32(float32(r[0][i])*bf[0]) + s
		dst[i] = uint8(min(max(math.RoundToEven(float64(s)), 0), 255))
	}
}
