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

// TestBasinhoppingMinimizerKwargs checks that minimizer_kwargs choose the
// local method and its options: with L-BFGS-B bounds x ≥ 1 the minimum of
// x² + 10 − 10cos 2πx + y²/2 is 1 at [1, 0] (scipy 1.10 finds the same
// with minimizer_kwargs={"method": "L-BFGS-B", "bounds": ...}).
func TestBasinhoppingMinimizerKwargs(t *testing.T) {
	s := builtins.NewSession()
	v, err := s.Eval(`basinhopping(x**2 + 10 - 10*cos(2*pi*x) + 0.5*y**2, [3.3, 1], {seed: 1, niter: 30,
		minimizer_kwargs: {method: "L-BFGS-B", bounds: [[1, 5], [-1, 1]]}})`)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := v.Record().Get("x")
	if d := x.Array().Floats(); math.Abs(d[0]-1) > 1e-9 || math.Abs(d[1]) > 1e-6 {
		t.Errorf("x = %v, want [1, 0]", d)
	}
	// scipy takes the function's extra arguments only in minimizer_kwargs.
	v, err = s.Eval(`f(x, a) = (x - a)**2
		basinhopping(f, 0, {seed: 1, niter: 5, minimizer_kwargs: {args: [3]}}).x`)
	if err != nil || math.Abs(v.Float()-3) > 1e-6 {
		t.Errorf("basinhopping with minimizer_kwargs args = %v, %v; want 3", v, err)
	}
	for _, src := range []string{
		`basinhopping(f, 0, {args: [2], minimizer_kwargs: {args: [3]}})`,
		`basinhopping(x**2, 3, {minimizer_kwargs: {methd: "BFGS"}})`,
		`basinhopping(x**2, 3, {minimizer_kwargs: {method: "CG", bounds: [[0, 1]]}})`,
		`basinhopping(x**2, 3, {minimizer_kwargs: 3})`,
	} {
		if _, err := s.Eval(src); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}

// TestSHGOBinding checks shgo through the language: Himmelblau's four
// minima (f = 0 at [3, 2], [−2.805118, 3.131313], [−3.779310, −3.283186],
// [3.584428, −1.848126]); scipy 1.10's shgo returns only [3, 2] with its
// defaults.
func TestSHGOBinding(t *testing.T) {
	s := builtins.NewSession()
	v, err := s.Eval(`shgo((x**2 + y - 11)**2 + (x + y**2 - 7)**2, [[-5, 5], [-5, 5]])`)
	if err != nil {
		t.Fatal(err)
	}
	funl, _ := v.Record().Get("funl")
	if f := funl.Array().Floats(); len(f) != 4 || f[3] > 1e-10 {
		t.Errorf("funl = %v, want four zeros", f)
	}
	if _, err := s.Eval(`shgo(x**2, [[-1, 1]], {constraints: []})`); err == nil {
		t.Error("shgo accepted constraints it does not read")
	}
}
