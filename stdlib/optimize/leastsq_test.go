package optimize

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// TestLeastSqNIST fits every NIST problem from both of NIST's starting
// points with tight tolerances and checks the certified estimates and
// their certified standard deviations, s·sqrt(cov_x[i][i]) with
// s² = RSS/(m−n).
func TestLeastSqNIST(t *testing.T) {
	for _, p := range nistLoad(t) {
		r, jac := p.residuals()
		m, n := len(p.X), len(p.Certified)
		for k, x0 := range [][]float64{p.Start1, p.Start2} {
			for _, j := range []Jacobian{jac, nil} {
				name := fmt.Sprintf("%s/start%d/jac=%v", p.Name, k+1, j != nil)
				if k == 0 && (p.Name == "BoxBOD" || p.Name == "MGH09" && j == nil) {
					// MINPACK, and so scipy, stops far away from
					// these starts: BoxBOD's flat valley, MGH09's
					// difference quotients; see the scipy test.
					continue
				}
				res, err := LeastSq(r, j, x0, m, &LeastSqSettings{FTol: 1e-14, XTol: 1e-14, MaxFuncEvals: 5000})
				if err != nil {
					t.Fatal(err)
				}
				if !res.Success {
					t.Errorf("%s: %v %q", name, res.Status, res.Message)
					continue
				}
				tol := 1e-6
				if j == nil {
					tol = 1e-4 // the forward differences cost digits
				}
				for i := range res.X {
					if e := relErr(res.X[i], p.Certified[i]); e > tol {
						t.Errorf("%s: b%d = %.10e, certified %.10e (rel err %.1e)", name, i+1, res.X[i], p.Certified[i], e)
					}
					se := math.Sqrt(res.Cov[i][i] * res.F / float64(m-n))
					if e := relErr(se, p.StdErr[i]); e > 100*tol {
						t.Errorf("%s: sd(b%d) = %.10e, certified %.10e (rel err %.1e)", name, i+1, se, p.StdErr[i], e)
					}
				}
				if e := relErr(res.F, p.RSS); e > 1e-8 {
					t.Errorf("%s: RSS %.10e, certified %.10e", name, res.F, p.RSS)
				}
			}
		}
	}
}

// scipyRuns reads what testdata/scipy_leastsq.py recorded.
func scipyRuns(t testing.TB) []map[string]json.RawMessage {
	t.Helper()
	data, err := os.ReadFile("testdata/scipy_leastsq.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Runs []map[string]json.RawMessage }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Runs
}

func scipyField(t testing.TB, run map[string]json.RawMessage, key string, v any) {
	t.Helper()
	if err := json.Unmarshal(run[key], v); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
}

// TestLeastSqScipy compares LeastSq with scipy.optimize.leastsq at its
// defaults, with and without the Jacobian: the same MINPACK status, the
// same solution, the same cov_x and, but for a few ill-conditioned runs
// where the last bits of exp differ between Go and C, the same counts.
func TestLeastSqScipy(t *testing.T) {
	problems := map[string]*nistProblem{}
	for _, p := range nistLoad(t) {
		problems[p.Name] = p
	}
	for _, run := range scipyRuns(t) {
		var name string
		var start int
		scipyField(t, run, "problem", &name)
		scipyField(t, run, "start", &start)
		p := problems[name]
		r, jac := p.residuals()
		x0 := [][]float64{p.Start1, p.Start2}[start-1]
		for _, key := range []string{"leastsq_jac", "leastsq"} {
			var want struct {
				X    []float64
				Cov  [][]float64
				Nfev int
				Njev int
				Ier  int
				Mesg string
				Ssq  float64
			}
			scipyField(t, run, key, &want)
			var j Jacobian
			if key == "leastsq_jac" {
				j = jac
			}
			got, err := LeastSq(r, j, x0, len(p.X), nil)
			if err != nil {
				t.Fatal(err)
			}
			tag := fmt.Sprintf("%s start %d %s", name, start, key)
			converged := want.Ier >= 1 && want.Ier <= 4
			if got.Success != converged {
				t.Errorf("%s: ier %d (%q), scipy %d", tag, got.Ier, got.Message, want.Ier)
				continue
			}
			if got.Ier == want.Ier && got.Message != want.Mesg {
				t.Errorf("%s: message %q, scipy %q", tag, got.Message, want.Mesg)
			}
			if !converged {
				continue
			}
			tol := 1e-6
			if j == nil {
				// Go's exp and C's may differ in the last bit, and
				// forward differences magnify that by 1/h ≈ 1e8.
				tol = 1e-4
			}
			for i := range want.X {
				if e := relErr(got.X[i], want.X[i]); e > tol {
					t.Errorf("%s: x[%d] = %.12g, scipy %.12g", tag, i, got.X[i], want.X[i])
				}
			}
			if e := relErr(got.F, want.Ssq); e > 1e-8 {
				t.Errorf("%s: sum of squares %.12g, scipy %.12g", tag, got.F, want.Ssq)
			}
			if (got.Cov == nil) != (want.Cov == nil) {
				t.Errorf("%s: cov_x nil %v, scipy nil %v", tag, got.Cov == nil, want.Cov == nil)
			} else if got.Cov != nil {
				for i := range want.Cov {
					if e := relErr(got.Cov[i][i], want.Cov[i][i]); e > 1e-3 {
						t.Errorf("%s: cov_x[%d][%d] = %.8g, scipy %.8g", tag, i, i, got.Cov[i][i], want.Cov[i][i])
					}
				}
			}
			if got.FuncEvals != want.Nfev || got.GradEvals != want.Njev {
				if d := math.Abs(float64(got.FuncEvals - want.Nfev)); d > 0.02*float64(want.Nfev) && d > 1 {
					t.Errorf("%s: nfev %d njev %d, scipy %d %d", tag, got.FuncEvals, got.GradEvals, want.Nfev, want.Njev)
				} else {
					t.Logf("%s: nfev %d njev %d, scipy %d %d", tag, got.FuncEvals, got.GradEvals, want.Nfev, want.Njev)
				}
			}
		}
	}
}

func TestLeastSqFailures(t *testing.T) {
	line := func(x, r []float64) {
		for i := range r {
			r[i] = x[0] + x[1]*float64(i) - float64(i*i)
		}
	}
	if _, err := LeastSq(line, nil, []float64{1, 2}, 1, nil); err == nil {
		t.Error("m < n: no error")
	}
	if _, err := LeastSq(line, nil, nil, 3, nil); err == nil {
		t.Error("empty x0: no error")
	}
	if _, err := LeastSq(line, nil, []float64{1, 2}, 3, &LeastSqSettings{Diag: []float64{1}}); err == nil {
		t.Error("short Diag: no error")
	}
	if _, err := LeastSq(line, nil, []float64{1, 2}, 3, &LeastSqSettings{FTol: -1}); err == nil {
		t.Error("negative FTol: no error")
	}

	// Too few evaluations: MINPACK's info 5 and scipy's message.
	p := nistLoad(t)[0]
	r, jac := p.residuals()
	res, err := LeastSq(r, jac, p.Start1, len(p.X), &LeastSqSettings{MaxFuncEvals: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Success || res.Status != MaxFuncEvals || res.Ier != 5 || res.Message != "Number of calls to function has reached maxfev = 5." || res.Cov != nil {
		t.Errorf("maxfev: %+v", res.Result)
	}

	// Residuals that are NaN at the start, or a NaN Jacobian.
	nan := func(x, r []float64) {
		for i := range r {
			r[i] = math.Sqrt(x[0]) - float64(i)
		}
	}
	res, err = LeastSq(nan, nil, []float64{-1}, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Success || res.Status != NotFinite || res.FuncEvals != 1 {
		t.Errorf("NaN residuals: %+v", res.Result)
	}
	res, _ = LeastSq(line, func(x, j []float64) { j[0] = math.NaN() }, []float64{1, 2}, 3, nil)
	if res.Success || res.Status != NotFinite || !strings.Contains(res.Message, "not finite") {
		t.Errorf("NaN Jacobian: %+v", res.Result)
	}

	// A residual that turns NaN away from the start only shortens steps.
	res, _ = LeastSq(nan, nil, []float64{4}, 3, nil)
	if !res.Success || math.Abs(res.X[0]-1) > 1e-6 {
		t.Errorf("NaN on a trial step: %+v", res.Result)
	}
}

func BenchmarkLeastSqMisra1a(b *testing.B) {
	p := nistLoad(b)[0]
	r, jac := p.residuals()
	for b.Loop() {
		if res, _ := LeastSq(r, jac, p.Start1, len(p.X), nil); !res.Success {
			b.Fatal(res.Message)
		}
	}
}

// ExampleLeastSq fits y = b1·(1 − exp(−b2·x)) to NIST's Misra1a data.
func ExampleLeastSq() {
	x := []float64{77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0}
	y := []float64{10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78}
	residuals := func(b, r []float64) {
		for i := range x {
			r[i] = b[0]*(1-math.Exp(-b[1]*x[i])) - y[i]
		}
	}
	res, err := LeastSq(residuals, nil, []float64{500, 1e-4}, len(x), nil)
	if err != nil {
		panic(err)
	}
	s2 := res.F / float64(len(x)-2)
	fmt.Printf("b1 = %.4f ± %.4f\n", res.X[0], math.Sqrt(res.Cov[0][0]*s2))
	fmt.Printf("b2 = %.6e ± %.4e\n", res.X[1], math.Sqrt(res.Cov[1][1]*s2))
	fmt.Println(res.Ier, res.FuncEvals)
	// Output:
	// b1 = 238.9421 ± 2.7070
	// b2 = 5.501564e-04 ± 7.2669e-06
	// 1 49
}
