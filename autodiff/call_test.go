package autodiff

import (
	"math"
	"testing"
)

// polar is a Call for (r cos θ, r sin θ) of the arguments r and θ, with
// its transposed Jacobian, counting the evaluations of each.
func polar(evals *[2]int) *Call {
	jac := &Call{Name: "polar'", Eval: func(args [][]float64, out []float64) {
		evals[1]++
		r, th := args[0][0], args[1][0]
		copy(out, []float64{math.Cos(th), math.Sin(th), -r * math.Sin(th), r * math.Cos(th)})
	}}
	return &Call{Name: "polar", Jacobian: jac, Eval: func(args [][]float64, out []float64) {
		evals[0]++
		r, th := args[0][0], args[1][0]
		out[0], out[1] = r*math.Cos(th), r*math.Sin(th)
	}}
}

// TestCallDerivative differentiates a function of a Call's result in
// reverse mode, and checks that a tape computes the Jacobian before the
// value it needs too.
func TestCallDerivative(t *testing.T) {
	g := NewGraph()
	var evals [2]int
	r, th := g.Var("r", nil), g.Var("th", nil)
	xy := g.Call(polar(&evals), []int{2}, r, g.Mul(g.Const(2), th))
	// f = x·y² = r³ cos 2θ sin² 2θ
	f := g.Mul(g.Index(xy, 0), g.Pow(g.Index(xy, 1), g.Const(2)))
	grads := g.Grad(f, r, th)
	tape, err := Compile([]*Node{f, grads[0], grads[1]}, []*Node{r, th})
	if err != nil {
		t.Fatal(err)
	}
	tape.Eval([]float64{1.5}, []float64{0.3})
	c, s := math.Cos(0.6), math.Sin(0.6)
	want := []float64{1.5 * 1.5 * 1.5 * c * s * s, 3 * 1.5 * 1.5 * c * s * s, 2 * 1.5 * 1.5 * 1.5 * (-s*s*s + 2*c*c*s)}
	for i, w := range want {
		if got := tape.Output(i)[0]; math.Abs(got-w) > 1e-12 {
			t.Errorf("output %d = %g, want %g", i, got, w)
		}
	}
	at := map[string]int{}
	for i, in := range tape.code {
		if in.node.Call != nil {
			at[in.node.Call.Name] = i
		}
	}
	if at["polar'"] > at["polar"] {
		t.Errorf("the tape does not compute the Jacobian first:\n%s", tape.Disassemble())
	}
	if evals != [2]int{1, 1} {
		t.Errorf("evaluations (value, Jacobian) = %v, want one each", evals)
	}
	defer func() {
		if e, ok := recover().(*ShapeError); !ok || e.Msg != "opaque has no derivative here" {
			t.Errorf("differentiating a Call without Jacobian: %v", e)
		}
	}()
	g.Grad(g.Call(&Call{Name: "opaque"}, nil, r), r)
	t.Error("a Call without Jacobian was differentiated")
}

// TestCallVJP differentiates a function of a Call's result by its
// vector–Jacobian product, and a Jacobian's rows by its Jacobian when it
// has both.
func TestCallVJP(t *testing.T) {
	g := NewGraph()
	var evals [2]int
	vjps := 0
	c := polar(&evals)
	c.VJP = &Call{Name: "polarᵀ", Eval: func(args [][]float64, out []float64) {
		vjps++
		r, th, w := args[0][0], args[1][0], args[2]
		out[0] = math.Cos(th)*w[0] + math.Sin(th)*w[1]
		out[1] = -r*math.Sin(th)*w[0] + r*math.Cos(th)*w[1]
	}}
	r, th := g.Var("r", nil), g.Var("th", nil)
	xy := g.Call(c, []int{2}, r, th)
	// f = x·y: df/dr = 2r cos θ sin θ, df/dθ = r² cos 2θ
	f := g.Mul(g.Index(xy, 0), g.Index(xy, 1))
	grads := g.Grad(f, r, th)
	rows := g.Jacobian(xy, r)
	tape, err := Compile([]*Node{grads[0], grads[1], rows[0][0], rows[1][0]}, []*Node{r, th})
	if err != nil {
		t.Fatal(err)
	}
	tape.Eval([]float64{1.5}, []float64{0.3})
	want := []float64{2 * 1.5 * math.Cos(0.3) * math.Sin(0.3), 1.5 * 1.5 * math.Cos(0.6), math.Cos(0.3), math.Sin(0.3)}
	for i, w := range want {
		if got := tape.Output(i)[0]; math.Abs(got-w) > 1e-12 {
			t.Errorf("output %d = %g, want %g", i, got, w)
		}
	}
	if vjps != 1 || evals[1] != 1 {
		t.Errorf("vector–Jacobian products %d, Jacobians %d: want one each", vjps, evals[1])
	}
}
