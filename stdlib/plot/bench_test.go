package plot

import (
	"io"
	"math"
	"testing"
)

// BenchmarkLine100k renders a line of 100,000 points to a 640×480 PNG.
func BenchmarkLine100k(b *testing.B) {
	n := 100000
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = float64(i) / float64(n) * 20 * math.Pi
		y[i] = math.Sin(x[i]) + 0.3*math.Sin(37*x[i])
	}
	f, err := (&Figure{Title: "100,000 points"}).With(&Line{X: x, Y: y})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := f.Write(io.Discard, "png"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSampleSin is adaptive sampling of sin on [0, 2π].
func BenchmarkSampleSin(b *testing.B) {
	for b.Loop() {
		Sample(math.Sin, 0, 2*math.Pi, Sampling{})
	}
}
