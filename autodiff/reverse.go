package autodiff

import (
	"slices"

	"calc/stdlib/array"
)

// Reverse-mode differentiation on the graph (Griewank & Walther,
// "Evaluating Derivatives", ch. 3): the adjoint of every node is built as
// more graph, from the output back to the inputs, with each operation's
// vector–Jacobian product. The result is an ordinary node, so it can be
// printed, compiled, and differentiated again.

// topo returns the nodes outs depend on, arguments before users, in the
// order of a depth-first walk: an order that depends only on the graph's
// structure, not on when its nodes were made, so that derivatives print
// the same in every session.
func topo(outs ...*Node) []*Node {
	seen := map[*Node]bool{}
	var order []*Node
	var visit func(*Node)
	visit = func(n *Node) {
		if seen[n] {
			return
		}
		seen[n] = true
		if n.Op == OpMul {
			// Numerators before denominators, as a quotient is written, so
			// that the quotient rule reads u'/v - u*v'/v**2.
			for _, below := range []bool{false, true} {
				for _, a := range n.Args {
					if isDenominator(a) == below {
						visit(a)
					}
				}
			}
		} else {
			for _, a := range n.Args {
				visit(a)
			}
		}
		order = append(order, n)
	}
	for _, o := range outs {
		visit(o)
	}
	return order
}

// isDenominator reports whether a factor is a negative power.
func isDenominator(f *Node) bool {
	if f.Op != OpPow {
		return false
	}
	k, ok := f.Args[1].constValue()
	return ok && k < 0
}

// contribution is one parent's share of a node's adjoint.
type contribution struct {
	from int // the rank in the walk of the node it came through
	v    *Node
}

// Grad returns the derivatives of the scalar out with respect to each of
// wrt (variables or any other nodes of the graph), each of wrt's shape.
func (g *Graph) Grad(out *Node, wrt ...*Node) []*Node {
	if !out.IsScalar() {
		shapeErrorf("the gradient needs a scalar function, not one of shape %s", array.ShapeString(out.Shape))
	}
	return g.VJP(out, g.Const(1), wrt...)
}

// VJP returns the vector–Jacobian product seedᵀ·∂out/∂w for each w of wrt:
// the adjoints of wrt when out's adjoint is seed.
func (g *Graph) VJP(out, seed *Node, wrt ...*Node) []*Node {
	if out.Op == OpApply && isComparison(out.Prim.Name) {
		shapeErrorf("%s is a comparison, true or false: it has no derivative", out)
	}
	parts := map[*Node][]contribution{out: {{0, seed}}}
	adjoint := map[*Node]*Node{}
	needed := map[*Node]bool{}
	for _, w := range wrt {
		needed[w] = true
	}
	order := topo(out)
	rank := make(map[*Node]int, len(order))
	for i, n := range order {
		rank[n] = i
	}
	// Only nodes on a path to some w need adjoints.
	reaches := map[*Node]bool{}
	for _, n := range order {
		if needed[n] {
			reaches[n] = true
			continue
		}
		for _, a := range n.Args {
			if reaches[a] {
				reaches[n] = true
				break
			}
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		if !reaches[n] || len(parts[n]) == 0 {
			continue
		}
		// Sum the contributions in the order of the nodes they came
		// through, so derivatives read in the order the formula was
		// written (the product rule's u'v + uv').
		cs := parts[n]
		slices.SortStableFunc(cs, func(a, b contribution) int { return a.from - b.from })
		vs := make([]*Node, len(cs))
		for k, c := range cs {
			vs[k] = c.v
		}
		adj := g.Add(vs...)
		adjoint[n] = adj
		if n.Op == OpVar || n.Op == OpConst {
			continue
		}
		for k, d := range g.backward(n, adj, reaches) {
			if d != nil && reaches[n.Args[k]] {
				a := n.Args[k]
				parts[a] = append(parts[a], contribution{rank[n], g.SumTo(d, a.Shape)})
			}
		}
	}
	res := make([]*Node, len(wrt))
	for i, w := range wrt {
		if a, ok := adjoint[w]; ok {
			res[i] = g.Broadcast(a, w.Shape)
		} else {
			res[i] = g.filled(0, w.Shape)
		}
	}
	return res
}

// backward returns the adjoint contributions of n's arguments given n's
// adjoint adj (nil where an argument gets none). Contributions may have
// n's shape; the caller sums them down to each argument's shape.
func (g *Graph) backward(n *Node, adj *Node, reaches map[*Node]bool) []*Node {
	d := make([]*Node, len(n.Args))
	switch n.Op {
	case OpAdd:
		for i := range n.Args {
			d[i] = g.Mul(g.Const(n.Coefs[i]), adj)
		}
	case OpMul:
		for i := range n.Args {
			others := []*Node{g.Const(n.Val), adj}
			for j, f := range n.Args {
				if j != i {
					others = append(others, f)
				}
			}
			d[i] = g.Mul(others...)
		}
	case OpPow:
		base, exp := n.Args[0], n.Args[1]
		d[0] = g.Mul(adj, exp, g.Pow(base, g.Sub(exp, g.Const(1))))
		if !exp.IsConst() {
			d[1] = g.Mul(adj, n, g.Apply(Lookup("log"), base))
		}
	case OpApply:
		p := n.Prim
		switch {
		case p.Piecewise:
		case p.Arity == 1 && p.Deriv != nil:
			d[0] = g.Mul(adj, p.Deriv(g, n.Args[0], n))
		case p.Arity == 2 && p.Partials != nil:
			dx, dy := p.Partials(g, n.Args[0], n.Args[1], n)
			for i, part := range []*Node{dx, dy} {
				if part != nil {
					d[i] = g.Mul(adj, part)
				} else if reaches[n.Args[i]] {
					shapeErrorf("%s has no derivative by its %s argument here", p.Name, []string{"first", "second"}[i])
				}
			}
		case p.Arity == 3 && p.Partials3 != nil:
			parts := p.Partials3(g, n.Args[0], n.Args[1], n.Args[2], n)
			for i, part := range parts {
				if part != nil {
					d[i] = g.Mul(adj, part)
				} else if reaches[n.Args[i]] {
					shapeErrorf("%s has no derivative by its %s argument here", p.Name, []string{"first", "second", "third"}[i])
				}
			}
		default:
			shapeErrorf("%s has no derivative here", p.Name)
		}
	case OpSelect:
		zero := g.Const(0)
		d[1] = g.Select(n.Args[0], adj, zero)
		d[2] = g.Select(n.Args[0], zero, adj)
	case OpDot:
		d[0], d[1] = g.dotAdjoints(n.Args[0], n.Args[1], adj)
	case OpTranspose:
		d[0] = g.Transpose(adj)
	case OpSum:
		a := n.Args[0]
		if n.Lo == AllAxes {
			d[0] = g.Broadcast(adj, a.Shape)
		} else {
			kept := slices.Clone(a.Shape)
			kept[n.Lo] = 1
			d[0] = g.Broadcast(g.Reshape(adj, kept), a.Shape)
		}
	case OpIndex:
		d[0] = g.scatter(adj, n.Lo, -1, n.Args[0].Shape)
	case OpSlice:
		d[0] = g.scatter(adj, n.Lo, n.Hi, n.Args[0].Shape)
	case OpStack:
		for i := range n.Args {
			d[i] = g.Index(adj, i)
		}
	case OpReshape:
		d[0] = g.Reshape(adj, n.Args[0].Shape)
	case OpBroadcast:
		d[0] = g.SumTo(adj, n.Args[0].Shape)
	case OpSumTo:
		d[0] = g.Broadcast(adj, n.Args[0].Shape)
	case OpScatter:
		if n.Hi < 0 {
			d[0] = g.Index(adj, n.Lo)
		} else {
			d[0] = g.Slice(adj, n.Lo, n.Hi)
		}
	case OpCall:
		d = g.callAdjoints(n, adj, reaches)
	}
	return d
}

// dotAdjoints returns the adjoints of a and b in adj = dot(a, b)'s
// backward pass, for each combination of vectors and matrices.
func (g *Graph) dotAdjoints(a, b, adj *Node) (*Node, *Node) {
	switch {
	case len(a.Shape) == 1 && len(b.Shape) == 1: // inner product
		return g.Mul(adj, b), g.Mul(adj, a)
	case len(a.Shape) == 2 && len(b.Shape) == 1: // matrix·vector
		m, k := a.Shape[0], a.Shape[1]
		return g.Dot(g.Reshape(adj, []int{m, 1}), g.Reshape(b, []int{1, k})), g.Dot(g.Transpose(a), adj)
	case len(a.Shape) == 1 && len(b.Shape) == 2: // vector·matrix
		k, n := b.Shape[0], b.Shape[1]
		return g.Dot(b, adj), g.Dot(g.Reshape(a, []int{k, 1}), g.Reshape(adj, []int{1, n}))
	}
	return g.Dot(adj, g.Transpose(b)), g.Dot(g.Transpose(a), adj)
}

// Jacobian returns ∂out[i]/∂w for each output component i (out a scalar
// or a vector) and each w of wrt: one reverse sweep per output.
func (g *Graph) Jacobian(out *Node, wrt ...*Node) [][]*Node {
	if out.IsScalar() {
		return [][]*Node{g.Grad(out, wrt...)}
	}
	if len(out.Shape) != 1 {
		shapeErrorf("the Jacobian needs a vector function, not one of shape %s", array.ShapeString(out.Shape))
	}
	rows := make([][]*Node, out.Shape[0])
	for i := range rows {
		rows[i] = g.Grad(g.Index(out, i), wrt...)
	}
	return rows
}

// HVP returns the Hessian–vector product ∇²out·dir for a scalar out of
// the variables wrt, dir a vector as long as their sizes summed: the
// gradient of ∇out·dir, one more reverse sweep. It returns one product
// per variable, of its shape.
func (g *Graph) HVP(out, dir *Node, wrt ...*Node) []*Node {
	grads := g.Grad(out, wrt...)
	parts := g.Split(dir, wrt)
	dots := make([]*Node, len(wrt))
	for k, d := range grads {
		dots[k] = g.Sum(g.Mul(d, parts[k]), AllAxes)
	}
	return g.Grad(g.Add(dots...), wrt...)
}

// Hessian returns the matrix of second derivatives of the scalar out with
// respect to the variables wrt, their elements taken in order: row i is
// the gradient of the gradient's element i.
func (g *Graph) Hessian(out *Node, wrt ...*Node) *Node {
	grad := g.Concat(g.Grad(out, wrt...))
	rows := make([]*Node, grad.Size())
	for i := range rows {
		rows[i] = g.Concat(g.Grad(g.Index(grad, i), wrt...))
	}
	return g.Stack(rows)
}

// Split cuts a vector as long as the sizes of nodes summed into one part
// per node, of its shape.
func (g *Graph) Split(v *Node, nodes []*Node) []*Node {
	parts := make([]*Node, len(nodes))
	off := 0
	for k, n := range nodes {
		if n.IsScalar() {
			parts[k] = g.Index(v, off)
		} else {
			parts[k] = g.Reshape(g.Slice(v, off, off+n.Size()), n.Shape)
		}
		off += n.Size()
	}
	return parts
}

// Concat returns the elements of nodes, each flattened, one after
// another as one vector: Split's inverse.
func (g *Graph) Concat(nodes []*Node) *Node {
	if len(nodes) == 1 {
		return g.Reshape(nodes[0], []int{nodes[0].Size()})
	}
	total := 0
	scalars := true
	for _, n := range nodes {
		total += n.Size()
		scalars = scalars && n.IsScalar()
	}
	if scalars {
		return g.Stack(nodes)
	}
	parts := make([]*Node, len(nodes))
	off := 0
	for k, n := range nodes {
		parts[k] = g.scatter(g.Reshape(n, []int{n.Size()}), off, off+n.Size(), []int{total})
		off += n.Size()
	}
	return g.Add(parts...)
}

// Derivative returns d(out)/dx for a variable x of any shape; for a scalar
// out it is the gradient, for a vector out of a scalar x the elementwise
// derivative.
func (g *Graph) Derivative(out, x *Node) *Node {
	if out.IsScalar() {
		return g.Grad(out, x)[0]
	}
	if x.IsScalar() {
		// Each component's derivative: the VJP with a seed of ones sums
		// them, so differentiate component by component instead.
		if len(out.Shape) == 1 {
			parts := make([]*Node, out.Shape[0])
			for i := range parts {
				parts[i] = g.Grad(g.Index(out, i), x)[0]
			}
			return g.Stack(parts)
		}
	}
	return g.VJP(out, g.filled(1, out.Shape), x)[0]
}
