package lang

import (
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"
	"strings"

	"calc/autodiff"
	"calc/lang/syntax"
	"calc/stdlib/array"
)

// code is a compiled expression: a tree of closures over a session. Names
// are resolved when compiling (locals to stack slots, globals to cells), so
// running code neither walks syntax nor looks names up in maps.
type code func(s *Session) Value

// frame is the compile-time picture of one function's stack frame: its
// slots (parameters, captured values, let-bound locals) and, for a lambda,
// the scope it is written in and the values it captures from there.
type frame struct {
	slots    int
	outer    *scope
	captures []capture
	top      bool // a statement's own frame, outside any function or lambda
}

// capture copies a value from the frame a lambda is made in (from) to the
// lambda's own frame (to) when it is called.
type capture struct{ from, to int }

// scope maps local names to stack slots within one frame. let makes a
// child scope in the same frame.
type scope struct {
	names  map[string]int
	parent *scope
	frame  *frame
}

func newFrame(outer *scope, params []string) *scope {
	fr := &frame{slots: len(params), outer: outer}
	sc := &scope{names: map[string]int{}, frame: fr}
	for i, p := range params {
		sc.names[p] = i
	}
	return sc
}

// child returns a scope nested in sc that binds name to a new slot.
func (sc *scope) child(name string) (*scope, int) {
	slot := sc.frame.slots
	sc.frame.slots++
	return &scope{names: map[string]int{name: slot}, parent: sc, frame: sc.frame}, slot
}

// lookup returns the slot of a local name. A name local to an enclosing
// frame (a lambda's surroundings) is captured into this frame.
func (sc *scope) lookup(name string) (int, bool) {
	root := sc
	for x := sc; x != nil; x = x.parent {
		if i, ok := x.names[name]; ok {
			return i, true
		}
		root = x
	}
	fr := sc.frame
	if fr.outer == nil {
		return 0, false
	}
	from, ok := fr.outer.lookup(name)
	if !ok {
		return 0, false
	}
	to := fr.slots
	fr.slots++
	fr.captures = append(fr.captures, capture{from, to})
	root.names[name] = to
	return to, true
}

// compiler turns the syntax trees of one source into code.
type compiler struct {
	sess *Session
	src  *Source
}

// pos returns the position of a rune offset in the source.
func (c *compiler) pos(off int) Pos { return Pos{c.src, off} }

func (c *compiler) at(n syntax.Expr) Pos { return c.pos(n.Pos()) }

// fail raises a compile-time error at a node.
func (c *compiler) fail(off int, format string, args ...any) {
	panic(Errorf(format, args...).at(c.pos(off)))
}

// toplevel compiles a statement's expression; it returns the code and the
// number of local slots its lets need.
func (c *compiler) toplevel(e syntax.Expr) (code, *frame) {
	sc := topFrame()
	return c.expr(e, sc), sc.frame
}

// topFrame returns the scope of a statement's own frame.
func topFrame() *scope {
	sc := newFrame(nil, nil)
	sc.frame.top = true
	return sc
}

// function compiles a function definition.
func (c *compiler) function(d *syntax.Def) *UserFunc {
	for i, p := range d.Params {
		for _, q := range d.Params[:i] {
			if p == q {
				c.fail(d.ParamPos[i], "parameter %q appears twice in %s", p, d.Name)
			}
		}
	}
	sc := newFrame(nil, d.Params)
	f := &UserFunc{name: d.Name, params: d.Params}
	f.body = c.expr(d.Body, sc)
	f.slots = sc.frame.slots
	f.text = syntax.Print(d.Body)
	return f
}

// noteInexactInteger says so when an integer literal is too wide for a
// float64, calc's only kind of number, and so is not the integer written
// (numpy's int64 and Python's int would hold it).
func (c *compiler) noteInexactInteger(n *syntax.Num) {
	digits := strings.TrimRight(n.Text, "jJ")
	exact, ok := new(big.Int).SetString(digits, 0)
	if !ok || exact.IsInt64() && exact.Int64() <= 1<<53 {
		return
	}
	if !math.IsInf(n.Value, 0) {
		if kept, _ := big.NewFloat(n.Value).Int(nil); kept.Cmp(exact) == 0 {
			return
		}
	}
	c.sess.Note(fmt.Sprintf("%s is %s in calc: its numbers are float64, whose integers are exact only up to 2**53 = 9007199254740992",
		n.Text, Format(Num(n.Value))))
}

// expr compiles one syntax node.
func (c *compiler) expr(node syntax.Expr, sc *scope) code {
	switch n := node.(type) {
	case *syntax.Num:
		c.noteInexactInteger(n)
		v := Num(n.Value)
		if n.Imag {
			v = Complex(complex(0, n.Value))
		}
		return func(*Session) Value { return v }
	case *syntax.Str:
		v := Str(n.Value)
		return func(*Session) Value { return v }
	case *syntax.Const:
		var v Value
		switch n.Name {
		case "true":
			v = Bool(true)
		case "false":
			v = Bool(false)
		}
		return func(*Session) Value { return v }
	case *syntax.Ident:
		return c.identifier(n, sc)
	case *syntax.Unary:
		return c.unary(n, sc)
	case *syntax.Binary:
		return c.binary(n, sc)
	case *syntax.Compare:
		return c.compare(n, sc)
	case *syntax.Cond:
		return c.conditional(n, sc)
	case *syntax.Let:
		return c.let(n, sc)
	case *syntax.Call:
		return c.call(n, sc)
	case *syntax.Index:
		return c.index(n, sc)
	case *syntax.Member:
		return c.member(n, sc)
	case *syntax.List:
		return c.collection(n.Items, sc)
	case *syntax.Tuple:
		return c.collection(n.Items, sc)
	case *syntax.Record:
		return c.record(n, sc)
	case *syntax.Lambda:
		return c.lambda(n, sc)
	case *syntax.Slice:
		c.fail(n.At, "a slice lo:hi is only allowed inside an index, as in a[1:3]; for a range of numbers use range(lo, hi)")
	}
	c.fail(node.Pos(), "this syntax is not supported in calc")
	return nil
}

func (c *compiler) identifier(n *syntax.Ident, sc *scope) code {
	if slot, ok := sc.lookup(n.Name); ok {
		return func(s *Session) Value { return s.stack[s.bp+slot] }
	}
	cl := c.sess.cell(n.Name)
	return func(s *Session) Value {
		if s.tracing > 0 {
			s.reads = append(s.reads, cl)
		}
		if cl.bound {
			return cl.value
		}
		return s.symbol(cl)
	}
}

func (c *compiler) let(n *syntax.Let, sc *scope) code {
	value := c.expr(n.Value, sc)
	inner, slots := sc, make([]int, len(n.Names))
	for i, name := range n.Names {
		inner, slots[i] = inner.child(name)
	}
	body := c.expr(n.Body, inner)
	if len(slots) == 1 {
		return func(s *Session) Value {
			s.stack[s.bp+slots[0]] = value(s)
			return body(s)
		}
	}
	pos := c.at(n.Value)
	return func(s *Session) Value {
		for i, v := range s.unpack(value(s), len(slots), pos) {
			s.stack[s.bp+slots[i]] = v
		}
		return body(s)
	}
}

func (c *compiler) conditional(n *syntax.Cond, sc *scope) code {
	cond, yes, no := c.expr(n.Test, sc), c.expr(n.Then, sc), c.expr(n.Else, sc)
	pos := c.at(n.Test)
	return func(s *Session) Value {
		c := cond(s)
		if c.kind == ExprKind {
			// A condition on a symbol traces to a select node: both
			// branches are built and the choice is made per evaluation.
			return s.selectOp(c, yes(s), no(s), pos)
		}
		if truth(c, pos) {
			return yes(s)
		}
		return no(s)
	}
}

// truth returns the truth of a condition's value, or raises a type error.
func truth(v Value, pos Pos) bool {
	if t, ok := v.Truth(); ok {
		return t
	}
	switch v.kind {
	case ExprKind:
		panic(Errorf("this condition depends on the symbolic value %s; use ?: or if, which trace", v.Node()).at(pos))
	case ArrayKind:
		panic(Errorf("an array of %d elements is not one truth value: use any(...) or all(...)", v.Array().Len()).at(pos))
	}
	panic(Errorf("a condition must be a bool or a number, not %s", v.TypeName()).at(pos))
}

func (c *compiler) call(n *syntax.Call, sc *scope) code {
	callee := c.expr(n.Fn, sc)
	pos := c.at(n.Fn)
	args := make([]code, len(n.Args))
	argPos := make([]Pos, len(n.Args), len(n.Args)+1)
	for i, a := range n.Args {
		args[i] = c.expr(a, sc)
		argPos[i] = c.at(a)
	}
	if len(n.Keywords) > 0 {
		return c.keywordCall(n, callee, args, argPos, sc)
	}
	calleeName := ""
	switch fn := n.Fn.(type) {
	case *syntax.Ident:
		calleeName = fn.Name
	case *syntax.Member:
		calleeName = "." + fn.Name
	}
	watch := c.solverNamesIn(n.Args, sc)
	return func(s *Session) Value {
		f := callee(s)
		if name := f.SymbolName(); name != "" {
			panic(Errorf("unknown function %q%s", name, s.DidYouMean(name)).at(pos))
		}
		if !f.IsCallable() && f.kind != ObjectKind {
			panic(Errorf("cannot call %s: it is not a function%s", f.TypeName(), s.notCallableHint(f, calleeName, len(args))).at(pos))
		}
		base := s.sp
		for i, a := range args {
			v := a(s)
			if watch != nil {
				s.noteBoundSolverNames(f, v, watch[i])
			}
			s.push(v)
		}
		return s.callAt(f, base, pos, argPos)
	}
}

// solverNames are the names the solvers give their variables when they
// take an expression: x for roots, minimizers and quad, y and t for ODEs,
// z, y and x for tplquad.
var solverNames = []string{"x", "y", "z", "t"}

// solverNamesIn returns, for each argument of a call in a statement's own
// frame, the solver names it writes other than as the whole argument, or
// nil when none does: those whose value may have replaced the symbol a
// solver or a derivative was meant to vary.
func (c *compiler) solverNamesIn(args []syntax.Expr, sc *scope) [][]string {
	if !sc.frame.top {
		return nil
	}
	var names [][]string
	for i, a := range args {
		if _, ok := a.(*syntax.Ident); ok {
			continue
		}
		syntax.Walk(a, func(e syntax.Expr) bool {
			if id, ok := e.(*syntax.Ident); ok && slices.Contains(solverNames, id.Name) {
				if names == nil {
					names = make([][]string, len(args))
				}
				if !slices.Contains(names[i], id.Name) {
					names[i] = append(names[i], id.Name)
				}
			}
			_, lambda := e.(*syntax.Lambda)
			return !lambda
		})
	}
	return names
}

// noteBoundSolverNames says so when an argument v given to a builtin is an
// expression, so meant as a function of its symbols, while names it
// writes (x, y, z, t) are bound to values: the value took the symbol's
// place, which a solver or a derivative will not vary.
func (s *Session) noteBoundSolverNames(f, v Value, names []string) {
	if _, builtin := f.ref.(*Builtin); builtin {
		s.noteBoundSymbols(v, names)
	}
}

// noteBoundSymbols says so when v, a value a statement computes, is an
// expression while names it writes (x, y, z, t) are bound to values.
func (s *Session) noteBoundSymbols(v Value, names []string) {
	if v.kind != ExprKind || s.tracing > 0 {
		return
	}
	for _, name := range names {
		c := s.globals[name]
		if c == nil || !c.bound || !c.user || (c.value.kind != NumKind && c.value.kind != ArrayKind) {
			continue
		}
		value := c.value.TypeName()
		if c.value.kind == NumKind {
			value = Format(c.value)
		}
		s.Note(fmt.Sprintf("%s is bound to %s, so where this statement's expressions write %s it stands for that value, "+
			"not for a symbol that a solver or a derivative varies; for the symbol %s, :clear %s or write a lambda", name, value, name, name, name))
	}
}

// keywordCall compiles a call with name=value arguments. A user function
// takes them by parameter name; for a builtin they are its options, the
// trailing record {name: value, ...}.
func (c *compiler) keywordCall(n *syntax.Call, callee code, args []code, argPos []Pos, sc *scope) code {
	pos := c.at(n.Fn)
	names := make([]string, len(n.Keywords))
	values := make([]code, len(n.Keywords))
	at := make(map[string]Pos, len(n.Keywords))
	for i, k := range n.Keywords {
		names[i], values[i] = k.Name, c.expr(k.Value, sc)
		at[k.Name] = c.pos(k.NamePos)
	}
	argPos = append(argPos, c.pos(n.Keywords[0].NamePos))
	watch := c.solverNamesIn(n.Args, sc)
	return func(s *Session) Value {
		f := callee(s)
		if name := f.SymbolName(); name != "" {
			panic(Errorf("unknown function %q%s", name, s.DidYouMean(name)).at(pos))
		}
		base := s.sp
		args, argPos, names, values := args, argPos, names, values // this call's, bound below
		switch fn := f.ref.(type) {
		case *UserFunc:
			return s.callByName(fn, args, names, values, pos)
		case *Builtin:
			args, argPos, names, values = bindParams(fn, args, argPos, names, values, at)
			if len(names) > 0 && !fn.TakesOptions() {
				if fn.namesParam(names[0]) {
					panic(Errorf("%s takes %s by position, not as %s=", fn.Signature(), names[0], names[0]).at(at[names[0]]))
				}
				hint := ""
				if h, ok := foreignOptions[names[0]]; ok {
					hint = "; " + h
				}
				panic(Errorf("%s takes no options, got %s=%s", fn.Signature(), names[0], hint).at(at[names[0]]))
			}
		default:
			panic(Errorf("%s takes no keyword arguments, got %s=", describeFunc(f), names[0]).at(argPos[len(args)]))
		}
		for i, a := range args {
			v := a(s)
			if watch != nil && i < len(watch) {
				s.noteBoundSolverNames(f, v, watch[i])
			}
			s.push(v)
		}
		if len(names) > 0 {
			opts := NewRecord()
			opts.at = at
			for i, name := range names {
				opts.Set(name, values[i](s))
			}
			s.push(RecordOf(opts))
		}
		return s.callAt(f, base, pos, argPos)
	}
}

// bindParams binds the keyword arguments that name a builtin's positional
// parameters (and not one of its options) to those places, as in
// quad(f, a=0, b=1); the other keywords stay options. It returns the
// positional arguments with their positions, then the keywords left.
func bindParams(b *Builtin, args []code, argPos []Pos, names []string, values []code, at map[string]Pos) ([]code, []Pos, []string, []code) {
	params := b.paramNames()
	bound := map[int]code{}
	var restNames []string
	var restValues []code
	for i, name := range names {
		j := slices.Index(params, name)
		if j < 0 || b.option(name) != nil {
			restNames, restValues = append(restNames, name), append(restValues, values[i])
			continue
		}
		if j < len(args) {
			panic(Errorf("%s gets %s twice", b.Signature(), name).at(at[name]))
		}
		bound[j] = values[i]
	}
	if len(bound) == 0 {
		return args, argPos, names, values
	}
	outArgs, outPos := slices.Clone(args), slices.Clone(argPos[:len(args)])
	for j := len(args); len(bound) > 0; j++ {
		v, ok := bound[j]
		if def := b.Params[j].Default; !ok && !def.IsNil() {
			// Left out before a parameter given by name: its default.
			v, ok = func(*Session) Value { return def }, true
		}
		if !ok {
			later := params[slices.Min(slices.Collect(maps.Keys(bound)))]
			hint := ""
			if k := slices.IndexFunc(restNames, func(name string) bool { return b.option(name) == nil }); k >= 0 {
				hint = fmt.Sprintf(" (%s= is none of its parameters or options)", restNames[k])
			}
			panic(Errorf("%s is called with %s but without %s, which comes before it: give %s too%s",
				b.Signature(), later, params[j], params[j], hint).at(at[later]))
		}
		outArgs, outPos = append(outArgs, v), append(outPos, at[params[j]])
		delete(bound, j)
	}
	if len(restNames) > 0 {
		outPos = append(outPos, at[restNames[0]])
	}
	return outArgs, outPos, restNames, restValues
}

// callByName calls a user function with positional arguments followed by
// arguments named by their parameters.
func (s *Session) callByName(f *UserFunc, args []code, names []string, values []code, pos Pos) Value {
	vals := make([]Value, len(f.params))
	given := make([]bool, len(f.params))
	if len(args) > len(f.params) {
		panic(arityError(f.Signature(), len(f.params), len(f.params), len(args)+len(names)).at(pos))
	}
	for i, a := range args {
		vals[i], given[i] = a(s), true
	}
	for k, name := range names {
		i := -1
		for j, p := range f.params {
			if p == name {
				i = j
			}
		}
		if i < 0 {
			panic(Errorf("%s has no parameter %q", f.Signature(), name).at(pos))
		}
		if given[i] {
			panic(Errorf("%s gets %s twice", f.Signature(), name).at(pos))
		}
		vals[i], given[i] = values[k](s), true
	}
	for i, ok := range given {
		if !ok {
			panic(Errorf("%s is called without %s", f.Signature(), f.params[i]).at(pos))
		}
	}
	return s.Call(Func(f), vals...)
}

func (c *compiler) unary(n *syntax.Unary, sc *scope) code {
	x := c.expr(n.X, sc)
	pos := c.pos(n.At)
	switch n.Op {
	case "-":
		neg := autodiff.Lookup("neg")
		return func(s *Session) Value {
			v := x(s)
			if v.kind == NumKind {
				return Num(-v.num)
			}
			return s.unaryOp(neg, v, pos)
		}
	case "+":
		return func(s *Session) Value {
			v := x(s)
			if v.kind != NumKind && v.kind != ArrayKind && v.kind != ExprKind && v.kind != BoolKind {
				panic(Errorf("cannot apply + to %s", v.TypeName()).at(pos))
			}
			return v
		}
	}
	return func(s *Session) Value { return s.not(x(s), pos) }
}

// noteElementwiseProduct says, once a session, that * of a matrix and a
// matrix or vector it could multiply as Octave's * does is elementwise,
// as numpy's. Masks, which Octave users multiply elementwise too, and
// traced functions are left alone.
func (s *Session) noteElementwiseProduct(a, b *array.Array) {
	if s.tracing > 0 || len(a.Shape) != 2 || a.Shape[0] < 2 || a.Shape[1] < 2 || a.Depth == array.Bool || b.Depth == array.Bool {
		return
	}
	if len(b.Shape) >= 1 && len(b.Shape) <= 2 && b.Shape[0] == a.Shape[1] {
		s.NoteOnce("* of a matrix is elementwise (broadcast), as numpy's; the matrix product, Octave's A * B, is A @ B")
	}
}

// noteNotOperand says so when Python's and or or would give the number
// v itself, where calc gives true or false.
func (s *Session) noteNotOperand(v Value) {
	if v.kind == NumKind && v.num != 0 && v.num != 1 {
		s.Note("and and or give true or false in calc, not one of their operands as Python's do " +
			"(2 or 3 is true, not 2); to choose a value, write c ? a : b")
	}
}

func (c *compiler) binary(n *syntax.Binary, sc *scope) code {
	l, r := c.expr(n.X, sc), c.expr(n.Y, sc)
	pos := c.pos(n.At)
	c.notePythonSequences(n)
	c.noteOctaveComment(n, sc)
	switch op := n.Op; op {
	case "and", "or":
		isAnd := op == "and"
		return func(s *Session) Value {
			a := l(s)
			if a.kind == ArrayKind {
				return s.logical(isAnd, a, r(s), pos)
			}
			t := truth(a, pos)
			if t != isAnd {
				s.noteNotOperand(a)
				return Bool(t)
			}
			b := r(s)
			if b.kind == ArrayKind {
				return s.logical(isAnd, a, b, pos)
			}
			s.noteNotOperand(b)
			return Bool(truth(b, pos))
		}
	// The four arithmetic operators are spelled out so that numbers take an
	// inlined path with no call; the table's kernels (binaryOp) handle the
	// rest, and the default case below serves every other operator.
	case "+":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				if r := a.num + b.num; math.Abs(r) < 1<<53 {
					return Num(r)
				}
				return s.scalarArithmetic(opAdd.prim, a.num, b.num)
			}
			return s.binaryOp(opAdd, a, b, pos)
		}
	case "-":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				if r := a.num - b.num; math.Abs(r) < 1<<53 {
					return Num(r)
				}
				return s.scalarArithmetic(opSub.prim, a.num, b.num)
			}
			return s.binaryOp(opSub, a, b, pos)
		}
	case "*":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				if r := a.num * b.num; math.Abs(r) < 1<<53 {
					return Num(r)
				}
				return s.scalarArithmetic(opMul.prim, a.num, b.num)
			}
			if a.kind == ArrayKind && b.kind == ArrayKind {
				s.noteElementwiseProduct(a.Array(), b.Array())
			}
			return s.binaryOp(opMul, a, b, pos)
		}
	case "/":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				if b.num == 0 {
					s.noteZeroDivisor()
				}
				return Num(a.num / b.num)
			}
			if holdsZero(b) {
				s.noteZeroDivisor()
			}
			return s.binaryOp(opDiv, a, b, pos)
		}
	case "in":
		return func(s *Session) Value { return Bool(contains(r(s), l(s), pos)) }
	case "@":
		dot := c.sess.Builtin("dot")
		if dot == nil {
			c.fail(n.At, "@ needs the builtin dot, which this session does not have")
		}
		return func(s *Session) Value {
			a, b := l(s), r(s)
			return s.callBuiltin(dot, Args{a, b}, pos, []Pos{c.at(n.X), c.at(n.Y)})
		}
	}
	op := n.Op
	if op == "^" {
		c.sess.NoteOnce("^ is the power in calc (3 ^ 2 is 9), not Python's exclusive or; on arrays it is elementwise, as Octave's .^ (a matrix power is repeated @)")
		op = "**"
	}
	p := autodiff.Lookup(op)
	if p == nil || p.Arity != 2 {
		c.fail(n.At, "operator %s is not supported in calc", n.Op)
	}
	o := operatorFor(p)
	if op == "**" {
		return func(s *Session) Value {
			a, b := l(s), r(s)
			var v Value
			if a.kind == NumKind && b.kind == NumKind {
				v = s.scalarArithmetic(p, a.num, b.num)
			} else {
				v = s.binaryOp(o, a, b, pos)
			}
			if holdsNaN(v) && !holdsNaN(a) && !holdsNaN(b) {
				s.Note("a negative number to a fractional power is nan, as numpy's; " +
					"for the complex answer give a complex base, as (x + 0j)**p")
			}
			return v
		}
	}
	if op == "//" || op == "%" {
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if holdsZero(b) {
				s.noteZeroDivisor()
			}
			if a.kind == NumKind && b.kind == NumKind {
				return Num(p.Binary(a.num, b.num))
			}
			return s.binaryOp(o, a, b, pos)
		}
	}
	return func(s *Session) Value {
		a, b := l(s), r(s)
		if a.kind == NumKind && b.kind == NumKind {
			return s.scalarArithmetic(p, a.num, b.num)
		}
		return s.binaryOp(o, a, b, pos)
	}
}

// notePythonSequences notes the Python idioms of sequences that calc's
// arrays read otherwise: shape + (3,) joins tuples in Python and adds
// elementwise in calc; [0] * n repeats a list in Python and is [0] in
// calc.
func (c *compiler) notePythonSequences(n *syntax.Binary) {
	tuple := func(e syntax.Expr) bool { _, ok := e.(*syntax.Tuple); return ok }
	single := func(e syntax.Expr) bool { l, ok := e.(*syntax.List); return ok && len(l.Items) == 1 }
	switch {
	case n.Op == "+" && (tuple(n.X) || tuple(n.Y)):
		c.sess.Note(fmt.Sprintf("calc has no tuples: in %s the tuple is an array, and + adds elementwise where Python's joins; to join, write concat(a, b)", syntax.Print(n)))
	case n.Op == "*" && (single(n.X) || single(n.Y)):
		c.sess.Note(fmt.Sprintf("in %s the list is an array, and * multiplies elementwise where Python's repeats it; to repeat, write full(n, value) or tile(xs, n)", syntax.Print(n)))
	}
}

// noteOctaveComment says so when % takes the remainder by a word that has
// no value, as an Octave comment would read (x = 3 % the start).
func (c *compiler) noteOctaveComment(n *syntax.Binary, sc *scope) {
	id, ok := n.Y.(*syntax.Ident)
	if n.Op != "%" || !ok || conventionalSymbol(id.Name) {
		return
	}
	if _, local := sc.lookup(id.Name); local {
		return
	}
	if cl := c.sess.globals[id.Name]; cl == nil || !cl.bound {
		c.sess.Note(fmt.Sprintf("%% is the remainder in calc, as in Python: %s is the remainder by the symbol %s; a comment starts with # (Octave's %% comment)", syntax.Print(n), id.Name))
	}
}

// noteNearlyEqual says so when == or != compares numbers that differ
// only in their last bits, which print alike (0.1 + 0.2 and 0.3): two
// numbers, or each element of an array against a number.
func (s *Session) noteNearlyEqual(a, b Value) {
	switch {
	case a.kind == NumKind && b.kind == NumKind:
		s.noteIfNearlyEqual(a.num, b.num)
	case a.kind == NumKind && b.kind == ArrayKind:
		for _, y := range b.Array().Floats() {
			if s.noteIfNearlyEqual(a.num, y) {
				return
			}
		}
	case a.kind == ArrayKind && b.kind == NumKind:
		for _, x := range a.Array().Floats() {
			if s.noteIfNearlyEqual(x, b.num) {
				return
			}
		}
	case a.kind == ArrayKind && b.kind == ArrayKind && slices.Equal(a.Array().Shape, b.Array().Shape):
		y := b.Array().Floats()
		for i, x := range a.Array().Floats() {
			if s.noteIfNearlyEqual(x, y[i]) {
				return
			}
		}
	}
}

// closeButUnequal reports whether x and y differ only in their last bits.
func closeButUnequal(x, y float64) bool {
	return x != y && math.Abs(x-y) <= 1e-12*(math.Abs(x)+math.Abs(y))
}

// noteIfNearlyEqual notes x and y if they differ only in their last
// bits, and reports whether it did.
func (s *Session) noteIfNearlyEqual(x, y float64) bool {
	if !closeButUnequal(x, y) {
		return false
	}
	s.Note(fmt.Sprintf("%s and %s differ only in their last bits, so == tells them apart; "+
		"isclose(a, b) compares within a tolerance", array.FormatExact(x), array.FormatExact(y)))
	return true
}

// holdsZero reports whether v is 0 (or false) or a real array holding 0.
func holdsZero(v Value) bool {
	switch v.kind {
	case NumKind, BoolKind:
		return v.num == 0
	case ArrayKind:
		return slices.Contains(v.Array().Floats(), 0)
	}
	return false
}

// noteZeroDivisor says that dividing by zero gives inf or nan, where
// Python raises an error (numpy warns).
func (s *Session) noteZeroDivisor() {
	s.Note("division by zero gives inf or nan, as numpy's (Python raises ZeroDivisionError)")
}

// holdsNaN reports whether v is NaN or a real array holding NaN.
func holdsNaN(v Value) bool {
	switch v.kind {
	case NumKind:
		return math.IsNaN(v.num)
	case ArrayKind:
		return slices.ContainsFunc(v.Array().Floats(), math.IsNaN)
	}
	return false
}

// compare compiles a comparison chain: a < b < c is a < b and b < c,
// with b evaluated once, elementwise on arrays.
func (c *compiler) compare(n *syntax.Compare, sc *scope) code {
	operands := make([]code, len(n.Operands))
	for i, x := range n.Operands {
		operands[i] = c.expr(x, sc)
	}
	ops := make([]*operator, len(n.Ops))
	pos := make([]Pos, len(n.Ops))
	for i, op := range n.Ops {
		ops[i], pos[i] = operatorFor(autodiff.Lookup(op)), c.pos(n.OpPos[i])
	}
	if len(ops) == 1 {
		l, r, o, p := operands[0], operands[1], ops[0], pos[0]
		equality := n.Ops[0] == "==" || n.Ops[0] == "!="
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				if equality && closeButUnequal(a.num, b.num) {
					s.noteNearlyEqual(a, b)
				}
				return Bool(o.prim.Binary(a.num, b.num) != 0)
			}
			if equality {
				s.noteNearlyEqual(a, b)
			}
			return s.binaryOp(o, a, b, p)
		}
	}
	return func(s *Session) Value {
		a := operands[0](s)
		var result Value
		for i, o := range ops {
			b := operands[i+1](s)
			v := s.binaryOp(o, a, b, pos[i])
			if i == 0 {
				result = v
			} else {
				result = s.logical(true, result, v, pos[i])
			}
			if result.kind == BoolKind && result.num == 0 {
				return result
			}
			a = b
		}
		return result
	}
}

func (c *compiler) member(n *syntax.Member, sc *scope) code {
	// np.sin, np.linalg.inv: the root of a chain of fields is a module name
	// the user did not bind. Module paths are short; a long chain of
	// fields is looked at no further than that, so compiling it stays
	// linear.
	root, path := n.X, n.Name
	for range 4 {
		m, ok := root.(*syntax.Member)
		if !ok {
			break
		}
		root, path = m.X, m.Name+"."+path
	}
	if id, ok := root.(*syntax.Ident); ok {
		if _, local := sc.lookup(id.Name); !local && modulePrefixes[id.Name] {
			if cl := c.sess.globals[id.Name]; cl == nil || !cl.bound {
				if n.Name == "newaxis" {
					c.fail(id.At, "%s", noNewaxis)
				}
				if spelling, ok := c.sess.calcSpelling(n.Name); ok {
					c.fail(id.At, "calc's functions need no module prefix: for %s.%s calc writes %s", id.Name, path, spelling)
				}
				if cl := c.sess.globals[n.Name]; c.sess.Builtin(n.Name) == nil && (cl == nil || cl.pre == nil) {
					c.fail(id.At, "calc has no %s.%s%s", id.Name, path, c.sess.DidYouMean(n.Name))
				}
				c.fail(id.At, "calc's functions need no module prefix: write %s, not %s.%s", n.Name, id.Name, path)
			}
		}
	}
	x := c.expr(n.X, sc)
	pos := c.pos(n.NamePos)
	name := n.Name
	return func(s *Session) Value { return s.member(x(s), name, pos) }
}

// modulePrefixes are the module names Python users put before numpy's and
// scipy's functions (and JAX's and PyTorch's, which mirror numpy's).
var modulePrefixes = map[string]bool{"np": true, "numpy": true, "math": true, "scipy": true, "sp": true,
	"optimize": true, "integrate": true, "special": true, "linalg": true, "cv2": true, "plt": true,
	"random": true, "interpolate": true, "stats": true, "jnp": true, "jax": true, "torch": true}

func (c *compiler) collection(items []syntax.Expr, sc *scope) code {
	codes := make([]code, len(items))
	for i, it := range items {
		codes[i] = c.expr(it, sc)
	}
	return func(s *Session) Value {
		vals := make([]Value, len(codes))
		for i, it := range codes {
			vals[i] = it(s)
		}
		return s.Collect(vals)
	}
}

func (c *compiler) record(n *syntax.Record, sc *scope) code {
	type field struct {
		key      code
		value    code
		constKey string
		pos      Pos
	}
	fields := make([]field, len(n.Fields))
	for i, f := range n.Fields {
		fd := field{value: c.expr(f.Value, sc), pos: c.pos(f.NamePos), constKey: f.Name}
		if f.Key != nil {
			fd.key = c.expr(f.Key, sc)
		}
		fields[i] = fd
	}
	return func(s *Session) Value {
		r := NewRecord()
		for _, f := range fields {
			key := f.constKey
			if f.key != nil {
				k := f.key(s)
				if k.kind != StrKind {
					panic(Errorf("record keys must be strings, not %s", k.TypeName()).at(f.pos))
				}
				key = k.Text()
			}
			r.Set(key, f.value(s))
		}
		return RecordOf(r)
	}
}

// lambda compiles params -> body. Each evaluation makes a function value
// that holds the values of the enclosing locals its body uses.
func (c *compiler) lambda(n *syntax.Lambda, sc *scope) code {
	for i, p := range n.Params {
		for _, q := range n.Params[:i] {
			if p == q {
				c.fail(n.ParamPos[i], "parameter %q appears twice in this lambda", p)
			}
		}
	}
	inner := newFrame(sc, n.Params)
	body := c.expr(n.Body, inner)
	fr := inner.frame
	text := syntax.Print(n)
	if len(fr.captures) == 0 {
		f := &UserFunc{params: n.Params, slots: fr.slots, body: body, text: text, lambda: true}
		v := Func(f)
		return func(*Session) Value { return v }
	}
	caps := fr.captures
	return func(s *Session) Value {
		f := &UserFunc{params: n.Params, slots: fr.slots, body: body, text: text, lambda: true,
			captures: caps, captured: make([]Value, len(caps))}
		for i, cp := range caps {
			f.captured[i] = s.stack[s.bp+cp.from]
		}
		return Func(f)
	}
}
