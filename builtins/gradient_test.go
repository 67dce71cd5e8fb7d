package builtins_test

import (
	"slices"
	"strings"
	"testing"

	"calc/builtins"
)

// TestGradientAsNumpy compares gradient with numpy 1.24's np.gradient to
// the bit, for y = xs³ - 2xs (exact the same in both) at uneven points,
// 0.3 apart, and at the even points linspace(0, 1.5, 6):
//
//	xs = np.array([0, 0.1, 0.35, 0.5, 1.2, 2]); y = xs*xs*xs - 2*xs
//	np.gradient(y, xs); np.gradient(y, 0.3); np.gradient(y, np.linspace(0, 1.5, 6))
func TestGradientAsNumpy(t *testing.T) {
	s := builtins.NewSession()
	eval(t, s, "xs = [0, 0.1, 0.35, 0.5, 1.2, 2]; y = xs*xs*xs - 2*xs")
	for src, want := range map[string][]float64{
		"gradient(y, xs)":                  {-1.99, -1.9450000000000003, -1.5949999999999993, -1.1449999999999996, 2.88, 5.839999999999999},
		"gradient(y, 0.3)":                 {-0.6633333333333334, -1.0952083333333333, -1.1266666666666667, -0.02479166666666662, 8.125, 15.573333333333332},
		"gradient(y, linspace(0, 1.5, 6))": {-0.6633333333333334, -1.0952083333333333, -1.126666666666667, -0.02479166666666699, 8.125, 15.57333333333333},
		"gradient([1, 4, 9, 16])":          {3, 4, 6, 7},
	} {
		if got := eval(t, s, src).Array().Floats(); !slices.Equal(got, want) {
			t.Errorf("%s = %v, numpy %v", src, got, want)
		}
	}
	for src, msg := range map[string]string{
		"gradient([[1, 2], [3, 4]])":  "a vector of at least 2 samples",
		"gradient([1])":               "a vector of at least 2 samples",
		"gradient([1, 2, 3], [0, 1])": "as long as the samples (3)",
	} {
		if _, err := s.Eval(src); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: err = %v, want one saying %q", src, err, msg)
		}
	}
}
