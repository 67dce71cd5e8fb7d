package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// lpCase is a problem of testdata/scipy_linprog.json with scipy's answer.
type lpCase struct {
	Name           string
	C              []float64
	AUb            [][]float64 `json:"A_ub"`
	BUb            []float64   `json:"b_ub"`
	AEq            [][]float64 `json:"A_eq"`
	BEq            []float64   `json:"b_eq"`
	Bounds         [][2]*float64
	Integrality    []int
	Status         int
	Fun            *float64
	X              []float64
	IneqLin, EqLin []float64
	Lower, Upper   []float64
}

func (c lpCase) lp() LP {
	b := &Bounds{Lower: make([]float64, len(c.C)), Upper: make([]float64, len(c.C))}
	for j, lh := range c.Bounds {
		b.Lower[j], b.Upper[j] = math.Inf(-1), math.Inf(1)
		if lh[0] != nil {
			b.Lower[j] = *lh[0]
		}
		if lh[1] != nil {
			b.Upper[j] = *lh[1]
		}
	}
	return LP{C: c.C, AUb: c.AUb, BUb: c.BUb, AEq: c.AEq, BEq: c.BEq, Bounds: b}
}

func loadLPCases(t *testing.T) (lps, milps []lpCase) {
	data, err := os.ReadFile("testdata/scipy_linprog.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ LP, MILP []lpCase }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.LP, doc.MILP
}

// nonUnique names the problems whose optimum is not a single vertex:
// only their value is compared.
var nonUnique = map[string]bool{"transport": true, "redundant": true, "degenerate": true, "free-eq": true,
	"milp-doc": true, "mixed": true, "afiro": true}

func closeTo(got, want []float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol*math.Max(1, math.Abs(want[i])) {
			return false
		}
	}
	return true
}

// TestLinProgScipy compares LinProg with scipy 1.10's linprog (HiGHS):
// status and value always, the point and the marginals where the optimum
// is unique.
func TestLinProgScipy(t *testing.T) {
	lps, _ := loadLPCases(t)
	for _, c := range lps {
		checkLP(t, "simplex", c, LinProg, 1e-9, 1e-8)
		checkLP(t, "ipm", c, LinProgIPM, 1e-7, 1e-6)
		checkLP(t, "dual", c, LinProgDual, 1e-9, 1e-8)
	}
}

// checkLP compares one method's answer with scipy's: the value to ftol,
// the point and the marginals to xtol.
func checkLP(t *testing.T, method string, c lpCase, solve func(LP, *LPSettings) (*LPResult, error), ftol, xtol float64) {
	t.Helper()
	{
		r, err := solve(c.lp(), nil)
		if err != nil {
			t.Errorf("%s %s: %v", method, c.Name, err)
			return
		}
		if r.Status != c.Status {
			t.Errorf("%s %s: status %d (%s), scipy %d", method, c.Name, r.Status, r.Message, c.Status)
			return
		}
		if c.Status != LPOptimal {
			return
		}
		if math.Abs(r.Fun-*c.Fun) > ftol*math.Max(1, math.Abs(*c.Fun)) {
			t.Errorf("%s %s: fun %.15g, scipy %.15g", method, c.Name, r.Fun, *c.Fun)
		}
		if nonUnique[c.Name] {
			return
		}
		if !closeTo(r.X, c.X, xtol) {
			t.Errorf("%s %s: x %v, scipy %v", method, c.Name, r.X, c.X)
		}
		for _, m := range []struct {
			name      string
			got, want []float64
		}{{"ineqlin", r.IneqLin, c.IneqLin}, {"eqlin", r.EqLin, c.EqLin}, {"lower", r.Lower, c.Lower}, {"upper", r.Upper, c.Upper}} {
			if !closeTo(m.got, m.want, xtol) {
				t.Errorf("%s %s: %s marginals %v, scipy %v", method, c.Name, m.name, m.got, m.want)
			}
		}
	}
}

// TestMILPScipy compares MILP with scipy 1.10's milp (HiGHS) on classic
// problems: status and value, and the point where it is unique.
func TestMILPScipy(t *testing.T) {
	_, milps := loadLPCases(t)
	for _, c := range milps {
		integer := make([]bool, len(c.C))
		for j, v := range c.Integrality {
			integer[j] = v != 0
		}
		r, err := MILP(c.lp(), integer, nil)
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		if r.Status != c.Status {
			t.Errorf("%s: status %d (%s), scipy %d", c.Name, r.Status, r.Message, c.Status)
			continue
		}
		if c.Status != LPOptimal {
			continue
		}
		if math.Abs(r.Fun-*c.Fun) > 1e-9*math.Max(1, math.Abs(*c.Fun)) || r.Gap != 0 {
			t.Errorf("%s: fun %.15g (gap %g), scipy %.15g", c.Name, r.Fun, r.Gap, *c.Fun)
		}
		if !nonUnique[c.Name] && !closeTo(r.X, c.X, 1e-8) {
			t.Errorf("%s: x %v, scipy %v", c.Name, r.X, c.X)
		}
	}
}

// TestLPFailures checks the statuses and errors that do not come from
// scipy's data: an iteration or node limit, bad shapes.
func TestLPFailures(t *testing.T) {
	km := LP{C: []float64{-8, -4, -2, -1}, AUb: [][]float64{{1, 0, 0, 0}, {4, 1, 0, 0}, {8, 4, 1, 0}, {16, 8, 4, 1}},
		BUb: []float64{5, 25, 125, 625}}
	if r, _ := LinProg(km, &LPSettings{MaxIter: 1}); r.Status != LPIterationLimit || r.Success {
		t.Errorf("MaxIter 1: status %d", r.Status)
	}
	knap := LP{C: []float64{-10, -13, -18, -31, -7, -15}, AUb: [][]float64{{11, 15, 20, 35, 10, 33}}, BUb: []float64{47},
		Bounds: &Bounds{Lower: make([]float64, 6), Upper: []float64{1, 1, 1, 1, 1, 1}}}
	all := []bool{true, true, true, true, true, true}
	if r, _ := MILP(knap, all, &MILPSettings{MaxNodes: 2}); r.Status != LPIterationLimit || r.Success {
		t.Errorf("MaxNodes 2: status %d", r.Status)
	}
	if r, _ := MILP(LP{C: []float64{-1}, Bounds: &Bounds{Lower: []float64{0}, Upper: []float64{math.Inf(1)}}}, []bool{true}, nil); r.Status != LPUnbounded {
		t.Errorf("unbounded MILP: status %d", r.Status)
	}
	for _, p := range []LP{
		{},
		{C: []float64{1, 2}, AUb: [][]float64{{1}}, BUb: []float64{1}},
		{C: []float64{1}, AUb: [][]float64{{1}}},
		{C: []float64{math.NaN()}},
	} {
		if _, err := LinProg(p, nil); err == nil {
			t.Errorf("%+v: no error", p)
		}
	}
	if _, err := MILP(knap, []bool{true}, nil); err == nil {
		t.Error("short integrality accepted")
	}
}

// TestLinProgNetlib solves netlib's AFIRO (testdata/afiro.mps, read by
// testdata/scipy_netlib.py) by each method and compares with scipy 1.10
// and netlib's published optimum −4.6475314286e+02.
func TestLinProgNetlib(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_netlib.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ LP []lpCase }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range doc.LP {
		if math.Abs(*c.Fun+464.75314286) > 1e-8*464.75 {
			t.Fatalf("%s: scipy's optimum %v is not netlib's", c.Name, *c.Fun)
		}
		// AFIRO's optimal vertex and duals are not unique (nonUnique): the
		// value is compared, and the point checked feasible.
		for name, solve := range map[string]func(LP, *LPSettings) (*LPResult, error){
			"simplex": LinProg, "dual": LinProgDual, "ipm": LinProgIPM} {
			tol := 1e-9
			if name == "ipm" {
				tol = 1e-8
			}
			checkLP(t, name, c, solve, tol, 0)
			r, _ := solve(c.lp(), nil)
			for i, v := range r.Slack {
				if v < -1e-6 {
					t.Errorf("%s: inequality %d violated by %g", name, i, -v)
				}
			}
			for i, v := range r.Con {
				if math.Abs(v) > 1e-6 {
					t.Errorf("%s: equation %d violated by %g", name, i, v)
				}
			}
			for j, v := range r.X {
				if v < -1e-7 {
					t.Errorf("%s: x[%d] = %g < 0", name, j, v)
				}
			}
		}
	}
}
