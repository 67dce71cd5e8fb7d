package lang

import (
	"errors"

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
			var se *autodiff.ShapeError
			var big *autodiff.ErrTooLarge
			if err, ok := r.(error); ok && (errors.As(err, &se) || errors.As(err, &big)) {
				panic(Errorf("%v", err))
			}
			panic(r)
		}
	}()
	return f()
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
		if !ok || (i > 0 && !sameShape(n.Shape, nodes[0].Shape)) {
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
		c = &compiled{node: n, vars: autodiff.Vars(n)}
		s.compiledExprs[n] = c
	}
	vars := c.vars
	if len(args) != len(vars) {
		panic(arityError(exprSignature(n, vars), len(vars), len(vars), len(args)).at(pos))
	}
	if v, ok := c.call(args); ok {
		return v
	}
	repl := make(map[*autodiff.Node]*autodiff.Node, len(vars))
	for i, v := range vars {
		a, ok := s.NodeOf(args[i])
		if !ok {
			panic(Errorf("cannot substitute %s for %s", args[i].TypeName(), v.Name).at(pos))
		}
		if !sameShape(a.Shape, v.Shape) && !v.IsScalar() {
			panic(Errorf("%s has shape %s, got %s", v.Name, array.ShapeString(v.Shape), array.ShapeString(a.Shape)).at(pos))
		}
		repl[v] = a
	}
	return Expr(Symbolic(func() *autodiff.Node { return s.graph.Substitute(n, repl) }))
}

// exprSignature describes an expression as a function: "x**2 + y (x, y)".
func exprSignature(n *autodiff.Node, vars []*autodiff.Node) string {
	names := ""
	for i, v := range vars {
		if i > 0 {
			names += ", "
		}
		names += v.Name
	}
	return "the expression " + n.String() + " of (" + names + ")"
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

// compiled is a graph with the variables it is a function of, compiled to
// a tape on its first numeric call. Numeric calls then run the tape: no
// allocation for scalar results.
type compiled struct {
	node *autodiff.Node
	vars []*autodiff.Node
	tape *autodiff.Tape
	ins  [][]float64
	one  []float64 // backing for scalar inputs
}

// call evaluates the graph at args if each is a number or an array of its
// variable's shape; ok is false otherwise (the caller substitutes).
func (c *compiled) call(args []Value) (Value, bool) {
	for i, a := range args {
		switch a.kind {
		case NumKind, BoolKind:
			if !c.vars[i].IsScalar() {
				return Nil, false
			}
		case ArrayKind:
			if !sameShape(a.Array().Shape, c.vars[i].Shape) {
				return Nil, false
			}
		default:
			return Nil, false
		}
	}
	if c.tape == nil {
		tape, err := autodiff.Compile([]*autodiff.Node{c.node}, c.vars)
		if err != nil {
			return Nil, false
		}
		c.tape, c.ins, c.one = tape, make([][]float64, len(c.vars)), make([]float64, len(c.vars))
	}
	for i, a := range args {
		if a.kind == ArrayKind {
			c.ins[i] = a.Array().Data
		} else {
			c.one[i] = a.num
			c.ins[i] = c.one[i : i+1]
		}
	}
	c.tape.Eval(c.ins...)
	out := c.tape.Output(0)
	if c.node.IsScalar() {
		return Num(out[0]), true
	}
	return Arr(array.New(c.node.Shape, append([]float64(nil), out...))), true
}
