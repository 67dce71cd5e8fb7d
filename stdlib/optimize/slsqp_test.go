package optimize

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestSLSQPProblems(t *testing.T) {
	scipy := consScipy(t)
	for _, p := range consConstrainedProblems() {
		res, err := SLSQP(Problem{Func: p.f, Grad: p.grad}, p.x0, p.cons, p.bounds, nil)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		consCheckOptimum(t, p, res, 1e-4, 1e-6)
		consCheckScipy(t, "SLSQP/"+p.name, res, scipy["SLSQP/"+p.name], 1e-6, 1e-9, true)
	}
}

func TestSLSQPLimits(t *testing.T) {
	scipy := consScipy(t)
	res, err := SLSQP(Problem{Func: consRosen, Grad: consRosenGrad}, []float64{-1.2, 1}, nil, nil, &SLSQPSettings{MaxIter: 5})
	if err != nil {
		t.Fatal(err)
	}
	consCheckScipy(t, "SLSQP/rosen2_maxiter", res, scipy["SLSQP/rosen2_maxiter"], 1e-6, 1e-9, true)
	if res.Status != MaxIterations {
		t.Errorf("status %v", res.Status)
	}
	// x >= 0 and x[0] <= -1 cannot both hold.
	tut := consConstrainedProblems()[5]
	res, _ = SLSQP(Problem{Func: tut.f}, tut.x0, []Constraint{consIneq(func(x []float64) float64 { return -x[0] - 1 })}, tut.bounds, nil)
	consCheckScipy(t, "SLSQP/incompatible", res, scipy["SLSQP/incompatible"], 1e-6, 1e-9, true)
}

func TestSLSQPJacobians(t *testing.T) {
	// HS 71 with the constraints' Jacobians given agrees with finite
	// differences to the tolerance.
	p := consConstrainedProblems()[3]
	cons := []Constraint{
		{Kind: Ineq, Len: 1, Func: p.cons[0].Func, Jac: func(x, j []float64) {
			j[0], j[1], j[2], j[3] = x[1]*x[2]*x[3], x[0]*x[2]*x[3], x[0]*x[1]*x[3], x[0]*x[1]*x[2]
		}},
		{Kind: Eq, Len: 1, Func: p.cons[1].Func, Jac: func(x, j []float64) {
			for i := range 4 {
				j[i] = 2 * x[i]
			}
		}},
	}
	res, err := SLSQP(Problem{Func: p.f}, p.x0, cons, p.bounds, nil)
	if err != nil || !res.Success {
		t.Fatalf("%v %+v", err, res)
	}
	consCheckOptimum(t, p, res, 1e-4, 1e-6)
	// Two equations of length 2 in one Constraint: the circle x²+y² = 1
	// and the line x = y, minimizing x + y; scipy needs 6 iterations and
	// 18 evaluations.
	two := Constraint{Kind: Eq, Len: 2, Func: func(x, c []float64) {
		c[0] = x[0]*x[0] + x[1]*x[1] - 1
		c[1] = x[0] - x[1]
	}}
	res, _ = SLSQP(Problem{Func: func(x []float64) float64 { return x[0] + x[1] }}, []float64{0, -1}, []Constraint{two}, nil, nil)
	if h := -1 / math.Sqrt2; !res.Success || math.Abs(res.X[0]-h) > 1e-6 || math.Abs(res.X[1]-h) > 1e-6 ||
		res.Iterations != 6 || res.FuncEvals != 18 {
		t.Errorf("circle: %v %q after %d iterations, %d evaluations", res.X, res.Message, res.Iterations, res.FuncEvals)
	}
}

func TestSLSQPFailures(t *testing.T) {
	f := Problem{Func: consSeed}
	if _, err := SLSQP(f, []float64{1}, nil, consBounds([]float64{2}, []float64{1}), nil); !errors.Is(err, ErrInfeasibleBounds) {
		t.Errorf("infeasible bounds: %v", err)
	}
	if _, err := SLSQP(f, []float64{1}, []Constraint{{Kind: Eq, Len: 1}}, nil, nil); !errors.Is(err, ErrConstraint) {
		t.Errorf("constraint without a function: %v", err)
	}
	nan := Problem{Func: func(x []float64) float64 {
		if x[0] > 1.5 {
			return math.NaN()
		}
		return consSeed(x)
	}}
	res, err := SLSQP(nan, []float64{1.3}, nil, nil, nil)
	if err != nil || res.Status != NotFinite || res.Success {
		t.Errorf("NaN objective: %+v, %v", res, err)
	}
	// Three equations in two unknowns.
	three := Constraint{Kind: Eq, Len: 3, Func: func(x, c []float64) { c[0], c[1], c[2] = x[0], x[1], x[0]+x[1]-1 }}
	res, _ = SLSQP(Problem{Func: consRosen}, []float64{0, 0}, []Constraint{three}, nil, nil)
	if res.Success || res.Message != "More equality constraints than independent variables" {
		t.Errorf("overdetermined: %q", res.Message)
	}
}

func ExampleSLSQP() {
	// Hock–Schittkowski 71: a cubic with a product and a sphere
	// constraint inside the box [1, 5]⁴.
	f := func(x []float64) float64 { return x[0]*x[3]*(x[0]+x[1]+x[2]) + x[2] }
	cons := []Constraint{
		{Kind: Ineq, Len: 1, Func: func(x, c []float64) { c[0] = x[0]*x[1]*x[2]*x[3] - 25 }},
		{Kind: Eq, Len: 1, Func: func(x, c []float64) { c[0] = x[0]*x[0] + x[1]*x[1] + x[2]*x[2] + x[3]*x[3] - 40 }},
	}
	box := &Bounds{Lower: []float64{1, 1, 1, 1}, Upper: []float64{5, 5, 5, 5}}
	res, err := SLSQP(Problem{Func: f}, []float64{1, 5, 5, 1}, cons, box, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("f = %.4f at [%.3f %.3f %.3f %.3f] after %d iterations\n%s\n",
		res.F, res.X[0], res.X[1], res.X[2], res.X[3], res.Iterations, res.Message)
	// Output:
	// f = 17.0140 at [1.000 4.743 3.821 1.379] after 5 iterations
	// Optimization terminated successfully
}
