package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// bruteDocFunc is the example of scipy.optimize.brute's documentation:
// a quadratic with two Gaussian wells.
func bruteDocFunc(z []float64) float64 {
	const a, b, c, d, e, f, g, h, i, j, k, l, scale = 2, 3, 7, 8, 9, 10, 44, -1, 2, 26, 1, -2, 0.5
	x, y := z[0], z[1]
	f1 := a*x*x + b*x*y + c*y*y + d*x + e*y + f
	f2 := -g * math.Exp(-((x-h)*(x-h)+(y-i)*(y-i))/scale)
	f3 := -j * math.Exp(-((x-k)*(x-k)+(y-l)*(y-l))/scale)
	return f1 + f2 + f3
}

// TestBruteScipy compares the grid, its minimum and the Nelder–Mead
// polish with what testdata/scipy_brute.py recorded.
func TestBruteScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_brute.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Name   string
			Ranges [][3]float64
			Ns     int
			Finish bool
			X      []float64
			Fval   float64
			Shape  []int
			Jout   []float64
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, run := range doc.Runs {
		ranges := make([]Range, len(run.Ranges))
		for k, r := range run.Ranges {
			ranges[k] = Range{Lo: r[0], Hi: r[1], Step: r[2]}
		}
		res, err := Brute(bruteDocFunc, ranges, &BruteSettings{Ns: run.Ns, NoFinish: !run.Finish})
		if err != nil {
			t.Fatal(err)
		}
		for k, g := range res.Grid {
			if len(g) != run.Shape[k] {
				t.Errorf("%s: axis %d has %d points, scipy %d", run.Name, k, len(g), run.Shape[k])
			}
		}
		for i, v := range run.Jout {
			if math.Abs(res.Jout[i]-v) > 1e-12*math.Max(1, math.Abs(v)) {
				t.Fatalf("%s: Jout[%d] = %.15g, scipy %.15g", run.Name, i, res.Jout[i], v)
			}
		}
		for k := range run.X {
			if math.Abs(res.X[k]-run.X[k]) > 1e-9 {
				t.Errorf("%s finish=%v: x = %v, scipy %v", run.Name, run.Finish, res.X, run.X)
			}
		}
		if math.Abs(res.F-run.Fval) > 1e-12 {
			t.Errorf("%s finish=%v: f = %.15g, scipy %.15g", run.Name, run.Finish, res.F, run.Fval)
		}
		if want := len(run.Jout); !run.Finish && res.FuncEvals != want {
			t.Errorf("%s: %d evaluations, want %d", run.Name, res.FuncEvals, want)
		}
	}
}

func TestBruteFailures(t *testing.T) {
	f := func(x []float64) float64 { return x[0] * x[0] }
	for _, r := range [][]Range{
		nil,
		make([]Range, 41),
		{{Lo: 0, Hi: math.Inf(1)}},
		{{Lo: 1, Hi: 0, Step: 0.5}}, // an empty slice
		{{Lo: 0, Hi: 1, Step: -1}},
	} {
		if _, err := Brute(f, r, nil); err == nil {
			t.Errorf("%v: no error", r)
		}
	}
	// A custom polish, and NaN on part of the grid.
	nan := func(x []float64) float64 {
		if x[0] < 0 {
			return math.NaN()
		}
		return (x[0] - 0.3) * (x[0] - 0.3)
	}
	calls := 0
	polish := func(f Func, x0 []float64) (*Result, error) {
		calls++
		return &Result{X: []float64{0.3}, F: 0, Success: true, FuncEvals: 7}, nil
	}
	res, err := Brute(nan, []Range{{Lo: -1, Hi: 1}}, &BruteSettings{Ns: 5, Finish: polish})
	if err != nil {
		t.Fatal(err)
	}
	if res.GridX[0] != 0.5 || calls != 1 || res.FuncEvals != 12 || res.X[0] != 0.3 {
		t.Errorf("%+v", res)
	}
}
