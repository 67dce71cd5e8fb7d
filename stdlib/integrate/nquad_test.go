package integrate

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// tplquadProblem is a triple integral of the catalogue.
type tplquadProblem struct {
	name       string
	f          func(z, y, x float64) float64
	a, b       float64
	gfun, hfun func(x float64) float64
	qfun, rfun func(x, y float64) float64
	exact      float64
}

func quadConst2(c float64) func(x, y float64) float64 { return func(x, y float64) float64 { return c } }

// tplquadCatalogue repeats TPLQUAD in testdata/scipy_quad.py.
var tplquadCatalogue = []tplquadProblem{
	{"xyz_cube", func(z, y, x float64) float64 { return x * y * z }, 0, 1, quadConst(0), quadConst(1), quadConst2(0), quadConst2(1), 0.125},
	{"gauss_space", func(z, y, x float64) float64 { return math.Exp(-(x*x + y*y + z*z)) }, -quadPosInf, quadPosInf,
		quadConst(-quadPosInf), quadConst(quadPosInf), quadConst2(-quadPosInf), quadConst2(quadPosInf), math.Pow(math.Pi, 1.5)},
	{"exp_simplex", func(z, y, x float64) float64 { return math.Exp(-(x*x + y*y + z*z)) }, 0, 1,
		quadConst(0), func(x float64) float64 { return 1 - x },
		quadConst2(0), func(x, y float64) float64 { return 1 - x - y }, math.NaN()},
	{"ball_volume", func(z, y, x float64) float64 { return 1 }, -1, 1,
		func(x float64) float64 { return -math.Sqrt(1 - x*x) }, func(x float64) float64 { return math.Sqrt(1 - x*x) },
		func(x, y float64) float64 { return -math.Sqrt(math.Max(0, 1-x*x-y*y)) },
		func(x, y float64) float64 { return math.Sqrt(math.Max(0, 1-x*x-y*y)) }, 4 * math.Pi / 3},
}

// nquadProblem is an integral of NQuad's catalogue.
type nquadProblem struct {
	name     string
	f        func(x []float64) float64
	ranges   []QuadRange
	settings []*QuadSettings
	exact    float64
}

// nquadCatalogue repeats NQUAD in testdata/scipy_quad.py.
var nquadCatalogue = []nquadProblem{
	{"product4", func(x []float64) float64 { return x[0] * x[1] * x[2] * x[3] },
		[]QuadRange{ConstRange(0, 1), ConstRange(0, 1), ConstRange(0, 1), ConstRange(0, 1)},
		[]*QuadSettings{{EpsRel: 1e-6}}, 1.0 / 16},
	{"gauss_cone", func(x []float64) float64 { return math.Exp(-(x[0]*x[0] + x[1]*x[1] + x[2]*x[2])) },
		[]QuadRange{
			func(outer []float64) (float64, float64) { return -outer[1], outer[1] },
			func(outer []float64) (float64, float64) { return -outer[0], outer[0] },
			ConstRange(0, 2),
		}, nil, math.NaN()},
	{"triangle_area", func(x []float64) float64 { return 1 },
		[]QuadRange{func(outer []float64) (float64, float64) { return 0, outer[0] }, ConstRange(0, 1)}, nil, 0.5},
	{"tight_inner", func(x []float64) float64 { return math.Exp(x[0] * x[1]) },
		[]QuadRange{ConstRange(0, 1), ConstRange(0, 1)}, []*QuadSettings{{EpsAbs: -1, EpsRel: 1e-12}, nil}, math.NaN()},
}

// fixedQuadProblem is a case of FixedQuad's catalogue.
type fixedQuadProblem struct {
	name string
	f    func(float64) float64
	a, b float64
	n    int
}

// fixedQuadCatalogue repeats FIXED_QUAD in testdata/scipy_quad.py.
var fixedQuadCatalogue = []fixedQuadProblem{
	{"x7_n4", func(x float64) float64 { return x * x * x * x * x * x * x }, 0, 1, 4},
	{"exp_n5", math.Exp, 0, 1, 5},
	{"cos_n1", math.Cos, -1, 2, 1},
	{"runge_n20", func(x float64) float64 { return 1 / (1 + 25*x*x) }, -1, 1, 20},
	{"sqrt_n100", math.Sqrt, 0, 3, 100},
	{"exp_reversed_n7", math.Exp, 2, -1, 7},
}

// nquadLoadScipy reads scipy's tplquad, nquad and fixed_quad results.
func nquadLoadScipy(t *testing.T) (tpl, n, fixed map[string]quadRecord) {
	t.Helper()
	data, err := os.ReadFile("testdata/scipy_quad.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Tplquad, Nquad []quadRecord
		FixedQuad      []quadRecord `json:"fixed_quad"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	index := func(rs []quadRecord) map[string]quadRecord {
		m := make(map[string]quadRecord, len(rs))
		for _, r := range rs {
			m[r.Name] = r
		}
		return m
	}
	return index(file.Tplquad), index(file.Nquad), index(file.FixedQuad)
}

func TestTplQuadCatalogue(t *testing.T) {
	scipy, _, _ := nquadLoadScipy(t)
	for _, p := range tplquadCatalogue {
		want, ok := scipy[p.name]
		if !ok {
			t.Errorf("%s: not in scipy_quad.json", p.name)
			continue
		}
		got, err := TplQuad(p.f, p.a, p.b, p.gfun, p.hfun, p.qfun, p.rfun, nil)
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
		}
		quadCheck(t, p.name, got, want, p.exact)
	}
}

func TestNQuadCatalogue(t *testing.T) {
	_, scipy, _ := nquadLoadScipy(t)
	for _, p := range nquadCatalogue {
		want, ok := scipy[p.name]
		if !ok {
			t.Errorf("%s: not in scipy_quad.json", p.name)
			continue
		}
		got, err := NQuad(p.f, p.ranges, p.settings)
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
		}
		quadCheck(t, p.name, got, want, p.exact)
	}
}

// TestFixedQuadCatalogue compares FixedQuad with scipy's fixed_quad, to
// 1e-14: the nodes and weights are computed another way than scipy's
// (Newton's iteration rather than the Golub–Welsch eigenproblem) and
// agree to rounding.
func TestFixedQuadCatalogue(t *testing.T) {
	_, _, scipy := nquadLoadScipy(t)
	for _, p := range fixedQuadCatalogue {
		want, ok := scipy[p.name]
		if !ok {
			t.Errorf("%s: not in scipy_quad.json", p.name)
			continue
		}
		calls := 0
		got, err := FixedQuad(func(x float64) float64 { calls++; return p.f(x) }, p.a, p.b, p.n)
		if err != nil || math.Abs(got-want.Value) > 1e-14*math.Max(1, math.Abs(want.Value)) || calls != want.NEval {
			t.Errorf("%s: %.17g (%d calls, %v), scipy %.17g", p.name, got, calls, err, want.Value)
		}
	}
	for _, bad := range [][2]float64{{0, math.Inf(1)}, {math.NaN(), 1}} {
		if _, err := FixedQuad(math.Exp, bad[0], bad[1], 5); err != ErrFixedQuadInput {
			t.Errorf("FixedQuad on %v: %v", bad, err)
		}
	}
	if _, err := FixedQuad(math.Exp, 0, 1, 0); err != ErrFixedQuadInput {
		t.Errorf("FixedQuad with no nodes: %v", err)
	}
}
