package builtins_test

import (
	"bytes"
	"strings"
	"testing"

	"calc/builtins"
)

// TestQuadPrincipalValue: over (-inf, inf), QUADPACK folds the integrand
// as f(x) + f(-x), so an odd one gives 0 with abserr 0 whether or not the
// integral exists (scipy says nothing). quad notes when a half does not
// converge, and stays silent when the halves do.
func TestQuadPrincipalValue(t *testing.T) {
	for _, c := range []struct{ src, note string }{
		{"quad(sin, -inf, inf)", "note: quad: the integral over (0, inf) does not converge (the maximum number of subdivisions (50) has been achieved); 0 is only the principal value over (-inf, inf), where the halves cancel\n"},
		{"quad(x -> x**3, inf, -inf)", "note: quad: the integral over (0, inf) does not converge"},
		{"quad(x -> x, -inf, inf)", "(the integral is probably divergent, or slowly convergent)"},
		{"quad(x -> x*exp(-x**2), -inf, inf)", ""},
		{"quad(exp(-x**2), -inf, inf)", ""},
		// f infinite at a node: QUADPACK calls it success, scipy's numpy
		// run gives nan with warnings.
		{"quad(x -> 1/x, -1, 1)", "IntegrationWarning: the integrand is infinite or nan at a point of the range"},
	} {
		s := builtins.NewSession()
		var out bytes.Buffer
		s.Out, s.Err = &out, &out
		if err := s.Run("<expr>", c.src); err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		got := out.String()
		if c.note == "" && strings.Contains(got, "note:") || !strings.Contains(got, c.note) {
			t.Errorf("%s printed %q, want a note saying %q", c.src, got, c.note)
		}
	}
}
