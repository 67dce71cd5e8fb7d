package integrate

import (
	"math"
	"testing"
)

// TestAdjointDecay checks the adjoint gradient of L = Σ_k y(t_k)² for
// y' = -k·y against its closed form, y(t) = y0·e^{-kt}: ∂L/∂y0 =
// Σ 2y0·e^{-2kt}, ∂L/∂k = Σ -2t·y0²·e^{-2kt}, for every method.
func TestAdjointDecay(t *testing.T) {
	const k, y0 = 0.7, 1.3
	ts := []float64{0.5, 1, 2}
	f := func(_ float64, y, dy []float64) { dy[0] = -k * y[0] }
	pr := &AdjointProblem{N: 1, P: 1,
		VJP: func(_ float64, y, l, gy, gp []float64) { gy[0], gp[0] = -k*l[0], -y[0]*l[0] },
		Jac: func(_ float64, _, J []float64) { J[0] = -k }}
	var wantY0, wantK float64
	for _, tk := range ts {
		e := math.Exp(-2 * k * tk)
		wantY0 += 2 * y0 * e
		wantK -= 2 * tk * y0 * y0 * e
	}
	for _, m := range []IVPMethod{RK45, RK23, DOP853, Radau, BDF, LSODA} {
		s := &IVPSettings{Method: m, Rtol: 1e-10, Atol: 1e-12, TEval: ts, DenseOutput: true}
		r, err := SolveIVP(f, [2]float64{0, 2}, []float64{y0}, s)
		if err != nil {
			t.Fatal(err)
		}
		w := make([][]float64, len(ts))
		for i, y := range r.Y {
			w[i] = []float64{2 * y[0]}
		}
		l, mu, err := Adjoint(pr, r.Sol, 0, ts, w, s)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(l[0]-wantY0) > 1e-7*math.Abs(wantY0) || math.Abs(mu[0]-wantK) > 1e-7*math.Abs(wantK) {
			t.Errorf("%s: ∂L/∂y0 = %.12g, ∂L/∂k = %.12g, want %.12g, %.12g", m, l[0], mu[0], wantY0, wantK)
		}
	}
}
