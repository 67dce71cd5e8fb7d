package image

import (
	"math/rand/v2"
	"testing"

	"calc/stdlib/array"
)

// The benchmarks filter a 2048×2048 gray image of float64, as the
// comparisons with OpenCV and scipy in testdata/opencv_bench.py do.
const benchSize = 2048

// benchImage returns the benchmarks' image, values uniform in [0, 256).
func benchImage() *array.Array {
	return randomArray(rand.New(rand.NewPCG(3, 4)), 0, 256, benchSize, benchSize)
}

// bench3x3 is the 3×3 kernel of the Filter2D benchmarks.
var bench3x3 = array.New([]int{3, 3}, []float64{0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9})

func benchmark(b *testing.B, f func(img *array.Array) (*array.Array, error)) {
	img := benchImage()
	b.SetBytes(int64(8 * img.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, err := f(img); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSobel3(b *testing.B) {
	benchmark(b, func(img *array.Array) (*array.Array, error) { return Sobel(bg, img, 1, 0, 3, 1, 0, Reflect101) })
}

func BenchmarkLaplacian(b *testing.B) {
	benchmark(b, func(img *array.Array) (*array.Array, error) { return Laplacian(bg, img, 1, 1, 0, Reflect101) })
}

func BenchmarkFilter2D3x3(b *testing.B) {
	benchmark(b, func(img *array.Array) (*array.Array, error) {
		return Filter2D(bg, img, bench3x3, -1, -1, 0, Reflect101)
	})
}

func BenchmarkGaussianBlur5(b *testing.B) {
	benchmark(b, func(img *array.Array) (*array.Array, error) { return GaussianBlur(bg, img, 5, 5, 0, 0, Reflect101) })
}

// BenchmarkNaiveFilter2D3x3 is the reference: the textbook loop, one output
// value at a time with the border looked up per term, on one core.
func BenchmarkNaiveFilter2D3x3(b *testing.B) {
	benchmark(b, func(img *array.Array) (*array.Array, error) {
		return naiveCorrelate(img, bench3x3, 1, 1, 0, Reflect101), nil
	})
}

// benchImage8 returns the benchmarks' image cut to 8 bits, as
// testdata/opencv_bench.py makes it with astype(np.uint8), and backed by
// bytes as an image read from a file is.
func benchImage8() *array.Array {
	img := benchImage()
	b := make([]uint8, img.Len())
	for i, v := range img.Floats() {
		b[i] = uint8(v)
	}
	return array.FromBytes(img.Shape, b)
}

// benchmark8 times f on benchImage8; it does not ask for the floats of the
// input or of the result, which stay bytes.
func benchmark8(b *testing.B, f func(img *array.Array) (*array.Array, error)) {
	img := benchImage8()
	b.SetBytes(int64(img.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, err := f(img); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGaussianBlur5x8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) { return GaussianBlur(bg, img, 5, 5, 0, 0, Reflect101) })
}

func BenchmarkMedianBlur5x8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) { return MedianBlur(bg, img, 5) })
}

func BenchmarkCanny8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) { return Canny(bg, img, 50, 150, 3, false) })
}

func BenchmarkBlur5x8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) { return Blur(bg, img, 5, 5, Reflect101) })
}

func BenchmarkResizeLinear8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) {
		return ResizeLinear(bg, img, benchSize*3/4, benchSize*3/4)
	})
}

func BenchmarkResizeCubic8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) {
		return ResizeCubic(bg, img, benchSize*3/4, benchSize*3/4)
	})
}

func BenchmarkResizeArea8bit(b *testing.B) {
	benchmark8(b, func(img *array.Array) (*array.Array, error) {
		return ResizeArea(bg, img, benchSize*3/4, benchSize*3/4)
	})
}

// benchmarkBytes times an 8-bit kernel alone, on benchImage8's bytes,
// writing into bytes it allocates once: the filter less its checks and the
// allocation of its result.
func benchmarkBytes(b *testing.B, kernel func(src []uint8, l layout) error) {
	img := benchImage8()
	src, _ := img.Uint8s()
	l, _ := layoutOf("bench", img)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		if err := kernel(src, l); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMedianBlur5x8bitBytes(b *testing.B) {
	benchmarkBytes(b, func(src []uint8, l layout) error { return median8(bg, src, l, 5, make([]uint8, len(src))) })
}

func BenchmarkMedianBlur3x8bitBytes(b *testing.B) {
	benchmarkBytes(b, func(src []uint8, l layout) error { return median8(bg, src, l, 3, make([]uint8, len(src))) })
}

func BenchmarkCanny8bitBytes(b *testing.B) {
	benchmarkBytes(b, func(src []uint8, l layout) error {
		return canny8(bg, src, l, 3, false, 50, 150, make([]uint8, len(src)))
	})
}
