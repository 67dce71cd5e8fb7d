package integrate

import (
	"math"
	"strings"
	"testing"
)

var ivpMethods = []IVPMethod{RK45, RK23, DOP853, Radau, BDF, LSODA}

// ivpCase is one of the solve_ivp runs of scipy_ode.py.
type ivpCase struct {
	key  string
	f    func(t float64, y, dydt []float64)
	span [2]float64
	y0   []float64
	jac  func(t float64, y, J []float64)
}

func ivpCases() []ivpCase {
	var cases []ivpCase
	b5 := detestProblems[9]
	for _, m := range ivpMethods {
		cases = append(cases,
			ivpCase{key: "B5/" + string(m), f: b5.f, span: [2]float64{0, 20}, y0: b5.y0},
			ivpCase{key: "vdp1/" + string(m), f: vdpRHS(1), span: [2]float64{0, 20}, y0: []float64{2, 0}})
		if m == Radau || m == BDF || m == LSODA {
			cases = append(cases,
				ivpCase{key: "robertson/" + string(m), f: robertsonRHS, span: [2]float64{0, 1e5}, y0: []float64{1, 0, 0}},
				ivpCase{key: "robertson/" + string(m) + "/jac", f: robertsonRHS, span: [2]float64{0, 1e5}, y0: []float64{1, 0, 0}, jac: robertsonJac})
		}
	}
	return cases
}

// TestSolveIVPCounts runs every method on scipy's cases and compares the
// counts of steps and evaluations and the end point.
func TestSolveIVPCounts(t *testing.T) {
	ref := loadScipy(t).IVP
	for _, c := range ivpCases() {
		want, ok := ref[c.key]
		if !ok {
			t.Fatalf("no reference for %s", c.key)
		}
		res, err := SolveIVP(c.f, c.span, c.y0, &IVPSettings{Method: IVPMethod(strings.Split(c.key, "/")[1]), Jac: c.jac})
		if err != nil {
			t.Fatal(c.key, err)
		}
		nsteps := len(res.T) - 1
		t.Logf("%-20s steps %4d (scipy %4d)  nfev %5d (%5d)  njev %3d (%3d)  nlu %3d (%3d)  %s",
			c.key, nsteps, want.Nsteps, res.NFev, want.Nfev, res.NJev, want.Njev, res.NLU, want.Nlu, res.Message)
		if res.Status != want.Status || !within(nsteps, want.Nsteps, 0.1) || !within(res.NFev, want.Nfev, 0.1) {
			t.Errorf("%s: status %d, %d steps, %d evaluations; scipy %d, %d, %d", c.key, res.Status, nsteps, res.NFev, want.Status, want.Nsteps, want.Nfev)
		}
		last := res.Y[len(res.Y)-1]
		for i := range last {
			if d := math.Abs(last[i] - want.YEnd[i]); d > 1e-2*math.Abs(want.YEnd[i])+1e-4 {
				t.Errorf("%s: y(end) %v, scipy %v", c.key, last, want.YEnd)
				break
			}
		}
	}
}

// TestSolveIVPEvents throws a ball up at 10 m/s and stops it when it
// lands, recording its apex on the way, with t_eval and dense output.
func TestSolveIVPEvents(t *testing.T) {
	ref := loadScipy(t).Events
	ball := func(_ float64, y, d []float64) { d[0], d[1] = y[1], -9.81 }
	events := []Event{
		{G: func(_ float64, y []float64) float64 { return y[0] }, Terminal: true, Direction: -1},
		{G: func(_ float64, y []float64) float64 { return y[1] }},
	}
	tEval := []float64{0, 0.5, 1, 1.5, 2}
	for _, m := range ivpMethods {
		want := ref[string(m)]
		res, err := SolveIVP(ball, [2]float64{0, 10}, []float64{0, 10},
			&IVPSettings{Method: m, Events: events, DenseOutput: true, TEval: tEval})
		if err != nil {
			t.Fatal(m, err)
		}
		if res.Status != 1 || res.Message != "A termination event occurred." || !res.Success {
			t.Errorf("%s: status %d %q", m, res.Status, res.Message)
		}
		exact := [2]float64{20 / 9.81, 10 / 9.81}
		for e := range events {
			if len(res.TEvents[e]) != 1 || len(want.TEvents[e]) != 1 {
				t.Fatalf("%s: event %d at %v, scipy %v", m, e, res.TEvents[e], want.TEvents[e])
			}
			if d := math.Abs(res.TEvents[e][0] - want.TEvents[e][0]); d > 1e-9 {
				t.Errorf("%s: event %d at %.15g, scipy %.15g", m, e, res.TEvents[e][0], want.TEvents[e][0])
			}
			if d := math.Abs(res.TEvents[e][0] - exact[e]); d > 1e-5 {
				t.Errorf("%s: event %d at %.15g, exactly %.15g", m, e, res.TEvents[e][0], exact[e])
			}
		}
		if math.Abs(res.YEvents[0][0][0]) > 1e-9 || math.Abs(res.YEvents[1][0][1]) > 1e-9 {
			t.Errorf("%s: states at the events %v", m, res.YEvents)
		}
		if len(res.T) != len(want.T) {
			t.Fatalf("%s: t %v, scipy %v", m, res.T, want.T)
		}
		for k := range want.T {
			for i := range want.Y[k] {
				if d := math.Abs(res.Y[k][i] - want.Y[k][i]); d > 1e-8 {
					t.Errorf("%s: y(%g) = %v, scipy %v", m, want.T[k], res.Y[k], want.Y[k])
				}
			}
		}
		if res.NFev != want.Nfev {
			t.Errorf("%s: %d evaluations, scipy %d", m, res.NFev, want.Nfev)
		}
		// The dense output covers the span to the landing.
		y := make([]float64, 2)
		res.Sol.At(1, y)
		if math.Abs(y[0]-(10-9.81/2)) > 1e-4 || res.Sol.TMax() < 2.03 {
			t.Errorf("%s: Sol(1) = %v, span to %g", m, y, res.Sol.TMax())
		}
	}
}

// TestSolveIVPDense compares the continuous solution of A3 with scipy's
// at points between the steps. The step sequences agree to roundoff,
// which the error estimates (sums that cancel to ~1e-9) amplify to about
// 1e-8 in the step sizes, so the interpolants agree to well within the
// solution's own error (~1e-3 at the default tolerances).
func TestSolveIVPDense(t *testing.T) {
	ref := loadScipy(t).DenseA3
	a3 := detestProblems[2]
	for _, m := range ivpMethods {
		res, err := SolveIVP(a3.f, [2]float64{0, 20}, a3.y0, &IVPSettings{Method: m, DenseOutput: true})
		if err != nil {
			t.Fatal(err)
		}
		want := ref[string(m)]
		y := make([]float64, 1)
		worst := 0.0
		for k, tk := range want.T {
			res.Sol.At(tk, y)
			worst = math.Max(worst, math.Abs(y[0]-want.Y[k]))
		}
		if worst > 1e-5 {
			t.Errorf("%s: dense output differs from scipy's by %g", m, worst)
		}
	}
}

// TestSolveIVPDETEST runs every method over the DETEST problems at a
// tight tolerance and checks the end points against the references.
func TestSolveIVPDETEST(t *testing.T) {
	ref := loadScipy(t).Detest
	for _, m := range ivpMethods {
		for _, p := range detestProblems {
			s := &IVPSettings{Method: m, Rtol: 1e-8, Atol: 1e-10, TEval: ref.T}
			res, err := SolveIVP(p.f, [2]float64{0, 20}, p.y0, s)
			if err != nil || !res.Success {
				t.Fatal(m, p.name, err, res.Message)
			}
			// Global error accumulates over [0, 20]; the implicit methods
			// of low order are the loosest.
			if e := maxScaledError(res.Y, ref.Problems[p.name].Ref, 1e-8, 1e-10); e > 3000 {
				t.Errorf("%s on %s: error %g tolerances", m, p.name, e)
			}
		}
	}
}

// TestSolveIVPBackwards integrates y' = −y from 0 to −2.
func TestSolveIVPBackwards(t *testing.T) {
	f := func(_ float64, y, d []float64) { d[0] = -y[0] }
	for _, m := range ivpMethods {
		res, err := SolveIVP(f, [2]float64{0, -2}, []float64{1}, &IVPSettings{Method: m, Rtol: 1e-8, Atol: 1e-10, TEval: []float64{0, -1, -2}})
		if err != nil || len(res.Y) != 3 || math.Abs(res.Y[2][0]-math.Exp(2)) > 1e-5 {
			t.Errorf("%s: %v %v", m, res, err)
		}
	}
}

func TestSolveIVPBadInput(t *testing.T) {
	f := func(_ float64, y, d []float64) { d[0] = -y[0] }
	for _, s := range []*IVPSettings{
		{Method: "Euler"},
		{TEval: []float64{0, 2}},
		{TEval: []float64{1, 0.5}},
		{AtolVec: []float64{1, 2}},
		{Atol: -1},
		{MaxStep: -1},
		{FirstStep: 5},
	} {
		if _, err := SolveIVP(f, [2]float64{0, 1}, []float64{1}, s); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
	// A blow-up in finite time makes the step size underflow.
	blow := func(_ float64, y, d []float64) { d[0] = y[0] * y[0] }
	for _, m := range ivpMethods {
		res, err := SolveIVP(blow, [2]float64{0, 2}, []float64{1}, &IVPSettings{Method: m})
		if err != nil || res.Success || res.Status != -1 || res.Message == "" {
			t.Errorf("%s: blow-up: %v %+v", m, err, res)
		}
	}
}

func BenchmarkSolveIVP(b *testing.B) {
	for _, m := range ivpMethods {
		b.Run(string(m), func(b *testing.B) {
			var res *IVPResult
			for b.Loop() {
				res, _ = SolveIVP(vdpRHS(1), [2]float64{0, 20}, []float64{2, 0}, &IVPSettings{Method: m})
			}
			b.ReportMetric(float64(res.NFev), "evals")
		})
	}
}
