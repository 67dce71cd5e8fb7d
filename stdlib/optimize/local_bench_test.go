package optimize_test

import (
	"testing"

	"calc/stdlib/optimize"
)

// BenchmarkSeedFmin times Nelder–Mead on the seed problem x² − 4x + 8
// from 1.3 (scipy's fmin: 16 iterations, 32 evaluations).
func BenchmarkSeedFmin(b *testing.B) {
	var r *optimize.Result
	for b.Loop() {
		r, _ = optimize.NelderMead(seed, []float64{1.3}, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N), "µs/op")
	b.ReportMetric(float64(r.FuncEvals), "nfev")
}

// BenchmarkRosenbrock100BFGS times BFGS with the analytic gradient on
// scipy's 100-dimensional Rosenbrock function from the classic start and
// reports the evaluations it needs.
func BenchmarkRosenbrock100BFGS(b *testing.B) {
	x0 := refStart("Rosenbrock chained n=100")
	p := optimize.Problem{Func: rosen, Grad: rosenGrad}
	var r *optimize.Result
	for b.Loop() {
		r, _ = optimize.BFGS(p, x0, nil)
	}
	b.ReportMetric(float64(r.Iterations), "nit")
	b.ReportMetric(float64(r.FuncEvals), "nfev")
	b.ReportMetric(float64(r.GradEvals), "njev")
}
