package builtins_test

import (
	"math"
	"testing"

	"calc/builtins"
)

// TestDifferentialEvolutionBinding checks differential_evolution through
// the language: Styblinski–Tang's global minimum, which scipy 1.10 finds
// at x = −2.9035340 in each coordinate with f = −78.3323314
// (stdlib/optimize/testdata/scipy_de.json), and its options.
func TestDifferentialEvolutionBinding(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("st(x, y) = (x**4 - 16*x**2 + 5*x + y**4 - 16*y**2 + 5*y)/2"); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]float64{
		`differential_evolution(st, [[-5, 5], [-5, 5]], {seed: 2}).fun`:                                       -78.33233140754274,
		`differential_evolution(st, [[-5, 5], [-5, 5]], {seed: 2}).x[1]`:                                      -2.903534,
		`differential_evolution(st, [[-5, 5], [-5, 5]], {seed: 4, strategy: "rand2exp", mutation: 0.6}).x[0]`: -2.903534,
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if math.Abs(v.Float()-want) > 1e-6 {
			t.Errorf("%s = %v, want %v", src, v.Float(), want)
		}
	}
	for _, src := range []string{
		`differential_evolution(st, [[-5, 5], [-5, 5]], {strategy: "best9bin"})`,
		`differential_evolution(st, [[-5, 5], [-5, 5]], {mutation: [0.1, 0.2, 0.3]})`,
		`differential_evolution(st, [[-5, 5], [-5, 5]], {x0: [0, 0]})`,
	} {
		if _, err := s.Eval(src); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}
