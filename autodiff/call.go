package autodiff

import (
	"fmt"
	"slices"

	"calc/stdlib/array"
)

// Call is a function computed by Go code outside the graph, such as a
// numerical solver, applied to nodes (OpCall): the node's value, of the
// node's shape, is Eval of its arguments' values. It is differentiated
// in reverse mode by one of two derivatives, both Calls of their own:
//
//   - Jacobian, on the same arguments, whose value is the transposed
//     Jacobian: a matrix of shape [N, M], N the number of elements of all
//     the arguments in order, M the number of elements of the result, row
//     i holding the derivative of the result by argument element i. An
//     argument's adjoint is its rows times the result's adjoint. One
//     evaluation serves every row of a Jacobian of the result (forward
//     sensitivities of an ODE).
//   - VJP, the vector–Jacobian product, on the arguments followed by the
//     result's adjoint (flattened, M numbers), whose value is the adjoints
//     of all the arguments concatenated (N numbers), with no N×M matrix
//     formed (the adjoint method of an ODE, whose cost does not grow with
//     N).
//
// A Call with both takes VJP for a general adjoint (the gradient of a
// scalar function of the result) and Jacobian for a constant one-hot
// adjoint (a row of a Jacobian, where the rows share one evaluation of
// the Jacobian). A Call with neither cannot be differentiated.
type Call struct {
	// Name names the call in printed graphs. It must be unique within a
	// graph, because nodes are interned by name.
	Name string
	// Eval writes the result for the arguments' values into out.
	Eval     func(args [][]float64, out []float64)
	Jacobian *Call
	VJP      *Call
}

// Call returns the node of c applied to args, with a result of shape:
// its value, a constant, when every argument is a constant (a solver's
// symbols substituted by numbers).
func (g *Graph) Call(c *Call, shape []int, args ...*Node) *Node {
	n := &Node{Op: OpCall, Call: c, Args: args, Shape: slices.Clone(shape)}
	values := make([]*array.Array, len(args))
	for i, a := range args {
		if values[i] = constArray(a); values[i] == nil {
			return g.intern(n)
		}
	}
	return g.ConstArray(evalCall(n, values))
}

// callAdjoints returns the adjoint of each argument of the call n given
// the adjoint adj of its result: by its vector–Jacobian product, or by
// its rows of the transposed Jacobian times adj (see Call).
func (g *Graph) callAdjoints(n, adj *Node, reaches map[*Node]bool) []*Node {
	c := n.Call
	flat := g.Reshape(adj, []int{n.Size()})
	at, scale := oneHot(flat)
	switch {
	case c.VJP != nil && (c.Jacobian == nil || at < 0):
		return g.vjpAdjoints(n, flat, reaches)
	case c.Jacobian == nil:
		shapeErrorf("%s has no derivative here", c.Name)
	}
	jt := g.Call(c.Jacobian, []int{argsSize(n), n.Size()}, n.Args...)
	return g.splitAdjoints(n, reaches, func(a *Node, off int) *Node {
		rows := g.Slice(jt, off, off+a.Size())
		if at >= 0 {
			// A Jacobian's row: one column of the rows, not a product.
			return g.Mul(g.Const(scale), g.Index(g.Transpose(rows), at))
		}
		return g.Dot(rows, flat)
	})
}

// vjpAdjoints returns the adjoint of each argument of the call n by its
// vector–Jacobian product with the flattened adjoint flat.
func (g *Graph) vjpAdjoints(n, flat *Node, reaches map[*Node]bool) []*Node {
	all := g.Call(n.Call.VJP, []int{argsSize(n)}, append(slices.Clone(n.Args), flat)...)
	return g.splitAdjoints(n, reaches, func(a *Node, off int) *Node {
		return g.Slice(all, off, off+a.Size())
	})
}

// splitAdjoints returns the adjoint of each argument of n that reaches
// the variables, from piece(argument, its offset among all the
// arguments' numbers) shaped as the argument.
func (g *Graph) splitAdjoints(n *Node, reaches map[*Node]bool, piece func(a *Node, off int) *Node) []*Node {
	d := make([]*Node, len(n.Args))
	off := 0
	for k, a := range n.Args {
		if reaches[a] {
			d[k] = g.Reshape(piece(a, off), a.Shape)
		}
		off += a.Size()
	}
	return d
}

// argsSize returns the number of elements of all the arguments of n.
func argsSize(n *Node) int {
	total := 0
	for _, a := range n.Args {
		total += a.Size()
	}
	return total
}

// oneHot returns the position and value of the one nonzero element of a
// constant vector (the adjoint of one component of a result), or -1.
func oneHot(v *Node) (int, float64) {
	c := constArray(v)
	if c == nil || c.Len() < 2 {
		return -1, 0
	}
	at := -1
	for i, x := range c.Floats() {
		if x != 0 {
			if at >= 0 {
				return -1, 0
			}
			at = i
		}
	}
	if at < 0 {
		return -1, 0
	}
	return at, c.Floats()[at]
}

// evalCall computes a call's value from its arguments' values.
func evalCall(n *Node, args []*array.Array) *array.Array {
	in := make([][]float64, len(args))
	for i, a := range args {
		in[i] = a.Floats()
	}
	out := array.Zeros(n.Shape...)
	n.Call.Eval(in, out.Floats())
	return out
}

// callFirst reorders a tape's nodes so that the Jacobian of a call comes
// right before the call itself when both are computed: a solver that
// gives its sensitivities computes its value on the way and keeps it, so
// the call then costs nothing.
func callFirst(order []*Node) []*Node {
	jacobians := map[string]*Node{}
	for _, n := range order {
		if n.Op == OpCall {
			jacobians[callKey(n.Call, n.Args)] = n
		}
	}
	if len(jacobians) == 0 {
		return order
	}
	out := make([]*Node, 0, len(order))
	emitted := map[*Node]bool{}
	emit := func(n *Node) {
		if !emitted[n] {
			emitted[n] = true
			out = append(out, n)
		}
	}
	for _, n := range order {
		if n.Op == OpCall && n.Call.Jacobian != nil {
			if j, ok := jacobians[callKey(n.Call.Jacobian, n.Args)]; ok {
				emit(j)
			}
		}
		emit(n)
	}
	return out
}

// callKey identifies a call applied to arguments.
func callKey(c *Call, args []*Node) string {
	key := fmt.Sprintf("%p", c)
	for _, a := range args {
		key += fmt.Sprintf(",%d", a.id)
	}
	return key
}
