package optimize

import (
	"encoding/json"
	"os"
	"testing"
)

// TestDcsrchMINPACK2 replays the runs of MINPACK-2's Fortran dcsrch
// (through scipy 1.10.1) that testdata/minpack2_dcsrch.py records on the
// test functions of Moré and Thuente: given the same φ and φ' at each
// trial, dcsrch must ask for the same next trial to the last bit and end
// with the same step and task.
func TestDcsrchMINPACK2(t *testing.T) {
	data, err := os.ReadFile("testdata/minpack2_dcsrch.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Problem                  string
		Stp0, FTol, GTol, StpMax float64
		F0, G0                   float64
		Trials                   [][3]float64 // step, φ, φ'
		Stp                      float64
		Task                     string
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) != 26 {
		t.Fatalf("%d cases, want 26", len(cases))
	}
	tasks := map[dcsrchTask]string{dcsrchFG: "FG", dcsrchConverged: "CONVERGENCE", dcsrchWarning: "WARNING", dcsrchError: "ERROR"}
	for _, c := range cases {
		s := dcsrch{ftol: c.FTol, gtol: c.GTol, xtol: 0.1, stpmin: 0, stpmax: c.StpMax}
		stp := c.Stp0
		task := s.start(stp, c.F0, c.G0)
		for i, trial := range c.Trials {
			if task != dcsrchFG || stp != trial[0] {
				t.Errorf("problem %s from %g: trial %d is %v (%s), MINPACK-2's %v", c.Problem, c.Stp0, i, stp, tasks[task], trial[0])
				break
			}
			stp, task = s.iterate(stp, trial[1], trial[2])
		}
		if stp != c.Stp || tasks[task] != c.Task {
			t.Errorf("problem %s from %g: ends %s at %v, MINPACK-2 %s at %v", c.Problem, c.Stp0, tasks[task], stp, c.Task, c.Stp)
		}
	}
}
