package builtins_test

import (
	"math"
	"strings"
	"testing"

	"calc/builtins"
)

// TestJoinsTrace checks that concat, stack, hstack, vstack and where
// build graphs from symbolic parts, so that functions made of pieces get
// exact derivatives; and MGH's Watson function (n = 9, built with
// concat) reaches its published minimum 1.39976e-6 (Moré, Garbow and
// Hillstrom, ACM TOMS 7, 1981) in scipy 1.10's 6 evaluations with the
// exact Jacobian, without the finite-difference note.
func TestJoinsTrace(t *testing.T) {
	s := builtins.NewSession()
	var out strings.Builder
	s.Out = &out
	for _, src := range []string{
		"r(p) = concat([p[0] - 1], 10*(p[1:] - p[:-1]**2))",
		"Jr = jacobian(r)",
		"f(x) = where(x > 0, x**2, -x)",
		"df = grad(f)",
		"v(p) = reshape(vstack(p, 2*p), 4)",
		"Jv = jacobian(v)",
		"h(p) = hstack(p[0], p, 3)",
		"Jh = jacobian(h)",
		"st(p) = reshape(stack([p, p**2], {axis: 1}), 4)",
		"Jst = jacobian(st)",
		"m(p) = concat([[p[0], p[1]], [p[1], p[0]]], [[1, 2], [3, 4]], {axis: 1})",
		"t = range(1, 30)/29",
		"V = reshape(t, 29, 1)**range(0, 9)",
		"D = range(0, 9)*reshape(t, 29, 1)**(range(0, 9) - 1)",
		"watson(x) = concat(dot(D, x) - dot(V, x)**2 - 1, [x[0], x[1] - x[0]**2 - 1])",
	} {
		if _, err := s.Eval(src); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
	}
	for src, want := range map[string][]float64{
		"Jr([-1.2, 1, 1])": {1, 0, 0, 24, 10, 0, 0, -20, 10},
		"[df(3), df(-2)]":  {6, -1},
		"Jv([1, 2])":       {1, 0, 0, 1, 2, 0, 0, 2},
		"Jh([1, 2])":       {1, 0, 1, 0, 0, 1, 0, 0},
		"Jst([1, 2])":      {1, 0, 2, 0, 0, 1, 0, 4},
		"m([5, 6])":        {5, 6, 1, 2, 6, 5, 3, 4},
		"let r = least_squares(watson, zeros(9)); [2*r.cost, r.nfev]": {1.3997601381058623e-06, 6},
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		got := v.Array().Floats()
		if len(got) != len(want) {
			t.Errorf("%s = %v, want %v", src, got, want)
			continue
		}
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-9*math.Max(1e-3, math.Abs(want[i])) {
				t.Errorf("%s = %v, want %v", src, got, want)
				break
			}
		}
	}
	if strings.Contains(out.String(), "cannot be traced") {
		t.Errorf("a join was not traced: %s", out.String())
	}
	if _, err := s.Eval("g3(p) = sum(concat(reshape(p, 1, 1, 2), reshape(p, 1, 1, 2), {axis: 2}))"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Eval("G3 = grad(g3)\nG3([1, 2])"); err == nil {
		t.Error("a symbolic concat along axis 2 was accepted")
	}
}
