package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// boundedProblems are the problems of testdata/scipy_bounds.py: the same
// functions, starting points and boxes (NaN is an open side).
var boundedProblems = []struct {
	name   string
	f      Func
	x0     []float64
	lo, up []float64
}{
	{"quad", boundsQuad, []float64{0.5, 0.5}, []float64{0, 0}, []float64{2, 2}},
	{"quad-open", boundsQuad, []float64{0.5, 0.5}, []float64{0, math.NaN()}, []float64{2, 2}},
	{"quad-outside", boundsQuad, []float64{3, 3}, []float64{0, 0}, []float64{2, 2}},
	{"rosen", func(v []float64) float64 { return 100*sq(v[1]-v[0]*v[0]) + sq(1-v[0]) },
		[]float64{-1.2, 1}, []float64{-2, -1}, []float64{0.5, 2}},
	{"booth3", func(v []float64) float64 { return sq(v[0]+2*v[1]-7) + sq(2*v[0]+v[1]-5) + sq(v[2]-1) },
		[]float64{0, 0, 2.5}, []float64{-1, 0, 2}, []float64{0.5, 10, 3}},
	{"himmelblau", func(v []float64) float64 { return sq(v[0]*v[0]+v[1]-11) + sq(v[0]+v[1]*v[1]-7) },
		[]float64{-1, 1}, []float64{-5, 0}, []float64{0, 5}},
	{"beale", func(v []float64) float64 {
		x, y := v[0], v[1]
		return sq(1.5-x+x*y) + sq(2.25-x+x*y*y) + sq(2.625-x+x*y*y*y)
	}, []float64{1, 0.1}, []float64{0, 0}, []float64{2, 0.3}},
}

func boundsQuad(v []float64) float64 { return sq(v[0]-3) + sq(v[1]+1) }

func sq(x float64) float64 { return x * x }

// TestBoundsScipy checks Nelder–Mead and Powell with bounds against what
// scipy 1.10 returned (testdata/scipy_bounds.py): the same iterations and
// evaluations, the same point and value, every evaluation inside the box
// once the start is.
func TestBoundsScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_bounds.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Method, Name string
			X            []float64
			Fun          float64
			Nit, Nfev    int
			Status       int
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, run := range doc.Runs {
		var p = boundedProblems[0]
		for _, q := range boundedProblems {
			if q.name == run.Name {
				p = q
			}
		}
		if p.name != run.Name {
			t.Fatalf("no problem %q", run.Name)
		}
		b := &Bounds{Lower: p.lo, Upper: p.up}
		inside := true
		f := func(x []float64) float64 {
			for i, xi := range x {
				if xi < p.lo[i] || xi > p.up[i] {
					inside = false
				}
			}
			return p.f(x)
		}
		var res *Result
		switch run.Method {
		case "Nelder-Mead":
			res, err = NelderMead(f, p.x0, &NelderMeadSettings{Bounds: b})
		case "Powell":
			res, err = Powell(f, p.x0, &PowellSettings{Bounds: b})
		}
		if err != nil {
			t.Fatal(err)
		}
		id := run.Method + " " + run.Name
		if res.Iterations != run.Nit || res.FuncEvals != run.Nfev {
			t.Errorf("%s: nit %d nfev %d, scipy %d %d", id, res.Iterations, res.FuncEvals, run.Nit, run.Nfev)
		}
		for i := range run.X {
			if math.Abs(res.X[i]-run.X[i]) > 1e-9*math.Max(1, math.Abs(run.X[i])) {
				t.Errorf("%s: x = %v, scipy %v", id, res.X, run.X)
				break
			}
		}
		if math.Abs(res.F-run.Fun) > 1e-10*math.Max(1, math.Abs(run.Fun)) {
			t.Errorf("%s: f = %.15g, scipy %.15g", id, res.F, run.Fun)
		}
		if res.Success != (run.Status == 0) {
			t.Errorf("%s: success %v, scipy status %d", id, res.Success, run.Status)
		}
		if !inside && run.Name != "quad-outside" {
			t.Errorf("%s: evaluated f outside the bounds", id)
		}
	}
}

// TestPowellOutOfBounds checks scipy's failure when Powell ends outside
// the box: a start outside it along a direction the box does not limit.
func TestPowellOutOfBounds(t *testing.T) {
	res, err := Powell(boundsQuad, []float64{5, 0}, &PowellSettings{
		Bounds: &Bounds{Lower: []float64{0, 0}, Upper: []float64{2, 2}},
		Direc:  [][]float64{{0, 1}, {0, 1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Success || res.Message != msgOutOfBounds {
		t.Errorf("got %v %q, want the out-of-bounds failure", res.Success, res.Message)
	}
}

// TestBoundsInfeasible checks that crossed bounds are an error.
func TestBoundsInfeasible(t *testing.T) {
	b := &Bounds{Lower: []float64{1, 0}, Upper: []float64{0, 1}}
	if _, err := NelderMead(boundsQuad, []float64{0, 0}, &NelderMeadSettings{Bounds: b}); err == nil {
		t.Error("Nelder-Mead accepted lower > upper")
	}
	if _, err := Powell(boundsQuad, []float64{0, 0}, &PowellSettings{Bounds: b}); err == nil {
		t.Error("Powell accepted lower > upper")
	}
}
