package integrate

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func lorenzTimes() []float64 {
	ts := make([]float64, 3000)
	for i := range ts {
		ts[i] = float64(i) * 0.01
	}
	return ts
}

func robertsonTimes() []float64 {
	ts := []float64{0}
	for i := 0; i < 100; i++ {
		ts = append(ts, math.Pow(10, -5+10*float64(i)/99))
	}
	return ts
}

func last(v []int) int { return v[len(v)-1] }

// TestOdeintLorenz compares the step and evaluation counts with scipy's
// (which differ only through roundoff amplified by chaos) and the
// trajectory for t ≤ 10 with a reference computed at rtol 1e-13.
func TestOdeintLorenz(t *testing.T) {
	ref := loadScipy(t).Lorenz
	res, err := Odeint(lorenzRHS, nil, []float64{0, 1, 0}, lorenzTimes(), nil)
	if err != nil || !res.Success {
		t.Fatal(err, res.Message)
	}
	nst, nfe := last(res.NSt), last(res.NFe)
	t.Logf("Lorenz: %d steps, %d evaluations; scipy %d, %d", nst, nfe, ref.Nst, ref.Nfe)
	if !within(nst, ref.Nst, 0.05) || !within(nfe, ref.Nfe, 0.05) || last(res.NJe) != ref.Nje {
		t.Errorf("counts %d/%d/%d, scipy's %d/%d/%d", nst, nfe, last(res.NJe), ref.Nst, ref.Nfe, ref.Nje)
	}
	got := make([][]float64, len(ref.T))
	for k := range ref.T {
		got[k] = res.Y[10*k]
	}
	// Global error grows like e^{0.9t}: at t = 10 a local tolerance of
	// 1.5e-8 allows about 1e-4 relative to the attractor's size (~30).
	ours := maxScaledError(got, ref.Ref, 0, 1)
	theirs := maxScaledError(ref.Y, ref.Ref, 0, 1)
	t.Logf("Lorenz t ≤ 10: max error %.3g, scipy's %.3g", ours, theirs)
	if ours > 1e-2 || ours > 20*theirs {
		t.Errorf("Lorenz max error %g for t ≤ 10 (scipy's %g)", ours, theirs)
	}
}

// TestOdeintRobertson checks the counts with and without a Jacobian and
// the solution against a tight reference over 10 decades of time.
func TestOdeintRobertson(t *testing.T) {
	ref := loadScipy(t).Robertson
	for _, jac := range []func(float64, []float64, []float64){nil, robertsonJac} {
		res, err := Odeint(robertsonRHS, jac, []float64{1, 0, 0}, robertsonTimes(), nil)
		if err != nil || !res.Success {
			t.Fatal(err, res.Message)
		}
		want := ref.scipyCounts
		if jac != nil {
			want = ref.Jac
		}
		nst, nfe, nje := last(res.NSt), last(res.NFe), last(res.NJe)
		t.Logf("Robertson (jac %v): %d steps, %d evaluations, %d Jacobians; scipy %d, %d, %d",
			jac != nil, nst, nfe, nje, want.Nst, want.Nfe, want.Nje)
		if !within(nst, want.Nst, 0.1) || !within(nfe, want.Nfe, 0.1) || !within(nje, want.Nje, 0.15) {
			t.Errorf("counts %d/%d/%d, scipy's %d/%d/%d", nst, nfe, nje, want.Nst, want.Nfe, want.Nje)
		}
		if last(res.MUsed) != lsodaBDF {
			t.Errorf("Robertson ends with method %d, want BDF", last(res.MUsed))
		}
		// The absolute tolerance 1.5e-8 is loose for y2 ~ 1e-5..1e-10,
		// as in scipy; the test allows ten times the tolerance.
		if e := maxScaledError(res.Y, ref.Ref, 1.49012e-8, 1.49012e-8); e > 10 {
			t.Errorf("Robertson error %g tolerances", e)
		}
	}
}

// TestOdeintAiry integrates y″ = t·y from Ai(0), Ai'(0) and compares
// with Ai(t).
func TestOdeintAiry(t *testing.T) {
	ref := loadScipy(t).Airy
	f := func(t float64, y, d []float64) { d[0], d[1] = y[1], t*y[0] }
	y0 := []float64{1 / math.Pow(3, 2.0/3) / math.Gamma(2.0/3), -1 / math.Pow(3, 1.0/3) / math.Gamma(1.0/3)}
	res, err := Odeint(f, nil, y0, ref.T, nil)
	if err != nil || !res.Success {
		t.Fatal(err, res.Message)
	}
	worst := 0.0
	for k, ai := range ref.Ai {
		worst = math.Max(worst, math.Abs(res.Y[k][0]-ai))
	}
	t.Logf("Airy: max error %.3g (scipy's %.3g), %d steps, %d evaluations (scipy %d, %d)",
		worst, ref.ScipyMaxErr, last(res.NSt), last(res.NFe), ref.Nst, ref.Nfe)
	if worst > 1e-6 {
		t.Errorf("Airy max error %g", worst)
	}
}

// TestOdeintStiff runs Van der Pol with mu = 1000 and HIRES against
// references at rtol 1e-12.
func TestOdeintStiff(t *testing.T) {
	ref := loadScipy(t)
	vdp := ref.Vdp1000
	res, err := Odeint(vdpRHS(1000), nil, []float64{2, 0}, vdp.T, nil)
	if err != nil || !res.Success {
		t.Fatal(err, res.Message)
	}
	var got [][]float64
	for k := 0; k < len(res.Y); k += 100 {
		got = append(got, res.Y[k])
	}
	// The solution jumps on a time scale of 1/mu: the position error
	// of a fast transition shows up as a large error in y2 (~1000).
	e := maxScaledError(got, vdp.Ref, 1e-4, 1e-4)
	t.Logf("Van der Pol mu=1000: %d steps, %d evaluations, %d Jacobians (scipy %d, %d, %d); error %.3g × 1e-4",
		last(res.NSt), last(res.NFe), last(res.NJe), vdp.Nst, vdp.Nfe, vdp.Nje, e)
	if e > 1 || !within(last(res.NSt), vdp.Nst, 0.2) {
		t.Errorf("Van der Pol: error %g, %d steps", e, last(res.NSt))
	}

	h := ref.Hires
	res, err = Odeint(hiresRHS, nil, h.Y0, h.T, nil)
	if err != nil || !res.Success {
		t.Fatal(err, res.Message)
	}
	// Global errors exceed the local tolerance 1.5e-8: compare with
	// scipy's own.
	e = maxScaledError(res.Y, h.Ref, 1.49012e-8, 1.49012e-8)
	theirs := maxScaledError(h.Y, h.Ref, 1.49012e-8, 1.49012e-8)
	t.Logf("HIRES: %d steps, %d evaluations, %d Jacobians (scipy %d, %d, %d); error %.3g tolerances (scipy's %.3g)",
		last(res.NSt), last(res.NFe), last(res.NJe), h.Nst, h.Nfe, h.Nje, e, theirs)
	if e > math.Max(10, 2*theirs) {
		t.Errorf("HIRES error %g", e)
	}
}

// TestOdeintDETEST runs the nonstiff DETEST problems.
func TestOdeintDETEST(t *testing.T) {
	ref := loadScipy(t).Detest
	for _, p := range detestProblems {
		want := ref.Problems[p.name]
		res, err := Odeint(p.f, nil, p.y0, ref.T, nil)
		if err != nil || !res.Success {
			t.Fatal(p.name, err, res.Message)
		}
		if exact := detestExact[p.name]; exact != nil {
			for k, tk := range ref.T {
				if e := maxScaledError([][]float64{res.Y[k]}, [][]float64{exact(tk)}, 1e-6, 1e-6); e > 1 {
					t.Errorf("%s at t = %g: %v, exact %v", p.name, tk, res.Y[k], exact(tk))
				}
			}
		}
		// Global errors over [0, 20] exceed the local tolerance: compare
		// with scipy's own.
		e := maxScaledError(res.Y, want.Ref, 1.49012e-8, 1.49012e-8)
		theirs := maxScaledError(want.Y, want.Ref, 1.49012e-8, 1.49012e-8)
		t.Logf("%s: error %.3g tolerances (scipy's %.3g), %d steps (scipy %d)", p.name, e, theirs, last(res.NSt), want.Nst)
		if e > math.Max(10, 2*theirs) || !within(last(res.NSt), want.Nst, 0.1) {
			t.Errorf("%s: error %g tolerances (scipy's %g), %d steps (scipy %d)", p.name, e, theirs, last(res.NSt), want.Nst)
		}
	}
}

func TestOdeintBadInput(t *testing.T) {
	f := func(_ float64, y, d []float64) { d[0] = -y[0] }
	if _, err := Odeint(f, nil, []float64{1}, []float64{0, 1, 0.5, 2}, nil); !errors.Is(err, ErrNotMonotonic) {
		t.Errorf("non-monotonic ts: %v", err)
	}
	// Decreasing times integrate backwards.
	res, err := Odeint(f, nil, []float64{1}, []float64{0, -1, -2}, nil)
	if err != nil || math.Abs(res.Y[2][0]-math.Exp(2)) > 1e-6 {
		t.Errorf("backwards: %v %v", res.Y, err)
	}

	nan := func(t float64, y, d []float64) {
		d[0] = -y[0]
		if t > 0.5 {
			d[0] = math.NaN()
		}
	}
	res, err = Odeint(nan, nil, []float64{1}, []float64{0, 0.25, 1, 2}, nil)
	if err == nil || !strings.Contains(err.Error(), "NaN at t = 0.5") {
		t.Errorf("NaN: %v", err)
	}
	if res == nil || res.Y[1][0] != math.Exp(-0.25) && math.Abs(res.Y[1][0]-math.Exp(-0.25)) > 1e-7 || !math.IsNaN(res.Y[2][0]) {
		t.Errorf("NaN: partial result %v", res)
	}

	res, err = Odeint(robertsonRHS, nil, []float64{1, 0, 0}, []float64{0, 1e5}, &OdeintSettings{MxStep: 50})
	if err != nil || res.Success || res.Status != lsodaExcessWork ||
		!strings.HasPrefix(res.Message, "Excess work done on this call") || !math.IsNaN(res.Y[1][0]) ||
		res.NSt[0] != 50 || !(res.TCur[0] > 0) {
		t.Errorf("mxstep: %v %+v", err, res)
	}
	t.Log(res.Message)
}

// TestOdeintSingular gives LSODA a Jacobian that makes the iteration
// matrix I − h·el0·J exactly zero.
func TestOdeintSingular(t *testing.T) {
	var solver *lsoda
	jac := func(_ float64, _, J []float64) {
		c := 1 / (solver.h * solver.el0)
		for i := range J {
			J[i] = 0
		}
		J[0], J[4], J[8] = c, c, c
	}
	solver = newLsoda(3, robertsonRHS, jac)
	res, err := odeintRun(solver, []float64{1, 0, 0}, []float64{0, 1e5}, &OdeintSettings{})
	if err != nil || res.Success || !strings.Contains(res.Message, "singular") {
		t.Errorf("singular: %v %+v", err, res)
	}
	t.Log(res.Message)
}

func BenchmarkOdeintLorenz(b *testing.B) {
	ts := lorenzTimes()
	var res *OdeintResult
	for b.Loop() {
		res, _ = Odeint(lorenzRHS, nil, []float64{0, 1, 0}, ts, nil)
	}
	b.ReportMetric(float64(last(res.NSt)), "steps")
	b.ReportMetric(float64(last(res.NFe)), "evals")
}

func BenchmarkOdeintRobertson(b *testing.B) {
	ts := robertsonTimes()
	var res *OdeintResult
	for b.Loop() {
		res, _ = Odeint(robertsonRHS, robertsonJac, []float64{1, 0, 0}, ts, nil)
	}
	b.ReportMetric(float64(last(res.NSt)), "steps")
	b.ReportMetric(float64(last(res.NFe)), "evals")
	b.ReportMetric(float64(last(res.NJe)), "jacs")
}
