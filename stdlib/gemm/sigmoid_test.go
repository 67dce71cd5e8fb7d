package gemm

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// ulps is the distance from got to want in units of want's last place.
func ulps(got, want float64) float64 {
	if got == want || math.IsNaN(got) && math.IsNaN(want) {
		return 0
	}
	a := math.Abs(want)
	return math.Abs(got-want) / (math.Nextafter(a, math.Inf(1)) - a)
}

// logistic is the exactly rounded logistic function, computed with 160-bit
// big.Floats: exp(-|x|) by its Taylor series at -|x|/2^s, squared s times.
func logistic(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 1):
		return 1
	case math.IsInf(x, -1):
		return 0
	}
	const prec = 160
	y := -math.Abs(x)
	s := 0
	for math.Ldexp(y, -s) < -1.0/256 {
		s++
	}
	z := new(big.Float).SetPrec(prec).SetFloat64(math.Ldexp(y, -s))
	e := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := int64(1); i <= 30; i++ {
		term.Mul(term, z)
		term.Quo(term, new(big.Float).SetInt64(i))
		e.Add(e, term)
	}
	for range s {
		e.Mul(e, e)
	}
	den := new(big.Float).SetPrec(prec).SetInt64(1)
	den.Add(den, e)
	num := new(big.Float).SetPrec(prec).SetInt64(1)
	if x < 0 {
		num.Set(e)
	}
	f, _ := num.Quo(num, den).Float64()
	return f
}

// TestSigmoidAccuracy checks Sigmoid within 2 ulp of the exact logistic
// function, over [-750, 750] and magnitudes from 1e-17 to 1100, and
// reports its distance from the float64 formula 1/(1+math.Exp(-x)) (whose
// own error is up to about 2 ulp near 0 and which underflows to 0 below
// -709.8).
func TestSigmoidAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	xs := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		1e-320, -1e-320, 1e-300, -745.2, -745.1, -744.4, -709.8, -708.3, 36.7, 37.5, 710, 750, -750}
	for range 10000 {
		xs = append(xs, 1500*rng.Float64()-750, math.Copysign(math.Exp(-40+47*rng.Float64()), rng.Float64()-0.5))
	}
	for name, f := range sigmoids() {
		got := make([]float64, len(xs))
		f(got, xs)
		worst, at, formula := 0.0, 0.0, 0.0
		for i, x := range xs {
			if u := ulps(got[i], logistic(x)); u > worst || math.IsNaN(u) {
				worst, at = u, x
			}
			if x > -709 {
				formula = max(formula, ulps(got[i], 1/(1+math.Exp(-x))))
			}
		}
		if worst > 2 || math.IsNaN(worst) {
			t.Errorf("%s: %v ulp at x = %v: got %v, want %v", name, worst, at, sigmoid(at), logistic(at))
		}
		t.Logf("%s: worst %.3g ulp (at x = %v); from 1/(1+math.Exp(-x)) %.3g ulp", name, worst, at, formula)
	}
}

// TestSigmoidLengths checks every remainder of the eight-wide loop, and
// that dst may be src.
func TestSigmoidLengths(t *testing.T) {
	for name, f := range sigmoids() {
		for n := range 20 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(i) - 4.5
			}
			want := make([]float64, n)
			for i, v := range x {
				want[i] = logistic(v)
			}
			f(x, x)
			for i := range x {
				if ulps(x[i], want[i]) > 2 {
					t.Errorf("%s n=%d: [%d] = %v, want %v", name, n, i, x[i], want[i])
				}
			}
		}
	}
}

func BenchmarkSigmoid(b *testing.B) {
	x := make([]float64, 256*128)
	for i := range x {
		x[i] = float64(i%200)/10 - 10
	}
	y := make([]float64, len(x))
	for name, f := range sigmoids() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				f(y, x)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
		})
	}
	b.Run("math.Exp", func(b *testing.B) {
		for b.Loop() {
			for i, v := range x {
				y[i] = 1 / (1 + math.Exp(-v))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
	})
}

// TestMul checks Mul and MulAffine against their definitions, to the bit,
// on lengths around the assembly's sixteen, in place and into another
// slice.
func TestMul(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 15, 16, 17, 33, 48, 63, 100} {
		x, y := make([]float64, n), make([]float64, n+2)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		for i := range y {
			y[i] = rng.NormFloat64()
		}
		for _, inPlace := range []bool{false, true} {
			got := make([]float64, n)
			src := x
			if inPlace {
				copy(got, x)
				src = got
			}
			Mul(got, src, y)
			for i := range x {
				if want := x[i] * y[i]; got[i] != want {
					t.Fatalf("n=%d in place %v: Mul[%d] = %v, want %v", n, inPlace, i, got[i], want)
				}
			}
			if inPlace {
				copy(got, x)
			}
			MulAffine(got, src, y, 1, -1)
			for i := range x {
				if want := x[i] * (1 + -1*y[i]); got[i] != want {
					t.Fatalf("n=%d in place %v: MulAffine[%d] = %v, want %v", n, inPlace, i, got[i], want)
				}
			}
		}
	}
}
