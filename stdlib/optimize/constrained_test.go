package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// consProblem is a test problem with bounds or constraints and its
// published optimum. The Hock–Schittkowski problems (hsN) are from
// W. Hock and K. Schittkowski, Test Examples for Nonlinear Programming
// Codes, Lecture Notes in Economics and Mathematical Systems 187,
// Springer 1981; testdata/scipy_constrained.py defines the same problems
// for scipy.
type consProblem struct {
	name   string
	f      Func
	grad   Grad
	x0     []float64
	bounds *Bounds
	cons   []Constraint
	xstar  []float64 // nil where the optimum is not unique or not published
	fstar  float64
}

var inf = math.Inf(1)

func consSeed(x []float64) float64 { return x[0]*x[0] - 4*x[0] + 8 }

// consSq squares by multiplying, as the problems in the scipy script do.
func consSq(v float64) float64 { return v * v }

func consSeedGrad(x, g []float64) { g[0] = 2*x[0] - 4 }

// consRosen is scipy.optimize.rosen, summed pairwise as numpy sums, so
// that runs can follow scipy's iterates to the last bit.
func consRosen(x []float64) float64 {
	terms := make([]float64, len(x)-1)
	for i := range terms {
		a, b := x[i+1]-x[i]*x[i], 1-x[i]
		terms[i] = 100*(a*a) + b*b
	}
	return consPairwiseSum(terms)
}

// consPairwiseSum is numpy's pairwise summation: eight running sums over
// blocks of at most 128 numbers, halving larger arrays.
func consPairwiseSum(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		s := 0.0
		for _, v := range a {
			s += v
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for k := range r {
				r[k] += a[i+k]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += a[i]
		}
		return s
	}
	n2 := n / 2
	n2 -= n2 % 8
	return consPairwiseSum(a[:n2]) + consPairwiseSum(a[n2:])
}

// consRosenGrad is scipy.optimize.rosen_der, with its order of operations.
func consRosenGrad(x, g []float64) {
	n := len(x)
	for i := 1; i < n-1; i++ {
		g[i] = 200*(x[i]-x[i-1]*x[i-1]) - 400*(x[i+1]-x[i]*x[i])*x[i] - 2*(1-x[i])
	}
	g[0] = -400*x[0]*(x[1]-x[0]*x[0]) - 2*(1-x[0])
	g[n-1] = 200 * (x[n-1] - x[n-2]*x[n-2])
}

func consRosen100X0() []float64 {
	x := make([]float64, 100)
	for i := range x {
		x[i] = 1
		if i%2 == 0 {
			x[i] = -1.2
		}
	}
	return x
}

func consIneq(f func(x []float64) float64) Constraint {
	return Constraint{Kind: Ineq, Len: 1, Func: func(x, c []float64) { c[0] = f(x) }}
}

func consEq(f func(x []float64) float64) Constraint {
	return Constraint{Kind: Eq, Len: 1, Func: func(x, c []float64) { c[0] = f(x) }}
}

func consBounds(lo, up []float64) *Bounds { return &Bounds{Lower: lo, Upper: up} }

// consBoundProblems are the bound-constrained problems of L-BFGS-B and
// TNC.
func consBoundProblems() []consProblem {
	hs38 := func(x []float64) float64 {
		return 100*consSq(x[1]-x[0]*x[0]) + consSq(1-x[0]) +
			90*consSq(x[3]-x[2]*x[2]) + consSq(1-x[2]) +
			10.1*(consSq(x[1]-1)+consSq(x[3]-1)) + 19.8*(x[1]-1)*(x[3]-1)
	}
	rosenBox := consBounds([]float64{-2, -2}, []float64{0.5, 2})
	return []consProblem{
		{name: "seed", f: consSeed, x0: []float64{1.3}, xstar: []float64{2}, fstar: 4},
		{name: "seed_grad", f: consSeed, grad: consSeedGrad, x0: []float64{1.3}, xstar: []float64{2}, fstar: 4},
		{name: "seed_bounded", f: consSeed, x0: []float64{4.5}, bounds: consBounds([]float64{3}, []float64{5}), xstar: []float64{3}, fstar: 5},
		{name: "rosen2_bounded", f: consRosen, grad: consRosenGrad, x0: []float64{-1.2, 1}, bounds: rosenBox, xstar: []float64{0.5, 0.25}, fstar: 0.25},
		{name: "rosen2_bounded_fd", f: consRosen, x0: []float64{-1.2, 1}, bounds: rosenBox, xstar: []float64{0.5, 0.25}, fstar: 0.25},
		{name: "hs1", f: consRosen, grad: consRosenGrad, x0: []float64{-2, 1},
			bounds: consBounds([]float64{-inf, -1.5}, nil), xstar: []float64{1, 1}, fstar: 0},
		{name: "hs3", f: func(x []float64) float64 { return x[1] + 1e-5*consSq(x[1]-x[0]) },
			x0: []float64{10, 1}, bounds: consBounds([]float64{-inf, 0}, nil), xstar: []float64{0, 0}, fstar: 0},
		{name: "hs4", f: func(x []float64) float64 { return (x[0]+1)*(x[0]+1)*(x[0]+1)/3 + x[1] },
			x0: []float64{1.125, 0.125}, bounds: consBounds([]float64{1, 0}, nil), xstar: []float64{1, 0}, fstar: 8.0 / 3},
		{name: "hs5", f: func(x []float64) float64 {
			return math.Sin(x[0]+x[1]) + consSq(x[0]-x[1]) - 1.5*x[0] + 2.5*x[1] + 1
		}, x0: []float64{0, 0}, bounds: consBounds([]float64{-1.5, -3}, []float64{4, 3}),
			xstar: []float64{0.5 - math.Pi/3, -0.5 - math.Pi/3}, fstar: -math.Sqrt(3)/2 - math.Pi/3},
		{name: "hs38", f: hs38, x0: []float64{-3, -1, -3, -1},
			bounds: consBounds([]float64{-10, -10, -10, -10}, []float64{10, 10, 10, 10}), xstar: []float64{1, 1, 1, 1}, fstar: 0},
		{name: "hs45", f: func(x []float64) float64 { return 2 - x[0]*x[1]*x[2]*x[3]*x[4]/120 },
			x0: []float64{1, 2, 2, 2, 2}, bounds: consBounds(make([]float64, 5), []float64{1, 2, 3, 4, 5}),
			xstar: []float64{1, 2, 3, 4, 5}, fstar: 1},
	}
}

// consConstrainedProblems are the problems with general constraints of
// SLSQP and COBYLA.
func consConstrainedProblems() []consProblem {
	return []consProblem{
		{name: "seed", f: consSeed, x0: []float64{1.3}, xstar: []float64{2}, fstar: 4},
		{name: "hs21", f: func(x []float64) float64 { return 0.01*x[0]*x[0] + x[1]*x[1] - 100 },
			x0: []float64{-1, -1}, bounds: consBounds([]float64{2, -50}, []float64{50, 50}),
			cons:  []Constraint{consIneq(func(x []float64) float64 { return 10*x[0] - x[1] - 10 })},
			xstar: []float64{2, 0}, fstar: -99.96},
		{name: "hs35", f: func(x []float64) float64 {
			return 9 - 8*x[0] - 6*x[1] - 4*x[2] + 2*x[0]*x[0] + 2*x[1]*x[1] + x[2]*x[2] + 2*x[0]*x[1] + 2*x[0]*x[2]
		}, grad: func(x, g []float64) {
			g[0] = -8 + 4*x[0] + 2*x[1] + 2*x[2]
			g[1] = -6 + 4*x[1] + 2*x[0]
			g[2] = -4 + 2*x[2] + 2*x[0]
		}, x0: []float64{0.5, 0.5, 0.5}, bounds: consBounds(make([]float64, 3), nil),
			cons:  []Constraint{consIneq(func(x []float64) float64 { return 3 - x[0] - x[1] - 2*x[2] })},
			xstar: []float64{4.0 / 3, 7.0 / 9, 4.0 / 9}, fstar: 1.0 / 9},
		{name: "hs71", f: func(x []float64) float64 { return x[0]*x[3]*(x[0]+x[1]+x[2]) + x[2] },
			x0: []float64{1, 5, 5, 1}, bounds: consBounds([]float64{1, 1, 1, 1}, []float64{5, 5, 5, 5}),
			cons: []Constraint{
				consIneq(func(x []float64) float64 { return x[0]*x[1]*x[2]*x[3] - 25 }),
				consEq(func(x []float64) float64 { return x[0]*x[0] + x[1]*x[1] + x[2]*x[2] + x[3]*x[3] - 40 }),
			},
			xstar: []float64{1, 4.7429994, 3.8211503, 1.3794082}, fstar: 17.0140173},
		{name: "hs76", f: func(x []float64) float64 {
			return x[0]*x[0] + 0.5*x[1]*x[1] + x[2]*x[2] + 0.5*x[3]*x[3] - x[0]*x[2] + x[2]*x[3] - x[0] - 3*x[1] + x[2] - x[3]
		}, x0: []float64{0.5, 0.5, 0.5, 0.5}, bounds: consBounds(make([]float64, 4), nil),
			cons: []Constraint{
				consIneq(func(x []float64) float64 { return 5 - x[0] - 2*x[1] - x[2] - x[3] }),
				consIneq(func(x []float64) float64 { return 4 - 3*x[0] - x[1] - 2*x[2] + x[3] }),
				consIneq(func(x []float64) float64 { return x[1] + 4*x[2] - 1.5 }),
			},
			xstar: []float64{0.2727273, 2.090909, 0, 0.5454545}, fstar: -4.681818181},
		{name: "tutorial", f: func(x []float64) float64 { return consSq(x[0]-1) + consSq(x[1]-2.5) },
			x0: []float64{2, 0}, bounds: consBounds(make([]float64, 2), nil),
			cons: []Constraint{
				consIneq(func(x []float64) float64 { return x[0] - 2*x[1] + 2 }),
				consIneq(func(x []float64) float64 { return -x[0] - 2*x[1] + 6 }),
				consIneq(func(x []float64) float64 { return -x[0] + 2*x[1] + 2 }),
			},
			xstar: []float64{1.4, 1.7}, fstar: 0.8},
	}
}

// consScipyRun is one record of testdata/scipy_constrained.json.
type consScipyRun struct {
	X       []float64 `json:"x"`
	Fun     float64   `json:"fun"`
	Nit     int       `json:"nit"`
	Nfev    int       `json:"nfev"`
	Njev    int       `json:"njev"`
	Status  int       `json:"status"`
	Message string    `json:"message"`
	Success bool      `json:"success"`
	Rnorm   float64   `json:"rnorm"`
	A       [][]float64
	B       []float64 `json:"b"`
}

func consScipy(t testing.TB) map[string]consScipyRun {
	t.Helper()
	data, err := os.ReadFile("testdata/scipy_constrained.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	runs := make(map[string]consScipyRun)
	for k, v := range raw {
		if k == "scipy" {
			continue
		}
		var r consScipyRun
		if err := json.Unmarshal(v, &r); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		runs[k] = r
	}
	return runs
}

// consCheckOptimum checks a result against the published optimum.
func consCheckOptimum(t *testing.T, p consProblem, res *Result, xtol, ftol float64) {
	t.Helper()
	if math.Abs(res.F-p.fstar) > ftol*math.Max(1, math.Abs(p.fstar)) {
		t.Errorf("%s: f = %.10g, want %.10g", p.name, res.F, p.fstar)
	}
	for i := range p.xstar {
		if math.Abs(res.X[i]-p.xstar[i]) > xtol*math.Max(1, math.Abs(p.xstar[i])) {
			t.Errorf("%s: x = %v, want %v", p.name, res.X, p.xstar)
			break
		}
	}
}

// consCheckScipy compares a result with scipy's: the values to xtol and
// ftol, and the message, status and, where counts is set, the counts
// exactly.
func consCheckScipy(t *testing.T, name string, res *Result, want consScipyRun, xtol, ftol float64, counts bool) {
	t.Helper()
	if math.Abs(res.F-want.Fun) > ftol*math.Max(1, math.Abs(want.Fun)) {
		t.Errorf("%s: f = %.12g, scipy %.12g", name, res.F, want.Fun)
	}
	for i := range want.X {
		if math.Abs(res.X[i]-want.X[i]) > xtol*math.Max(1, math.Abs(want.X[i])) {
			t.Errorf("%s: x[%d] = %.10g, scipy %.10g", name, i, res.X[i], want.X[i])
			break
		}
	}
	if res.Message != want.Message || res.Success != want.Success {
		t.Errorf("%s: %q (success %v), scipy %q (%v)", name, res.Message, res.Success, want.Message, want.Success)
	}
	if counts && (res.Iterations != want.Nit || res.FuncEvals != want.Nfev) {
		t.Errorf("%s: nit %d nfev %d, scipy nit %d nfev %d", name, res.Iterations, res.FuncEvals, want.Nit, want.Nfev)
	}
	t.Logf("%-28s nit %4d/%4d nfev %4d/%4d njev %4d/%4d f %.10g/%.10g", name,
		res.Iterations, want.Nit, res.FuncEvals, want.Nfev, res.GradEvals, want.Njev, res.F, want.Fun)
}
