package lang

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"calc/autodiff"
	"calc/lang/syntax"
	"calc/stdlib/array"
)

// Incomplete reports whether text ends inside an open bracket or a
// backquoted string, so that a REPL should read another line before
// running it.
func Incomplete(text string) bool { return syntax.Incomplete(text) }

// parse parses a whole source, turning syntax errors into positioned
// errors.
func parse(src *Source) ([]syntax.Stmt, error) {
	stmts, err := syntax.Parse(src.Text)
	if err != nil {
		var se *syntax.Error
		if errors.As(err, &se) {
			return nil, &Error{Pos: Pos{src, se.Pos}, Msg: se.Msg, Arg: -1}
		}
		return nil, err
	}
	return stmts, nil
}

// Run executes the statements of text, named name in error messages,
// printing the value of each bare expression to s.Out unless a semicolon
// follows it. The whole text is parsed first, so a syntax error runs
// nothing; a later error stops the run, and the statements before it keep
// their effect.
func (s *Session) Run(name, text string) error {
	s.interrupt.Store(false) // a Ctrl-C before this run is not for it
	s.reason.Store(nil)
	s.bp, s.sp, s.depth = 0, 0, 0                                        // after an internal error the REPL survived
	src := &Source{Name: name, Text: strings.TrimPrefix(text, "\ufeff")} // a UTF-8 byte-order mark, as editors on Windows write
	stmts, err := parse(src)
	if err != nil {
		return err
	}
	for _, st := range stmts {
		s.printed = 0
		v, show, err := s.exec(src, st)
		if err != nil {
			return err
		}
		if show && !v.IsNil() {
			if s.Show != nil && s.Show(v) {
				continue
			}
			if err := s.unprintable(v); err != nil {
				return err.at(Pos{src, st.Pos()})
			}
			text := s.Format(v)
			if err := s.budget(len(text)); err != nil {
				return err.at(Pos{src, st.Pos()})
			}
			fmt.Fprintln(s.Out, text)
		}
	}
	return nil
}

// Eval evaluates the statements of text and returns the value of the last
// one (nil for an assignment), without printing anything. A symbolic value
// kept outside the session should be bound with Set before the next
// statement runs: the graph frees what no bound value holds.
func (s *Session) Eval(text string) (Value, error) {
	s.interrupt.Store(false)
	src := &Source{Name: "<expr>", Text: text}
	stmts, err := parse(src)
	if err != nil {
		return Nil, err
	}
	var v Value
	for _, st := range stmts {
		if v, _, err = s.exec(src, st); err != nil {
			return Nil, err
		}
	}
	return v, nil
}

// exec compiles and runs one statement, and says whether its value is to
// be printed. It is the recovery boundary: a user error raised anywhere
// below becomes the returned error; any other panic is a bug and is not
// recovered.
func (s *Session) exec(src *Source, st syntax.Stmt) (v Value, show bool, err error) {
	defer func() { s.collectGarbage(v) }()
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				e = graphError(r) // a graph limit or shape met outside Symbolic
			}
			if e == nil {
				panic(r)
			}
			if e.Calls == nil {
				e.Calls, e.Skipped = s.callChain()
			}
			s.bp, s.sp, s.depth = 0, 0, 0
			v, show, err = Nil, false, e.at(Pos{src, st.Pos()})
		}
	}()
	s.statement++
	c := &compiler{sess: s, src: src}
	switch st := st.(type) {
	case *syntax.Def:
		f := c.function(st)
		s.Set(st.Name, Func(f))
		return Nil, false, nil
	case *syntax.Assign:
		c.assign(st)
		return Nil, false, nil
	case *syntax.ExprStmt:
		body, fr := c.toplevel(st.X)
		v := s.runTop(body, fr)
		s.noteSymbols(v, "", st.X)
		return v, !st.Quiet, nil
	}
	panic(fmt.Sprintf("lang: unknown statement %T", st))
}

// assign runs an assignment: to a name, into an element or a field
// (copying the container, so that no other name sees the change), or to
// several targets from one collection.
func (c *compiler) assign(st *syntax.Assign) {
	s := c.sess
	sc := topFrame()
	value := c.expr(st.Value, sc)
	target := c.target(st.Target, sc)
	if st.Op == "" {
		target.view = viewOf(st.Target, st.Value)
		if t, ok := st.Value.(*syntax.Tuple); ok && len(t.Items) > 1 {
			target.tuple = syntax.Print(t)
		}
	}
	var apply func(s *Session, old, v Value) Value
	switch pos := c.pos(st.At); st.Op {
	case "":
	case "@":
		dot := s.Builtin("dot")
		if dot == nil {
			c.fail(st.At, "@= needs the builtin dot, which this session does not have")
		}
		apply = func(s *Session, old, v Value) Value {
			return s.callBuiltin(dot, Args{old, v}, pos, []Pos{pos, pos})
		}
	default:
		p := autodiff.Lookup(st.Op)
		o := operatorFor(p)
		apply = func(s *Session, old, v Value) Value {
			if old.kind == NumKind && v.kind == NumKind {
				return s.scalarArithmetic(p, old.num, v.num)
			}
			r := s.binaryOp(o, old, v, pos)
			if old.kind == ArrayKind && r.kind == ArrayKind && !slices.Equal(old.Array().Shape, r.Array().Shape) {
				target := syntax.Print(st.Target)
				panic(Errorf("%s would make an array of shape %s from one of shape %s, which numpy's in-place %s= refuses; write %s = %s to make the new array",
					syntax.PrintStmt(st), array.ShapeString(r.Array().Shape), array.ShapeString(old.Array().Shape), st.Op, target,
					syntax.Print(&syntax.Binary{X: st.Target, Op: st.Op, Y: st.Value})).at(pos))
			}
			return r
		}
	}
	watch := c.solverNamesIn([]syntax.Expr{st.Value}, sc)
	s.runTop(func(s *Session) Value {
		v := value(s)
		if apply == nil {
			if id, ok := st.Target.(*syntax.Ident); ok {
				s.noteSymbols(v, id.Name, st.Value)
			}
		}
		if watch != nil {
			s.noteBoundSymbols(v, watch[0])
		}
		target.store(s, v, apply)
		return Nil
	}, sc.frame)
}

// view is what numpy would make of an assignment b = a[0:2], r = m[0],
// t = m.T, r = reshape(m, ...) or b = a: a view of a's array (or a itself),
// which calc copies (see cell.view).
type view struct {
	of   string // the variable viewed, a
	what string // "a slice of a", "a row of m", ...; "" for b = a
	kind string // the copies calc makes: "slices", "rows", ...
}

// viewOf returns what numpy would make of the assignment target = value:
// a view of another variable, or the zero view.
func viewOf(target, value syntax.Expr) view {
	b, ok := target.(*syntax.Ident)
	if !ok {
		return view{}
	}
	named := func(e syntax.Expr) string {
		if a, ok := e.(*syntax.Ident); ok && a.Name != b.Name {
			return a.Name
		}
		return ""
	}
	switch v := value.(type) {
	case *syntax.Ident:
		if a := named(v); a != "" {
			return view{of: a}
		}
	case *syntax.Index:
		a := named(v.X)
		if a == "" {
			return view{}
		}
		literals := true // m[0], m[1, 2]: whole numbers written out
		for _, it := range v.Items {
			if _, ok := it.(*syntax.Slice); ok {
				return view{of: a, what: "a slice of " + a, kind: "slices"}
			}
			_, num := it.(*syntax.Num)
			literals = literals && num
		}
		if literals {
			return view{of: a, what: "a row of " + a, kind: "rows"}
		}
	case *syntax.Member:
		if a := named(v.X); a != "" && v.Name == "T" {
			return view{of: a, what: "the transpose of " + a, kind: "transposes"}
		}
	case *syntax.Call:
		if f, ok := v.Fn.(*syntax.Ident); ok && len(v.Args) > 0 {
			if a := named(v.Args[0]); a != "" && (f.Name == "reshape" || f.Name == "transpose") {
				return view{of: a, what: "a " + f.Name + " of " + a, kind: f.Name + "s"}
			}
		}
	}
	return view{}
}

// targetCode stores a value into what the left side of an assignment
// names.
type targetCode struct {
	name  string // the global name that changes
	pos   Pos
	path  []accessor   // from the name's value to the place that changes
	parts []targetCode // a tuple target: one per item
	view  view         // what numpy would make of the value (see cell.view)
	tuple string       // the tuple assigned, for i = (0, 1) (see cell.tuple)
}

// accessor is one step into a value: an index or a field.
type accessor struct {
	index []indexCode
	field string
	pos   Pos
}

func (c *compiler) target(e syntax.Expr, sc *scope) targetCode {
	switch n := e.(type) {
	case *syntax.Ident:
		return targetCode{name: n.Name, pos: c.at(n)}
	case *syntax.Index:
		t := c.target(n.X, sc)
		t.path = append(t.path, accessor{index: c.indexItems(n.Items, sc), pos: c.pos(n.At)})
		return t
	case *syntax.Member:
		t := c.target(n.X, sc)
		t.path = append(t.path, accessor{field: n.Name, pos: c.pos(n.NamePos)})
		return t
	case *syntax.Tuple:
		t := targetCode{pos: c.at(n)}
		for _, it := range n.Items {
			t.parts = append(t.parts, c.target(it, sc))
		}
		return t
	}
	c.fail(e.Pos(), "cannot assign to this")
	return targetCode{}
}

// store assigns v to the target; apply, if set, combines the old value
// with v first (an augmented assignment such as +=).
func (t targetCode) store(s *Session, v Value, apply func(s *Session, old, v Value) Value) {
	if t.parts != nil {
		items := s.unpack(v, len(t.parts), t.pos)
		for i, p := range t.parts {
			p.store(s, items[i], nil)
		}
		return
	}
	cl := s.cell(t.name)
	if len(t.path) == 0 {
		if apply == nil {
			for _, c := range s.viewersOf(t.name) {
				c.view = view{} // a new value for t.name: numpy's views are of the old one
			}
		} else {
			if !cl.bound {
				panic(Errorf("%q is not defined, so it cannot be updated%s", t.name, s.DidYouMean(t.name)).at(t.pos))
			}
			s.noteViewCopy(cl)
			s.noteViewsOf(t.name)
			v = apply(s, cl.value, v)
		}
		s.Set(t.name, v)
		alias := t.view.what == "" && (v.kind == ListKind || v.kind == RecordKind) // Python's lists and dicts
		if v.kind == ArrayKind || v.kind == ComplexKind || alias {
			s.cell(t.name).view = t.view
		}
		s.cell(t.name).tuple = t.tuple
		return
	}
	if !cl.bound {
		panic(Errorf("%q is not defined%s", t.name, s.DidYouMean(t.name)).at(t.pos))
	}
	s.noteViewCopy(cl)
	s.noteViewsOf(t.name)
	s.Set(t.name, s.update(cl.value, t.path, v, apply))
}

// viewersOf returns the variables assigned what numpy makes a view of the
// variable name, by name.
func (s *Session) viewersOf(name string) []*cell {
	var viewers []*cell
	for _, c := range s.globals {
		if c.view.of == name && c.bound {
			viewers = append(viewers, c)
		}
	}
	slices.SortFunc(viewers, func(a, b *cell) int { return strings.Compare(a.name, b.name) })
	return viewers
}

// noteViewsOf notes, when the variable name changes in place (a[0] = 1,
// a += 1), the variables assigned what numpy makes a view of it (b = a,
// r = a[0]): they keep the values they had, where numpy's would change.
func (s *Session) noteViewsOf(name string) {
	for _, c := range s.viewersOf(name) {
		if c.view.what == "" {
			s.Note(fmt.Sprintf("%s was assigned %s, and calc's assignment copies: this changes %s only, where in Python %s would be the same object and change too",
				c.name, name, name, c.name))
		} else {
			s.Note(fmt.Sprintf("%s was assigned %s, and calc's %s are copies: this changes %s only, where %s, numpy's view, would change too",
				c.name, c.view.what, c.view.kind, name, c.name))
		}
		c.view = view{}
	}
}

// noteViewCopy notes, the first time a variable assigned what numpy
// makes a view of another (b = a[0:2], r = m[0], t = m.T, b = a) changes
// in place (b[0] = 1, b += 1), that the other does not change with it.
func (s *Session) noteViewCopy(cl *cell) {
	v := cl.view
	if v.of == "" {
		return
	}
	if v.what == "" {
		s.Note(fmt.Sprintf("%s was assigned %s, and calc's assignment copies: this changes %s only, where in Python %s would be the same object as %s and change it too",
			cl.name, v.of, cl.name, cl.name, v.of))
	} else {
		s.Note(fmt.Sprintf("%s was assigned %s, and calc's %s are copies: this changes %s only, where numpy's view would change %s too",
			cl.name, v.what, v.kind, cl.name, v.of))
	}
	cl.view = view{}
}

// update returns a copy of container with the place path leads to set to
// v (or to apply(old, v)).
func (s *Session) update(container Value, path []accessor, v Value, apply func(s *Session, old, v Value) Value) Value {
	acc := path[0]
	var items []indexItem
	if acc.index != nil {
		items = evalIndex(s, acc.index)
	}
	get := func() Value {
		if acc.index == nil {
			return s.member(container, acc.field, acc.pos)
		}
		return s.indexN(container, items, acc.pos)
	}
	if len(path) > 1 {
		s.noteFancyPath(container, items, acc.pos)
		v = s.update(get(), path[1:], v, apply)
	} else if apply != nil {
		v = apply(s, get(), v)
	}
	if acc.index == nil {
		return setField(container, acc.field, v, acc.pos)
	}
	return s.setIndex(container, items, v, acc.pos)
}

// noteFancyPath notes an assignment such as m[[0, 2]][0] = v or
// m[m > 2][0] = v, which sets m's element through the index array, where
// numpy's index array makes a copy, so that m would not change.
func (s *Session) noteFancyPath(container Value, items []indexItem, pos Pos) {
	if container.kind != ArrayKind {
		return
	}
	for _, it := range items {
		if !it.slice && (it.val.kind == ArrayKind || it.val.kind == ListKind) {
			s.Note("this sets the elements the index array picks, in place; in numpy an index array (or mask) " +
				"makes a copy, so m[[0, 2]][0] = v would leave m unchanged")
			return
		}
	}
}

// noteStoreConverts notes when values stored into an array of depth d
// change on the way in (see array.Assign): a number other than 0 and 1
// stored in a mask becomes true, as numpy casts it; a number outside an
// integer depth's range, or not whole, is rounded and saturated as OpenCV's
// saturate_cast does, where numpy would wrap or truncate it. Each is said
// once in a session.
func (s *Session) noteStoreConverts(d array.Depth, v *array.Array) {
	if !d.IsInt() || d.Outside(v) < 0 {
		return
	}
	if d == array.Bool {
		s.NoteOnce("a number other than 0 and 1 stored in a mask (a bool array) is stored as true, as numpy casts it; " +
			"to store numbers, make the mask numbers first, as in b = b * 1")
		return
	}
	lo, hi := d.Range()
	s.NoteOnce(fmt.Sprintf("values stored in a %s array are rounded and saturated to %s..%s, as OpenCV's saturate_cast "+
		"(numpy would wrap or truncate them); to store them as they are, make the array float64 first, as in a = as_depth(a, \"float64\")",
		d, Format(Num(lo)), Format(Num(hi))))
}

// setField returns a copy of a record with one field set.
func setField(container Value, name string, v Value, pos Pos) Value {
	r := container.Record()
	if r == nil && container.IsCallable() && (name == "terminal" || name == "direction") {
		panic(Errorf("cannot set field %s of a function: scipy's event attributes are solve_ivp's options here, "+
			"as in solve_ivp(fun, t_span, y0, {events: hit, terminal: true, direction: -1})", name).at(pos))
	}
	if r == nil {
		panic(Errorf("cannot set field %s of %s: only records have settable fields", name, container.TypeName()).at(pos))
	}
	out := r.Copy()
	out.Set(name, v)
	return RecordOf(out)
}

// setIndex returns a copy of container with container[items] = v.
func (s *Session) setIndex(container Value, items []indexItem, v Value, pos Pos) Value {
	switch container.kind {
	case ArrayKind:
		val, ok := numeric(v)
		if !ok {
			if v.kind == ComplexKind {
				panic(Errorf("cannot store a complex value in a real array: make the array complex first, as in a = a + 0j").at(pos))
			}
			panic(Errorf("cannot store %s in an array of numbers", v.TypeName()).at(pos))
		}
		s.noteStoreConverts(container.Array().Depth, val)
		r, err := array.Assign(container.Array(), indexers(items), val)
		if err != nil {
			panic(Errorf("%v", err).at(pos))
		}
		return Arr(r)
	case ListKind:
		if len(items) == 1 && !items[0].slice {
			old := container.List().Items
			out := slices.Clone(old)
			out[normIndex(intIndex(items[0].val, items[0].pos), len(old), items[0].pos)] = v
			return ListOf(out)
		}
		panic(Errorf("a list element is set one at a time, as in xs[2] = v").at(pos))
	case RecordKind:
		if len(items) == 1 && !items[0].slice {
			r := container.Record()
			switch k := items[0].val; k.kind {
			case StrKind:
				return setField(container, k.Text(), v, pos)
			case NumKind:
				fields := positions(r, items[0].pos)
				return setField(container, fields[normIndex(intIndex(k, items[0].pos), len(fields), items[0].pos)], v, pos)
			}
		}
		panic(Errorf("a record's field is set by name, as in r.x = v or r[\"x\"] = v").at(pos))
	case ComplexKind:
		if c, ok := container.ref.(*array.Complex); ok {
			return assignComplex(c, indexers(items), v, pos)
		}
	case ExprKind:
		panic(Errorf("cannot set an element of the symbolic %s; build the array with [...] instead", container.TypeName()).at(pos))
	}
	panic(Errorf("cannot set an element of %s", container.TypeName()).at(pos))
}

// unpack returns the n items of v for a, b, ... = v: the items of an
// array (symbolic or not), a list or a string, or the fields of a record
// in order (a solver's result unpacks as scipy's tuple does).
func (s *Session) unpack(v Value, n int, pos Pos) []Value {
	var items []Value
	if v.kind == ExprKind && len(v.Node().Shape) > 0 {
		// A symbolic vector (a traced function's argument) unpacks into
		// its traced elements.
		items = make([]Value, v.Node().Shape[0])
		for i := range items {
			items[i] = s.index(v, Num(float64(i)), pos)
		}
	} else if r := v.Record(); r != nil {
		for _, k := range positions(r, pos) {
			items = append(items, r.Values[k])
		}
	} else if its, ok := Items(v); ok {
		items = its
	} else {
		panic(Errorf("cannot unpack %s into %d names", v.TypeName(), n).at(pos))
	}
	if len(items) != n {
		what := "items"
		if v.kind == RecordKind {
			what = "fields (" + strings.Join(positions(v.Record(), pos), ", ") + ")"
		}
		panic(Errorf("cannot unpack %d %s into %d names", len(items), what, n).at(pos))
	}
	return items
}

// budget counts n more bytes of output for the current statement, and
// returns an error if they pass MaxOutput.
func (s *Session) budget(n int) *Error {
	s.printed += n
	if s.MaxOutput > 0 && s.printed > s.MaxOutput {
		return Errorf("this statement's output passed the limit of %d bytes (look at part of it: a slice, len(), or sum())", s.MaxOutput)
	}
	return nil
}
