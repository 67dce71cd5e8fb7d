package lang

import (
	"fmt"
	"math"
	"slices"

	"calc/autodiff"
	"calc/stdlib/array"
)

// Kind says what sort of value a Value holds.
type Kind uint8

// The kinds of value. Numbers and booleans live unboxed in a Value, so
// arithmetic on scalars never allocates.
const (
	NilKind Kind = iota
	NumKind
	BoolKind
	StrKind
	ArrayKind
	ListKind
	RecordKind
	FuncKind
	ExprKind
	ObjectKind
	ComplexKind // a complex number or a complex array
)

var kindNames = [...]string{
	NilKind:     "nil",
	NumKind:     "number",
	BoolKind:    "bool",
	StrKind:     "string",
	ArrayKind:   "array",
	ListKind:    "list",
	RecordKind:  "record",
	FuncKind:    "function",
	ExprKind:    "expression",
	ObjectKind:  "object",
	ComplexKind: "complex",
}

// String returns the kind's name as error messages and type() show it.
func (k Kind) String() string { return kindNames[k] }

// Value is a calc value: nil, a number, a bool, a string, an array, a list,
// a record, a function or a symbol. The zero Value is nil.
type Value struct {
	kind Kind
	num  float64 // NumKind; BoolKind as 0 or 1
	ref  any     // string, *array.Array, *List, *Record, Callable, *autodiff.Node
}

// List is an ordered collection of arbitrary values: strings, functions,
// ragged data. Collections of numbers are arrays instead.
type List struct {
	Items []Value
}

// Record is a map from names to values that keeps its keys in insertion
// order, so records print the way they were written.
type Record struct {
	Keys   []string
	Values map[string]Value
	// Tuple, when not nil, lists the fields that positions name, in order,
	// so that a solver's result unpacks and indexes as scipy's tuple does
	// (x, ier = leastsq(...)) while keeping more fields by name; an empty
	// Tuple says the record has no positions, because scipy's tuple holds
	// values the record does not. When nil, every field is a position, in
	// the order of Keys.
	Tuple []string
	// reads, on the copy of an options record a builtin call gets, notes
	// which options the builtin looked up.
	reads *optionReads
	// at holds where each field was written, for the options record made
	// of keyword arguments, so errors point at the keyword.
	at map[string]Pos
}

// Object is a value defined outside the language, such as a figure. The
// interpreter only stores, passes and prints objects; builtins give them
// meaning.
type Object interface {
	// TypeName is the name type() gives the object, such as "figure".
	TypeName() string
	// String is how the REPL prints it.
	String() string
}

// Nil is calc's nil value.
var Nil = Value{}

// Num returns a number value.
func Num(x float64) Value { return Value{kind: NumKind, num: x} }

// Bool returns a bool value.
func Bool(b bool) Value {
	if b {
		return Value{kind: BoolKind, num: 1}
	}
	return Value{kind: BoolKind}
}

// Str returns a string value.
func Str(s string) Value { return Value{kind: StrKind, ref: s} }

// Arr returns an array value; a zero-dimensional array becomes a number,
// or a bool if its depth is Bool.
func Arr(a *array.Array) Value {
	if len(a.Shape) == 0 {
		if a.Depth == array.Bool {
			return Bool(a.Floats()[0] != 0)
		}
		return Num(a.Floats()[0])
	}
	return Value{kind: ArrayKind, ref: a}
}

// ListOf returns a list value holding items.
func ListOf(items []Value) Value { return Value{kind: ListKind, ref: &List{Items: items}} }

// RecordOf returns a record value.
func RecordOf(r *Record) Value { return Value{kind: RecordKind, ref: r} }

// Obj returns an object value.
func Obj(o Object) Value { return Value{kind: ObjectKind, ref: o} }

// Object returns v's object, or nil if v is not an object.
func (v Value) Object() Object { o, _ := v.ref.(Object); return o }

// Func returns a function value.
func Func(c Callable) Value { return Value{kind: FuncKind, ref: c} }

// Expr returns a symbolic expression value; a constant node becomes a
// number or an array.
func Expr(n *autodiff.Node) Value {
	if n.Op == autodiff.OpConst {
		if n.Arr != nil {
			return Arr(n.Arr)
		}
		return Num(n.Val)
	}
	return Value{kind: ExprKind, ref: n}
}

// NewRecord returns an empty record.
func NewRecord() *Record { return &Record{Values: map[string]Value{}} }

// Set binds key to v, keeping the key's first position.
func (r *Record) Set(key string, v Value) {
	if _, ok := r.Values[key]; !ok {
		r.Keys = append(r.Keys, key)
	}
	r.Values[key] = v
}

// Copy returns a copy of the record that can be changed without changing
// r.
func (r *Record) Copy() *Record {
	out := &Record{Keys: slices.Clone(r.Keys), Values: make(map[string]Value, len(r.Keys)), Tuple: r.Tuple, at: r.at}
	for k, v := range r.Values {
		out.Values[k] = v
	}
	return out
}

// Positions returns the fields that positions name, in order; ok is false
// for a record that has no positions.
func (r *Record) Positions() (fields []string, ok bool) {
	if r.Tuple == nil {
		return r.Keys, true
	}
	return r.Tuple, len(r.Tuple) > 0
}

// Get returns the value bound to key.
func (r *Record) Get(key string) (Value, bool) {
	v, ok := r.Values[key]
	return v, ok
}

// Kind returns the kind of v.
func (v Value) Kind() Kind { return v.kind }

// IsNil reports whether v is nil.
func (v Value) IsNil() bool { return v.kind == NilKind }

// Float returns v's number; it is meaningful for numbers and bools.
func (v Value) Float() float64 { return v.num }

// Text returns v's string; it is meaningful for strings.
func (v Value) Text() string { s, _ := v.ref.(string); return s }

// Array returns v's array, or nil if v is not an array.
func (v Value) Array() *array.Array { a, _ := v.ref.(*array.Array); return a }

// List returns v's list, or nil if v is not a list.
func (v Value) List() *List { l, _ := v.ref.(*List); return l }

// Record returns v's record, or nil if v is not a record.
func (v Value) Record() *Record { r, _ := v.ref.(*Record); return r }

// Callable returns v's function, or nil if v is not a function.
func (v Value) Callable() Callable { c, _ := v.ref.(Callable); return c }

// Node returns v's expression graph node, or nil if v is not an expression.
func (v Value) Node() *autodiff.Node { n, _ := v.ref.(*autodiff.Node); return n }

// shape returns the shape of an array or an expression, nil for others.
func (v Value) shape() []int {
	switch v.kind {
	case ArrayKind:
		return v.Array().Shape
	case ExprKind:
		return v.Node().Shape
	}
	return nil
}

// SymbolName returns the name of a bare symbol (an unbound name), or "".
func (v Value) SymbolName() string {
	if n := v.Node(); n != nil && n.Op == autodiff.OpVar {
		return n.Name
	}
	return ""
}

// TypeName returns the name type() gives v: the kind's name, with the shape
// for arrays and the depth of those that are not float64 ("array(4, 6)
// uint8" for an image read from a file).
func (v Value) TypeName() string {
	switch v.kind {
	case ObjectKind:
		return v.Object().TypeName()
	case ArrayKind:
		a := v.Array()
		if a.Depth != array.Float64 {
			return "array" + array.ShapeString(a.Shape) + " " + a.Depth.String()
		}
		return "array" + array.ShapeString(a.Shape)
	case ComplexKind:
		if c, ok := v.ref.(*array.Complex); ok {
			return "complex array" + array.ShapeString(c.Shape())
		}
	case ExprKind:
		if v.SymbolName() != "" && v.Node().IsScalar() {
			return "symbol"
		}
		if n := v.Node(); !n.IsScalar() {
			return "expression" + array.ShapeString(n.Shape)
		}
	}
	return v.kind.String()
}

// Truth reports whether v counts as true in a condition. Only bools and
// numbers have a truth value; anything else is a type error at the caller.
func (v Value) Truth() (bool, bool) {
	switch v.kind {
	case BoolKind, NumKind:
		return v.num != 0, true
	case ComplexKind:
		if z, ok := v.ref.(complex128); ok {
			return z != 0, true
		}
	}
	return false, false
}

// Equal reports whether a and b are the same value: numbers by value (NaN is
// unequal to itself, as in IEEE), arrays and lists element by element.
func Equal(a, b Value) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case NilKind:
		return true
	case NumKind, BoolKind:
		return a.num == b.num
	case ComplexKind:
		x, _ := a.ComplexArray()
		y, _ := b.ComplexArray()
		return Equal(Arr(x.Re), Arr(y.Re)) && Equal(Arr(x.Im), Arr(y.Im)) && slices.Equal(x.Shape(), y.Shape())
	case StrKind:
		return a.Text() == b.Text()
	case ArrayKind:
		x, y := a.Array(), b.Array()
		if len(x.Shape) != len(y.Shape) {
			return false
		}
		for i := range x.Shape {
			if x.Shape[i] != y.Shape[i] {
				return false
			}
		}
		yd := y.Floats()
		for i, v := range x.Floats() {
			if v != yd[i] {
				return false
			}
		}
		return true
	case ListKind:
		x, y := a.List().Items, b.List().Items
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !Equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case RecordKind:
		x, y := a.Record(), b.Record()
		if len(x.Keys) != len(y.Keys) {
			return false
		}
		for _, k := range x.Keys {
			w, ok := y.Values[k]
			if !ok || !Equal(x.Values[k], w) {
				return false
			}
		}
		return true
	}
	return a.ref == b.ref
}

// Int returns v as an integer if it is a number with an integral value that
// fits an int.
func (v Value) Int() (int, bool) {
	if v.kind != NumKind && v.kind != BoolKind {
		return 0, false
	}
	if v.num != math.Trunc(v.num) || math.Abs(v.num) > 1<<53 {
		return 0, false
	}
	return int(v.num), true
}

// Collect turns a slice of values into the collection calc uses for them:
// an array when every item is a number or an array of one common shape, a
// symbolic array when some are expressions and the shapes agree, otherwise
// a list. Array literals and map() build their results this way.
func (s *Session) Collect(items []Value) Value {
	if len(items) == 0 {
		return ListOf(nil)
	}
	if v, ok := s.stackExprs(items); ok {
		return v
	}
	for _, it := range items {
		if it.kind == ComplexKind {
			if v, ok := s.collectComplex(items); ok {
				return v
			}
			return ListOf(items)
		}
	}
	switch items[0].kind {
	case NumKind, BoolKind:
		data := make([]float64, len(items))
		bools := true
		for i, it := range items {
			if it.kind != NumKind && it.kind != BoolKind {
				return ListOf(items)
			}
			data[i] = it.num
			bools = bools && it.kind == BoolKind
		}
		a := array.Vector(data)
		if bools {
			a.Depth = array.Bool
		}
		return Arr(a)
	case ArrayKind:
		first := items[0].Array()
		parts := make([]*array.Array, len(items))
		for i, it := range items {
			a := it.Array()
			if it.kind != ArrayKind || !slices.Equal(a.Shape, first.Shape) {
				return ListOf(items)
			}
			parts[i] = a
		}
		s.CheckElements(float64(len(parts)) * float64(first.Len()))
		st, err := array.Stack(parts, 0)
		if err != nil {
			return ListOf(items)
		}
		return Arr(st)
	}
	return ListOf(items)
}

// Items returns the elements of a collection: a list's items, an array's
// rows (numbers for a vector), a string's characters. ok is false for other
// kinds.
func Items(v Value) (items []Value, ok bool) {
	switch v.kind {
	case ListKind:
		return v.List().Items, true
	case ArrayKind:
		a := v.Array()
		n := a.Shape[0]
		items = make([]Value, n)
		for i := range items {
			items[i] = element(a, i)
		}
		return items, true
	case ComplexKind:
		c, _ := v.ComplexArray()
		if len(c.Shape()) == 0 {
			return nil, false
		}
		items = make([]Value, c.Shape()[0])
		for i := range items {
			items[i] = complexElement(c, i)
		}
		return items, true
	case StrKind:
		for _, r := range v.Text() {
			items = append(items, Str(string(r)))
		}
		return items, true
	}
	return nil, false
}

// element returns a[i] along the first axis: a number (a bool for truth
// values) of a vector, a row of a matrix.
func element(a *array.Array, i int) Value {
	if len(a.Shape) == 1 {
		if a.Depth == array.Bool {
			return Bool(a.Floats()[i] != 0)
		}
		return Num(a.Floats()[i])
	}
	row, _ := array.Index(a, i)
	return selection(row, a.Depth)
}

// Len returns the number of items of a collection.
func Len(v Value) (int, bool) {
	switch v.kind {
	case ListKind:
		return len(v.List().Items), true
	case ArrayKind:
		return v.Array().Shape[0], true
	case StrKind:
		return len([]rune(v.Text())), true
	case ExprKind:
		if n := v.Node(); len(n.Shape) > 0 {
			return n.Shape[0], true
		}
	case RecordKind:
		return len(v.Record().Keys), true
	case ComplexKind:
		if c, ok := v.ref.(*array.Complex); ok {
			return c.Shape()[0], true
		}
	}
	return 0, false
}

// GoString describes v for debugging.
func (v Value) GoString() string { return fmt.Sprintf("lang.Value{%s: %s}", v.kind, Format(v)) }

// IsCallable reports whether v can be called as a function: a function,
// or an expression (a function of its free symbols; a bare symbol x is
// the identity). Calling an unbound name in source, as in sinn(2), is an
// unknown function all the same: the call site checks that.
func (v Value) IsCallable() bool { return v.kind == FuncKind || v.kind == ExprKind }

// Seq returns the length of a collection and a function giving its items
// one at a time (numbers for a vector, rows for a matrix, characters for
// a string), so that loops over large arrays need not box every element
// first. ok is false for values that are not collections.
func Seq(v Value) (n int, at func(i int) Value, ok bool) {
	if v.kind == ArrayKind {
		a := v.Array()
		return a.Shape[0], func(i int) Value { return element(a, i) }, true
	}
	items, ok := Items(v)
	return len(items), func(i int) Value { return items[i] }, ok
}

// Collector gathers results one at a time into the collection Collect
// would make of them, keeping numbers unboxed while every result is one.
type Collector struct {
	nums  []float64
	items []Value
	boxed bool
}

// NewCollector returns a collector with room for n results.
func NewCollector(n int) *Collector { return &Collector{nums: make([]float64, 0, n)} }

// Boxed returns how many results the collector holds as list items, 0
// while every result is a number (kept unboxed).
func (c *Collector) Boxed() int {
	if !c.boxed {
		return 0
	}
	return len(c.items)
}

// Add appends one result.
func (c *Collector) Add(v Value) {
	if !c.boxed && v.kind == NumKind {
		c.nums = append(c.nums, v.num)
		return
	}
	if !c.boxed {
		c.boxed = true
		c.items = make([]Value, len(c.nums), cap(c.nums))
		for i, x := range c.nums {
			c.items[i] = Num(x)
		}
		c.nums = nil
	}
	c.items = append(c.items, v)
}

// CollectAll returns the collection of a collector's results.
func (s *Session) CollectAll(c *Collector) Value {
	if !c.boxed {
		if len(c.nums) == 0 {
			return ListOf(nil)
		}
		return Arr(array.Vector(c.nums))
	}
	return s.Collect(c.items)
}
