package autodiff

import (
	"slices"

	"calc/stdlib/array"
)

// This file holds the constructors of the nodes that move, combine or
// reduce elements rather than compute them one by one.

// foldStructure evaluates a structural node whose arguments are all
// constants, so constants never reach a tape. It returns nil otherwise.
func (g *Graph) foldStructure(n *Node) *Node {
	for _, a := range n.Args {
		if constArray(a) == nil {
			return nil
		}
	}
	return g.ConstArray(evalNode(n, func(a *Node) *array.Array { return constArray(a) }))
}

// structural interns a structural node after trying to fold it.
func (g *Graph) structural(n *Node) *Node {
	if c := g.foldStructure(n); c != nil {
		return c
	}
	return g.intern(n)
}

// Dot returns the matrix product of a and b with numpy.dot's rules for
// vectors and matrices.
func (g *Graph) Dot(a, b *Node) *Node {
	if a.IsScalar() || b.IsScalar() {
		return g.Mul(a, b)
	}
	var shape []int
	ka, kb := a.Shape[len(a.Shape)-1], b.Shape[0]
	switch {
	case len(a.Shape) > 2 || len(b.Shape) > 2:
		shapeErrorf("dot: arrays of more than 2 dimensions are not supported")
	case ka != kb:
		shapeErrorf("dot: shapes %s and %s not aligned: %d (dim %d) != %d (dim 0)",
			array.ShapeString(a.Shape), array.ShapeString(b.Shape), ka, len(a.Shape)-1, kb)
	}
	shape = append(slices.Clone(a.Shape[:len(a.Shape)-1]), b.Shape[1:]...)
	if a.isZero() || b.isZero() {
		return g.filled(0, shape)
	}
	return g.structural(&Node{Op: OpDot, Args: []*Node{a, b}, Shape: shape})
}

// isZero reports whether n is a constant zero (of any shape).
func (n *Node) isZero() bool {
	if n.Op == OpBroadcast {
		n = n.Args[0]
	}
	return n.isConstValue(0)
}

// Transpose returns a with its axes reversed.
func (g *Graph) Transpose(a *Node) *Node {
	if len(a.Shape) < 2 {
		return a
	}
	if a.Op == OpTranspose {
		return a.Args[0]
	}
	shape := slices.Clone(a.Shape)
	slices.Reverse(shape)
	return g.structural(&Node{Op: OpTranspose, Args: []*Node{a}, Shape: shape})
}

// Sum returns the sum of a's elements along axis, or of all of them.
func (g *Graph) Sum(a *Node, axis int) *Node {
	if axis == AllAxes {
		if a.IsScalar() {
			return a
		}
		if a.Op == OpStack && len(a.Shape) == 1 {
			return g.Add(a.Args...)
		}
		if a.Op == OpBroadcast && a.Args[0].IsScalar() {
			return g.Mul(g.Const(float64(a.Size())), a.Args[0])
		}
		return g.structural(&Node{Op: OpSum, Args: []*Node{a}, Lo: AllAxes})
	}
	nd := len(a.Shape)
	if axis < 0 {
		axis += nd
	}
	if axis < 0 || axis >= nd {
		shapeErrorf("sum: axis %d is out of bounds for an array of dimension %d", axis, nd)
	}
	shape := slices.Delete(slices.Clone(a.Shape), axis, axis+1)
	return g.structural(&Node{Op: OpSum, Args: []*Node{a}, Lo: axis, Shape: shape})
}

// Index returns a[i] along axis 0; negative i counts from the end.
func (g *Graph) Index(a *Node, i int) *Node {
	if len(a.Shape) == 0 {
		shapeErrorf("cannot index a scalar")
	}
	n := a.Shape[0]
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		shapeErrorf("index %d is out of range for axis 0 with size %d", i, n)
	}
	shape := a.Shape[1:]
	switch a.Op {
	case OpStack:
		return a.Args[i]
	case OpBroadcast:
		if x := a.Args[0]; len(x.Shape) < len(a.Shape) {
			return g.Broadcast(x, shape)
		}
	case OpScatter:
		if a.Hi < 0 {
			if a.Lo == i {
				return a.Args[0]
			}
			return g.filled(0, shape)
		}
		if i < a.Lo || i >= a.Hi {
			return g.filled(0, shape)
		}
		return g.Index(a.Args[0], i-a.Lo)
	case OpSlice:
		return g.Index(a.Args[0], a.Lo+i)
	case OpAdd, OpMul, OpApply, OpPow, OpSelect:
		// Indexing distributes over elementwise operations, so the
		// components of a vector expression read as scalar formulas.
		return g.elementwiseIndex(a, i)
	}
	return g.structural(&Node{Op: OpIndex, Args: []*Node{a}, Lo: i, Shape: shape})
}

// elementwiseIndex rebuilds the elementwise node a from its arguments
// indexed at i (arguments of lower rank broadcast unchanged).
func (g *Graph) elementwiseIndex(a *Node, i int) *Node {
	args := make([]*Node, len(a.Args))
	for k, x := range a.Args {
		switch {
		case len(x.Shape) < len(a.Shape):
			args[k] = x
		case x.Shape[0] == 1:
			args[k] = g.Index(x, 0)
		default:
			args[k] = g.Index(x, i)
		}
	}
	switch a.Op {
	case OpAdd:
		parts := []*Node{g.Const(a.Val)}
		for k, x := range args {
			parts = append(parts, g.Mul(g.Const(a.Coefs[k]), x))
		}
		return g.Add(parts...)
	case OpMul:
		return g.Mul(append([]*Node{g.Const(a.Val)}, args...)...)
	case OpPow:
		return g.Pow(args[0], args[1])
	case OpSelect:
		return g.Select(args[0], args[1], args[2])
	}
	return g.Apply(a.Prim, args...)
}

// Slice returns a[lo:hi] along axis 0, with lo and hi already clamped to
// 0 ≤ lo ≤ hi ≤ len.
func (g *Graph) Slice(a *Node, lo, hi int) *Node {
	if len(a.Shape) == 0 {
		shapeErrorf("cannot slice a scalar")
	}
	if lo < 0 || hi < lo || hi > a.Shape[0] {
		shapeErrorf("slice [%d:%d] is out of range for axis 0 with size %d", lo, hi, a.Shape[0])
	}
	if lo == 0 && hi == a.Shape[0] {
		return a
	}
	shape := append([]int{hi - lo}, a.Shape[1:]...)
	switch a.Op {
	case OpStack:
		return g.Stack(a.Args[lo:hi])
	case OpSlice:
		return g.Slice(a.Args[0], a.Lo+lo, a.Lo+hi)
	}
	return g.structural(&Node{Op: OpSlice, Args: []*Node{a}, Lo: lo, Hi: hi, Shape: shape})
}

// Stack returns the nodes of equal shape stacked along a new axis 0.
func (g *Graph) Stack(parts []*Node) *Node {
	if len(parts) == 0 {
		shapeErrorf("cannot stack nothing")
	}
	for _, p := range parts[1:] {
		if !slices.Equal(p.Shape, parts[0].Shape) {
			shapeErrorf("cannot stack shapes %s and %s", array.ShapeString(parts[0].Shape), array.ShapeString(p.Shape))
		}
	}
	shape := append([]int{len(parts)}, parts[0].Shape...)
	return g.structural(&Node{Op: OpStack, Args: slices.Clone(parts), Shape: shape})
}

// Reshape returns a's elements in a new shape of the same size.
func (g *Graph) Reshape(a *Node, shape []int) *Node {
	if array.Size(shape) != a.Size() {
		shapeErrorf("cannot reshape an array of size %d into shape %s", a.Size(), array.ShapeString(shape))
	}
	// Stacking one node, transposing a matrix of one row or column and
	// reshaping keep the elements in order: reshape what they apply to.
	for a.Op == OpReshape || a.Op == OpStack && len(a.Args) == 1 || a.Op == OpTranspose && isLine(a.Shape) {
		a = a.Args[0]
	}
	if slices.Equal(shape, a.Shape) {
		return a
	}
	return g.structural(&Node{Op: OpReshape, Args: []*Node{a}, Shape: slices.Clone(shape)})
}

// isLine reports whether at most one dimension of shape is not 1.
func isLine(shape []int) bool {
	long := 0
	for _, d := range shape {
		if d != 1 {
			long++
		}
	}
	return long <= 1
}

// scatter returns zeros of shape with v placed at [lo] (hi < 0) or
// [lo:hi] along axis 0: the adjoint of indexing and slicing.
func (g *Graph) scatter(v *Node, lo, hi int, shape []int) *Node {
	if v.isZero() {
		return g.filled(0, shape)
	}
	if v.Op == OpStack || hi < 0 && v.IsScalar() && len(shape) == 1 && v.Op != OpConst {
		// Scattering formulas into a short vector: write the vector out,
		// [0, v, 0], so that it keeps simplifying stackwise.
		if len(shape) == 1 && shape[0] <= 64 {
			parts := make([]*Node, shape[0])
			for i := range parts {
				parts[i] = g.Const(0)
			}
			if hi < 0 {
				parts[lo] = v
			} else {
				for i := lo; i < hi; i++ {
					parts[i] = g.Index(v, i-lo)
				}
			}
			return g.Stack(parts)
		}
	}
	return g.structural(&Node{Op: OpScatter, Args: []*Node{v}, Lo: lo, Hi: hi, Shape: shape})
}
