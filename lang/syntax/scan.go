package syntax

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scan turns source text into tokens, in one pass. Newlines inside brackets
// are white space; at the top level they end statements and become Newline
// tokens. Comments run from `#` to the end of the line. The last token is
// EOF. A malformed token, or a bracket still open at the end, is an error
// at its position.
func Scan(text string) ([]Token, error) {
	sc := scanner{text: text, toks: make([]Token, 0, len(text)/2+8)}
	for {
		t, err := sc.next()
		if err != nil {
			return sc.toks, err
		}
		sc.toks = append(sc.toks, t)
		if t.Kind == EOF {
			return sc.toks, nil
		}
	}
}

// Incomplete reports whether text ends inside an open bracket or a
// backquoted string, so that a REPL should read another line before
// running it.
func Incomplete(text string) bool {
	var c Continuation
	return c.Add(text)
}

// Continuation tells a REPL, line after line, whether the statement typed
// so far goes on: it keeps the open brackets and whether a backquoted
// string is open, so each line is scanned once however many came before
// (rescanning the whole pending text made pasting a long literal
// quadratic). The zero Continuation starts a statement.
type Continuation struct{ sc scanner }

// Add scans the next piece of the statement (a line with its newline)
// and reports whether the text so far ends inside an open bracket or a
// backquoted string, as Incomplete would for all of it. After it reports
// false the statement is done, and Reset starts the next one.
func (c *Continuation) Add(text string) bool {
	sc := &c.sc
	if sc.inRaw {
		end := strings.IndexByte(text, '`')
		if end < 0 {
			return true
		}
		text = text[end+1:]
		sc.inRaw = false
		sc.toks = append(sc.toks[:0], Token{Kind: String})
	}
	sc.text, sc.off, sc.eofInside = text, 0, false
	if n := len(sc.toks); n > 1 {
		sc.toks = sc.toks[n-1:] // afterOperand looks at the last token only
	}
	for {
		t, err := sc.next()
		if err != nil {
			return sc.eofInside
		}
		if t.Kind == EOF {
			return false
		}
		sc.toks = append(sc.toks, t)
	}
}

// Reset makes c ready for the next statement.
func (c *Continuation) Reset() { *c = Continuation{} }

type scanner struct {
	text  string
	off   int // byte offset
	pos   int // rune offset of off
	open  []Token
	toks  []Token
	space bool
	// eofInside says the text ended inside a bracket or a raw string;
	// inRaw, inside a raw string.
	eofInside, inRaw bool
}

// peekByte returns the byte k after the current one, or 0 past the end.
func (sc *scanner) peekByte(k int) byte {
	if sc.off+k < len(sc.text) {
		return sc.text[sc.off+k]
	}
	return 0
}

func (sc *scanner) advance(nbytes int) {
	sc.pos += utf8.RuneCountInString(sc.text[sc.off : sc.off+nbytes])
	sc.off += nbytes
}

// operators lists the operator tokens, longest first so that ** is not
// read as two *.
var operators = []string{"**=", "//=", "%=", "@=", "**", "//", "==", "!=", "<=", ">=", "&&", "||", "->", "+=", "-=", "*=", "/=",
	"+", "-", "*", "/", "%", "^", "@", "<", ">", "=", "!", "?", ":", ",", ".", "|", "&",
	"(", ")", "[", "]", "{", "}", "~"}

func (sc *scanner) next() (Token, error) {
	sc.space = false
	for sc.off < len(sc.text) {
		c := sc.text[sc.off]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			sc.advance(1)
			sc.space = true
			continue
		case c == '\\' && (sc.peekByte(1) == '\n' || sc.peekByte(1) == '\r' && sc.peekByte(2) == '\n'):
			// A backslash at the end of a line continues the statement, as
			// in Python.
			sc.advance(strings.IndexByte(sc.text[sc.off:], '\n') + 1)
			sc.space = true
			continue
		case c == '#':
			end := strings.IndexByte(sc.text[sc.off:], '\n')
			if end < 0 {
				end = len(sc.text) - sc.off
			}
			sc.advance(end)
			sc.space = true
			continue
		case c == '\n':
			if len(sc.open) > 0 {
				sc.advance(1)
				sc.space = true
				continue
			}
			t := Token{Kind: Newline, Text: "\n", Pos: sc.pos, Space: sc.space}
			sc.advance(1)
			return t, nil
		}
		break
	}
	start := sc.pos
	if sc.off >= len(sc.text) {
		if n := len(sc.open); n > 0 {
			sc.eofInside = true
			b := sc.open[n-1]
			msg := "unclosed '" + b.Text + "'"
			if strings.Contains(sc.text, "#") {
				msg += " (# starts a comment in calc: the rest of its line is not read)"
			}
			return Token{}, errorf(b.Pos, "%s", msg)
		}
		return Token{Kind: EOF, Pos: start, Space: sc.space}, nil
	}
	c := sc.text[sc.off]
	switch {
	case c == ';':
		sc.advance(1)
		return Token{Kind: Semicolon, Text: ";", Pos: start, Space: sc.space}, nil
	case isDigit(c) || (c == '.' && isDigit(sc.peekByte(1))):
		return sc.number()
	case c == '"' || c == '\'' || c == '`':
		if c == '\'' && !sc.space && sc.afterOperand() {
			return Token{}, errorf(start, "calc has no ' operator: transpose with .T, as in a.T")
		}
		return sc.str()
	}
	r, n := utf8.DecodeRuneInString(sc.text[sc.off:])
	if r == '_' || unicode.IsLetter(r) {
		end := sc.off + n
		for end < len(sc.text) {
			r, n := utf8.DecodeRuneInString(sc.text[end:])
			if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			end += n
		}
		word := sc.text[sc.off:end]
		sc.advance(end - sc.off)
		return Token{Kind: Name, Text: word, Pos: start, Space: sc.space}, nil
	}
	for _, op := range operators {
		if op[0] == c && strings.HasPrefix(sc.text[sc.off:], op) {
			t := Token{Kind: Op, Text: op, Pos: start, Space: sc.space}
			switch op {
			case "(", "[", "{":
				sc.open = append(sc.open, t)
			case ")", "]", "}":
				if k := len(sc.open); k > 0 {
					if want := closer(sc.open[k-1].Text); want != op {
						return Token{}, errorf(start, "%q closes '%s' opened at column %d; expected %q", op, sc.open[k-1].Text, column(sc.text, sc.open[k-1].Pos), want)
					}
					sc.open = sc.open[:k-1]
				} else {
					return Token{}, errorf(start, "unexpected %q: no bracket is open", op)
				}
			}
			sc.advance(len(op))
			return t, nil
		}
	}
	if r == '\\' {
		return Token{}, errorf(start, "calc has no \\ operator: solve A·x = b with solve(A, b) (Octave's A\\b), or lstsq(A, b) when A is not square")
	}
	return Token{}, errorf(start, "unexpected character %q", r)
}

// column returns the 1-based column of a rune offset within its line.
func column(text string, pos int) int {
	col := 1
	for i, r := range []rune(text) {
		if i == pos {
			break
		}
		col++
		if r == '\n' {
			col = 1
		}
	}
	return col
}

func closer(open string) string {
	switch open {
	case "(":
		return ")"
	case "[":
		return "]"
	}
	return "}"
}

// afterOperand reports whether the previous token ends an operand, so that a
// quote right after it is Octave's transpose rather than a string.
func (sc *scanner) afterOperand() bool {
	if len(sc.toks) == 0 {
		return false
	}
	t := sc.toks[len(sc.toks)-1]
	switch t.Kind {
	case Name:
		switch t.Text {
		case "and", "or", "not", "in", "if", "else", "let", "help", "print", "return":
			return false
		}
		return true
	case Number, Imag:
		return true
	case Op:
		return t.Text == ")" || t.Text == "]"
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// radixPrefixes are the letters after 0 that give a number's base, as in
// Python: 0x1F, 0o17, 0b101.
var radixPrefixes = map[byte]int{'x': 16, 'o': 8, 'b': 2}

// digitValue returns the value of a hexadecimal digit.
func digitValue(c byte) int {
	if isDigit(c) {
		return int(c - '0')
	}
	return int(c|0x20-'a') + 10
}

func isHex(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

// number scans a numeric literal: decimal with optional fraction and
// exponent, digits grouped by _, hexadecimal 0x..., or any of these with a
// j suffix for an imaginary number. Every number is a float64; a literal
// too large for one is inf, as in Python.
func (sc *scanner) number() (Token, error) {
	start, from := sc.pos, sc.off
	i := sc.off
	text := sc.text
	digits := func(ok func(byte) bool) {
		for i < len(text) && (ok(text[i]) || (text[i] == '_' && i+1 < len(text) && ok(text[i+1]) && i > from && ok(text[i-1]))) {
			i++
		}
	}
	var value float64
	if base, ok := radixPrefixes[text[i+min(1, len(text)-i-1)]|0x20]; text[i] == '0' && i+1 < len(text) && ok {
		i += 2
		digitsStart := i
		digits(func(c byte) bool { return isHex(c) && digitValue(c) < base })
		if i == digitsStart {
			sc.advance(i - from)
			return Token{}, errorf(start, "a number needs digits after %s", text[from:i])
		}
		// Read digit by digit into a float, so that numbers wider than 64
		// bits are inf or rounded rather than an error.
		value = 0
		for _, d := range []byte(strings.ReplaceAll(text[digitsStart:i], "_", "")) {
			value = value*float64(base) + float64(digitValue(d))
		}
	} else {
		digits(isDigit)
		if i < len(text) && text[i] == '.' && !(i+1 < len(text) && text[i+1] == '.') {
			i++
			digits(isDigit)
		}
		if i < len(text) && text[i]|0x20 == 'e' {
			j := i + 1
			if j < len(text) && (text[j] == '+' || text[j] == '-') {
				j++
			}
			if j < len(text) && isDigit(text[j]) {
				i = j
				digits(isDigit)
			}
		}
		lit := strings.ReplaceAll(text[from:i], "_", "")
		v, err := strconv.ParseFloat(lit, 64)
		if err != nil && !isRangeError(err) {
			sc.advance(i - from)
			return Token{}, errorf(start, "malformed number %s", text[from:i])
		}
		value = v
	}
	kind := Number
	if i < len(text) && text[i]|0x20 == 'j' && !(i+1 < len(text) && isIdentByte(text[i+1])) {
		i++
		kind = Imag
	}
	if i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			sc.advance(i - from)
			if name := identAt(text[i:]); name == "i" || name == "I" {
				return Token{}, errorf(sc.pos, "calc writes an imaginary number with j, as Python: %sj (Octave's %si)", text[from:i], text[from:i])
			}
			return Token{}, errorf(sc.pos, "a name cannot follow a number directly: write %s*%s for a product", text[from:i], identAt(text[i:]))
		}
	}
	lit := text[from:i]
	sc.advance(i - from)
	return Token{Kind: kind, Text: lit, Num: value, Pos: start, Space: sc.space}, nil
}

func isIdentByte(c byte) bool { return c == '_' || isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') }

// identAt returns the identifier at the start of s.
func identAt(s string) string {
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:i]
		}
	}
	return s
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// str scans a string literal. Double- and single-quoted strings take
// backslash escapes and end at their line's end; backquoted strings are
// raw and may span lines.
func (sc *scanner) str() (Token, error) {
	start, from := sc.pos, sc.off
	q := sc.text[sc.off]
	i := sc.off + 1
	for ; i < len(sc.text); i++ {
		c := sc.text[i]
		if c == q {
			break
		}
		if c == '\\' && q != '`' {
			i++
			continue
		}
		if c == '\n' && q != '`' {
			sc.advance(i - from)
			return Token{}, errorf(start, "unterminated string: a %c string must end on its line", q)
		}
	}
	if i >= len(sc.text) {
		sc.advance(len(sc.text) - from)
		sc.eofInside = q == '`'
		sc.inRaw = sc.eofInside
		return Token{}, errorf(start, "unterminated string")
	}
	raw := sc.text[from : i+1]
	sc.advance(i + 1 - from)
	var value string
	switch q {
	case '`':
		value = raw[1 : len(raw)-1]
	default:
		v, err := unquote(raw[1:len(raw)-1], q)
		if err != nil {
			return Token{}, errorf(start, "%s", err.(*Error).Msg)
		}
		value = v
	}
	return Token{Kind: String, Text: value, Pos: start, Space: sc.space}, nil
}

// unquote decodes the escapes of a quoted string's body: \n \t \r \\ \"
// \' \0 \xHH \uHHHH \UHHHHHHHH.
func unquote(body string, q byte) (string, error) {
	if !strings.Contains(body, `\`) {
		return body, nil
	}
	var b strings.Builder
	for len(body) > 0 {
		r, multibyte, tail, err := strconv.UnquoteChar(body, q)
		if err != nil {
			return "", &Error{Msg: "invalid escape in string near " + strconv.Quote(body[:min(len(body), 4)])}
		}
		if multibyte || r < utf8.RuneSelf {
			b.WriteRune(r)
		} else {
			b.WriteByte(byte(r))
		}
		body = tail
	}
	return b.String(), nil
}
