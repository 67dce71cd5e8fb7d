package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// hsProblems are Hock–Schittkowski problems (Test Examples for Nonlinear
// Programming Codes, 1981) with their published solutions.
var hsProblems = []struct {
	name string
	f    Func
	g    Grad
	cons []Constraint
	lo   []float64
	up   []float64
	x0   []float64
	x    []float64
	fx   float64
}{
	{"hs006", func(x []float64) float64 { return sq(1 - x[0]) }, func(x, g []float64) { g[0], g[1] = -2*(1-x[0]), 0 },
		[]Constraint{{Kind: Eq, Len: 1, Func: func(x, c []float64) { c[0] = 10 * (x[1] - x[0]*x[0]) },
			Jac: func(x, j []float64) { j[0], j[1] = -20*x[0], 10 }}},
		nil, nil, []float64{-1.2, 1}, []float64{1, 1}, 0},
	{"hs035", func(x []float64) float64 {
		return 9 - 8*x[0] - 6*x[1] - 4*x[2] + 2*x[0]*x[0] + 2*x[1]*x[1] + x[2]*x[2] + 2*x[0]*x[1] + 2*x[0]*x[2]
	}, func(x, g []float64) {
		g[0] = -8 + 4*x[0] + 2*x[1] + 2*x[2]
		g[1] = -6 + 4*x[1] + 2*x[0]
		g[2] = -4 + 2*x[2] + 2*x[0]
	}, []Constraint{{Kind: Ineq, Len: 1, Func: func(x, c []float64) { c[0] = 3 - x[0] - x[1] - 2*x[2] },
		Jac: func(x, j []float64) { j[0], j[1], j[2] = -1, -1, -2 }}},
		[]float64{0, 0, 0}, []float64{math.Inf(1), math.Inf(1), math.Inf(1)}, []float64{0.5, 0.5, 0.5},
		[]float64{4.0 / 3, 7.0 / 9, 4.0 / 9}, 1.0 / 9},
	{"hs021", func(x []float64) float64 { return 0.01*x[0]*x[0] + x[1]*x[1] - 100 }, func(x, g []float64) { g[0], g[1] = 0.02*x[0], 2*x[1] },
		[]Constraint{{Kind: Ineq, Len: 1, Func: func(x, c []float64) { c[0] = 10*x[0] - x[1] - 10 },
			Jac: func(x, j []float64) { j[0], j[1] = 10, -1 }}},
		[]float64{2, -50}, []float64{50, 50}, []float64{-1, -1}, []float64{2, 0}, -99.96},
	{"hs071", func(x []float64) float64 { return x[0]*x[3]*(x[0]+x[1]+x[2]) + x[2] }, func(x, g []float64) {
		g[0] = x[3]*(x[0]+x[1]+x[2]) + x[0]*x[3]
		g[1] = x[0] * x[3]
		g[2] = x[0]*x[3] + 1
		g[3] = x[0] * (x[0] + x[1] + x[2])
	}, []Constraint{
		{Kind: Ineq, Len: 1, Func: func(x, c []float64) { c[0] = x[0]*x[1]*x[2]*x[3] - 25 },
			Jac: func(x, j []float64) {
				j[0], j[1], j[2], j[3] = x[1]*x[2]*x[3], x[0]*x[2]*x[3], x[0]*x[1]*x[3], x[0]*x[1]*x[2]
			}},
		{Kind: Eq, Len: 1, Func: func(x, c []float64) { c[0] = x[0]*x[0] + x[1]*x[1] + x[2]*x[2] + x[3]*x[3] - 40 },
			Jac: func(x, j []float64) { j[0], j[1], j[2], j[3] = 2*x[0], 2*x[1], 2*x[2], 2*x[3] }},
	}, []float64{1, 1, 1, 1}, []float64{5, 5, 5, 5}, []float64{1, 5, 5, 1},
		[]float64{1, 4.742999643, 3.821149978, 1.379408293}, 17.0140173},
	{"hs043", func(x []float64) float64 {
		return x[0]*x[0] + x[1]*x[1] + 2*x[2]*x[2] + x[3]*x[3] - 5*x[0] - 5*x[1] - 21*x[2] + 7*x[3]
	}, func(x, g []float64) {
		g[0], g[1], g[2], g[3] = 2*x[0]-5, 2*x[1]-5, 4*x[2]-21, 2*x[3]+7
	}, []Constraint{{Kind: Ineq, Len: 3, Func: func(x, c []float64) {
		c[0] = 8 - x[0]*x[0] - x[1]*x[1] - x[2]*x[2] - x[3]*x[3] - x[0] + x[1] - x[2] + x[3]
		c[1] = 10 - x[0]*x[0] - 2*x[1]*x[1] - x[2]*x[2] - 2*x[3]*x[3] + x[0] + x[3]
		c[2] = 5 - 2*x[0]*x[0] - x[1]*x[1] - x[2]*x[2] - 2*x[0] + x[1] + x[3]
	}}}, nil, nil, []float64{0, 0, 0, 0}, []float64{0, 1, 2, -1}, -44},
}

// TestTrustConstrHS solves Hock–Schittkowski problems with equations,
// inequalities and bounds, to their published solutions and to scipy
// 1.10's trust-constr answers (testdata/scipy_trustconstr.py), logging the
// iterations beside scipy's.
func TestTrustConstrHS(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_trustconstr.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Name      string
			X         []float64
			Fun       float64
			Nit, Nfev int
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for i, c := range hsProblems {
		var b *Bounds
		if c.lo != nil {
			b = &Bounds{Lower: c.lo, Upper: c.up}
		}
		r, err := TrustConstr(Problem{Func: c.f, Grad: c.g}, c.x0, c.cons, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		sc := doc.Runs[i]
		t.Logf("%s: nit %d nfev %d; scipy %d %d", c.name, r.Iterations, r.FuncEvals, sc.Nit, sc.Nfev)
		if sc.Name != c.name || !closeTo(r.X, sc.X, 1e-5) || math.Abs(r.F-sc.Fun) > 1e-6*math.Max(1, math.Abs(sc.Fun)) {
			t.Errorf("%s: x %v f %.10g, scipy %v %.10g", c.name, r.X, r.F, sc.X, sc.Fun)
		}
		if !r.Success || math.Abs(r.F-c.fx) > 1e-6*math.Max(1, math.Abs(c.fx)) || !closeTo(r.X, c.x, 1e-5) || r.ConstrViolation > 1e-8 {
			t.Errorf("%s: x %v f %.10g (%s), want %v %.10g", c.name, r.X, r.F, r.Message, c.x, c.fx)
		}
	}
}

// TestTrustConstrExactHessian solves HS006, HS035 and HS071 again with
// the exact Hessian of the Lagrangian (p.Hess and each constraint's
// HessW) instead of BFGS.
func TestTrustConstrExactHessian(t *testing.T) {
	hess := map[string]func(x, h []float64){
		"hs006": func(x, h []float64) { h[0], h[1], h[2], h[3] = 2, 0, 0, 0 },
		"hs035": func(x, h []float64) { copy(h, []float64{4, 2, 2, 2, 4, 0, 2, 0, 2}) },
		"hs071": func(x, h []float64) {
			copy(h, []float64{2 * x[3], x[3], x[3], 2*x[0] + x[1] + x[2], x[3], 0, 0, x[0], x[3], 0, 0, x[0],
				2*x[0] + x[1] + x[2], x[0], x[0], 0})
		},
	}
	hessW := map[string][]func(x, w, h []float64){
		"hs006": {func(x, w, h []float64) { h[0], h[1], h[2], h[3] = -20*w[0], 0, 0, 0 }},
		"hs035": {func(x, w, h []float64) {
			for i := range h {
				h[i] = 0
			}
		}},
		"hs071": {func(x, w, h []float64) {
			p := [4][4]float64{}
			for i := range 4 {
				for j := range 4 {
					if i != j {
						prod := 1.0
						for k := range 4 {
							if k != i && k != j {
								prod *= x[k]
							}
						}
						p[i][j] = prod
					}
				}
			}
			for i := range 4 {
				for j := range 4 {
					h[i*4+j] = w[0] * p[i][j]
				}
			}
		}, func(x, w, h []float64) {
			for i := range h {
				h[i] = 0
			}
			for i := range 4 {
				h[i*4+i] = 2 * w[0]
			}
		}},
	}
	for _, c := range hsProblems {
		hf, ok := hess[c.name]
		if !ok {
			continue
		}
		cons := append([]Constraint(nil), c.cons...)
		for i := range cons {
			cons[i].HessW = hessW[c.name][i]
		}
		var b *Bounds
		if c.lo != nil {
			b = &Bounds{Lower: c.lo, Upper: c.up}
		}
		r, err := TrustConstr(Problem{Func: c.f, Grad: c.g, Hess: hf}, c.x0, cons, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s exact Hessian: nit %d", c.name, r.Iterations)
		if !r.Success || math.Abs(r.F-c.fx) > 1e-6*math.Max(1, math.Abs(c.fx)) || !closeTo(r.X, c.x, 1e-5) {
			t.Errorf("%s: x %v f %.10g (%s), want %v %.10g", c.name, r.X, r.F, r.Message, c.x, c.fx)
		}
	}
}
