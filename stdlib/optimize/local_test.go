package optimize_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"calc/stdlib/optimize"
)

// localMinimizers run each local method of this package on a problem
// from x0 with default settings (Newton-CG needs the gradient).
var localMinimizers = map[string]func(p optimize.Problem, x0 []float64) (*optimize.Result, error){
	"NelderMead": func(p optimize.Problem, x0 []float64) (*optimize.Result, error) {
		return optimize.NelderMead(p.Func, x0, nil)
	},
	"Powell": func(p optimize.Problem, x0 []float64) (*optimize.Result, error) {
		return optimize.Powell(p.Func, x0, nil)
	},
	"BFGS": func(p optimize.Problem, x0 []float64) (*optimize.Result, error) { return optimize.BFGS(p, x0, nil) },
	"CG":   func(p optimize.Problem, x0 []float64) (*optimize.Result, error) { return optimize.CG(p, x0, nil) },
	"NewtonCG": func(p optimize.Problem, x0 []float64) (*optimize.Result, error) {
		return optimize.NewtonCG(p, x0, nil)
	},
}

func TestBadStart(t *testing.T) {
	p := optimize.Problem{Func: seed, Grad: seedGrad}
	for name, run := range localMinimizers {
		if _, err := run(p, nil); !errors.Is(err, optimize.ErrDimension) {
			t.Errorf("%s with an empty x0: error %v, want ErrDimension", name, err)
		}
		if _, err := run(p, []float64{math.NaN()}); err == nil {
			t.Errorf("%s with a NaN x0: no error", name)
		}
	}
	if _, err := optimize.NewtonCG(optimize.Problem{Func: seed}, []float64{1}, nil); err == nil {
		t.Error("Newton-CG without a gradient: no error")
	}
	if _, err := optimize.NelderMead(seed, []float64{1}, &optimize.NelderMeadSettings{InitialSimplex: [][]float64{{0}}}); err == nil {
		t.Error("Nelder-Mead with a simplex of one vertex: no error")
	}
	if _, err := optimize.Bounded(func(x float64) float64 { return x }, 1, 0, nil); err == nil {
		t.Error("Bounded with lo > hi: no error")
	}
	if _, err := optimize.Brent(func(x float64) float64 { return x * x }, []float64{-1, 2, 1}, nil); err == nil {
		t.Error("Brent with an unordered bracket: no error")
	}
	if _, err := optimize.Golden(func(x float64) float64 { return x * x }, []float64{1, 2, 3}, nil); err == nil {
		t.Error("Golden with a bracket whose middle value is not the lowest: no error")
	}
	if _, err := optimize.LineSearch(p, []float64{1}, []float64{1, 2}, nil); err == nil {
		t.Error("LineSearch with a direction of another length: no error")
	}
}

// TestNotFinite checks that a NaN or an infinity from the objective stops
// every method with status NotFinite, never a silent answer.
func TestNotFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(-1)} {
		// f is a parabola until x leaves [-5, 5], where it is bad.
		f := func(x []float64) float64 {
			if math.Abs(x[0]) > 5 {
				return bad
			}
			return (x[0] - 7) * (x[0] - 7)
		}
		g := func(x, grad []float64) { grad[0] = 2 * (x[0] - 7) }
		for name, run := range localMinimizers {
			r, err := run(optimize.Problem{Func: f, Grad: g}, []float64{0})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if r.Status != optimize.NotFinite || r.Success || r.Message == "" {
				t.Errorf("%s with %v: status %d, success %v, %q; want NotFinite", name, bad, r.Status, r.Success, r.Message)
			}
			if math.IsNaN(r.F) || math.IsInf(r.F, 0) || math.Abs(r.X[0]) > 5 {
				t.Errorf("%s with %v: reports f(%v) = %v, want the last finite point", name, bad, r.X, r.F)
			}
			if math.IsNaN(bad) && r.Message != optimize.MsgNaN {
				t.Errorf("%s: message %q, want scipy's %q", name, r.Message, optimize.MsgNaN)
			}
		}
		f1 := func(x float64) float64 { return f([]float64{x}) }
		for name, run := range map[string]func() (optimize.ScalarResult, error){
			"Brent":   func() (optimize.ScalarResult, error) { return optimize.Brent(f1, nil, nil) },
			"Golden":  func() (optimize.ScalarResult, error) { return optimize.Golden(f1, nil, nil) },
			"Bounded": func() (optimize.ScalarResult, error) { return optimize.Bounded(f1, 0, 10, nil) },
		} {
			r, err := run()
			if err != nil || r.Status != optimize.NotFinite || r.Success || math.Abs(r.X) > 5 {
				t.Errorf("%s with %v: %+v, %v; want NotFinite at a finite point", name, bad, r, err)
			}
		}
		if r, err := optimize.Bracket(f1, 0, 1, nil); err != nil || r.Status != optimize.NotFinite || r.Success {
			t.Errorf("Bracket with %v: %+v, %v; want NotFinite", bad, r, err)
		}
	}
	nanGrad := optimize.Problem{Func: seed, Grad: func(x, g []float64) { g[0] = math.NaN() }}
	r, _ := optimize.BFGS(nanGrad, []float64{1}, nil)
	if r.Status != optimize.NotFinite || !strings.Contains(r.Message, "gradient") {
		t.Errorf("BFGS with a NaN gradient: %d %q", r.Status, r.Message)
	}
	ls, _ := optimize.LineSearch(optimize.Problem{Func: func(x []float64) float64 {
		if x[0] > 0 {
			return math.NaN()
		}
		return x[0] * x[0]
	}}, []float64{-1}, []float64{4}, nil)
	if ls.Status != optimize.NotFinite || ls.Success {
		t.Errorf("LineSearch into NaN: %+v", ls)
	}
}

// TestLimits checks the statuses and scipy's messages when a limit stops
// a method.
func TestLimits(t *testing.T) {
	x0 := []float64{-1.2, 1}
	r, _ := optimize.NelderMead(rosen, x0, &optimize.NelderMeadSettings{MaxFuncEvals: 50})
	if r.Status != optimize.MaxFuncEvals || r.Message != optimize.MsgMaxFuncEvals || r.FuncEvals != 50 {
		t.Errorf("Nelder-Mead: %d %q after %d evaluations", r.Status, r.Message, r.FuncEvals)
	}
	r, _ = optimize.NelderMead(rosen, x0, &optimize.NelderMeadSettings{MaxIter: 10})
	if r.Status != optimize.MaxIterations || r.Message != optimize.MsgMaxIter || r.Iterations != 10 {
		t.Errorf("Nelder-Mead: %d %q after %d iterations", r.Status, r.Message, r.Iterations)
	}
	r, _ = optimize.Powell(rosen, x0, &optimize.PowellSettings{MaxFuncEvals: 100})
	if r.Status != optimize.MaxFuncEvals || r.FuncEvals != 100 || r.F >= rosen(x0) {
		t.Errorf("Powell: %d %q after %d evaluations, f = %g", r.Status, r.Message, r.FuncEvals, r.F)
	}
	p := optimize.Problem{Func: rosen, Grad: rosenGrad}
	r, _ = optimize.BFGS(p, x0, &optimize.GradientSettings{MaxIter: 5})
	if r.Status != optimize.MaxIterations || r.Message != optimize.MsgMaxIter || r.Iterations != 5 {
		t.Errorf("BFGS: %d %q after %d iterations", r.Status, r.Message, r.Iterations)
	}
	r, _ = optimize.CG(p, x0, &optimize.GradientSettings{MaxIter: 5})
	if r.Status != optimize.MaxIterations || r.Iterations != 5 {
		t.Errorf("CG: %d %q after %d iterations", r.Status, r.Message, r.Iterations)
	}
	if _, err := optimize.CG(p, x0, &optimize.GradientSettings{XRTol: 1e-3}); err == nil {
		t.Error("CG accepted XRTol, which only BFGS reads")
	}
	r, _ = optimize.NewtonCG(p, x0, &optimize.NewtonCGSettings{MaxIter: 5})
	if r.Status != optimize.MaxIterations || r.Message != "Warning: "+optimize.MsgMaxIter {
		t.Errorf("Newton-CG: %d %q after %d iterations", r.Status, r.Message, r.Iterations)
	}
	s, _ := optimize.Bounded(func(x float64) float64 { return math.Abs(x - 0.3) }, -1, 1, &optimize.BoundedSettings{MaxFuncEvals: 5})
	if s.Status != optimize.MaxFuncEvals || s.FuncEvals != 5 || s.Message != "Maximum number of function calls reached." {
		t.Errorf("Bounded: %+v", s)
	}
	s, _ = optimize.Brent(func(x float64) float64 { return math.Abs(x - 0.3) }, nil, &optimize.BrentSettings{MaxIter: 3})
	if s.Status != optimize.MaxIterations || s.Message != "\nMaximum number of iterations exceeded" {
		t.Errorf("Brent: %+v", s)
	}
}

func TestKeepPath(t *testing.T) {
	x0 := []float64{-1.2, 1}
	p := optimize.Problem{Func: rosen, Grad: rosenGrad}
	for name, r := range map[string]func() (*optimize.Result, error){
		"NelderMead": func() (*optimize.Result, error) {
			return optimize.NelderMead(rosen, x0, &optimize.NelderMeadSettings{KeepPath: true})
		},
		"Powell": func() (*optimize.Result, error) {
			return optimize.Powell(rosen, x0, &optimize.PowellSettings{KeepPath: true})
		},
		"BFGS": func() (*optimize.Result, error) {
			return optimize.BFGS(p, x0, &optimize.GradientSettings{KeepPath: true})
		},
		"CG": func() (*optimize.Result, error) {
			return optimize.CG(p, x0, &optimize.GradientSettings{KeepPath: true})
		},
		"NewtonCG": func() (*optimize.Result, error) {
			return optimize.NewtonCG(p, x0, &optimize.NewtonCGSettings{KeepPath: true})
		},
	} {
		res, _ := r()
		want := res.Iterations + 1
		if name == "NelderMead" {
			want = res.Iterations // scipy counts the first iteration before any move
		}
		if len(res.Path) != want || res.Path[0][0] != x0[0] {
			t.Errorf("%s: path of %d points from %v after %d iterations", name, len(res.Path), res.Path[0], res.Iterations)
		}
	}
}

func TestApproxGrad(t *testing.T) {
	x := []float64{-1.2, 1}
	g, n := optimize.ApproxGrad(rosen, x, 0)
	want := make([]float64, 2)
	rosenGrad(x, want)
	if n != 3 {
		t.Errorf("%d evaluations, want 3", n)
	}
	for i := range g {
		if math.Abs(g[i]-want[i]) > 1e-5*math.Abs(want[i]) {
			t.Errorf("∂f/∂x%d = %v, want %v", i, g[i], want[i])
		}
	}
	// A step too small to move a huge x falls back to a relative one.
	g, _ = optimize.ApproxGrad(func(x []float64) float64 { return x[0] * x[0] }, []float64{1e20}, 1e-8)
	if math.Abs(g[0]-2e20) > 1e13 {
		t.Errorf("d(x²)/dx at 1e20 = %g, want 2e20", g[0])
	}
}
