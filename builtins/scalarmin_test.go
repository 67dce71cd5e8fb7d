package builtins_test

import (
	"io"
	"math"
	"strings"
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
			data = a.Floats()
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

// TestExtremaOfPolesAndJumps: extrema refuses a pole, whether f' changes
// sign there (1/(x - 1.5), whose scan cluster gave ±5.7e9 as min and max)
// or not (tan at π/2, which gave max 0 and min -0.14 without a note), and
// keeps its answer across a finite jump: the value just before it.
func TestExtremaOfPolesAndJumps(t *testing.T) {
	s := builtins.NewSession()
	s.Out = io.Discard
	s.Err = io.Discard
	for src, want := range map[string]string{
		"extrema(1/(x - 1.5), 0, 3)": "f has a pole near 1.4999999998",
		"extrema(1/x, -1, 1)":        "f has a pole near",
		"extrema(tan(x), 0, 3)":      "f(1.572) = -830.789879526 lies outside [-0.142546543074, 0]",
	} {
		if _, err := s.Eval(src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want one saying %q", src, err, want)
		}
	}
	got := eval(t, s, "extrema(x -> x < 1 ? x : x - 5, 0, 3)").Record()
	if max, min := got.Values["max"].Float(), got.Values["min"].Float(); max < 1-1e-9 || max >= 1 || math.Abs(min+4) > 1e-9 {
		t.Errorf("a jump at 1: max %v, min %v; want just below 1 and about -4", max, min)
	}
}
