package builtins

import (
	"slices"
	"strings"
	"testing"

	"calc/autodiff"
	"calc/lang"
)

// TestSolverFunctionCache refits the Lotka–Volterra model as a session
// would: the function traced for the first fit is reused while nothing it
// reads changes — with the same answer and the same work, its solver
// node's cache reset — and traced again when its data change.
func TestSolverFunctionCache(t *testing.T) {
	s := NewSession()
	s.Out = &strings.Builder{}
	fit := func() ([]float64, int64) {
		before := rhsCounts.plain.Load() + rhsCounts.augmented.Load()
		v := must(s.Eval("least_squares(residuals, start, bounds=([0, 0, 0, 0], inf)).x"))
		return v.Array().Floats(), rhsCounts.plain.Load() + rhsCounts.augmented.Load() - before
	}
	retraced := func() bool {
		traced := false
		_, err := s.SolverFunction(must(s.Eval("residuals")), []lang.Value{must(s.Eval("start"))}, "solver, argument 0",
			func(t *lang.Traced) (*autodiff.Node, []*autodiff.Node) { traced = true; return t.Out, t.Args[0].Vars })
		if err != nil {
			t.Fatal(err)
		}
		return traced
	}
	must(s.Eval(fitODE))
	x1, n1 := fit()
	x2, n2 := fit()
	if !slices.Equal(x1, x2) || n1 != n2 {
		t.Errorf("a refit gives %v in %d evaluations, the first fit %v in %d", x2, n2, x1, n1)
	}
	if retraced() {
		t.Error("the refit traced its function again")
	}
	must(s.Eval("data = 1.01*data"))
	if !retraced() {
		t.Error("the function was not traced again after its data changed")
	}
}

// TestDerivedFreeSymbols differentiates functions that use an unbound
// name: their derivatives keep it as a symbol.
func TestDerivedFreeSymbols(t *testing.T) {
	s := NewSession()
	must(s.Eval("f(x) = a*x**2\ng(v) = c*v[0]*v[1]"))
	for src, want := range map[string]string{"diff(f)": "2*a*x", "grad(f)(3)": "6*a", "grad(g)([1, 2])": "[2*c, c]"} {
		if got := lang.Format(must(s.Eval(src))); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}
