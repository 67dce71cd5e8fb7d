package builtins

import (
	"slices"
	"strings"
	"testing"

	"calc/lang"
)

// unreachableOptions are declared options that a builtin's example cannot
// reach, each with the reason; TestDeclaredOptionsAreRead skips them.
var unreachableOptions = map[string]string{
	"diff.axis":                 "read for arrays only; the example differentiates an expression, which reads no options",
	"fmin_slsqp.fprime_eqcons":  "read only with f_eqcons, whose Jacobian it is; alone, the after-call check refuses it",
	"fmin_slsqp.fprime_ieqcons": "read only with f_ieqcons, whose Jacobian it is; alone, the after-call check refuses it",
	"solve_ivp.terminal":        "read only with events; without them the after-call check refuses it",
	"solve_ivp.direction":       "read only with events; without them the after-call check refuses it",
}

// optionProbes are the values TestDeclaredOptionsAreRead gives an option in
// turn: a string, numbers and truth values, one of which a builtin that
// reads the option either acts on or refuses.
var optionProbes = []lang.Value{lang.Str("zz"), lang.Num(3), lang.Num(0.37), lang.Bool(true), lang.Bool(false)}

// withOption returns b with the option name set to v in each call: merged
// into the call's options record, or as a record of its own.
func withOption(b *lang.Builtin, name string, v lang.Value) *lang.Builtin {
	w := *b
	w.Fn = func(s *lang.Session, a lang.Args) lang.Value {
		args := append(lang.Args(nil), a...)
		opts := lang.NewRecord()
		if least, _ := b.Arity(); len(args) > least && args[len(args)-1].Kind() == lang.RecordKind {
			// Passed on, so read here: the wrapper declares b's options.
			keys := args[len(args)-1].Record().Keys
			var given lang.Options
			args, given = args.Options()
			for _, k := range keys {
				opts.Set(k, given.Get(k, lang.Nil))
			}
		}
		opts.Set(name, v)
		return s.Call(lang.Func(b), append(args, lang.RecordOf(opts))...)
	}
	return &w
}

// runWith runs b's example in a fresh session in which b is replaced by
// the given version, and returns what it printed and its error.
func runWith(t *testing.T, b, replacement *lang.Builtin) string {
	t.Helper()
	all := All()
	for i, c := range all {
		if c.Name == b.Name {
			all[i] = replacement
		}
	}
	s := lang.NewSession(all, Constants())
	var out strings.Builder
	s.Out = &out
	if err := s.Run("<example>", b.Example); err != nil {
		out.WriteString("error: " + err.Error())
	}
	return out.String()
}

// TestDeclaredOptionsAreRead walks every builtin with options: each
// declared option, given to the builtin's example, changes its outcome or is
// refused by a check on its value, and is never left unread; an option the
// builtin does not declare is refused.
func TestDeclaredOptionsAreRead(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every builtin's example once per option")
	}
	for _, b := range All() {
		if !b.TakesOptions() {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			base := runWith(t, b, b)
			if got := runWith(t, b, withOption(b, "zz_undeclared", lang.Num(1))); !strings.Contains(got, `unknown option "zz_undeclared"`) {
				t.Errorf("an undeclared option is not refused: %s", got)
			}
			for _, o := range b.Options {
				if _, ok := unreachableOptions[b.Name+"."+o.Name]; ok {
					continue
				}
				acted := false
				for _, v := range optionProbes {
					got := runWith(t, b, withOption(b, o.Name, v))
					if strings.Contains(got, "does not apply here") {
						t.Errorf("option %s = %s is not read: %s", o.Name, lang.Format(v), got)
						break
					}
					if got != base {
						acted = true
						break
					}
				}
				if !acted {
					t.Errorf("option %s changes nothing and is refused for none of %v", o.Name, optionProbes)
				}
			}
		})
	}
}

// TestMethodOptionsAreRead holds each method's declared options to the code:
// for every method of a builtin with methods, each option that applies to it,
// given to the example with that method, is read (never "does not apply
// here").
func TestMethodOptionsAreRead(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the examples once per method and option")
	}
	for _, b := range All() {
		option := "method"
		if b.Name == "train" {
			option = "optimizer"
		}
		for _, m := range b.Methods {
			withMethod := withOption(b, option, lang.Str(m))
			for _, o := range b.Options {
				if o.Name == option || !slices.Contains(o.Methods, m) {
					continue
				}
				for _, v := range optionProbes {
					if got := runWith(t, b, withOption(withMethod, o.Name, v)); strings.Contains(got, "does not apply here") {
						t.Errorf("%s with %s %s: option %s = %s is not read: %s", b.Name, option, m, o.Name, lang.Format(v), got)
						break
					}
				}
			}
		}
	}
}
