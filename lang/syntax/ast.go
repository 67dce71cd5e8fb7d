package syntax

// Expr is an expression node. Pos is the rune offset an error about the
// node points at: an operator for operations, the opening bracket for
// calls and indexing, the first character for literals and names.
type Expr interface {
	Pos() int
	expr()
}

// Stmt is a statement node.
type Stmt interface {
	Pos() int
	stmt()
}

type (
	// Num is a number literal.
	Num struct {
		At    int
		Value float64
		Text  string // as written, for printing
		Imag  bool   // written with a j suffix
	}
	// Str is a string literal.
	Str struct {
		At    int
		Value string
	}
	// Ident is a name.
	Ident struct {
		At   int
		Name string
	}
	// Const is true, false or nil (also spelt True, False, None).
	Const struct {
		At   int
		Name string // "true", "false" or "nil"
	}
	// Unary is -x, +x or not x.
	Unary struct {
		At int
		Op string // "-", "+", "not"
		X  Expr
	}
	// Binary is x op y for an arithmetic operator or and/or.
	Binary struct {
		At   int
		Op   string // "+", "-", "*", "/", "//", "%", "@", "**", "^" (also power), "and", "or", "in"
		X, Y Expr
	}
	// Compare is a chain of comparisons, a < b <= c, which means
	// a < b and b <= c (with b evaluated once), as in Python.
	Compare struct {
		Ops      []string // "==", "!=", "<", "<=", ">", ">="
		OpPos    []int
		Operands []Expr // len(Ops) + 1
	}
	// Cond is c ? a : b, or if c { a } else { b } when If is set.
	Cond struct {
		At               int
		If               bool
		Test, Then, Else Expr
	}
	// Let is let name = value; body, or let a, b = value; body, which
	// unpacks value as an assignment to a, b does.
	Let struct {
		At      int
		Names   []string
		NamePos []int
		Value   Expr
		Body    Expr
	}
	// Call is fn(args, name=value...). Keyword arguments are options: they
	// mean a trailing record {name: value, ...}.
	Call struct {
		At       int // the opening parenthesis
		Fn       Expr
		Args     []Expr
		Keywords []Field
	}
	// Index is x[items], numpy style: each item is an expression or a
	// Slice.
	Index struct {
		At    int // the opening bracket
		X     Expr
		Items []Expr
	}
	// Slice is lo:hi:step inside an index; absent parts are nil.
	Slice struct {
		At           int
		Lo, Hi, Step Expr
	}
	// Member is x.name.
	Member struct {
		At      int // the dot
		X       Expr
		Name    string
		NamePos int
	}
	// List is [a, b, ...]: an array of numbers, or a list of anything.
	List struct {
		At    int
		Items []Expr
	}
	// Tuple is (a, b, ...) or a, b on the left of an assignment: it is
	// made like a List.
	Tuple struct {
		At    int
		Items []Expr
	}
	// Record is {name: value, "key": value, (expr): value}.
	Record struct {
		At     int
		Fields []Field
	}
	// Lambda is params -> body.
	Lambda struct {
		At       int // the arrow
		Params   []string
		ParamPos []int
		Body     Expr
	}
)

// Field is one name: value pair of a record, or a keyword argument. Key
// is set when the name is computed: {(expr): value}.
type Field struct {
	Name    string
	NamePos int
	Key     Expr
	Value   Expr
}

type (
	// ExprStmt is a bare expression; its value is printed unless Quiet
	// (a trailing semicolon).
	ExprStmt struct {
		X     Expr
		Quiet bool
	}
	// Assign is target = value, or target op= value for an augmented
	// assignment (Op "+", "-", "*", "/"). A Tuple target unpacks.
	Assign struct {
		At     int // the = sign
		Target Expr
		Op     string
		Value  Expr
		Quiet  bool
	}
	// Def is name(params) = body.
	Def struct {
		NamePos  int
		Name     string
		Params   []string
		ParamPos []int
		Body     Expr
		Quiet    bool
	}
)

func (n *Num) Pos() int     { return n.At }
func (n *Str) Pos() int     { return n.At }
func (n *Ident) Pos() int   { return n.At }
func (n *Const) Pos() int   { return n.At }
func (n *Unary) Pos() int   { return n.At }
func (n *Binary) Pos() int  { return n.At }
func (n *Compare) Pos() int { return n.OpPos[0] }
func (n *Cond) Pos() int    { return n.At }
func (n *Let) Pos() int     { return n.At }
func (n *Call) Pos() int    { return n.Fn.Pos() }
func (n *Index) Pos() int   { return n.At }
func (n *Slice) Pos() int   { return n.At }
func (n *Member) Pos() int  { return n.NamePos }
func (n *List) Pos() int    { return n.At }
func (n *Tuple) Pos() int   { return n.At }
func (n *Record) Pos() int  { return n.At }
func (n *Lambda) Pos() int  { return n.At }

func (*Num) expr()     {}
func (*Str) expr()     {}
func (*Ident) expr()   {}
func (*Const) expr()   {}
func (*Unary) expr()   {}
func (*Binary) expr()  {}
func (*Compare) expr() {}
func (*Cond) expr()    {}
func (*Let) expr()     {}
func (*Call) expr()    {}
func (*Index) expr()   {}
func (*Slice) expr()   {}
func (*Member) expr()  {}
func (*List) expr()    {}
func (*Tuple) expr()   {}
func (*Record) expr()  {}
func (*Lambda) expr()  {}

func (n *ExprStmt) Pos() int { return n.X.Pos() }
func (n *Assign) Pos() int   { return n.Target.Pos() }
func (n *Def) Pos() int      { return n.NamePos }

func (*ExprStmt) stmt() {}
func (*Assign) stmt()   {}
func (*Def) stmt()      {}

// Walk calls f for e and, while f returns true, for each expression inside
// it, depth first.
func Walk(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	walk := func(es ...Expr) {
		for _, x := range es {
			Walk(x, f)
		}
	}
	switch n := e.(type) {
	case *Unary:
		walk(n.X)
	case *Binary:
		walk(n.X, n.Y)
	case *Compare:
		walk(n.Operands...)
	case *Cond:
		walk(n.Test, n.Then, n.Else)
	case *Let:
		walk(n.Value, n.Body)
	case *Call:
		walk(n.Fn)
		walk(n.Args...)
		for _, k := range n.Keywords {
			walk(k.Value)
		}
	case *Index:
		walk(n.X)
		walk(n.Items...)
	case *Slice:
		walk(n.Lo, n.Hi, n.Step)
	case *Member:
		walk(n.X)
	case *List:
		walk(n.Items...)
	case *Tuple:
		walk(n.Items...)
	case *Record:
		for _, fd := range n.Fields {
			walk(fd.Key, fd.Value)
		}
	case *Lambda:
		walk(n.Body)
	}
}
