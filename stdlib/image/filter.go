package image

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"

	"calc/stdlib/array"
)

// This file holds the filtering engine shared by every linear filter: a
// correlation of an image with a separable or a 2-d kernel, with the border
// handled once per row (each row is copied into a buffer extended by the
// border, and each buffered row is made once per band of output rows), and
// the output rows split into one band per CPU. OpenCV's FilterEngine
// (modules/imgproc/src/filter.dispatch.cpp, filter.simd.hpp) is organised
// the same way, and the sums here are formed in its order, term by term, so
// the results agree with its CV_64F ones to the last bit or two.

// layout is the geometry of an image: h rows of w pixels of c interleaved
// channels, row-major as array.Array stores an H×W or H×W×C array.
type layout struct{ h, w, c int }

// layoutOf returns the geometry of the image argument of fn, or an error
// naming fn if img is not a non-empty 2-d (gray) or 3-d (colour) array.
func layoutOf(fn string, img *array.Array) (layout, error) {
	if img == nil {
		return layout{}, fmt.Errorf("%s: image is nil", fn)
	}
	var l layout
	switch img.Ndim() {
	case 2:
		l = layout{img.Shape[0], img.Shape[1], 1}
	case 3:
		l = layout{img.Shape[0], img.Shape[1], img.Shape[2]}
	default:
		return l, fmt.Errorf("%s: image must be 2-d (H×W gray) or 3-d (H×W×C colour), got shape %s",
			fn, array.ShapeString(img.Shape))
	}
	if l.h <= 0 || l.w <= 0 || l.c <= 0 {
		return l, fmt.Errorf("%s: image is empty, shape %s", fn, array.ShapeString(img.Shape))
	}
	if img.Len() != l.h*l.w*l.c {
		return l, fmt.Errorf("%s: image of shape %s has %d values", fn, array.ShapeString(img.Shape), img.Len())
	}
	return l, nil
}

// stride is the number of values in one row.
func (l layout) stride() int { return l.w * l.c }

// row returns row y of data laid out as l, or nil for y = -1, the Constant
// border's row of zeros.
func (l layout) row(data []float64, y int) []float64 {
	if y < 0 {
		return nil
	}
	return data[y*l.stride() : (y+1)*l.stride()]
}

// like returns a new array of img's shape for a filter's output.
func like(img *array.Array) *array.Array {
	return array.New(append([]int(nil), img.Shape...), make([]float64, img.Len()))
}

// minParallel is the number of values below which a filter runs on one
// goroutine: starting more costs more than it saves.
const minParallel = 1 << 15

// checkEvery is about how much work (in multiply-adds or values) a filter
// does between two looks at whether it should stop: a fraction of a
// millisecond.
const checkEvery = 1 << 18

// parallelFor runs a loop over [0, n), rows of an image or elements of an
// array, for work units of work in all: concurrently, one share of
// consecutive indices per CPU, when there are at least minParallel values
// of work. Each goroutine calls worker once, for its buffers, and the
// function it returns on consecutive pieces [lo, hi) of its share; between
// pieces it looks at ctx, and stops once ctx is done (Ctrl-C or a time
// limit), in which case parallelFor returns ctx's error.
func parallelFor(ctx context.Context, n, work int, worker func() func(lo, hi int)) error {
	k := min(runtime.NumCPU(), n)
	if work < minParallel || k < 2 {
		k = 1
	}
	step := max(1, checkEvery/max(1, work/max(n, 1)))
	share := func(lo, hi int) {
		fn := worker()
		for a := lo; a < hi; a += step {
			if ctx.Err() != nil {
				return
			}
			fn(a, min(a+step, hi))
		}
	}
	if k == 1 {
		share(0, n)
		return ctx.Err()
	}
	var wg sync.WaitGroup
	for i := range k {
		lo, hi := n*i/k, n*(i+1)/k
		wg.Go(func() { share(lo, hi) })
	}
	wg.Wait()
	return ctx.Err()
}

// padder copies image rows into buffers extended left and right by the
// border, so that a kernel tap at horizontal offset j reads the buffer from
// value j·c on without any test.
type padder struct {
	l           layout
	left, right int
	// from holds, for each of the left+right border pixels in order, the
	// pixel of the row it repeats, or -1 for a zero.
	from []int
}

// newPadder returns a padder for kernels reaching left pixels before and
// right pixels after the one they compute.
func newPadder(l layout, left, right int, b Border) *padder {
	p := &padder{l: l, left: left, right: right, from: make([]int, left+right)}
	for i := range left {
		p.from[i] = b.index(i-left, l.w)
	}
	for i := range right {
		p.from[left+i] = b.index(l.w+i, l.w)
	}
	return p
}

// width returns the length of a padded row.
func (p *padder) width() int { return (p.left + p.l.w + p.right) * p.l.c }

// pad fills dst, of length p.width(), with src extended by p's border; a
// nil src stands for a row of zeros.
func pad[T uint8 | float64](p *padder, src, dst []T) {
	if src == nil {
		clear(dst)
		return
	}
	c := p.l.c
	copy(dst[p.left*c:], src)
	for i, x := range p.from {
		at := i * c
		if i >= p.left {
			at += p.l.w * c
		}
		if x < 0 {
			clear(dst[at : at+c])
		} else {
			copy(dst[at:at+c], src[x*c:x*c+c])
		}
	}
}

// rowCache keeps the rows a worker made for the last len(rows) vertical
// positions, so that a kernel n rows tall makes each row once per band
// rather than n times.
type rowCache[T any] struct {
	rows  [][]T
	pos   []int
	build func(p int, dst []T)
}

// newRowCache returns a cache of n rows of the given width, made on demand
// by build(p, dst) for the vertical position p (which may lie outside the
// image).
func newRowCache[T any](n, width int, build func(p int, dst []T)) *rowCache[T] {
	rc := &rowCache[T]{rows: make2d[T](n, width), pos: make([]int, n), build: build}
	for i := range rc.pos {
		rc.pos[i] = math.MinInt
	}
	return rc
}

// make2d returns n rows of the given width over one allocation.
func make2d[T any](n, width int) [][]T {
	buf := make([]T, n*width)
	rows := make([][]T, n)
	for i := range rows {
		rows[i] = buf[i*width : (i+1)*width : (i+1)*width]
	}
	return rows
}

// get returns the row for vertical position p. Rows of n consecutive
// positions are all valid at once.
func (rc *rowCache[T]) get(p int) []T {
	s := p % len(rc.rows)
	if s < 0 {
		s += len(rc.rows)
	}
	if rc.pos[s] != p {
		rc.build(p, rc.rows[s])
		rc.pos[s] = p
	}
	return rc.rows[s]
}

// accumulate sets dst[i] to base[i] + Σ w[t]·x[t][i] for every i <
// len(dst), the sum formed term by term, left to right, as OpenCV's loops
// form it; each x[t] may be longer than dst, and base may be dst itself.
// Terms go three at a time, then two or one, so that dst is stored once per
// group: these loops are where the filters spend their time, and kernels of
// two or three non-zero elements per row are the common ones (derivatives,
// 3×3 and 5×5 smoothing).
func accumulate(dst, base []float64, x [][]float64, w []float64) {
	if len(w) == 0 {
		copy(dst, base)
	}
	for len(w) >= 3 {
		axpy3(dst, base, x[0], x[1], x[2], w[0], w[1], w[2])
		x, w, base = x[3:], w[3:], dst
	}
	switch len(w) {
	case 2:
		axpy2(dst, base, x[0], x[1], w[0], w[1])
	case 1:
		axpy(dst, base, x[0], w[0])
	}
}

// axpy sets dst[i] to base[i] + a·x[i] for every i < len(dst).
func axpy(dst, base, x []float64, a float64) {
	base, x = base[:len(dst)], x[:len(dst)]
	for i, v := range x {
		dst[i] = base[i] + a*v
	}
}

// axpy2 sets dst[i] to (base[i] + a·x[i]) + b·y[i] for every i < len(dst),
// two elements per iteration.
func axpy2(dst, base, x, y []float64, a, b float64) {
	base, x, y = base[:len(dst)], x[:len(dst)], y[:len(dst)]
	n := len(dst) &^ 1
	for i := 0; i < n; i += 2 {
		s0, s1 := base[i]+a*x[i], base[i+1]+a*x[i+1]
		dst[i], dst[i+1] = s0+b*y[i], s1+b*y[i+1]
	}
	if n < len(dst) {
		dst[n] = (base[n] + a*x[n]) + b*y[n]
	}
}

// axpy3 sets dst[i] to ((base[i] + a·x[i]) + b·y[i]) + c·z[i] for every
// i < len(dst), two elements per iteration.
func axpy3(dst, base, x, y, z []float64, a, b, c float64) {
	base, x, y, z = base[:len(dst)], x[:len(dst)], y[:len(dst)], z[:len(dst)]
	n := len(dst) &^ 1
	for i := 0; i < n; i += 2 {
		s0, s1 := base[i]+a*x[i], base[i+1]+a*x[i+1]
		s0, s1 = s0+b*y[i], s1+b*y[i+1]
		dst[i], dst[i+1] = s0+c*z[i], s1+c*z[i+1]
	}
	if n < len(dst) {
		dst[n] = ((base[n] + a*x[n]) + b*y[n]) + c*z[n]
	}
}

// terms collects the non-zero terms of a correlation for accumulate,
// reusing its storage from one output row to the next.
type terms struct {
	x [][]float64
	w []float64
}

// reset empties the list.
func (t *terms) reset() { t.x, t.w = t.x[:0], t.w[:0] }

// add appends the term w·x unless w is 0: OpenCV's filter2D skips zero
// kernel elements, and skipping them is also faster.
func (t *terms) add(x []float64, w float64) {
	if w != 0 {
		t.x, t.w = append(t.x, x), append(t.w, w)
	}
}

// fill sets every element of dst to v.
func fill(dst []float64, v float64) {
	for i := range dst {
		dst[i] = v
	}
}

// separable is the correlation of an image with the outer product of a row
// kernel kx and a column kernel ky: kx runs along each row, then ky down the
// columns of the result, and delta is added, as cv::sepFilter2D does. The
// anchors ax and ay are the kernel elements placed over the output pixel.
// Zero kernel elements are skipped, which changes a result only where OpenCV
// would multiply an infinite value by zero and get NaN.
type separable struct {
	kx, ky []float64
	ax, ay int
	delta  float64
	border Border
}

// apply filters src, laid out as l, into dst of the same size; it stops
// early with ctx's error once ctx is done.
func (f *separable) apply(ctx context.Context, src []float64, l layout, dst []float64) error {
	pd := newPadder(l, f.ax, len(f.kx)-1-f.ax, f.border)
	n := l.stride()
	return parallelFor(ctx, l.h, len(src)*(len(f.kx)+len(f.ky)), func() func(y0, y1 int) {
		padded := make([]float64, pd.width())
		zeros, deltas := make([]float64, n), make([]float64, n)
		fill(deltas, f.delta)
		var across, down terms
		for j, k := range f.kx {
			across.add(padded[j*l.c:], k)
		}
		rows := newRowCache(len(f.ky), n, func(p int, dst []float64) {
			// A band's first output row makes len(ky) rows, which for
			// long kernels is more than a piece's work: once ctx is done
			// the rows are left as they are, for a result no one reads.
			if ctx.Err() != nil {
				return
			}
			pad(pd, l.row(src, f.border.index(p, l.h)), padded)
			accumulate(dst, zeros, across.x, across.w)
		})
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				down.reset()
				for i, k := range f.ky {
					down.add(rows.get(y-f.ay+i), k)
				}
				accumulate(dst[y*n:(y+1)*n], deltas, down.x, down.w)
			}
		}
	})
}

// apply8 is apply for 8-bit src and kernels of integers whose sums stay
// below 2³¹ in magnitude, without delta: the sums, exact in int32, made
// across then down as apply makes them, are handed to put for each output
// row y (the slice is reused for the next row).
func (f *separable) apply8(ctx context.Context, src []uint8, l layout, put func(y int, sums []int32)) error {
	pd := newPadder(l, f.ax, len(f.kx)-1-f.ax, f.border)
	n := l.stride()
	ints := func(k []float64) []int32 {
		out := make([]int32, len(k))
		for i, v := range k {
			out[i] = int32(v)
		}
		return out
	}
	kx, ky := ints(f.kx), ints(f.ky)
	return parallelFor(ctx, l.h, len(src)*(len(kx)+len(ky)), func() func(y0, y1 int) {
		padded := make([]uint8, pd.width())
		rows := newRowCache(len(ky), n, func(p int, dst []int32) {
			if ctx.Err() != nil { // as in apply
				return
			}
			if y := f.border.index(p, l.h); y >= 0 {
				pad(pd, l.row8(src, y), padded)
			} else {
				pad(pd, nil, padded)
			}
			dst = dst[:n]
			clear(dst)
			for j, k := range kx {
				addScaledBytes(dst, padded[j*l.c:][:n], k)
			}
		})
		sums := make([]int32, n)
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				clear(sums)
				for i, k := range ky {
					addScaled(sums, rows.get(y - f.ay + i)[:n], k)
				}
				put(y, sums)
			}
		}
	})
}

// fixedRound takes an integer filter's sum s to a byte: (s·mul + add) >>
// shift, saturated to 0…255.
type fixedRound struct {
	mul, add int64
	shift    uint
}

// addScaledBytesGo sets dst[i] += k·src[i] for each i < len(dst).
func addScaledBytesGo(dst []int32, src []uint8, k int32) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] += k * int32(v)
	}
}

// addScaledGo sets dst[i] += k·src[i] for each i < len(dst).
func addScaledGo(dst, src []int32, k int32) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] += k * v
	}
}

// round sets out to the bytes of the sums.
func (r fixedRound) round(out []uint8, sums []int32) {
	if r.mul == 1 { // then add is small, and (s + add) >> shift fits in int32
		roundShift(out, sums, int32(r.add), r.shift)
		return
	}
	for i, v := range sums[:len(out)] {
		out[i] = uint8(min(max((int64(v)*r.mul+r.add)>>r.shift, 0), 255))
	}
}

// roundShiftGo sets out[i] to (sums[i] + add) >> shift saturated to
// 0…255, for each i < len(out); the sums plus add fit in int32.
func roundShiftGo(out []uint8, sums []int32, add int32, shift uint) {
	sums = sums[:len(out)]
	for i, v := range sums {
		out[i] = uint8(min(max((v+add)>>shift, 0), 255))
	}
}

// filter8 returns the 8-bit image img, laid out as l, filtered by f in
// integers (see apply8), each sum taken to a byte by r.
func (f *separable) filter8(ctx context.Context, img *array.Array, l layout, r fixedRound) (*array.Array, error) {
	src, err := bytesOf(ctx, img)
	if err != nil {
		return nil, err
	}
	dst, n := make([]uint8, len(src)), l.stride()
	err = f.apply8(ctx, src, l, func(y int, sums []int32) {
		r.round(dst[y*n:(y+1)*n], sums)
	})
	return unlessErr(imageOfBytes(img.Shape, dst), err)
}

// correlate2d is the correlation of src, laid out as l, with the kh×kw
// kernel k (row-major), anchored at (ax, ay), plus delta, into dst, as
// cv::filter2D computes it: delta first, then the kernel's non-zero terms
// in row-major order. It stops early with ctx's error once ctx is done.
func correlate2d(ctx context.Context, src []float64, l layout, k []float64, kh, kw, ax, ay int, delta float64, b Border, dst []float64) error {
	pd := newPadder(l, ax, kw-1-ax, b)
	n := l.stride()
	return parallelFor(ctx, l.h, len(src)*kh*kw, func() func(y0, y1 int) {
		rows := newRowCache(kh, pd.width(), func(p int, dst []float64) {
			pad(pd, l.row(src, b.index(p, l.h)), dst)
		})
		deltas := make([]float64, n)
		fill(deltas, delta)
		var sum terms
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				sum.reset()
				for i := range kh {
					row := rows.get(y - ay + i)
					for j, w := range k[i*kw : (i+1)*kw] {
						sum.add(row[j*l.c:], w)
					}
				}
				accumulate(dst[y*n:(y+1)*n], deltas, sum.x, sum.w)
			}
		}
	})
}

// Filter2D returns the correlation of img with kernel, plus delta, as
// cv::filter2D(img, CV_64F, kernel, (anchorX, anchorY), delta, border):
//
//	dst(y, x) = delta + Σ kernel(i, j)·img(y + i − anchorY, x + j − anchorX)
//
// summed over the kernel's rows i and columns j. It is correlation, not
// convolution: flip the kernel both ways to convolve. The kernel is a 2-d
// array of any size, even or odd; an anchor of -1 means the kernel's centre
// (its size divided by 2, rounded down). Colour images are filtered channel
// by channel. OpenCV computes kernels of 50 or more elements through the
// DFT, so for those the two agree to rounding rather than to the bit. The
// cost is one multiply-add per non-zero kernel element per output value.
func Filter2D(ctx context.Context, img, kernel *array.Array, anchorX, anchorY int, delta float64, border Border) (*array.Array, error) {
	const fn = "filter2D"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if err := border.check(fn); err != nil {
		return nil, err
	}
	if kernel == nil || kernel.Ndim() != 2 || kernel.Len() == 0 || kernel.Len() != array.Size(kernel.Shape) {
		shape := "nil"
		if kernel != nil {
			shape = array.ShapeString(kernel.Shape)
		}
		return nil, fmt.Errorf("%s: kernel must be a non-empty 2-d array, got shape %s", fn, shape)
	}
	kh, kw := kernel.Shape[0], kernel.Shape[1]
	ax, err := anchor(fn, "anchorX", anchorX, kw)
	if err != nil {
		return nil, err
	}
	ay, err := anchor(fn, "anchorY", anchorY, kh)
	if err != nil {
		return nil, err
	}
	dst := like(img)
	if err := correlate2d(ctx, img.Floats(), l, kernel.Floats(), kh, kw, ax, ay, delta, border, dst.Floats()); err != nil {
		return nil, err
	}
	return dst, nil
}

// anchor returns the anchor a of a kernel n elements long, with -1 meaning
// the centre, or an error naming the argument if it lies outside the kernel.
func anchor(fn, name string, a, n int) (int, error) {
	if a == -1 {
		return n / 2, nil
	}
	if a < 0 || a >= n {
		return 0, fmt.Errorf("%s: %s must be -1 or in [0, %d) for a kernel of size %d, got %d", fn, name, n, n, a)
	}
	return a, nil
}
