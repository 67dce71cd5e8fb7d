package integrate

import (
	"fmt"
	"math"
	"slices"
)

// The adjoint method for the gradient of a function of an ODE's solution
// at output times (Cao, Li, Petzold & Serban, "Adjoint sensitivity
// analysis for differential-algebraic equations: the adjoint DAE system
// and its numerical solution", SIAM J. Sci. Comput. 24, 2003; the
// adjoint module of CVODES, Hindmarsh et al., ACM TOMS 31, 2005, §4;
// Chen, Rubanova, Bettencourt & Duvenaud, "Neural ordinary differential
// equations", NeurIPS 2018, for the augmented backward system). With
// y' = f(y, t, p), y(t0) = y0 and a loss L whose derivative by y(t_k) is
// w_k, the adjoint λ(t) = ∂L/∂y(t) and μ(t), the part of ∂L/∂p gathered
// after t, obey
//
//	λ' = -J_yᵀ·λ,  μ' = -J_pᵀ·λ
//
// backwards from λ = μ = 0 past the last output time, with a jump
// λ += w_k at each output time t_k; then ∂L/∂y0 = λ(t0) and
// ∂L/∂p = μ(t0). J_yᵀ·λ and J_pᵀ·λ are vector–Jacobian products, one
// reverse sweep of λᵀf, so the cost of the backward solve grows with
// the number of parameters only through μ's quadrature, not through a
// sensitivity matrix. The forward solution is taken from the dense
// output of every forward step (CVODES keeps checkpoints and recomputes
// the steps between them into Hermite interpolants; keeping every step's
// own interpolant is the checkpointing with a checkpoint per step, exact
// to the method's order and never recomputed). The backward system is
// solved between consecutive output times by the forward method, under
// the same tolerances for λ, μ being left out of the error test (see
// adjointSettings). For the implicit
// methods its Jacobian is [-J_yᵀ 0; 0 0], which drops -J_pᵀ: μ then lags
// λ by one Newton iteration, and as μ is out of the error test (and so of
// the Newton convergence test) that costs nothing, while J_p, an N×P
// matrix, is never formed.

// AdjointProblem is what Adjoint needs of an ODE beside its forward
// solution.
type AdjointProblem struct {
	// N and P are the numbers of states and parameters.
	N, P int
	// VJP writes λᵀ·∂f/∂y into gy (N numbers) and λᵀ·∂f/∂p into gp (P
	// numbers) at (t, y).
	VJP func(t float64, y, lambda, gy, gp []float64)
	// Jac writes ∂f_i/∂y_j into J[i*N+j] at (t, y); the implicit methods
	// need it.
	Jac func(t float64, y, J []float64)
}

// Adjoint returns ∂L/∂y0 and ∂L/∂p for an ODE solved from t0, whose
// continuous solution is sol, and a loss L of its states at the output
// times ts (in the direction of integration, the first possibly t0),
// whose derivatives by them are w[k]. s holds the forward solve's method
// and tolerances (its output times, dense output and events are not
// used); λ has one absolute tolerance, the smallest of s's.
func Adjoint(pr *AdjointProblem, sol *Solution, t0 float64, ts []float64, w [][]float64, s *IVPSettings) (lambda, mu []float64, err error) {
	n := pr.N
	z := make([]float64, n+pr.P)
	back := adjointSettings(pr, sol, s)
	y := make([]float64, n)
	rhs := func(t float64, z, dz []float64) {
		sol.At(t, y)
		pr.VJP(t, y, z[:n], dz[:n], dz[n:])
		for i := range dz {
			dz[i] = -dz[i]
		}
	}
	for k := len(ts) - 1; k >= 0; k-- {
		for i, v := range w[k] {
			z[i] += v
		}
		from, to := ts[k], t0
		if k > 0 {
			to = ts[k-1]
		}
		if from == to {
			continue
		}
		r, err := SolveIVP(rhs, [2]float64{from, to}, z, back)
		if err != nil {
			return nil, nil, err
		}
		if !r.Success {
			return nil, nil, fmt.Errorf("integrate: the adjoint solve from t = %g to %g failed: %s", from, to, r.Message)
		}
		copy(z, r.Y[len(r.Y)-1])
	}
	return z[:n], z[n:], nil
}

// adjointSettings returns the settings of the backward solve: λ under
// the smallest absolute tolerance of the forward solve, μ out of the
// error test (as CVODES's quadratures by default, errconQB false: a
// quadrature starting from zero under a tight absolute tolerance makes
// BDF cut its steps to nothing on Robertson's problem, and μ, an
// integral of λ, is as accurate as λ and the steps).
func adjointSettings(pr *AdjointProblem, sol *Solution, s *IVPSettings) *IVPSettings {
	back := &IVPSettings{Method: s.Method, Rtol: s.Rtol, MaxStep: s.MaxStep, MinStep: s.MinStep}
	atol := s.Atol
	if s.AtolVec != nil {
		atol = slices.Min(s.AtolVec)
	}
	if atol == 0 {
		atol = IVPAtol
	}
	back.AtolVec = make([]float64, pr.N+pr.P)
	for i := range back.AtolVec {
		back.AtolVec[i] = atol
		if i >= pr.N {
			back.AtolVec[i] = math.Inf(1)
		}
	}
	if s.Method == Radau || s.Method == BDF || s.Method == LSODA {
		n, m := pr.N, pr.N+pr.P
		y := make([]float64, n)
		jy := make([]float64, n*n)
		back.Jac = func(t float64, z, J []float64) {
			sol.At(t, y)
			pr.Jac(t, y, jy)
			clear(J)
			for i := range n {
				for j := range n {
					J[i*m+j] = -jy[j*n+i]
				}
			}
		}
	}
	return back
}
