package lang

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"calc/autodiff"
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
	Name string
	// Params declares the positional parameters, in order.
	Params []Param
	// Forms declares the parameters of a builtin that takes several forms
	// of argument list, each a list, in place of Params: range(stop) and
	// range(start, stop, step?).
	Forms [][]Param
	// Options declares the options the builtin reads from a trailing
	// record or keyword arguments; a call giving any other is refused
	// before the builtin runs.
	Options []Opt
	// Methods are the values of the method option of a builtin whose
	// options depend on the method (minimize, root, solve_ivp): see
	// Options.Method.
	Methods []string
	Topic   string // help topic: math, arrays, functional, ...
	Doc     string // what it does; the first line is the summary
	Example string // a runnable calc expression or statements
	// ArityHint, when set, follows an error about the number of arguments:
	// what the wrong count suggests, such as numpy's or OpenCV's order of
	// arguments and calc's way of writing it.
	ArityHint string
	// Solver marks a numerical solver (a minimizer, a root finder, an
	// integrator). The solvers that give their own sensitivities (odeint,
	// solve_ivp, fsolve, root, minimize, quad) return graph nodes when
	// given symbolic input; for any other, its numbers cannot carry a
	// derivative, so a function being differentiated that passes it
	// something that depends on the variables of differentiation gets an
	// error rather than a zero.
	Solver bool
	// Fn computes the result. It reports user mistakes by panicking with an
	// *Error (see Throw, Errorf and ArgErrorf). args is only valid during the
	// call: copy it to keep it.
	Fn func(s *Session, args Args) Value
}

// Opt declares one option of a builtin.
type Opt struct {
	Name string
	Doc  string // one line: what it sets, its default
	// Methods are the methods the option applies to, for a builtin with
	// Methods; nil for every method.
	Methods []string
}

// signatureOptions is how many option names a signature shows before
// "...": help lists them all.
const signatureOptions = 6

// Signature returns the builtin's name and parameters, its options in
// braces: "sorted(xs, {key, reverse})".
func (b *Builtin) Signature() string {
	params := b.paramList()
	if b.TakesOptions() {
		names := make([]string, 0, signatureOptions+1)
		for _, o := range b.Options {
			if len(names) == signatureOptions {
				names = append(names, "...")
				break
			}
			names = append(names, o.Name)
		}
		if params != "" {
			params += ", "
		}
		params += "{" + joinNames(names) + "}"
	}
	return b.Name + "(" + params + ")"
}

// TakesOptions reports whether the builtin declares options.
func (b *Builtin) TakesOptions() bool { return len(b.Options) > 0 }

// isIdent reports whether s is a name: a letter or _ then letters, digits
// and _.
func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// option returns the declared option of that name, or nil.
func (b *Builtin) option(name string) *Opt {
	for i := range b.Options {
		if b.Options[i].Name == name {
			return &b.Options[i]
		}
	}
	return nil
}

// optionFolded returns the option whose name differs from name only in
// case (OpenCV's L2gradient for l2gradient), or nil.
func (b *Builtin) optionFolded(name string) *Opt {
	for i := range b.Options {
		if strings.EqualFold(b.Options[i].Name, name) {
			return &b.Options[i]
		}
	}
	return nil
}

// optionNames lists the names of the options that apply to method (all
// of them when method is "").
func (b *Builtin) optionNames(method string) string {
	var names []string
	for _, o := range b.Options {
		if method == "" || o.appliesTo(method) {
			names = append(names, o.Name)
		}
	}
	return joinNames(names)
}

// appliesTo reports whether the option applies to the method.
func (o *Opt) appliesTo(method string) bool {
	return o.Methods == nil || slices.Contains(o.Methods, method)
}

// Summary returns the first line of the builtin's documentation.
func (b *Builtin) Summary() string {
	doc, _, _ := strings.Cut(b.Doc, "\n")
	return doc
}

// arityError describes a call with the wrong number of arguments.
func arityError(sig string, min, max, got int) *Error {
	return Errorf("%s takes %s, got %d", sig, countArgs(min, max), got)
}

// withArityHint adds b's ArityHint, if it has one, to err, an error about
// the number of arguments of a call of b.
func (b *Builtin) withArityHint(err *Error) *Error {
	if b.ArityHint != "" {
		err.Msg += "; " + b.ArityHint
	}
	return err
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

// ExprFunc returns the expression n as the lambda (params) -> n: params
// name every symbol of n, in the order the function takes them, and may
// name others, which it ignores. Solvers use it to take an expression as
// scipy's lambda would be written, its variables by name.
func ExprFunc(n *autodiff.Node, params []string) Value {
	vars := autodiff.Vars(n) // the order Call gives an expression its arguments
	at := make([]int, len(vars))
	for i, v := range vars {
		at[i] = slices.Index(params, v.Name)
		if at[i] < 0 {
			panic(Errorf("%s has the symbol %s, which is not among (%s)", n, v.Name, strings.Join(params, ", ")))
		}
	}
	body := func(s *Session) Value {
		args := make([]Value, len(at))
		for i, k := range at {
			args[i] = s.stack[s.bp+k]
		}
		return s.Call(Expr(n), args...)
	}
	text := "(" + strings.Join(params, ", ") + ") -> " + n.String()
	return Func(&UserFunc{params: params, slots: len(params), body: body, text: text, lambda: true})
}
