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
	lo, hi := math.Floor(low), math.Floor(high)
	dx, err := Sobel(ctx, img, 1, 0, aperture, 1, 0, Replicate)
	if err != nil {
		return nil, err
	}
	dy, err := Sobel(ctx, img, 0, 1, aperture, 1, 0, Replicate)
	if err != nil {
		return nil, err
	}
	// The gradient at each pixel, from the channel of largest magnitude
	// (derivatives of aperture 5 on 8 bits fit in OpenCV's 16); OpenCV's
	// channels are in BGR order and the first of equals wins, so ours are
	// visited from the last. The magnitudes have a border of zeros, so
	// that every pixel has eight neighbours.
	w, h := l.w, l.h
	pw := w + 2
	gx, gy, mag := make([]int32, w*h), make([]int32, w*h), make([]int64, pw*(h+2))
	// The suppression and hysteresis below take about as long again.
	err = parallelFor(ctx, h, w*h*l.c*4, func() func(y0, y1 int) {
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for x := range w {
					p := y*w + x
					best := int64(-1)
					for c := l.c - 1; c >= 0; c-- {
						dxv, dyv := int64(dx.Data[p*l.c+c]), int64(dy.Data[p*l.c+c])
						m := abs64(dxv) + abs64(dyv)
						if l2 {
							m = dxv*dxv + dyv*dyv
						}
						if m > best {
							best, gx[p], gy[p] = m, int32(dxv), int32(dyv)
						}
					}
					mag[(y+1)*pw+x+1] = best
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	// state: 0 a candidate, 1 not an edge, 2 an edge.
	state := make([]uint8, w*h)
	var stack []int
	for y := range h {
		for x := range w {
			p, q := y*w+x, (y+1)*pw+x+1
			m := mag[q]
			state[p] = 1
			if float64(m) <= lo {
				continue
			}
			xs, ys := int64(gx[p]), int64(gy[p])
			ax, ay := abs64(xs), abs64(ys)<<cannyShift
			t22 := ax * tg22
			var peak bool
			switch {
			case ay < t22: // the gradient is about horizontal
				peak = m > mag[q-1] && m >= mag[q+1]
			case ay > t22+ax<<(cannyShift+1): // about vertical
				peak = m > mag[q-pw] && m >= mag[q+pw]
			case xs^ys < 0:
				peak = m > mag[q-pw+1] && m > mag[q+pw-1]
			default:
				peak = m > mag[q-pw-1] && m > mag[q+pw+1]
			}
			if !peak {
				continue
			}
			state[p] = 0
			if float64(m) > hi {
				state[p] = 2
				stack = append(stack, p)
			}
		}
	}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x, y := p%w, p/w
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				nx, ny := x+dx, y+dy
				if nx < 0 || nx >= w || ny < 0 || ny >= h {
					continue
				}
				if q := ny*w + nx; state[q] == 0 {
					state[q] = 2
					stack = append(stack, q)
				}
			}
		}
	}
	out := &array.Array{Shape: []int{h, w}, Data: make([]float64, w*h), Depth: array.Uint8}
	for p, s := range state {
		if s == 2 {
			out.Data[p] = 255
		}
	}
	return out, nil
}

// abs64 returns |v|.
func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
