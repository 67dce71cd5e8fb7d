package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// numdiffF is the function of testdata/scipy_numdiff.py, and
// numdiffComplex the same at complex points.
func numdiffF(x, out []float64) {
	out[0] = x[0]*x[1] + x[2]
	out[1] = x[0]*x[0] - x[2]*x[1]/(1+x[0]*x[0])
	out[2] = x[2] * x[2] * x[2]
}

func numdiffComplex(x, out []complex128) {
	out[0] = x[0]*x[1] + x[2]
	out[1] = x[0]*x[0] - x[2]*x[1]/(1+x[0]*x[0])
	out[2] = x[2] * x[2] * x[2]
}

// TestDifferencesAgainstScipy compares the Jacobians of every scheme and
// step, with and without bounds, with scipy 1.10's approx_derivative
// (testdata/scipy_numdiff.json): the steps, their fitting into the
// bounds and the quotients must be scipy's, so the results agree to the
// last bit or two.
func TestDifferencesAgainstScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_numdiff.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Lower []float64 `json:"lower"`
		Upper []float64 `json:"upper"`
		Cases []struct {
			X        []float64   `json:"x"`
			Method   string      `json:"method"`
			Bounded  bool        `json:"bounded"`
			StepKind string      `json:"step_kind"`
			Step     float64     `json:"step"`
			Jac      [][]float64 `json:"jac"`
		}
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	if len(ref.Cases) == 0 || len(ref.Lower) != 3 {
		t.Fatal("testdata/scipy_numdiff.json holds no cases")
	}
	schemes := map[string]Scheme{"2-point": TwoPoint, "3-point": ThreePoint, "cs": ComplexStep}
	for _, c := range ref.Cases {
		d := &Differences{Scheme: schemes[c.Method], Complex: numdiffComplex}
		if c.StepKind == "abs" {
			d.AbsStep = c.Step
		} else {
			d.RelStep = c.Step
		}
		var box consBox
		if c.Bounded {
			box = consBox{lo: ref.Lower, up: ref.Upper}
		}
		x := append([]float64(nil), c.X...)
		f0 := make([]float64, 3)
		numdiffF(x, f0)
		J := make([]float64, 9)
		d.jacobian(numdiffF, x, f0, box, J)
		for i, row := range c.Jac {
			for j, want := range row {
				if got := J[i*3+j]; math.Abs(got-want) > 1e-14*math.Max(1, math.Abs(want)) {
					t.Errorf("%s at %v (bounded %v, %s step %g): J[%d][%d] = %.17g, scipy %.17g",
						c.Method, c.X, c.Bounded, c.StepKind, c.Step, i, j, got, want)
				}
			}
		}
		for i := range x {
			if x[i] != c.X[i] {
				t.Errorf("%s at %v: x not restored: %v", c.Method, c.X, x)
			}
		}
	}
}
