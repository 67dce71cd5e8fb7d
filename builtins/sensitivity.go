package builtins

import (
	"fmt"
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
// number) with the result on the way.
type sensitivities struct {
	value func(in []float64) []float64
	both  func(in []float64) (value, jt []float64)
}

// solverCache keeps the last input a solver node was evaluated at, with
// its result and (once asked for) its sensitivities: a tape that needs
// both solves once.
type solverCache struct {
	in, value, jt []float64
}

// solverNode returns the node of a solver's result, of shape, as a
// function of the nodes ins.
func solverNode(g *autodiff.Graph, name string, shape []int, ins []*autodiff.Node, sens sensitivities) *autodiff.Node {
	cache := &solverCache{}
	flat := func(args [][]float64) []float64 {
		var in []float64
		for _, a := range args {
			in = append(in, a...)
		}
		return in
	}
	fresh := func(in []float64) bool {
		if cache.in != nil && slices.Equal(in, cache.in) {
			return false
		}
		cache.in, cache.value, cache.jt = in, nil, nil
		return true
	}
	id := solverCalls.Add(1)
	jac := &autodiff.Call{Name: fmt.Sprintf("%s_%d'", name, id), Eval: func(args [][]float64, out []float64) {
		in := flat(args)
		fresh(in)
		if cache.jt == nil {
			value, jt := sens.both(in)
			if cache.value == nil {
				cache.value = value
			}
			cache.jt = jt
		}
		copy(out, cache.jt)
	}}
	call := &autodiff.Call{Name: fmt.Sprintf("%s_%d", name, id), Jacobian: jac, Eval: func(args [][]float64, out []float64) {
		in := flat(args)
		if fresh(in) || cache.value == nil {
			cache.value = sens.value(in)
		}
		copy(out, cache.value)
	}}
	var n *autodiff.Node
	lang.Symbolic(func() *autodiff.Node {
		n = g.Call(call, shape, ins...)
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

// numericTemplate returns a value shaped like v with its symbolic
// numbers replaced by zeros: what a solver's function is traced like.
func numericTemplate(v lang.Value) lang.Value {
	leaves := lang.Leaves(v)
	for i, leaf := range leaves {
		if leaf.Kind() == lang.ExprKind {
			if shape := leaf.Node().Shape; len(shape) > 0 {
				leaves[i] = lang.Arr(array.Zeros(shape...))
			} else {
				leaves[i] = lang.Num(0)
			}
		}
	}
	out, _ := lang.Rebuild(v, leaves)
	return out
}

// leafNumbers returns the numbers of a numeric value's leaves, flattened.
func leafNumbers(v lang.Value) []float64 {
	var out []float64
	for _, leaf := range lang.Leaves(v) {
		out = append(out, arrayOf(leaf).Data...)
	}
	return out
}

// odeArgs reads the args option as extraArgs does, and also when some of
// its numbers are symbolic, which makes the list one expression: its
// items are then the expression's rows.
func odeArgs(s *lang.Session, opts lang.Options) []lang.Value {
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
