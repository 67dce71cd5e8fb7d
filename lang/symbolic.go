package lang

import (
	"errors"
	"slices"
	"strings"

	"calc/autodiff"
	"calc/stdlib/array"
)

// This file connects values to the autodiff graph: arithmetic with a
// symbol or an expression builds graph nodes instead of numbers, and an
// expression is a function of its free symbols in alphabetical order.

// Graph returns the session's expression graph.
func (s *Session) Graph() *autodiff.Graph { return s.graph }

// NodeOf returns v as a graph node: numbers, bools and arrays become
// constants; ok is false for other kinds.
func (s *Session) NodeOf(v Value) (*autodiff.Node, bool) {
	switch v.kind {
	case ExprKind:
		return v.Node(), true
	case NumKind, BoolKind:
		return s.graph.Const(v.num), true
	case ArrayKind:
		return s.graph.ConstArray(v.Array()), true
	}
	return nil, false
}

// Symbolic runs f, which builds graph nodes, and turns the shape errors
// the graph raises into user errors.
func Symbolic(f func() *autodiff.Node) (n *autodiff.Node) {
	defer func() {
		if r := recover(); r != nil {
			if e := graphError(r); e != nil {
				panic(e)
			}
			panic(r)
		}
	}()
	return f()
}

// graphError turns the panics of the graph's constructors — a shape that
// does not fit, the node limit — into user errors; nil for anything else.
func graphError(r any) *Error {
	var se *autodiff.ShapeError
	var big *autodiff.ErrTooLarge
	if err, ok := r.(error); ok && (errors.As(err, &se) || errors.As(err, &big)) {
		return Errorf("%v", err)
	}
	return nil
}

// symbolicOp applies a primitive to values at least one of which is an
// expression. It returns false if some value has no node (a string, say).
func (s *Session) symbolicOp(p *autodiff.Primitive, pos Pos, vals ...Value) (Value, bool) {
	nodes := make([]*autodiff.Node, len(vals))
	for i, v := range vals {
		n, ok := s.NodeOf(v)
		if !ok {
			return Nil, false
		}
		nodes[i] = n
	}
	return Expr(symbolicAt(pos, func() *autodiff.Node { return s.graph.Apply(p, nodes...) })), true
}

// hasExpr reports whether any of vs is an expression.
func hasExpr(vs ...Value) bool {
	for _, v := range vs {
		if v.kind == ExprKind {
			return true
		}
	}
	return false
}

// stackExprs builds a symbolic array from items when at least one is an
// expression and all are numbers, arrays or expressions of one shape.
func (s *Session) stackExprs(items []Value) (Value, bool) {
	if !hasExpr(items...) {
		return Nil, false
	}
	nodes := make([]*autodiff.Node, len(items))
	for i, it := range items {
		n, ok := s.NodeOf(it)
		if !ok || (i > 0 && !slices.Equal(n.Shape, nodes[0].Shape)) {
			return Nil, false
		}
		nodes[i] = n
	}
	return Expr(Symbolic(func() *autodiff.Node { return s.graph.Stack(nodes) })), true
}

// callExpr calls an expression as a function of its free symbols in
// alphabetical order: with numbers it evaluates, with expressions it
// substitutes.
func (s *Session) callExpr(n *autodiff.Node, args []Value, pos Pos) Value {
	c := s.compiledExprs[n]
	if c == nil {
		c = s.newCompiled([]*autodiff.Node{n}, autodiff.Vars(n), nil)
		s.compiledExprs[n] = c
	}
	vars := c.f.Vars
	if len(args) != len(vars) {
		panic(arityError(exprSignature(n, vars), len(vars), len(vars), len(args)).at(pos))
	}
	if len(args) >= 2 && pos.Known() && c.noted != s.statement {
		c.noted = s.statement
		s.noteOrder(n, vars)
	}
	return c.callAt(s, args, pos)
}

// exprSignature describes an expression as a function: "the expression
// x**2 + y of (x, y)".
func exprSignature(n *autodiff.Node, vars []*autodiff.Node) string {
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.Name
	}
	return "the expression " + n.String() + " of (" + strings.Join(names, ", ") + ")"
}

// compiled is a function given by graphs, with a way to assemble its
// outputs' values into its result (nil: the single output is the
// result). Numeric calls run its tape, with no allocation for scalar
// results; symbolic calls substitute.
type compiled struct {
	f        *Function
	assemble func([]Value) Value
	one      []float64 // backing for scalar inputs
	noted    int       // the statement that last noted the argument order
}

// newCompiled returns the function computing outs from vars.
func (s *Session) newCompiled(outs, vars []*autodiff.Node, assemble func([]Value) Value) *compiled {
	return &compiled{f: s.NewFunction(outs, vars, nil), assemble: assemble, one: make([]float64, len(vars))}
}

// callAt evaluates the function at args (numbers, arrays, expressions, or
// records and lists of them, matching the variables in order).
func (c *compiled) callAt(s *Session, args []Value, pos Pos) Value {
	var leaves []Value
	for _, a := range args {
		leaves = append(leaves, Leaves(a)...)
	}
	vars := c.f.Vars
	if len(leaves) != len(vars) {
		panic(Errorf("expected %d numbers or arrays, got %d", len(vars), len(leaves)).at(pos))
	}
	if v, ok := c.numeric(leaves); ok {
		return v
	}
	repl := make(map[*autodiff.Node]*autodiff.Node, len(vars))
	for i, v := range vars {
		a, ok := s.NodeOf(leaves[i])
		if !ok {
			panic(Errorf("cannot substitute %s for %s", leaves[i].TypeName(), v.Name).at(pos))
		}
		if !slices.Equal(a.Shape, v.Shape) && !v.IsScalar() {
			panic(Errorf("%s has shape %s, got %s", v.Name, array.ShapeString(v.Shape), array.ShapeString(a.Shape)).at(pos))
		}
		repl[v] = a
	}
	vals := make([]Value, len(c.f.Outs))
	for i, o := range c.f.Outs {
		vals[i] = Expr(symbolicAt(pos, func() *autodiff.Node { return s.graph.Substitute(o, repl) }))
	}
	return c.result(vals)
}

func (c *compiled) result(vals []Value) Value {
	if c.assemble == nil {
		return vals[0]
	}
	return c.assemble(vals)
}

// numeric evaluates the tape if each leaf is a number or an array of its
// variable's shape; ok is false otherwise (the caller substitutes).
func (c *compiled) numeric(leaves []Value) (Value, bool) {
	vars, outs := c.f.Vars, c.f.Outs
	for i, a := range leaves {
		switch a.kind {
		case NumKind, BoolKind:
			if !vars[i].IsScalar() {
				return Nil, false
			}
		case ArrayKind:
			if !slices.Equal(a.Array().Shape, vars[i].Shape) {
				return Nil, false
			}
		default:
			return Nil, false
		}
	}
	if c.f.Compile() != nil {
		return Nil, false
	}
	in := c.f.Inputs()
	for i, a := range leaves {
		if a.kind == ArrayKind {
			in[i] = a.Array().Floats()
		} else {
			c.one[i] = a.num
			in[i] = c.one[i : i+1]
		}
	}
	c.f.Eval()
	if len(outs) == 1 && outs[0].IsScalar() && c.assemble == nil {
		return Num(c.f.Output(0)[0]), true
	}
	vals := make([]Value, len(outs))
	for i, o := range outs {
		out := c.f.Output(i)
		if o.IsScalar() {
			vals[i] = Num(out[0])
		} else {
			vals[i] = Arr(array.New(o.Shape, append([]float64(nil), out...)))
		}
	}
	return c.result(vals), true
}

// selectOp builds cond ? yes : no for a symbolic condition.
func (s *Session) selectOp(cond, yes, no Value, pos Pos) Value {
	nodes := make([]*autodiff.Node, 3)
	for i, v := range []Value{cond, yes, no} {
		n, ok := s.NodeOf(v)
		if !ok {
			panic(Errorf("a symbolic condition needs numeric branches, not %s", v.TypeName()).at(pos))
		}
		nodes[i] = n
	}
	return Expr(symbolicAt(pos, func() *autodiff.Node { return s.graph.Select(nodes[0], nodes[1], nodes[2]) }))
}
