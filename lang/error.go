package lang

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
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
	// Calls is the chain of user-function calls the error happened in,
	// innermost first, with Skipped calls left out of its middle when it
	// is long (deep recursion).
	Calls   []Call
	Skipped int
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
	before, after := snippet(text, col-1)
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s\n    ", e.Pos.Src.Name, line, col, e.Msg)
	b.WriteString(strings.ReplaceAll(before+after, "\t", " "))
	b.WriteString("\n    ")
	b.WriteString(strings.Repeat(" ", displayWidth(before)))
	b.WriteString("^")
	for i, c := range e.Calls {
		if i == chainEnds && e.Skipped > 0 {
			fmt.Fprintf(&b, "\n  ... %d more call%s ...", e.Skipped, plural(e.Skipped))
		}
		b.WriteString("\n  " + c.String())
	}
	return b.String()
}

// snippetRunes is how many characters of a long source line an error
// shows on each side of its caret.
const snippetRunes = 60

// snippet splits a source line at the caret's character index k, keeping
// a window of snippetRunes characters on each side, marked with … where
// the line goes on (an error on a 100 MB line must not echo all of it).
func snippet(line string, k int) (before, after string) {
	i := 0 // the byte offset of character k
	for n := 0; n < k && i < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	before, after = line[:i], line[i:]
	start := len(before)
	for n := 0; n < snippetRunes && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(before[:start])
		start -= size
	}
	end := 0
	for n := 0; n < snippetRunes && end < len(after); n++ {
		_, size := utf8.DecodeRuneInString(after[end:])
		end += size
	}
	if start > 0 {
		before = "…" + before[start:]
	}
	if end < len(after) {
		after = after[:end] + "…"
	}
	return before, after
}

// displayWidth is the number of terminal columns s takes: two for East
// Asian wide and fullwidth characters and emoji, none for combining marks
// and format characters, one for the rest (after Unicode's UAX #11, for
// the ranges a source line is likely to hold).
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
			r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
			w += 2
		default:
			w++
		}
	}
	return w
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
