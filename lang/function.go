package lang

import (
	"fmt"
	"strings"
)

// Callable is a function value: a user-defined function or a builtin.
type Callable interface {
	// Signature returns the name with the parameters, as in "f(x, y)".
	Signature() string
}

// UserFunc is a function defined in calc with `name(params) = expr`, or
// a lambda `params -> expr`.
type UserFunc struct {
	name   string
	params []string
	slots  int // parameters, captured values and let-bound locals
	body   code
	text   string // the body as source (the whole lambda for a lambda)
	lambda bool
	// captures says where the values a lambda closes over go in its frame;
	// captured holds them.
	captures []capture
	captured []Value
}

// Name returns the function's name.
func (f *UserFunc) Name() string { return f.name }

// Params returns the function's parameter names.
func (f *UserFunc) Params() []string { return f.params }

// Signature returns the function's name and parameters, or a lambda's
// source.
func (f *UserFunc) Signature() string {
	if f.lambda {
		return f.text
	}
	return f.name + "(" + strings.Join(f.params, ", ") + ")"
}

// Definition returns the function as source: name(params) = body.
func (f *UserFunc) Definition() string {
	if f.lambda {
		return f.text
	}
	return f.Signature() + " = " + f.text
}

// Builtin is a function provided by Go. Builtins are data: the help system
// and the arity checks read these fields, so they never drift from the code.
type Builtin struct {
	Name    string
	Params  string // parameter list as help shows it: "f, xs, init?"
	Topic   string // help topic: math, arrays, functional, ...
	Doc     string // what it does; the first line is the summary
	Example string // a runnable calc expression or statements
	MinArgs int
	MaxArgs int // -1 for any number
	// Solver marks a numerical solver (a minimizer, a root finder, an
	// integrator): its numbers cannot carry a derivative, so a function
	// being differentiated that passes it something that depends on the
	// variables of differentiation gets an error rather than a zero.
	Solver bool
	// Fn computes the result. It reports user mistakes by panicking with an
	// *Error (see Throw, Errorf and ArgErrorf). args is only valid during the
	// call: copy it to keep it.
	Fn func(s *Session, args Args) Value
}

// Signature returns the builtin's name and parameters.
func (b *Builtin) Signature() string { return b.Name + "(" + b.Params + ")" }

// TakesOptions reports whether the builtin takes a trailing options
// record, as its parameter list shows with braces: "xs, {key, reverse}".
func (b *Builtin) TakesOptions() bool { return strings.IndexByte(b.Params, '{') >= 0 }

// Summary returns the first line of the builtin's documentation.
func (b *Builtin) Summary() string {
	doc, _, _ := strings.Cut(b.Doc, "\n")
	return doc
}

// arityError describes a call with the wrong number of arguments.
func arityError(sig string, min, max, got int) *Error {
	return Errorf("%s takes %s, got %d", sig, countArgs(min, max), got)
}

// countArgs says how many arguments are wanted: "2 arguments", "1 to 3
// arguments", "at least 1 argument" (max < 0 for no limit).
func countArgs(min, max int) string {
	switch {
	case min == max:
		return fmt.Sprintf("%d argument%s", min, plural(min))
	case max < 0:
		return fmt.Sprintf("at least %d argument%s", min, plural(min))
	}
	return fmt.Sprintf("%d to %d arguments", min, max)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
