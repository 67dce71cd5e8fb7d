package image

import (
	"context"

	"calc/stdlib/array"
)

// The 8-bit kernels work on bytes: a plane of h×w×c values, row-major with
// channels interleaved, as layout describes. An 8-bit image read from a
// file or made by a filter is backed by bytes (array.FromBytes), and its
// bytes are used as they are; an array only labelled Uint8 (built by
// assignment or arithmetic, its values float64) is checked by checkDepth
// and converted once. bytesOf and imageOfBytes are the seam between arrays
// and the byte kernels: no other code converts.

// bytesOf returns the values of img, an 8-bit image whose values
// checkDepth has checked, as bytes: those backing it, not to be modified,
// or else its float64 values converted in one share per CPU.
func bytesOf(ctx context.Context, img *array.Array) ([]uint8, error) {
	if b, ok := img.Uint8s(); ok {
		return b, nil
	}
	data := img.Floats()
	out := make([]uint8, len(data))
	err := parallelFor(ctx, len(out), len(out), func() func(lo, hi int) {
		return func(lo, hi int) {
			for i, v := range data[lo:hi] {
				out[lo+i] = uint8(v)
			}
		}
	})
	return out, err
}

// imageOfBytes returns an 8-bit image of the given shape backed by b, which
// it takes ownership of.
func imageOfBytes(shape []int, b []uint8) *array.Array {
	return array.FromBytes(append([]int(nil), shape...), b)
}

// row8 returns row y of the bytes data laid out as l.
func (l layout) row8(data []uint8, y int) []uint8 {
	return data[y*l.stride() : (y+1)*l.stride()]
}

// finish returns the image of img's shape and depth whose values are f of
// sums, a filter's sums for each value, computed in one share per CPU:
// backed by bytes for an 8-bit image (f then gives bytes), else over sums,
// which it overwrites.
func finish(ctx context.Context, img *array.Array, sums []float64, f func(float64) float64) (*array.Array, error) {
	shape := append([]int(nil), img.Shape...)
	if img.Depth != array.Uint8 {
		err := parallelFor(ctx, len(sums), len(sums), func() func(lo, hi int) {
			return func(lo, hi int) {
				for i, v := range sums[lo:hi] {
					sums[lo+i] = f(v)
				}
			}
		})
		return unlessErr(array.NewDepth(shape, sums, img.Depth), err)
	}
	b := make([]uint8, len(sums))
	err := parallelFor(ctx, len(sums), len(sums), func() func(lo, hi int) {
		return func(lo, hi int) {
			for i, v := range sums[lo:hi] {
				b[lo+i] = uint8(f(v))
			}
		}
	})
	return unlessErr(imageOfBytes(shape, b), err)
}

// packed returns out, the result of a filter that computes in float64,
// backed by bytes if it is an 8-bit image (whose values the filter has
// rounded and saturated to bytes).
func packed(out *array.Array) *array.Array {
	if out.Depth != array.Uint8 {
		return out
	}
	// One pass over values bounded by memory: quick enough not to stop.
	b, _ := bytesOf(context.Background(), out)
	return imageOfBytes(out.Shape, b)
}

// replicateEnds sets the first and the last pad values of row, a row of
// pixels of c values, to copies of the first and the last pixel between
// them: Replicate's border.
func replicateEnds(row []uint8, pad, c int) {
	first, last := row[pad:pad+c], row[len(row)-pad-c:len(row)-pad]
	for p := 0; p < pad; p += c {
		copy(row[p:], first)
		copy(row[len(row)-pad+p:], last)
	}
}
