package builtins

import (
	"fmt"
	"slices"
	"strings"

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
	f      lang.Value   // the function called: given, or the expression given bound by byName
	given  lang.Value   // the function or expression the user gave
	args   []lang.Value // every argument; the point's and the time's are templates
	point  int          // index of the point among the arguments
	time   int          // index of the time among the arguments, or -1
	spread bool         // the point's entries are k separate number arguments
	shape  []int        // the point's shape (nil for a number)
	outLen int          // the number of values the function returns
	vars   []string     // the names of the solver's variables, for an expression (see byName)

	traced  *lang.Traced
	fun     *lang.Function // the traced function, differentiated by the point
	scalars []float64      // backing for number arguments
	// Calls counts evaluations of the function and of its derivatives.
	Calls, DerivCalls int
	// pair says f returns (value, gradient); pairX and pairG keep the
	// gradient of the last call and its point.
	pair         bool
	pairX, pairG []float64
}

// newFn prepares f for a solver. args are all the arguments f is called
// with, the point's starting value at index point and the time's at index
// time (-1 for none). vars names the first arguments, the solver's
// variables, for an expression given as f (see byName; nil for none). A
// function of k numbers, called by a solver of k-vectors with no other
// arguments, gets the point's entries spread.
func newFn(s *lang.Session, f lang.Value, args []lang.Value, point, time int, vars []string) *fn {
	o := prepareFn(s, f, args, point, time, vars)
	o.trace()
	return o
}

// newPairFn prepares f, which returns the pair (value, gradient) as
// scipy's jac=True wants: it is not traced (the user gives the gradient),
// the value is the objective and PairGrad the gradient.
func newPairFn(s *lang.Session, f lang.Value, args []lang.Value) *fn {
	o := prepareFn(s, f, args, 0, -1, varX)
	o.pair = true
	return o
}

// prepareFn checks f and its arguments and decides how the point is
// passed, without tracing.
func prepareFn(s *lang.Session, f lang.Value, args []lang.Value, point, time int, vars []string) *fn {
	if !f.IsCallable() {
		panic(lang.Errorf("expected a function, got %s", describeValue(f)))
	}
	given := f
	f = byName(s, f, vars, len(args))
	x, ok := toArray(args[point])
	if !ok {
		panic(lang.Errorf("the starting point must be a number or an array, not %s", args[point].TypeName()))
	}
	o := &fn{s: s, f: f, given: given, args: args, point: point, time: time, shape: x.Shape, vars: vars}
	switch nparams := len(s.Params(f, len(args))); {
	case nparams == len(args):
	case len(args) == 1 && nparams == x.Len() && x.Len() > 1:
		o.spread = true
		o.args = make([]lang.Value, x.Len())
		for i, v := range x.Floats() {
			o.args[i] = lang.Num(v)
		}
	case len(args) == 1 && x.Len() > 1:
		panic(lang.Errorf("%s takes %d argument%s, but the point has %d entries: give it one argument (the vector) or one per entry",
			lang.Format(f), nparams, plural(nparams), x.Len()))
	default:
		panic(lang.Errorf("%s takes %d argument%s, but the solver calls it with %d", lang.Format(f), nparams, plural(nparams), len(args)))
	}
	return o
}

// newSpreadFn prepares f, a function of len(x0) numbers, for a solver that
// varies all of them at once as the entries of one vector; vars names
// them, for an expression given as f (see byName; nil for none).
func newSpreadFn(s *lang.Session, f lang.Value, x0 []float64, vars []string) *fn {
	o := &fn{s: s, f: byName(s, f, vars, len(x0)), given: f, time: -1, spread: true, vars: vars}
	for _, v := range x0 {
		o.args = append(o.args, lang.Num(v))
	}
	o.trace()
	return o
}

// trace compiles the function and its derivative to tapes, if it can be
// traced; otherwise it notes once that derivatives are approximate.
func (o *fn) trace() {
	by := fmt.Sprintf("solver, argument %d", o.point)
	if o.spread {
		by = "solver, all arguments"
	}
	fun, err := o.s.SolverFunction(o.f, o.args, by, func(t *lang.Traced) (*autodiff.Node, []*autodiff.Node) {
		if t.Out.Size() == 1 && !t.Out.IsScalar() {
			// f([1.3]) of an elementwise formula is a one-element array:
			// the number it holds is the objective.
			t.Out = o.s.Graph().Sum(t.Out, autodiff.AllAxes)
		}
		if o.spread {
			return t.Out, t.Vars()
		}
		return t.Out, t.Args[o.point].Vars
	})
	if err != nil {
		o.s.Note(fmt.Sprintf("%s cannot be traced (%v); derivatives by finite differences", lang.Format(o.f), lang.ErrorMessage(err)))
		return
	}
	if fun.Compile() != nil {
		return // a free symbol, say: the interpreter will say what is wrong
	}
	o.traced, o.fun, o.outLen = fun.Traced, fun, fun.Outs[0].Size()
	o.scalars = make([]float64, len(fun.Vars))
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
	in := o.fun.Inputs()
	k := 0
	for i, a := range o.args {
		for _, leaf := range lang.Leaves(a) {
			switch {
			case o.spread:
				o.scalars[k] = x[k]
				in[k] = o.scalars[k : k+1]
			case i == o.point:
				in[k] = x
			case i == o.time:
				o.scalars[k] = t
				in[k] = o.scalars[k : k+1]
			case leaf.Kind() == lang.ArrayKind:
				in[k] = leaf.Array().Floats()
			default:
				o.scalars[k] = leaf.Float()
				in[k] = o.scalars[k : k+1]
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
		if !ok || g.Len() != len(x) {
			panic(lang.Errorf("with jac: true, %s must return (value, gradient), the gradient of %d numbers", lang.Format(o.f), len(x)))
		}
		o.pairX, o.pairG = append(o.pairX[:0], x...), append(o.pairG[:0], g.Floats()...)
		v = items[0]
	}
	a, ok := toArray(v)
	if !ok {
		panic(lang.Errorf("%s must return numbers, not %s", lang.Format(o.f), v.TypeName()))
	}
	return a.Floats()
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
	o.fun.Eval()
	return o.fun.Output(0)
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
		n1 = flatten(g, gradient(g, g.Sum(o.traced.Out, autodiff.AllAxes), o.fun.Wrt))
		n2 = flatten(g, gradient(g, g.Sum(n1, autodiff.AllAxes), o.fun.Wrt))
		return nil
	})
	derivs := o.s.NewFunction([]*autodiff.Node{n1, n2}, o.fun.Vars, nil)
	if derivs.Compile() != nil {
		return nil, nil
	}
	out := func(k int) func(x, y []float64) {
		return func(x, y []float64) {
			o.s.Check()
			o.DerivCalls++
			o.bind(x, 0)
			copy(derivs.Inputs(), o.fun.Inputs())
			derivs.Eval()
			copy(y, derivs.Output(k))
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
	o.bind(x, t)
	_, deriv := o.fun.Deriv()
	copy(d, deriv)
}

// HessVec writes the Hessian of a scalar f at x times v into hv.
func (o *fn) HessVec(x, v, hv []float64) {
	o.s.Check()
	o.bind(x, 0)
	copy(hv, o.fun.HessVec(v))
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

// The names scipy's lambdas give the solvers' variables, in the order the
// solvers pass them: the inner variable first, scipy's args after them.
var (
	varX    = []string{"x"}           // roots, minimizers, quad, fixed_point
	varsYT  = []string{"y", "t"}      // odeint
	varsTY  = []string{"t", "y"}      // solve_ivp, odeint with tfirst
	varsYX  = []string{"y", "x"}      // dblquad
	varsZYX = []string{"z", "y", "x"} // tplquad
)

// byName returns f, when it is an expression given to a solver instead of
// a function, as the lambda scipy's user would write: its symbols named
// as the solver's variables vars take them, its other symbols take
// scipy's args (the arguments after vars, nargs arguments in all) in
// alphabetical order. An expression with none of the names keeps taking
// the arguments in the alphabetical order of its symbols, with a note
// when it has several and the solver passes several. Functions, and
// expressions already in the order named, are returned as they are.
func byName(s *lang.Session, f lang.Value, vars []string, nargs int) lang.Value {
	n := f.Node()
	if n == nil || len(vars) == 0 {
		return f
	}
	symbols := s.Params(f, 0)
	named := slices.ContainsFunc(vars, func(v string) bool { return slices.Contains(symbols, v) })
	if !named {
		if len(symbols) > 1 && nargs > 1 {
			s.Note(alphabeticalBinding(n, symbols, vars))
		}
		return f
	}
	params := slices.Clone(vars)
	for _, name := range symbols {
		if !slices.Contains(vars, name) {
			params = append(params, name)
		}
	}
	if slices.Equal(params, symbols) {
		return f
	}
	return lang.ExprFunc(n, params)
}

// alphabeticalBinding says how an expression with none of the solver's
// variables vars takes the solver's arguments: its symbols in
// alphabetical order.
func alphabeticalBinding(n *autodiff.Node, symbols, vars []string) string {
	roles := make([]string, len(symbols))
	for i, name := range symbols {
		if i < len(vars) {
			roles[i] = name + " as " + vars[i]
		} else {
			roles[i] = fmt.Sprintf("%s = args[%d]", name, i-len(vars))
		}
	}
	return fmt.Sprintf("%s has no symbol %s, so the solver gives its symbols in alphabetical order: %s; to choose, name the variable %s or pass a lambda",
		n, strings.Join(vars, " or "), strings.Join(roles, ", "), strings.Join(vars, ", "))
}
