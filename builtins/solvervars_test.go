package builtins

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"calc/lang"
)

// TestSolverVariablesByName gives the solvers expressions, with args and
// without, and compares with scipy given the lambda a scipy user would
// write: the solver's variables by name (x; y, t for odeint; y, x for
// dblquad; ...), args for the other symbols (testdata/solver_vars.py).
func TestSolverVariablesByName(t *testing.T) {
	data, err := os.ReadFile("testdata/solver_vars.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		src, wantText, _ := strings.Cut(line, "\t")
		s := NewSession()
		notes := &strings.Builder{}
		s.Out, s.Err = &strings.Builder{}, notes
		got, ok := toArray(run(t, s, src))
		if !ok {
			t.Errorf("%s is not numbers", src)
			continue
		}
		want := strings.Fields(wantText)
		if got.Len() != len(want) {
			t.Errorf("%s = %v, want %d numbers", src, got.Floats(), len(want))
			continue
		}
		for i, w := range want {
			wi, _ := strconv.ParseFloat(w, 64)
			if math.Abs(got.Floats()[i]-wi) > 1e-6*max(1, math.Abs(wi)) {
				t.Errorf("%s = %v, scipy %s", src, got.Floats(), wantText)
				break
			}
		}
		if notes.Len() > 0 {
			t.Errorf("%s notes %q", src, notes)
		}
	}
}

// TestSolverVariableMissing checks what happens to an expression without
// the solver's variable: with args, the alphabetical order and a note
// naming the binding; with too few arguments, an error showing the
// lambda calc made; with complex steps, the error an expression gets.
func TestSolverVariableMissing(t *testing.T) {
	s := NewSession()
	notes := &strings.Builder{}
	s.Out, s.Err = &strings.Builder{}, notes
	if got := run(t, s, "brentq(cos(u) - a*u, 0, 2, args=[1])").Float(); math.Abs(got-math.Cos(1)) > 1e-9 {
		t.Errorf("brentq(cos(u) - a*u, ...) = %v, want cos(1) (solved for a)", got)
	}
	if want := "a as x, u = args[0]"; !strings.Contains(notes.String(), want) {
		t.Errorf("the note %q does not say %q", notes, want)
	}
	_, err := s.Eval("brentq(x**2 - c, 0, 5)")
	if err == nil || !strings.Contains(lang.ErrorMessage(err), "(x, c) -> x**2 - c takes 2 arguments") {
		t.Errorf("brentq(x**2 - c, 0, 5) without args: %v", err)
	}
	// Complex steps need a function, as before the binding.
	_, err = s.Eval(`minimize((x - c)**2, 0, args=[5], jac="cs")`)
	if err == nil || !strings.Contains(lang.ErrorMessage(err), "evaluates (x - c)**2 at complex points, which an expression cannot take") {
		t.Errorf("minimize with jac cs of an expression: %v", err)
	}
}

// run evaluates src, failing the test on an error.
func run(t *testing.T, s *lang.Session, src string) lang.Value {
	t.Helper()
	v, err := s.Eval(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}
