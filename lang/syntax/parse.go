package syntax

import (
	"strings"
)

// Limits that keep a hostile source from exhausting the parser.
const (
	// MaxNodes limits the number of nodes of one source's trees.
	MaxNodes = 1_000_000
	// MaxNesting limits how deeply expressions nest.
	MaxNesting = 1000
)

// Parse parses a whole source into statements. It stops at the first
// error, which is an *Error.
func Parse(text string) (stmts []Stmt, err error) {
	toks, err := Scan(text)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			stmts, err = nil, e
		}
	}()
	for {
		for p.tok().Kind == Newline || p.tok().Kind == Semicolon {
			p.i++
		}
		if p.tok().Kind == EOF {
			return stmts, nil
		}
		stmts = append(stmts, p.statement())
	}
}

type parser struct {
	toks  []Token
	i     int
	nodes int
	depth int
}

func (p *parser) tok() Token { return p.toks[p.i] }

// peek returns the token k after the current one (EOF past the end).
func (p *parser) peek(k int) Token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}

// is reports whether the current token is the operator or keyword text.
func (p *parser) is(text string) bool {
	t := p.tok()
	return (t.Kind == Op || t.Kind == Name) && t.Text == text
}

func (p *parser) next() Token {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *parser) fail(pos int, format string, args ...any) {
	panic(errorf(pos, format, args...))
}

// unexpected fails at the current token, saying what was wanted.
func (p *parser) unexpected(wanted string) {
	t := p.tok()
	msg := "unexpected " + t.describe()
	if t.Kind == Newline {
		msg += " (a statement ends at the end of its line unless a bracket is open)"
	}
	if wanted != "" {
		msg += "; expected " + wanted
	}
	p.fail(t.Pos, "%s", msg)
}

func (p *parser) expect(text string) Token {
	if !p.is(text) {
		p.unexpected(`"` + text + `"`)
	}
	return p.next()
}

// node counts a node against MaxNodes.
func (p *parser) node() {
	p.nodes++
	if p.nodes > MaxNodes {
		p.fail(p.tok().Pos, "this source is too large: more than %d syntax nodes", MaxNodes)
	}
}

// nest enters one level of nesting; the caller defers p.unnest().
func (p *parser) nest() {
	p.depth++
	if p.depth > MaxNesting {
		p.fail(p.tok().Pos, "expressions nest more than %d levels deep", MaxNesting)
	}
}

func (p *parser) unnest() { p.depth-- }

// statement parses one statement and the separator that ends it.
func (p *parser) statement() Stmt {
	p.foreignStatement()
	var st Stmt
	if t := p.tok(); t.Kind == Name && t.Text == "help" && p.peek(1).Kind == Name {
		// help NAME, as in the REPL: help("NAME").
		name := p.peek(1)
		p.i += 2
		st = &ExprStmt{X: &Call{At: name.Pos, Fn: &Ident{At: t.Pos, Name: "help"}, Args: []Expr{&Str{At: name.Pos, Value: name.Text}}}}
	} else {
		st = p.simpleStatement()
	}
	switch t := p.tok(); t.Kind {
	case Semicolon:
		p.next()
		switch s := st.(type) {
		case *ExprStmt:
			s.Quiet = true
		case *Assign:
			s.Quiet = true
		case *Def:
			s.Quiet = true
		}
	case Newline, EOF:
	default:
		if t.Kind == Op && t.Text == "=" {
			p.fail(t.Pos, "one = per statement: assign one name at a time (use == to compare)")
		}
		if t.Kind == Op && t.Text == ":" {
			if next := p.peek(1); next.Text == "=" && next.Pos == t.Pos+1 {
				p.fail(t.Pos, "calc assigns with =, not := (an assignment is a statement, not a value)")
			}
			p.fail(t.Pos, "calc has no a:b ranges outside indexing: write range(a, b) (Octave's 1:10 is range(1, 11), and 0:0.1:1 is linspace(0, 1, 11))")
		}
		p.unexpected("the end of the statement")
	}
	return st
}

func (p *parser) simpleStatement() Stmt {
	lhs := p.exprList()
	t := p.tok()
	if t.Kind != Op {
		return &ExprStmt{X: lhs}
	}
	switch t.Text {
	case "=":
		p.next()
		if def := p.definition(lhs); def != nil {
			def.Body = p.expr()
			return def
		}
		p.checkTarget(lhs, true)
		return &Assign{At: t.Pos, Target: lhs, Value: p.exprList()}
	case "+=", "-=", "*=", "/=", "**=", "//=", "%=", "@=":
		p.next()
		p.checkTarget(lhs, false)
		return &Assign{At: t.Pos, Target: lhs, Op: strings.TrimSuffix(t.Text, "="), Value: p.expr()}
	}
	return &ExprStmt{X: lhs}
}

// definition returns the function definition that lhs = ... is, if lhs is
// a call of a name with names as arguments.
func (p *parser) definition(lhs Expr) *Def {
	c, ok := lhs.(*Call)
	if !ok {
		return nil
	}
	name, ok := c.Fn.(*Ident)
	if !ok {
		return nil
	}
	def := &Def{NamePos: name.At, Name: name.Name, Params: []string{}}
	if len(c.Keywords) > 0 {
		p.fail(c.Keywords[0].NamePos, "parameters cannot have default values in calc: define %s with plain names", name.Name)
	}
	for _, a := range c.Args {
		id, ok := a.(*Ident)
		if !ok {
			if _, number := a.(*Num); number {
				p.fail(a.Pos(), "a function's parameters must be names, as in %s(x, y) = ...; an element is set with brackets, from 0: %s[0] = ... (Octave's %s(1))", name.Name, name.Name, name.Name)
			}
			p.fail(a.Pos(), "a function's parameters must be names, as in %s(x, y) = ...", name.Name)
		}
		def.Params = append(def.Params, id.Name)
		def.ParamPos = append(def.ParamPos, id.At)
	}
	return def
}

// checkTarget fails unless e can be assigned to: a name, an element or a
// field of a name, or (when tuples are allowed) several of them.
func (p *parser) checkTarget(e Expr, tuples bool) {
	switch n := e.(type) {
	case *Ident:
		return
	case *Index:
		p.checkTarget(n.X, false)
		return
	case *Member:
		p.checkTarget(n.X, false)
		return
	case *Tuple:
		if tuples && len(n.Items) > 0 {
			for _, it := range n.Items {
				p.checkTarget(it, false)
			}
			return
		}
	case *Call:
		p.fail(e.Pos(), "cannot assign to the result of a call (a function definition names its parameters: f(x, y) = ...)")
	case *List:
		if tuples {
			p.fail(e.Pos(), "calc unpacks into names without brackets: a, b = ... (Octave's [a, b] = ...)")
		}
	}
	p.fail(e.Pos(), "only a name, an element a[i], a field r.x, or a function heading such as f(x, y) can be assigned (use == to compare)")
}

// exprList parses expr {"," expr}: two or more make a tuple, as in
// a, b = b, a.
func (p *parser) exprList() Expr {
	first := p.expr()
	if !p.is(",") {
		return first
	}
	t := &Tuple{At: first.Pos(), Items: []Expr{first}}
	for p.is(",") {
		p.next()
		if k := p.tok().Kind; k == Newline || k == EOF || k == Semicolon || p.is("=") {
			break
		}
		if p.is("*") {
			p.fail(p.tok().Pos, "calc has no starred unpacking: take the parts by slicing, as in a = xs[0]; rest = xs[1:]")
		}
		t.Items = append(t.Items, p.expr())
	}
	return t
}

// expr parses a full expression: a lambda, or a pipe chain.
func (p *parser) expr() Expr {
	p.nest()
	defer p.unnest()
	if params, pos, ok := p.lambdaParams(); ok {
		arrow := p.expect("->")
		p.node()
		return &Lambda{At: arrow.Pos, Params: params, ParamPos: pos, Body: p.expr()}
	}
	x := p.ternary()
	for p.is("|") {
		bar := p.next()
		rhs := p.ternary()
		call, ok := rhs.(*Call)
		if !ok {
			p.fail(bar.Pos, "the right side of | must be a call, as in xs | map(f) (| binds more loosely than any operator: (xs | sum()) > 10); for an elementwise or, write a or b")
		}
		p.node()
		x = &Call{At: call.At, Fn: call.Fn, Args: append([]Expr{x}, call.Args...), Keywords: call.Keywords}
	}
	return x
}

// lambdaParams recognises the parameters of a lambda, x -> or (a, b) ->,
// and consumes them.
func (p *parser) lambdaParams() ([]string, []int, bool) {
	t := p.tok()
	if t.Kind == Name && p.peek(1).Kind == Op && p.peek(1).Text == "->" {
		p.next()
		return []string{t.Text}, []int{t.Pos}, true
	}
	if !p.is("(") {
		return nil, nil, false
	}
	var names []string
	var pos []int
	k := 1
	for {
		t := p.peek(k)
		if t.Kind == Op && t.Text == ")" {
			break
		}
		if t.Kind != Name {
			return nil, nil, false
		}
		names, pos = append(names, t.Text), append(pos, t.Pos)
		k++
		if t := p.peek(k); t.Kind == Op && t.Text == "," {
			k++
			continue
		}
		if t := p.peek(k); !(t.Kind == Op && t.Text == ")") {
			return nil, nil, false
		}
	}
	if arrow := p.peek(k + 1); !(arrow.Kind == Op && arrow.Text == "->") {
		return nil, nil, false
	}
	p.i += k + 1
	if names == nil {
		names = []string{}
	}
	return names, pos, true
}

func (p *parser) ternary() Expr {
	cond := p.or()
	if t := p.tok(); t.Kind == Name && t.Text == "if" {
		p.fail(t.Pos, "calc writes a conditional as c ? a : b, or if c { a } else { b } (not Python's a if c else b)")
	}
	if !p.is("?") {
		return cond
	}
	q := p.next()
	p.nest()
	defer p.unnest()
	then := p.ternary()
	p.expect(":")
	p.node()
	return &Cond{At: q.Pos, Test: cond, Then: then, Else: p.ternary()}
}

func (p *parser) or() Expr {
	x := p.and()
	for p.is("or") || p.is("||") {
		t := p.next()
		p.node()
		x = &Binary{At: t.Pos, Op: "or", X: x, Y: p.and()}
	}
	return x
}

func (p *parser) and() Expr {
	x := p.not()
	for p.is("and") || p.is("&&") {
		t := p.next()
		p.node()
		x = &Binary{At: t.Pos, Op: "and", X: x, Y: p.not()}
	}
	return x
}

func (p *parser) not() Expr {
	if p.is("not") || p.is("!") {
		t := p.next()
		p.nest()
		defer p.unnest()
		p.node()
		return &Unary{At: t.Pos, Op: "not", X: p.not()}
	}
	return p.compare()
}

var comparisons = map[string]bool{"==": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true}

func (p *parser) compare() Expr {
	x := p.sum()
	for {
		t := p.tok()
		switch {
		case t.Kind == Name && t.Text == "in":
			p.next()
			p.node()
			x = &Binary{At: t.Pos, Op: "in", X: x, Y: p.sum()}
			continue
		case t.Kind == Name && t.Text == "is":
			p.fail(t.Pos, "calc has no is: compare values with == (x == nil for None)")
		case t.Kind == Op && comparisons[t.Text]:
			c := &Compare{Operands: []Expr{x}}
			for t := p.tok(); t.Kind == Op && comparisons[t.Text]; t = p.tok() {
				p.next()
				if (t.Text == "<" || t.Text == ">") && p.is(t.Text) && p.tok().Pos == t.Pos+1 {
					p.fail(t.Pos, "calc has no shift operators: write x * 2**k for x << k, and x // 2**k for x >> k")
				}
				p.node()
				c.Ops = append(c.Ops, t.Text)
				c.OpPos = append(c.OpPos, t.Pos)
				c.Operands = append(c.Operands, p.sum())
			}
			x = c
			continue
		}
		return x
	}
}

func (p *parser) sum() Expr {
	x := p.product()
	for p.is("+") || p.is("-") {
		t := p.next()
		if q := p.tok(); q.Kind == Op && q.Text == t.Text && q.Pos == t.Pos+1 && endsOperand(p.peek(1)) {
			p.fail(t.Pos, "calc has no %s%s operator: write x %s= 1", t.Text, t.Text, t.Text)
		}
		p.node()
		x = &Binary{At: t.Pos, Op: t.Text, X: x, Y: p.product()}
	}
	return x
}

// endsOperand reports whether t cannot start an operand: the end of the
// statement or a closing bracket or separator, as after C's x++.
func endsOperand(t Token) bool {
	switch t.Kind {
	case EOF, Newline:
		return true
	case Op:
		return strings.Contains(";,)]}", t.Text)
	}
	return false
}

func (p *parser) product() Expr {
	x := p.unary()
	for {
		t := p.tok()
		if t.Kind != Op {
			return x
		}
		switch t.Text {
		case "*", "/", "//", "%", "@":
			p.next()
			p.node()
			x = &Binary{At: t.Pos, Op: t.Text, X: x, Y: p.unary()}
		case "&":
			p.fail(t.Pos, "calc has no & operator: write a and b (elementwise on arrays)")
		case "~":
			if nt := p.peek(1); nt.Text == "=" && !nt.Space {
				p.fail(t.Pos, "calc writes != for not equal (Octave's ~=)")
			}
			p.fail(t.Pos, "calc has no ~ operator: write not a (elementwise on arrays)")
		default:
			return x
		}
	}
}

func (p *parser) unary() Expr {
	if p.is("-") || p.is("+") {
		t := p.next()
		p.nest()
		defer p.unnest()
		p.node()
		return &Unary{At: t.Pos, Op: t.Text, X: p.unary()}
	}
	if p.is("~") {
		p.fail(p.tok().Pos, "calc has no ~ operator: write not a (elementwise on arrays)")
	}
	return p.power()
}

func (p *parser) power() Expr {
	x := p.postfix()
	if p.is("**") || p.is("^") {
		t := p.next()
		p.nest()
		defer p.unnest()
		p.node()
		return &Binary{At: t.Pos, Op: t.Text, X: x, Y: p.unary()}
	}
	return x
}

func (p *parser) postfix() Expr {
	x := p.primary()
	for {
		t := p.tok()
		if t.Kind != Op {
			return x
		}
		switch t.Text {
		case "(":
			p.next()
			p.node()
			c := &Call{At: t.Pos, Fn: x}
			p.arguments(c)
			x = c
		case "[":
			if _, list := x.(*List); list && t.Space {
				p.fail(t.Pos, "a comma is missing before this [: a list followed by [...] is indexed by it; rows are separated by commas, as [[1, 2], [3, 4]]")
			}
			p.next()
			p.node()
			ix := &Index{At: t.Pos, X: x}
			for !p.is("]") {
				ix.Items = append(ix.Items, p.indexItem())
				if !p.is(",") {
					break
				}
				p.next()
			}
			p.expect("]")
			if len(ix.Items) == 0 {
				p.fail(t.Pos, "an index needs at least one item, as in a[0]")
			}
			if tup, ok := ix.Items[0].(*Tuple); ok && len(ix.Items) == 1 && len(tup.Items) > 0 {
				p.fail(tup.At, "numpy reads a[(i, j)] as a[i, j]: calc writes a[i, j], or a[[i, j]] for the items at i and j")
			}
			x = ix
		case ".":
			p.next()
			name := p.tok()
			if name.Kind != Name {
				if spelling, ok := octaveDotOps[name.Text]; ok && !name.Space {
					p.fail(t.Pos, "calc's arithmetic is elementwise already: write %s (Octave's .%s)", spelling, name.Text)
				}
				p.unexpected("a field name after .")
			}
			p.next()
			p.node()
			x = &Member{At: t.Pos, X: x, Name: name.Text, NamePos: name.Pos}
		default:
			return x
		}
	}
}

// arguments parses a call's arguments after its "(": positional ones,
// then name=value keywords.
func (p *parser) arguments(c *Call) {
	if p.is(":") && p.peek(1).Text == ")" {
		p.fail(p.tok().Pos, "calc indexes with brackets: a[:] (Octave's A(:), the elements column by column, is flatten(a.T))")
	}
	p.nest()
	defer p.unnest()
	for !p.is(")") {
		if t := p.tok(); t.Kind == Name && p.peek(1).Kind == Op && p.peek(1).Text == "=" {
			p.i += 2
			for _, k := range c.Keywords {
				if k.Name == t.Text {
					p.fail(t.Pos, "keyword argument %s is given twice", t.Text)
				}
			}
			c.Keywords = append(c.Keywords, Field{Name: t.Text, NamePos: t.Pos, Value: p.expr()})
		} else {
			if len(c.Keywords) > 0 {
				p.fail(p.tok().Pos, "a positional argument cannot follow keyword arguments")
			}
			if p.is("*") || p.is("**") {
				p.fail(p.tok().Pos, "calc has no argument unpacking with * or **; pass the list or the options record itself")
			}
			a := p.expr()
			if t := p.tok(); t.Kind == Name && t.Text == "for" {
				p.fail(t.Pos, "calc has no generator expressions: use map(x -> ..., xs) and filter")
			}
			c.Args = append(c.Args, a)
		}
		if !p.is(",") {
			break
		}
		p.next()
	}
	p.expect(")")
}

// indexItem parses one item of an index: an expression or a slice.
func (p *parser) indexItem() Expr {
	at := p.tok().Pos
	if p.is(".") && p.peek(1).Text == "." {
		p.fail(at, "calc has no ... in an index: write each axis, as a[:, 0] or a[:, :, 0]")
	}
	if t := p.tok(); t.Kind == Name && t.Text == "end" {
		p.fail(at, "calc counts from the end with negative indices: a[-1] is the last item, a[-2] the one before (Octave's a(end), a(end-1))")
	}
	var lo Expr
	if !p.is(":") {
		lo = p.expr()
		if !p.is(":") {
			return lo
		}
	}
	p.next()
	s := &Slice{At: at, Lo: lo}
	p.node()
	if !p.is(":") && !p.is(",") && !p.is("]") {
		s.Hi = p.expr()
	}
	if p.is(":") {
		p.next()
		if !p.is(",") && !p.is("]") {
			s.Step = p.expr()
		}
	}
	return s
}

// keywordConst maps the words that are constants to their calc names;
// Python's spellings are accepted too.
var keywordConst = map[string]string{"true": "true", "false": "false", "nil": "nil",
	"True": "true", "False": "false", "None": "nil"}

// Keywords are the words that cannot be names.
var Keywords = map[string]bool{"true": true, "false": true, "nil": true, "True": true, "False": true, "None": true,
	"let": true, "if": true, "else": true, "and": true, "or": true, "not": true, "in": true}

func (p *parser) primary() Expr {
	t := p.tok()
	p.node()
	switch t.Kind {
	case Number, Imag:
		p.next()
		return &Num{At: t.Pos, Value: t.Num, Text: t.Text, Imag: t.Kind == Imag}
	case String:
		p.next()
		return &Str{At: t.Pos, Value: t.Text}
	case Name:
		if c, ok := keywordConst[t.Text]; ok {
			p.next()
			return &Const{At: t.Pos, Name: c}
		}
		switch t.Text {
		case "if":
			return p.ifExpr()
		case "let":
			return p.let()
		}
		p.foreignWord(t)
		if nt := p.peek(1); nt.Kind == String && !nt.Space && isStringPrefix(t.Text) {
			p.fail(t.Pos, "calc has no f-strings or string prefixes: join text with +, as in \"x = \" + str(x)")
		}
		p.next()
		return &Ident{At: t.Pos, Name: t.Text}
	case Op:
		switch t.Text {
		case "(":
			return p.paren()
		case "[":
			return p.list()
		case "{":
			return p.record()
		case "@":
			if nt := p.peek(1); nt.Text == "(" && !nt.Space {
				p.fail(t.Pos, "calc writes a function of x as x -> x**2, or (x, y) -> x*y (Octave's @(x) ...)")
			}
		}
	}
	p.unexpected("an expression")
	return nil
}

// octaveDotOps are Octave's elementwise operators after their dot, with
// calc's spelling.
var octaveDotOps = map[string]string{"*": "a * b", "/": "a / b", "^": "a ** b", "**": "a ** b"}

func isStringPrefix(s string) bool {
	switch strings.ToLower(s) {
	case "f", "r", "b", "rf", "fr", "rb", "br", "u":
		return true
	}
	return false
}

func (p *parser) ifExpr() Expr {
	t := p.next()
	p.nest()
	defer p.unnest()
	c := &Cond{At: t.Pos, If: true, Test: p.expr()}
	if p.is(":") || p.is(",") || p.tok().Kind == Newline {
		p.fail(p.tok().Pos, "calc writes if c { a } else { b }, with braces (or c ? a : b)")
	}
	p.expect("{")
	c.Then = p.expr()
	p.expect("}")
	if !p.is("else") {
		p.unexpected(`"else": an if expression needs both branches, if c { a } else { b }`)
	}
	p.next()
	if p.is("if") {
		c.Else = p.ifExpr()
		return c
	}
	p.expect("{")
	c.Else = p.expr()
	p.expect("}")
	return c
}

func (p *parser) let() Expr {
	l := &Let{At: p.next().Pos}
	for {
		name := p.tok()
		if name.Kind != Name || Keywords[name.Text] {
			p.unexpected("a name after let")
		}
		p.next()
		l.Names = append(l.Names, name.Text)
		l.NamePos = append(l.NamePos, name.Pos)
		if !p.is(",") {
			break
		}
		p.next()
	}
	p.expect("=")
	p.nest()
	defer p.unnest()
	l.Value = p.expr()
	if p.tok().Kind != Semicolon {
		p.unexpected(`";" between let's value and its body, as in let y = 2; y*y`)
	}
	p.next()
	for p.tok().Kind == Newline {
		p.next()
	}
	l.Body = p.expr()
	return l
}

// paren parses (expr) or a tuple (a, b, ...).
func (p *parser) paren() Expr {
	open := p.next()
	p.nest()
	defer p.unnest()
	if p.is(")") {
		p.next()
		return &Tuple{At: open.Pos, Items: []Expr{}}
	}
	first := p.expr()
	if t := p.tok(); t.Kind == Name && t.Text == "for" {
		p.fail(t.Pos, "calc has no generator expressions: use map(x -> ..., xs) and filter")
	}
	if !p.is(",") {
		p.expect(")")
		return first
	}
	tup := &Tuple{At: open.Pos, Items: []Expr{first}}
	for p.is(",") {
		p.next()
		if p.is(")") {
			break
		}
		tup.Items = append(tup.Items, p.expr())
	}
	p.expect(")")
	return tup
}

func (p *parser) list() Expr {
	open := p.next()
	p.nest()
	defer p.unnest()
	l := &List{At: open.Pos, Items: []Expr{}}
	for !p.is("]") {
		item := p.expr()
		if t := p.tok(); t.Kind == Name && t.Text == "for" {
			p.comprehension(item, t)
		}
		l.Items = append(l.Items, item)
		if !p.is(",") {
			if k := p.tok().Kind; k == Number || k == Name || k == Imag {
				p.fail(p.tok().Pos, "list items are separated by commas, as [1, 2, 3] (Octave's [1 2 3] is not calc)")
			}
			if p.tok().Kind == Semicolon {
				p.fail(p.tok().Pos, "calc writes a matrix as a list of its rows: [[1, 2], [3, 4]] (Octave's [1, 2; 3, 4])")
			}
			break
		}
		p.next()
	}
	p.expect("]")
	return l
}

// comprehension fails on a Python list comprehension, showing calc's
// spelling of it.
func (p *parser) comprehension(item Expr, forTok Token) {
	p.next()
	v := p.tok()
	hint := "map(x -> ..., xs)"
	if v.Kind == Name && p.peek(1).Kind == Name && p.peek(1).Text == "in" {
		p.i += 2
		coll := p.or()
		lam := Print(&Lambda{Params: []string{v.Text}, Body: item})
		hint = "map(" + lam + ", " + Print(coll) + ")"
		if p.is("if") {
			p.next()
			cond := p.or()
			hint = "map(" + lam + ", filter(" + Print(&Lambda{Params: []string{v.Text}, Body: cond}) + ", " + Print(coll) + "))"
		}
		if id, ok := item.(*Ident); ok && id.Name == v.Text {
			hint = strings.Replace(hint, "map("+lam+", ", "", 1)
			hint = hint[:len(hint)-1]
		}
	}
	p.fail(forTok.Pos, "calc has no list comprehensions: write %s", hint)
}

func (p *parser) record() Expr {
	open := p.next()
	p.nest()
	defer p.unnest()
	r := &Record{At: open.Pos}
	for !p.is("}") {
		var f Field
		t := p.tok()
		switch {
		case t.Kind == Name || t.Kind == String:
			p.next()
			f.Name, f.NamePos = t.Text, t.Pos
		case t.Kind == Op && t.Text == "(":
			f.NamePos = t.Pos
			f.Key = p.paren()
		default:
			p.unexpected("a field name")
		}
		if !p.is(":") {
			if p.is(",") || p.is("}") {
				p.fail(p.tok().Pos, "calc has no sets: a record's fields are name: value pairs")
			}
			p.unexpected(`":" after the field name`)
		}
		p.next()
		f.Value = p.expr()
		for _, g := range r.Fields {
			if g.Key == nil && f.Key == nil && g.Name == f.Name {
				p.fail(f.NamePos, "field %s appears twice in this record", f.Name)
			}
		}
		r.Fields = append(r.Fields, f)
		if !p.is(",") {
			break
		}
		p.next()
	}
	p.expect("}")
	return r
}

// foreignStatement fails on statements written in Python, Octave or
// MATLAB that calc spells otherwise.
func (p *parser) foreignStatement() {
	t := p.tok()
	if t.Kind != Name {
		return
	}
	next := p.peek(1)
	switch t.Text {
	case "def":
		p.fail(t.Pos, "calc defines functions as f(x, y) = expression (no def, no return)")
	case "for", "while":
		p.fail(t.Pos, "calc has no %s loops: use map(f, xs), filter, reduce or iterate over range(...)", t.Text)
	case "import", "from":
		p.fail(t.Pos, "calc needs no import: numpy's and scipy's functions are built in (np.sin is sin); help() lists them")
	case "return":
		p.fail(t.Pos, "a calc function's body is its value: f(x) = expression, with no return")
	case "function":
		if next.Kind == Name || (next.Kind == Op && next.Text == "[") {
			p.fail(t.Pos, "calc defines functions as f(x, y) = expression (Octave's function ... end is not calc)")
		}
	case "print", "disp", "fprintf":
		if next.Kind == String || next.Kind == Name || next.Kind == Number {
			p.fail(t.Pos, "calc prints with parentheses: print(x) (a bare expression's value is printed too)")
		}
	case "switch", "case", "otherwise", "endif", "endfor", "endwhile", "elseif":
		if next.Kind == Name || next.Kind == String || next.Kind == Number {
			p.fail(t.Pos, "%s is not calc: calc writes a choice as c ? a : b, or if c { a } else { b }", t.Text)
		}
	case "class", "elif", "with", "try", "except", "pass", "del", "global", "end", "endfunction":
		if next.Kind != Op || (next.Text != "=" && next.Text != "(") {
			p.fail(t.Pos, "%s is not calc: help(\"syntax\") shows the grammar", t.Text)
		}
	}
}

// foreignWord fails on a Python keyword inside an expression.
func (p *parser) foreignWord(t Token) {
	switch t.Text {
	case "lambda": // Python's lambda x: ..., or else the Greek letter, a name like any other
		if next := p.peek(1); next.Kind == Name || next.Text == ":" {
			p.fail(t.Pos, "calc writes lambdas with an arrow: x -> x**2, (a, b) -> a*b (not lambda x: ...)")
		}
	case "else", "and", "or", "in":
		p.unexpected("an expression")
	}
}
