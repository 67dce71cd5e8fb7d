package lang

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"calc/autodiff"
	"calc/stdlib/array"
)

// Params returns the parameter names of a function value: a user
// function's own, an expression's free symbols in alphabetical order, or
// x0, x1, ... for a builtin of n arguments.
func (s *Session) Params(f Value, n int) []string {
	switch fn := f.ref.(type) {
	case *UserFunc:
		return fn.params
	case *Derived:
		return s.Params(fn.F, n)
	case *autodiff.Node:
		vars := autodiff.Vars(fn)
		names := make([]string, len(vars))
		for i, v := range vars {
			names[i] = v.Name
		}
		return names
	}
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("x%d", i)
	}
	return names
}

// Arg is one argument of a traced call: the value it was traced like, and
// the variables standing for its numbers (one for a number or an array,
// one per number or array inside a record or a list).
type Arg struct {
	Template Value
	Vars     []*autodiff.Node
}

// Traced is a function called once with symbolic arguments.
type Traced struct {
	Out  *autodiff.Node
	Args []Arg
	// reads are the global names the trace read, and gen the generation
	// it was made in: it stays valid while none of them changes. resets
	// reset the state its graph keeps between evaluations.
	reads  []*cell
	gen    int
	resets []func()
	// random says that the function drew random numbers while traced:
	// the trace holds the numbers drawn then, so it is never reused.
	random bool
}

// valid reports whether no global name the trace read has changed since.
func (t *Traced) valid() bool {
	if t.random {
		return false
	}
	for _, c := range t.reads {
		if c.changed > t.gen {
			return false
		}
	}
	return true
}

// Vars returns the variables of all the arguments, in order.
func (t *Traced) Vars() []*autodiff.Node {
	var vars []*autodiff.Node
	for _, a := range t.Args {
		vars = append(vars, a.Vars...)
	}
	return vars
}

// Trace calls f with symbolic stand-ins shaped like templates: a number
// becomes a scalar variable, an array a variable of its shape, a record or
// a list one of each per entry (named like p.w1 or p[0]). A function that
// cannot be traced (it branches on a symbolic value with and/or, works on
// strings, recurses without end) gives an error that says why.
func (s *Session) Trace(f Value, templates []Value) (t *Traced, err error) {
	names := s.Params(f, len(templates))
	if len(names) != len(templates) {
		return nil, Errorf("%s takes %d arguments, not %d", describeFunc(f), len(names), len(templates))
	}
	t = &Traced{Args: make([]Arg, len(templates)), gen: s.generation}
	args := make([]Value, len(templates))
	for i, tmpl := range templates {
		v, vars, err := s.standIn(names[i], tmpl)
		if err != nil {
			return nil, err
		}
		args[i], t.Args[i] = v, Arg{Template: tmpl, Vars: vars}
	}
	depth, sp, bp, traced, reads, resets, draws := s.depth, s.sp, s.bp, len(s.traced), len(s.reads), len(s.resets), s.draws
	s.traced = append(s.traced, t.Vars()...)
	s.tracing++
	defer func() {
		s.traced = s.traced[:traced]
		s.tracing--
		if t != nil {
			t.reads = slices.Compact(slices.SortedFunc(slices.Values(s.reads[reads:]), func(a, b *cell) int { return strings.Compare(a.name, b.name) }))
			t.resets = slices.Clone(s.resets[resets:])
		}
		if s.tracing == 0 {
			s.reads, s.resets = s.reads[:0], s.resets[:0]
		}
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			s.depth, s.sp, s.bp = depth, sp, bp
			t, err = nil, e
		}
	}()
	v := s.Call(f, args...)
	n, ok := s.NodeOf(v)
	if !ok {
		return nil, Errorf("%s returns %s, not a number or an array", describeFunc(f), v.TypeName())
	}
	t.Out = n
	if s.draws != draws {
		t.random = true
		s.Note(fmt.Sprintf("%s draws random numbers, and calc traces it once to compile it: the numbers drawn then stay fixed "+
			"while it runs, where numpy would draw new ones at every call", describeFunc(f)))
	}
	return t, nil
}

// DrawRandom tells the session that a builtin draws random numbers, so
// that a function traced meanwhile is known to hold fixed draws.
func (s *Session) DrawRandom() {
	if s.tracing > 0 {
		s.draws++
	}
}

// OnReuse registers, while a function is traced, the reset of state that
// its graph keeps between evaluations (a solver node's cache of its last
// result): a solver that reuses the cached trace (SolverFunction) runs it
// first, so that each solve starts as from a fresh trace.
func (s *Session) OnReuse(reset func()) {
	if s.tracing > 0 {
		s.resets = append(s.resets, reset)
	}
}

// Tracing reports whether a function is being traced (called with
// symbolic stand-ins to be differentiated or compiled).
func (s *Session) Tracing() bool { return len(s.traced) > 0 }

// containsExpr reports whether v is or holds a symbolic expression.
func containsExpr(v Value) bool {
	switch v.kind {
	case ExprKind:
		return true
	case ListKind:
		return slices.ContainsFunc(v.List().Items, containsExpr)
	case RecordKind:
		for _, it := range v.Record().Values {
			if containsExpr(it) {
				return true
			}
		}
	}
	return false
}

// tracedIn returns the name of a variable of a trace in progress that one
// of args depends on (through expressions, collections, or the values a
// lambda holds), or "".
func (s *Session) tracedIn(args []Value) string {
	traced := map[*autodiff.Node]bool{}
	for _, v := range s.traced {
		traced[v] = true
	}
	var find func(v Value) string
	find = func(v Value) string {
		switch r := v.ref.(type) {
		case *autodiff.Node:
			for _, x := range autodiff.Vars(r) {
				if traced[x] {
					return x.Name
				}
			}
		case *List:
			for _, it := range r.Items {
				if x := find(it); x != "" {
					return x
				}
			}
		case *Record:
			for _, k := range r.Keys {
				if x := find(r.Values[k]); x != "" {
					return x
				}
			}
		case *UserFunc:
			for _, it := range r.captured {
				if x := find(it); x != "" {
					return x
				}
			}
		}
		return ""
	}
	for _, a := range args {
		if x := find(a); x != "" {
			return x
		}
	}
	return ""
}

// standIn returns the symbolic value standing for an argument shaped like
// tmpl, and its variables.
func (s *Session) standIn(name string, tmpl Value) (Value, []*autodiff.Node, error) {
	switch tmpl.kind {
	case NumKind, BoolKind:
		v := s.graph.Var(name, nil)
		return Value{kind: ExprKind, ref: v}, []*autodiff.Node{v}, nil
	case ArrayKind:
		v := s.graph.Var(name, tmpl.Array().Shape)
		return Value{kind: ExprKind, ref: v}, []*autodiff.Node{v}, nil
	case ExprKind:
		v := s.graph.Var(name, tmpl.Node().Shape)
		return Value{kind: ExprKind, ref: v}, []*autodiff.Node{v}, nil
	case RecordKind:
		r, out := tmpl.Record(), NewRecord()
		var vars []*autodiff.Node
		for _, k := range r.Keys {
			v, vs, err := s.standIn(name+"."+k, r.Values[k])
			if err != nil {
				return Nil, nil, err
			}
			out.Set(k, v)
			vars = append(vars, vs...)
		}
		return RecordOf(out), vars, nil
	case ListKind:
		items := tmpl.List().Items
		out := make([]Value, len(items))
		var vars []*autodiff.Node
		for i, it := range items {
			v, vs, err := s.standIn(name+"["+strconv.Itoa(i)+"]", it)
			if err != nil {
				return Nil, nil, err
			}
			out[i] = v
			vars = append(vars, vs...)
		}
		return ListOf(out), vars, nil
	}
	return Nil, nil, Errorf("cannot differentiate with respect to %s %s", aOrAn(tmpl.TypeName()), tmpl.TypeName())
}

func aOrAn(word string) string {
	if strings.IndexByte("aeiou", word[0]) >= 0 {
		return "an"
	}
	return "a"
}

// Leaves returns the numbers and arrays inside v in the order Trace makes
// variables for them.
func Leaves(v Value) []Value {
	switch v.kind {
	case RecordKind:
		var out []Value
		for _, k := range v.Record().Keys {
			out = append(out, Leaves(v.Record().Values[k])...)
		}
		return out
	case ListKind:
		var out []Value
		for _, it := range v.List().Items {
			out = append(out, Leaves(it)...)
		}
		return out
	}
	return []Value{v}
}

// NumericTemplate returns a value shaped like v with its symbolic
// numbers replaced by zeros: what a function is traced like when it is
// called with expressions.
func NumericTemplate(v Value) Value {
	leaves := Leaves(v)
	for i, leaf := range leaves {
		if leaf.Kind() == ExprKind {
			if shape := leaf.Node().Shape; len(shape) > 0 {
				leaves[i] = Arr(array.Zeros(shape...))
			} else {
				leaves[i] = Num(0)
			}
		}
	}
	out, _ := Rebuild(v, leaves)
	return out
}

// Rebuild returns a value shaped like tmpl with its numbers and arrays
// taken in order from leaves, and the leaves left over.
func Rebuild(tmpl Value, leaves []Value) (Value, []Value) {
	switch tmpl.kind {
	case RecordKind:
		r, out := tmpl.Record(), NewRecord()
		for _, k := range r.Keys {
			var v Value
			v, leaves = Rebuild(r.Values[k], leaves)
			out.Set(k, v)
		}
		return RecordOf(out), leaves
	case ListKind:
		items := tmpl.List().Items
		out := make([]Value, len(items))
		for i, it := range items {
			out[i], leaves = Rebuild(it, leaves)
		}
		return ListOf(out), leaves
	}
	return leaves[0], leaves[1:]
}

// signature describes the structure of values, for caching traces.
func signature(vals []Value) string {
	var b strings.Builder
	var walk func(Value)
	walk = func(v Value) {
		switch v.kind {
		case RecordKind:
			b.WriteString("{")
			for _, k := range v.Record().Keys {
				b.WriteString(k + ":")
				walk(v.Record().Values[k])
			}
			b.WriteString("}")
		case ListKind:
			b.WriteString("[")
			for _, it := range v.List().Items {
				walk(it)
			}
			b.WriteString("]")
		case ArrayKind:
			b.WriteString(array.ShapeString(v.Array().Shape))
		case ExprKind:
			b.WriteString(array.ShapeString(v.Node().Shape))
		default:
			b.WriteString(v.kind.String())
		}
		b.WriteString(",")
	}
	for _, v := range vals {
		walk(v)
	}
	return b.String()
}

// describeFunc names a function value for messages.
func describeFunc(f Value) string {
	switch fn := f.ref.(type) {
	case Callable:
		return fn.Signature()
	case *autodiff.Node:
		return fn.String()
	}
	return f.TypeName()
}

// Derived is a function computed from another by a graph transformation:
// grad(f), jacobian(f), hessian(f). It traces f when called, like the
// arguments it gets, as a Function (shared with the solvers that call f),
// and caches the transformed graph and its tape.
type Derived struct {
	Name string // "grad", "hessian", ...
	F    Value
	// By picks the variables of F's trace to differentiate by; it must
	// be the same for every derived function of one Name.
	By func(t *Traced) []*autodiff.Node
	// Transform builds the derived function's outputs from F made ready,
	// and a function that assembles their values into its result.
	Transform func(f *Function) (outs []*autodiff.Node, assemble func([]Value) Value)

	cache map[string]derivedEntry
}

type derivedEntry struct {
	c    *compiled
	from *Function
}

// Signature returns the derived function's name and what it derives from.
func (d *Derived) Signature() string { return d.Name + "(" + describeFunc(d.F) + ")" }

// lookup returns the derived graph for arguments like args, from the
// cache while F's trace is.
func (d *Derived) lookup(s *Session, args []Value) (*compiled, error) {
	// Expressions given for numbers are traced as numbers, so that
	// grad(f)(a, b) differentiates by both, as grad(f)(1, 2) does.
	templates := make([]Value, len(args))
	for i, a := range args {
		templates[i] = NumericTemplate(a)
	}
	args = templates
	f, err := s.SolverFunction(d.F, args, "by "+d.Name, func(t *Traced) (*autodiff.Node, []*autodiff.Node) { return t.Out, d.By(t) })
	if err != nil {
		return nil, err
	}
	key := signature(args)
	if e, ok := d.cache[key]; ok && e.from == f {
		return e.c, nil
	}
	var outs []*autodiff.Node
	var assemble func([]Value) Value
	Symbolic(func() *autodiff.Node {
		outs, assemble = d.Transform(f)
		return nil
	})
	if d.cache == nil {
		d.cache = map[string]derivedEntry{}
	}
	c := s.newCompiled(outs, f.Vars, assemble)
	d.cache[key] = derivedEntry{c, f}
	return c, nil
}

// callDerived evaluates a derived function at args.
func (s *Session) callDerived(d *Derived, args []Value, pos Pos) Value {
	c, err := d.lookup(s, args)
	if err != nil {
		panic(Errorf("cannot differentiate %s: %v", describeFunc(d.F), ErrorMessage(err)).at(pos))
	}
	return c.callAt(s, args, pos)
}

// ErrorMessage returns an error's message without its position.
func ErrorMessage(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Msg
	}
	return err.Error()
}
