package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stmtKind says what a statement does.
type stmtKind uint8

const (
	exprStmt      stmtKind = iota // a bare expression: its value is printed
	assignStmt                    // name = expr
	defineStmt                    // name(p1, p2) = expr
	badAssignStmt                 // something else before a top-level =
)

// statement is one statement of a source, as found by splitStatements.
type statement struct {
	kind     stmtKind
	name     string   // assigned or defined name
	namePos  int      // rune offset of the name
	params   []string // parameters of a definition
	expr     string   // the expression text, comments blanked out
	exprPos  int      // rune offset of expr in the source
	startPos int      // rune offset of the statement
}

// splitStatements cuts src into statements. A statement ends at the end of a
// line unless a bracket is still open; `#` starts a comment outside strings.
// Comments are replaced by spaces so that offsets stay true. An unclosed
// bracket at the end is an error at the bracket.
func splitStatements(src *Source) ([]statement, error) {
	text := blankComments(src.Text)
	var stmts []statement
	var open []int // byte offsets of open brackets
	start := 0
	flush := func(end int) {
		if s := text[start:end]; strings.TrimSpace(s) != "" {
			stmts = append(stmts, classify(s, runeOffset(text, start)))
		}
		start = end + 1
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '"', '\'', '`':
			i = skipString(text, i)
		case '(', '[', '{':
			open = append(open, i)
		case ')', ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case '\n':
			if len(open) == 0 {
				flush(i)
			}
		}
	}
	if len(open) > 0 {
		at := open[len(open)-1]
		msg := "unclosed '" + text[at:at+1] + "'"
		if strings.Contains(src.Text[at:], "#") {
			msg += " (# starts a comment in calc: the rest of that line was not read)"
		}
		return nil, &Error{Pos: Pos{src, runeOffset(text, at)}, Msg: msg, Arg: -1}
	}
	flush(len(text))
	return stmts, nil
}

// Incomplete reports whether text ends inside an open bracket or string, so
// that a REPL should read another line before running it.
func Incomplete(text string) bool {
	text = blankComments(text)
	depth := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '"', '\'', '`':
			i = skipString(text, i)
			if i >= len(text) {
				return true
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
	}
	return depth > 0
}

// skipString returns the offset of the quote closing the string that opens
// at i, or len(text) if it is never closed. Backquoted strings have no
// escapes; the others end at the line's end if unclosed, so that a stray
// quote does not swallow the rest of a script.
func skipString(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if q != '`' {
				j++
			}
		case '\n':
			if q != '`' {
				return j - 1
			}
		case q:
			return j
		}
	}
	return len(text)
}

// blankComments replaces each `#` comment (outside strings) by spaces, one
// per rune, so that rune offsets stay true.
func blankComments(text string) string {
	if !strings.Contains(text, "#") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		switch text[i] {
		case '"', '\'', '`':
			j := min(skipString(text, i)+1, len(text))
			b.WriteString(text[i:j])
			i = j
		case '#':
			for i < len(text) && text[i] != '\n' {
				_, n := utf8.DecodeRuneInString(text[i:])
				b.WriteByte(' ')
				i += n
			}
		default:
			b.WriteByte(text[i])
			i++
		}
	}
	return b.String()
}

// classify recognises `name = expr` and `name(a, b) = expr` in a statement
// whose text s starts at rune offset off; anything else is an expression.
func classify(s string, off int) statement {
	st := statement{kind: exprStmt, expr: s, exprPos: off, startPos: off}
	eq := topLevelAssign(s)
	if eq < 0 {
		return st
	}
	lhs := s[:eq]
	lead := len(lhs) - len(strings.TrimLeft(lhs, " \t\r\n"))
	lhs = strings.TrimSpace(lhs)
	name, rest := leadingIdent(lhs)
	if name == "let" {
		return st
	}
	if keywords[name] {
		st.kind = badAssignStmt
		return st
	}
	if name == "" {
		st.kind = badAssignStmt
		return st
	}
	var params []string
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")"):
		inner := strings.TrimSpace(rest[1 : len(rest)-1])
		params = []string{}
		if inner != "" {
			for _, p := range strings.Split(inner, ",") {
				p = strings.TrimSpace(p)
				if id, tail := leadingIdent(p); id == "" || tail != "" {
					st.kind = badAssignStmt
					return st
				}
				params = append(params, p)
			}
		}
	default:
		st.kind = badAssignStmt
		return st
	}
	st.name = name
	st.namePos = off + runeOffset(s, lead)
	st.expr = s[eq+1:]
	st.exprPos = off + runeOffset(s, eq+1)
	st.kind = assignStmt
	if params != nil {
		st.kind = defineStmt
		st.params = params
	}
	return st
}

// topLevelAssign returns the byte offset of the first `=` in s that is
// outside brackets and strings and is not part of ==, !=, <=, >=, or -1.
func topLevelAssign(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			i = skipString(s, i)
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '=':
			if depth != 0 {
				continue
			}
			if i+1 < len(s) && s[i+1] == '=' {
				i++
				continue
			}
			if i > 0 && strings.IndexByte("=!<>", s[i-1]) >= 0 {
				continue
			}
			return i
		}
	}
	return -1
}

// leadingIdent splits s into a leading identifier and the rest (trimmed).
func leadingIdent(s string) (ident, rest string) {
	end := 0
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r)) {
			end = i + utf8.RuneLen(r)
			continue
		}
		break
	}
	return s[:end], strings.TrimSpace(s[end:])
}

// keywords are expr's words that cannot be names.
var keywords = map[string]bool{"true": true, "false": true, "nil": true, "let": true, "if": true, "else": true,
	"and": true, "or": true, "not": true, "in": true, "matches": true, "contains": true, "startsWith": true, "endsWith": true}
