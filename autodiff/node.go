package autodiff

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// Op says what a Node computes.
type Op uint8

// The operations of the expression graph. Elementwise operations broadcast
// their arguments like numpy.
const (
	OpConst     Op = iota // Val, or Arr for an array constant
	OpVar                 // the variable Name
	OpAdd                 // Val + Σ Coefs[i]*Args[i]
	OpMul                 // Val * Π Args[i]
	OpPow                 // Args[0] ** Args[1]
	OpApply               // Prim applied elementwise to Args
	OpSelect              // Args[0] != 0 ? Args[1] : Args[2], elementwise
	OpDot                 // matrix product of Args[0] and Args[1]
	OpTranspose           // axes of Args[0] reversed
	OpSum                 // sum of Args[0] over axis Lo, or over all (Lo = AllAxes)
	OpIndex               // Args[0][Lo] along axis 0
	OpSlice               // Args[0][Lo:Hi] along axis 0
	OpStack               // Args stacked along a new axis 0
	OpReshape             // Args[0] in Shape
	OpBroadcast           // Args[0] broadcast to Shape
	OpSumTo               // Args[0] summed down to Shape (undoes a broadcast)
	OpScatter             // zeros of Shape with Args[0] at [Lo] (Hi < 0) or [Lo:Hi]
	OpCall                // Call applied to Args: a solver's result (see Call)
)

// AllAxes is the axis of a sum over every element.
const AllAxes = array.AllAxes

// Node is an immutable node of an expression graph. Nodes are interned by
// their Graph: two nodes built from equal parts are the same pointer, so
// pointer equality is structural equality.
type Node struct {
	Op     Op
	Prim   *Primitive // OpApply
	Call   *Call      // OpCall
	Args   []*Node
	Coefs  []float64    // OpAdd: the coefficient of each term
	Val    float64      // OpConst value, OpAdd constant term, OpMul coefficient
	Arr    *array.Array // OpConst array value
	Name   string       // OpVar
	Shape  []int
	Lo, Hi int    // OpSum axis; OpIndex, OpSlice and OpScatter bounds
	id     int    // creation order within the graph: a topological order
	mark   uint32 // the sweep that last found the node reachable
	depth  int32  // the longest path to a leaf: 1 for leaves
}

// ID returns the node's creation number in its graph. Arguments always
// have smaller numbers than the nodes that use them.
func (n *Node) ID() int { return n.id }

// IsConst reports whether n is a constant.
func (n *Node) IsConst() bool { return n.Op == OpConst }

// IsScalar reports whether n has shape ().
func (n *Node) IsScalar() bool { return len(n.Shape) == 0 }

// Size returns the number of elements of n's value.
func (n *Node) Size() int { return array.Size(n.Shape) }

// constValue returns a scalar constant's value.
func (n *Node) constValue() (float64, bool) {
	if n.Op == OpConst && n.Arr == nil {
		return n.Val, true
	}
	return 0, false
}

// isConstValue reports whether n is the scalar constant x.
func (n *Node) isConstValue(x float64) bool {
	v, ok := n.constValue()
	return ok && v == x
}

// Graph builds and interns nodes. Each calc session has one; graphs share
// nothing. MaxNodes limits its size (DefaultMaxNodes unless changed) so
// that runaway symbolic work is an error, not memory exhaustion. Sweep
// drops the nodes that are no longer reachable from the session's values,
// so the limit counts the nodes in use, not all that were ever made.
type Graph struct {
	nodes    map[string]*Node
	MaxNodes int
	// Check, when set, is called every checkEvery nodes built or looked
	// up, and may panic to stop the work: the session's interrupt, so
	// that symbolic expansion, Taylor series and differentiation of large
	// graphs stop within the time limit.
	Check    func()
	interned int    // calls of intern since Check was last called
	next     int    // the id of the next new node; ids are never reused
	epoch    uint32 // the number of sweeps so far
}

// DefaultMaxNodes is the default limit on the nodes of one graph.
const DefaultMaxNodes = 5_000_000

// NewGraph returns an empty graph.
func NewGraph() *Graph {
	return &Graph{nodes: map[string]*Node{}, MaxNodes: DefaultMaxNodes}
}

// MaxDepth limits how deeply an expression nests (the longest chain of
// arguments), so that every walk of a graph, recursive or not, stays far
// from the limits of Go's stack.
const MaxDepth = 20000

// ErrTooLarge is the message of the panic raised when a graph passes its
// node limit, or (Depth) an expression nests deeper than MaxDepth.
type ErrTooLarge struct {
	Limit int
	Depth bool
}

// Error says which limit was passed.
func (e *ErrTooLarge) Error() string {
	if e.Depth {
		return fmt.Sprintf("the expression nests deeper than the limit of %d levels", e.Limit)
	}
	return fmt.Sprintf("the expression graph passed its limit of %d nodes", e.Limit)
}

// checkEvery is how many calls of intern pass between calls of Check:
// each costs a hash lookup, so a check stays well under a millisecond apart.
const checkEvery = 1024

// intern returns the graph's node equal to n, adding n if it is new.
func (g *Graph) intern(n *Node) *Node {
	if g.interned++; g.interned >= checkEvery && g.Check != nil {
		g.interned = 0
		g.Check()
	}
	key := n.key()
	if old, ok := g.nodes[key]; ok {
		return old
	}
	if len(g.nodes) >= g.MaxNodes {
		panic(&ErrTooLarge{Limit: g.MaxNodes})
	}
	n.depth = 1
	for _, a := range n.Args {
		n.depth = max(n.depth, a.depth+1)
	}
	if n.depth > MaxDepth {
		panic(&ErrTooLarge{Limit: MaxDepth, Depth: true})
	}
	g.next++
	n.id = g.next
	g.nodes[key] = n
	return n
}

// Len returns the number of nodes in the graph's table.
func (g *Graph) Len() int { return len(g.nodes) }

// Sweep removes from the graph's table every node that is not reachable
// from roots through the nodes' arguments, and returns how many remain.
// A removed node still works wherever it is held, but an equal node built
// later is a new one, so the caller must pass as roots every node that
// can meet a future one: everything its values hold. Sweep walks the graph
// with an explicit stack, so deep graphs cannot overflow Go's.
func (g *Graph) Sweep(roots []*Node) int {
	g.epoch++
	stack := append([]*Node(nil), roots...)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil || n.mark == g.epoch {
			continue
		}
		n.mark = g.epoch
		stack = append(stack, n.Args...)
	}
	for key, n := range g.nodes {
		if n.mark != g.epoch {
			delete(g.nodes, key)
		}
	}
	return len(g.nodes)
}

// Live reports whether the last Sweep found n reachable.
func (g *Graph) Live(n *Node) bool { return n.mark == g.epoch }

// key is a string that identifies a node by its parts.
func (n *Node) key() string {
	var b strings.Builder
	b.WriteByte(byte(n.Op))
	if n.Prim != nil {
		b.WriteString(n.Prim.Name)
	}
	if n.Call != nil {
		b.WriteString(n.Call.Name)
	}
	for _, a := range n.Args {
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(a.id))
	}
	b.WriteByte('|')
	for _, c := range n.Coefs {
		b.WriteString(strconv.FormatUint(math.Float64bits(c), 36))
		b.WriteByte(',')
	}
	b.WriteString(strconv.FormatUint(math.Float64bits(n.Val), 36))
	if n.Arr != nil {
		fmt.Fprintf(&b, "|arr%p", n.Arr)
	}
	b.WriteString("|" + n.Name + "|")
	for _, d := range n.Shape {
		b.WriteString(strconv.Itoa(d))
		b.WriteByte(',')
	}
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(n.Lo))
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(n.Hi))
	return b.String()
}

// Const returns the scalar constant x.
func (g *Graph) Const(x float64) *Node {
	return g.intern(&Node{Op: OpConst, Val: x})
}

// ConstArray returns an array constant. A 0-d array is a scalar constant.
func (g *Graph) ConstArray(a *array.Array) *Node {
	if len(a.Shape) == 0 {
		return g.Const(a.Floats()[0])
	}
	return g.intern(&Node{Op: OpConst, Arr: a, Shape: a.Shape})
}

// Var returns the variable called name with the given shape.
func (g *Graph) Var(name string, shape []int) *Node {
	return g.intern(&Node{Op: OpVar, Name: name, Shape: shape})
}

// filled returns the constant x broadcast to shape.
func (g *Graph) filled(x float64, shape []int) *Node {
	if len(shape) == 0 {
		return g.Const(x)
	}
	return g.Broadcast(g.Const(x), shape)
}

// ShapeError is raised (as a panic) when the shapes of a graph operation do
// not fit; the interpreter reports it as a user error.
type ShapeError struct{ Msg string }

// Error returns the message.
func (e *ShapeError) Error() string { return e.Msg }

func shapeErrorf(format string, args ...any) {
	panic(&ShapeError{fmt.Sprintf(format, args...)})
}

// broadcastShape returns the shape elementwise arguments broadcast to.
func broadcastShape(op string, args ...*Node) []int {
	shape := args[0].Shape
	for _, a := range args[1:] {
		s, err := array.BroadcastShapes(shape, a.Shape)
		if err != nil {
			shapeErrorf("%s: %v", op, err)
		}
		shape = s
	}
	return shape
}

// Broadcast returns x broadcast to shape.
func (g *Graph) Broadcast(x *Node, shape []int) *Node {
	if slices.Equal(x.Shape, shape) {
		return x
	}
	if s, err := array.BroadcastShapes(x.Shape, shape); err != nil || !slices.Equal(s, shape) {
		shapeErrorf("cannot broadcast shape %s to %s", array.ShapeString(x.Shape), array.ShapeString(shape))
	}
	return g.intern(&Node{Op: OpBroadcast, Args: []*Node{x}, Shape: shape})
}

// SumTo sums x down to shape, undoing a broadcast from shape to x's shape.
func (g *Graph) SumTo(x *Node, shape []int) *Node {
	if slices.Equal(x.Shape, shape) {
		return x
	}
	if x.Op == OpBroadcast && slices.Equal(x.Args[0].Shape, shape) {
		return g.Mul(x.Args[0], g.Const(float64(x.Size()/max(1, array.Size(shape)))))
	}
	if len(shape) == 0 {
		return g.Sum(x, AllAxes)
	}
	return g.intern(&Node{Op: OpSumTo, Args: []*Node{x}, Shape: shape})
}
