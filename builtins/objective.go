package builtins

import (
	"fmt"
	"slices"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
)

// fn is a calc function made fast for a solver. The solver varies a point
// x (the function's first argument, or its k numeric parameters when it
// takes k numbers), and optionally a time t (an ODE's); the other
// arguments are fixed (scipy's args). When the function can be traced it
// runs as compiled tapes, with exact derivatives from autodiff; when it
// cannot, it runs through the interpreter, derivatives are left to the
// solver's finite differences, and the session is told so once.
type fn struct {
	s      *lang.Session
	f      lang.Value
	args   []lang.Value // every argument; the point's and the time's are templates
	point  int          // index of the point among the arguments
	time   int          // index of the time among the arguments, or -1
	spread bool         // the point's entries are k separate number arguments
	shape  []int        // the point's shape (nil for a number)
	outLen int          // the number of values the function returns

	traced  *lang.Traced
	wrt     []*autodiff.Node
	value   *autodiff.Tape // the function
	deriv   *autodiff.Tape // the function and its gradient or Jacobian, made on demand
	hv      *autodiff.Tape // Hessian–vector products, made on demand
	hvVar   *autodiff.Node
	inputs  [][]float64
	scalars []float64 // backing for number arguments
	// Calls counts evaluations of the function and of its derivatives.
	Calls, DerivCalls int
	// pair says f returns (value, gradient); pairX and pairG keep the
	// gradient of the last call and its point.
	pair         bool
	pairX, pairG []float64
}

// newFn prepares f for a solver. args are all the arguments f is called
// with, the point's starting value at index point and the time's at index
// time (-1 for none). A function of k numbers, called by a solver of
// k-vectors with no other arguments, gets the point's entries spread.
func newFn(s *lang.Session, f lang.Value, args []lang.Value, point, time int) *fn {
	o := prepareFn(s, f, args, point, time)
	o.trace()
	return o
}

// newPairFn prepares f, which returns the pair (value, gradient) as
// scipy's jac=True wants: it is not traced (the user gives the gradient),
// the value is the objective and PairGrad the gradient.
func newPairFn(s *lang.Session, f lang.Value, args []lang.Value) *fn {
	o := prepareFn(s, f, args, 0, -1)
	o.pair = true
	return o
}

// prepareFn checks f and its arguments and decides how the point is
// passed, without tracing.
func prepareFn(s *lang.Session, f lang.Value, args []lang.Value, point, time int) *fn {
	if !f.IsCallable() {
		panic(lang.Errorf("expected a function, got %s", describeValue(f)))
	}
	x, ok := toArray(args[point])
	if !ok {
		panic(lang.Errorf("the starting point must be a number or an array, not %s", args[point].TypeName()))
	}
	o := &fn{s: s, f: f, args: args, point: point, time: time, shape: x.Shape}
	switch nparams := len(s.Params(f, len(args))); {
	case nparams == len(args):
	case len(args) == 1 && nparams == len(x.Data) && len(x.Data) > 1:
		o.spread = true
		o.args = make([]lang.Value, len(x.Data))
		for i, v := range x.Data {
			o.args[i] = lang.Num(v)
		}
	case len(args) == 1:
		panic(lang.Errorf("%s takes %d argument%s, but the point has %d entries: give it one argument (the vector) or one per entry",
			lang.Format(f), nparams, plural(nparams), len(x.Data)))
	default:
		panic(lang.Errorf("%s takes %d argument%s, but the solver calls it with %d", lang.Format(f), nparams, plural(nparams), len(args)))
	}
	return o
}

// newSpreadFn prepares f, a function of len(x0) numbers, for a solver that
// varies all of them at once as the entries of one vector.
func newSpreadFn(s *lang.Session, f lang.Value, x0 []float64) *fn {
	o := &fn{s: s, f: f, time: -1, spread: true}
	for _, v := range x0 {
		o.args = append(o.args, lang.Num(v))
	}
	o.trace()
	return o
}

// trace compiles the function and its derivative to tapes, if it can be
// traced; otherwise it notes once that derivatives are approximate.
func (o *fn) trace() {
	t, err := o.s.Trace(o.f, o.args)
	if err != nil {
		o.s.Note(fmt.Sprintf("%s cannot be traced (%v); derivatives by finite differences", lang.Format(o.f), lang.ErrorMessage(err)))
		return
	}
	if t.Out.Size() == 1 && !t.Out.IsScalar() {
		// f([1.3]) of an elementwise formula is a one-element array: the
		// number it holds is the objective.
		t.Out = lang.Symbolic(func() *autodiff.Node { return o.s.Graph().Sum(t.Out, autodiff.AllAxes) })
	}
	o.traced = t
	if o.spread {
		for _, a := range t.Args {
			o.wrt = append(o.wrt, a.Vars...)
		}
	} else {
		o.wrt = t.Args[o.point].Vars
	}
	o.outLen = t.Out.Size()
	vars := t.Vars()
	if o.value, err = autodiff.Compile([]*autodiff.Node{t.Out}, vars); err != nil {
		o.traced = nil
		return
	}
	o.inputs = make([][]float64, len(vars))
	o.scalars = make([]float64, len(vars))
}

// derivTape returns the tape of the function and its gradient or
// Jacobian, built on first use: solvers without derivatives (brentq,
// Nelder–Mead, quad), called again and again from a loop, then do not pay
// for differentiating and compiling what they never evaluate.
func (o *fn) derivTape() *autodiff.Tape {
	if o.deriv == nil {
		t := o.traced
		var d *autodiff.Node
		lang.Symbolic(func() *autodiff.Node {
			switch g := o.s.Graph(); {
			case t.Out.IsScalar():
				d = gradient(g, t.Out, o.wrt)
			case t.Out.Size() > inputSize(o.wrt):
				d = g.JacobianColumns(t.Out, o.wrt...)
			default:
				d = jacobian(g, flatten(g, t.Out), o.wrt)
			}
			return nil
		})
		tape, err := autodiff.Compile([]*autodiff.Node{t.Out, d}, t.Vars())
		if err != nil {
			lang.Throw(err)
		}
		o.deriv = tape
	}
	return o.deriv
}

// inputSize is the number of elements of the variables vars.
func inputSize(vars []*autodiff.Node) int {
	n := 0
	for _, v := range vars {
		n += v.Size()
	}
	return n
}

// flatten reshapes a non-vector output to a vector.
func flatten(g *autodiff.Graph, n *autodiff.Node) *autodiff.Node {
	if len(n.Shape) == 1 {
		return n
	}
	return g.Reshape(n, []int{n.Size()})
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// describeValue names a value for a message: nil as nil, others by type.
func describeValue(v lang.Value) string {
	if v.IsNil() {
		return "nil"
	}
	return v.TypeName()
}

// Traced reports whether the function runs as a tape with exact
// derivatives.
func (o *fn) Traced() bool { return o.traced != nil }

// bind sets the tape inputs for the point x and time t.
func (o *fn) bind(x []float64, t float64) {
	k := 0
	for i, a := range o.args {
		for _, leaf := range lang.Leaves(a) {
			switch {
			case o.spread:
				o.scalars[k] = x[k]
				o.inputs[k] = o.scalars[k : k+1]
			case i == o.point:
				o.inputs[k] = x
			case i == o.time:
				o.scalars[k] = t
				o.inputs[k] = o.scalars[k : k+1]
			case leaf.Kind() == lang.ArrayKind:
				o.inputs[k] = leaf.Array().Data
			default:
				o.scalars[k] = leaf.Float()
				o.inputs[k] = o.scalars[k : k+1]
			}
			k++
		}
	}
}

// call evaluates the function through the interpreter.
func (o *fn) call(x []float64, t float64) []float64 {
	args := append([]lang.Value(nil), o.args...)
	switch {
	case o.spread:
		for i := range args {
			args[i] = lang.Num(x[i])
		}
	case len(o.shape) == 0:
		args[o.point] = lang.Num(x[0])
	default:
		args[o.point] = lang.Arr(array.New(o.shape, append([]float64(nil), x...)))
	}
	if o.time >= 0 {
		args[o.time] = lang.Num(t)
	}
	v := o.s.Call(o.f, args...)
	if o.pair {
		items, ok := lang.Items(v)
		var g *array.Array
		if ok && len(items) == 2 {
			g, ok = toArray(items[1])
		}
		if !ok || len(g.Data) != len(x) {
			panic(lang.Errorf("with jac: true, %s must return (value, gradient), the gradient of %d numbers", lang.Format(o.f), len(x)))
		}
		o.pairX, o.pairG = append(o.pairX[:0], x...), append(o.pairG[:0], g.Data...)
		v = items[0]
	}
	a, ok := toArray(v)
	if !ok {
		panic(lang.Errorf("%s must return numbers, not %s", lang.Format(o.f), v.TypeName()))
	}
	return a.Data
}

// Eval returns f at the point x and time t. The slice is valid until the
// next call.
func (o *fn) Eval(x []float64, t float64) []float64 {
	o.s.Check()
	o.Calls++
	if o.traced == nil {
		return o.call(x, t)
	}
	o.bind(x, t)
	o.value.Eval(o.inputs...)
	return o.value.Output(0)
}

// PairGrad writes the gradient that f, returning (value, gradient),
// gives at x, calling f only if its last call was elsewhere (as scipy's
// MemoizeJac).
func (o *fn) PairGrad(x, g []float64) {
	if !slices.Equal(x, o.pairX) {
		o.Eval(x, 0)
	}
	copy(g, o.pairG)
}

// ElementwiseDerivs returns, for a traced f that acts elementwise on its
// vector point (f_i depends on x_i alone), functions writing f_i′(x_i)
// and f_i″(x_i): the gradients of Σf and of Σf′, each one reverse sweep.
// It returns nils when f was not traced.
func (o *fn) ElementwiseDerivs() (d1, d2 func(x, y []float64)) {
	if !o.Traced() {
		return nil, nil
	}
	g := o.s.Graph()
	var n1, n2 *autodiff.Node
	lang.Symbolic(func() *autodiff.Node {
		n1 = flatten(g, gradient(g, g.Sum(o.traced.Out, autodiff.AllAxes), o.wrt))
		n2 = flatten(g, gradient(g, g.Sum(n1, autodiff.AllAxes), o.wrt))
		return nil
	})
	tape, err := autodiff.Compile([]*autodiff.Node{n1, n2}, o.traced.Vars())
	if err != nil {
		return nil, nil
	}
	out := func(k int) func(x, y []float64) {
		return func(x, y []float64) {
			o.s.Check()
			o.DerivCalls++
			o.bind(x, 0)
			tape.Eval(o.inputs...)
			copy(y, tape.Output(k))
		}
	}
	return out(0), out(1)
}

// Scalar returns f at x as a number, for a minimizer.
func (o *fn) Scalar(x []float64) float64 {
	v := o.Eval(x, 0)
	if len(v) != 1 {
		panic(lang.Errorf("the objective must return a number, not %d values", len(v)))
	}
	return v[0]
}

// Deriv writes the gradient (for a scalar f) or the row-major Jacobian
// (for a vector f) at x and t into d. It needs a traced function.
func (o *fn) Deriv(x []float64, t float64, d []float64) {
	o.s.Check()
	o.DerivCalls++
	tape := o.derivTape()
	o.bind(x, t)
	tape.Eval(o.inputs...)
	copy(d, tape.Output(1))
}

// HessVec writes the Hessian of a scalar f at x times v into hv, by one
// more reverse sweep over the gradient (compiled on first use).
func (o *fn) HessVec(x, v, hv []float64) {
	if o.hv == nil {
		g := o.s.Graph()
		o.hvVar = g.Var("hessian_direction", []int{len(x)})
		var prod *autodiff.Node
		lang.Symbolic(func() *autodiff.Node {
			grad := flatten(g, gradient(g, o.traced.Out, o.wrt))
			hvs := g.Grad(g.Sum(g.Mul(grad, o.hvVar), autodiff.AllAxes), o.wrt...)
			if len(hvs) == 1 {
				prod = flatten(g, hvs[0])
			} else {
				prod = g.Stack(hvs)
			}
			return nil
		})
		tape, err := autodiff.Compile([]*autodiff.Node{prod}, append(o.traced.Vars(), o.hvVar))
		if err != nil {
			lang.Throw(err)
		}
		o.hv = tape
	}
	o.s.Check()
	o.bind(x, 0)
	o.hv.Eval(append(o.inputs, v)...)
	copy(hv, o.hv.Output(0))
}

// callVector calls f at the point x: a function of one parameter gets the
// whole vector (as in scipy), a function of k parameters gets the k
// entries of a vector of length k.
func callVector(s *lang.Session, f lang.Value, x []float64) lang.Value {
	params := s.Params(f, 1)
	if len(params) == 1 {
		arg := lang.Arr(array.Vector(append([]float64(nil), x...)))
		if f.Kind() == lang.ExprKind && f.Node().IsScalar() && len(x) == 1 {
			arg = lang.Num(x[0])
		}
		return s.Call(f, arg)
	}
	if len(params) != len(x) {
		panic(lang.Errorf("the function takes %d arguments but the point has %d entries", len(params), len(x)))
	}
	args := make([]lang.Value, len(x))
	for i, xi := range x {
		args[i] = lang.Num(xi)
	}
	return s.Call(f, args...)
}
