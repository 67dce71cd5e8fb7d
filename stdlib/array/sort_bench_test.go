package array

import (
	"math/rand/v2"
	"testing"
)

// The sizes of issue 16's speed targets; bench/numerics.sh runs these
// beside numpy's timings of the same work.
func randomVector(n int) *Array {
	r := rand.New(rand.NewPCG(16, 16))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	return Vector(x)
}

func BenchmarkSort1e7(b *testing.B) {
	x := randomVector(1e7)
	for b.Loop() {
		Sort(x, -1)
	}
}

func BenchmarkArgsort1e7(b *testing.B) {
	x := randomVector(1e7)
	for b.Loop() {
		Argsort(x, -1)
	}
}

func BenchmarkMedian1e7(b *testing.B) {
	x := randomVector(1e7)
	for b.Loop() {
		Median(x, AllAxes)
	}
}
