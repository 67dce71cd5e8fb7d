// Package syntax is calc's front end: a scanner that turns source text into
// tokens, a parser that builds statements and expressions from them, and a
// printer that writes a tree back as source.
//
// Text flows one way: Scan reads the whole source once (statements end at
// the end of a line unless a bracket is open, `#` starts a comment outside
// strings), Parse builds a []Stmt whose every node carries the rune offset
// it came from, and the interpreter in package lang compiles those trees
// into closures. Nothing re-scans text to find a position.
//
// The grammar, loosest binding first:
//
//	stmt     = expr [";"] | target ("=" | "+=" | "-=" | "*=" | "/=" | "**=" | "//=" | "%=" | "@=") expr
//	         | name "(" [names] ")" "=" expr
//	target   = name | target "[" items "]" | target "." name | target {"," target}
//	expr     = lambda | pipe
//	lambda   = (name | "(" [names] ")") "->" expr
//	pipe     = ternary {"|" call}                     xs | f(a) is f(xs, a)
//	ternary  = or ["?" expr ":" expr]
//	or       = and {("or" | "||") and}
//	and      = not {("and" | "&&") not}
//	not      = ("not" | "!") not | compare
//	compare  = sum {("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") sum}
//	sum      = product {("+" | "-") product}
//	product  = unary {("*" | "/" | "//" | "%" | "@") unary}
//	unary    = ("-" | "+") unary | power
//	power    = postfix [("**" | "^") unary]
//	postfix  = primary {"(" args ")" | "[" items "]" | "." name}
//	primary  = number | string | name | "true" | "false" | "nil"
//	         | "(" expr ")" | "(" [expr {"," expr} [","]] ")" | "[" [exprs] "]"
//	         | "{" [field {"," field}] "}" | "if" expr "{" expr "}" "else" ("{" expr "}" | if)
//	         | "let" name {"," name} "=" expr ";" expr
package syntax

import "fmt"

// Kind is the kind of a token.
type Kind uint8

// The kinds of token.
const (
	EOF Kind = iota
	Newline
	Semicolon
	Number
	Imag // a number with a j suffix: 2j
	String
	Name
	Op // an operator or a bracket; the token's Text says which
)

var kindNames = [...]string{EOF: "end of input", Newline: "end of line", Semicolon: `";"`,
	Number: "number", Imag: "imaginary number", String: "string", Name: "name", Op: "operator"}

// String returns the kind's name as messages show it.
func (k Kind) String() string { return kindNames[k] }

// Token is one token: its kind, its text as written, and where it starts.
type Token struct {
	Text string  // as written; for strings, the decoded value
	Num  float64 // the value of a Number or Imag
	Pos  int     // rune offset of the first character in the source
	Kind Kind
	// Space says that white space (or a comment) came before the token, so
	// that a'  can be told from a '...' string and f"..." from f "...".
	Space bool
}

// describe names a token for "unexpected ..." messages.
func (t Token) describe() string {
	switch t.Kind {
	case EOF, Newline:
		return t.Kind.String()
	case String:
		return "string " + fmt.Sprintf("%q", t.Text)
	case Number, Imag:
		return "number " + t.Text
	case Name:
		return "name " + fmt.Sprintf("%q", t.Text)
	}
	return fmt.Sprintf("%q", t.Text)
}

// Error is a syntax error: a message and the rune offset it points at.
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%d: %s", e.Pos, e.Msg) }

func errorf(pos int, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}
