package image

import (
	"context"
	"fmt"
	"math"

	"calc/stdlib/array"
)

// BilateralFilter returns an 8-bit gray or colour image smoothed by the bilateral
// filter (Tomasi and Manduchi, "Bilateral filtering for gray and color
// images", ICCV 1998), as cv::bilateralFilter(img, d, sigmaColor,
// sigmaSpace, border): each pixel becomes the mean of the pixels within
// radius d/2 (round(1.5·sigmaSpace) if d ≤ 0), weighted by
// exp(−r²/2σs²) for their distance r and exp(−Δ²/2σc²) for their
// difference Δ in value (for colour, the sum of the channels' absolute
// differences), so that edges, where values differ much, are kept
// while flat regions are smoothed. The weights are float32, the sums are
// formed in float32 in OpenCV's order with fused multiply-adds, and the
// result rounded, as OpenCV 4.6's vector code computes them. Sigmas ≤ 0
// are 1. The cost is about π·(d/2)² multiply-adds per pixel.
func BilateralFilter(ctx context.Context, img *array.Array, d int, sigmaColor, sigmaSpace float64, border Border) (*array.Array, error) {
	const fn = "bilateralFilter"
	l, err := layoutOf(fn, img)
	if err != nil {
		return nil, err
	}
	if img.Depth != array.Uint8 || l.c != 1 && l.c != 3 {
		return nil, fmt.Errorf("%s: needs an 8-bit gray or colour image, got %s of shape %s", fn, img.Depth, array.ShapeString(img.Shape))
	}
	if err := checkDepth(fn, img); err != nil {
		return nil, err
	}
	if err := border.check(fn); err != nil {
		return nil, err
	}
	if math.IsNaN(sigmaColor) || math.IsNaN(sigmaSpace) {
		return nil, fmt.Errorf("%s: sigmas must be numbers", fn)
	}
	if sigmaColor <= 0 {
		sigmaColor = 1
	}
	if sigmaSpace <= 0 {
		sigmaSpace = 1
	}
	colourCoeff, spaceCoeff := -0.5/(sigmaColor*sigmaColor), -0.5/(sigmaSpace*sigmaSpace)
	radius := d / 2
	if d <= 0 {
		radius = int(math.RoundToEven(sigmaSpace * 1.5))
	}
	radius = max(radius, 1)
	if radius > 255 {
		return nil, fmt.Errorf("%s: the window's radius must be at most 255, got %d", fn, radius)
	}
	colourWeight := make([]float32, 256*l.c)
	for i := range colourWeight {
		colourWeight[i] = float32(math.Exp(float64(i*i) * colourCoeff))
	}
	var taps []tap
	for i := -radius; i <= radius; i++ {
		for j := -radius; j <= radius; j++ {
			r := math.Sqrt(float64(i*i + j*j))
			if r > float64(radius) {
				continue
			}
			taps = append(taps, tap{i, j, float32(math.Exp(r * r * spaceCoeff))})
		}
	}
	pd := newPadder(l, radius, radius, border)
	dst := like(img)
	dst.Depth = array.Uint8
	err = parallelFor(ctx, l.h, img.Len()*len(taps), func() func(y0, y1 int) {
		rows := newRowCache(2*radius+1, pd.width(), func(p int, dst []float64) {
			pad(pd, l.row(img.Floats(), border.index(p, l.h)), dst)
		})
		return func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				centre := rows.get(y)
				out := dst.Floats()[y*l.stride() : (y+1)*l.stride()]
				for x := range l.w {
					at := (x + radius) * l.c
					if l.c == 1 {
						out[x] = bilateralGray(rows, y, at, int(centre[at]), taps, colourWeight)
						continue
					}
					var sum [3]float32
					var wsum float32
					c0 := centre[at : at+3]
					for _, t := range taps {
						px := rows.get(y + t.dy)[at+t.dx*3:]
						diff := absInt(int(px[0])-int(c0[0])) + absInt(int(px[1])-int(c0[1])) + absInt(int(px[2])-int(c0[2]))
						w := t.w * colourWeight[diff]
						for c := range sum {
							sum[c] = fma32(float32(px[c]), w, sum[c])
						}
						wsum += w
					}
					for c := range sum {
						out[x*3+c] = math.RoundToEven(float64(sum[c] / wsum))
					}
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return packed(dst), nil
}

// tap is a place in a bilateral filter's window, with its weight for the
// distance.
type tap struct {
	dy, dx int
	w      float32
}

// bilateralGray returns the bilateral filter's value at the pixel of value
// v0 at offset at in row y of rows.
func bilateralGray(rows *rowCache[float64], y, at, v0 int, taps []tap, colourWeight []float32) float64 {
	var sum, wsum float32
	for _, t := range taps {
		v := int(rows.get(y + t.dy)[at+t.dx])
		w := t.w * colourWeight[absInt(v-v0)]
		sum = fma32(float32(v), w, sum)
		wsum += w
	}
	return math.RoundToEven(float64(sum / wsum))
}

// absInt returns |v|.
func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// fma32 returns a·b + c rounded once to float32, as a fused multiply-add
// on float32 lanes does (the product of two float32 values is exact in
// float64).
func fma32(a, b, c float32) float32 {
	return float32(math.FMA(float64(a), float64(b), float64(c)))
}
