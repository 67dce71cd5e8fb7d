package image

import (
	"context"
	"fmt"
	"math"

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
// squaring for l2gradient). The cost is about 30 operations per pixel.
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
	threshold := func(t float64) int64 { return int64(math.Max(-1, math.Min(math.Floor(t), math.MaxInt32))) }
	g := newCannyGradient(img.Floats(), l, aperture, l2)
	state, err := g.suppress(ctx, threshold(low), threshold(high))
	if err != nil {
		return nil, err
	}
	if err := hysteresis(ctx, state, l.w+2); err != nil {
		return nil, err
	}
	out := make([]uint8, l.w*l.h)
	err = parallelFor(ctx, l.h, len(out), func() func(y0, y1 int) {
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				row := state[(y+1)*(l.w+2)+1:][:l.w]
				dst := out[y*l.w:][:l.w]
				for x, s := range row {
					dst[x] = s / edge * 255 // without a branch
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return imageOfBytes([]int{l.h, l.w}, out), nil
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
	src        []float64
	l          layout
	smooth     []int32 // the derivative kernels: order 0 and 1
	derivative []int32
	l2         bool
}

// newCannyGradient returns the gradient of src, laid out as l, with the
// given aperture, its magnitude the L2 one's square if l2 is set.
func newCannyGradient(src []float64, l layout, aperture int, l2 bool) *cannyGradient {
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
	row := l.row(g.src, Replicate.index(p, l.h))
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
	l, k := g.l, len(g.smooth)
	w, n := l.w, l.stride()
	mag, gx, gy := dst[:w+2], dst[w+2:2*w+2], dst[2*w+2:3*w+2]
	clear(mag)
	if y < 0 || y >= l.h {
		return
	}
	clear(dx)
	clear(dy)
	for i := range k {
		row := rows.get(y - k/2 + i)
		s, d := g.smooth[i], g.derivative[i]
		smooth, diff := row[:n], row[n:2*n]
		dx, dy := dx[:n], dy[:n]
		for x := range n {
			dx[x] += s * diff[x]
			dy[x] += d * smooth[x]
		}
	}
	if l.c == 1 {
		for x := range w {
			a, b := dx[x], dy[x]
			m := abs32(a) + abs32(b)
			if g.l2 {
				m = a*a + b*b
			}
			mag[x+1], gx[x], gy[x] = m, a, b
		}
		return
	}
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

// suppress returns the state of each pixel after non-maximum suppression
// with the thresholds lo and hi: a (w+2)×(h+2) map, its border notEdge,
// each pixel notEdge, a candidate or (above hi) an edge.
func (g *cannyGradient) suppress(ctx context.Context, lo, hi int64) ([]uint8, error) {
	l := g.l
	w, pw, n := l.w, l.w+2, l.stride()
	k := len(g.smooth)
	state := make([]uint8, pw*(l.h+2))
	for x := range pw {
		state[x], state[(l.h+1)*pw+x] = notEdge, notEdge
	}
	err := parallelFor(ctx, l.h, len(g.src)*30, func() func(y0, y1 int) {
		pad := make([]int32, (l.w+k)*l.c)
		rows := newRowCache(k, 2*n, func(p int, dst []int32) { g.across(p, pad, dst) })
		dx, dy := make([]int32, n), make([]int32, n)
		mags := newRowCache(3, 3*w+2, func(y int, dst []int32) { g.magnitudeRow(y, rows, dx, dy, dst) })
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				above, row, below := mags.get(y-1), mags.get(y), mags.get(y+1)
				suppressRow(above[:pw], row, below[:pw], w, lo, hi, state[(y+1)*pw:][:pw])
			}
		}
	})
	return state, err
}

// suppressRow sets the states of one row, out (w+2 long, with the border),
// from the magnitudes of it and the rows above and below (w+2 long, zero
// at the ends) and its derivatives, which follow its magnitudes in row.
// It has no branch on the data, which on a noisy image would be
// unpredictable: the two neighbours along the gradient are picked from
// the four directions' by 0-or-1 factors.
func suppressRow(above, row, below []int32, w int, lo, hi int64, out []uint8) {
	mag, gx, gy := row[:w+2], row[w+2:2*w+2], row[2*w+2:3*w+2]
	above, below, out = above[:w+2], below[:w+2], out[:w+2]
	out[0], out[w+1] = notEdge, notEdge
	for x := range w {
		q := x + 1
		m := int64(mag[q])
		xs, ys := int64(gx[x]), int64(gy[x])
		ax, ay := abs64(xs), abs64(ys)<<cannyShift
		t22 := ax * tg22
		// One of the four is 1: the gradient about horizontal, about
		// vertical, or along one of the diagonals.
		horizontal := b2i(ay < t22)
		vertical := (1 - horizontal) * b2i(ay > t22+ax<<(cannyShift+1))
		diagonal := 1 - horizontal - vertical
		rising := diagonal * b2i(xs^ys < 0)
		falling := diagonal - rising
		before := horizontal*int64(mag[q-1]) + vertical*int64(above[q]) +
			rising*int64(above[q+1]) + falling*int64(above[q-1])
		after := horizontal*int64(mag[q+1]) + vertical*int64(below[q]) +
			rising*int64(below[q-1]) + falling*int64(below[q+1])
		// A pixel beats the neighbour before it strictly and the one
		// after it or equally, except along the diagonals.
		peak := b2i(m > lo) * b2i(m > before) * b2i(m+1-diagonal > after)
		// notEdge (1), a candidate (0), or above hi an edge (2).
		out[q] = uint8(1 + peak*(2*b2i(m > hi)-1))
	}
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// hysteresis makes edges of the candidates of state (rows pw wide, with a
// border of notEdge) connected to an edge through their 8 neighbours.
func hysteresis(ctx context.Context, state []uint8, pw int) error {
	near := [8]int{-pw - 1, -pw, -pw + 1, -1, 1, pw - 1, pw, pw + 1}
	var stack []int
	steps := 0
	for p, s := range state {
		if s != edge {
			continue
		}
		stack = append(stack[:0], p)
		for len(stack) > 0 {
			if steps++; steps%checkEvery == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			q := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, d := range near {
				if state[q+d] == candidate {
					state[q+d] = edge
					stack = append(stack, q+d)
				}
			}
		}
		if p%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return ctx.Err()
}

// abs32 returns |v|.
func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}

// abs64 returns |v|.
func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
