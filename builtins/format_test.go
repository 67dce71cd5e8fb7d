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
		switch {
		case value == "True" || value == "False":
			x = lang.Bool(value == "True")
		case strings.HasSuffix(value, "j)") || strings.HasSuffix(value, "j"):
			z, err := strconv.ParseComplex(strings.ReplaceAll(value, "j", "i"), 128)
			if err != nil {
				t.Fatal(err)
			}
			x = lang.Complex(z)
		case !strings.HasPrefix(value, `"`):
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
	for _, bad := range []string{`format(1, "x")`, `format(1, ".f")`, `format(2.5, "d")`, `format(1, "10.3ff")`, `format(1j, "d")`, `format(1j, "%")`} {
		if _, err := s.Eval(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
