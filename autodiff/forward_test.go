package autodiff

import (
	"math"
	"math/rand/v2"
	"testing"
)

// reverseJacobian is the Jacobian of out by wrt as rows, one reverse
// sweep per element of out, flattened like jacobianColumns's.
func reverseJacobian(g *Graph, out *Node, wrt ...*Node) *Node {
	flat := g.Reshape(out, []int{out.Size()})
	rows := make([]*Node, out.Size())
	for i := range rows {
		rows[i] = g.Concat(g.Grad(g.Index(flat, i), wrt...))
	}
	return g.Stack(rows)
}

// TestForwardMatchesReverse compares the Jacobians of random graphs built
// column by column (forward mode) with those built row by row (reverse
// mode), and the forward-over-reverse Hessian–vector product and Hessian
// with the reverse-over-reverse ones.
func TestForwardMatchesReverse(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 500; trial++ {
		g := NewGraph()
		x, y := g.Var("x", []int{4}), g.Var("y", nil)
		var f *Node
		func() {
			defer func() {
				if e := recover(); e != nil {
					if _, ok := e.(*ShapeError); !ok {
						panic(e)
					}
				}
			}()
			f = randomGraph(g, r, 5, x, y)
		}()
		if f == nil {
			continue
		}
		v := g.Var("v", []int{5})
		scalar := g.Sum(g.Mul(f, f), AllAxes)
		grad := g.Concat(g.Grad(scalar, x, y))
		parts := g.Split(v, []*Node{x, y})
		hvForward := g.JVP(grad, map[*Node]*Node{x: parts[0], y: parts[1]})
		hvReverse := g.Concat(g.HVP(scalar, v, x, y))
		outs := []*Node{g.jacobianColumns(f, []*Node{x, y}), reverseJacobian(g, f, x, y), hvForward, hvReverse,
			g.jacobianColumns(grad, []*Node{x, y}), g.Hessian(scalar, x, y)}
		tape, err := Compile(outs, []*Node{x, y, v})
		if err != nil {
			t.Fatal(err)
		}
		tape.Eval(randomPoint(4, uint64(trial)), []float64{0.3}, []float64{0.5, -1, 2, 0.25, 1.5})
		for _, pair := range [][2]int{{0, 1}, {2, 3}, {4, 5}} {
			a, b := tape.Output(pair[0]), tape.Output(pair[1])
			for k := range a {
				if d := math.Abs(a[k] - b[k]); d > 1e-9*math.Max(1, math.Abs(b[k])) && !math.IsNaN(b[k]) {
					t.Fatalf("trial %d outputs %v [%d]: forward %v, reverse %v\nf = %s", trial, pair, k, a[k], b[k], f)
				}
			}
		}
	}
}

// TestCallTangent builds the Jacobian of a Call's result by columns: each
// column is a row of the call's transposed Jacobian, not a product.
func TestCallTangent(t *testing.T) {
	g := NewGraph()
	var evals [2]int
	p := g.Var("p", []int{2})
	xy := g.Call(polar(&evals), []int{2}, g.Index(p, 0), g.Mul(g.Const(2), g.Index(p, 1)))
	jac := g.jacobianColumns(g.Mul(g.Const(3), xy), []*Node{p})
	tape, err := Compile([]*Node{jac}, []*Node{p})
	if err != nil {
		t.Fatal(err)
	}
	tape.Eval([]float64{1.5, 0.3})
	c, s := math.Cos(0.6), math.Sin(0.6)
	want := []float64{3 * c, -6 * 1.5 * s, 3 * s, 6 * 1.5 * c}
	for i, w := range want {
		if got := tape.Output(0)[i]; math.Abs(got-w) > 1e-12 {
			t.Errorf("J[%d] = %g, want %g", i, got, w)
		}
	}
	if evals[1] != 1 {
		t.Errorf("Jacobian evaluations = %d, want 1", evals[1])
	}
}

// TestJacobianMatrix builds the Jacobian of a function of one input and
// three outputs by columns, and tells which graphs forward mode cannot
// take: those with a call that has no Jacobian to take columns of.
func TestJacobianMatrix(t *testing.T) {
	g := NewGraph()
	x := g.Var("x", nil)
	twice := &Call{Name: "twice", Eval: func(args [][]float64, out []float64) { out[0] = 2 * args[0][0] }}
	f := g.Stack([]*Node{g.Mul(x, x), g.Apply(Lookup("sin"), x), g.Call(twice, nil, g.Const(1))})
	if !forwardable(f) {
		t.Fatal("a call on constants folds: nothing to differentiate")
	}
	opaque := g.Stack([]*Node{x, g.Call(twice, nil, x), x})
	if forwardable(opaque) {
		t.Error("a call without Jacobian is taken for forwardable")
	}
	tape, err := Compile([]*Node{g.JacobianMatrix(f, x)}, []*Node{x})
	if err != nil {
		t.Fatal(err)
	}
	tape.Eval([]float64{0.5})
	if got := tape.Output(0); got[0] != 1 || got[1] != math.Cos(0.5) || got[2] != 0 {
		t.Errorf("J = %v", got)
	}
}
