package builtins_test

import (
	"math"
	"strings"
	"testing"

	"calc/builtins"
	"calc/lang"
)

// TestRootsNeverMiss checks the cases of issue 23 through the language:
// roots that the grid missed, and critical points where f' underflows,
// with the notes each prints.
func TestRootsNeverMiss(t *testing.T) {
	for _, c := range []struct {
		src   string
		want  []float64
		notes []string // substrings of the notes, in order
	}{
		{"roots((x - 0.5)*(x - 0.5001), 0, 1)", []float64{0.5, 0.5001}, nil},
		{"roots(x**2 - 2, 0, 2)", []float64{math.Sqrt2}, nil},
		{"roots(exp(-x**2) - 1e-300, -30, 30)", []float64{-26.28260884878467, 26.28260884878467}, nil},
		{"roots(x**2, -1, 1)", []float64{0}, []string{"touches 0 at 0"}},
		{"roots(1/x, -1, 1)", nil, []string{"at a pole or a jump"}},
		{"roots(gamma(x) - 2, 0.5, 4)", []float64{3}, []string{"gamma has no interval bounds"}},
		{"extrema(x*exp(-x), 0, 1e4).critical", []float64{1}, []string{"|f'| is below 2.2e-308"}},
		{"extrema(x*exp(-x), 0, 1e4).argmax", []float64{1}, []string{"|f'| is below 2.2e-308"}},
	} {
		s := builtins.NewSession()
		var out strings.Builder
		s.Out = &out
		v, err := s.Eval(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		var got []float64
		if v.Kind() == lang.NumKind {
			got = []float64{v.Float()}
		} else {
			got = v.Array().Floats()
		}
		if len(got) != len(c.want) {
			t.Errorf("%s = %v, want %v", c.src, got, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-9*math.Max(1, math.Abs(c.want[i])) {
				t.Errorf("%s = %v, want %v", c.src, got, c.want)
			}
		}
		printed := out.String()
		for _, n := range c.notes {
			if !strings.Contains(printed, n) {
				t.Errorf("%s: notes %q lack %q", c.src, printed, n)
			}
		}
		if len(c.notes) == 0 && printed != "" {
			t.Errorf("%s: unexpected notes %q", c.src, printed)
		}
	}
	s := builtins.NewSession()
	v, err := s.Eval("len(roots(sin(1/x), 0.01, 1))")
	if err != nil || v.Float() != 31 {
		t.Errorf("roots(sin(1/x), 0.01, 1) has %v roots (%v), want 31", v, err)
	}
}

// TestFixedPointVector checks fixed_point with a vector x0 on scipy's
// documentation example: [1.4920333, 1.37228132].
func TestFixedPointVector(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("g(x, c1, c2) = sqrt(c1/(x + c2))"); err != nil {
		t.Fatal(err)
	}
	v, err := s.Eval("fixed_point(g, [1.2, 1.3], {args: [[10, 12], [3, 5]]})")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1.4920333010795233, 1.3722813232690143}
	for i, w := range want {
		if math.Abs(v.Array().Floats()[i]-w) > 1e-8 {
			t.Errorf("fixed_point = %v, scipy %v", v.Array().Floats(), want)
		}
	}
	if _, err := s.Eval(`fixed_point(g, [1.2, 1.3], {args: [[10, 12], [3, 5]], method: "steffensen"})`); err == nil {
		t.Error("an unknown method was accepted")
	}
}

// TestNewtonVector checks newton with a vector x0 (scipy's vectorized
// newton): the cube roots of −4..4 from linspace(0.3, 3.3, 9), as scipy
// 1.10 finds them with fprime = 3x² (here from autodiff).
func TestNewtonVector(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("a = range(-4, 5)"); err != nil {
		t.Fatal(err)
	}
	v, err := s.Eval("newton(x**3 - a, linspace(0.3, 3.3, 9), {maxiter: 200})")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range v.Array().Floats() {
		if want := math.Cbrt(float64(i - 4)); math.Abs(r-want) > 1e-7 {
			t.Errorf("root %d = %v, want %v", i, r, want)
		}
	}
	// Halley's method with f'' from autodiff: scipy (fprime2 = 6x) gives
	// 1.341104507446289e-08 for the cube root of 0.
	h, err := s.Eval(`newton(x**3 - a, linspace(0.3, 3.3, 9), {method: "halley", maxiter: 200})`)
	if err != nil {
		t.Fatal(err)
	}
	if d := h.Array().Floats(); math.Abs(d[4]-1.341104507446289e-08) > 1e-20 || math.Abs(d[0]+1.5874010519681994) > 1e-15 {
		t.Errorf("halley: %v", d)
	}
	for _, src := range []string{
		`newton(x**3 - a, linspace(0.3, 3.3, 9), {x1: 1})`,
	} {
		if _, err := s.Eval(src); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}
