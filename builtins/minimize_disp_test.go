package builtins_test

import (
	"os"
	"strings"
	"testing"

	"calc/builtins"
	"calc/lang"
)

// TestMinimizeDisp: minimize's disp prints scipy's report, the same lines
// as scipy's minimize (testdata/minimize_disp.py), for the methods that
// report as their fmin functions; the others refuse it.
func TestMinimizeDisp(t *testing.T) {
	want, err := os.ReadFile("testdata/minimize_disp.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := "f = (x - 3)**2 + (y + 1)**2 + x**4/10\n"
	for _, m := range []string{"BFGS", "Nelder-Mead", "CG", "Powell"} {
		src += `print("== ` + m + `")` + "\nminimize(f, [1, 1], method=\"" + m + "\", options={disp: true});\n"
	}
	s := lang.NewSession(builtins.All(), builtins.Constants())
	var out strings.Builder
	s.Out = &out
	if err := s.Run("<test>", src); err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("got\n%s\nwant (scipy's)\n%s", out.String(), want)
	}
	_, err = s.Eval(`minimize(f, [1, 1], method="L-BFGS-B", disp=true)`)
	if err == nil || !strings.Contains(err.Error(), `option "disp" does not apply to method L-BFGS-B`) {
		t.Errorf("disp with L-BFGS-B: got %v, want an error", err)
	}
}
