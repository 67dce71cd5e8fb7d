package fft

import (
	"math/rand/v2"
	"testing"
)

// The FFT lengths of issue 16's speed targets (bench/numerics.sh): a
// power of two and a prime near 10⁵, which goes through Bluestein.
func benchmarkFFT(b *testing.B, n int) {
	r := rand.New(rand.NewPCG(16, 16))
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(r.NormFloat64(), r.NormFloat64())
	}
	FFT(x) // the plan, cached as numpy caches its own
	b.ResetTimer()
	for b.Loop() {
		FFT(x)
	}
}

func BenchmarkFFT2p20(b *testing.B)       { benchmarkFFT(b, 1<<20) }
func BenchmarkFFTPrime99991(b *testing.B) { benchmarkFFT(b, 99991) }
func BenchmarkFFT1024(b *testing.B)       { benchmarkFFT(b, 1024) }
