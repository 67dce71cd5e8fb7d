package gemm

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// peakLoops lists the FMA loops this CPU can run, with their flops a step.
func peakLoops() map[string]struct {
	loop  func(n int)
	flops float64
} {
	m := map[string]struct {
		loop  func(n int)
		flops float64
	}{}
	if hasAVX2FMA {
		m["avx2"] = struct {
			loop  func(n int)
			flops float64
		}{peakAVX2, 96}
	}
	if hasAVX512 {
		m["avx512"] = struct {
			loop  func(n int)
			flops float64
		}{peakAVX512, 192}
	}
	return m
}

// peakRate returns the flop rate, in GFlop/s, of threads goroutines (the
// calling one among them) each running steps of the widest FMA loop.
func peakRate(threads, steps int) float64 {
	best := peakLoops()["avx2"]
	if l, ok := peakLoops()["avx512"]; ok {
		best = l
	}
	var wg sync.WaitGroup
	start := time.Now()
	for range threads - 1 {
		wg.Go(func() { best.loop(steps) })
	}
	best.loop(steps)
	wg.Wait()
	return float64(threads) * float64(steps) * best.flops / time.Since(start).Seconds() / 1e9
}

// BenchmarkPeak measures the processor's peak flop rate with a tight loop
// of independent FMAs, on one thread and on GOMAXPROCS: the yardstick of
// BenchmarkDgemm's "%peak".
func BenchmarkPeak(b *testing.B) {
	for name, l := range peakLoops() {
		for _, threads := range []int{1, runtime.GOMAXPROCS(0)} {
			b.Run(fmt.Sprintf("%s/threads=%d", name, threads), func(b *testing.B) {
				const steps = 1 << 20
				for b.Loop() {
					var wg sync.WaitGroup
					for range threads {
						wg.Go(func() { l.loop(steps) })
					}
					wg.Wait()
				}
				b.ReportMetric(float64(b.N*threads*steps)*l.flops/b.Elapsed().Seconds()/1e9, "GFlop/s")
			})
		}
	}
}
