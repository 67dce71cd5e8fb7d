package optimize

import (
	"fmt"
	"math"
	"testing"
)

// consAsInequalities returns the constraints of p with its bounds added as
// inequalities, in the order of scipy_constrained.py, for COBYLA.
func consAsInequalities(p consProblem) []Constraint {
	cons := append([]Constraint(nil), p.cons...)
	if p.bounds == nil {
		return cons
	}
	for i := range p.x0 {
		if lo := p.bounds.Lower; lo != nil && !math.IsInf(lo[i], -1) {
			cons = append(cons, consIneq(func(x []float64) float64 { return x[i] - lo[i] }))
		}
		if up := p.bounds.Upper; up != nil && !math.IsInf(up[i], 1) {
			cons = append(cons, consIneq(func(x []float64) float64 { return up[i] - x[i] }))
		}
	}
	return cons
}

func TestCOBYLAProblems(t *testing.T) {
	scipy := consScipy(t)
	for _, p := range consConstrainedProblems() {
		res, err := COBYLA(p.f, p.x0, consAsInequalities(p), nil)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		consCheckOptimum(t, p, res, 1e-3, 1e-6)
		want := scipy["COBYLA/"+p.name]
		want.Nit = res.Iterations // scipy reports no iterations
		consCheckScipy(t, "COBYLA/"+p.name, res, want, 1e-9, 1e-12, true)
	}
}

func TestCOBYLAFailures(t *testing.T) {
	p := consConstrainedProblems()[4] // HS 76
	res, _ := COBYLA(p.f, p.x0, consAsInequalities(p), &COBYLASettings{MaxFuncEvals: 10})
	if res.Status != MaxFuncEvals || res.Message != MsgMaxFuncEvals || res.FuncEvals != 10 {
		t.Errorf("maxfun: %v %q %d", res.Status, res.Message, res.FuncEvals)
	}
	// x >= 1 and x <= 0 cannot both hold.
	cons := []Constraint{
		consIneq(func(x []float64) float64 { return x[0] - 1 }),
		consIneq(func(x []float64) float64 { return -x[0] }),
	}
	res, _ = COBYLA(consSeed, []float64{0.5}, cons, nil)
	if res.Success || res.Status != Infeasible || res.Message != MsgCOBYLAViolation {
		t.Errorf("infeasible: %v %q", res.Status, res.Message)
	}
	nan := func(x []float64) float64 {
		if x[0] > 1.5 {
			return math.NaN()
		}
		return consSeed(x)
	}
	res, _ = COBYLA(nan, []float64{1.3}, nil, nil)
	if res.Success || res.Status != NotFinite || res.X[0] > 1.5 {
		t.Errorf("NaN: %v %q at %v", res.Status, res.Message, res.X)
	}
	if _, err := COBYLA(consSeed, []float64{1}, []Constraint{{Kind: Ineq, Len: 1}}, nil); err == nil {
		t.Error("constraint without a function accepted")
	}
	// An equation is two inequalities: the circle x²+y² = 1, min x + y.
	circle := []Constraint{consEq(func(x []float64) float64 { return x[0]*x[0] + x[1]*x[1] - 1 })}
	res, _ = COBYLA(func(x []float64) float64 { return x[0] + x[1] }, []float64{0, -1}, circle, nil)
	if h := -1 / math.Sqrt2; !res.Success || math.Abs(res.X[0]-h) > 1e-3 || math.Abs(res.X[1]-h) > 1e-3 {
		t.Errorf("circle: %v %q", res.X, res.Message)
	}
}

func ExampleCOBYLA() {
	// The example of scipy's tutorial: a parabola in a triangle.
	f := func(x []float64) float64 { return (x[0]-1)*(x[0]-1) + (x[1]-2.5)*(x[1]-2.5) }
	cons := []Constraint{
		{Kind: Ineq, Len: 3, Func: func(x, c []float64) {
			c[0] = x[0] - 2*x[1] + 2
			c[1] = -x[0] - 2*x[1] + 6
			c[2] = -x[0] + 2*x[1] + 2
		}},
		{Kind: Ineq, Len: 2, Func: func(x, c []float64) { c[0], c[1] = x[0], x[1] }},
	}
	res, err := COBYLA(f, []float64{2, 0}, cons, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("x = [%.4f %.4f], f = %.4f after %d evaluations\n", res.X[0], res.X[1], res.F, res.FuncEvals)
	// Output:
	// x = [1.4001 1.7001], f = 0.8000 after 36 evaluations
}
