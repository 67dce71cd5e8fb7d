package poly

import (
	"cmp"
	"encoding/json"
	"math"
	"math/cmplx"
	"os"
	"slices"
	"testing"
)

type refCase struct {
	Fn      string
	P, X, Y []float64
	W, K    []float64
	Deg, M  int
	Out     json.RawMessage
}

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
		if c.Fn == "roots" {
			var want [][2]float64
			json.Unmarshal(c.Out, &want)
			got, err := Roots(c.P)
			if err != nil || len(got) != len(want) {
				t.Errorf("case %d roots %v: got %v (%v), want %v", i, c.P, got, err, want)
				continue
			}
			r6 := func(x float64) float64 { return math.Round(x*1e6) / 1e6 }
			slices.SortFunc(got, func(x, y complex128) int {
				return cmp.Or(cmp.Compare(r6(real(x)), r6(real(y))), cmp.Compare(r6(imag(x)), r6(imag(y))))
			})
			for j, w := range want {
				// A root of multiplicity k is known only to about eps^(1/k).
				if cmplx.Abs(got[j]-complex(w[0], w[1])) > 1e-4*max(1, cmplx.Abs(got[j])) {
					t.Errorf("case %d roots %v: root %d is %v, want %v", i, c.P, j, got[j], w)
				}
			}
			continue
		}
		want := []float64{}
		if err := json.Unmarshal(c.Out, &want); err != nil {
			t.Fatal(err)
		}
		var got []float64
		tol := 0.0 // to the bit
		switch c.Fn {
		case "polyfit":
			got, err = Fit(c.X, c.Y, c.W, c.Deg)
			if err != nil {
				t.Errorf("case %d: %v", i, err)
				continue
			}
			// QR here, SVD in numpy: the same up to rounding amplified by
			// the conditioning, so the fitted values are compared, and the
			// coefficients where the fit is well conditioned.
			tol = 1e-10
			ys := 0.0
			for _, y := range c.Y {
				ys = max(ys, math.Abs(y))
			}
			for _, x := range c.X {
				if g, w := Val(got, x), Val(want, x); math.Abs(g-w) > 1e-11*ys {
					t.Errorf("case %d polyfit deg %d: fitted %v at %v, numpy's %v", i, c.Deg, g, x, w)
					break
				}
			}
			if c.X[0] > 100 {
				continue
			}
		case "polyval":
			for _, x := range c.X {
				got = append(got, Val(c.P, x))
			}
		case "polyder":
			got = Der(c.P, c.M)
		case "polyint":
			got, _ = Int(c.P, c.M, c.K, nil)
		}
		if len(got) != len(want) {
			t.Errorf("case %d %s: got %v, want %v", i, c.Fn, got, want)
			continue
		}
		scale := 0.0
		for _, w := range want {
			scale = max(scale, math.Abs(w))
		}
		for j := range want {
			if got[j] != want[j] && math.Abs(got[j]-want[j]) > tol*scale {
				t.Errorf("case %d %s deg %d: [%d] got %v, want %v", i, c.Fn, c.Deg, j, got[j], want[j])
			}
		}
	}
}
