package fft

import (
	"math/rand/v2"
	"testing"
)

// The FFT lengths of issue 16's speed targets (bench/numerics.sh): a
// power of two and a prime near 10⁵, which goes through Bluestein, and
// small lengths, where numpy's per-call overhead dominates its time.
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
func BenchmarkFFT64(b *testing.B)         { benchmarkFFT(b, 64) }
func BenchmarkFFT8(b *testing.B)          { benchmarkFFT(b, 8) }

// benchmarkRFFT is the real transform of n normal samples.
func benchmarkRFFT(b *testing.B, n int) {
	r := rand.New(rand.NewPCG(16, 16))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	RFFT(x)
	b.ResetTimer()
	for b.Loop() {
		RFFT(x)
	}
}

func BenchmarkRFFT1024(b *testing.B) { benchmarkRFFT(b, 1024) }
func BenchmarkRFFT64(b *testing.B)   { benchmarkRFFT(b, 64) }

// BenchmarkPlanForward1024 is FFT1024's transform without the allocation
// of its result: a plan's Forward into a slice kept from call to call. In
// a benchmark whose live heap is nearly empty, allocating the fresh 16 KB
// result (and the collections and page faults that come with it) can
// cost more than the transform.
func BenchmarkPlanForward1024(b *testing.B) {
	r := rand.New(rand.NewPCG(16, 16))
	x, out := make([]complex128, 1024), make([]complex128, 1024)
	for i := range x {
		x[i] = complex(r.NormFloat64(), r.NormFloat64())
	}
	p := NewPlan(len(x))
	for b.Loop() {
		p.Forward(out, x)
	}
}
