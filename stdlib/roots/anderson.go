package roots

import "calc/stdlib/minpack"

// AndersonSettings are the settings of Anderson.
type AndersonSettings struct {
	NonlinSettings
	// Alpha sets the initial Jacobian approximation -1/Alpha; zero means
	// scipy's 0.5*max(‖x0‖, 1)/‖F(x0)‖.
	Alpha float64
	// W0 regularizes the least-squares problem for numerical stability;
	// zero means scipy's 0.01, a negative value none.
	W0 float64
	// M is the number of previous steps kept; zero means scipy's 5, a
	// negative value none (linear mixing).
	M int
}

// Anderson solves F(x) = 0 by extended Anderson mixing (D. G. Anderson,
// "Iterative procedures for nonlinear integral equations", J. ACM 12
// (1965) 547–560; D. D. Johnson, "Modified Broyden's method for
// accelerating convergence in self-consistent calculations", Phys. Rev. B
// 38 (1988) 12807): the step is -Alpha·F corrected by the combination of
// the last M steps dx_i and residual changes df_i that best explains F,
//
//	dx = -αF + Σ γ_m (dx_m + α df_m),  (A + w0² diag A) γ = [df_i·F],
//
// with A_ij = df_i·df_j. It follows scipy's anderson and
// root(method='anderson'); each iteration costs one call of F (more when
// the line search backtracks) and O(M²n). Results and errors are as for
// Broyden1; a singular A clears the memory, as in scipy.
func Anderson(f func(x, fx []float64), x0 []float64, s *AndersonSettings) (*SystemResult, error) {
	var ns *NonlinSettings
	a := &andersonJac{w0: 0.01, m: 5}
	if s != nil {
		ns = &s.NonlinSettings
		a.alpha = s.Alpha
		switch {
		case s.W0 < 0:
			a.w0 = 0
		case s.W0 > 0:
			a.w0 = s.W0
		}
		switch {
		case s.M < 0:
			a.m = 0
		case s.M > 0:
			a.m = s.M
		}
	}
	return nonlinSolve(f, x0, a, ns)
}

// andersonJac is scipy's Anderson.
type andersonJac struct {
	alpha, w0    float64
	m            int
	lastX, lastF []float64
	dx, df       [][]float64
	a            []float64 // the k by k matrix of the least-squares problem
}

func (j *andersonJac) setup(x, fx []float64, _ *nonlinFunc) {
	j.lastX, j.lastF = x, fx
	if j.alpha == 0 {
		j.alpha = initialAlpha(x, fx)
	}
}

func (j *andersonJac) solve(f []float64, _ float64) ([]float64, error) {
	dx := make([]float64, len(f))
	for i := range f {
		dx[i] = -j.alpha * f[i]
	}
	k := len(j.dx)
	if k == 0 {
		return dx, nil
	}
	dff := make([]float64, k)
	for i := range dff {
		dff[i] = dot(j.df[i], f)
	}
	gamma, err := solveDense(k, j.a, dff)
	if err != nil {
		j.dx, j.df = nil, nil
		return dx, nil
	}
	for m := 0; m < k; m++ {
		for i := range dx {
			dx[i] += gamma[m] * (j.dx[m][i] + j.alpha*j.df[m][i])
		}
	}
	return dx, nil
}

func (j *andersonJac) update(x, fx []float64) {
	dx, df := diffs(x, fx, j.lastX, j.lastF)
	j.lastX, j.lastF = x, fx
	if j.m == 0 {
		return
	}
	j.dx, j.df = append(j.dx, dx), append(j.df, df)
	for len(j.dx) > j.m {
		j.dx, j.df = j.dx[1:], j.df[1:]
	}
	k := len(j.dx)
	j.a = make([]float64, k*k)
	for r := 0; r < k; r++ {
		for c := r; c < k; c++ {
			wd := 0.0
			if r == c {
				wd = j.w0 * j.w0
			}
			j.a[r*k+c] = (1 + wd) * dot(j.df[r], j.df[c])
			j.a[c*k+r] = j.a[r*k+c]
		}
	}
}

// initialAlpha is scipy's default α = 0.5*max(‖x0‖, 1)/‖F(x0)‖ (1 when
// F(x0) = 0) for the initial Jacobian -1/α.
func initialAlpha(x, fx []float64) float64 {
	nf := minpack.Enorm(fx)
	if nf == 0 {
		return 1
	}
	return 0.5 * max(minpack.Enorm(x), 1) / nf
}

// diffs returns x - lastX and fx - lastF.
func diffs(x, fx, lastX, lastF []float64) (dx, df []float64) {
	dx, df = make([]float64, len(x)), make([]float64, len(x))
	for i := range x {
		dx[i] = x[i] - lastX[i]
		df[i] = fx[i] - lastF[i]
	}
	return dx, df
}
