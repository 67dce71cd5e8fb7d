package gemm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// kernels lists the micro-kernels this CPU can run, for the tests to check
// each of them.
func kernels() map[string]kernel {
	ks := map[string]kernel{"go": kernelGo}
	if hasAVX2FMA {
		ks["fma"] = kernelFMA
	}
	if hasAVX512 {
		ks["avx512"] = kernelAVX512
	}
	return ks
}

// sigmoids lists the implementations of Sigmoid this CPU can run.
func sigmoids() map[string]func(dst, src []float64) {
	fs := map[string]func(dst, src []float64){"go": sigmoidGo}
	if hasAVX2FMA {
		fs["fma"] = sigmoidFMA
	}
	if hasAVX512DQ {
		fs["avx512"] = sigmoidAVX512
	}
	return fs
}

// TestAxpyUnit checks that axpyUnit adds alpha·u[i] to y[i] with one
// rounding (a fused multiply-add) on every element that its vector loops
// take, on lengths that use the 32-wide loop, the 16-wide one, or both.
func TestAxpyUnit(t *testing.T) {
	if !hasAVX2FMA {
		t.Skip("no FMA")
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{16, 32, 48, 64, 80, 128} {
		u, y := make([]float64, n), make([]float64, n)
		for i := range u {
			u[i], y[i] = rng.NormFloat64(), rng.NormFloat64()
		}
		got := append([]float64(nil), y...)
		axpyUnit(0.3, u, got)
		for i := range y {
			if want := math.FMA(0.3, u[i], y[i]); got[i] != want {
				t.Fatalf("n=%d: y[%d] = %v, want %v", n, i, got[i], want)
			}
		}
	}
}

// TestAxpyRows checks that the matrix-vector product by columns (y +=
// alpha·x_q·row q for each row q) gives axpyUnit's sums row after row to
// the bit, on lengths that axpyRows takes whole or leaves a tail of, with
// strided x and rows longer than y.
func TestAxpyRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, c := range []struct{ n, rows, incx, ld int }{{32, 1, 1, 32}, {40, 7, 2, 41}, {128, 256, 1, 128}, {100, 33, 3, 128}, {16, 5, 1, 16}} {
		x, mat, y := make([]float64, c.rows*c.incx), make([]float64, c.rows*c.ld), make([]float64, c.n)
		for _, s := range [][]float64{x, mat, y} {
			for i := range s {
				s[i] = rng.NormFloat64()
			}
		}
		want := append([]float64(nil), y...)
		for q := range c.rows {
			axpyUnit(0.7*x[q*c.incx], mat[q*c.ld:q*c.ld+c.n], want)
		}
		got := append([]float64(nil), y...)
		done := axpyRows(0.7, x, c.incx, mat, c.ld, c.rows, got)
		for q := range c.rows {
			axpyUnit(0.7*x[q*c.incx], mat[q*c.ld+done:q*c.ld+c.n], got[done:])
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%+v: y[%d] = %v, want %v (axpyRows did %d)", c, i, got[i], want[i], done)
			}
		}
	}
}
