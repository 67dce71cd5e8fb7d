package lang

import (
	"math"
	"slices"
	"strings"

	"calc/stdlib/array"
)

// Args are the arguments of a builtin call. Its accessors convert an
// argument or raise an error that points at it.
type Args []Value

// Num returns argument i as a number.
func (a Args) Num(i int) float64 {
	switch a[i].kind {
	case NumKind, BoolKind:
		return a[i].num
	}
	if a[i].kind == ComplexKind {
		panic(ArgErrorf(i, "expected a real number, got %s%s", a[i].TypeName(), realParts))
	}
	panic(ArgErrorf(i, "expected a number, got %s", a[i].TypeName()))
}

// realParts tells what to do with a complex argument where only real
// ones are taken.
const realParts = " (real(z), imag(z) and abs(z) make real ones)"

// Int returns argument i as an integer.
func (a Args) Int(i int) int {
	x := a.Num(i)
	if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
		panic(ArgErrorf(i, "expected an integer, got %s", array.FormatNumber(x, 10)))
	}
	return int(x)
}

// Str returns argument i as a string.
func (a Args) Str(i int) string {
	if a[i].kind != StrKind {
		panic(ArgErrorf(i, "expected a string, got %s", a[i].TypeName()))
	}
	return a[i].Text()
}

// Array returns argument i as an array; numbers become 0-d arrays and
// the empty list [] an empty array, as numpy takes them (sum([]) is 0).
// Other lists are not accepted: lists of numbers are already arrays.
func (a Args) Array(i int) *array.Array {
	if x, ok := numeric(a[i]); ok {
		return x
	}
	if a[i].kind == ListKind && len(a[i].List().Items) == 0 {
		return array.Zeros(0)
	}
	if a[i].kind == ComplexKind {
		panic(ArgErrorf(i, "expected a real array, got %s%s", a[i].TypeName(), realParts))
	}
	panic(ArgErrorf(i, "expected an array, got %s", a[i].TypeName()))
}

// Func returns argument i as a function value.
func (a Args) Func(i int) Value {
	if a[i].kind != FuncKind {
		panic(ArgErrorf(i, "expected a function, got %s", a[i].TypeName()))
	}
	return a[i]
}

// Items returns the items of collection argument i.
func (a Args) Items(i int) []Value {
	items, ok := Items(a[i])
	if !ok {
		panic(ArgErrorf(i, "expected a list or an array, got %s", a[i].TypeName()))
	}
	return items
}

// Options splits a trailing options record off the arguments. It returns
// the arguments without it and an Options view (empty when there is none).
// An option the builtin does not declare is an error.
func (a Args) Options() (Args, Options) {
	if n := len(a); n > 0 && a[n-1].kind == RecordKind {
		r := a[n-1].Record()
		o := Options{rec: r, index: n - 1}
		if r.reads != nil {
			o.of = r.reads.of
			o.checkDeclared()
		}
		return a[:n-1], o
	}
	return a, Options{index: -1}
}

// OptionsIn returns the options of builtin b held in a record that came in
// another builtin's argument index (basinhopping's minimizer_kwargs holds
// minimize's), checked against b's declaration.
func OptionsIn(b *Builtin, r *Record, index int) Options {
	o := Options{rec: r, index: index, of: b}
	o.checkDeclared()
	return o
}

// Options are the keyword options of a builtin call, given as a trailing
// record: sorted(xs, {key: abs, reverse: true}).
type Options struct {
	rec   *Record
	index int
	of    *Builtin // whose declaration they are checked against
}

// optionReads records the options a builtin looked up, in order, so that
// an option it was given but never read is an error rather than silently
// ignored (see Session.callBuiltin).
type optionReads struct {
	of    *Builtin
	names []string
	read  map[string]bool
}

// checkDeclared raises an error for an option the builtin does not declare.
func (o Options) checkDeclared() {
	for _, k := range o.rec.Keys {
		if o.of.option(k) == nil {
			if same := o.of.optionFolded(k); same != nil {
				panic(o.errorAt(k, "unknown option %q (calc spells it %s)", k, same.Name))
			}
			byPosition := "" // an optional parameter may be what was meant
			if params := o.of.paramList(); strings.Contains(params, "?") {
				byPosition = "; by position: " + params
			}
			if hint, ok := foreignOptions[k]; ok {
				byPosition += "; " + hint
			}
			panic(o.errorAt(k, "unknown option %q (options: %s%s)", k, o.of.optionNames(""), byPosition))
		}
	}
}

// foreignOptions are numpy's and JAX's options that no builtin has, with
// what calc writes instead.
var foreignOptions = map[string]string{
	"keepdims": "calc has no keepdims: reshape the result, as reshape(sum(m, 1), len(m), 1)",
	"dtype":    "calc's numbers are all float64 (trunc(x) makes whole ones)",
	"out":      "calc never writes into an argument: assign the result",
}

// errorAt is an error about option k: at its keyword when it was given as
// one, else at the options argument.
func (o Options) errorAt(k, format string, args ...any) *Error {
	err := ArgErrorf(o.index, format, args...)
	if pos, ok := o.rec.at[k]; ok {
		err.Msg, err.Arg, err.Pos = o.of.Name+": "+err.Msg, -1, pos
	}
	return err
}

// Errorf is an error about the option name: at its keyword when it was
// given as one, else at the options argument.
func (o Options) Errorf(name, format string, args ...any) *Error {
	return o.errorAt(name, format, args...)
}

// Method returns the option that chooses the method (option: "method"
// for scipy's solvers, "optimizer" for train), def when it is not given,
// spelled as the builtin's Methods spell it (as scipy, any case matches).
// A method not among them is an error listing them, and so is an option
// given that does not apply to the method, listing the methods it applies
// to and the options the method takes.
func (o Options) Method(option, def string) string {
	name := o.Text(option, def)
	if o.of == nil {
		return name
	}
	i := slices.IndexFunc(o.of.Methods, func(m string) bool { return strings.EqualFold(m, name) })
	if i < 0 {
		panic(o.errorAt(option, "unknown %s %q (%ss: %s)", option, name, option, joinNames(o.of.Methods)))
	}
	method := o.of.Methods[i]
	for _, k := range o.rec.Keys {
		if opt := o.of.option(k); opt != nil && !opt.appliesTo(method) {
			panic(o.errorAt(k, "option %q does not apply to %s %s; the %ss that take it: %s (%s takes %s)",
				k, option, method, option, joinNames(opt.Methods), method, o.of.optionNames(method)))
		}
	}
	return method
}

// mark notes that the builtin looked the option up.
func (o Options) mark(name string) {
	if o.rec == nil || o.rec.reads == nil {
		return
	}
	r := o.rec.reads
	if !r.read[name] {
		r.read[name] = true
		r.names = append(r.names, name)
	}
}

// trackOptions gives a builtin call its own copy of a trailing record, to
// note which options the builtin reads.
func trackOptions(b *Builtin, args Args) *optionReads {
	n := len(args)
	if n == 0 || args[n-1].kind != RecordKind {
		return nil
	}
	r := args[n-1].Record().Copy()
	r.reads = &optionReads{of: b, read: map[string]bool{}}
	args[n-1] = RecordOf(r)
	flattenOptions(r, n-1)
	return r.reads
}

// flattenOptions merges a nested options record into the options, as
// scipy's minimize(f, x0, options={maxiter: 3}) means: its fields are the
// method's options, read and checked like the others.
func flattenOptions(r *Record, index int) {
	inner, ok := r.Get("options")
	if !ok || inner.kind != RecordKind {
		return
	}
	delete(r.Values, "options")
	r.Keys = slices.DeleteFunc(r.Keys, func(k string) bool { return k == "options" })
	for _, k := range inner.Record().Keys {
		if _, dup := r.Values[k]; dup {
			panic(ArgErrorf(index, "option %q is given twice, beside options and inside it", k))
		}
		r.Set(k, inner.Record().Values[k])
	}
}

// unread returns an error for the first option given in the record but
// never read by the builtin that took it as its options, or nil.
func (r *optionReads) unread(name string, rec *Record, index int) *Error {
	if r == nil {
		return nil
	}
	for _, k := range rec.Keys {
		if !r.read[k] {
			err := ArgErrorf(index, "option %q does not apply here; the options that do: %s", k, joinNames(r.names))
			if len(r.names) == 0 {
				err = ArgErrorf(index, "option %q does not apply here: this call reads no options", k)
			}
			if pos, ok := rec.at[k]; ok {
				err.Msg, err.Arg, err.Pos = name+": "+err.Msg, -1, pos
			}
			return err
		}
	}
	return nil
}

// Has reports whether the option is given.
func (o Options) Has(name string) bool {
	if o.rec == nil {
		return false
	}
	_, ok := o.rec.Get(name)
	return ok
}

// Get returns the option's value, or def if it is not given.
func (o Options) Get(name string, def Value) Value {
	o.mark(name)
	if o.rec != nil {
		if v, ok := o.rec.Get(name); ok {
			return v
		}
	}
	return def
}

// Bool returns a boolean option.
func (o Options) Bool(name string, def bool) bool {
	v := o.Get(name, Bool(def))
	t, ok := v.Truth()
	if !ok {
		panic(ArgErrorf(o.index, "option %s must be true or false, got %s", name, v.TypeName()))
	}
	return t
}

// Num returns a numeric option.
func (o Options) Num(name string, def float64) float64 {
	v := o.Get(name, Num(def))
	if v.kind != NumKind {
		panic(ArgErrorf(o.index, "option %s must be a number, got %s", name, v.TypeName()))
	}
	return v.num
}

// Int returns an option that must be a whole number (of at most 2^53 in
// size): NaN, an infinity or a fraction is an error naming the option, never
// a value cast to a wild integer.
func (o Options) Int(name string, def int) int {
	x := o.Num(name, float64(def))
	if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
		panic(ArgErrorf(o.index, "option %s must be a whole number, got %s", name, array.FormatNumber(x, 10)))
	}
	return int(x)
}

// Text returns a string option, or def if it is not given.
func (o Options) Text(name, def string) string {
	v := o.Get(name, Str(def))
	if v.kind != StrKind {
		panic(ArgErrorf(o.index, "option %s must be a string, got %s", name, v.TypeName()))
	}
	return v.Text()
}

func joinNames(names []string) string { return strings.Join(names, ", ") }

// Func returns a function option, or Nil if it is not given: a value that
// is not a function is an error, never an option silently passed over.
func (o Options) Func(name string) Value {
	v := o.Get(name, Nil)
	if !v.IsNil() && !v.IsCallable() {
		panic(ArgErrorf(o.index, "option %s must be a function, got %s", name, v.TypeName()))
	}
	return v
}

// OneOf returns a string option that must be one of choices, the first
// being the default.
func (o Options) OneOf(name string, choices ...string) string {
	v := o.Text(name, choices[0])
	if !slices.Contains(choices, v) {
		panic(ArgErrorf(o.index, "option %s must be %s, not %q", name, strings.Join(choices, " or "), v))
	}
	return v
}

// With returns the options with one more set, leaving o unchanged.
func (o Options) With(name string, v Value) Options {
	r := NewRecord()
	if o.rec != nil {
		for _, k := range o.rec.Keys {
			r.Set(k, o.rec.Values[k])
		}
		r.reads, r.at = o.rec.reads, o.rec.at
	}
	r.Set(name, v)
	return Options{rec: r, index: o.index, of: o.of}
}
