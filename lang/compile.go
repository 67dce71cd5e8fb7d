package lang

import (
	"regexp"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"

	"calc/autodiff"
)

// code is a compiled expression: a tree of closures over a session. Names
// are resolved when compiling (locals to stack slots, globals to cells), so
// running code neither walks syntax nor looks names up in maps.
type code func(s *Session) Value

// MaxNodes limits the size of one expression's syntax tree.
const MaxNodes = 100000

// parserConfig makes expr's parser treat every call, including its own
// builtins and predicates (map, filter, reduce, ...), as an ordinary call:
// names listed in Functions are "overridden" and parse as CallNodes.
var parserConfig = func() *conf.Config {
	c := conf.CreateNew()
	c.MaxNodes = MaxNodes
	names := []string{"all", "none", "any", "one", "filter", "map", "count", "sum",
		"find", "findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce"}
	for _, f := range builtin.Builtins {
		names = append(names, f.Name)
	}
	for _, n := range names {
		c.Functions[n] = &builtin.Function{Name: n}
	}
	return c
}()

// scope maps local names to stack slots within one function (or one
// top-level statement). let creates a child scope that shares the counter.
type scope struct {
	names  map[string]int
	parent *scope
	slots  *int
}

func (sc *scope) lookup(name string) (int, bool) {
	for ; sc != nil; sc = sc.parent {
		if i, ok := sc.names[name]; ok {
			return i, true
		}
	}
	return 0, false
}

// compiler turns one statement's expression into code.
type compiler struct {
	sess *Session
	src  *Source
	base int // rune offset of the expression in src
}

func newCompiler(s *Session, src *Source, base int) *compiler {
	return &compiler{sess: s, src: src, base: base}
}

// parse parses an expression with expr's parser, turning its errors into
// ours with the position in the whole source.
func (c *compiler) parse(text string) ast.Node {
	if strings.TrimSpace(text) == "" {
		panic(&Error{Pos: c.pos(len([]rune(text))), Msg: "missing expression", Arg: -1})
	}
	tree, err := parser.ParseWithConfig(text, parserConfig)
	if err != nil {
		e, ok := err.(*file.Error)
		if !ok {
			panic(Errorf("%v", err))
		}
		msg := parseMessage(e.Message)
		if before := strings.TrimRight(string([]rune(text)[:min(e.From, len([]rune(text)))]), " "); msg == `unexpected "("` && strings.HasSuffix(before, ")") {
			msg += ": the result of a call cannot be called directly; name it first, as in g = grad(f), then g(1)"
		}
		panic(&Error{Pos: c.pos(e.From), Msg: msg, Arg: -1})
	}
	return tree.Node
}

// tokenMessage matches expr's `unexpected token Operator("=")`.
var tokenMessage = regexp.MustCompile(`unexpected token \w+\("(.*)"\)`)

// parseMessage rewords expr's messages in calc's terms.
func parseMessage(msg string) string {
	msg = strings.TrimPrefix(msg, "compilation failed: ")
	msg = strings.ReplaceAll(msg, "unexpected token EOF", "unexpected end of input")
	return tokenMessage.ReplaceAllString(msg, "unexpected \"$1\"")
}

// pos returns the position of a rune offset within the expression.
func (c *compiler) pos(off int) Pos { return Pos{c.src, c.base + off} }

func (c *compiler) at(n ast.Node) Pos { return c.pos(n.Location().From) }

// toplevel compiles a statement's expression; it returns the code and the
// number of local slots its lets need.
func (c *compiler) toplevel(text string) (code, int) {
	n := 0
	sc := &scope{names: map[string]int{}, slots: &n}
	body := c.expr(c.parse(text), sc)
	return body, n
}

// function compiles a function definition.
func (c *compiler) function(name string, params []string, text string) *UserFunc {
	n := len(params)
	sc := &scope{names: map[string]int{}, slots: &n}
	for i, p := range params {
		if _, dup := sc.names[p]; dup {
			panic(Errorf("parameter %q appears twice in %s", p, name))
		}
		sc.names[p] = i
	}
	f := &UserFunc{name: name, params: params}
	f.body = c.expr(c.parse(text), sc)
	f.slots = n
	return f
}

// expr compiles one syntax node.
func (c *compiler) expr(node ast.Node, sc *scope) code {
	switch n := node.(type) {
	case *ast.IntegerNode:
		v := Num(float64(n.Value))
		return func(*Session) Value { return v }
	case *ast.FloatNode:
		v := Num(n.Value)
		return func(*Session) Value { return v }
	case *ast.BoolNode:
		v := Bool(n.Value)
		return func(*Session) Value { return v }
	case *ast.StringNode:
		v := Str(n.Value)
		return func(*Session) Value { return v }
	case *ast.NilNode:
		return func(*Session) Value { return Nil }
	case *ast.IdentifierNode:
		return c.identifier(n, sc)
	case *ast.UnaryNode:
		return c.unary(n, sc)
	case *ast.BinaryNode:
		return c.binary(n, sc)
	case *ast.ConditionalNode:
		return c.conditional(n, sc)
	case *ast.CallNode:
		return c.call(n, sc)
	case *ast.MemberNode:
		return c.member(n, sc)
	case *ast.SliceNode:
		return c.slice(n, sc)
	case *ast.ChainNode:
		return c.expr(n.Node, sc)
	case *ast.ArrayNode:
		return c.arrayLiteral(n, sc)
	case *ast.MapNode:
		return c.recordLiteral(n, sc)
	case *ast.VariableDeclaratorNode:
		return c.let(n, sc)
	case *ast.SequenceNode:
		parts := make([]code, len(n.Nodes))
		for i, p := range n.Nodes {
			parts[i] = c.expr(p, sc)
		}
		return func(s *Session) Value {
			var v Value
			for _, p := range parts {
				v = p(s)
			}
			return v
		}
	case *ast.BuiltinNode:
		return c.call(&ast.CallNode{Callee: &ast.IdentifierNode{Value: n.Name}, Arguments: n.Arguments}, sc)
	}
	panic(&Error{Pos: c.at(node), Msg: "this syntax is not supported in calc", Arg: -1})
}

func (c *compiler) identifier(n *ast.IdentifierNode, sc *scope) code {
	if slot, ok := sc.lookup(n.Value); ok {
		return func(s *Session) Value { return s.stack[s.bp+slot] }
	}
	cl := c.sess.cell(n.Value)
	return func(s *Session) Value {
		if cl.bound {
			return cl.value
		}
		return s.symbol(cl)
	}
}

func (c *compiler) let(n *ast.VariableDeclaratorNode, sc *scope) code {
	value := c.expr(n.Value, sc)
	slot := *sc.slots
	*sc.slots++
	inner := &scope{names: map[string]int{n.Name: slot}, parent: sc, slots: sc.slots}
	body := c.expr(n.Expr, inner)
	return func(s *Session) Value {
		s.stack[s.bp+slot] = value(s)
		return body(s)
	}
}

func (c *compiler) conditional(n *ast.ConditionalNode, sc *scope) code {
	cond, yes, no := c.expr(n.Cond, sc), c.expr(n.Exp1, sc), c.expr(n.Exp2, sc)
	pos := c.at(n.Cond)
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
	if v.kind == ExprKind {
		panic(Errorf("this condition depends on the symbolic value %s; use ?: or if, which trace", v.Node()).at(pos))
	}
	panic(Errorf("a condition must be a bool or a number, not %s", v.TypeName()).at(pos))
}

func (c *compiler) call(n *ast.CallNode, sc *scope) code {
	callee := c.expr(n.Callee, sc)
	pos := c.at(n.Callee)
	args := make([]code, len(n.Arguments))
	argPos := make([]Pos, len(n.Arguments))
	for i, a := range n.Arguments {
		args[i] = c.expr(a, sc)
		argPos[i] = c.at(a)
	}
	return func(s *Session) Value {
		f := callee(s)
		if name := f.SymbolName(); name != "" {
			panic(Errorf("unknown function %q%s", name, s.DidYouMean(name)).at(pos))
		}
		base := s.sp
		for _, a := range args {
			v := a(s)
			s.push(v)
		}
		return s.callAt(f, base, pos, argPos)
	}
}

func (c *compiler) unary(n *ast.UnaryNode, sc *scope) code {
	x := c.expr(n.Node, sc)
	pos := c.at(n)
	switch n.Operator {
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
			if v.kind != NumKind && v.kind != ArrayKind {
				panic(Errorf("cannot apply + to %s", v.TypeName()).at(pos))
			}
			return v
		}
	case "not", "!":
		return func(s *Session) Value { return Bool(!truth(x(s), pos)) }
	}
	panic(&Error{Pos: pos, Msg: "unsupported operator " + n.Operator, Arg: -1})
}

func (c *compiler) binary(n *ast.BinaryNode, sc *scope) code {
	l, r := c.expr(n.Left, sc), c.expr(n.Right, sc)
	pos := c.at(n)
	switch op := n.Operator; op {
	case "and", "&&":
		return func(s *Session) Value { return Bool(truth(l(s), pos) && truth(r(s), pos)) }
	case "or", "||":
		return func(s *Session) Value { return Bool(truth(l(s), pos) || truth(r(s), pos)) }
	// The four arithmetic operators are spelled out so that numbers take an
	// inlined path with no call; the table's kernels (binaryOp) handle the
	// rest, and the default case below serves every other operator.
	case "+":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				return Num(a.num + b.num)
			}
			return s.binaryOp(opAdd, a, b, pos)
		}
	case "-":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				return Num(a.num - b.num)
			}
			return s.binaryOp(opSub, a, b, pos)
		}
	case "*":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				return Num(a.num * b.num)
			}
			return s.binaryOp(opMul, a, b, pos)
		}
	case "/":
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind {
				return Num(a.num / b.num)
			}
			return s.binaryOp(opDiv, a, b, pos)
		}
	case "in":
		return func(s *Session) Value { return Bool(contains(r(s), l(s), pos)) }
	default:
		if op == "^" {
			op = "**"
		}
		p := autodiff.Lookup(op)
		if p == nil || p.Arity != 2 {
			panic(&Error{Pos: pos, Msg: "operator " + n.Operator + " is not supported in calc", Arg: -1})
		}
		o := operatorFor(p)
		return func(s *Session) Value {
			a, b := l(s), r(s)
			if a.kind == NumKind && b.kind == NumKind && !o.compare {
				return Num(p.Binary(a.num, b.num))
			}
			return s.binaryOp(o, a, b, pos)
		}
	}
}

func (c *compiler) member(n *ast.MemberNode, sc *scope) code {
	x := c.expr(n.Node, sc)
	pos := c.at(n.Property)
	if prop, ok := n.Property.(*ast.StringNode); ok {
		name := prop.Value
		return func(s *Session) Value { return s.member(x(s), name, pos) }
	}
	idx := c.expr(n.Property, sc)
	return func(s *Session) Value { return s.index(x(s), idx(s), pos) }
}

func (c *compiler) slice(n *ast.SliceNode, sc *scope) code {
	x := c.expr(n.Node, sc)
	var from, to code
	if n.From != nil {
		from = c.expr(n.From, sc)
	}
	if n.To != nil {
		to = c.expr(n.To, sc)
	}
	pos := c.at(n)
	return func(s *Session) Value {
		v := x(s)
		lo, hi := Nil, Nil
		if from != nil {
			lo = from(s)
		}
		if to != nil {
			hi = to(s)
		}
		return s.slice(v, lo, hi, pos)
	}
}

func (c *compiler) arrayLiteral(n *ast.ArrayNode, sc *scope) code {
	items := make([]code, len(n.Nodes))
	for i, it := range n.Nodes {
		items[i] = c.expr(it, sc)
	}
	return func(s *Session) Value {
		vals := make([]Value, len(items))
		for i, it := range items {
			vals[i] = it(s)
		}
		return s.Collect(vals)
	}
}

func (c *compiler) recordLiteral(n *ast.MapNode, sc *scope) code {
	type pair struct {
		key      code
		value    code
		constKey string
		pos      Pos
	}
	pairs := make([]pair, len(n.Pairs))
	for i, p := range n.Pairs {
		pn := p.(*ast.PairNode)
		pr := pair{value: c.expr(pn.Value, sc), pos: c.at(pn.Key)}
		switch k := pn.Key.(type) {
		case *ast.StringNode:
			pr.constKey = k.Value
		case *ast.IdentifierNode:
			pr.constKey = k.Value
		default:
			pr.key = c.expr(pn.Key, sc)
		}
		pairs[i] = pr
	}
	return func(s *Session) Value {
		r := NewRecord()
		for _, p := range pairs {
			key := p.constKey
			if p.key != nil {
				k := p.key(s)
				if k.kind != StrKind {
					panic(Errorf("record keys must be strings, not %s", k.TypeName()).at(p.pos))
				}
				key = k.Text()
			}
			r.Set(key, p.value(s))
		}
		return RecordOf(r)
	}
}
