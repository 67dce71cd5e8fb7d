package image

import (
	"context"
	"errors"
	"testing"
	"time"

	"calc/stdlib/array"
)

// bg is the context of calls the tests do not stop.
var bg = context.Background()

// TestStop checks that every filter stops soon when its context is done,
// with the context's error, rather than finishing a long computation.
func TestStop(t *testing.T) {
	img := benchImage8()
	// Four copies of img side by side, and img as three colour channels.
	var tiledData []float64
	for y := range benchSize {
		row := img.Floats()[y*benchSize : (y+1)*benchSize]
		for range 4 {
			tiledData = append(tiledData, row...)
		}
	}
	tiled := array.NewDepth([]int{benchSize, 4 * benchSize}, tiledData, array.Uint8)
	colour := array.NewDepth([]int{benchSize, benchSize, 3}, make([]float64, 3*img.Len()), array.Uint8)
	kernel, _ := StructuringElement(Ellipse, 31, 31, -1, -1)
	for name, f := range map[string]func(ctx context.Context) (*array.Array, error){
		"GaussianBlur": func(ctx context.Context) (*array.Array, error) {
			return GaussianBlur(ctx, img, 0, 0, 200, 0, Reflect101)
		},
		"Filter2D": func(ctx context.Context) (*array.Array, error) {
			return Filter2D(ctx, img, array.Full([]int{40, 40}, 1), -1, -1, 0, Reflect101)
		},
		"MedianBlur": func(ctx context.Context) (*array.Array, error) { return MedianBlur(ctx, img, 255) },
		"MedianBlur3": func(ctx context.Context) (*array.Array, error) {
			return MedianBlur(ctx, tiled, 3)
		},
		"Canny": func(ctx context.Context) (*array.Array, error) { return Canny(ctx, tiled, 10, 20, 5, true) },
		"ResizeLinear": func(ctx context.Context) (*array.Array, error) {
			return ResizeLinear(ctx, colour, 5000, 5000)
		},
		"ResizeNearest": func(ctx context.Context) (*array.Array, error) {
			return ResizeNearest(ctx, colour, 5000, 5000)
		},
		"ResizeArea": func(ctx context.Context) (*array.Array, error) { return ResizeArea(ctx, colour, 5000, 5000) },
		"Erode":      func(ctx context.Context) (*array.Array, error) { return Erode(ctx, img, kernel, -1, -1, 50) },
		"Sobel":      func(ctx context.Context) (*array.Array, error) { return Sobel(ctx, img, 1, 0, 31, 1, 0, Reflect101) },
	} {
		const deadline = 10 * time.Millisecond
		ctx, cancel := context.WithTimeout(bg, deadline)
		start := time.Now()
		_, err := f(ctx)
		cancel()
		// A filter may finish before the deadline on a fast machine;
		// one that ends after it must end with its error.
		if finished := err == nil && time.Since(start) < deadline; !finished && !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: err = %v after %v, want the deadline's", name, err, time.Since(start))
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s took %v to stop", name, took)
		}
	}
}
