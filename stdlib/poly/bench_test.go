package poly

import (
	"math"
	"math/rand/v2"
	"testing"
)

// BenchmarkPolyfit5on1e6 fits a quintic to 10⁶ noisy points, one of
// issue 16's speed targets (bench/numerics.sh).
func BenchmarkPolyfit5on1e6(b *testing.B) {
	r := rand.New(rand.NewPCG(16, 16))
	n := 1000000
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = -1 + 2*float64(i)/float64(n-1)
		y[i] = math.Sin(3*x[i]) + 0.01*r.NormFloat64()
	}
	for b.Loop() {
		if _, err := Fit(x, y, nil, 5); err != nil {
			b.Fatal(err)
		}
	}
}
