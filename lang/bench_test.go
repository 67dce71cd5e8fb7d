package lang_test

import (
	"testing"

	"calc/builtins"
	"calc/lang"
)

// BenchmarkCallUserFunction calls f(x) = x**2 - 4*x + 8 through the
// evaluator, as a solver or map does. Target: 0 allocations, ≤ 150 ns.
func BenchmarkCallUserFunction(b *testing.B) {
	s := builtins.NewSession()
	if _, err := s.Eval("f(x) = x**2 - 4*x + 8"); err != nil {
		b.Fatal(err)
	}
	f, _ := s.Get("f")
	b.ReportAllocs()
	x := lang.Num(1.5)
	for b.Loop() {
		x = lang.Num(s.Call(f, x).Float() * 1e-3)
	}
}

// BenchmarkSumMapRange runs sum(map(f, range(1000000))) end to end.
func BenchmarkSumMapRange(b *testing.B) {
	s := builtins.NewSession()
	if _, err := s.Eval("f(x) = x**2 - 4*x + 8"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Eval("sum(map(f, range(1000000)))"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCallUserFunctionDoesNotAllocate(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("f(x) = let y = x - 2; y**2 + 4"); err != nil {
		t.Fatal(err)
	}
	f, _ := s.Get("f")
	allocs := testing.AllocsPerRun(1000, func() { s.Call(f, lang.Num(3)) })
	if allocs != 0 {
		t.Errorf("calling a scalar user function allocates %v times", allocs)
	}
	if got := s.Call(f, lang.Num(3)).Float(); got != 5 {
		t.Errorf("f(3) = %v, want 5", got)
	}
}

// TestCallBuiltinDoesNotAllocate checks that a builtin's call (arity,
// parameter kinds, no default to add) costs no allocation.
func TestCallBuiltinDoesNotAllocate(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("f(x) = sin(x) + abs(x) + round(x)"); err != nil {
		t.Fatal(err)
	}
	f, _ := s.Get("f")
	if allocs := testing.AllocsPerRun(1000, func() { s.Call(f, lang.Num(3)) }); allocs != 0 {
		t.Errorf("calling builtins allocates %v times", allocs)
	}
}
