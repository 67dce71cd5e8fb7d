package optimize

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestTNCProblems(t *testing.T) {
	scipy := consScipy(t)
	// Where our runs part from scipy's: HS 5's sin is Go's math.Sin, which
	// differs from glibc's in the last bit, and forward differences
	// magnify that; HS 38 follows scipy's evaluations exactly for 185
	// evaluations and then takes another CG step, both runs ending at
	// the evaluation limit far from the optimum.
	loose := map[string]bool{"hs5": true, "hs38": true}
	for _, p := range consBoundProblems() {
		res, err := TNC(Problem{Func: p.f, Grad: p.grad}, p.x0, p.bounds, nil)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		want := scipy["TNC/"+p.name]
		name := "TNC/" + p.name
		switch {
		case p.name == "hs38":
			if res.Status != MaxFuncEvals || res.Message != want.Message || res.F > 3 {
				t.Errorf("%s: %v %q f = %g", name, res.Status, res.Message, res.F)
			}
			t.Logf("%-28s nit %4d/%4d nfev %4d/%4d f %.10g/%.10g", name, res.Iterations, want.Nit, res.FuncEvals, want.Nfev, res.F, want.Fun)
			continue
		case want.Success:
			consCheckOptimum(t, p, res, 1e-4, 1e-7)
		}
		if loose[p.name] {
			consCheckScipy(t, name, res, want, 1e-4, 1e-9, false)
		} else {
			consCheckScipy(t, name, res, want, 1e-6, 1e-9, true)
		}
	}
	// TNC's default evaluation limit, 1000, stops it on the 100-dimensional
	// Rosenbrock function, in scipy too.
	res, err := TNC(Problem{Func: consRosen, Grad: consRosenGrad}, consRosen100X0(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := scipy["TNC/rosen100"]
	if res.Status != MaxFuncEvals || res.Message != want.Message || res.FuncEvals != want.Nfev || res.F > want.Fun {
		t.Errorf("rosen100: %v %q after %d evaluations, f = %g", res.Status, res.Message, res.FuncEvals, res.F)
	}
	t.Logf("%-28s nit %4d/%4d nfev %4d/%4d f %.10g/%.10g", "TNC/rosen100", res.Iterations, want.Nit, res.FuncEvals, want.Nfev, res.F, want.Fun)
	res, _ = TNC(Problem{Func: consRosen, Grad: consRosenGrad}, consRosen100X0(), nil, &TNCSettings{MaxFuncEvals: 15000})
	if !res.Success || math.Abs(res.F) > 1e-5 {
		t.Errorf("rosen100 with 15000 evaluations: %q f = %g", res.Message, res.F)
	}
}

func TestTNCFailures(t *testing.T) {
	f := Problem{Func: consSeed}
	if _, err := TNC(f, []float64{1}, consBounds([]float64{2}, []float64{1}), nil); !errors.Is(err, ErrInfeasibleBounds) {
		t.Errorf("infeasible bounds: %v", err)
	}
	res, _ := TNC(f, []float64{1}, consBounds([]float64{2}, []float64{2}), nil)
	if res.Success || res.Message != "All lower bounds are equal to the upper bounds" || res.X[0] != 2 {
		t.Errorf("fixed: %q %v", res.Message, res.X)
	}
	nan := Problem{Func: func(x []float64) float64 {
		if x[0] > 1.5 {
			return math.NaN()
		}
		return consSeed(x)
	}}
	res, err := TNC(nan, []float64{1.3}, nil, nil)
	if err != nil || res.Status != NotFinite || res.Success {
		t.Errorf("NaN objective: %+v, %v", res, err)
	}
	res, _ = TNC(Problem{Func: consRosen, Grad: consRosenGrad}, []float64{-1.2, 1}, nil, &TNCSettings{MaxFuncEvals: 10})
	if res.Status != MaxFuncEvals || res.Success {
		t.Errorf("maxfun: %v %q", res.Status, res.Message)
	}
}

func ExampleTNC() {
	// HS 45: 2 - x₁x₂x₃x₄x₅/120 with 0 <= x_i <= i; the optimum is the
	// upper corner.
	f := func(x []float64) float64 { return 2 - x[0]*x[1]*x[2]*x[3]*x[4]/120 }
	box := &Bounds{Lower: make([]float64, 5), Upper: []float64{1, 2, 3, 4, 5}}
	res, err := TNC(Problem{Func: f}, []float64{1, 2, 2, 2, 2}, box, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.X, res.F, res.Message)
	// Output:
	// [1 2 3 4 5] 1 Local minimum reached (|pg| ~= 0)
}
