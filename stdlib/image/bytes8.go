package image

import (
	"context"

	"calc/stdlib/array"
)

// The 8-bit kernels of medianBlur and Canny work on bytes: a plane of
// h×w×c values, row-major with channels interleaved, as layout describes.
// calc's arrays hold float64, so their entry points convert an 8-bit image
// to bytes once (bytesOf) and the bytes of the result back (imageOfBytes).
// These two functions are the only places where the conversion happens:
// once uint8 arrays are backed by bytes they become views.

// bytesOf returns the values of img, an 8-bit image whose values
// checkDepth has checked, as bytes, converted in one share per CPU.
func bytesOf(ctx context.Context, img *array.Array) ([]uint8, error) {
	out := make([]uint8, len(img.Data))
	err := parallelFor(ctx, len(out), len(out), func() func(lo, hi int) {
		return func(lo, hi int) {
			for i, v := range img.Data[lo:hi] {
				out[lo+i] = uint8(v)
			}
		}
	})
	return out, err
}

// imageOfBytes returns an 8-bit image of the given shape holding the values
// b, converted in one share per CPU.
func imageOfBytes(ctx context.Context, shape []int, b []uint8) (*array.Array, error) {
	out := &array.Array{Shape: append([]int(nil), shape...), Data: make([]float64, len(b)), Depth: array.Uint8}
	err := parallelFor(ctx, len(b), len(b), func() func(lo, hi int) {
		return func(lo, hi int) {
			for i, v := range b[lo:hi] {
				out.Data[lo+i] = float64(v)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// row8 returns row y of the bytes data laid out as l.
func (l layout) row8(data []uint8, y int) []uint8 {
	return data[y*l.stride() : (y+1)*l.stride()]
}
