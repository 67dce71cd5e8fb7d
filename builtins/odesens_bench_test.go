package builtins

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/integrate"
)

// fitODE is bench/fit_ode_scipy.py's Lotka–Volterra fit in calc: the same
// data (the noise a fixed sequence) and start, with the Jacobian from
// odeint's forward sensitivities.
const fitODE = `
lv(z, t, a, b, c, d) = [a*z[0] - b*z[0]*z[1], -c*z[1] + d*z[0]*z[1]]
t = linspace(0, 15, 31)
data = odeint(lv, [10, 5], t, args=[1.0, 0.1, 1.5, 0.075]) + 0.5*reshape(sin(0.7*range(62)**2), 31, 2)
residuals(p) = reshape(odeint(lv, [10, 5], t, args=(p[0], p[1], p[2], p[3]), mxstep=5000) - data, 62)
start = [0.8, 0.12, 1.2, 0.06]
`

// BenchmarkFitODE times the fit and reports the right-hand side
// evaluations of one fit, plain and with sensitivities, as rhs/op and
// augrhs/op, and the best wall and processor time of one fit as
// best-ns/fit and best-cpu-ns/fit: the statistic bench/fit_ode_scipy.py
// gives scipy, which on a shared machine a mean is not.
func BenchmarkFitODE(b *testing.B) {
	s := NewSession()
	s.Out = &strings.Builder{}
	if _, err := s.Eval(fitODE); err != nil {
		b.Fatal(err)
	}
	plain, aug := rhsCounts.plain.Load(), rhsCounts.augmented.Load()
	cpu := cpuTime()
	best, bestCPU := time.Duration(math.MaxInt64), int64(math.MaxInt64)
	for b.Loop() {
		start, startCPU := time.Now(), cpuTime()
		if _, err := s.Eval("fit = least_squares(residuals, start, bounds=([0, 0, 0, 0], inf))"); err != nil {
			b.Fatal(err)
		}
		best, bestCPU = min(best, time.Since(start)), min(bestCPU, cpuTime()-startCPU)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(best.Nanoseconds()), "best-ns/fit")
	b.ReportMetric(float64(bestCPU), "best-cpu-ns/fit")
	b.ReportMetric(float64(rhsCounts.plain.Load()-plain)/float64(b.N), "rhs/op")
	b.ReportMetric(float64(rhsCounts.augmented.Load()-aug)/float64(b.N), "augrhs/op")
	x, err := s.Eval("fit.x")
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("calc: nfev %v njev %v x %v", must(s.Eval("fit.nfev")), must(s.Eval("fit.njev")), x.Array().Floats())
}

// BenchmarkODESensitivityCost solves Lotka–Volterra at 31 times once
// plainly and once with the sensitivities to its 4 parameters, from the
// same compiled right-hand side by the same method (LSODA) under odeint's
// tolerances, so that the ratio of the two is the cost of the
// sensitivities (the goal: under 1 + 0.5·4 = 3): with the sensitivities
// under the error test (sensitivities) and out of it, as for a fit
// (fit).
func BenchmarkODESensitivityCost(b *testing.B) {
	s := NewSession()
	s.Out = &strings.Builder{}
	lv := must(s.Eval(fitODE + "lv"))
	extra := make([]lang.Value, 4)
	templates := make([]lang.Value, 4)
	for i := range extra {
		extra[i] = lang.Expr(s.Graph().Var(fmt.Sprintf("p%d", i), nil))
		templates[i] = lang.Num(0)
	}
	y0 := lang.Arr(array.Vector([]float64{10, 5}))
	o, y0num := timeFunc(s, lv, y0, templates, false)
	e, _ := newODESensitivity(s, o, y0, y0num, must(s.Eval("t")), extra, lang.Options{})
	solve := func(rhs func(t float64, y, dy []float64), jac func(t float64, y, J []float64), y0, times []float64, aug augmentation) [][]float64 {
		set := &integrate.OdeintSettings{AtolVec: aug.atol(nil, 0, integrate.OdeintTolerance)}
		return must(integrate.Odeint(rhs, jac, y0, times, set)).Y
	}
	p := []float64{1, 0.1, 1.5, 0.075}
	run := func(name string, counter *atomic.Int64, solve func()) {
		b.Run(name, func(b *testing.B) {
			n, cpu := counter.Load(), cpuTime()
			for b.Loop() {
				solve()
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(counter.Load()-n)/float64(b.N), "rhs/op")
		})
	}
	run("plain", &rhsCounts.plain, func() { e.solve(solve, p) })
	run("sensitivities", &rhsCounts.augmented, func() { e.sensitivities(solve, p) })
	run("fit", &rhsCounts.augmented, func() { whileFitting(s, func() { e.sensitivities(solve, p) }) })
}

// cpuTime returns the processor time of the process so far (user and
// system, all threads) in nanoseconds: on a shared machine it moves with
// the work done far less than wall time does.
func cpuTime() int64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic(err)
	}
	return u.Utime.Nano() + u.Stime.Nano()
}

// adjointModel is an n-state linear ODE y' = A·y whose n² entries of A
// are the parameters, fitted at 11 times, with the gradients of the sum
// of squared residuals by the adjoint method (gA) and by forward
// sensitivities (gF).
func adjointModel(n int) string {
	return fmt.Sprintf(`
lin(y, t, a) = dot(reshape(a, %[1]d, %[1]d), y)
ts = linspace(0, 5, 11)
A = -eye(%[1]d) + 0.1*reshape(sin(range(%[2]d)), %[1]d, %[1]d)
data = odeint(lin, ones(%[1]d), ts, args=[reshape(A, %[2]d)]) + 0.01*reshape(cos(range(11*%[1]d)), 11, %[1]d)
L(a, adjoint) = sum((odeint(lin, ones(%[1]d), ts, args=[a], adjoint=adjoint) - data)**2)
gA = grad(a -> L(a, true))
gF = grad(a -> L(a, false))
a0 = reshape(A, %[2]d) + 0.05
a1 = a0 + 0.001
`, n, n*n)
}

// BenchmarkODEAdjoint times the gradient of a scalar loss of an ODE's
// solution by P = 9, 16, 25, 36, 49 and 100 parameters, by the adjoint method
// (adjoint) and by forward sensitivities (forward), side by side, with
// the right-hand side evaluations of each (plain, augmented, adjoint)
// per gradient: the crossing sets adjointThreshold.
func BenchmarkODEAdjoint(b *testing.B) {
	for _, n := range []int{3, 4, 5, 6, 7, 10} {
		b.Run(fmt.Sprintf("P=%d", n*n), func(b *testing.B) { benchmarkODEAdjoint(b, n) })
	}
}

// benchmarkODEAdjoint is BenchmarkODEAdjoint for adjointModel(n).
func benchmarkODEAdjoint(b *testing.B, n int) {
	s := NewSession()
	s.Out = &strings.Builder{}
	must(s.Eval(adjointModel(n)))
	adjoint, forward := must(s.Eval("gA(a0)")).Array().Floats(), must(s.Eval("gF(a0)")).Array().Floats()
	for i := range adjoint {
		if d := adjoint[i] - forward[i]; d*d > 1e-12*(1+forward[i]*forward[i]) {
			b.Fatalf("gradient [%d]: adjoint %g, forward %g", i, adjoint[i], forward[i])
		}
	}
	// Each gradient is at another point than the last, so that no solver
	// node answers from its cache.
	for _, c := range []struct{ name, g string }{{"adjoint", "gA"}, {"forward", "gF"}} {
		b.Run(c.name, func(b *testing.B) {
			plain, aug, adj, cpu := rhsCounts.plain.Load(), rhsCounts.augmented.Load(), rhsCounts.adjoint.Load(), cpuTime()
			srcs := []string{c.g + "(a0)", c.g + "(a1)"}
			for i := 0; b.Loop(); i++ {
				must(s.Eval(srcs[i%2]))
			}
			n := float64(b.N)
			b.ReportMetric(float64(cpuTime()-cpu)/n, "cpu-ns/op")
			b.ReportMetric(float64(rhsCounts.plain.Load()-plain)/n, "rhs/op")
			b.ReportMetric(float64(rhsCounts.augmented.Load()-aug)/n, "augrhs/op")
			b.ReportMetric(float64(rhsCounts.adjoint.Load()-adj)/n, "adjrhs/op")
		})
	}
}
