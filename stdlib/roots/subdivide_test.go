package roots

import (
	"math"
	"testing"

	iv "calc/stdlib/interval"
)

// enclosed is a function of one variable with enclosures of it and its
// derivative, written by hand from the formula as autodiff.Bounds would
// derive them.
type enclosed struct {
	f, df  func(float64) float64
	bounds func(x iv.I) (iv.I, iv.I)
}

func (e enclosed) settings() *ScanSettings {
	return &ScanSettings{Bounds: func(lo, hi float64) (iv.I, iv.I) { return e.bounds(iv.I{Lo: lo, Hi: hi}) }}
}

var (
	c = iv.Point
	// (x - 0.5)(x - 0.5001): two roots 1e-4 apart.
	closePair = enclosed{
		f: func(x float64) float64 { return (x - 0.5) * (x - 0.5001) },
		bounds: func(x iv.I) (iv.I, iv.I) {
			return iv.Mul(iv.Sub(x, c(0.5)), iv.Sub(x, c(0.5001))), iv.Sub(iv.Mul(c(2), x), c(1.0001))
		},
	}
	// sin(1/x): roots 1/(kπ), crowding towards 0.
	sinInv = enclosed{
		f: func(x float64) float64 { return math.Sin(1 / x) },
		bounds: func(x iv.I) (iv.I, iv.I) {
			r := iv.Div(c(1), x)
			return iv.Sin(r), iv.Neg(iv.Mul(iv.Cos(r), iv.PowConst(r, 2)))
		},
	}
	// x³: a triple root at 0.
	cube = enclosed{
		f:      func(x float64) float64 { return x * x * x },
		bounds: func(x iv.I) (iv.I, iv.I) { return iv.PowConst(x, 3), iv.Mul(c(3), iv.PowConst(x, 2)) },
	}
	// x²: a double root at 0.
	square = enclosed{
		f:      func(x float64) float64 { return x * x },
		bounds: func(x iv.I) (iv.I, iv.I) { return iv.PowConst(x, 2), iv.Mul(c(2), x) },
	}
	// x² + 1e-30: no root, however close.
	nearMiss = enclosed{
		f:      func(x float64) float64 { return x*x + 1e-30 },
		bounds: func(x iv.I) (iv.I, iv.I) { return iv.Add(iv.PowConst(x, 2), c(1e-30)), iv.Mul(c(2), x) },
	}
	// 1/x: a sign change at a pole.
	pole = enclosed{
		f:      func(x float64) float64 { return 1 / x },
		bounds: func(x iv.I) (iv.I, iv.I) { return iv.PowConst(x, -1), iv.Neg(iv.PowConst(x, -2)) },
	}
	// floor(x) - 0.5: a sign change at a jump.
	step = enclosed{
		f:      func(x float64) float64 { return math.Floor(x) - 0.5 },
		bounds: func(x iv.I) (iv.I, iv.I) { return iv.Sub(iv.Step(math.Floor)(x), c(0.5)), c(0) },
	}
	// (x - 1)(x - 1 - 1e-13): two roots closer than the resolution.
	tooClose = enclosed{
		f: func(x float64) float64 { return (x - 1) * (x - 1 - 1e-13) },
		bounds: func(x iv.I) (iv.I, iv.I) {
			return iv.Mul(iv.Sub(x, c(1)), iv.Sub(x, c(1+1e-13))), iv.Sub(iv.Mul(c(2), x), c(2+1e-13))
		},
	}
	// (1 - x)·exp(−x), the derivative of x·exp(−x): it underflows beyond
	// x ≈ 745.
	xexpDeriv = enclosed{
		f: func(x float64) float64 { return (1 - x) * math.Exp(-x) },
		bounds: func(x iv.I) (iv.I, iv.I) {
			e := iv.Exp(iv.Neg(x))
			return iv.Mul(iv.Sub(c(1), x), e), iv.Mul(iv.Sub(x, c(2)), e)
		},
	}
)

// TestSubdivide checks the proven scan: every root, and each place it
// cannot decide reported as the right kind of cluster.
func TestSubdivide(t *testing.T) {
	sinInvRoots := []float64{}
	for k := 31; k >= 1; k-- {
		sinInvRoots = append(sinInvRoots, 1/(float64(k)*math.Pi))
	}
	for _, tc := range []struct {
		name     string
		e        enclosed
		a, b     float64
		roots    []float64
		tol      float64
		clusters []ClusterKind
	}{
		{"close pair", closePair, 0, 1, []float64{0.5, 0.5001}, 1e-12, nil},
		{"sin(1/x)", sinInv, 0.01, 1, sinInvRoots, 1e-12, nil},
		{"x³", cube, -1, 2, []float64{0}, 1e-9, []ClusterKind{Multiple}},
		{"x²", square, -1, 1, []float64{0}, 1e-9, []ClusterKind{Touch}},
		{"near miss", nearMiss, -1, 1, nil, 0, nil},
		{"pole", pole, -1, 1, nil, 0, []ClusterKind{Jump}},
		{"jump", step, 0, 1.7, nil, 0, []ClusterKind{Jump}},
		{"too close", tooClose, 0, 2, []float64{1, 1 + 1e-13}, 1e-12, []ClusterKind{Multiple}},
		{"underflow", xexpDeriv, 0, 1e4, []float64{1}, 1e-12, []ClusterKind{Flat}},
	} {
		res, err := FindAll(tc.e.f, tc.a, tc.b, tc.e.settings())
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !res.Proven {
			t.Errorf("%s: not proven", tc.name)
		}
		if !closeVec(res.Roots, tc.roots, tc.tol) {
			t.Errorf("%s: roots %v, want %v", tc.name, res.Roots, tc.roots)
		}
		var kinds []ClusterKind
		for _, cl := range res.Clusters {
			kinds = append(kinds, cl.Kind)
		}
		if len(kinds) != len(tc.clusters) {
			t.Errorf("%s: clusters %+v, want kinds %v", tc.name, res.Clusters, tc.clusters)
			continue
		}
		for i := range kinds {
			if kinds[i] != tc.clusters[i] {
				t.Errorf("%s: clusters %+v, want kinds %v", tc.name, res.Clusters, tc.clusters)
			}
		}
		t.Logf("%s: %d roots, %d clusters, %d cells", tc.name, len(res.Roots), len(res.Clusters), res.Cells)
		if res.Cells > 20000 {
			t.Errorf("%s: %d cells", tc.name, res.Cells)
		}
	}
}

// TestSubdivideBeatsGrid shows the case the grid heuristic gets wrong:
// sin(1/x) on [0.01, 1] has 31 roots, the grid finds fewer.
func TestSubdivideBeatsGrid(t *testing.T) {
	grid, err := FindAll(sinInv.f, 0.01, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("sin(1/x) on [0.01, 1]: the grid finds %d of 31 roots", len(grid.Roots))
	if len(grid.Roots) >= 31 || grid.Proven {
		t.Errorf("the grid found %d roots (proven %v): the test no longer shows the difference", len(grid.Roots), grid.Proven)
	}
}

// TestSubdivideCellLimit checks that running out of cells is reported,
// not hidden: f = 0 on [0, 1] is Flat at once, but a function whose
// enclosure is too loose to decide anything runs out.
func TestSubdivideCellLimit(t *testing.T) {
	loose := &ScanSettings{MaxCells: 50, Bounds: func(lo, hi float64) (iv.I, iv.I) { return iv.I{Lo: -1, Hi: 1}, iv.I{Lo: -1, Hi: 1} }}
	res, err := FindAll(math.Sin, 1, 2, loose)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Clusters) == 0 || res.Clusters[0].Kind != Unresolved {
		t.Errorf("clusters %+v, want Unresolved", res.Clusters)
	}
}

// TestExtremaUnderflow checks the case: where f′ of x·exp(−x)
// underflows there are no critical points.
func TestExtremaUnderflow(t *testing.T) {
	f := func(x float64) float64 { return x * math.Exp(-x) }
	r, err := Extrema(f, xexpDeriv.f, 0, 1e4, xexpDeriv.settings())
	if err != nil {
		t.Fatal(err)
	}
	if !closeVec(r.Critical, []float64{1}, 1e-12) {
		t.Errorf("critical points %v, want [1]", r.Critical)
	}
	if !near(r.Max, math.Exp(-1), 1e-15) || !near(r.ArgMax, 1, 1e-12) || r.Min != 0 || r.ArgMin != 0 {
		t.Errorf("max %v at %v, min %v at %v", r.Max, r.ArgMax, r.Min, r.ArgMin)
	}
	if len(r.Clusters) != 1 || r.Clusters[0].Kind != Flat || r.Clusters[0].Lo > 750 {
		t.Errorf("clusters %+v, want one Flat from about 745", r.Clusters)
	}
}
