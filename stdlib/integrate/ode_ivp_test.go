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
