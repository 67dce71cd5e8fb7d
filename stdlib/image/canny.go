package image

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"calc/stdlib/array"
)

// cannyShift and tg22 are OpenCV's fixed point for tan 22.5° in Canny's
// non-maximum suppression: tan 22.5° · 2¹⁵, rounded.
const (
	cannyShift = 15
	tg22       = 13573
)

// Canny returns the edges of an 8-bit image found by Canny's method (J.
// Canny, "A computational approach to edge detection", IEEE PAMI 8(6),
// 1986), as cv::Canny(img, low, high, aperture, l2gradient): 255 on edges,
// 0 elsewhere, an 8-bit gray image. The steps are OpenCV's
// (modules/imgproc/src/canny.cpp):
//
//   - the Sobel derivatives dx and dy with the given aperture (3 or 5)
//     and the Replicate border; OpenCV's aperture 7, whose derivatives
//     overflow 16 bits, it treats in a way not reproduced here, and is
//     refused;
//   - the gradient's magnitude |dx| + |dy|, or with l2gradient dx² + dy²
//     compared with the squared thresholds; for a colour image, at each
//     pixel the channel of largest magnitude;
//   - non-maximum suppression along the gradient's direction, rounded to
//     horizontal, vertical or one of the diagonals with tan 22.5° in fixed
//     point, a pixel beating its neighbours before it strictly and those
//     after it or equally (the diagonals strictly both ways);
//   - hysteresis: pixels above high are edges, and so are those above low
//     connected to an edge through their 8 neighbours.
//
// The thresholds are swapped if low > high; OpenCV floors them (after
// squaring for l2gradient). The rows are split into a few bands per CPU
// (see canny8); the cost is about 30 operations per pixel, less where
// AVX-512 computes the gradient and the suppression 16 pixels at a time.
func Canny(ctx context.Context, img *array.Array, low, high float64, aperture int, l2 bool) (*array.Array, error) {
	const fn = "canny"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if img.Depth != array.Uint8 {
		return nil, fmt.Errorf("%s: needs an 8-bit image, got %s (convert it with as_depth(img, \"uint8\"))", fn, img.Depth)
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	if aperture != 3 && aperture != 5 {
		return nil, fmt.Errorf("%s: aperture must be 3 or 5, got %d", fn, aperture)
	}
	if math.IsNaN(low) || math.IsNaN(high) {
		return nil, fmt.Errorf("%s: thresholds must be numbers", fn)
	}
	if low > high {
		low, high = high, low
	}
	if l2 {
		low, high = math.Min(32767, low), math.Min(32767, high)
		if low > 0 {
			low *= low
		}
		if high > 0 {
			high *= high
		}
	}
	// Magnitudes are below 2³¹, so thresholds beyond it are as good as it.
	threshold := func(t float64) int32 { return int32(math.Max(-1, math.Min(math.Floor(t), math.MaxInt32))) }
	src, err := bytesOf(ctx, img)
	if err != nil {
		return nil, err
	}
	dst := make([]uint8, l.h*l.w)
	if err := canny8(ctx, src, l, aperture, l2, threshold(low), threshold(high), dst); err != nil {
		return nil, err
	}
	return imageOfBytes([]int{l.h, l.w}, dst), nil
}

// canny8 sets dst, h×w bytes, to the edges of the 8-bit image src laid out
// as l: 255 on edges, else 0, with the thresholds lo and hi (on the
// magnitude as Canny describes). As OpenCV's parallelCanny, it splits the
// rows into a few bands per CPU, each of which computes its gradient, makes
// its non-maximum suppression and follows its edges (band); then the
// edges on the bands' first and last rows are followed across the bands,
// on one goroutine, and the states made bytes.
func canny8(ctx context.Context, src []uint8, l layout, aperture int, l2 bool, lo, hi int32, dst []uint8) error {
	workers, bands := 1, 1
	if len(src)*cannyWork >= minParallel {
		workers = runtime.NumCPU()
		bands = bandsPerWorker * workers
	}
	return cannyInBands(ctx, src, l, aperture, l2, lo, hi, bands, workers, dst)
}

// bandsPerWorker is how many bands canny8 makes per goroutine: a goroutine
// held up by other work on the machine then holds up the others for a
// fraction of its share only.
const bandsPerWorker = 4

// cannyWork is about the operations per value of Canny's suppression.
const cannyWork = 30

// cannyInBands is canny8 with the given number of bands (or more if the
// map is too large for int32 positions within fewer, or fewer to give each
// at least two rows) on the given number of goroutines.
func cannyInBands(ctx context.Context, src []uint8, l layout, aperture int, l2 bool, lo, hi int32, bands, workers int, dst []uint8) error {
	g := newCannyGradient(src, l, aperture, l2)
	pw := l.w + 2
	state := make([]uint8, pw*(l.h+2))
	for x := range pw {
		state[x], state[(l.h+1)*pw+x] = notEdge, notEdge
	}
	// Within a band, positions in the map are int32 from its start. A
	// band's first and last rows must differ (see follow).
	bands = min(max(bands, len(state)/maxBand+1), max(1, l.h/2))
	if len(state)/bands+3*pw > math.MaxInt32 {
		return fmt.Errorf("canny: image of %d×%d pixels is too large", l.h, l.w)
	}
	var mu sync.Mutex
	var crossing []int // the edges on bands' borders, followed last
	eachBand(ctx, bands, workers, func(b int) {
		y0, y1 := l.h*b/bands, l.h*(b+1)/bands
		border, err := g.band(ctx, y0, y1, lo, hi, state)
		if err != nil {
			return
		}
		mu.Lock()
		crossing = append(crossing, border...)
		mu.Unlock()
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := follow(ctx, state, pw, crossing, 0, len(state)); err != nil {
		return err
	}
	return parallelFor(ctx, l.h, len(dst), func() func(y0, y1 int) {
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				row := state[(y+1)*pw+1:][:l.w]
				out := dst[y*l.w:][:l.w]
				for x, s := range row {
					out[x] = s >> 1 * 255 // edge (2) to 255, without a branch
				}
			}
		}
	})
}

// eachBand calls band(b) for each b in [0, bands) on the given number of
// goroutines, each taking the next band when it is done with one, until
// ctx is done.
func eachBand(ctx context.Context, bands, workers int, band func(b int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, bands) {
		wg.Go(func() {
			for b := int(next.Add(1)) - 1; b < bands && ctx.Err() == nil; b = int(next.Add(1)) - 1 {
				band(b)
			}
		})
	}
	wg.Wait()
}

// The states of a pixel in Canny's suppression and hysteresis; suppressRow
// computes them from their values.
const (
	candidate uint8 = iota // a local maximum above the low threshold
	notEdge
	edge
)

// cannyGradient computes the rows of Canny's gradient of an 8-bit image
// in integers, from its Sobel derivatives with the Replicate border.
type cannyGradient struct {
	src        []uint8
	l          layout
	smooth     []int32 // the derivative kernels: order 0 and 1
	derivative []int32
	l2         bool
}

// newCannyGradient returns the gradient of src, laid out as l, with the
// given aperture, its magnitude the L2 one's square if l2 is set.
func newCannyGradient(src []uint8, l layout, aperture int, l2 bool) *cannyGradient {
	ints := func(k []float64) []int32 {
		out := make([]int32, len(k))
		for i, v := range k {
			out[i] = int32(v)
		}
		return out
	}
	return &cannyGradient{src: src, l: l, smooth: ints(derivKernel(0, aperture)),
		derivative: ints(derivKernel(1, aperture)), l2: l2}
}

// across sets the first half of dst to source row p (the border
// replicated) smoothed along the row, and the second half to it
// differentiated along the row; pad is a buffer for the row extended by
// the border.
func (g *cannyGradient) across(p int, pad, dst []int32) {
	l, k := g.l, len(g.smooth)
	r, n := k/2, l.stride()
	row := l.row8(g.src, Replicate.index(p, l.h))
	body := pad[r*l.c:][:n]
	for i, v := range row {
		body[i] = int32(v)
	}
	first, last := body[:l.c], body[n-l.c:]
	for i := range r {
		copy(pad[i*l.c:], first)
		copy(pad[(r+l.w+i)*l.c:], last)
	}
	smooth, diff := dst[:n], dst[n:2*n]
	if k == 3 { // aperture 3's [1 2 1] and [-1 0 1], in one pass
		a, b, c := pad[:n], pad[l.c:][:n], pad[2*l.c:][:n]
		for i := range smooth {
			smooth[i] = a[i] + 2*b[i] + c[i]
			diff[i] = c[i] - a[i]
		}
		return
	}
	clear(smooth)
	clear(diff)
	for j := range k {
		s, d, in := g.smooth[j], g.derivative[j], pad[j*l.c:][:n]
		smooth, diff := smooth[:len(in)], diff[:len(in)]
		for i, v := range in {
			smooth[i] += s * v
			diff[i] += d * v
		}
	}
}

// magnitudeRow sets the row of position y of dst: dst[1 : w+1] the
// magnitude of each pixel (of its channel of largest magnitude), zero at
// both ends and all zero for y outside the image, dst[w+2 : 2w+2] and
// dst[2w+2 : 3w+2] the derivatives in x and y of that channel. rows holds
// the rows across makes.
func (g *cannyGradient) magnitudeRow(y int, rows *rowCache[int32], dx, dy, dst []int32) {
	l := g.l
	w, n := l.w, l.stride()
	mag, gx, gy := dst[:w+2], dst[w+2:2*w+2], dst[2*w+2:3*w+2]
	clear(mag)
	if y < 0 || y >= l.h {
		return
	}
	if l.c == 1 {
		g.down(y, rows, gx, gy)
		for x, a := range gx {
			b := gy[x]
			m := abs32(a) + abs32(b)
			if g.l2 {
				m = a*a + b*b
			}
			mag[x+1] = m
		}
		return
	}
	g.down(y, rows, dx[:n], dy[:n])
	// OpenCV's channels are in BGR order and the first of equals wins,
	// so ours are visited from the last.
	for x := range w {
		best := int32(-1)
		for c := l.c - 1; c >= 0; c-- {
			a, b := dx[x*l.c+c], dy[x*l.c+c]
			m := abs32(a) + abs32(b)
			if g.l2 {
				m = a*a + b*b
			}
			if m > best {
				best, gx[x], gy[x] = m, a, b
			}
		}
		mag[x+1] = best
	}
}

// down sets dx and dy to the derivatives in x and y of row y, from the
// rows across makes, held in rows.
func (g *cannyGradient) down(y int, rows *rowCache[int32], dx, dy []int32) {
	k, n := len(g.smooth), len(dx)
	if k == 3 { // aperture 3's [1 2 1] and [-1 0 1], in one pass
		a, b, c := rows.get(y-1), rows.get(y), rows.get(y+1)
		sa, sc := a[:n], c[:n]
		da, db, dc := a[n:2*n], b[n:2*n], c[n:2*n]
		dy = dy[:n]
		for x := range dx {
			dx[x] = da[x] + 2*db[x] + dc[x]
			dy[x] = sc[x] - sa[x]
		}
		return
	}
	clear(dx)
	clear(dy)
	for i := range k {
		row := rows.get(y - k/2 + i)
		s, d := g.smooth[i], g.derivative[i]
		smooth, diff := row[:n], row[n:2*n]
		dy := dy[:n]
		for x := range dx {
			dx[x] += s * diff[x]
			dy[x] += d * smooth[x]
		}
	}
}

// rows returns a function that sets dst to the gradient row of position y
// as magnitudeRow does, with buffers of its own. For gray images of 16
// pixels or more and aperture 3, it computes the row from the source rows
// as bytes with gradientVector where the CPU has it.
func (g *cannyGradient) rows() func(y int, dst []int32) {
	l, k := g.l, len(g.smooth)
	w, n := l.w, l.stride()
	if hasGradientVector && k == 3 && l.c == 1 && w >= 16 {
		source := newRowCache(3, w+2, func(p int, row []uint8) {
			copy(row[1:], l.row8(g.src, Replicate.index(p, l.h)))
			replicateEnds(row, 1, 1)
		})
		return func(y int, dst []int32) {
			mag, gx, gy := dst[:w+2], dst[w+2:2*w+2], dst[2*w+2:3*w+2]
			clear(mag)
			if y >= 0 && y < l.h {
				gradientVector(source.get(y-1), source.get(y), source.get(y+1), g.l2, mag[1:w+1], gx, gy)
			}
		}
	}
	pad := make([]int32, (w+k)*l.c)
	rows := newRowCache(k, 2*n, func(p int, dst []int32) { g.across(p, pad, dst) })
	dx, dy := make([]int32, n), make([]int32, n)
	return func(y int, dst []int32) { g.magnitudeRow(y, rows, dx, dy, dst) }
}

// maxBand is about the most positions in the map a band spans, well
// within its int32 positions' reach.
const maxBand = 1 << 30

// band sets the states of rows [y0, y1) of the image in state, a
// (w+2)×(h+2) map with a border of notEdge, after non-maximum suppression
// with the thresholds lo and hi: notEdge, a candidate or (above hi) an
// edge. Then it follows the edges through the candidates of its rows
// (follow), and returns the edges on its first and last rows, through
// which they may go on in the bands above and below. Its edges are on a
// stack of int32 positions from the start of the map's row above the band.
func (g *cannyGradient) band(ctx context.Context, y0, y1 int, lo, hi int32, state []uint8) ([]int, error) {
	l := g.l
	w, pw, n := l.w, l.w+2, l.stride()
	gradient := g.rows()
	// The gradient rows of the three positions y-1, y and y+1 about the
	// row y suppressed, each width long at its slot in ring.
	width := 3*w + 2
	ring := make([]int32, 3*width)
	slot := func(p int) int { return (p + 3) % 3 * width }
	for p := y0 - 1; p <= y0; p++ {
		gradient(p, ring[slot(p):][:width])
	}
	base := y0 * pw
	sub := state[base : (y1+2)*pw]
	// A third of a noisy image's pixels are edges: room for half the
	// band's spares the stack's growing.
	edges := make([]int32, 0, (y1-y0)*w/2+w)
	step := max(1, checkEvery/(cannyWork*n))
	for y := y0; y < y1; y++ {
		if (y-y0)%step == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		gradient(y+1, ring[slot(y+1):][:width])
		at := (y + 1) * pw
		edges = suppressRow(ring, slot(y-1), slot(y), slot(y+1), w, lo, hi, state[at:][:pw], at-base, edges)
	}
	// The band's first and last rows are its border, unless they are the
	// image's.
	inner0, inner1 := pw, (y1-y0+1)*pw
	if y0 > 0 {
		inner0 += pw
	}
	if y1 < l.h {
		inner1 -= pw
	}
	border, err := follow(ctx, sub, pw, edges, inner0, inner1)
	out := make([]int, len(border))
	for i, q := range border {
		out[i] = base + int(q)
	}
	return out, err
}

// suppressRow sets the states of one row, out (w+2 long, with the border),
// from the gradient rows (as magnitudeRow makes them) of it and of the rows
// above and below, at those offsets in ring, and returns edges with the
// positions of its edges appended, out being at position at in the map.
// It has no branch on the data, which on a noisy image would be
// unpredictable: the two neighbours along the gradient are read at offsets
// picked by the direction's number, and every pixel's position is written
// past the end of edges, which grows by one at edges. suppressVector does
// the same to the first pixels, many at a time, where it can.
func suppressRow(ring []int32, above, row, below, w int, lo, hi int32, out []uint8, at int, edges []int32) []int32 {
	mag := ring[row : row+w+2]
	gx, gy := ring[row+w+2:][:w], ring[row+2*w+2:][:w]
	out = out[:w+2]
	// The neighbours before and after a pixel q along the directions 0
	// (about horizontal), 1 (about vertical), 2 (the rising diagonal) and
	// 3 (the falling one) are at these offsets plus q.
	before := [4]int{row - 1, above, above + 1, above - 1}
	after := [4]int{row + 1, below, below - 1, below + 1}
	out[0], out[w+1] = notEdge, notEdge
	x0, edges := suppressVector(mag, ring[above:][:w+2], ring[below:][:w+2], gx, gy, lo, hi, out,
		at, slices.Grow(edges, w+vectorSlack))
	top := len(edges)
	edges = edges[:top+w-x0]
	for x := x0; x < w; x++ {
		q := x + 1
		m := mag[q]
		xs, ys := gx[x], gy[x]
		ax, ay := abs32(xs), abs32(ys)<<cannyShift
		t22 := ax * tg22
		horizontal := b2i(ay < t22)
		vertical := b2i(ay > t22+ax<<(cannyShift+1))
		diagonal := (1 - horizontal) * (1 - vertical)
		d := (1 - horizontal) * (vertical + diagonal*(2+b2i(xs^ys >= 0)))
		// A pixel beats the neighbour before it strictly and the one
		// after it or equally, except along the diagonals.
		peak := b2i(m > lo) * b2i(m > ring[before[d&3]+q]) * b2i(m+1-diagonal > ring[after[d&3]+q])
		// notEdge (1), a candidate (0), or above hi an edge (2).
		strong := peak * b2i(m > hi)
		out[q] = uint8(1 + 2*strong - peak)
		edges[top] = int32(at + q)
		top += int(strong)
	}
	return edges[:top]
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// follow makes edges of the candidates of state (rows pw wide, with a
// border of notEdge) connected to the edges at the positions in stack
// through their 8 neighbours, within the rows [inner0, inner1) of positions
// and the row on either side of them: an edge on one of those two rows is
// followed along its row and inwards only, and returned, to be followed
// outwards by the band beyond (see canny8).
func follow[P int | int32](ctx context.Context, state []uint8, pw int, stack []P, inner0, inner1 int) ([]P, error) {
	near := [8]int{-pw - 1, -pw, -pw + 1, -1, 1, pw - 1, pw, pw + 1}
	var border []P
	for steps := 1; len(stack) > 0; steps++ {
		if steps%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		q := int(stack[len(stack)-1])
		stack = stack[:len(stack)-1]
		reach := near[:]
		switch {
		case q < inner0: // the band's first row: this row and below
			reach, border = near[3:], append(border, P(q))
		case q >= inner1: // its last row: above and this row
			reach, border = near[:5], append(border, P(q))
		}
		for _, d := range reach {
			if state[q+d] == candidate {
				state[q+d] = edge
				stack = append(stack, P(q+d))
			}
		}
	}
	return border, ctx.Err()
}

// abs32 returns |v|.
func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}
