package optimize

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// scipyLSRun is one least_squares run recorded by scipy_leastsq.py.
type scipyLSRun struct {
	X0, Lb, Ub []jsonFloat
	X          []float64
	Cost       float64
	Nfev       int
	Njev       *int
	Status     int
	Message    string
	Optimality float64
	ActiveMask []int `json:"active_mask"`
}

// TestLeastSquaresScipy runs LeastSquares as scipy_leastsq.py ran
// scipy.optimize.least_squares on every NIST problem from both starts:
// TRF and LM, with the analytic Jacobian and with forward differences,
// and TRF with bounds around the certified values and with one bound
// that binds.
func TestLeastSquaresScipy(t *testing.T) {
	problems := map[string]*nistProblem{}
	for _, p := range nistLoad(t) {
		problems[p.Name] = p
	}
	cases := []struct {
		key    string
		method LeastSquaresMethod
		jac    bool
	}{
		{"trf_jac", TRF, true}, {"trf", TRF, false}, {"lm_jac", LM, true}, {"lm", LM, false},
		{"trf_bounds", TRF, true}, {"trf_active", TRF, true},
	}
	var sameCounts, runs int
	for _, run := range scipyRuns(t) {
		var name string
		var start int
		scipyField(t, run, "problem", &name)
		scipyField(t, run, "start", &start)
		p := problems[name]
		r, jac := p.residuals()
		for _, c := range cases {
			var want scipyLSRun
			scipyField(t, run, c.key, &want)
			x0 := [][]float64{p.Start1, p.Start2}[start-1]
			var b *Bounds
			if want.X0 != nil {
				x0 = floats(want.X0)
				b = &Bounds{Lower: floats(want.Lb), Upper: floats(want.Ub)}
			}
			var j Jacobian
			if c.jac {
				j = jac
			}
			got, err := LeastSquares(r, j, x0, len(p.X), b, &LeastSquaresSettings{Method: c.method})
			if err != nil {
				t.Fatal(err)
			}
			tag := fmt.Sprintf("%s start %d %s", name, start, c.key)
			runs++
			if got.Success != (want.Status > 0) {
				t.Errorf("%s: status %d %q, scipy %d", tag, got.TermStatus, got.Message, want.Status)
				continue
			}
			if got.TermStatus != want.Status {
				// Both converged, but a test sat on its threshold and
				// the last bits decided which fired first.
				t.Logf("%s: status %d, scipy %d", tag, got.TermStatus, want.Status)
			} else if want.Message != "" && got.Message != want.Message {
				t.Errorf("%s: message %q, scipy %q", tag, got.Message, want.Message)
			}
			if relErr(got.F, want.Cost) > 1e-6 && math.Abs(got.F-want.Cost) > 1e-12 {
				t.Errorf("%s: cost %.12g, scipy %.12g", tag, got.F, want.Cost)
			}
			if !got.Success {
				continue
			}
			// ftol = 1e-8 pins the cost, and so x only to about
			// sqrt(ftol) along the valley of an ill-conditioned fit.
			tol := 1e-4
			if want.Cost > 2*0.5*p.RSS || c.method == LM && !c.jac {
				// A stop on a flat valley, or MINPACK's forward
				// differences, which magnify the last bits of exp.
				tol = 1e-3
			}
			for i := range want.X {
				if relErr(got.X[i], want.X[i]) > tol && math.Abs(got.X[i]-want.X[i]) > 1e-12 {
					t.Errorf("%s: x[%d] = %.12g, scipy %.12g", tag, i, got.X[i], want.X[i])
				}
			}
			if want.ActiveMask != nil && fmt.Sprint(got.ActiveMask) != fmt.Sprint(want.ActiveMask) {
				t.Errorf("%s: active mask %v, scipy %v", tag, got.ActiveMask, want.ActiveMask)
			}
			if got.FuncEvals == want.Nfev {
				sameCounts++
			} else {
				t.Logf("%s: nfev %d, scipy %d", tag, got.FuncEvals, want.Nfev)
			}
		}
	}
	// Differences in the last bits of exp and of the SVD may change a
	// count here and there, but most runs must take scipy's path.
	if sameCounts < runs*9/10 {
		t.Errorf("only %d of %d runs took scipy's number of evaluations", sameCounts, runs)
	}
	t.Logf("%d of %d runs took scipy's number of evaluations", sameCounts, runs)
}

// TestLeastSquaresNIST checks TRF against NIST's certified values with
// tight tolerances, from the easier start.
func TestLeastSquaresNIST(t *testing.T) {
	for _, p := range nistLoad(t) {
		r, jac := p.residuals()
		res, err := LeastSquares(r, jac, p.Start2, len(p.X), nil, &LeastSquaresSettings{FTol: 1e-15, XTol: 1e-15, GTol: 1e-15, MaxFuncEvals: 10000})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.X {
			if e := relErr(res.X[i], p.Certified[i]); e > 1e-6 {
				t.Errorf("%s: b%d = %.10e, certified %.10e (%v, %s)", p.Name, i+1, res.X[i], p.Certified[i], res.Status, res.Message)
			}
		}
	}
}

func TestLeastSquaresFailures(t *testing.T) {
	line := func(x, r []float64) {
		for i := range r {
			r[i] = x[0] + x[1]*float64(i) - float64(i*i)
		}
	}
	x0 := []float64{1, 2}
	for _, c := range []struct {
		name string
		b    *Bounds
		s    *LeastSquaresSettings
		m    int
	}{
		{"no residuals", nil, nil, 0},
		{"x0 outside", &Bounds{Lower: []float64{2, 0}}, nil, 3},
		{"equal bounds", &Bounds{Lower: []float64{1, 2}, Upper: []float64{1, 3}}, nil, 3},
		{"short bounds", &Bounds{Lower: []float64{0}}, nil, 3},
		{"lm with bounds", &Bounds{Lower: []float64{0, 0}}, &LeastSquaresSettings{Method: LM}, 3},
		{"lm with m < n", nil, &LeastSquaresSettings{Method: LM}, 1},
		{"bad scale", nil, &LeastSquaresSettings{XScale: []float64{1, 0}}, 3},
		{"negative tol", nil, &LeastSquaresSettings{FTol: -1}, 3},
	} {
		if _, err := LeastSquares(line, nil, x0, c.m, c.b, c.s); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}

	nan := func(x, r []float64) {
		for i := range r {
			r[i] = math.Sqrt(x[0]) - float64(i)
		}
	}
	for _, method := range []LeastSquaresMethod{TRF, LM} {
		res, err := LeastSquares(nan, nil, []float64{-1}, 3, nil, &LeastSquaresSettings{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if res.Success || res.Status != NotFinite || !strings.Contains(res.Message, "not finite") {
			t.Errorf("method %d, NaN at x0: %+v", method, res.Result)
		}
		// NaN on a trial step shrinks the region; the run recovers.
		res, _ = LeastSquares(nan, nil, []float64{4}, 3, nil, &LeastSquaresSettings{Method: method})
		if !res.Success || math.Abs(res.X[0]-1) > 1e-6 {
			t.Errorf("method %d, NaN on a step: %+v", method, res.Result)
		}
	}

	res, _ := LeastSquares(line, nil, x0, 5, nil, &LeastSquaresSettings{MaxFuncEvals: 1})
	if res.Success || res.Status != MaxFuncEvals || res.Message != "The maximum number of function evaluations is exceeded." {
		t.Errorf("max_nfev: %+v", res.Result)
	}
}

// TestLeastSquaresUnderdetermined fits fewer residuals than variables,
// which TRF allows: any point on the solution line has zero cost.
func TestLeastSquaresUnderdetermined(t *testing.T) {
	r := func(x, f []float64) { f[0] = x[0] + 2*x[1] - 3 }
	res, err := LeastSquares(r, nil, []float64{0, 0}, 1, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Success || res.F > 1e-15 {
		t.Errorf("%+v", res.Result)
	}
}

// ExampleLeastSquares fits NIST's Misra1a model with b2 held at or below
// 5e-4, below its unconstrained optimum, so the bound is active.
func ExampleLeastSquares() {
	x := []float64{77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0}
	y := []float64{10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78}
	residuals := func(b, r []float64) {
		for i := range x {
			r[i] = b[0]*(1-math.Exp(-b[1]*x[i])) - y[i]
		}
	}
	inf := math.Inf(1)
	bounds := &Bounds{Lower: []float64{0, 0}, Upper: []float64{inf, 5e-4}}
	res, err := LeastSquares(residuals, nil, []float64{250, 4e-4}, len(x), bounds, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("b = [%.4f %.6g], cost %.4f, active %v\n", res.X[0], res.X[1], res.F, res.ActiveMask)
	fmt.Println(res.Message)
	// Output:
	// b = [259.4827 0.0005], cost 0.3105, active [0 1]
	// `gtol` termination condition is satisfied.
}
