package lang

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"calc/autodiff"
	"calc/lang/syntax"
	"calc/stdlib/array"
)

// indexCode is one compiled item of an index: an expression, or a slice
// whose absent bounds are nil.
type indexCode struct {
	slice        bool
	val          code
	lo, hi, step code
	pos          Pos
}

// indexItem is one evaluated item of an index: a value, or a slice's
// bounds (Nil where absent).
type indexItem struct {
	slice        bool
	val          Value
	lo, hi, step Value
	pos          Pos
}

func (c *compiler) index(n *syntax.Index, sc *scope) code {
	x := c.expr(n.X, sc)
	if _, isSlice := n.Items[0].(*syntax.Slice); len(n.Items) == 1 && !isSlice {
		i := c.expr(n.Items[0], sc)
		pos := c.at(n.Items[0])
		if id, ok := n.Items[0].(*syntax.Ident); ok {
			if _, local := sc.lookup(id.Name); !local {
				cl := c.sess.cell(id.Name)
				return func(s *Session) Value {
					v, iv := x(s), i(s)
					if cl.tuple != "" {
						s.noteTupleIndex(cl, v, iv, syntax.Print(n.X))
					}
					return s.index(v, iv, pos)
				}
			}
		}
		return func(s *Session) Value { return s.index(x(s), i(s), pos) }
	}
	items := c.indexItems(n.Items, sc)
	pos := c.pos(n.At)
	return func(s *Session) Value { return s.indexN(x(s), evalIndex(s, items), pos) }
}

// noteTupleIndex notes that a[i], with i assigned a tuple of whole
// numbers no longer than a has axes, picks items along a's first axis,
// where numpy reads a tuple index as one index per axis.
func (s *Session) noteTupleIndex(cl *cell, a, i Value, name string) {
	if a.kind != ArrayKind || i.kind != ArrayKind {
		return
	}
	ix, x := i.Array(), a.Array()
	if len(ix.Shape) != 1 || ix.Shape[0] > len(x.Shape) {
		return
	}
	each := make([]string, ix.Shape[0])
	for k, v := range ix.Floats() {
		if v != math.Trunc(v) {
			return
		}
		each[k] = cl.name + "[" + strconv.Itoa(k) + "]"
	}
	s.Note(fmt.Sprintf("%s was assigned the tuple %s, which calc keeps as an array: %s[%s] picks items %s along the first axis, where numpy's reads the tuple as one index per axis; write %s[%s] for that",
		cl.name, cl.tuple, name, cl.name, Format(i), name, strings.Join(each, ", ")))
}

// indexHint says why a number may be where an array was expected: a
// solver started from a number gives a number, where scipy's x is always
// an array.
func indexHint(v Value) string {
	switch v.kind {
	case NumKind:
		return " (a solver started from a number, as minimize(f, 0), gives a number x, where scipy's x is an array: start from [0] for an array)"
	case FuncKind:
		return " (a function is called with parentheses, f(x); or is a comma missing before the [?)"
	}
	return ""
}

func (c *compiler) indexItems(items []syntax.Expr, sc *scope) []indexCode {
	out := make([]indexCode, len(items))
	opt := func(e syntax.Expr) code {
		if e == nil {
			return nil
		}
		return c.expr(e, sc)
	}
	for i, it := range items {
		if sl, ok := it.(*syntax.Slice); ok {
			out[i] = indexCode{slice: true, lo: opt(sl.Lo), hi: opt(sl.Hi), step: opt(sl.Step), pos: c.at(it)}
		} else {
			out[i] = indexCode{val: c.expr(it, sc), pos: c.at(it)}
		}
	}
	return out
}

func evalIndex(s *Session, items []indexCode) []indexItem {
	out := make([]indexItem, len(items))
	opt := func(c code) Value {
		if c == nil {
			return Nil
		}
		return c(s)
	}
	for i, it := range items {
		if it.slice {
			out[i] = indexItem{slice: true, lo: opt(it.lo), hi: opt(it.hi), step: opt(it.step), pos: it.pos}
		} else {
			out[i] = indexItem{val: it.val(s), pos: it.pos}
		}
	}
	return out
}

// selection returns a selection from an array, of the array's depth, as a
// value, keeping truth values true and false.
func selection(r *array.Array, depth array.Depth) Value {
	r.Depth = depth
	if len(r.Shape) == 0 && depth == array.Bool {
		return Bool(r.Floats()[0] != 0)
	}
	return Arr(r)
}

// index implements `v[i]` with one item.
func (s *Session) index(v, i Value, pos Pos) Value {
	switch v.kind {
	case RecordKind:
		switch i.kind {
		case StrKind:
			return s.member(v, i.Text(), pos)
		case NumKind:
			r := v.Record()
			fields := positions(r, pos)
			return r.Values[fields[normIndex(intIndex(i, pos), len(fields), pos)]]
		}
		panic(Errorf("a record is indexed by a field name or a position, not %s", i.TypeName()).at(pos))
	case ArrayKind:
		a := v.Array()
		if i.kind == NumKind {
			r, err := array.Index(a, intIndex(i, pos))
			if err != nil {
				panic(Errorf("%v", err).at(pos))
			}
			return selection(r, a.Depth)
		}
		return s.indexN(v, []indexItem{{val: i, pos: pos}}, pos)
	case ListKind:
		items := v.List().Items
		return items[normIndex(intIndex(i, pos), len(items), pos)]
	case StrKind:
		r := []rune(v.Text())
		return Str(string(r[normIndex(intIndex(i, pos), len(r), pos)]))
	case ExprKind, ComplexKind:
		return s.indexN(v, []indexItem{{val: i, pos: pos}}, pos)
	}
	panic(Errorf("cannot index %s%s", v.TypeName(), indexHint(v)).at(pos))
}

// noNewaxis says that calc has no numpy newaxis (None) in an index.
const noNewaxis = "None (numpy's newaxis) is not an index in calc: add an axis with reshape, as reshape(a, n, 1)"

// indexer converts one index item for an array.
func indexer(it indexItem) array.Indexer {
	if it.slice {
		ix := array.Indexer{Kind: array.IndexSlice, HasLo: !it.lo.IsNil(), HasHi: !it.hi.IsNil()}
		if ix.HasLo {
			ix.Lo = intIndex(it.lo, it.pos)
		}
		if ix.HasHi {
			ix.Hi = intIndex(it.hi, it.pos)
		}
		ix.Step = sliceStep(it)
		return ix
	}
	switch v := it.val; v.kind {
	case NumKind:
		return array.Indexer{Kind: array.IndexInt, I: intIndex(v, it.pos)}
	case ArrayKind:
		return array.Indexer{Kind: array.IndexArray, Idx: v.Array()}
	case ListKind:
		if len(v.List().Items) == 0 {
			return array.Indexer{Kind: array.IndexArray, Idx: array.Vector(nil)}
		}
	case NilKind:
		panic(Errorf("%s", noNewaxis).at(it.pos))
	case ExprKind:
		if v.SymbolName() == "newaxis" {
			panic(Errorf("%s", noNewaxis).at(it.pos))
		}
	case BoolKind:
		panic(Errorf("a single true or false cannot index: index with a boolean array (a mask), as in a[a > 0]").at(it.pos))
	}
	panic(Errorf("an index must be an integer, a slice, an array of integers or a boolean mask, not %s", describe(it.val)).at(it.pos))
}

// indexers converts the items of an index for an array.
func indexers(items []indexItem) []array.Indexer {
	ixs := make([]array.Indexer, len(items))
	for k, it := range items {
		ixs[k] = indexer(it)
	}
	return ixs
}

// sliceStep returns a slice's step, 1 when absent; 0 is an error.
func sliceStep(it indexItem) int {
	if it.step.IsNil() {
		return 1
	}
	step := intIndex(it.step, it.pos)
	if step == 0 {
		panic(Errorf("a slice's step cannot be zero").at(it.pos))
	}
	return step
}

// indexN implements numpy indexing v[i, j, lo:hi:step, mask, ...].
func (s *Session) indexN(v Value, items []indexItem, pos Pos) Value {
	switch v.kind {
	case ArrayKind:
		a := v.Array()
		r, err := array.Select(a, indexers(items))
		if err != nil {
			panic(Errorf("%v", err).at(pos))
		}
		return selection(r, a.Depth)
	case ListKind, StrKind:
		if len(items) == 1 && !items[0].slice {
			return s.index(v, items[0].val, items[0].pos)
		}
		if len(items) != 1 {
			panic(Errorf("a %s takes one index or one slice, not %d items", v.TypeName(), len(items)).at(pos))
		}
		it := items[0]
		n, _ := Len(v)
		ix := indexer(it)
		start, count, step, _ := array.SliceRange(ix.Lo, ix.Hi, ix.Step, ix.HasLo, ix.HasHi, n)
		if v.kind == StrKind {
			r := []rune(v.Text())
			out := make([]rune, count)
			for k := range out {
				out[k] = r[start+k*step]
			}
			return Str(string(out))
		}
		items := v.List().Items
		out := make([]Value, count)
		for k := range out {
			out[k] = items[start+k*step]
		}
		return ListOf(out)
	case ExprKind:
		return s.indexExpr(v, items, pos)
	case ComplexKind:
		c, ok := v.ref.(*array.Complex)
		if !ok {
			break
		}
		return selectComplex(c, indexers(items), pos)
	case RecordKind:
		if len(items) == 1 && !items[0].slice {
			return s.index(v, items[0].val, items[0].pos)
		}
		panic(Errorf("a record takes one field name or position as index").at(pos))
	}
	panic(Errorf("cannot index %s%s", v.TypeName(), indexHint(v)).at(pos))
}

// indexExpr indexes a symbolic array: integers pick rows (one axis each)
// and a slice with step 1 takes rows of the first axis.
func (s *Session) indexExpr(v Value, items []indexItem, pos Pos) Value {
	n := v.Node()
	if sym := v.SymbolName(); sym != "" && n.IsScalar() {
		panic(Errorf("%q is not defined, so it is a scalar symbol, which has no elements; to index a vector, define a function of it, as in f(%s) = %s[0]", sym, sym, sym).at(pos))
	}
	for k, it := range items {
		if n.IsScalar() {
			panic(Errorf("too many indices for a symbolic array of shape %s", array.ShapeString(v.Node().Shape)).at(it.pos))
		}
		switch {
		case !it.slice && it.val.kind == NumKind:
			i := intIndex(it.val, it.pos)
			n = symbolicAt(it.pos, func() *autodiff.Node { return s.graph.Index(n, i) })
		case it.slice && k == 0 && len(items) == 1 && sliceStep(it) == 1:
			lo, hi := sliceBounds(it.lo, it.hi, n.Shape[0], it.pos)
			n = symbolicAt(it.pos, func() *autodiff.Node { return s.graph.Slice(n, lo, hi) })
		default:
			panic(Errorf("a symbolic array can be indexed by integers, or sliced lo:hi along its first axis; this index needs numbers").at(it.pos))
		}
	}
	return Expr(n)
}

// positions returns a record's positional fields, or raises the error
// that says it has none at pos.
func positions(r *Record, pos Pos) []string {
	fields, ok := r.Positions()
	if !ok {
		panic(Errorf("this result has no positions, because scipy's tuple for it holds values calc does not give: use its fields (%s)", strings.Join(r.Keys, ", ")).at(pos))
	}
	return fields
}
