package lang_test

import (
	"math"
	"testing"

	"calc/autodiff"
	"calc/builtins"
	"calc/lang"
)

// rosenbrock returns the function (1 - x0)² + 100 (x1 - x0²)² of the
// vector x, differentiated by x, and its session.
func rosenbrock(t testing.TB) (*lang.Session, *lang.Function) {
	s := builtins.NewSession()
	g := s.Graph()
	x := g.Var("x", []int{2})
	x0, x1 := g.Index(x, 0), g.Index(x, 1)
	f := g.Add(g.Pow(g.Sub(g.Const(1), x0), g.Const(2)), g.Mul(g.Const(100), g.Pow(g.Sub(x1, g.Pow(x0, g.Const(2))), g.Const(2))))
	fn := s.NewFunction([]*autodiff.Node{f}, []*autodiff.Node{x}, []*autodiff.Node{x})
	if err := fn.Compile(); err != nil {
		t.Fatal(err)
	}
	return s, fn
}

// TestFunctionDerivatives checks the gradient, Hessian and Hessian–vector
// product of Rosenbrock's function against their closed forms.
func TestFunctionDerivatives(t *testing.T) {
	s, fn := rosenbrock(t)
	x := []float64{-1.2, 1}
	fn.Inputs()[0] = x
	x0, x1 := x[0], x[1]
	value, grad := fn.Deriv()
	h := []float64{2 - 400*(x1-3*x0*x0), -400 * x0, -400 * x0, 200}
	v := []float64{0.5, -2}
	want := map[string][]float64{
		"value":    {(1-x0)*(1-x0) + 100*(x1-x0*x0)*(x1-x0*x0)},
		"gradient": {-2*(1-x0) - 400*x0*(x1-x0*x0), 200 * (x1 - x0*x0)},
		"Hessian":  h,
		"H·v":      {h[0]*v[0] + h[1]*v[1], h[2]*v[0] + h[3]*v[1]},
	}
	got := map[string][]float64{"value": append([]float64(nil), value...), "gradient": append([]float64(nil), grad...)}
	hess := s.NewFunction([]*autodiff.Node{fn.HessianMatrix()}, fn.Vars, nil)
	hess.Inputs()[0] = x
	hess.Eval()
	got["Hessian"] = hess.Output(0)
	got["H·v"] = fn.HessVec(v)
	for name, w := range want {
		for i := range w {
			if math.Abs(got[name][i]-w[i]) > 1e-12*math.Max(1, math.Abs(w[i])) {
				t.Errorf("%s = %v, want %v", name, got[name], w)
				break
			}
		}
	}
	if a := testing.AllocsPerRun(100, func() { fn.HessVec(v) }); a != 0 {
		t.Errorf("a Hessian–vector product allocates %v times, want 0", a)
	}
}

// BenchmarkHessVec times one Hessian–vector product of Rosenbrock's
// function, which must allocate nothing.
func BenchmarkHessVec(b *testing.B) {
	_, fn := rosenbrock(b)
	fn.Inputs()[0] = []float64{-1.2, 1}
	v := []float64{0.5, -2}
	fn.HessVec(v)
	b.ReportAllocs()
	allocs := testing.AllocsPerRun(10, func() { fn.HessVec(v) })
	for b.Loop() {
		fn.HessVec(v)
	}
	if allocs != 0 {
		b.Fatalf("a Hessian–vector product allocates %v times, want 0", allocs)
	}
}
