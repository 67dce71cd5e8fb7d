package autodiff

import (
	"fmt"
	"slices"

	"calc/stdlib/interval"
)

// Bounds encloses the values of scalar nodes over boxes of their
// variables by interval arithmetic over the graph (the natural interval
// extension: each node's interval from its arguments' intervals, Moore,
// Kearfott and Cloud, Introduction to Interval Analysis, 2009, §5.1).
// Every primitive it meets must have a Range; it follows package
// interval's convention, so a bounded enclosure also certifies that the
// node is continuous over the box. Enclosures overestimate where a
// variable occurs more than once (x − x over [0, 1] is [−1, 1]); they
// shrink with the box.
type Bounds struct {
	order []*Node // the nodes needed, arguments before their users
	slot  map[*Node]int
	vars  []*Node
	outs  []*Node
	vals  []interval.I
}

// NewBounds prepares the enclosure of outs over intervals of vars. It
// fails for a node that is not a number (arrays are not bounded), a
// variable not among vars, or a primitive without a Range, naming it.
func NewBounds(outs, vars []*Node) (*Bounds, error) {
	b := &Bounds{slot: map[*Node]int{}, vars: vars, outs: outs}
	for _, v := range vars {
		b.slot[v] = -1
	}
	var visit func(n *Node) error
	visit = func(n *Node) error {
		if _, seen := b.slot[n]; seen {
			return nil
		}
		if err := boundable(n); err != nil {
			return err
		}
		if n.Op == OpVar {
			return fmt.Errorf("%s is not a variable of the function", n.Name)
		}
		for _, a := range n.Args {
			if err := visit(a); err != nil {
				return err
			}
		}
		b.slot[n] = 0
		b.order = append(b.order, n)
		return nil
	}
	for _, o := range outs {
		if err := visit(o); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(b.order, func(x, y *Node) int { return x.id - y.id })
	all := append(append([]*Node(nil), vars...), b.order...)
	for i, n := range all {
		b.slot[n] = i
	}
	b.vals = make([]interval.I, len(all))
	return b, nil
}

// boundable says why n cannot be enclosed, or nil.
func boundable(n *Node) error {
	if !n.IsScalar() {
		return fmt.Errorf("it uses arrays (a value of shape %v)", n.Shape)
	}
	switch n.Op {
	case OpConst, OpVar, OpAdd, OpMul, OpPow, OpSelect:
		return nil
	case OpReshape, OpBroadcast, OpSumTo, OpSum:
		if n.Args[0].IsScalar() {
			return nil
		}
		return fmt.Errorf("it uses arrays (a value of shape %v)", n.Args[0].Shape)
	case OpApply:
		if (n.Prim.Arity == 1 && n.Prim.Range == nil) || (n.Prim.Arity == 2 && n.Prim.Range2 == nil) || n.Prim.Arity == 3 {
			return fmt.Errorf("%s has no interval bounds", n.Prim.Name)
		}
		return nil
	case OpCall:
		return fmt.Errorf("%s has no interval bounds", n.Call.Name)
	}
	return fmt.Errorf("it uses an operation on arrays")
}

// Eval writes into out the enclosures of the outputs when each variable
// ranges over its interval in in.
func (b *Bounds) Eval(in, out []interval.I) {
	copy(b.vals, in)
	for i, n := range b.order {
		b.vals[len(b.vars)+i] = b.node(n)
	}
	for i, o := range b.outs {
		out[i] = b.vals[b.slot[o]]
	}
}

// node encloses n from its arguments' enclosures.
func (b *Bounds) node(n *Node) interval.I {
	arg := func(i int) interval.I { return b.vals[b.slot[n.Args[i]]] }
	switch n.Op {
	case OpConst:
		if n.Arr != nil {
			return interval.Point(n.Arr.Floats()[0])
		}
		return interval.Point(n.Val)
	case OpAdd:
		s := interval.Point(n.Val)
		for i := range n.Args {
			s = interval.Add(s, interval.Mul(interval.Point(n.Coefs[i]), arg(i)))
		}
		return s
	case OpMul:
		p := interval.Point(n.Val)
		for i := range n.Args {
			p = interval.Mul(p, arg(i))
		}
		return p
	case OpPow:
		if e := n.Args[1]; e.Op == OpConst {
			return interval.PowConst(arg(0), e.Val)
		}
		return interval.Pow(arg(0), arg(1))
	case OpSelect:
		switch c := arg(0); {
		case c.IsEmpty():
			return c
		case !c.Contains(0):
			return arg(1)
		case c.Lo == 0 && c.Hi == 0:
			return arg(2)
		}
		return interval.Whole() // the condition may switch inside: a jump
	case OpApply:
		if n.Prim.Arity == 1 {
			return n.Prim.Range(arg(0))
		}
		return n.Prim.Range2(arg(0), arg(1))
	}
	return arg(0) // a reshape, broadcast or sum of a number is the number
}
