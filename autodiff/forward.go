package autodiff

import "calc/stdlib/array"

// Forward-mode differentiation on the graph (Griewank & Walther,
// "Evaluating Derivatives", ch. 3): the tangent of every node, its
// derivative along a direction of the inputs, is built as more graph from
// the inputs towards the output, with each operation's Jacobian–vector
// product. One forward sweep gives one column of a Jacobian, so a
// function of few inputs and many outputs (a residual vector, a solver's
// trajectory) is differentiated by as many sweeps as it has inputs rather
// than outputs.

// JVP returns the Jacobian–vector product ∂out·v: the tangent of out when
// each node of seeds has the tangent seeds[node] (of its shape) and every
// other input the tangent zero.
func (g *Graph) JVP(out *Node, seeds map[*Node]*Node) *Node {
	tangent := make(map[*Node]*Node, len(seeds))
	for n, t := range seeds {
		tangent[n] = t
	}
	for _, n := range topo(out) {
		if _, seeded := seeds[n]; seeded || n.Op == OpVar || n.Op == OpConst {
			continue
		}
		ts := make([]*Node, len(n.Args))
		moves := false
		for i, a := range n.Args {
			ts[i] = tangent[a]
			moves = moves || ts[i] != nil
		}
		if moves {
			if t := g.forward(n, ts); t != nil && !t.isZero() {
				tangent[n] = t
			}
		}
	}
	if t := tangent[out]; t != nil {
		return g.Broadcast(t, out.Shape)
	}
	return g.filled(0, out.Shape)
}

// forward returns n's tangent given its arguments' tangents ts (nil for
// zero), or nil when it is zero.
func (g *Graph) forward(n *Node, ts []*Node) *Node {
	switch n.Op {
	case OpAdd:
		var parts []*Node
		for i, t := range ts {
			if t != nil {
				parts = append(parts, g.Mul(g.Const(n.Coefs[i]), t))
			}
		}
		return g.addAll(parts)
	case OpMul:
		var parts []*Node
		for i, t := range ts {
			if t != nil {
				factors := []*Node{g.Const(n.Val), t}
				for j, f := range n.Args {
					if j != i {
						factors = append(factors, f)
					}
				}
				parts = append(parts, g.Mul(factors...))
			}
		}
		return g.addAll(parts)
	case OpPow:
		base, exp := n.Args[0], n.Args[1]
		var parts []*Node
		if ts[0] != nil {
			parts = append(parts, g.Mul(ts[0], exp, g.Pow(base, g.Sub(exp, g.Const(1)))))
		}
		if ts[1] != nil {
			parts = append(parts, g.Mul(ts[1], n, g.Apply(Lookup("log"), base)))
		}
		return g.addAll(parts)
	case OpApply:
		return g.forwardApply(n, ts)
	case OpSelect:
		return g.Select(n.Args[0], g.orZero(ts[1], n.Args[1]), g.orZero(ts[2], n.Args[2]))
	case OpDot:
		a, b := n.Args[0], n.Args[1]
		var parts []*Node
		if ts[0] != nil {
			parts = append(parts, g.Dot(g.Broadcast(ts[0], a.Shape), b))
		}
		if ts[1] != nil {
			parts = append(parts, g.Dot(a, g.Broadcast(ts[1], b.Shape)))
		}
		return g.addAll(parts)
	case OpCall:
		return g.callTangent(n, ts)
	}
	// The structural operations are linear: the tangent is the same
	// operation on the argument's tangents.
	for i, a := range n.Args {
		ts[i] = g.Broadcast(g.orZero(ts[i], a), a.Shape)
	}
	switch n.Op {
	case OpTranspose, OpSum, OpIndex, OpSlice, OpStack, OpReshape, OpBroadcast, OpSumTo, OpScatter:
		return g.rebuildOp(n, ts)
	}
	shapeErrorf("%s has no derivative here", n)
	return nil
}

// addAll returns the sum of parts, or nil (zero) for none.
func (g *Graph) addAll(parts []*Node) *Node {
	if len(parts) == 0 {
		return nil
	}
	return g.Add(parts...)
}

// orZero returns the tangent t, or zeros of a's shape for nil.
func (g *Graph) orZero(t, a *Node) *Node {
	if t == nil {
		return g.filled(0, a.Shape)
	}
	return t
}

// forwardApply returns the tangent of a primitive's application: its
// partial derivatives times its arguments' tangents.
func (g *Graph) forwardApply(n *Node, ts []*Node) *Node {
	p := n.Prim
	var parts []*Node
	switch {
	case p.Piecewise:
		return nil
	case p.Arity == 1 && p.Deriv != nil:
		parts = []*Node{p.Deriv(g, n.Args[0], n)}
	case p.Arity == 2 && p.Partials != nil:
		dx, dy := p.Partials(g, n.Args[0], n.Args[1], n)
		parts = []*Node{dx, dy}
	case p.Arity == 3 && p.Partials3 != nil:
		parts3 := p.Partials3(g, n.Args[0], n.Args[1], n.Args[2], n)
		parts = parts3[:]
	default:
		shapeErrorf("%s has no derivative here", p.Name)
	}
	var terms []*Node
	for i, t := range ts {
		switch {
		case t == nil:
		case parts[i] == nil:
			shapeErrorf("%s has no derivative by its %s argument here", p.Name, []string{"first", "second", "third"}[i])
		default:
			terms = append(terms, g.Mul(parts[i], t))
		}
	}
	return g.addAll(terms)
}

// callTangent returns the tangent of a call's result: the transposed
// Jacobian's rows for each argument, transposed, times its tangent. A
// scalar argument, or a tangent with one nonzero element (a Jacobian's
// column), takes one row rather than a product.
func (g *Graph) callTangent(n *Node, ts []*Node) *Node {
	c := n.Call
	if c.Jacobian == nil {
		shapeErrorf("%s has no derivative here", c.Name)
	}
	total := 0
	for _, a := range n.Args {
		total += a.Size()
	}
	m := n.Size()
	jt := g.Call(c.Jacobian, []int{total, m}, n.Args...)
	var parts []*Node
	off := 0
	for k, a := range n.Args {
		if t := ts[k]; t != nil {
			flat := g.Reshape(g.Broadcast(t, a.Shape), []int{a.Size()})
			switch at, scale := oneHot(flat); {
			case a.Size() == 1:
				parts = append(parts, g.Mul(g.Index(flat, 0), g.Index(jt, off)))
			case at >= 0:
				parts = append(parts, g.Mul(g.Const(scale), g.Index(jt, off+at)))
			default:
				parts = append(parts, g.Dot(g.Transpose(g.Slice(jt, off, off+a.Size())), flat))
			}
		}
		off += a.Size()
	}
	return g.Reshape(g.addAll(parts), n.Shape)
}

// JacobianMatrix returns the Jacobian of out (any shape) with respect to
// wrt as the matrix ∂out[i]/∂w[j] of shape [out's size, the sizes of wrt
// summed], out flattened and wrt's elements taken in order: by columns,
// one forward sweep per element of wrt, when wrt has fewer elements than
// out (and every call on the way has a Jacobian to take columns of); by
// rows, one reverse sweep per element of out, otherwise.
func (g *Graph) JacobianMatrix(out *Node, wrt ...*Node) *Node {
	n := 0
	for _, w := range wrt {
		n += w.Size()
	}
	if n < out.Size() && forwardable(out) {
		return g.jacobianColumns(out, wrt)
	}
	rows := g.Jacobian(g.Reshape(out, []int{out.Size()}), wrt...)
	flat := make([]*Node, len(rows))
	for i, r := range rows {
		flat[i] = g.Concat(r)
	}
	return g.Stack(flat)
}

// forwardable reports whether every call out depends on has a Jacobian,
// which forward mode takes its columns from.
func forwardable(out *Node) bool {
	for _, n := range topo(out) {
		if n.Op == OpCall && n.Call.Jacobian == nil {
			return false
		}
	}
	return true
}

// jacobianColumns is JacobianMatrix by columns.
func (g *Graph) jacobianColumns(out *Node, wrt []*Node) *Node {
	var cols []*Node
	for _, w := range wrt {
		for j := range w.Size() {
			seed := g.Const(1)
			if !w.IsScalar() {
				e := array.Zeros(w.Shape...)
				e.Floats()[j] = 1
				seed = g.ConstArray(e)
			}
			cols = append(cols, g.Reshape(g.JVP(out, map[*Node]*Node{w: seed}), []int{out.Size()}))
		}
	}
	return g.Transpose(g.Stack(cols))
}
