package autodiff

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"calc/stdlib/array"
)

// rosenbrock builds sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2) for
// a vector x of length n, the way a traced calc function builds it.
func rosenbrock(g *Graph, n int) (*Node, *Node) {
	x := g.Var("x", []int{n})
	head, tail := g.Slice(x, 0, n-1), g.Slice(x, 1, n)
	a := g.Sub(tail, g.Pow(head, g.Const(2)))
	b := g.Sub(g.Const(1), head)
	f := g.Sum(g.Add(g.Mul(g.Const(100), g.Pow(a, g.Const(2))), g.Pow(b, g.Const(2))), AllAxes)
	return f, x
}

// rosenGo is the Rosenbrock function and its gradient written by hand.
func rosenGo(x, grad []float64) float64 {
	f := 0.0
	clear(grad)
	for i := 0; i+1 < len(x); i++ {
		a := x[i+1] - x[i]*x[i]
		b := 1 - x[i]
		f += 100*a*a + b*b
		if grad != nil {
			grad[i] += -400*a*x[i] - 2*b
			grad[i+1] += 200 * a
		}
	}
	return f
}

func randomPoint(n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.Float64()*2 - 0.5
	}
	return x
}

func TestRosenbrockTapeAndGradient(t *testing.T) {
	for _, n := range []int{2, 3, 10, 100} {
		g := NewGraph()
		f, x := rosenbrock(g, n)
		grad := g.Grad(f, x)[0]
		tape, err := Compile([]*Node{f, grad}, []*Node{x})
		if err != nil {
			t.Fatal(err)
		}
		pt := randomPoint(n, uint64(n))
		want := make([]float64, n)
		wantF := rosenGo(pt, want)
		tape.Eval(pt)
		if got := tape.Output(0)[0]; math.Abs(got-wantF) > 1e-12*math.Abs(wantF) {
			t.Errorf("n=%d: f = %v, want %v", n, got, wantF)
		}
		for i, got := range tape.Output(1) {
			if math.Abs(got-want[i]) > 1e-10*math.Max(1, math.Abs(want[i])) {
				t.Errorf("n=%d: grad[%d] = %v, want %v", n, i, got, want[i])
			}
		}
		ref, err := Eval(grad, map[string]*array.Array{"x": array.Vector(pt)})
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if math.Abs(ref.Floats()[i]-want[i]) > 1e-10*math.Max(1, math.Abs(want[i])) {
				t.Errorf("n=%d: Eval grad[%d] = %v, want %v", n, i, ref.Floats()[i], want[i])
			}
		}
		if allocs := testing.AllocsPerRun(100, func() { tape.Eval(pt) }); allocs != 0 {
			t.Errorf("n=%d: Eval allocates %v times", n, allocs)
		}
	}
}

// TestMatrixGraph checks a small neural network's loss and gradients
// (dot, sigmoid, broadcasting, sums) against finite differences.
func TestMatrixGraph(t *testing.T) {
	g := NewGraph()
	X := g.ConstArray(array.New([]int{4, 3}, []float64{0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1}))
	y := g.ConstArray(array.New([]int{4, 1}, []float64{0, 1, 1, 0}))
	w1, w2 := g.Var("w1", []int{3, 4}), g.Var("w2", []int{4, 1})
	b := g.Var("b", []int{4})
	sig := Lookup("sigmoid")
	h := g.Apply(sig, g.Add(g.Dot(X, w1), b))
	out := g.Apply(sig, g.Dot(h, w2))
	loss := g.Sum(g.Pow(g.Sub(y, out), g.Const(2)), AllAxes)
	grads := g.Grad(loss, w1, w2, b)
	tape, err := Compile(append([]*Node{loss}, grads...), []*Node{w1, w2, b})
	if err != nil {
		t.Fatal(err)
	}
	in := [][]float64{randomPoint(12, 1), randomPoint(4, 2), randomPoint(4, 3)}
	lossAt := func() float64 {
		tape.Eval(in...)
		return tape.Output(0)[0]
	}
	tape.Eval(in...)
	var exact [][]float64
	for i := range grads {
		exact = append(exact, append([]float64(nil), tape.Output(1+i)...))
	}
	for v := range in {
		for j := range in[v] {
			h := 1e-6
			in[v][j] += h
			up := lossAt()
			in[v][j] -= 2 * h
			down := lossAt()
			in[v][j] += h
			fd := (up - down) / (2 * h)
			if math.Abs(fd-exact[v][j]) > 1e-7 {
				t.Errorf("grad %d[%d] = %v, central difference %v", v, j, exact[v][j], fd)
			}
		}
	}
}

// BenchmarkRosenbrock100 compares, side by side, the hand-written
// Rosenbrock function (n = 100) and its gradient with the tape of the
// traced graph. Targets: tape/Go ≤ 3 for both, gradient/function ≤ 4.
func BenchmarkRosenbrock100(b *testing.B) {
	const n = 100
	g := NewGraph()
	f, x := rosenbrock(g, n)
	grad := g.Grad(f, x)[0]
	fTape, _ := Compile([]*Node{f}, []*Node{x})
	gTape, _ := Compile([]*Node{f, grad}, []*Node{x})
	pt := randomPoint(n, 7)
	buf := make([]float64, n)
	b.Run("go-function", func(b *testing.B) {
		for b.Loop() {
			rosenGo(pt, nil)
		}
	})
	b.Run("tape-function", func(b *testing.B) {
		for b.Loop() {
			fTape.Eval(pt)
		}
	})
	b.Run("go-gradient", func(b *testing.B) {
		for b.Loop() {
			rosenGo(pt, buf)
		}
	})
	b.Run("tape-gradient", func(b *testing.B) {
		for b.Loop() {
			gTape.Eval(pt)
		}
	})
}

// BenchmarkBuildRosenbrock traces, differentiates and compiles Rosenbrock
// for n = 1,000 and 10,000: the cost should grow linearly in n.
func BenchmarkBuildRosenbrock(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(map[int]string{1000: "n=1000", 10000: "n=10000"}[n], func(b *testing.B) {
			for b.Loop() {
				g := NewGraph()
				f, x := rosenbrock(g, n)
				grad := g.Grad(f, x)[0]
				if _, err := Compile([]*Node{f, grad}, []*Node{x}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// lorenz builds the Lorenz right-hand side of w = (x, y, z) with the
// classic parameters, and its Jacobian.
func lorenz(g *Graph) (rhs, jac, w *Node) {
	w = g.Var("w", []int{3})
	x, y, z := g.Index(w, 0), g.Index(w, 1), g.Index(w, 2)
	rhs = g.Stack([]*Node{
		g.Mul(g.Const(10), g.Sub(y, x)),
		g.Sub(g.Mul(x, g.Sub(g.Const(28), z)), y),
		g.Sub(g.Mul(x, y), g.Mul(g.Const(8.0/3), z)),
	})
	rows := g.Jacobian(rhs, w)
	stacked := make([]*Node, len(rows))
	for i, r := range rows {
		stacked[i] = r[0]
	}
	return rhs, g.Stack(stacked), w
}

func TestLorenzJacobian(t *testing.T) {
	g := NewGraph()
	rhs, jac, w := lorenz(g)
	tape, err := Compile([]*Node{rhs, jac}, []*Node{w})
	if err != nil {
		t.Fatal(err)
	}
	tape.Eval([]float64{1, 2, 3})
	want := []float64{-10, 10, 0, 25, -1, -1, 2, 1, -8.0 / 3}
	for i, got := range tape.Output(1) {
		if math.Abs(got-want[i]) > 1e-14 {
			t.Errorf("J[%d] = %v, want %v", i, got, want[i])
		}
	}
	if got := tape.Output(0); got[0] != 10 || got[1] != 23 || math.Abs(got[2]-(2-8)) > 1e-14 {
		t.Errorf("rhs = %v", got)
	}
}

// BenchmarkLorenzRHSAndJacobian evaluates the Lorenz right-hand side and
// its 3×3 Jacobian from one tape.
func BenchmarkLorenzRHSAndJacobian(b *testing.B) {
	g := NewGraph()
	rhs, jac, w := lorenz(g)
	tape, _ := Compile([]*Node{rhs, jac}, []*Node{w})
	pt := []float64{1, 2, 3}
	b.ReportAllocs()
	for b.Loop() {
		tape.Eval(pt)
	}
}

// randomGraph builds a random expression of a vector x (4 elements) and a
// scalar y from the graph's constructors.
func randomGraph(g *Graph, r *rand.Rand, depth int, x, y *Node) *Node {
	if depth == 0 || r.IntN(5) == 0 {
		switch r.IntN(4) {
		case 0:
			return x
		case 1:
			return y
		case 2:
			return g.Const(float64(r.IntN(7) - 3))
		}
		return g.Index(x, r.IntN(4))
	}
	a := randomGraph(g, r, depth-1, x, y)
	b := randomGraph(g, r, depth-1, x, y)
	vec := func(n *Node) *Node {
		if n.IsScalar() {
			return g.Add(x, n)
		}
		return n
	}
	switch r.IntN(12) {
	case 0, 1:
		return g.Add(a, b)
	case 2:
		return g.Sub(a, b)
	case 3, 4:
		return g.Mul(a, b)
	case 5:
		return g.Pow(a, g.Const(float64(r.IntN(3)+1)))
	case 6:
		return g.Apply(Lookup([]string{"sin", "cos", "tanh", "sigmoid", "exp"}[r.IntN(5)]), a)
	case 7:
		return g.Sum(a, AllAxes)
	case 8:
		v := vec(a)
		return g.Slice(v, 1, 3)
	case 9:
		v := vec(a)
		return g.Stack([]*Node{g.Sum(v, AllAxes), g.Index(v, 0), y, g.Index(v, 3)})
	case 10:
		return g.Dot(vec(a), vec(b))
	}
	return g.Div(a, g.Add(g.Pow(b, g.Const(2)), g.Const(1)))
}

// TestRandomGraphs compares the tape with the reference evaluator on
// random graphs and their gradients, so that compilation (fusion,
// aliasing, index maps) never changes a value.
func TestRandomGraphs(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 42))
	for trial := 0; trial < 2000; trial++ {
		g := NewGraph()
		x, y := g.Var("x", []int{4}), g.Var("y", nil)
		var fn *Node
		func() {
			defer func() {
				if e := recover(); e != nil {
					if _, ok := e.(*ShapeError); !ok {
						panic(e)
					}
				}
			}()
			fn = randomGraph(g, r, 5, x, y)
		}()
		if fn == nil {
			continue // the random shapes did not fit
		}
		f := fn
		if !f.IsScalar() {
			f = g.Sum(g.Mul(f, f), AllAxes)
		}
		grads := g.Grad(f, x, y)
		outs := append([]*Node{f}, grads...)
		tape, err := Compile(outs, []*Node{x, y})
		if err != nil {
			t.Fatal(err)
		}
		xv, yv := randomPoint(4, uint64(trial)), []float64{0.3}
		tape.Eval(xv, yv)
		env := map[string]*array.Array{"x": array.Vector(xv), "y": array.New(nil, yv)}
		for i, o := range outs {
			want, err := Eval(o, env)
			if err != nil {
				t.Fatal(err)
			}
			got := tape.Output(i)
			for k := range got {
				if d := math.Abs(got[k] - want.Floats()[k]); d > 1e-9*math.Max(1, math.Abs(want.Floats()[k])) && !math.IsNaN(want.Floats()[k]) {
					t.Fatalf("trial %d output %d[%d]: tape %v, reference %v\nf = %s\n%s", trial, i, k, got[k], want.Floats()[k], f, tape.Disassemble())
				}
			}
		}
	}
}

// TestNetworkTape compiles a 256×64 → 128 → 1 sigmoid network's loss and
// gradient, large enough that the tape computes it by parts of the batch
// (a region, see rows.go), all of it but the loss's total; it applies
// both layers' sigmoids as their products' activations, reads the
// transposes in its products in place and multiplies y·(1 - y)·(δ·w2ᵀ)
// over factors, the outer product among them: the values match the
// reference evaluator's, are the same to the bit on one thread and two,
// the gradient's parts are one slice of the tape's memory (OutputsFrom,
// which lang's Deriv returns without a copy), and an evaluation allocates
// nothing.
func TestNetworkTape(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	tape, outs, vars, in := networkTape(t)
	if len(tape.code) != 1 || tape.code[0].region == nil || len(tape.code[0].region.after) != 1 {
		t.Fatalf("the tape is not one region with the loss's total after it:\n%s", tape.Disassemble())
	}
	factors, outer, activated, transposes := 0, 0, 0, 0
	for _, in := range tape.code[0].region.parts[0] {
		if in.factors != nil {
			factors++
		}
		for _, f := range in.factors {
			if f.outer {
				outer++
			}
		}
		if in.then != nil {
			activated++
		}
		if in.op == OpTranspose || in.op == OpApply {
			transposes++
		}
	}
	if factors < 1 || outer != 1 || activated != 2 || transposes != 0 {
		t.Errorf("%d products of factors, %d outer products among them, %d activated products, %d transposes or activations apart:\n%s",
			factors, outer, activated, transposes, tape.Disassemble())
	}
	checkThreads(t, tape, outs, vars, in)
	if grad, ok := tape.OutputsFrom(1); !ok || len(grad) != 64*128+128 || &grad[0] != &tape.Output(1)[0] {
		t.Errorf("the gradient's parts are not one slice of the tape's memory: %v", ok)
	}
	if reversed, err := Compile([]*Node{outs[2], outs[1]}, vars); err != nil {
		t.Fatal(err)
	} else if _, ok := reversed.OutputsFrom(0); ok {
		t.Errorf("outputs in the reverse order of their registers are one slice")
	}
	if allocs := testing.AllocsPerRun(20, func() { tape.Eval(in...) }); allocs != 0 && !raceEnabled {
		t.Errorf("an evaluation allocates %v times", allocs)
	}
}

// networkTape compiles the loss and gradient of a 256×64 → 128 → 1
// sigmoid network, and returns the tape, its outputs and variables and
// values for them.
func networkTape(t testing.TB) (tape *Tape, outs, vars []*Node, in [][]float64) {
	g := NewGraph()
	X := g.ConstArray(array.New([]int{256, 64}, randomPoint(256*64, 7)))
	y := g.ConstArray(array.New([]int{256, 1}, randomPoint(256, 8)))
	vars = []*Node{g.Var("w1", []int{64, 128}), g.Var("w2", []int{128, 1})}
	sig := Lookup("sigmoid")
	out := g.Apply(sig, g.Dot(g.Apply(sig, g.Dot(X, vars[0])), vars[1]))
	loss := g.Sum(g.Pow(g.Sub(y, out), g.Const(2)), AllAxes)
	outs = append([]*Node{loss}, g.Grad(loss, vars...)...)
	tape, err := Compile(outs, vars)
	if err != nil {
		t.Fatal(err)
	}
	return tape, outs, vars, [][]float64{randomPoint(64*128, 1), randomPoint(128, 2)}
}

// BenchmarkNetworkStep evaluates networkTape's loss and gradient, a
// training step but for the optimizer's update, reporting the rate of
// its products (8 585 216 flops, see builtins' BenchmarkTrainLargeNetwork)
// on average and in the fastest of the steps ("best-GFlop/s"), the one
// least disturbed on a shared machine.
func BenchmarkNetworkStep(b *testing.B) {
	tape, _, _, in := networkTape(b)
	const flops = 4*256*64*128 + 6*256*128
	fastest := time.Duration(math.MaxInt64)
	for b.Loop() {
		start := time.Now()
		tape.Eval(in...)
		fastest = min(fastest, time.Since(start))
	}
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFlop/s")
	b.ReportMetric(flops/fastest.Seconds()/1e9, "best-GFlop/s")
}

// checkThreads evaluates tape, compiled from outs, at in (the values of
// vars) on two threads, against the reference evaluator, and on one
// thread, to the same bits.
func checkThreads(t *testing.T, tape *Tape, outs, vars []*Node, in [][]float64) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	tape.Eval(in...)
	env := map[string]*array.Array{}
	for i, v := range vars {
		env[v.Name] = array.New(v.Shape, in[i])
	}
	var two []float64
	for i, o := range outs {
		want, err := Eval(o, env)
		if err != nil {
			t.Fatal(err)
		}
		for k, got := range tape.Output(i) {
			if d := math.Abs(got - want.Floats()[k]); d > 1e-12*math.Max(1, math.Abs(want.Floats()[k])) {
				t.Fatalf("output %d[%d]: tape %v, reference %v", i, k, got, want.Floats()[k])
			}
		}
		two = append(two, tape.Output(i)...)
	}
	runtime.GOMAXPROCS(1)
	tape.Eval(in...)
	k := 0
	for i := range outs {
		for _, got := range tape.Output(i) {
			if got != two[k] {
				t.Fatalf("element %d: %v on one thread, %v on two", k, got, two[k])
			}
			k++
		}
	}
}

// TestDeepNetworkTape: a 300×32 → 64 → 48 → 3 sigmoid network, whose
// batch makes two parts of 144 and 156 rows, is one region but for the
// loss's total: the backward pass's Δ2·W2ᵀ and Δ3·W3ᵀ are products by
// rows of the batch, its gradients Xᵀ·Δ1, H1ᵀ·Δ2 and H2ᵀ·Δ3 partial
// sums. The values match the reference evaluator's, the same on one
// thread and two.
func TestDeepNetworkTape(t *testing.T) {
	g := NewGraph()
	X := g.ConstArray(array.New([]int{300, 32}, randomPoint(300*32, 3)))
	y := g.ConstArray(array.New([]int{300, 3}, randomPoint(300*3, 4)))
	ws := []*Node{g.Var("w1", []int{32, 64}), g.Var("w2", []int{64, 48}), g.Var("w3", []int{48, 3})}
	sig := Lookup("sigmoid")
	out := X
	for _, w := range ws {
		out = g.Apply(sig, g.Dot(out, w))
	}
	loss := g.Sum(g.Pow(g.Sub(y, out), g.Const(2)), AllAxes)
	outs := append([]*Node{loss}, g.Grad(loss, ws...)...)
	tape, err := Compile(outs, ws)
	if err != nil {
		t.Fatal(err)
	}
	if len(tape.code) != 1 || tape.code[0].region == nil || len(tape.code[0].region.after) != 1 {
		t.Fatalf("the tape is not one region with the loss's total after it:\n%s", tape.Disassemble())
	}
	if r := tape.code[0].region; len(r.parts) != 2 || len(r.sums) != 3 {
		t.Errorf("%d parts, %d partial sums:\n%s", len(r.parts), len(r.sums), tape.Disassemble())
	}
	checkThreads(t, tape, outs, ws, [][]float64{randomPoint(32*64, 5), randomPoint(64*48, 6), randomPoint(48*3, 7)})
}

// TestBiasNetworkTape: a 256×64 → 128 → 1 sigmoid network with biases is
// one region but for the loss's total: X·W1 + b1 reads b1 by every row,
// and the biases' gradients are partial sums over the batch.
func TestBiasNetworkTape(t *testing.T) {
	g := NewGraph()
	X := g.ConstArray(array.New([]int{256, 64}, randomPoint(256*64, 7)))
	y := g.ConstArray(array.New([]int{256, 1}, randomPoint(256, 8)))
	vars := []*Node{g.Var("w1", []int{64, 128}), g.Var("b1", []int{128}), g.Var("w2", []int{128, 1}), g.Var("b2", []int{1})}
	sig := Lookup("sigmoid")
	h := g.Apply(sig, g.Add(g.Dot(X, vars[0]), vars[1]))
	out := g.Apply(sig, g.Add(g.Dot(h, vars[2]), vars[3]))
	loss := g.Sum(g.Pow(g.Sub(y, out), g.Const(2)), AllAxes)
	outs := append([]*Node{loss}, g.Grad(loss, vars...)...)
	tape, err := Compile(outs, vars)
	if err != nil {
		t.Fatal(err)
	}
	if len(tape.code) != 1 || tape.code[0].region == nil || len(tape.code[0].region.after) != 1 || len(tape.code[0].region.sums) != 4 {
		t.Fatalf("the tape is not one region of four partial sums with the loss's total after it:\n%s", tape.Disassemble())
	}
	checkThreads(t, tape, outs, vars, [][]float64{randomPoint(64*128, 1), randomPoint(128, 2), randomPoint(128, 3), randomPoint(1, 4)})
}
