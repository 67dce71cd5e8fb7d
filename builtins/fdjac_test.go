package builtins_test

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"calc/builtins"
)

// fdjacCase is one call of testdata/scipy_fdjac.json with what scipy 1.10
// answers: the point, the value and the counts of a minimize result, or
// the named fields of another solver's, or the value itself.
type fdjacCase struct {
	Call   string             `json:"call"`
	X      []float64          `json:"x"`
	Fun    *float64           `json:"fun"`
	Nfev   *int               `json:"nfev"`
	Njev   *int               `json:"njev"`
	Fields map[string]float64 `json:"fields"`
	Value  []float64          `json:"value"`
}

// fdjacDeviation says why a call's run differs from scipy's: its path
// (then only the answer is compared), or only the last digits of x
// (countsAgree: the counts are compared too).
type fdjacDeviation struct {
	why         string
	countsAgree bool
}

// fdjacDeviations are the calls whose runs differ from scipy's.
var fdjacDeviations = map[string]fdjacDeviation{
	`minimize(rosen, [-1.2, 1.0], {method: "CG", jac: false})`:                     {why: whyFMA},
	`minimize(rosen, [-1.2, 1.0], {method: "CG", jac: "2-point"})`:                 {why: whyFMA},
	`minimize(rosen, [-1.2, 1.0], {method: "BFGS", jac: false})`:                   {why: whyFMA},
	`fmin_bfgs(rosen, [-1.2, 1], {disp: false, full_output: true, fprime: false})`: {why: whyFMA},
	`fmin_cg(rosen, [-1.2, 1], {disp: false, full_output: true, fprime: false})`:   {why: whyFMA},
	`minimize(rosen, [-1.2, 1.0], {method: "BFGS", jac: "2-point"})`:               {why: whyFMA, countsAgree: true},
	`minimize(rosen, [-1.2, 1.0], {method: "CG", tol: 1e-3, jac: false})`:          {why: whyFMA},
	`minimize(rosen, [-1.2, 1.0], {method: "BFGS", tol: 1e-3, jac: false})`:        {why: whyFMA, countsAgree: true},
	`minimize(rosen, [-1.2, 1.0], {method: "L-BFGS-B", tol: 1e-3, jac: false})`:    {why: whyFMA, countsAgree: true},
	`minimize(rosen, [-1.2, 1.0], {method: "L-BFGS-B", jac: false})`:               {why: whyFMA, countsAgree: true},
	`fmin_l_bfgs_b(rosen, [-1.2, 1], {approx_grad: true})`:                         {why: whyFMA, countsAgree: true},
}

// The reasons for fdjacDeviations.
const (
	whyFMA = "numpy's OpenBLAS computes even 2-element dot products with fused multiply-adds, which round " +
		"differently from Go's; over many quasi-Newton iterations on Rosenbrock the last digits of x differ, " +
		"or the paths part (the same runs with exact gradients do too: see stdlib/optimize's refDeviations)"
	whyTrustConstr = "calc's trust-constr is its own barrier trust-region SQP, not scipy's step for step"
)

// Tolerances on the answers: the runs that agree step for step agree in x
// to 1e-7 (relative), the rounding of numpy's fused multiply-adds
// amplified by the differences; deviating ones reach the same minimum.
const (
	fdjacTol      = 1e-7
	fdjacLooseTol = 1e-3
)

// TestFiniteDifferencesAgainstScipy runs every call of
// testdata/scipy_fdjac.json (written by scipy_fdjac.py) and compares
// calc's answers and evaluation counts with scipy's: the counts exactly
// where the algorithm is scipy's step for step.
func TestFiniteDifferencesAgainstScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_fdjac.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Definitions string      `json:"definitions"`
		Cases       []fdjacCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	s := builtins.NewSession()
	if _, err := s.Eval(ref.Definitions); err != nil {
		t.Fatal(err)
	}
	for _, c := range ref.Cases {
		dev, deviates := fdjacDeviations[c.Call]
		if !deviates && isTrustConstr(c.Call) {
			dev, deviates = fdjacDeviation{why: whyTrustConstr}, true
		}
		tol := fdjacTol
		if deviates {
			tol = fdjacLooseTol
		}
		if _, err := s.Eval("r = " + c.Call); err != nil {
			t.Errorf("%s: %v", c.Call, err)
			continue
		}
		field := func(name string) []float64 {
			v, err := s.Eval("r" + name)
			if err != nil {
				t.Fatalf("%s: r%s: %v", c.Call, name, err)
			}
			if a := v.Array(); a != nil {
				return a.Floats()
			}
			return []float64{v.Float()}
		}
		if c.Value != nil {
			fdjacClose(t, c.Call, field(""), c.Value, tol)
			continue
		}
		x := ".x"
		if c.Fields != nil && c.Fun != nil {
			x = ".xopt" // the fmin functions' full output
		}
		if _, ok := c.Fields["d.funcalls"]; ok {
			x = ".x"
		}
		fdjacClose(t, c.Call+x, field(x), c.X, tol)
		if c.Fun != nil && c.Fields == nil {
			fdjacClose(t, c.Call+".fun", field(".fun"), []float64{*c.Fun}, tol)
		}
		if deviates && !dev.countsAgree {
			t.Logf("%s: counts not compared: %s", c.Call, dev.why)
			continue
		}
		counts := map[string]float64{}
		for k, v := range c.Fields {
			counts["."+k] = v
		}
		if c.Nfev != nil {
			counts[".nfev"] = float64(*c.Nfev)
		}
		if c.Njev != nil && !isTNC(c.Call) {
			counts[".njev"] = float64(*c.Njev)
		}
		for name, want := range counts {
			got := field(name)[0]
			if name == ".cost" {
				fdjacClose(t, c.Call+name, []float64{got}, []float64{want}, tol)
			} else if got != want {
				t.Errorf("%s%s = %v, scipy %v", c.Call, name, got, want)
			}
		}
	}
}

func isTrustConstr(call string) bool { return strings.Contains(call, `"trust-constr"`) }
func isTNC(call string) bool         { return strings.Contains(call, `"TNC"`) }

// fdjacClose reports the entries of got that differ from want by more than
// tol relative to 1 + |want|.
func fdjacClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, scipy %v", what, got, want)
		return
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol*(1+math.Abs(want[i])) {
			t.Errorf("%s[%d] = %.12g, scipy %.12g", what, i, got[i], want[i])
		}
	}
}

// TestFiniteDifferenceRefusals: finite differences a method or a function
// cannot take are clear errors, naming what can (scipy raises for the
// methods that need a gradient and warns, or answers wrongly, for the
// others).
func TestFiniteDifferenceRefusals(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {method: "Newton-CG", jac: false})`:                     "the methods that do: CG, BFGS, L-BFGS-B, TNC, SLSQP, trust-constr",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {method: "dogleg", jac: "2-point"})`:                    "which dogleg does not take",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {method: "Nelder-Mead", jac: "3-point"})`:               "Nelder-Mead uses no derivatives",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {jac: "4-point"})`:                                      "not a finite-difference scheme",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {jac: "cs"})`:                                           "an expression cannot take",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {jac: "3-point", epsilon: 1e-6})`:                       "give finite_diff_rel_step",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {jac: false, finite_diff_rel_step: 1e-6})`:              "not of jac false",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {method: "BFGS", bounds: [[0, 1], [0, 1]]})`:            "the methods that take it: Nelder-Mead, Powell, L-BFGS-B, TNC, SLSQP, trust-constr",
		`minimize((x-3)**2 + (y+1)**2, [0, 0], {method: "CG", constraints: {type: "eq", fun: x - y}})`: "the methods that take it: COBYLA, SLSQP, trust-constr",
		`fmin_l_bfgs_b((x-3)**2 + (y+1)**2, [0, 0], {approx_grad: true, fprime: false})`:               "not both",
		`f(v) = (v[0]-3)**2 + abs(v[1]+1)**1.5` + "\n" + `minimize(f, [0, 0], {jac: "cs"})`:            "is not analytic there",
		`least_squares([x - 1, y - 2], [0, 0], {method: "lm", jac: "3-point"})`:                        "apply to TRF and Dogbox",
		`leastsq([x - 1, y - 2], [0, 0], {Dfun: "2-point"})`:                                           "Dfun must be a function, or false",
	} {
		_, err := s.Eval(src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", src, err, want)
		}
	}
}
