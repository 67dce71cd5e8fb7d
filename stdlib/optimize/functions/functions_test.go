package functions

import (
	"math"
	"math/rand/v2"
	"testing"

	gf "gonum.org/v1/gonum/optimize/functions"
)

// TestGradients checks each analytic gradient against central
// differences at the starting point and at a perturbed point.
func TestGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range MGH() {
		if len(p.X0) != p.N {
			t.Errorf("%s: x0 has length %d, want %d", p.Name, len(p.X0), p.N)
		}
		pts := [][]float64{p.X0, make([]float64, p.N)}
		for j, v := range p.X0 {
			pts[1][j] = v + 0.1*(rng.Float64()-0.5)*(1+math.Abs(v))
		}
		for _, x := range pts {
			g := make([]float64, p.N)
			p.Grad(x, g)
			xt := append([]float64(nil), x...)
			for j := range x {
				h := 1e-6 * (1 + math.Abs(x[j]))
				xt[j] = x[j] + h
				fp := p.Func(xt)
				xt[j] = x[j] - h
				fm := p.Func(xt)
				xt[j] = x[j]
				fd := (fp - fm) / (2 * h)
				if math.Abs(fd-g[j]) > 1e-5*(1+math.Abs(g[j])+math.Abs(p.Func(x))) {
					t.Errorf("%s at %v: ∂f/∂x%d = %g, central difference %g", p.Name, x, j, g[j], fd)
				}
			}
		}
	}
}

// TestMinima checks that f vanishes or has the published value at the
// published minimizers.
func TestMinima(t *testing.T) {
	for _, p := range MGH() {
		if p.XMin == nil || p.Minima[0] != 0 {
			continue
		}
		if f := p.Func(p.XMin); f > 1e-6 {
			t.Errorf("%s: f(%v) = %g, want 0", p.Name, p.XMin, f)
		}
	}
}

// TestAgainstGonum compares values and gradients with gonum's
// implementations of the same MGH problems. gonum's ExtendedRosenbrock
// chains all neighbours (scipy's rosen) rather than MGH's independent
// pairs, so it is compared only for n = 2.
func TestAgainstGonum(t *testing.T) {
	type fg interface {
		Func([]float64) float64
		Grad(grad, x []float64)
	}
	others := map[string]fg{
		"Rosenbrock":          gf.ExtendedRosenbrock{},
		"Powell badly scaled": gf.PowellBadlyScaled{}, "Brown badly scaled": gf.BrownBadlyScaled{},
		"Beale": gf.Beale{}, "Helical valley": gf.HelicalValley{}, "Gaussian": gf.Gaussian{},
		"Gulf research and development": gf.GulfResearchAndDevelopment{}, "Box 3-d": gf.Box3D{},
		"Powell singular": gf.ExtendedPowellSingular{}, "Extended Powell n=8": gf.ExtendedPowellSingular{},
		"Wood": gf.Wood{}, "Brown-Dennis": gf.BrownAndDennis{}, "Biggs EXP6": gf.BiggsEXP6{},
		"Watson n=6": gf.Watson{}, "Watson n=9": gf.Watson{}, "Penalty I n=4": gf.PenaltyI{},
		"Penalty II n=4": gf.PenaltyII{}, "Variably dimensioned n=10": gf.VariablyDimensioned{},
		"Trigonometric n=10": gf.Trigonometric{},
	}
	seen := 0
	for _, p := range MGH() {
		o, ok := others[p.Name]
		if !ok {
			continue
		}
		seen++
		x := make([]float64, p.N)
		for j, v := range p.X0 {
			x[j] = v + 0.01*float64(j+1)
		}
		f, fo := p.Func(x), o.Func(x)
		if math.Abs(f-fo) > 1e-10*(1+math.Abs(fo)) {
			t.Errorf("%s: f = %.15g, gonum's %.15g", p.Name, f, fo)
		}
		g, gO := make([]float64, p.N), make([]float64, p.N)
		p.Grad(x, g)
		o.Grad(gO, x)
		for j := range g {
			if math.Abs(g[j]-gO[j]) > 1e-8*(1+math.Abs(gO[j])) {
				t.Errorf("%s: ∂f/∂x%d = %.15g, gonum's %.15g", p.Name, j, g[j], gO[j])
			}
		}
	}
	if seen != len(others) {
		t.Errorf("compared %d problems, want %d", seen, len(others))
	}
}
