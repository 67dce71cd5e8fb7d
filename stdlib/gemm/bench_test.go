package gemm

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// BenchmarkDgemm times C = A·B for the products of a 256×64 → 128 → 1
// network's training step (X·W1, and Xᵀ·Δ for W1's gradient), for those
// of a half of its batch, which a thread computes alone when the tape
// splits the step by rows (128×64·64×128 and 64×128·128×128; their rate
// on one thread is what counts), and for a square 512³, with Dgemm ("calc"), with its portable kernel ("calc-go")
// and with gonum's blas64.Gemm ("gonum"), reporting GFlop/s (2·m·n·k
// flops per product) and, for Dgemm, its percentage of the processor's
// peak ("%peak"): the best rate of 200 products over the best rate of 200
// runs of BenchmarkPeak's FMA loop on GOMAXPROCS threads, the two
// alternating. On a shared machine the best of many short trials is the
// least disturbed, so the ratio holds still where the mean does not.
func BenchmarkDgemm(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, s := range [][3]int{{256, 64, 128}, {256, 128, 64}, {64, 256, 128}, {128, 64, 128}, {64, 128, 128}, {512, 512, 512}} {
		m, k, n := s[0], s[1], s[2]
		a, bm, c := make([]float64, m*k), make([]float64, k*n), make([]float64, m*n)
		for i := range a {
			a[i] = rng.Float64()
		}
		for i := range bm {
			bm[i] = rng.Float64()
		}
		for _, impl := range []struct {
			name string
			mul  func()
		}{
			{"calc", func() { Dgemm(false, false, m, n, k, 1, a, k, bm, n, 0, c, n) }},
			{"calc-go", func() { dgemm(kernelGo, 0, nil, nil, false, false, m, n, k, 1, a, k, bm, n, 0, c, n) }},
			{"gonum", func() {
				blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
					blas64.General{Rows: m, Cols: k, Stride: k, Data: a},
					blas64.General{Rows: k, Cols: n, Stride: n, Data: bm},
					0, blas64.General{Rows: m, Cols: n, Stride: n, Data: c})
			}},
		} {
			b.Run(fmt.Sprintf("%dx%dx%d/%s", m, k, n, impl.name), func(b *testing.B) {
				for b.Loop() {
					impl.mul()
				}
				flops := 2 * float64(m*n*k)
				b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFlop/s")
				if impl.name == "calc" {
					if best, peak := bestRates(impl.mul, flops, 200); peak > 0 {
						b.ReportMetric(100*best/peak, "%peak")
					}
				}
			})
		}
	}
}

// bestRates returns the best rate, in GFlop/s, of trials runs of mul
// (flops each) and of as many runs of the peak loop on GOMAXPROCS
// threads, alternating, each at least about as long as one product and
// 6·10⁶ flops a thread, so that starting the threads does not count.
func bestRates(mul func(), flops float64, trials int) (best, peak float64) {
	threads := runtime.GOMAXPROCS(0)
	steps := max(1<<15, int(flops/192/float64(threads)))
	for range trials {
		start := time.Now()
		mul()
		best = max(best, flops/time.Since(start).Seconds()/1e9)
		peak = max(peak, peakRate(threads, steps))
	}
	return best, peak
}
