package calc_test

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"

	"calc"
	"calc/lang"
)

// TestComplexAgainstNumpy evaluates complex arithmetic and functions and
// compares them with numpy's values (testdata/complex_reference.py, run
// with Debian's python3-numpy): branch cuts included, elementwise
// functions to 2 ulps, transforms, eigenvalues and roots to 1e-13; and
// each result is complex where numpy's is, real where numpy's is.
func TestComplexAgainstNumpy(t *testing.T) {
	data, err := os.ReadFile("testdata/complex_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Calc    string
		Shape   []int
		Complex bool // numpy's result is complex, not real
		Re, Im  []refFloat
		Tol     float64 // relative to the value, or with Scaled to the largest value
		Scaled  bool
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		scale := 0.0
		for k := range c.Re {
			if c.Scaled {
				scale = math.Max(scale, math.Hypot(float64(c.Re[k]), float64(c.Im[k])))
			}
		}
		close := func(got float64, ref refFloat) bool {
			want := float64(ref)
			return got == want || math.IsNaN(got) && math.IsNaN(want) ||
				math.Abs(got-want) <= c.Tol*math.Max(1, math.Max(scale, math.Abs(want)))
		}
		v, err := calc.NewSession().Eval(c.Calc)
		if err != nil {
			t.Errorf("%s: %v", c.Calc, err)
			continue
		}
		z, ok := v.ComplexArray()
		if !ok || !slices.Equal(z.Shape(), c.Shape) {
			t.Errorf("%s = %s, want shape %v", c.Calc, lang.Format(v), c.Shape)
			continue
		}
		if (v.Kind() == lang.ComplexKind) != c.Complex {
			t.Errorf("%s = %s: numpy's result is complex: %v", c.Calc, lang.Format(v), c.Complex)
		}
		for k := range c.Re {
			if !close(z.Re.Floats()[k], c.Re[k]) || !close(z.Im.Floats()[k], c.Im[k]) {
				t.Errorf("%s = %s, want %v%+vj at %d", c.Calc, lang.Format(v), c.Re[k], c.Im[k], k)
			}
		}
	}
}

// refFloat is a number of a reference file: a JSON number, or "nan",
// "inf" or "-inf".
type refFloat float64

func (f *refFloat) UnmarshalJSON(b []byte) error {
	var word string
	if json.Unmarshal(b, &word) != nil {
		return json.Unmarshal(b, (*float64)(f))
	}
	x, err := strconv.ParseFloat(word, 64)
	*f = refFloat(x)
	return err
}
