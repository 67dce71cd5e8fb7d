package builtins_test

import (
	"io"
	"testing"

	"calc/builtins"
	"calc/lang"
)

// TestScalarFullOutputUnpacks: brent, golden and fminbound with
// {full_output: true} unpack as scipy's tuples. The values are scipy
// 1.10's for f(x) = x**2 - 4*x + 8:
//
//	brent(f, full_output=True)                   (2.0, 4.0, 4, 8)
//	golden(f, full_output=True)                  (2.0, 4.0, 42)
//	fminbound(f, 0, 5, full_output=True)         (1.9999999999999996, 4.0, 0, 6)
//	fminbound(f, 0, 5, full_output=True, maxfun=3) (1.9098300562505255, 4.008130618755784, 1, 3)
func TestScalarFullOutputUnpacks(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []float64
	}{
		{"a, b, c, d = brent(x**2 - 4*x + 8, full_output=true); [a, b, c, d]", []float64{2, 4, 4, 8}},
		{"a, b, c = golden(x**2 - 4*x + 8, full_output=true); [a, b, c]", []float64{2, 4, 42}},
		{"a, b, c, d = fminbound(x**2 - 4*x + 8, 0, 5, full_output=true); [a, b, c, d]", []float64{2, 4, 0, 6}},
		{"a, b, c, d = fminbound(x**2 - 4*x + 8, 0, 5, full_output=true, maxfun=3); [a, b, c, d]", []float64{1.9098300562505255, 4.008130618755784, 1, 3}},
		{"fminbound(x**2 - 4*x + 8, 0, 5, full_output=true).nit", []float64{6}}, // scipy: minimize_scalar(method="bounded").nit
	} {
		s := builtins.NewSession()
		s.Out = io.Discard
		got := eval(t, s, c.src)
		a := got.Array()
		var data []float64
		if a != nil {
			data = a.Data
		} else if got.Kind() == lang.NumKind {
			data = []float64{got.Float()}
		}
		if len(data) != len(c.want) {
			t.Errorf("%s = %s, want %v", c.src, lang.Format(got), c.want)
			continue
		}
		for i := range data {
			if diff := data[i] - c.want[i]; diff > 1e-12 || diff < -1e-12 {
				t.Errorf("%s = %s, want %v", c.src, lang.Format(got), c.want)
				break
			}
		}
	}
}
