package autodiff

import (
	"math"
	"slices"
	"strings"

	"calc/stdlib/array"
)

// This file holds the constructors of the arithmetic nodes. They simplify
// as they build, so every node is in a canonical form: constants folded,
// 0 and 1 identities applied, like terms of sums collected (x + x → 2*x),
// equal bases of products collected (x*x → x**2), integer powers of powers
// and of products multiplied out ((x**2)**3 → x**6), numeric coefficients
// first. Sums keep their terms in the order they were first written, with
// the constant last; products order their factors symbols first. A number
// times a sum stays a product (-400*x*(y - x**2)) unless it meets another
// sum, where it is distributed so that like terms can cancel.

// constArray returns the value of a constant node (a scalar constant, an
// array constant, or a broadcast constant), or nil.
func constArray(n *Node) *array.Array {
	switch n.Op {
	case OpConst:
		if n.Arr != nil {
			return n.Arr
		}
		return array.Scalar(n.Val)
	case OpBroadcast:
		if c := constArray(n.Args[0]); c != nil {
			out, _ := array.Broadcast(c, array.Zeros(n.Shape...), func(x, _ float64) float64 { return x })
			return out
		}
	}
	return nil
}

// fold computes an elementwise operation on constant nodes numerically. It
// returns nil unless every argument is constant.
func (g *Graph) fold(f func(xs []float64) float64, args ...*Node) *Node {
	// Scalars, or scalars broadcast to a shape, fold to a scalar that is
	// broadcast again: the result stays a coefficient, not an array.
	if scalars := make([]float64, len(args)); allScalarConst(args, scalars) {
		return g.filled(f(scalars), broadcastShape("fold", args...))
	}
	vals := make([]*array.Array, len(args))
	for i, a := range args {
		if vals[i] = constArray(a); vals[i] == nil {
			return nil
		}
	}
	// Broadcast the arguments together one at a time, carrying the
	// elementwise evaluation through a flat index.
	out := vals[0]
	for _, v := range vals[1:] {
		o, err := array.Broadcast(out, v, func(x, _ float64) float64 { return x })
		if err != nil {
			shapeErrorf("%v", err)
		}
		out = o
	}
	shape := out.Shape
	res := array.Zeros(shape...)
	xs := make([]float64, len(args))
	bvals := make([][]float64, len(args))
	for i, v := range vals {
		b, _ := array.Broadcast(v, res, func(x, _ float64) float64 { return x })
		bvals[i] = b.Floats()
	}
	vs := res.Floats()
	for k := range vs {
		for i := range xs {
			xs[i] = bvals[i][k]
		}
		vs[k] = f(xs)
	}
	return g.ConstArray(res)
}

// stackwise applies an elementwise operation component by component when
// an argument is a stack of expressions and the others are stacks,
// constants or scalars: [x, y] + 1 is [x + 1, y + 1]. Vectors of symbols
// then simplify and print as vectors of formulas. It returns nil when the
// rule does not apply.
func (g *Graph) stackwise(build func(args ...*Node) *Node, args ...*Node) *Node {
	rows := -1
	hasStack := false
	for _, a := range args {
		if a.IsScalar() {
			continue
		}
		switch {
		case a.Op == OpStack:
			hasStack = true
		case constArray(a) == nil:
			return nil
		}
		if rows >= 0 && a.Shape[0] != rows || len(a.Shape) == 0 {
			return nil
		}
		rows = a.Shape[0]
	}
	if !hasStack {
		return nil
	}
	parts := make([]*Node, rows)
	for i := range parts {
		row := make([]*Node, len(args))
		for k, a := range args {
			if a.IsScalar() {
				row[k] = a
			} else {
				row[k] = g.Index(a, i)
			}
		}
		parts[i] = build(row...)
	}
	return g.Stack(parts)
}

// scalarConst returns the value of a scalar constant, or of a scalar
// constant broadcast to a shape (how a gradient's seed of ones looks).
func scalarConst(n *Node) (float64, bool) {
	if n.Op == OpBroadcast {
		n = n.Args[0]
	}
	return n.constValue()
}

// allScalarConst fills vals with the arguments' values if every one is a
// scalar constant (possibly broadcast).
func allScalarConst(args []*Node, vals []float64) bool {
	for i, a := range args {
		v, ok := scalarConst(a)
		if !ok {
			return false
		}
		vals[i] = v
	}
	return true
}

// term is one term of a sum: coef * m, where m is not a constant.
type term struct {
	coef float64
	m    *Node
}

// terms splits n into the terms of a sum and a constant part.
func (g *Graph) terms(n *Node) ([]term, float64) {
	switch {
	case n.Op == OpAdd:
		ts := make([]term, len(n.Args))
		for i, a := range n.Args {
			ts[i] = term{n.Coefs[i], a}
		}
		return ts, n.Val
	case n.Op == OpConst && n.Arr == nil, n.Op == OpBroadcast && n.Args[0].Op == OpConst && n.Args[0].Arr == nil:
		c, _ := scalarConst(n)
		return nil, c
	case n.Op == OpMul && len(n.Args) == 1 && n.Args[0].Op == OpAdd:
		// A multiple of a sum inside a sum: distribute, so that sums stay
		// flat and their like terms meet (2*(x + 1) - 2*x is 2).
		ts, c := g.terms(n.Args[0])
		for i := range ts {
			ts[i].coef *= n.Val
		}
		return ts, c * n.Val
	case n.Op == OpMul && n.Val != 1:
		return []term{{n.Val, g.product(1, n.Args, n.Shape)}}, 0
	}
	return []term{{1, n}}, 0
}

// Add returns the sum of its arguments.
func (g *Graph) Add(xs ...*Node) *Node {
	if len(xs) == 1 {
		return xs[0]
	}
	shape := broadcastShape("+", xs...)
	if st := g.stackwise(g.Add, xs...); st != nil {
		return st
	}
	if c := g.fold(func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	}, xs...); c != nil {
		return c
	}
	var all []term
	constant := 0.0
	for _, x := range xs {
		ts, c := g.terms(x)
		constant += c
		for _, t := range ts {
			if i := slices.IndexFunc(all, func(u term) bool { return u.m == t.m }); i >= 0 {
				all[i].coef += t.coef
			} else {
				all = append(all, t)
			}
		}
	}
	all = slices.DeleteFunc(all, func(t term) bool { return t.coef == 0 })
	switch {
	case len(all) == 0:
		return g.filled(constant, shape)
	case len(all) == 1 && constant == 0:
		return g.Broadcast(g.Mul(g.Const(all[0].coef), all[0].m), shape)
	}
	n := &Node{Op: OpAdd, Val: constant, Shape: shape}
	for _, t := range all {
		n.Args = append(n.Args, t.m)
		n.Coefs = append(n.Coefs, t.coef)
	}
	return g.intern(n)
}

// Sub returns a - b.
func (g *Graph) Sub(a, b *Node) *Node { return g.Add(a, g.Neg(b)) }

// Neg returns -a.
func (g *Graph) Neg(a *Node) *Node { return g.Mul(g.Const(-1), a) }

// Div returns a / b.
func (g *Graph) Div(a, b *Node) *Node { return g.Mul(a, g.Pow(b, g.Const(-1))) }

// factor is one factor of a product: base ** exp.
type factor struct {
	base, exp *Node
}

// Mul returns the product of its arguments (elementwise).
func (g *Graph) Mul(xs ...*Node) *Node {
	shape := broadcastShape("*", xs...)
	if st := g.stackwise(g.Mul, xs...); st != nil {
		return st
	}
	if c := g.fold(func(v []float64) float64 {
		p := 1.0
		for _, x := range v {
			p *= x
		}
		return p
	}, xs...); c != nil {
		return c
	}
	coef := 1.0
	var fs []factor
	add := func(f *Node) {
		base, exp := f, g.Const(1)
		if f.Op == OpPow {
			base, exp = f.Args[0], f.Args[1]
		}
		if i := slices.IndexFunc(fs, func(u factor) bool { return u.base == base }); i >= 0 {
			fs[i].exp = g.Add(fs[i].exp, exp)
		} else {
			fs = append(fs, factor{base, exp})
		}
	}
	for _, x := range xs {
		if c, ok := scalarConst(x); ok {
			coef *= c
			continue
		}
		switch {
		case x.Op == OpMul:
			coef *= x.Val
			for _, f := range x.Args {
				add(f)
			}
		default:
			add(x)
		}
	}
	if coef == 0 {
		return g.filled(0, shape)
	}
	var factors []*Node
	for _, f := range fs {
		switch {
		case f.exp.isConstValue(0):
		case f.exp.isConstValue(1):
			factors = append(factors, f.base)
		default:
			factors = append(factors, g.Pow(f.base, f.exp))
		}
	}
	// The merged powers may have produced constants or products again
	// ((2*x)**-1 * x): multiply those in.
	for i := 0; i < len(factors); i++ {
		switch f := factors[i]; {
		case f.Op == OpConst && f.Arr == nil:
			coef *= f.Val
			factors = slices.Delete(factors, i, i+1)
			i--
		case f.Op == OpMul:
			rest := append(slices.Delete(slices.Clone(factors), i, i+1), f.Args...)
			return g.Broadcast(g.Mul(append([]*Node{g.Const(coef * f.Val)}, rest...)...), shape)
		}
	}
	return g.Broadcast(g.product(coef, factors, nil), shape)
}

// product builds a product node from simplified factors, in canonical
// order. shape nil means the factors' broadcast shape.
func (g *Graph) product(coef float64, factors []*Node, shape []int) *Node {
	switch {
	case len(factors) == 0:
		return g.Const(coef)
	case len(factors) == 1 && coef == 1:
		return factors[0]
	}
	factors = slices.Clone(factors)
	slices.SortStableFunc(factors, compareFactors)
	if shape == nil {
		shape = broadcastShape("*", factors...)
	}
	return g.intern(&Node{Op: OpMul, Val: coef, Args: factors, Shape: shape})
}

// compareFactors orders the factors of a product: powers of variables
// first, by name; then everything else in creation order.
func compareFactors(a, b *Node) int {
	ra, rb := factorRank(a), factorRank(b)
	if ra != rb {
		return ra - rb
	}
	return compareNodes(powerBase(a), powerBase(b), 4)
}

// weight counts the nodes of n's expression, looking depth levels deep.
func weight(n *Node, depth int) int {
	w := 1
	if depth > 0 {
		for _, a := range n.Args {
			w += weight(a, depth-1)
		}
	}
	return w
}

// compareNodes orders nodes by their structure, looking depth levels
// deep, so that a product's factors come in the same order whatever the
// session made before; beyond that depth, creation order decides.
func compareNodes(a, b *Node, depth int) int {
	if a == b {
		return 0
	}
	// Simpler first, as people write sin(x)*cos(cos(x)).
	if wa, wb := weight(a, depth), weight(b, depth); wa != wb {
		return wa - wb
	}
	switch {
	case a.Op != b.Op:
		return int(a.Op) - int(b.Op)
	case a.Op == OpVar && a.Name != b.Name:
		return strings.Compare(a.Name, b.Name)
	case a.Op == OpApply && a.Prim != b.Prim:
		return strings.Compare(a.Prim.Name, b.Prim.Name)
	case a.Val != b.Val:
		if a.Val < b.Val {
			return -1
		}
		return 1
	case len(a.Args) != len(b.Args):
		return len(a.Args) - len(b.Args)
	}
	if depth > 0 {
		for i := range a.Args {
			if c := compareNodes(a.Args[i], b.Args[i], depth-1); c != 0 {
				return c
			}
		}
	}
	return a.id - b.id
}

func powerBase(n *Node) *Node {
	if n.Op == OpPow {
		return n.Args[0]
	}
	return n
}

func factorRank(n *Node) int {
	switch powerBase(n).Op {
	case OpVar, OpIndex:
		return 0
	case OpAdd:
		return 2
	}
	return 1
}

// Pow returns a ** b.
func (g *Graph) Pow(a, b *Node) *Node {
	shape := broadcastShape("**", a, b)
	if st := g.stackwise(func(x ...*Node) *Node { return g.Pow(x[0], x[1]) }, a, b); st != nil {
		return st
	}
	if c := g.fold(func(v []float64) float64 { return pow(v[0], v[1]) }, a, b); c != nil {
		return c
	}
	k, kconst := b.constValue()
	switch {
	case kconst && k == 0, a.isConstValue(1):
		return g.filled(1, shape)
	case kconst && k == 1:
		return g.Broadcast(a, shape)
	}
	if kconst && k == math.Trunc(k) {
		switch a.Op {
		case OpPow:
			// (x**e)**k = x**(e*k) for whole k.
			return g.Pow(a.Args[0], g.Mul(a.Args[1], b))
		case OpMul:
			// (c*x*y)**k = c**k * x**k * y**k for whole k.
			parts := []*Node{g.Const(pow(a.Val, k))}
			for _, f := range a.Args {
				parts = append(parts, g.Pow(f, b))
			}
			return g.Mul(parts...)
		}
	}
	return g.intern(&Node{Op: OpPow, Args: []*Node{a, b}, Shape: shape})
}

// Apply returns the elementwise primitive p applied to args.
func (g *Graph) Apply(p *Primitive, args ...*Node) *Node {
	if len(args) != p.Arity {
		shapeErrorf("%s takes %d arguments, got %d", p.Name, p.Arity, len(args))
	}
	switch p.Name {
	case "sqrt":
		return g.Pow(args[0], g.Const(0.5))
	case "+":
		return g.Add(args...)
	case "-":
		return g.Sub(args[0], args[1])
	case "*":
		return g.Mul(args...)
	case "/":
		return g.Div(args[0], args[1])
	case "**":
		return g.Pow(args[0], args[1])
	case "neg":
		return g.Neg(args[0])
	}
	shape := broadcastShape(p.Name, args...)
	if st := g.stackwise(func(x ...*Node) *Node { return g.Apply(p, x...) }, args...); st != nil {
		return st
	}
	kernel := func(v []float64) float64 { return p.Unary(v[0]) }
	switch p.Arity {
	case 2:
		kernel = func(v []float64) float64 { return p.Binary(v[0], v[1]) }
	case 3:
		kernel = func(v []float64) float64 { return p.Ternary(v[0], v[1], v[2]) }
	}
	if c := g.fold(kernel, args...); c != nil {
		return c
	}
	if p.Arity == 1 && args[0].Op == OpApply && p.Inverse != "" && args[0].Prim.Name == p.Inverse {
		return args[0].Args[0] // log(exp(x)) → x
	}
	return g.intern(&Node{Op: OpApply, Prim: p, Args: args, Shape: shape})
}

// Select returns cond ? a : b, elementwise.
func (g *Graph) Select(cond, a, b *Node) *Node {
	shape := broadcastShape("select", cond, a, b)
	if st := g.stackwise(func(x ...*Node) *Node { return g.Select(x[0], x[1], x[2]) }, cond, a, b); st != nil {
		return st
	}
	if c := constArray(cond); c != nil && c.Len() == 1 {
		if c.Floats()[0] != 0 {
			return g.Broadcast(a, shape)
		}
		return g.Broadcast(b, shape)
	}
	if a == b {
		return g.Broadcast(a, shape)
	}
	if c := g.fold(func(v []float64) float64 {
		if v[0] != 0 {
			return v[1]
		}
		return v[2]
	}, cond, a, b); c != nil {
		return c
	}
	return g.intern(&Node{Op: OpSelect, Args: []*Node{cond, a, b}, Shape: shape})
}
