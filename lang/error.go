package lang

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Source is a piece of text given to a session: a script file, a REPL
// line or an -e expression. Positions point into it.
type Source struct {
	Name string // file name, "<stdin>" or "<expr>"
	Text string
}

// Pos is a position in a Source: a rune offset from its start. The zero
// Pos has no source and means "position unknown".
type Pos struct {
	Src    *Source
	Offset int
}

// Known reports whether p points into a source.
func (p Pos) Known() bool { return p.Src != nil }

// LineCol returns p's 1-based line and column (columns count runes).
func (p Pos) LineCol() (line, col int) {
	line, col = 1, 1
	n := 0
	for _, r := range p.Src.Text {
		if n == p.Offset {
			break
		}
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
		n++
	}
	return line, col
}

// lineText returns the text of the given 1-based line of the source.
func (s *Source) lineText(line int) string {
	text := s.Text
	for i := 1; i < line; i++ {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 {
			return ""
		}
		text = text[nl+1:]
	}
	if nl := strings.IndexByte(text, '\n'); nl >= 0 {
		text = text[:nl]
	}
	return text
}

// Error is a user mistake: a message and, when known, where it happened.
// Its Error method gives `file:line:col: message`, the source line and a
// caret under the column, like a compiler.
type Error struct {
	Pos Pos
	Msg string
	// Arg, when non-negative, is the index of the argument of a builtin call
	// the error is about; the call's compiler moves the caret there.
	Arg int
}

// Errorf returns an Error with no position yet; the evaluator gives it the
// position of the operation that raised it.
func Errorf(format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Arg: -1}
}

// ArgErrorf returns an Error about argument i of a builtin call.
func ArgErrorf(i int, format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Arg: i}
}

// Error formats the error with its position, source line and caret.
func (e *Error) Error() string {
	if !e.Pos.Known() {
		return e.Msg
	}
	line, col := e.Pos.LineCol()
	text := e.Pos.Src.lineText(line)
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s\n    ", e.Pos.Src.Name, line, col, e.Msg)
	b.WriteString(strings.ReplaceAll(text, "\t", " "))
	b.WriteString("\n    ")
	b.WriteString(strings.Repeat(" ", col-1))
	b.WriteString("^")
	return b.String()
}

// Throw raises err as a user error from inside a builtin or the evaluator.
// Plain Go errors are wrapped; the statement boundary recovers them.
func Throw(err error) {
	var e *Error
	if errors.As(err, &e) {
		panic(e)
	}
	panic(&Error{Msg: err.Error(), Arg: -1})
}

// at gives e the position p if it has none yet.
func (e *Error) at(p Pos) *Error {
	if !e.Pos.Known() {
		e.Pos = p
	}
	return e
}

// runeOffset converts a byte offset in s to a rune offset.
func runeOffset(s string, byteOff int) int {
	return utf8.RuneCountInString(s[:byteOff])
}
