package lang

import (
	"fmt"
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
		return fn.params(s, n)
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

// Trace calls f once with symbolic arguments of the given shapes and
// returns the graph of its result and the variables standing for its
// parameters. A function that cannot be traced (it branches on a symbolic
// value with and/or, works on strings, recurses without end) gives an
// error that says why.
func (s *Session) Trace(f Value, shapes [][]int) (out *autodiff.Node, params []*autodiff.Node, err error) {
	names := s.Params(f, len(shapes))
	if len(names) != len(shapes) {
		return nil, nil, Errorf("%s takes %d arguments, not %d", describeFunc(f), len(names), len(shapes))
	}
	args := make([]Value, len(names))
	params = make([]*autodiff.Node, len(names))
	for i, name := range names {
		params[i] = s.graph.Var(name, shapes[i])
		args[i] = Value{kind: ExprKind, ref: params[i]}
	}
	depth, sp, bp := s.depth, s.sp, s.bp
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			s.depth, s.sp, s.bp = depth, sp, bp
			err = e
		}
	}()
	v := s.Call(f, args...)
	n, ok := s.NodeOf(v)
	if !ok {
		return nil, nil, Errorf("%s returns %s, not a number or an array", describeFunc(f), v.TypeName())
	}
	return n, params, nil
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
// diff(f), grad(f), jacobian(f), hessian(f). It traces f when called, for
// the shapes of the arguments it gets, and caches the transformed graph.
type Derived struct {
	Name string // "grad", "hessian", ...
	F    Value
	// Transform builds the derived graph from f's traced output and its
	// parameter variables.
	Transform func(g *autodiff.Graph, out *autodiff.Node, params []*autodiff.Node) *autodiff.Node

	cache map[string]derivedGraph
}

type derivedGraph struct {
	*compiled
	gen int
}

// Signature returns the derived function's name and parameters.
func (d *Derived) Signature() string { return d.Name + "(" + describeFunc(d.F) + ")" }

func (d *Derived) params(s *Session, n int) []string { return s.Params(d.F, n) }

// Graph returns the derived graph for arguments of the given shapes, and
// the variables that stand for the arguments.
func (d *Derived) Graph(s *Session, shapes [][]int) (*autodiff.Node, []*autodiff.Node, error) {
	c, err := d.lookup(s, shapes)
	if err != nil {
		return nil, nil, err
	}
	return c.node, c.vars, nil
}

// lookup returns the traced and transformed graph for the shapes, from the
// cache while no binding has changed since it was made.
func (d *Derived) lookup(s *Session, shapes [][]int) (*compiled, error) {
	var key strings.Builder
	for _, sh := range shapes {
		key.WriteString(array.ShapeString(sh))
	}
	if c, ok := d.cache[key.String()]; ok && c.gen == s.generation {
		return c.compiled, nil
	}
	out, params, err := s.Trace(d.F, shapes)
	if err != nil {
		return nil, err
	}
	node := Symbolic(func() *autodiff.Node { return d.Transform(s.graph, out, params) })
	if d.cache == nil {
		d.cache = map[string]derivedGraph{}
	}
	c := &compiled{node: node, vars: params}
	d.cache[key.String()] = derivedGraph{c, s.generation}
	return c, nil
}

// callDerived evaluates a derived function at args.
func (s *Session) callDerived(d *Derived, args []Value, pos Pos) Value {
	shapes := make([][]int, len(args))
	nodes := make([]*autodiff.Node, len(args))
	for i, a := range args {
		n, ok := s.NodeOf(a)
		if !ok {
			panic(Errorf("%s: expected numbers or arrays, got %s", d.Signature(), a.TypeName()).at(pos))
		}
		nodes[i], shapes[i] = n, n.Shape
	}
	c, err := d.lookup(s, shapes)
	if err != nil {
		panic(Errorf("cannot differentiate %s: %v", describeFunc(d.F), errMsg(err)).at(pos))
	}
	if v, ok := c.call(args); ok {
		return v
	}
	repl := make(map[*autodiff.Node]*autodiff.Node, len(c.vars))
	for i, p := range c.vars {
		repl[p] = nodes[i]
	}
	return Expr(symbolicAt(pos, func() *autodiff.Node { return s.graph.Substitute(c.node, repl) }))
}

// errMsg returns an error's message without its position.
func errMsg(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Msg
	}
	return err.Error()
}
