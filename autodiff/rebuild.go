package autodiff

import (
	"slices"
	"strings"
)

// Substitute returns n with each node in repl replaced by its value, the
// rest rebuilt through the simplifying constructors: subs(x**2 + y, {x: 2})
// is y + 4.
func (g *Graph) Substitute(n *Node, repl map[*Node]*Node) *Node {
	return g.rebuild(n, func(m *Node) *Node { return repl[m] }, false)
}

// Expand returns n with products of sums multiplied out and whole
// positive powers of sums expanded: (x + 1)**2 → x**2 + 2*x + 1.
func (g *Graph) Expand(n *Node) *Node {
	return g.rebuild(n, func(*Node) *Node { return nil }, true)
}

// rebuild maps n bottom-up: leaf replacements come from replace (nil
// keeps the node), inner nodes are rebuilt from their new arguments.
func (g *Graph) rebuild(n *Node, replace func(*Node) *Node, expand bool) *Node {
	memo := map[*Node]*Node{}
	var walk func(*Node) *Node
	walk = func(m *Node) *Node {
		if r, ok := memo[m]; ok {
			return r
		}
		r := replace(m)
		if r == nil {
			args := make([]*Node, len(m.Args))
			changed := false
			for i, a := range m.Args {
				args[i] = walk(a)
				changed = changed || args[i] != a
			}
			switch {
			case expand:
				r = g.expandOp(m, args)
			case changed:
				r = g.rebuildOp(m, args)
			default:
				r = m
			}
		}
		memo[m] = r
		return r
	}
	return walk(n)
}

// rebuildOp builds a node like n over new arguments.
func (g *Graph) rebuildOp(n *Node, args []*Node) *Node {
	switch n.Op {
	case OpAdd:
		parts := []*Node{g.Const(n.Val)}
		for i, a := range args {
			parts = append(parts, g.Mul(g.Const(n.Coefs[i]), a))
		}
		return g.Add(parts...)
	case OpMul:
		return g.Mul(append([]*Node{g.Const(n.Val)}, args...)...)
	case OpPow:
		return g.Pow(args[0], args[1])
	case OpApply:
		return g.Apply(n.Prim, args...)
	case OpSelect:
		return g.Select(args[0], args[1], args[2])
	case OpDot:
		return g.Dot(args[0], args[1])
	case OpTranspose:
		return g.Transpose(args[0])
	case OpSum:
		return g.Sum(args[0], n.Lo)
	case OpIndex:
		return g.Index(args[0], n.Lo)
	case OpSlice:
		return g.Slice(args[0], n.Lo, n.Hi)
	case OpStack:
		return g.Stack(args)
	case OpReshape:
		return g.Reshape(args[0], n.Shape)
	case OpBroadcast:
		return g.Broadcast(args[0], n.Shape)
	case OpSumTo:
		return g.SumTo(args[0], n.Shape)
	case OpScatter:
		return g.scatter(args[0], n.Lo, n.Hi, n.Shape)
	case OpCall:
		return g.Call(n.Call, n.Shape, args...)
	}
	return n
}

// expandOp is rebuildOp that also distributes products over sums.
func (g *Graph) expandOp(n *Node, args []*Node) *Node {
	switch n.Op {
	case OpMul:
		acc := g.Const(n.Val)
		for _, a := range args {
			acc = g.distribute(acc, a)
		}
		return acc
	case OpPow:
		if k, ok := args[1].constValue(); ok && k > 1 && k <= 64 && k == float64(int(k)) && args[0].Op == OpAdd {
			acc := args[0]
			for i := 1; i < int(k); i++ {
				acc = g.distribute(acc, args[0])
			}
			return acc
		}
	}
	return g.rebuildOp(n, args)
}

// distribute multiplies a and b term by term.
func (g *Graph) distribute(a, b *Node) *Node {
	ta, ca := g.terms(a)
	tb, cb := g.terms(b)
	if ca != 0 {
		ta = append(ta, term{ca, g.Const(1)})
	}
	if cb != 0 {
		tb = append(tb, term{cb, g.Const(1)})
	}
	var parts []*Node
	for _, x := range ta {
		for _, y := range tb {
			parts = append(parts, g.Mul(g.Const(x.coef*y.coef), x.m, y.m))
		}
	}
	if len(parts) == 0 {
		return g.Const(0)
	}
	return g.Add(parts...)
}

// Vars returns the variables n depends on, sorted by name.
func Vars(n *Node) []*Node {
	var vars []*Node
	for _, m := range topo(n) {
		if m.Op == OpVar {
			vars = append(vars, m)
		}
	}
	slices.SortFunc(vars, func(a, b *Node) int { return strings.Compare(a.Name, b.Name) })
	return vars
}
