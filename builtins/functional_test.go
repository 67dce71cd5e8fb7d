package builtins_test

import (
	"testing"

	"calc/builtins"
	"calc/lang"
)

// TestQuantifiersOverArrays: all and any of an array look at every
// element, whatever its shape, as numpy.all and numpy.any do (a 2-D
// mask was an error about predicates).
func TestQuantifiersOverArrays(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		"all([[1, 2], [3, 4]] > 0)":        "true",
		"all([[1, 2], [0, 4]] > 0)":        "false",
		"any([[0, 0], [0, 1]])":            "true",
		"any(zeros(2, 3, 4))":              "false",
		"all([nan, 1])":                    "true",
		"all([])":                          "true",
		"any([])":                          "false",
		"all([[1, 2], [3, 4]], r -> true)": "true",
	} {
		if got := lang.Format(eval(t, s, src)); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}
