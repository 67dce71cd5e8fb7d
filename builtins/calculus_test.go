package builtins_test

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"calc/autodiff"
	"calc/builtins"
	"calc/lang"
)

// sympyCase is one entry of autodiff/testdata/derivatives.json, made by
// derivatives.py with SymPy.
type sympyCase struct {
	Expr   string      `json:"expr"`
	Vars   []string    `json:"vars"`
	Derivs []string    `json:"derivs"`
	Points [][]float64 `json:"points"`
	Values []float64   `json:"values"`
	Grads  [][]float64 `json:"grads"`
	Len    int         `json:"len"`
}

func loadSympy(t *testing.T) []sympyCase {
	t.Helper()
	data, err := os.ReadFile("../autodiff/testdata/derivatives.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []sympyCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func eval(t *testing.T, s *lang.Session, src string) lang.Value {
	t.Helper()
	v, err := s.Eval(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

// at evaluates an expression value with its symbols bound to numbers.
func at(t *testing.T, s *lang.Session, e lang.Value, vars []string, point []float64) float64 {
	t.Helper()
	if e.Kind() == lang.NumKind {
		return e.Float()
	}
	rec := lang.NewRecord()
	for i, v := range vars {
		rec.Set(v, lang.Num(point[i]))
	}
	s.Set("_expr", e)
	s.Set("_at", lang.RecordOf(rec))
	v := eval(t, s, "subs(_expr, _at)")
	if v.Kind() != lang.NumKind {
		t.Fatalf("%s at %v is %s, not a number", lang.Format(e), point, lang.Format(v))
	}
	return v.Float()
}

func close(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TestDerivativesAgainstSympy differentiates every expression of the
// SymPy reference set by each of its variables and checks the derivative
// at the reference points against SymPy's values and against central
// differences, and that the printed derivative is about as short as
// SymPy's.
func TestDerivativesAgainstSympy(t *testing.T) {
	cases := loadSympy(t)
	if len(cases) < 40 {
		t.Fatalf("only %d reference cases", len(cases))
	}
	for _, c := range cases {
		s := builtins.NewSession()
		f := eval(t, s, c.Expr)
		printed := 0
		for i, v := range c.Vars {
			d := eval(t, s, "diff("+c.Expr+", "+v+")")
			printed += len(lang.Format(d))
			for k, p := range c.Points {
				if got, want := at(t, s, f, c.Vars, p), c.Values[k]; !close(got, want, 1e-12) {
					t.Errorf("%s at %v = %v, SymPy %v", c.Expr, p, got, want)
				}
				got, want := at(t, s, d, c.Vars, p), c.Grads[k][i]
				if !close(got, want, 1e-10) {
					t.Errorf("d/d%s %s = %s at %v is %v, SymPy %v (%s)", v, c.Expr, lang.Format(d), p, got, want, c.Derivs[i])
				}
				h := 1e-6 * math.Max(1, math.Abs(p[i]))
				up, down := append([]float64(nil), p...), append([]float64(nil), p...)
				up[i] += h
				down[i] -= h
				fd := (at(t, s, f, c.Vars, up) - at(t, s, f, c.Vars, down)) / (2 * h)
				if !close(got, fd, 1e-5) {
					t.Errorf("d/d%s %s at %v is %v, central difference %v", v, c.Expr, p, got, fd)
				}
			}
		}
		if printed > 2*c.Len+12 {
			t.Errorf("%s: derivatives print in %d characters, SymPy's in %d", c.Expr, printed, c.Len)
		}
	}
}

// TestPrintRoundTrip checks that every expression and derivative prints as
// text that parses back to the same graph node.
func TestPrintRoundTrip(t *testing.T) {
	for _, c := range loadSympy(t) {
		s := builtins.NewSession()
		exprs := []lang.Value{eval(t, s, c.Expr)}
		for _, v := range c.Vars {
			exprs = append(exprs, eval(t, s, "diff("+c.Expr+", "+v+")"))
		}
		for _, e := range exprs {
			text := lang.Format(e)
			if n := e.Node(); n != nil {
				text = n.String() // exact numbers
			}
			back := eval(t, s, text)
			if !lang.Equal(e, back) {
				t.Errorf("%s prints as %s, which parses as %s", c.Expr, text, lang.Format(back))
			}
		}
	}
}

// TestTextbookDerivatives pins the printed form of the derivatives the
// issue names.
func TestTextbookDerivatives(t *testing.T) {
	for src, want := range map[string]string{
		"diff(x**2 - 4*x + 8, x)":              "2*x - 4",
		"diff(x**2*sin(x), x)":                 "2*x*sin(x) + x**2*cos(x)",
		"diff(exp(-x**2/2), x)":                "-x*exp(-x**2/2)",
		"x + x":                                "2*x",
		"3*x - x":                              "2*x",
		"x*x":                                  "x**2",
		"(x**2)**3":                            "x**6",
		"diff(tanh(x), x)":                     "1 - tanh(x)**2",
		"diff(sqrt(x), x)":                     "1/(2*sqrt(x))",
		"diff(1/x, x)":                         "-1/x**2",
		"expand((x + 1)**2)":                   "x**2 + 2*x + 1",
		"taylor(cos(x), x, 0, 4)":              "x**4/24 - x**2/2 + 1",
		"grad((1 - x)**2 + 100*(y - x**2)**2)": "[2*x - 400*x*(y - x**2) - 2, 200*(y - x**2)]",
	} {
		s := builtins.NewSession()
		if got := lang.Format(eval(t, s, src)); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}

// TestTaylorWithoutAPolynomial: an expression that is not differentiable
// at the point (a pole, a branch point, 0/0) has no Taylor polynomial
// there, which is an error rather than one of inf or nan coefficients.
func TestTaylorWithoutAPolynomial(t *testing.T) {
	for src, want := range map[string]string{
		"taylor(sqrt(x), x, 0, 2)":   "the derivative of order 1 is inf at 0",
		"taylor(log(x), x, 0, 2)":    "the derivative of order 0 is -inf at 0",
		"taylor(sin(x)/x, x, 0, 4)":  "the derivative of order 0 is nan at 0",
		"taylor(x**1.5, x, 0, 3)":    "the derivative of order 2 is inf at 0",
		"taylor(1/(x - 1), x, 1, 1)": "the derivative of order 0 is",
	} {
		_, err := builtins.NewSession().Eval(src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error with %q", src, err, want)
		}
	}
	s := builtins.NewSession()
	if got := lang.Format(eval(t, s, "taylor(sqrt(x), x, 1, 2)")); got != "0.5 - (x - 1)**2/8 + x/2" {
		t.Errorf("taylor(sqrt(x), x, 1, 2) = %s", got)
	}
}

// TestDerivedFunctionsOfSymbols checks that a derived function called
// with symbols differentiates by the same variables as with numbers: by
// every argument when they are numbers, not by the first alone.
func TestDerivedFunctionsOfSymbols(t *testing.T) {
	for src, want := range map[string]string{
		"grad((x, y) -> x*y)(a, b)":                           "[b, a]",
		"hessian((x, y) -> x**2*y)(a, b)":                     "[[2*b, 2*a], [2*a, 0]]",
		"shape(jacobian((x, y) -> [x*y, x + y, x**2])(a, b))": "[3, 2]",
		"jacobian(v -> [v[0]*v[1], v[0]**2])([a, b])":         "[[b, a], [2*a, 0]]",
	} {
		s := builtins.NewSession()
		if got := lang.Format(eval(t, s, src)); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}

// TestTapesAgainstSympy compiles every reference expression with its
// gradient to a tape and checks the tape's numbers against SymPy's.
func TestTapesAgainstSympy(t *testing.T) {
	for _, c := range loadSympy(t) {
		s := builtins.NewSession()
		f := eval(t, s, c.Expr).Node()
		if f == nil {
			continue // a constant
		}
		vars := make([]*autodiff.Node, len(c.Vars))
		for i, v := range c.Vars {
			vars[i] = s.Graph().Var(v, nil)
		}
		grads := s.Graph().Grad(f, vars...)
		tape, err := autodiff.Compile(append([]*autodiff.Node{f}, grads...), vars)
		if err != nil {
			t.Fatal(err)
		}
		for k, p := range c.Points {
			in := make([][]float64, len(p))
			for i := range p {
				in[i] = []float64{p[i]}
			}
			tape.Eval(in...)
			if got := tape.Output(0)[0]; !close(got, c.Values[k], 1e-12) {
				t.Errorf("tape of %s at %v = %v, SymPy %v", c.Expr, p, got, c.Values[k])
			}
			for i := range vars {
				if got := tape.Output(1 + i)[0]; !close(got, c.Grads[k][i], 1e-10) {
					t.Errorf("tape of d/d%s %s at %v = %v, SymPy %v", c.Vars[i], c.Expr, p, got, c.Grads[k][i])
				}
			}
		}
	}
}

// TestSpecialDerivatives checks the derivative rules of the special
// functions against mpmath's numerical derivatives at 40 digits
// (autodiff/testdata/special_derivatives.py), to 1e-12 relative.
func TestSpecialDerivatives(t *testing.T) {
	data, err := os.ReadFile("../autodiff/testdata/special_derivatives.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Expr string
		X, D float64
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	s := builtins.NewSession()
	for _, c := range cases {
		d := eval(t, s, "diff("+c.Expr+", x)")
		if got := at(t, s, d, []string{"x"}, []float64{c.X}); !close(got, c.D, 1e-12) {
			t.Errorf("d/dx %s = %s at %v is %v, mpmath %v", c.Expr, lang.Format(d), c.X, got, c.D)
		}
	}
}
