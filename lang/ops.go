package lang

import (
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

// numeric returns v as an array (numbers and bools as 0-d arrays).
func numeric(v Value) (*array.Array, bool) {
	switch v.kind {
	case NumKind, BoolKind:
		return &array.Array{Data: []float64{v.num}}, true
	case ArrayKind:
		return v.Array(), true
	}
	return nil, false
}

// binaryOp applies a binary operator to values that are not both numbers:
// arrays broadcast like numpy, strings concatenate and compare, and
// anything else is a type error that names both kinds.
func (s *Session) binaryOp(o *operator, a, b Value, pos Pos) Value {
	if hasExpr(a, b) {
		if v, ok := s.symbolicOp(o.prim, pos, a, b); ok {
			return v
		}
	}
	if x, ok := numeric(a); ok {
		if y, ok := numeric(b); ok {
			if a.kind != ArrayKind && b.kind != ArrayKind {
				r := o.prim.Binary(x.Data[0], y.Data[0])
				if o.compare {
					return Bool(r != 0)
				}
				return Num(r)
			}
			z, err := array.Broadcast(x, y, o.prim.Binary)
			if err != nil {
				panic(Errorf("cannot %s arrays: %v", o.verb, err).at(pos))
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
	panic(Errorf("cannot %s %s and %s", o.verb, a.TypeName(), b.TypeName()).at(pos))
}

// unaryOp applies an elementwise primitive to a number, bool or array.
func (s *Session) unaryOp(p *autodiff.Primitive, v Value, pos Pos) Value {
	switch v.kind {
	case NumKind, BoolKind:
		return Num(p.Unary(v.num))
	case ArrayKind:
		return Arr(array.Map(v.Array(), p.Unary))
	case ExprKind:
		r, _ := s.symbolicOp(p, pos, v)
		return r
	}
	name := p.Name
	if name == "neg" {
		name = "-"
	}
	panic(Errorf("cannot apply %s to %s", name, v.TypeName()).at(pos))
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
			return Num(float64(len(a.Data)))
		case "dtype":
			return Str(a.Depth.String())
		}
		panic(Errorf("arrays have no field %q (they have T, shape, ndim, size, dtype)", name).at(pos))
	case NumKind:
		switch name {
		case "T":
			return v
		case "shape":
			return ListOf(nil)
		}
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
	panic(Errorf("%s has no field %q", v.TypeName(), name).at(pos))
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

// index implements `v[i]`.
func (s *Session) index(v, i Value, pos Pos) Value {
	switch v.kind {
	case RecordKind:
		if i.kind == StrKind {
			return s.member(v, i.Text(), pos)
		}
		panic(Errorf("a record is indexed by a field name, not %s", i.TypeName()).at(pos))
	case ArrayKind:
		a := v.Array()
		if i.kind == ArrayKind {
			idx := make([]int, len(i.Array().Data))
			for k, x := range i.Array().Data {
				idx[k] = intIndex(Num(x), pos)
			}
			r, err := array.Take(a, idx)
			if err != nil {
				panic(Errorf("%v", err).at(pos))
			}
			return Arr(r)
		}
		r, err := array.Index(a, intIndex(i, pos))
		if err != nil {
			panic(Errorf("%v", err).at(pos))
		}
		return Arr(r)
	case ListKind:
		items := v.List().Items
		return items[normIndex(intIndex(i, pos), len(items), pos)]
	case StrKind:
		r := []rune(v.Text())
		return Str(string(r[normIndex(intIndex(i, pos), len(r), pos)]))
	case ExprKind:
		n := v.Node()
		if n.IsScalar() {
			if sym := v.SymbolName(); sym != "" {
				panic(Errorf("%q is not defined", sym).at(pos))
			}
			panic(Errorf("cannot index a scalar expression").at(pos))
		}
		k := intIndex(i, pos)
		return Expr(symbolicAt(pos, func() *autodiff.Node { return s.graph.Index(n, k) }))
	}
	panic(Errorf("cannot index %s", v.TypeName()).at(pos))
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

// slice implements `v[lo:hi]` with Python's clamping rules.
func (s *Session) slice(v, lo, hi Value, pos Pos) Value {
	switch v.kind {
	case ExprKind:
		n := v.Node()
		if n.IsScalar() {
			panic(Errorf("cannot slice a scalar expression").at(pos))
		}
		from, to := sliceBounds(lo, hi, n.Shape[0], pos)
		return Expr(symbolicAt(pos, func() *autodiff.Node { return s.graph.Slice(n, from, to) }))
	case ArrayKind:
		a := v.Array()
		from, to := sliceBounds(lo, hi, a.Shape[0], pos)
		r, err := array.Slice(a, from, to, 1, true, true)
		if err != nil {
			panic(Errorf("%v", err).at(pos))
		}
		return Arr(r)
	case ListKind:
		items := v.List().Items
		from, to := sliceBounds(lo, hi, len(items), pos)
		return ListOf(items[from:to:to])
	case StrKind:
		r := []rune(v.Text())
		from, to := sliceBounds(lo, hi, len(r), pos)
		return Str(string(r[from:to]))
	}
	panic(Errorf("cannot slice %s", v.TypeName()).at(pos))
}

// Apply applies an elementwise primitive of the autodiff table to one or
// two values (numbers, bools or arrays, which broadcast), as the math
// builtins do.
func (s *Session) Apply(p *autodiff.Primitive, args ...Value) Value {
	for i, a := range args {
		if _, ok := numeric(a); !ok && a.kind != ExprKind {
			panic(ArgErrorf(i, "expected a number or an array, got %s", a.TypeName()))
		}
	}
	if p.Arity == 1 {
		return s.unaryOp(p, args[0], Pos{})
	}
	return s.binaryOp(operatorFor(p), args[0], args[1], Pos{})
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
