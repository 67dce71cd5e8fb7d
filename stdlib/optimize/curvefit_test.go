package optimize

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// nistCurve returns a NIST problem's data and model in CurveFit's terms.
func nistCurve(p *nistProblem) (CurveModel, CurveGrad, [][]float64) {
	xs := make([][]float64, len(p.X))
	for i, x := range p.X {
		xs[i] = []float64{x}
	}
	model := func(x, b []float64) float64 { return p.f(x[0], b) }
	grad := func(x, b, g []float64) { p.grad(x[0], b, g) }
	return model, grad, xs
}

// TestCurveFitNIST checks popt against NIST's certified values and the
// standard errors sqrt(diag(pcov)) against NIST's certified standard
// deviations, with the analytic gradient and tight tolerances, without
// bounds (MINPACK) and with bounds around the solution (TRF).
func TestCurveFitNIST(t *testing.T) {
	for _, p := range nistLoad(t) {
		model, grad, xs := nistCurve(p)
		lo, up := make([]float64, len(p.Certified)), make([]float64, len(p.Certified))
		for i, c := range p.Certified {
			lo[i], up[i] = math.Min(0.5*c, 1.5*c), math.Max(0.5*c, 1.5*c)
		}
		for _, b := range []*Bounds{nil, {Lower: lo, Upper: up}} {
			x0 := append([]float64(nil), p.Start2...)
			if b != nil {
				b.box(len(x0))
				for i := range x0 {
					x0[i] = math.Min(math.Max(x0[i], lo[i]), up[i])
				}
			}
			res, err := CurveFit(model, xs, p.Y, x0, &CurveFitSettings{Jac: grad, Bounds: b, FTol: 1e-15, XTol: 1e-15, GTol: 1e-15, MaxFuncEvals: 10000})
			if err != nil {
				t.Fatal(err)
			}
			tag := fmt.Sprintf("%s bounds=%v", p.Name, b != nil)
			if !res.Success {
				t.Errorf("%s: %s", tag, res.Message)
				continue
			}
			for i := range res.X {
				if e := relErr(res.X[i], p.Certified[i]); e > 1e-6 {
					t.Errorf("%s: b%d = %.10e, certified %.10e", tag, i+1, res.X[i], p.Certified[i])
				}
				if e := relErr(math.Sqrt(res.Pcov[i][i]), p.StdErr[i]); e > 1e-5 {
					t.Errorf("%s: sd(b%d) = %.10e, certified %.10e", tag, i+1, math.Sqrt(res.Pcov[i][i]), p.StdErr[i])
				}
			}
			if e := relErr(res.F, p.RSS); e > 1e-8 {
				t.Errorf("%s: RSS %.10e, certified %.10e", tag, res.F, p.RSS)
			}
		}
	}
}

// TestCurveFitScipy compares popt and pcov with scipy's curve_fit at its
// defaults, with forward differences, from both of NIST's starts, with
// and without bounds.
func TestCurveFitScipy(t *testing.T) {
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
		model, _, xs := nistCurve(p)
		for _, key := range []string{"curve_fit", "curve_fit_bounds"} {
			var want struct {
				Popt  []float64
				Pcov  [][]jsonFloat
				Error string
			}
			scipyField(t, run, key, &want)
			x0 := [][]float64{p.Start1, p.Start2}[start-1]
			var set CurveFitSettings
			if key == "curve_fit_bounds" {
				var tb scipyLSRun
				scipyField(t, run, "trf_bounds", &tb)
				x0 = floats(tb.X0)
				set.Bounds = &Bounds{Lower: floats(tb.Lb), Upper: floats(tb.Ub)}
			}
			got, err := CurveFit(model, xs, p.Y, x0, &set)
			if err != nil {
				t.Fatal(err)
			}
			tag := fmt.Sprintf("%s start %d %s", name, start, key)
			if want.Error != "" {
				if got.Success || !strings.HasPrefix(got.Message, "Optimal parameters not found: ") || got.Pcov != nil {
					t.Errorf("%s: %v %q, scipy raised %q", tag, got.Success, got.Message, want.Error)
				}
				continue
			}
			if !got.Success {
				t.Errorf("%s: %s", tag, got.Message)
				continue
			}
			compareFit(t, tag, got, want.Popt, want.Pcov, 1e-4)
		}
	}
}

// compareFit checks popt to tol and pcov's diagonal to 100·tol, the
// covariance being a derivative of the solution.
func compareFit(t *testing.T, tag string, got *CurveFitResult, popt []float64, pcov [][]jsonFloat, tol float64) {
	t.Helper()
	for i := range popt {
		if e := relErr(got.X[i], popt[i]); e > tol {
			t.Errorf("%s: popt[%d] = %.10g, scipy %.10g", tag, i, got.X[i], popt[i])
		}
		want := float64(pcov[i][i])
		if math.IsInf(want, 1) != math.IsInf(got.Pcov[i][i], 1) || !math.IsInf(want, 1) && relErr(got.Pcov[i][i], want) > 100*tol {
			t.Errorf("%s: pcov[%d][%d] = %.6g, scipy %.6g", tag, i, i, got.Pcov[i][i], want)
		}
	}
}

// TestCurveFitSigma compares weighted fits with scipy's, per-point and
// correlated uncertainties, relative and absolute.
func TestCurveFitSigma(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_leastsq.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sigma []struct {
			Kind     string
			Sigma    json.RawMessage
			Absolute bool
			Bounded  bool
			Popt     []float64
			Pcov     [][]jsonFloat
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	p := nistLoad(t)[0]
	model, grad, xs := nistCurve(p)
	for _, c := range doc.Sigma {
		set := CurveFitSettings{AbsoluteSigma: c.Absolute, Jac: grad}
		if c.Kind == "sigma" {
			json.Unmarshal(c.Sigma, &set.Sigma)
		} else {
			json.Unmarshal(c.Sigma, &set.SigmaCov)
		}
		if c.Bounded {
			set.Bounds = &Bounds{Lower: []float64{0, 0}, Upper: []float64{1000, 1}}
		}
		got, err := CurveFit(model, xs, p.Y, p.Start2, &set)
		if err != nil {
			t.Fatal(err)
		}
		compareFit(t, fmt.Sprintf("%s absolute=%v bounded=%v", c.Kind, c.Absolute, c.Bounded), got, c.Popt, c.Pcov, 1e-6)
	}
}

func TestCurveFitFailures(t *testing.T) {
	line := func(x, p []float64) float64 { return p[0] + p[1]*x[0] }
	xs := [][]float64{{0}, {1}, {2}}
	y := []float64{1, 3, 5}
	for _, c := range []struct {
		name string
		xs   [][]float64
		y    []float64
		p0   []float64
		s    *CurveFitSettings
	}{
		{"no data", nil, nil, []float64{1, 1}, nil},
		{"x and y differ", xs[:2], y, []float64{1, 1}, nil},
		{"NaN in y", xs, []float64{1, math.NaN(), 5}, []float64{1, 1}, nil},
		{"no p0", xs, y, nil, nil},
		{"more parameters than points", xs[:1], y[:1], []float64{1, 1}, nil},
		{"short sigma", xs, y, []float64{1, 1}, &CurveFitSettings{Sigma: []float64{1}}},
		{"sigma not positive definite", xs, y, []float64{1, 1}, &CurveFitSettings{SigmaCov: [][]float64{{1, 2, 0}, {2, 1, 0}, {0, 0, 1}}}},
		{"both sigmas", xs, y, []float64{1, 1}, &CurveFitSettings{Sigma: []float64{1, 1, 1}, SigmaCov: [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
	} {
		if _, err := CurveFit(line, c.xs, c.y, c.p0, c.s); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}

	// An exact fit with as many points as parameters: scipy's pcov is
	// all +Inf, since the residual variance has no degrees of freedom.
	res, err := CurveFit(line, xs[:2], y[:2], []float64{0, 0}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Success || math.Abs(res.X[0]-1) > 1e-9 || !math.IsInf(res.Pcov[0][1], 1) {
		t.Errorf("m = n: %+v %v", res.Result, res.Pcov)
	}

	// A parameter the model ignores makes JᵀJ singular: MINPACK's R has
	// a zero, and pcov is +Inf as in scipy.
	res, _ = CurveFit(func(x, p []float64) float64 { return p[0] * x[0] }, xs, y, []float64{1, 1}, nil)
	if !res.Success || !math.IsInf(res.Pcov[1][1], 1) {
		t.Errorf("singular: %+v %v", res.Result, res.Pcov)
	}

	// Too few evaluations: scipy's RuntimeError becomes Success false.
	res, _ = CurveFit(func(x, p []float64) float64 { return math.Exp(p[0] * x[0]) }, xs, y, []float64{5}, &CurveFitSettings{MaxFuncEvals: 3})
	if res.Success || res.Pcov != nil || res.Message != "Optimal parameters not found: Number of calls to function has reached maxfev = 3." {
		t.Errorf("maxfev: %+v", res.Result)
	}
}

// ExampleCurveFit fits NIST's Eckerle4 peak, y = (b1/b2)·exp(−½((x−b3)/b2)²),
// and prints the estimates with their standard errors.
func ExampleCurveFit() {
	x := []float64{400, 405, 410, 415, 420, 425, 430, 435, 436.5, 438, 439.5, 441, 442.5, 444, 445.5, 447, 448.5, 450, 451.5, 453, 454.5, 456, 457.5, 459, 460.5, 462, 463.5, 465, 470, 475, 480, 485, 490, 495, 500}
	y := []float64{0.0001575, 0.0001699, 0.0002350, 0.0003102, 0.0004917, 0.0008710, 0.0017418, 0.0046400, 0.0065895, 0.0097302, 0.0149002, 0.0237310, 0.0401683, 0.0712559, 0.1264458, 0.2073413, 0.2902366, 0.3445623, 0.3698049, 0.3668534, 0.3106727, 0.2078154, 0.1164354, 0.0616764, 0.0337200, 0.0194023, 0.0117831, 0.0074357, 0.0022732, 0.0008800, 0.0004579, 0.0002345, 0.0001586, 0.0001143, 0.0000710}
	xs := make([][]float64, len(x))
	for i := range x {
		xs[i] = []float64{x[i]}
	}
	peak := func(x, b []float64) float64 {
		u := (x[0] - b[2]) / b[1]
		return b[0] / b[1] * math.Exp(-0.5*u*u)
	}
	res, err := CurveFit(peak, xs, y, []float64{1.5, 5, 450}, nil)
	if err != nil {
		panic(err)
	}
	for i, b := range res.X {
		fmt.Printf("b%d = %.6g ± %.4g\n", i+1, b, math.Sqrt(res.Pcov[i][i]))
	}
	// Output:
	// b1 = 1.55438 ± 0.01541
	// b2 = 4.08883 ± 0.0468
	// b3 = 451.541 ± 0.0468
}
