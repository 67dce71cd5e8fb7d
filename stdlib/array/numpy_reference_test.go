package array

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"testing"
)

// refNum is a number of the reference file: a JSON number, or "nan",
// "inf" or "-inf".
type refNum float64

func (n *refNum) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		switch s {
		case "nan":
			*n = refNum(math.NaN())
		case "inf":
			*n = refNum(math.Inf(1))
		case "-inf":
			*n = refNum(math.Inf(-1))
		default:
			return fmt.Errorf("unknown number %q", s)
		}
		return nil
	}
	var f float64
	err := json.Unmarshal(b, &f)
	*n = refNum(f)
	return err
}

// refArray is an array of the reference file.
type refArray struct {
	Shape []int
	Data  []refNum
}

func (r refArray) array() *Array {
	data := make([]float64, len(r.Data))
	for i, x := range r.Data {
		data[i] = float64(x)
	}
	return &Array{Shape: append([]int{}, r.Shape...), data: data}
}

// refCase is one numpy call with its answer.
type refCase struct {
	Fn  string
	In  []refArray
	P   map[string]json.RawMessage
	Out []refArray
}

func (c refCase) num(name string) float64 {
	var f float64
	if err := json.Unmarshal(c.P[name], &f); err != nil {
		panic(fmt.Sprintf("%s: parameter %s: %v", c.Fn, name, err))
	}
	return f
}

func (c refCase) int(name string) int { return int(c.num(name)) }

func (c refCase) ints(name string) []int {
	var v []int
	if err := json.Unmarshal(c.P[name], &v); err != nil {
		panic(fmt.Sprintf("%s: parameter %s: %v", c.Fn, name, err))
	}
	return v
}

// axis reads the axis parameter, where -99 stands for all axes.
func (c refCase) axis() int {
	if a := c.int("axis"); a != -99 {
		return a
	}
	return AllAxes
}

// one wraps a function with a single result.
func one(a *Array, err error) ([]*Array, error) { return []*Array{a}, err }

// numpyFuncs calls the function under test for each of the reference's
// function names. Every comparison is to the bit except where tol says.
var numpyFuncs = map[string]func(c refCase, in []*Array) ([]*Array, error){
	"sort":    func(c refCase, in []*Array) ([]*Array, error) { return one(Sort(in[0], c.axis())) },
	"argsort": func(c refCase, in []*Array) ([]*Array, error) { return one(Argsort(in[0], c.axis())) },
	"flip":    func(c refCase, in []*Array) ([]*Array, error) { return one(Flip(in[0], c.axis())) },
	"median":  func(c refCase, in []*Array) ([]*Array, error) { return one(Median(in[0], c.axis())) },
	"quantile": func(c refCase, in []*Array) ([]*Array, error) {
		return one(Quantile(in[0], in[1], c.axis()))
	},
	"nanmin":  func(c refCase, in []*Array) ([]*Array, error) { return one(Nanmin(in[0], c.axis())) },
	"nanmax":  func(c refCase, in []*Array) ([]*Array, error) { return one(Nanmax(in[0], c.axis())) },
	"nansum":  func(c refCase, in []*Array) ([]*Array, error) { return one(Nansum(in[0], c.axis())) },
	"nanmean": func(c refCase, in []*Array) ([]*Array, error) { return one(Nanmean(in[0], c.axis())) },
	"roll": func(c refCase, in []*Array) ([]*Array, error) {
		return one(Roll(in[0], c.int("shift"), c.axis()))
	},
	"unique": func(c refCase, in []*Array) ([]*Array, error) {
		v, n := Unique(in[0])
		return []*Array{v, n}, nil
	},
	"searchsorted": func(c refCase, in []*Array) ([]*Array, error) {
		return one(Searchsorted(in[0], in[1], c.int("right") == 1))
	},
	"tile":   func(c refCase, in []*Array) ([]*Array, error) { return one(Tile(in[0], c.ints("reps"))) },
	"repeat": func(c refCase, in []*Array) ([]*Array, error) { return one(Repeat(in[0], c.ints("reps"), c.axis())) },
	"meshgrid": func(c refCase, in []*Array) ([]*Array, error) {
		return Meshgrid(in, c.int("ij") == 1)
	},
	"round": func(c refCase, in []*Array) ([]*Array, error) {
		return []*Array{RoundTo(in[0], c.int("decimals"))}, nil
	},
	"isclose": func(c refCase, in []*Array) ([]*Array, error) {
		return one(Isclose(in[0], in[1], c.num("rtol"), c.num("atol"), c.int("equal_nan") == 1))
	},
	"histogram": func(c refCase, in []*Array) ([]*Array, error) {
		lo, hi := math.NaN(), math.NaN()
		if _, ok := c.P["lo"]; ok {
			lo, hi = c.num("lo"), c.num("hi")
		}
		var edges []float64
		if len(in) > 1 {
			edges = in[1].Floats()
		}
		n, e, err := Histogram(in[0], c.int("bins"), lo, hi, edges)
		return []*Array{n, e}, err
	},
	"bincount": func(c refCase, in []*Array) ([]*Array, error) {
		var w *Array
		if len(in) > 1 {
			w = in[1]
		}
		return one(Bincount(in[0], w, c.int("minlength")))
	},
	"cov": func(c refCase, in []*Array) ([]*Array, error) {
		return one(Cov(in[0], c.int("rowvar") == 1, c.int("ddof")))
	},
	"corrcoef": func(c refCase, in []*Array) ([]*Array, error) { return one(Corrcoef(in[0], c.int("rowvar") == 1)) },
}

// numpyTolerance is the relative error allowed where numpy sums in
// another order (its dot products for cov) and so rounds differently.
var numpyTolerance = map[string]float64{"cov": 1e-14, "corrcoef": 1e-14}

// signFree names the functions whose zeros may differ in sign from
// numpy's: its SIMD fmin/fmax reductions pick either of -0 and 0.
var signFree = map[string]bool{"nanmin": true, "nanmax": true}

func TestNumpyReference(t *testing.T) {
	raw, err := os.ReadFile("testdata/numpy_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Numpy string
		Cases []refCase
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cases from numpy %s", len(ref.Cases), ref.Numpy)
	for i, c := range ref.Cases {
		f := numpyFuncs[c.Fn]
		if f == nil {
			t.Fatalf("case %d: no function %s", i, c.Fn)
		}
		in := make([]*Array, len(c.In))
		for k, r := range c.In {
			in[k] = r.array()
		}
		got, err := f(c, in)
		if err != nil {
			t.Errorf("case %d %s %v: %v", i, c.Fn, c.P, err)
			continue
		}
		if len(got) != len(c.Out) {
			t.Errorf("case %d %s: %d results, want %d", i, c.Fn, len(got), len(c.Out))
			continue
		}
		for k, r := range c.Out {
			want := r.array()
			if !sameShape(got[k].Shape, want.Shape) {
				t.Errorf("case %d %s %v result %d: shape %v, want %v", i, c.Fn, c.P, k, got[k].Shape, want.Shape)
				continue
			}
			for j, w := range want.Floats() {
				g := got[k].Floats()[j]
				tol := numpyTolerance[c.Fn]
				same := g == w && (signFree[c.Fn] || math.Signbit(g) == math.Signbit(w)) || g != g && w != w
				if !same && (tol == 0 || math.Abs(g-w) > tol*math.Max(1, math.Abs(w))) {
					t.Errorf("case %d %s %v result %d [%d]: got %v, want %v", i, c.Fn, c.P, k, j, g, w)
					break
				}
			}
		}
	}
}
