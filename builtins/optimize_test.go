package builtins_test

import (
	"bytes"
	"strings"
	"testing"

	"calc/builtins"
)

// BenchmarkSeedFmin is the seed lesson's fmin call made again and again,
// as a loop in calc would (scipy's side: go run ./bench/compare -only
// seed_fmin).
func BenchmarkSeedFmin(b *testing.B) {
	s := builtins.NewSession()
	if _, err := s.Eval("myfunc(x) = x**2 - 4*x + 8"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Eval("fmin(myfunc, [1.3], {disp: false})"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOptimizeAgainstScipy checks the seed problem's reports against
// scipy 1.10's counts (stdlib/optimize/testdata/scipy_reference.json has
// the whole set): the bindings must not change what the algorithms do.
func TestOptimizeAgainstScipy(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]float64{
		"fmin(x**2 - 4*x + 8, [1.3], {disp: false, full_output: true}).funcalls":        32,
		"fmin(x**2 - 4*x + 8, [1.3], {disp: false, full_output: true}).iter":            16,
		"fmin_powell(x**2 - 4*x + 8, [1.3], {disp: false, full_output: true}).funcalls": 51,
		"minimize(x**2 - 4*x + 8, [1.3], {method: \"Nelder-Mead\"}).nfev":               32,
		// scipy 1.10 honours bounds in Nelder-Mead and Powell: [2, 0] and 2.0000967591.
		"minimize((x-3)**2 + (y+1)**2, [0.5, 0.5], {method: \"Nelder-Mead\", bounds: [[0, 2], [0, 2]]}).x[1]": 0,
		"minimize((x-3)**2 + (y+1)**2, [0.5, 0.5], {method: \"Nelder-Mead\", bounds: [[0, 2], [0, 2]]}).nfev": 22,
		"minimize((x-3)**2 + (y+1)**2, [0.5, 0.5], {method: \"Powell\", bounds: [[0, 2], [0, 2]]}).nfev":      265,
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Fatal(err)
		}
		if v.Float() != want {
			t.Errorf("%s = %v, scipy %v", src, v.Float(), want)
		}
	}
}

// TestCallbacks: TNC and SLSQP call callback with each iterate, COBYLA
// with each point it evaluates, as scipy does.
func TestCallbacks(t *testing.T) {
	for _, c := range []struct {
		method, count string
	}{{"TNC", ""}, {"SLSQP", "nit"}, {"COBYLA", "nfev"}} {
		s := builtins.NewSession()
		var out bytes.Buffer
		s.Out = &out
		src := `r = minimize((x - 1)**2 + 10*(y - x**2)**2, [0, 0], method="` + c.method + `", callback=v -> print(v))`
		if err := s.Run("cb", src); err != nil {
			t.Fatalf("%s: %v", c.method, err)
		}
		calls := strings.Count(out.String(), "\n")
		if calls == 0 {
			t.Errorf("%s: the callback was never called", c.method)
		}
		if c.count != "" {
			want, _ := s.Eval("r." + c.count)
			if calls != int(want.Float()) {
				t.Errorf("%s: %d calls, r.%s = %v", c.method, calls, c.count, want.Float())
			}
		}
	}
}
