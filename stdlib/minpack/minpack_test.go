package minpack

import (
	"math"
	"testing"
)

func TestEnorm(t *testing.T) {
	for _, c := range []struct {
		x    []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3, 4}, 5},
		{[]float64{3e200, 4e200}, 5e200},    // large: no overflow
		{[]float64{3e-200, 4e-200}, 5e-200}, // small: no underflow
		{[]float64{1e-30, 1, 1e30}, 1e30},   // all three sums
		{[]float64{1e30, math.NaN()}, math.NaN()},
	} {
		got := Enorm(c.x)
		if !(got == c.want || math.IsNaN(c.want) && math.IsNaN(got)) && math.Abs(got-c.want) > 1e-15*c.want {
			t.Errorf("Enorm(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

// TestQRFac checks A·P = Q·R on a 4×3 matrix, with and without pivoting.
func TestQRFac(t *testing.T) {
	const m, n = 4, 3
	rows := []float64{1, 2, 3, 4, 5, 6.5, 7, 8.5, 10, 0.5, -1, 2}
	for _, pivot := range []bool{false, true} {
		a := make([]float64, m*n)
		ColumnMajor(m, n, a, rows)
		var ipvt []int
		if pivot {
			ipvt = make([]int, n)
		}
		rdiag, acnorm, wa := make([]float64, n), make([]float64, n), make([]float64, n)
		QRFac(Exact, m, n, a, ipvt, rdiag, acnorm, wa)
		// Column j of Q·R is H_0·…·H_{n-1} applied to column j of R,
		// with H_k = I − v_k v_kᵀ/v_k[k] as qrfac stores v_k.
		for j := 0; j < n; j++ {
			col := make([]float64, m)
			for i := 0; i < j; i++ {
				col[i] = a[i+j*m]
			}
			col[j] = rdiag[j]
			for k := min(m, n) - 1; k >= 0; k-- {
				if a[k+k*m] == 0 {
					continue
				}
				var sum float64
				for i := k; i < m; i++ {
					sum += a[i+k*m] * col[i]
				}
				for i := k; i < m; i++ {
					col[i] -= sum / a[k+k*m] * a[i+k*m]
				}
			}
			src := j
			if pivot {
				src = ipvt[j]
			}
			for i := 0; i < m; i++ {
				if want := rows[i*n+src]; math.Abs(col[i]-want) > 1e-13 {
					t.Errorf("pivot %v: (Q·R)[%d][%d] = %v, want %v", pivot, i, j, col[i], want)
				}
			}
		}
		if pivot && !(math.Abs(rdiag[0]) >= math.Abs(rdiag[1]) && math.Abs(rdiag[1]) >= math.Abs(rdiag[2])) {
			t.Errorf("R's diagonal %v is not decreasing with pivoting", rdiag)
		}
	}
}

// TestLMDer fits Rosenbrock's function as two residuals, the example of
// the MINPACK-1 guide's test suite, with and without the Jacobian.
func TestLMDer(t *testing.T) {
	fcn := func(x, f []float64) { f[0], f[1] = 10*(x[1]-x[0]*x[0]), 1-x[0] }
	jac := func(x, j []float64) { j[0], j[1], j[2], j[3] = -20*x[0], 10, -1, 0 }
	for _, jc := range []func(x, j []float64){jac, nil} {
		s := &LMSettings{LMOptions: LMOptions{FTol: 1e-10, XTol: 1e-10, MaxFuncEvals: 1000, Factor: 100}}
		res := LMDer(fcn, jc, []float64{-1.2, 1}, 2, s)
		if res.Info < 1 || res.Info > 4 || math.Abs(res.X[0]-1) > 1e-8 || math.Abs(res.X[1]-1) > 1e-8 {
			t.Errorf("jac %v: info %d (%s), x %v", jc != nil, res.Info, LMMessage(res.Info, s.MaxFuncEvals, s.FTol, s.XTol, s.GTol), res.X)
		}
	}
	nan := func(x, f []float64) { f[0], f[1] = math.NaN(), 0 }
	if res := LMDer(nan, nil, []float64{1, 1}, 2, &LMSettings{LMOptions: LMOptions{MaxFuncEvals: 10, Factor: 100}, StopIfNotFinite: true}); res.Info != 0 || res.NFev != 1 {
		t.Errorf("NaN residuals: info %d after %d calls", res.Info, res.NFev)
	}
}
