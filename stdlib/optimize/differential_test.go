package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// deProblems are the problems of testdata/scipy_de.py, each with one
// global minimum.
var deProblems = map[string]Func{
	"rosen2": deRosen, "rosen4": deRosen,
	"ackley2": func(x []float64) float64 {
		s, c := 0.0, 0.0
		for _, v := range x {
			s += v * v
			c += math.Cos(2 * math.Pi * v)
		}
		n := float64(len(x))
		return -20*math.Exp(-0.2*math.Sqrt(s/n)) - math.Exp(c/n) + 20 + math.E
	},
	"rastrigin3": func(x []float64) float64 {
		s := 10 * float64(len(x))
		for _, v := range x {
			s += v*v - 10*math.Cos(2*math.Pi*v)
		}
		return s
	},
	"styblinski2": func(x []float64) float64 {
		s := 0.0
		for _, v := range x {
			s += v*v*v*v - 16*v*v + 5*v
		}
		return s / 2
	},
	"beale": func(v []float64) float64 {
		x, y := v[0], v[1]
		return sq(1.5-x+x*y) + sq(2.25-x+x*y*y) + sq(2.625-x+x*y*y*y)
	},
	"levy3": func(x []float64) float64 {
		w := make([]float64, len(x))
		for i, v := range x {
			w[i] = 1 + (v-1)/4
		}
		n := len(w)
		s := sq(math.Sin(math.Pi * w[0]))
		for _, wi := range w[:n-1] {
			s += sq(wi-1) * (1 + 10*sq(math.Sin(math.Pi*wi+1)))
		}
		return s + sq(w[n-1]-1)*(1+sq(math.Sin(2*math.Pi*w[n-1])))
	},
}

func deRosen(x []float64) float64 {
	s := 0.0
	for i := 0; i+1 < len(x); i++ {
		s += 100*sq(x[i+1]-x[i]*x[i]) + sq(1-x[i])
	}
	return s
}

// TestDifferentialEvolutionScipy checks that seeded runs find the global
// minimum scipy 1.10 found, for several seeds and every strategy.
func TestDifferentialEvolutionScipy(t *testing.T) {
	data, err := os.ReadFile("testdata/scipy_de.json")
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
		for seed := range uint64(3) {
			r, err := DifferentialEvolution(deProblems[run.Name], lo, hi, &DESettings{Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			if !r.Success || math.Abs(r.F-run.Fun) > 1e-8*math.Max(1, math.Abs(run.Fun)) || !closeTo(r.X, run.X, 1e-5) {
				t.Errorf("%s seed %d: x %v f %g (%s), scipy x %v f %g", run.Name, seed, r.X, r.F, r.Message, run.X, run.Fun)
			}
		}
	}
	for name := range deStrategies {
		r, err := DifferentialEvolution(deProblems["rastrigin3"], []float64{-5.12, -5.12, -5.12}, []float64{5.12, 5.12, 5.12},
			&DESettings{Strategy: name, Seed: 7})
		if err != nil || r.F > 1e-8 {
			t.Errorf("%s: f %v (%v)", name, r.F, err)
		}
	}
}

// TestDifferentialEvolutionSettings checks repeatability, NoPolish and
// bad settings.
func TestDifferentialEvolutionSettings(t *testing.T) {
	lo, hi := []float64{-2, -2}, []float64{2, 2}
	a, _ := DifferentialEvolution(deRosen, lo, hi, &DESettings{Seed: 5, NoPolish: true})
	b, _ := DifferentialEvolution(deRosen, lo, hi, &DESettings{Seed: 5, NoPolish: true})
	if a.F != b.F || a.FuncEvals != b.FuncEvals {
		t.Errorf("the same seed gave %v and %v", a, b)
	}
	if c, _ := DifferentialEvolution(deRosen, lo, hi, &DESettings{Seed: 5, MaxIter: 2}); c.Success || c.Iterations != 2 {
		t.Errorf("MaxIter 2: %+v", c)
	}
	for _, s := range []*DESettings{{Strategy: "best3bin"}, {Init: "sobol"}, {MutationLo: 0.5, MutationHi: 3}, {Recombination: 2}} {
		if _, err := DifferentialEvolution(deRosen, lo, hi, s); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
	if _, err := DifferentialEvolution(deRosen, []float64{0, math.Inf(1)}, hi, nil); err == nil {
		t.Error("infinite bounds accepted")
	}
}
