package builtins_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"calc/builtins"
	"calc/lang"
)

// TestFormatSpec compares format(x, spec) with Python's format() over the
// cases of testdata/format_spec.txt, which testdata/format_spec.py wrote.
func TestFormatSpec(t *testing.T) {
	text, err := os.ReadFile("testdata/format_spec.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := builtins.NewSession()
	for _, line := range strings.Split(strings.TrimSuffix(string(text), "\n"), "\n") {
		fields := strings.Split(line, "\t")
		value, spec, want := fields[0], fields[1], fields[2]
		x := lang.Str(strings.Trim(value, `"`))
		if !strings.HasPrefix(value, `"`) {
			f, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatal(err)
			}
			x = lang.Num(f)
		}
		s.Set("v", x)
		got, err := s.Eval("format(v, " + strconv.Quote(spec) + ")")
		if err != nil || got.Text() != want {
			t.Errorf("format(%s, %q) = %q (%v), Python gives %q", value, spec, got.Text(), err, want)
		}
	}
	for _, bad := range []string{`format(1, "x")`, `format(1, ".f")`, `format(2.5, "d")`, `format(1, "10.3ff")`} {
		if _, err := s.Eval(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
