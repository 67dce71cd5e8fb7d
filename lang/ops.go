package lang

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"calc/autodiff"
	"calc/stdlib/array"
)

// operator is a binary primitive with what the interpreter needs to apply
// it to values of every kind.
type operator struct {
	prim    *autodiff.Primitive
	verb    string // "cannot <verb> string and array"
	compare bool   // a comparison: scalar results are bools
}

var (
	opAdd = operatorFor(autodiff.Lookup("+"))
	opSub = operatorFor(autodiff.Lookup("-"))
	opMul = operatorFor(autodiff.Lookup("*"))
	opDiv = operatorFor(autodiff.Lookup("/"))
)

var verbs = map[string]string{
	"+": "add", "-": "subtract", "*": "multiply", "/": "divide",
	"**": "raise to a power", "mod": "take the remainder of",
}

func operatorFor(p *autodiff.Primitive) *operator {
	switch p.Name {
	case "<", "<=", ">", ">=", "==", "!=":
		return &operator{prim: p, verb: "compare", compare: true}
	}
	verb, ok := verbs[p.Name]
	if !ok {
		verb = "apply " + p.Name + " to"
	}
	return &operator{prim: p, verb: verb}
}

// noteColumnAgainstVector says, once a session for each length, that an
// operation between a column (n, 1) and a vector (n,) broadcasts to an
// n×n table, as numpy's does: the classic slip of a model's output
// column against 1-D targets, silent in numpy.
func (s *Session) noteColumnAgainstVector(a, b Value) {
	x, y := a.shape(), b.shape()
	if len(x) == 1 {
		x, y = y, x
	}
	if len(x) == 2 && len(y) == 1 && x[1] == 1 && x[0] == y[0] && x[0] > 1 {
		n := x[0]
		s.NoteOnce(fmt.Sprintf("a column (%d, 1) with a vector (%d,) broadcasts to (%d, %d), as numpy's: each row against each element; "+
			"to pair them, reshape one: reshape(v, %d, 1) or reshape(c, %d)", n, n, n, n, n, n))
	}
}

// numeric returns v as an array (numbers and bools as 0-d arrays, a bool
// of depth Bool).
func numeric(v Value) (*array.Array, bool) {
	switch v.kind {
	case NumKind:
		return array.Scalar(v.num), true
	case BoolKind:
		b := array.Scalar(v.num)
		b.Depth = array.Bool
		return b, true
	case ArrayKind:
		return v.Array(), true
	}
	return nil, false
}

// maskOps are the binary operators that give a mask of two masks, as
// numpy's do of two bool arrays: + is or, * is and, max is or, min is and.
// Others of two masks give numbers, and - is refused.
var maskOps = map[string]bool{"+": true, "*": true, "max": true, "min": true}

// binaryOp applies a binary operator to values that are not both numbers:
// arrays broadcast like numpy, strings concatenate and compare, and
// anything else is a type error that names both kinds.
// broadcast is array.Broadcast with the result's size checked against
// the session's limit before it is allocated.
func (s *Session) broadcast(x, y *array.Array, f func(p, q float64) float64) (*array.Array, error) {
	s.CheckBroadcast(x.Shape, y.Shape)
	return array.Broadcast(x, y, f)
}

// CheckBroadcast raises an error if arrays of the given shapes broadcast
// to more elements than the session's limit. Shapes that do not broadcast
// are left to the operation, which says why.
func (s *Session) CheckBroadcast(shapes ...[]int) {
	if len(shapes) == 0 {
		return
	}
	shape := shapes[0]
	for _, next := range shapes[1:] {
		var err error
		if shape, err = array.BroadcastShapes(shape, next); err != nil {
			return
		}
	}
	n := 1.0
	for _, d := range shape {
		n *= float64(d)
	}
	s.CheckElements(n)
}

func (s *Session) binaryOp(o *operator, a, b Value, pos Pos) Value {
	s.noteColumnAgainstVector(a, b)
	if hasExpr(a, b) {
		if v, ok := s.symbolicOp(o.prim, pos, a, b); ok {
			return v
		}
	}
	if a.kind == ComplexKind || b.kind == ComplexKind {
		return s.complexBinary(o, a, b, pos)
	}
	if x, ok := numeric(a); ok {
		if y, ok := numeric(b); ok {
			if a.kind != ArrayKind && b.kind != ArrayKind {
				if o.compare {
					return Bool(o.prim.Binary(x.Floats()[0], y.Floats()[0]) != 0)
				}
				return s.scalarArithmetic(o.prim, x.Floats()[0], y.Floats()[0])
			}
			masks := x.Depth == array.Bool && y.Depth == array.Bool
			if masks && o.prim.Name == "-" {
				panic(Errorf("cannot subtract masks (bool arrays), as numpy cannot: for where exactly one holds write a != b (xor), for a but not b write a and not b").at(pos))
			}
			z, err := s.broadcast(x, y, s.pollingBinary(o.prim))
			if err != nil {
				panic(Errorf("cannot %s arrays: %v", o.verb, err).at(pos))
			}
			switch {
			case o.compare:
				z.Depth = array.Bool
			case masks && maskOps[o.prim.Name]:
				z = array.Convert(z, array.Bool) // true + true is true
			default:
				s.noteIntegerOverflow(o.prim.Name, x, y, z)
			}
			return Arr(z)
		}
	}
	switch name := o.prim.Name; {
	case a.kind == StrKind && b.kind == StrKind:
		x, y := a.Text(), b.Text()
		switch name {
		case "+":
			return Str(x + y)
		case "<":
			return Bool(x < y)
		case "<=":
			return Bool(x <= y)
		case ">":
			return Bool(x > y)
		case ">=":
			return Bool(x >= y)
		}
	case name == "+" && a.kind == ListKind && b.kind == ListKind:
		return ListOf(append(append([]Value(nil), a.List().Items...), b.List().Items...))
	}
	switch o.prim.Name {
	case "==":
		return Bool(Equal(a, b))
	case "!=":
		return Bool(!Equal(a, b))
	}
	hint := ""
	switch {
	case o.prim.Name == "+" && (a.kind == ListKind || b.kind == ListKind):
		hint = " (+ joins two lists; to join arrays or a list and an array, write concat(a, b))"
	case o.prim.Name == "mod" && a.kind == StrKind:
		hint = ` (calc has no % formatting: write format(x, ".3f"), and join text with +)`
	}
	panic(Errorf("cannot %s %s and %s%s", o.verb, a.TypeName(), b.TypeName(), hint).at(pos))
}

// noteIntegerOverflow notes, once a session, when +, -, * or ** of an array
// of an integer depth (an 8-bit image) gives values outside that depth
// where numpy's would wrap around: with another array of that depth, or
// with a whole number that fits it (numpy 1.24's casting keeps the
// integer type then, and gives float64 or a wider type otherwise). calc's
// result is float64 and keeps them.
func (s *Session) noteIntegerOverflow(op string, x, y, z *array.Array) {
	if op != "+" && op != "-" && op != "*" && op != "**" {
		return
	}
	if !wrapsLikeNumpy(x, y) && !wrapsLikeNumpy(y, x) {
		return
	}
	d := x.Depth
	if !d.IsInt() || d == array.Bool {
		d = y.Depth
	}
	s.noteOutsideDepth(d, z)
}

// noteOutsideDepth notes, once a session, when z, computed in float64
// from arrays of the integer depth d, holds values outside d's range.
func (s *Session) noteOutsideDepth(d array.Depth, z *array.Array) {
	lo, hi := d.Range()
	msg := fmt.Sprintf("arithmetic on %s arrays gives float64 in calc, which keeps the values outside %g..%g; "+
		"numpy's %s arithmetic wraps them around, and OpenCV's (cv2.add) saturates them, as as_depth(r, %q) does",
		d, lo, hi, d, d)
	if !s.notedOnce[msg] && d.Outside(z) >= 0 { // no second scan once said
		s.NoteOnce(msg)
	}
}

// wrapsLikeNumpy reports whether numpy's arithmetic of a, an array of an
// integer depth, with b stays in a's integer type: b has the same depth,
// or is a whole number within it.
func wrapsLikeNumpy(a, b *array.Array) bool {
	d := a.Depth
	if !d.IsInt() || d == array.Bool || a.Ndim() == 0 {
		return false
	}
	if b.Depth == d {
		return true
	}
	if b.Ndim() != 0 {
		return false
	}
	lo, hi := d.Range()
	v := b.Floats()[0]
	return v == math.Trunc(v) && v >= lo && v <= hi
}

// scalarArithmetic applies the binary primitive p to two numbers, noting
// an inexact whole result (see noteInexactArithmetic).
func (s *Session) scalarArithmetic(p *autodiff.Primitive, x, y float64) Value {
	r := p.Binary(x, y)
	if math.Abs(r) >= 1<<53 {
		s.noteInexactArithmetic(p.Name, x, y, r)
	}
	return Num(r)
}

// noteInexactArithmetic notes when +, -, * or ** of two whole numbers
// gives a whole number past 2**53 that is not the exact result, which
// Python's int (and numpy's int64, within its range) would give.
func (s *Session) noteInexactArithmetic(op string, x, y, r float64) {
	whole := func(v float64) bool { return v == math.Trunc(v) && math.Abs(v) <= 1<<53 }
	if !whole(x) || !whole(y) || math.IsInf(r, 0) || op == "**" && (y < 0 || y > 1100) {
		return
	}
	var combine func(z, a, b *big.Int) *big.Int
	switch op {
	case "+":
		combine = (*big.Int).Add
	case "-":
		combine = (*big.Int).Sub
	case "*":
		combine = (*big.Int).Mul
	case "**":
		combine = func(z, a, b *big.Int) *big.Int { return z.Exp(a, b, nil) }
	default: // other functions of numbers past 2**53 (atan2, hypot...)
		return
	}
	exact := combine(new(big.Int), big.NewInt(int64(x)), big.NewInt(int64(y)))
	if kept, _ := big.NewFloat(r).Int(nil); kept.Cmp(exact) == 0 {
		return
	}
	s.Note(fmt.Sprintf("%s %s %s is %s in calc, not %s: its numbers are float64, whose integers are exact only up to 2**53 = 9007199254740992",
		Format(Num(x)), op, Format(Num(y)), Format(Num(r)), exact))
}

// pollEvery is how many values an elementwise special function computes
// between polls of the stop flag: one can take microseconds (a Bessel
// function of high order), so a million take seconds; arithmetic and the
// elementary functions take nanoseconds and are not polled.
const pollEvery = 1 << 12

// pollingUnary is p's function, polling the stop flag every pollEvery
// calls when p is a special function.
func (s *Session) pollingUnary(p *autodiff.Primitive) func(float64) float64 {
	if p.Topic != "special" {
		return p.Unary
	}
	return s.Polling(p.Unary)
}

// Polling returns f polling the stop flag every pollEvery calls, for a
// builtin that maps a costly function (a special function) over an array
// with array.Map.
func (s *Session) Polling(f func(float64) float64) func(float64) float64 {
	n := 0
	return func(x float64) float64 {
		if n++; n%pollEvery == 0 {
			s.Check()
		}
		return f(x)
	}
}

// pollingBinary is pollingUnary for a primitive of two arguments.
func (s *Session) pollingBinary(p *autodiff.Primitive) func(x, y float64) float64 {
	if p.Topic != "special" {
		return p.Binary
	}
	n := 0
	return func(x, y float64) float64 {
		if n++; n%pollEvery == 0 {
			s.Check()
		}
		return p.Binary(x, y)
	}
}

// unaryOp applies an elementwise primitive to a number, bool or array.
func (s *Session) unaryOp(p *autodiff.Primitive, v Value, pos Pos) Value {
	switch v.kind {
	case NumKind, BoolKind:
		r := p.Unary(v.num)
		if math.IsNaN(r) && p.Complex != nil {
			s.noteRealNaN(p, []float64{v.num})
		}
		return Num(r)
	case ArrayKind:
		if v.Array().Depth == array.Bool && keepsMask(p, pos) {
			return v
		}
		r := array.Map(v.Array(), s.pollingUnary(p))
		if p.Complex != nil && slices.ContainsFunc(r.Floats(), math.IsNaN) {
			s.noteRealNaN(p, v.Array().Floats())
		}
		if d := v.Array().Depth; p.Name == "neg" && d.IsInt() {
			s.noteOutsideDepth(d, r) // numpy's -img wraps around
		}
		return Arr(r)
	case ExprKind:
		r, _ := s.symbolicOp(p, pos, v)
		return r
	case ComplexKind:
		return s.complexUnary(p, v, pos)
	}
	name := p.Name
	if name == "neg" {
		name = "-"
	}
	panic(Errorf("cannot apply %s to %s", name, v.TypeName()).at(pos))
}

// keepsMask reports whether p of a mask is the mask itself, as numpy's abs
// of a bool array is; numpy refuses - of one, and so does calc. Other
// functions of a mask give numbers.
func keepsMask(p *autodiff.Primitive, pos Pos) bool {
	if p.Name == "neg" {
		panic(Errorf("cannot negate a mask (a bool array), as numpy cannot: write not b").at(pos))
	}
	return p.Name == "abs"
}

// noteRealNaN says, when p (a function with a complex extension, as
// sqrt or log) gives nan for a finite real number among xs, that the
// complex answer needs a complex argument; numpy warns there too.
func (s *Session) noteRealNaN(p *autodiff.Primitive, xs []float64) {
	for _, x := range xs {
		if math.IsNaN(p.Unary(x)) && !math.IsNaN(x) && !math.IsInf(x, 0) {
			s.Note(fmt.Sprintf("%s of a real number outside its domain is nan, as numpy's; "+
				"for the complex answer give it a complex number, as %s(x + 0j)", p.Name, p.Name))
			return
		}
	}
}

// not implements `not v`: the negation of a truth value, elementwise on
// arrays.
func (s *Session) not(v Value, pos Pos) Value {
	if v.kind == ArrayKind {
		r := array.Map(v.Array(), func(x float64) float64 { return b2f(x == 0) })
		r.Depth = array.Bool
		return Arr(r)
	}
	return Bool(!truth(v, pos))
}

// logical implements `a and b` and `a or b` when an operand is an array:
// elementwise, giving an array of truth values.
func (s *Session) logical(isAnd bool, a, b Value, pos Pos) Value {
	x, ok1 := numeric(a)
	y, ok2 := numeric(b)
	if !ok1 || !ok2 {
		bad := a
		if ok1 {
			bad = b
		}
		truth(bad, pos)
	}
	f := func(p, q float64) float64 { return b2f(p != 0 || q != 0) }
	if isAnd {
		f = func(p, q float64) float64 { return b2f(p != 0 && q != 0) }
	}
	z, err := s.broadcast(x, y, f)
	if err != nil {
		panic(Errorf("cannot combine arrays with and/or: %v", err).at(pos))
	}
	if len(z.Shape) == 0 {
		return Bool(z.Floats()[0] != 0)
	}
	z.Depth = array.Bool
	return Arr(z)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// contains implements `x in coll`.
func contains(coll, x Value, pos Pos) bool {
	switch coll.kind {
	case StrKind:
		if x.kind == StrKind {
			return strings.Contains(coll.Text(), x.Text())
		}
	case RecordKind:
		if x.kind == StrKind {
			_, ok := coll.Record().Get(x.Text())
			return ok
		}
	case ListKind, ArrayKind:
		items, _ := Items(coll)
		for _, it := range items {
			if Equal(it, x) {
				return true
			}
		}
		return false
	}
	panic(Errorf("cannot look for %s in %s", x.TypeName(), coll.TypeName()).at(pos))
}

// member implements `v.name`: record fields and array attributes.
func (s *Session) member(v Value, name string, pos Pos) Value {
	switch v.kind {
	case RecordKind:
		r := v.Record()
		if f, ok := r.Get(name); ok {
			return f
		}
		panic(Errorf("record has no field %q (its fields: %s)", name, strings.Join(r.Keys, ", ")).at(pos))
	case ArrayKind:
		a := v.Array()
		switch name {
		case "T":
			return Arr(array.Transpose(a))
		case "shape":
			shape := make([]float64, len(a.Shape))
			for i, d := range a.Shape {
				shape[i] = float64(d)
			}
			return Arr(array.Vector(shape))
		case "ndim":
			return Num(float64(len(a.Shape)))
		case "size":
			return Num(float64(a.Len()))
		case "dtype":
			return Str(a.Depth.String())
		}
		panic(Errorf("arrays have no field %q (they have T, shape, ndim, size, dtype)%s", name, s.methodHint(name)).at(pos))
	case NumKind:
		switch name {
		case "T":
			return v
		case "shape":
			return ListOf(nil)
		}
	case ComplexKind:
		c, _ := v.ComplexArray()
		switch name {
		case "real":
			return Arr(c.Re)
		case "imag":
			return Arr(c.Im)
		case "T":
			return CArr(array.NewComplex(array.Transpose(c.Re), array.Transpose(c.Im)))
		case "shape":
			return s.member(Arr(c.Re), name, pos)
		}
		panic(Errorf("complex values have no field %q (they have real, imag, T, shape)%s", name, s.methodHint(name)).at(pos))
	}
	if n := v.Node(); n != nil {
		switch name {
		case "T":
			return Expr(Symbolic(func() *autodiff.Node { return s.graph.Transpose(n) }))
		case "shape":
			shape := make([]float64, len(n.Shape))
			for i, d := range n.Shape {
				shape[i] = float64(d)
			}
			return Arr(array.Vector(shape))
		}
		if sym := v.SymbolName(); sym != "" {
			panic(Errorf("%q is not defined", sym).at(pos))
		}
	}
	panic(Errorf("%s has no field %q%s", v.TypeName(), name, s.methodHint(name)).at(pos))
}

// methodHint tells a numpy user who wrote x.sum() or xs.append(y) how calc
// spells it: values have no methods, so a field named like a function is
// that function called with the value first.
func (s *Session) methodHint(name string) string {
	if s.Builtin(name) != nil {
		return fmt.Sprintf("; calc has no methods: write %s(x, ...), not x.%s(...)", name, name)
	}
	if spelling, ok := s.calcSpelling(name); ok {
		return "; calc has no methods: it writes " + spelling
	}
	return ""
}

// intIndex converts an index value to an int, or raises an error.
func intIndex(v Value, pos Pos) int {
	i, ok := v.Int()
	if !ok {
		panic(Errorf("an index must be an integer, not %s", describe(v)).at(pos))
	}
	return i
}

// describe names a value for an error message: numbers by value.
func describe(v Value) string {
	if v.kind == NumKind {
		return array.FormatNumber(v.num, 10)
	}
	return v.TypeName()
}

// normIndex turns a possibly negative index into an offset into n items.
func normIndex(i, n int, pos Pos) int {
	j := i
	if j < 0 {
		j += n
	}
	if j < 0 || j >= n {
		panic(Errorf("index %d is out of range for length %d", i, n).at(pos))
	}
	return j
}

// sliceBounds resolves Python slice bounds against a length.
func sliceBounds(lo, hi Value, n int, pos Pos) (int, int) {
	from, to := 0, n
	if !lo.IsNil() {
		from = clampIndex(intIndex(lo, pos), n)
	}
	if !hi.IsNil() {
		to = clampIndex(intIndex(hi, pos), n)
	}
	return from, max(from, to)
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// Apply applies an elementwise primitive of the autodiff table to one or
// two values (numbers, bools or arrays, which broadcast), as the math
// builtins do.
func (s *Session) Apply(p *autodiff.Primitive, args ...Value) Value {
	for i, a := range args {
		if _, ok := numeric(a); !ok && a.kind != ExprKind && a.kind != ComplexKind {
			panic(ArgErrorf(i, "expected a number or an array, got %s", a.TypeName()))
		}
	}
	var v Value
	switch p.Arity {
	case 1:
		v = s.unaryOp(p, args[0], Pos{})
	case 3:
		v = s.ternaryOp(p, args)
	default:
		v = s.binaryOp(operatorFor(p), args[0], args[1], Pos{})
	}
	if p.Topic == "special" && holdsNaN(v) && !slices.ContainsFunc(args, holdsNaN) {
		s.Note(fmt.Sprintf("%s gives nan here: its arguments are outside the domain calc computes it on (help(%s) says which)", p.Name, p.Name))
	}
	return v
}

// ternaryOp applies a primitive of three arguments: symbolically if one
// is an expression, else to numbers or broadcast arrays.
func (s *Session) ternaryOp(p *autodiff.Primitive, args []Value) Value {
	if hasExpr(args...) {
		if v, ok := s.symbolicOp(p, Pos{}, args...); ok {
			return v
		}
	}
	xs := make([]*array.Array, 3)
	scalar := true
	for i, a := range args {
		x, ok := numeric(a)
		if !ok {
			panic(ArgErrorf(i, "%s takes numbers or arrays, got %s", p.Name, a.TypeName()))
		}
		xs[i], scalar = x, scalar && a.kind != ArrayKind
	}
	if scalar {
		return Num(p.Ternary(xs[0].Floats()[0], xs[1].Floats()[0], xs[2].Floats()[0]))
	}
	z, err := array.Broadcast3(xs[0], xs[1], xs[2], p.Ternary)
	if err != nil {
		panic(Errorf("cannot broadcast the arguments of %s: %v", p.Name, err))
	}
	return Arr(z)
}

// symbolicAt runs a graph constructor, giving its errors the position pos.
func symbolicAt(pos Pos, f func() *autodiff.Node) (n *autodiff.Node) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(*Error); ok {
				panic(e.at(pos))
			}
			panic(r)
		}
	}()
	return Symbolic(f)
}
