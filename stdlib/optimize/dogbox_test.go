package optimize

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"
)

// TestDogboxScipy compares method Dogbox with scipy 1.10's
// least_squares(method="dogbox") (testdata/scipy_dogbox.py): the same
// evaluations, status, active bounds and answer.
func TestDogboxScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_dogbox.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		T, Y []float64
		Runs []struct {
			Name       string
			X0         []float64
			Bounds     [][2]*float64
			Loss       string
			X          []float64
			Cost       float64
			Nfev, Njev int
			Status     int
			ActiveMask []int `json:"active_mask"`
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	ts, ys := doc.T, doc.Y
	s5, s10 := math.Sqrt(5), math.Sqrt(10)
	problems := map[string]struct {
		r Residuals
		j Jacobian
		m int
	}{
		"rosen": {func(x, f []float64) { f[0], f[1] = 10*(x[1]-x[0]*x[0]), 1-x[0] },
			func(x, j []float64) { j[0], j[1], j[2], j[3] = -20*x[0], 10, -1, 0 }, 2},
		"expfit": {func(p, f []float64) {
			for i, ti := range ts {
				f[i] = p[0]*math.Exp(-p[1]*ti) + p[2] - ys[i]
			}
		}, func(p, j []float64) {
			for i, ti := range ts {
				e := math.Exp(-p[1] * ti)
				j[3*i], j[3*i+1], j[3*i+2] = e, -p[0]*ti*e, 1
			}
		}, len(ts)},
		"powell": {func(x, f []float64) {
			f[0], f[1], f[2], f[3] = x[0]+10*x[1], s5*(x[2]-x[3]), sq(x[1]-2*x[2]), s10*sq(x[0]-x[3])
		}, func(x, j []float64) {
			for i := range j {
				j[i] = 0
			}
			j[0], j[1] = 1, 10
			j[6], j[7] = s5, -s5
			j[9], j[10] = 2*(x[1]-2*x[2]), -4*(x[1]-2*x[2])
			j[12], j[15] = 2*s10*(x[0]-x[3]), -2*s10*(x[0]-x[3])
		}, 4},
	}
	losses := map[string]LeastSquaresLoss{"linear": Linear, "soft_l1": SoftL1}
	for _, run := range doc.Runs {
		key := run.Name
		for _, base := range []string{"rosen", "expfit", "powell"} {
			if len(key) >= len(base) && key[:len(base)] == base {
				key = base
			}
		}
		p := problems[key]
		var b *Bounds
		if run.Bounds != nil {
			b = &Bounds{Lower: make([]float64, len(run.X0)), Upper: make([]float64, len(run.X0))}
			for i, lh := range run.Bounds {
				b.Lower[i], b.Upper[i] = math.Inf(-1), math.Inf(1)
				if lh[0] != nil {
					b.Lower[i] = *lh[0]
				}
				if lh[1] != nil {
					b.Upper[i] = *lh[1]
				}
			}
		}
		r, err := LeastSquares(p.r, p.j, run.X0, p.m, b, &LeastSquaresSettings{Method: Dogbox, Loss: losses[run.Loss]})
		if err != nil {
			t.Fatal(err)
		}
		if r.FuncEvals != run.Nfev || r.GradEvals != run.Njev || r.TermStatus != run.Status || !slices.Equal(r.ActiveMask, run.ActiveMask) {
			t.Errorf("%s: nfev %d njev %d status %d active %v, scipy %d %d %d %v", run.Name, r.FuncEvals, r.GradEvals,
				r.TermStatus, r.ActiveMask, run.Nfev, run.Njev, run.Status, run.ActiveMask)
		}
		if !closeTo(r.X, run.X, 1e-8) || math.Abs(r.F-run.Cost) > 1e-10*math.Max(1, run.Cost) {
			t.Errorf("%s: x %v cost %.12g, scipy %v %.12g", run.Name, r.X, r.F, run.X, run.Cost)
		}
	}
}
