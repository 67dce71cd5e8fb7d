package lang

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Param declares one positional parameter of a builtin. The declarations
// are the only spelling of a builtin's parameters: help's signature and
// its list of parameters, the count of arguments a call may give, the
// keywords that name a parameter (quad(f, a=0, b=1)), the check of each
// argument's kind and the values of the ones left out all come from them.
type Param struct {
	// Name is the parameter's name as help shows it: "f", or a pair of
	// numbers given as one list, "[w, h]" (which no keyword can name).
	// A variadic parameter may have no name: print(x, ...).
	Name string
	// Kind is what values the argument may be, checked before the
	// builtin runs (see ArgKind); AnyArg leaves it to the builtin.
	Kind ArgKind
	// Optional marks a parameter a call may leave out. A builtin with a
	// single form has its optional parameters last, unless it picks the
	// meaning of its arguments by their kinds (plot's leading fig?).
	Optional bool
	// Variadic marks a last parameter that takes one argument or more:
	// zeros(shape...); none too, if it is also Optional: rand(shape...).
	Variadic bool
	// Default is the value of an optional parameter a call leaves out,
	// given to the builtin in its place; Nil when the builtin decides
	// what leaving it out means (sum(xs) sums everything, not axis nil).
	Default Value
	// Doc says in one line what the parameter is.
	Doc string
}

// ArgKind is the kind of value a parameter takes. The check is the
// matching Args accessor's, so an argument of the wrong kind gets the
// same message before the call as it would inside it; an expression
// (a value that depends on variables being differentiated, or a symbol)
// passes any check but TextArg's, for the builtin to take or refuse.
type ArgKind uint8

// The kinds of parameter.
const (
	AnyArg      ArgKind = iota // any value
	NumberArg                  // a real number (Args.Num)
	IntArg                     // a whole number (Args.Int)
	TextArg                    // a string (Args.Str)
	FunctionArg                // a function, or an expression in its variables
	ArrayArg                   // a number or an array of numbers (Args.Array)
	ListArg                    // a list or an array (Args.Items)
)

// check raises the accessor's error when argument i is not of kind k.
func (k ArgKind) check(a Args, i int) {
	v := a[i]
	if v.kind == ExprKind && k != TextArg {
		return
	}
	switch k {
	case NumberArg:
		a.Num(i)
	case IntArg:
		a.Int(i)
	case TextArg:
		a.Str(i)
	case FunctionArg:
		if !v.IsCallable() {
			hint := ""
			if v.kind == NumKind || v.kind == ArrayKind {
				hint = " (an expression whose names all have values is a number: write a lambda, as x -> x**2 - 2, or free the name, as :clear x)"
			}
			panic(ArgErrorf(i, "expected a function, got %s%s", v.TypeName(), hint))
		}
	case ArrayArg:
		if v.kind != NumKind && v.kind != BoolKind && v.kind != ArrayKind {
			a.Array(i) // the empty list passes; anything else raises its error
		}
	case ListArg:
		a.Items(i)
	}
}

// noteUndefinedFunction says so when a function argument is a bare symbol
// other than a solver's variable: a name that was meant to be a function
// but is not defined, which as an expression is the identity.
func (s *Session) noteUndefinedFunction(v Value) {
	if name := v.SymbolName(); name != "" && s.tracing == 0 && !slices.Contains(solverNames, name) {
		s.Note(fmt.Sprintf("%q is not defined, so it is a symbol, which as a function is the identity, %s -> %s; define %s first", name, name, name, name))
	}
}

// optional reports whether a call may leave the parameter out.
func (p *Param) optional() bool { return p.Optional }

// shown is the parameter as a signature shows it: "n?", "shape...".
func (p *Param) shown() string {
	switch {
	case p.Variadic && p.Name == "":
		return "..."
	case p.Variadic:
		return p.Name + "..."
	case p.Optional:
		return p.Name + "?"
	}
	return p.Name
}

// forms returns the builtin's forms: its Forms, or Params as the one form.
func (b *Builtin) forms() [][]Param {
	if b.Forms != nil {
		return b.Forms
	}
	return [][]Param{b.Params}
}

// AllParams returns the parameters of every form, in order.
func (b *Builtin) AllParams() []Param {
	var all []Param
	for _, form := range b.forms() {
		all = append(all, form...)
	}
	return all
}

// paramList is the builtin's parameters as its signature shows them:
// "f, a, b, n?", forms separated by " | ".
func (b *Builtin) paramList() string {
	forms := make([]string, 0, len(b.Forms)+1)
	for _, form := range b.forms() {
		shown := make([]string, len(form))
		for i := range form {
			shown[i] = form[i].shown()
		}
		forms = append(forms, strings.Join(shown, ", "))
	}
	return strings.Join(forms, " | ")
}

// Arity returns the least and the most arguments a call may give,
// counting the options record as one; most is -1 for any number.
func (b *Builtin) Arity() (least, most int) {
	if b.Forms == nil {
		least, most = formArity(b.Params)
	} else {
		least = -1
		for _, form := range b.Forms {
			required, all := formArity(form)
			if least < 0 || required < least {
				least = required
			}
			if most >= 0 && (all < 0 || all > most) {
				most = all
			}
		}
	}
	if most >= 0 && b.TakesOptions() {
		most++
	}
	return least, most
}

// formArity returns how many arguments a form's parameters require and
// how many they take at most (-1 for any number).
func formArity(form []Param) (required, all int) {
	all = len(form)
	for i := range form {
		if !form[i].Optional {
			required++
		}
		if form[i].Variadic {
			all = -1
		}
	}
	return required, all
}

// simple returns the parameters when the builtin's arguments go to its
// parameters by position alone: one form, no optional parameter before a
// required one. Then their kinds are checked and defaults given before
// the call, and keywords may name them. It returns nil otherwise.
func (b *Builtin) simple() []Param {
	if b.Forms != nil {
		return nil
	}
	for i := 1; i < len(b.Params); i++ {
		if b.Params[i-1].optional() && !b.Params[i].optional() {
			return nil
		}
	}
	return b.Params
}

// paramNames returns the names of the builtin's positional parameters, in
// order, when keyword arguments can name them (see simple; a variadic or
// a pair parameter cannot be named), or nil.
func (b *Builtin) paramNames() []string {
	params := b.simple()
	var names []string
	for i := range params {
		if params[i].Variadic || !isIdent(params[i].Name) {
			return nil
		}
		names = append(names, params[i].Name)
	}
	return names
}

// namesParam reports whether name is one of the parameters of any of the
// builtin's forms, or one of the names in a pair: range(stop | start,
// stop, step?).
func (b *Builtin) namesParam(name string) bool {
	notName := func(r rune) bool { return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	for _, form := range b.forms() {
		for i := range form {
			if slices.Contains(strings.FieldsFunc(form[i].Name, notName), name) {
				return true
			}
		}
	}
	return false
}

// unpack checks the kinds of a call's positional arguments (all of args
// but the options record, when hasOptions) and gives the optional
// parameters left out that have a Default their defaults, in place before
// the options. It returns args, or a copy when it adds defaults: args is
// a view of the session's stack, which the call itself will push onto.
func (b *Builtin) unpack(s *Session, args Args, hasOptions bool) Args {
	params := b.simple()
	if params == nil {
		return args
	}
	n := len(args)
	if hasOptions {
		n--
	}
	for i := 0; i < n; i++ {
		p := &params[min(i, len(params)-1)]
		p.Kind.check(args, i)
		if p.Kind == FunctionArg {
			s.noteUndefinedFunction(args[i])
		}
	}
	missing := 0
	for i := n; i < len(params) && !params[i].Default.IsNil(); i++ {
		missing++
	}
	if missing == 0 {
		return args
	}
	full := make(Args, 0, len(args)+missing)
	full = append(full, args[:n]...)
	for i := n; i < n+missing; i++ {
		full = append(full, params[i].Default)
	}
	return append(full, args[n:]...)
}

// CheckParams returns an error when the builtin's declarations break the
// rules above: Params or Forms (two or more), a name for each parameter
// but a variadic one, a variadic parameter only last, a default only
// where a call can be given it (see unpack), and a doc of one line for
// each, which help shows.
func (b *Builtin) CheckParams() error {
	if b.Params != nil && b.Forms != nil || len(b.Forms) == 1 {
		return fmt.Errorf("%s: declare Params, or Forms for two forms or more", b.Name)
	}
	for _, form := range b.forms() {
		defaults := b.simple() != nil // no optional parameter without one yet
		for i, p := range form {
			where := b.Name + " " + p.Name
			switch {
			case p.Name == "" && !p.Variadic:
				return fmt.Errorf("%s: parameter %d has no name", b.Name, i+1)
			case p.Variadic && i != len(form)-1:
				return fmt.Errorf("%s: only the last parameter can be variadic", where)
			case p.Doc == "" || strings.Contains(p.Doc, "\n"):
				return fmt.Errorf("%s: needs a doc of one line", where)
			case !p.Default.IsNil() && (!p.Optional || p.Variadic):
				return fmt.Errorf("%s: only an optional parameter has a default", where)
			case !p.Default.IsNil() && !defaults:
				return fmt.Errorf("%s: a default that no call can be given (several forms, an optional parameter before a required one, or after an optional one without a default)", where)
			}
			if p.Optional && p.Default.IsNil() {
				defaults = false
			}
		}
	}
	return nil
}
