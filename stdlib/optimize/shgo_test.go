package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// shgoProblems are the problems of testdata/scipy_shgo.py.
var shgoProblems = map[string]Func{
	"rosen5":      deRosen,
	"styblinski2": deProblems["styblinski2"],
	"himmelblau":  func(v []float64) float64 { return sq(v[0]*v[0]+v[1]-11) + sq(v[0]+v[1]*v[1]-7) },
	"sixhump": func(v []float64) float64 {
		x, y := v[0], v[1]
		return (4-2.1*x*x+x*x*x*x/3)*x*x + x*y + (-4+4*y*y)*y*y
	},
	"rastrigin2": deProblems["rastrigin3"],
	"levy2":      deProblems["levy3"],
}

// shgoBetter are the problems where scipy 1.10's shgo, with its defaults,
// returns a point that is not the global minimum (six-hump camel: the
// saddle [0, 0] with f = 0); SHGO must find the true one.
var shgoBetter = map[string]struct {
	x []float64
	f float64
}{"sixhump": {[]float64{0.08984201368301331, -0.7126564032704135}, -1.0316284534898774}}

// TestSHGOScipy checks SHGO's global minimum against scipy 1.10's shgo,
// and its list of local minima against the problems' known ones.
func TestSHGOScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_shgo.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Name   string
			Bounds [][2]float64
			X      []float64
			Fun    float64
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, run := range doc.Runs {
		lo, hi := make([]float64, len(run.Bounds)), make([]float64, len(run.Bounds))
		for i, b := range run.Bounds {
			lo[i], hi[i] = b[0], b[1]
		}
		r, err := SHGO(shgoProblems[run.Name], lo, hi, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantX, wantF := run.X, run.Fun
		if b, ok := shgoBetter[run.Name]; ok {
			wantX, wantF = b.x, b.f
		}
		switch run.Name {
		case "himmelblau":
			wantX = r.X // four global minima, all with f = 0
		case "sixhump":
			if r.X[0] < 0 { // two global minima, x and −x
				wantX = []float64{-wantX[0], -wantX[1]}
			}
		}
		if !r.Success || math.Abs(r.F-wantF) > 1e-7*math.Max(1, math.Abs(wantF)) || !closeTo(r.X, wantX, 1e-5) {
			t.Errorf("%s: x %v f %g, want x %v f %g", run.Name, r.X, r.F, wantX, wantF)
		}
	}
	// Himmelblau's function has four minima, all f = 0, and Styblinski–
	// Tang's four wells in [-5, 5]²: the local minima must hold them all.
	for name, want := range map[string]int{"himmelblau": 4, "styblinski2": 4} {
		r, _ := SHGO(shgoProblems[name], []float64{-5, -5}, []float64{5, 5}, nil)
		if len(r.XL) < want {
			t.Errorf("%s: %d local minima %v, want %d", name, len(r.XL), r.FunL, want)
		}
	}
}

// TestSHGOErrors checks bad bounds and a grid too large.
func TestSHGOErrors(t *testing.T) {
	for _, c := range []struct {
		lo, hi []float64
		s      *SHGOSettings
	}{
		{nil, nil, nil},
		{[]float64{0}, []float64{-1}, nil},
		{[]float64{0}, []float64{math.Inf(1)}, nil},
		{make([]float64, 10), []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, &SHGOSettings{N: 1e8}},
	} {
		if _, err := SHGO(deRosen, c.lo, c.hi, c.s); err == nil {
			t.Errorf("%v %v: no error", c.lo, c.hi)
		}
	}
}
