package builtins

import (
	"fmt"
	"math"
	"slices"
	"sync/atomic"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
)

// A solver called on values that depend on the variables of a function
// being differentiated returns a node of the graph instead of numbers: an
// autodiff.Call whose value is the solve and whose Jacobian is the
// solver's sensitivities (forward sensitivities of an ODE, the implicit
// function theorem for a root or a minimum). The traced function then
// compiles to a tape that solves again each time it is evaluated, and
// its derivative to a tape that asks for the sensitivities.

// solverCalls numbers the solver nodes: each is a function of its own,
// named uniquely because the graph interns nodes by name.
var solverCalls atomic.Int64

// sensitivities is what a differentiable solver computes for the numbers
// of its symbolic inputs, concatenated in order: its result, and the
// transposed Jacobian (one row per input number, one column per result
// number) with the result on the way, or (vjp) the input numbers'
// adjoints for an adjoint of its result. A solver offers both or only
// one of both and vjp (see autodiff.Call).
type sensitivities struct {
	value func(in []float64) []float64
	both  func(in []float64) (value, jt []float64)
	vjp   func(in, adj []float64) []float64
}

// solverCache keeps the last input a solver node was evaluated at, with
// its result and (once asked for) its sensitivities: a tape that needs
// both solves once. Once the sensitivities have been asked for, every
// solve computes them: a fit asks for the Jacobian at the points whose
// residuals it accepts, which then costs nothing more. A solver that
// reuses the cached trace starts from an empty cache (lang.OnReuse).
type solverCache struct {
	in, value, jt  []float64
	differentiated bool
	// fitting is whether the entry was computed for a fitter (fitting),
	// which may take sensitivities less accurate.
	fitting bool
}

// fittingKey is the session local (lang.Session.Local) saying that a
// fitter (least_squares, leastsq, curve_fit) is running with its
// model's autodiff Jacobian: the solvers in the model may then give
// their sensitivities at a fitter's accuracy rather than the solution's
// (odeint's sensitivity_error_control).
const fittingKey = "fitting"

// whileFitting runs fit with fittingKey set.
func whileFitting(s *lang.Session, fit func()) {
	was := s.Local(fittingKey)
	s.SetLocal(fittingKey, true)
	defer s.SetLocal(fittingKey, was)
	fit()
}

// fitting reports whether a fitter is running (whileFitting).
func fitting(s *lang.Session) bool {
	on, _ := s.Local(fittingKey).(bool)
	return on
}

// solverNode returns the node of a solver's result, of shape, as a
// function of the nodes ins.
func solverNode(s *lang.Session, name string, shape []int, ins []*autodiff.Node, sens sensitivities) *autodiff.Node {
	cache := &solverCache{}
	s.OnReuse(func() { *cache = solverCache{} })
	flat := func(args [][]float64) []float64 {
		var in []float64
		for _, a := range args {
			in = append(in, a...)
		}
		return in
	}
	fresh := func(in []float64) bool {
		if cache.in != nil && slices.Equal(in, cache.in) && cache.fitting == fitting(s) {
			return false
		}
		cache.in, cache.value, cache.jt, cache.fitting = in, nil, nil, fitting(s)
		return true
	}
	id := solverCalls.Add(1)
	call := &autodiff.Call{Name: fmt.Sprintf("%s_%d", name, id), Eval: func(args [][]float64, out []float64) {
		in := flat(args)
		switch {
		case !fresh(in) && cache.value != nil:
		case cache.differentiated:
			cache.value, cache.jt = sens.both(in)
		default:
			cache.value = sens.value(in)
		}
		copy(out, cache.value)
	}}
	if sens.both != nil {
		call.Jacobian = &autodiff.Call{Name: call.Name + "'", Eval: func(args [][]float64, out []float64) {
			in := flat(args)
			fresh(in)
			cache.differentiated = true
			if cache.jt == nil {
				value, jt := sens.both(in)
				if cache.value == nil {
					cache.value = value
				}
				cache.jt = jt
			}
			copy(out, cache.jt)
		}}
	}
	if sens.vjp != nil {
		call.VJP = &autodiff.Call{Name: call.Name + "ᵀ", Eval: func(args [][]float64, out []float64) {
			last := len(args) - 1
			copy(out, sens.vjp(flat(args[:last]), args[last]))
		}}
	}
	var n *autodiff.Node
	lang.Symbolic(func() *autodiff.Node {
		n = s.Graph().Call(call, shape, ins...)
		return n
	})
	return n
}

// anySymbolic reports whether some number of vals is symbolic.
func anySymbolic(vals ...lang.Value) bool {
	for _, v := range vals {
		for _, leaf := range lang.Leaves(v) {
			if leaf.Kind() == lang.ExprKind {
				return true
			}
		}
	}
	return false
}

// symbolicCall reports whether the arguments of a solver call from
// index first on (before the options), or its args option, hold
// symbolic numbers: what makes the solver's result a node of the graph.
// Other options may hold expressions of their own (constraints).
func symbolicCall(a lang.Args, first int) bool {
	n := len(a)
	if n > 0 && a[n-1].Kind() == lang.RecordKind {
		n--
		if v, ok := a[n].Record().Get("args"); ok && anySymbolic(v) {
			return true
		}
	}
	return first < n && anySymbolic(a[first:n]...)
}

// leafNumbers returns the numbers of a numeric value's leaves, flattened.
func leafNumbers(v lang.Value) []float64 {
	var out []float64
	for _, leaf := range lang.Leaves(v) {
		out = append(out, arrayOf(leaf).Floats()...)
	}
	return out
}

// splitArgs reads the args option as extraArgs does, and also when some of
// its numbers are symbolic, which makes the list one expression: its
// items are then the expression's rows.
func splitArgs(s *lang.Session, opts lang.Options) []lang.Value {
	extra := extraArgs(opts)
	if len(extra) != 1 || extra[0].Kind() != lang.ExprKind || len(extra[0].Node().Shape) == 0 {
		return extra
	}
	n := extra[0].Node()
	items := make([]lang.Value, n.Shape[0])
	for i := range items {
		items[i] = lang.Expr(lang.Symbolic(func() *autodiff.Node { return s.Graph().Index(n, i) }))
	}
	return items
}

// paramVector stands for every number of a solver's args (scipy's args,
// after the point and the time) as one vector variable, so that the
// derivative by all of them is one gradient. The args may mix numbers
// and symbols; only the symbolic numbers are inputs of the solver node.
type paramVector struct {
	v      *autodiff.Node // the vector variable
	p      []float64      // the numbers; the symbolic ones are set by bind
	params []int          // the positions in p of the symbolic numbers
	pieces []paramPiece
}

// paramPiece is one number or array of the args: the trace variable that
// stood for it, its value as a node, and where it sits in the vector.
type paramPiece struct {
	trace, value *autodiff.Node
	off          int
}

// newParamVector returns the vector for the args extra of the traced
// function t, whose arguments from index first on stand for extra, with
// the nodes of the symbolic numbers (the solver node's inputs).
func newParamVector(s *lang.Session, t *lang.Traced, first int, extra []lang.Value) (*paramVector, []*autodiff.Node) {
	pv := &paramVector{}
	var ins []*autodiff.Node
	for i, arg := range extra {
		for j, leaf := range lang.Leaves(arg) {
			v := t.Args[first+i].Vars[j]
			node, _ := s.NodeOf(leaf)
			pv.pieces = append(pv.pieces, paramPiece{v, node, len(pv.p)})
			if leaf.Kind() == lang.ExprKind {
				ins = append(ins, node)
				for k := range v.Size() {
					pv.params = append(pv.params, len(pv.p)+k)
				}
				pv.p = append(pv.p, make([]float64, v.Size())...)
			} else {
				pv.p = append(pv.p, arrayOf(leaf).Floats()...)
			}
		}
	}
	pv.v = s.Graph().Var("solver_parameters", []int{max(1, len(pv.p))})
	return pv, ins
}

// substitutions maps each trace variable of the args to its piece of
// the vector.
func (pv *paramVector) substitutions(g *autodiff.Graph) map[*autodiff.Node]*autodiff.Node {
	repl := map[*autodiff.Node]*autodiff.Node{}
	for _, pc := range pv.pieces {
		if pc.trace.IsScalar() {
			repl[pc.trace] = g.Index(pv.v, pc.off)
		} else {
			repl[pc.trace] = g.Reshape(g.Slice(pv.v, pc.off, pc.off+pc.trace.Size()), pc.trace.Shape)
		}
	}
	return repl
}

// values maps each trace variable of the args to the value it stood for.
func (pv *paramVector) values() map[*autodiff.Node]*autodiff.Node {
	repl := map[*autodiff.Node]*autodiff.Node{}
	for _, pc := range pv.pieces {
		repl[pc.trace] = pc.value
	}
	return repl
}

// bind sets the symbolic numbers from in.
func (pv *paramVector) bind(in []float64) {
	for k, at := range pv.params {
		pv.p[at] = in[k]
	}
}

// vector returns the numbers as the vector variable takes them.
func (pv *paramVector) vector() []float64 {
	if len(pv.p) == 0 {
		return []float64{0}
	}
	return pv.p
}

// numeric returns the args extra with their numbers taken from the
// vector.
func (pv *paramVector) numeric(extra []lang.Value) []lang.Value {
	out := make([]lang.Value, len(extra))
	k := 0
	for i, arg := range extra {
		leaves := lang.Leaves(arg)
		for j := range leaves {
			pc := pv.pieces[k]
			leaves[j] = numberLike(pc.trace.Shape, pv.p[pc.off:pc.off+pc.trace.Size()])
			k++
		}
		out[i], _ = lang.Rebuild(arg, leaves)
	}
	return out
}

// numberLike returns data as a number (shape ()) or an array of shape.
func numberLike(shape []int, data []float64) lang.Value {
	if len(shape) == 0 {
		return lang.Num(data[0])
	}
	return lang.Arr(array.New(shape, append([]float64(nil), data...)))
}

func init() {
	calculusBuiltins = append(calculusBuiltins, &lang.Builtin{
		Name: "sensitivity", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the function: of p, or an expression in its variables"},
			{Name: "p", Doc: "the point: a number or a vector"}}, Topic: "calculus",
		Options: []lang.Opt{{Name: "cov", Doc: "the covariance of p: adds cov and std of the value"}},
		Doc: "The value of f at p and its sensitivities to p.\n" +
			"A record value (f(p)) and S, the derivatives of every number of the value by each of p: of shape value's + p's " +
			"(value's alone for a number p). f may call solvers: odeint and solve_ivp give forward sensitivities (S[i] is " +
			"∂y(t_i)/∂p), fsolve, root and minimize implicit derivatives, quad derivatives under the integral sign. With cov, " +
			"the covariance of p, the record also holds cov, the covariance of the value's numbers to first order (S·cov·Sᵀ), " +
			"and std, their standard deviations shaped as the value.",
		Example: "decay(y, t, k) = -k*y\nsensitivity(k -> odeint(decay, 1, [0, 1, 2], args=[k]).T[0], 0.5).S",
		Fn:      sensitivity,
	})
}

// sensitivity is the builtin: f and its Jacobian at p, by tracing f.
func sensitivity(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	p, ok := toArray(args[1])
	if !ok || len(p.Shape) > 1 {
		panic(lang.ArgErrorf(1, "p must be a number or a vector, not %s", args[1].TypeName()))
	}
	o := newFn(s, args[0], []lang.Value{args[1]}, 0, -1, nil)
	if !o.Traced() {
		panic(lang.ArgErrorf(0, "%s cannot be traced, so it cannot be differentiated", lang.Format(args[0])))
	}
	value := append([]float64(nil), o.Eval(p.Floats(), 0)...)
	m, np := len(value), p.Len()
	jac := make([]float64, m*np)
	o.Deriv(p.Floats(), 0, jac)
	shape := o.traced.Out.Shape
	sShape := append(append([]int(nil), shape...), p.Shape...)
	rec := lang.NewRecord()
	rec.Set("value", numberLike(shape, value))
	rec.Set("S", numberLike(sShape, jac))
	if c := opts.Get("cov", lang.Nil); !c.IsNil() {
		cov := arrayOf(c)
		if cov.Len() != np*np {
			panic(lang.Errorf("cov must be a %d×%d matrix, not of shape %v", np, np, cov.Shape))
		}
		out := make([]float64, m*m)
		std, cd := make([]float64, m), cov.Floats()
		for i := range m {
			for j := range m {
				sum := 0.0
				for k := range np {
					for l := range np {
						sum += jac[i*np+k] * cd[k*np+l] * jac[j*np+l]
					}
				}
				out[i*m+j] = sum
			}
			std[i] = math.Sqrt(out[i*m+i])
		}
		rec.Set("cov", lang.Arr(array.New([]int{m, m}, out)))
		rec.Set("std", numberLike(shape, std))
	}
	return lang.RecordOf(rec)
}
