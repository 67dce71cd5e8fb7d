package autodiff

import (
	"fmt"
	"slices"

	"calc/stdlib/array"
)

// Eval evaluates n with the variables bound by env (by name), using plain
// array operations. It is the reference the compiled tape is tested
// against, and what folds constants; solvers use Compile instead.
func Eval(n *Node, env map[string]*array.Array) (*array.Array, error) {
	memo := map[*Node]*array.Array{}
	var walk func(*Node) *array.Array
	walk = func(n *Node) *array.Array {
		if v, ok := memo[n]; ok {
			return v
		}
		var v *array.Array
		if n.Op == OpVar {
			v = env[n.Name]
			if v == nil {
				panic(&ShapeError{fmt.Sprintf("%s has no value", n.Name)})
			}
		} else {
			v = evalNode(n, walk)
		}
		memo[n] = v
		return v
	}
	return catchShape(func() *array.Array { return walk(n) })
}

// catchShape runs f, turning a ShapeError panic into an error.
func catchShape(f func() *array.Array) (v *array.Array, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*ShapeError)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	return f(), nil
}

// check panics with a ShapeError for a failed array operation.
func check(a *array.Array, err error) *array.Array {
	if err != nil {
		panic(&ShapeError{err.Error()})
	}
	return a
}

// evalNode computes one node from its arguments' values.
func evalNode(n *Node, arg func(*Node) *array.Array) *array.Array {
	args := make([]*array.Array, len(n.Args))
	for i, a := range n.Args {
		args[i] = arg(a)
	}
	keep := func(x, _ float64) float64 { return x }
	switch n.Op {
	case OpConst:
		return constArray(n)
	case OpAdd:
		out := array.Full(n.Shape, n.Val)
		for i, a := range args {
			c := n.Coefs[i]
			out = check(array.Broadcast(out, a, func(x, y float64) float64 { return x + c*y }))
		}
		return out
	case OpMul:
		out := array.Full(n.Shape, n.Val)
		for _, a := range args {
			out = check(array.Broadcast(out, a, func(x, y float64) float64 { return x * y }))
		}
		return out
	case OpPow:
		return check(array.Broadcast(args[0], args[1], pow))
	case OpApply:
		switch n.Prim.Arity {
		case 1:
			return array.Map(args[0], n.Prim.Unary)
		case 3:
			return check(array.Broadcast3(args[0], args[1], args[2], n.Prim.Ternary))
		}
		return check(array.Broadcast(args[0], args[1], n.Prim.Binary))
	case OpSelect:
		return check(array.Where(args[0], args[1], args[2]))
	case OpDot:
		return check(array.Dot(args[0], args[1]))
	case OpTranspose:
		return array.Transpose(args[0])
	case OpSum:
		return check(array.Sum(args[0], n.Lo))
	case OpIndex:
		return check(array.Index(args[0], n.Lo))
	case OpSlice:
		return check(array.Slice(args[0], n.Lo, n.Hi, 1, true, true))
	case OpStack:
		return check(array.Stack(args, 0))
	case OpReshape:
		return check(array.Reshape(args[0], n.Shape))
	case OpBroadcast:
		return check(array.Broadcast(args[0], array.Zeros(n.Shape...), keep))
	case OpSumTo:
		return sumTo(args[0], n.Shape)
	case OpScatter:
		out := array.Zeros(n.Shape...)
		stride := array.Size(n.Shape[1:])
		copy(out.Floats()[n.Lo*stride:], args[0].Floats())
		return out
	case OpCall:
		return evalCall(n, args)
	}
	panic(fmt.Sprintf("autodiff: evalNode of op %d", n.Op))
}

// sumTo sums a over the axes along which shape was broadcast to a's shape.
func sumTo(a *array.Array, shape []int) *array.Array {
	out := a
	// Leading axes that broadcasting added are summed away first.
	for len(out.Shape) > len(shape) {
		out = check(array.Sum(out, 0))
	}
	for ax, d := range shape {
		if d == 1 && out.Shape[ax] != 1 {
			kept := slices.Clone(out.Shape)
			kept[ax] = 1
			out = check(array.Reshape(check(array.Sum(out, ax)), kept))
		}
	}
	return out
}
