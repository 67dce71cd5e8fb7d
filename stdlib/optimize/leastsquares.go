package optimize

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// LeastSquaresMethod chooses LeastSquares' algorithm.
type LeastSquaresMethod int

// The methods of scipy.optimize.least_squares that LeastSquares has.
const (
	// TRF is the trust-region reflective method, scipy's default; it
	// handles bounds.
	TRF LeastSquaresMethod = iota
	// LM is MINPACK's Levenberg–Marquardt, as LeastSq runs it; it takes
	// no bounds and needs m ≥ n.
	LM
	// Dogbox is the dogleg method in rectangular trust regions, scipy's
	// "dogbox"; it handles bounds.
	Dogbox
)

// LeastSquaresSettings tunes LeastSquares. The zero value means
// scipy.optimize.least_squares' defaults.
type LeastSquaresSettings struct {
	// Method is TRF (the default) or LM.
	Method LeastSquaresMethod
	// FTol stops when the cost falls by less than FTol times itself on a
	// step that the model predicted well. Zero means scipy's 1e-8.
	FTol float64
	// XTol stops when a step is shorter than XTol·(XTol + ‖x‖). Zero
	// means scipy's 1e-8.
	XTol float64
	// GTol stops when the scaled gradient's largest component is below
	// GTol. Zero means scipy's 1e-8.
	GTol float64
	// XScale holds each variable's characteristic scale; nil means 1
	// for every variable, as scipy's x_scale=1.0.
	XScale []float64
	// XScaleJac scales the variables by the inverse norms of the
	// Jacobian's columns, never decreasing, as scipy's x_scale='jac'.
	XScaleJac bool
	// MaxFuncEvals caps the residual evaluations. Zero means scipy's: 100·n
	// for TRF (where finite-difference calls are not counted), and for
	// LM 100·n with a Jacobian or 100·n·(n+1) without (counted).
	MaxFuncEvals int
	// Diff approximates the Jacobian when there is none, as scipy's jac
	// "2-point" (the zero value), "3-point" or "cs" with diff_step as
	// RelStep. LM takes MINPACK's forward differences with
	// epsfcn = RelStep² (ε when zero) and refuses another scheme.
	Diff Differences
	// Loss is the robust loss ρ (TRF only); the zero value is Linear,
	// the plain sum of squares.
	Loss LeastSquaresLoss
	// FScale is the residual size at which the loss turns robust
	// (scipy's f_scale): it minimizes ½·FScale²·Σ ρ((f_i/FScale)²).
	// Zero means 1.
	FScale float64
}

// LeastSquaresLoss is one of scipy's robust losses ρ(z) of z = f².
type LeastSquaresLoss int

// The losses of least_squares.
const (
	Linear LeastSquaresLoss = iota // ρ(z) = z
	SoftL1                         // ρ(z) = 2(√(1+z) − 1)
	Huber                          // ρ(z) = z for z ≤ 1, else 2√z − 1
	Cauchy                         // ρ(z) = log(1 + z)
	Arctan                         // ρ(z) = arctan z
)

// rho returns ρ(z), ρ′(z) and ρ″(z).
func (l LeastSquaresLoss) rho(z float64) (r0, r1, r2 float64) {
	switch l {
	case SoftL1:
		t := 1 + z
		return 2 * (math.Sqrt(t) - 1), 1 / math.Sqrt(t), -0.5 / (t * math.Sqrt(t))
	case Huber:
		if z <= 1 {
			return z, 1, 0
		}
		sz := math.Sqrt(z)
		return 2*sz - 1, 1 / sz, -0.5 / (z * sz)
	case Cauchy:
		t := 1 + z
		return math.Log1p(z), 1 / t, -1 / (t * t)
	case Arctan:
		t := 1 + z*z
		return math.Atan(z), 1 / t, -2 * z / (t * t)
	}
	return z, 1, 0
}

// lossCost is the robust cost ½·c²·Σ ρ((f_i/c)²) for c = fscale.
func (l LeastSquaresLoss) lossCost(f []float64, fscale float64) float64 {
	if l == Linear {
		return 0.5 * vecDot(f, f)
	}
	c := 0.0
	for _, fi := range f {
		r0, _, _ := l.rho(fi * fi / (fscale * fscale))
		c += r0
	}
	return 0.5 * fscale * fscale * c
}

// scaleForLoss turns the Jacobian J (m×n, in place) and the residuals f
// into those of the equivalent least-squares model of the robust cost
// (scipy's scale_for_robust_loss_function, after Triggs et al., Bundle
// Adjustment — a Modern Synthesis, 2000): with ρ′ and ρ″ at
// z = (f/c)², the row scale is s = √max(ρ′ + 2ρ″f²/c², ε) and
// fs = ρ′·f/s.
func (l LeastSquaresLoss) scaleForLoss(J, f, fs []float64, n int, fscale float64) {
	for i, fi := range f {
		_, r1, r2 := l.rho(fi * fi / (fscale * fscale))
		r2 /= fscale * fscale
		js := r1 + 2*r2*fi*fi
		if js < 0x1p-52 {
			js = 0x1p-52
		}
		js = math.Sqrt(js)
		fs[i] = fi * r1 / js
		for j := range n {
			J[i*n+j] *= js
		}
	}
}

// LeastSquaresResult is what LeastSquares found. The embedded Result has
// X, F (scipy's cost, half the sum of squares), Grad (Jᵀf), Status,
// Success, Message, Iterations, FuncEvals (nfev) and GradEvals (njev).
type LeastSquaresResult struct {
	Result
	// Fun holds the residuals at X.
	Fun []float64
	// Jac is the Jacobian at X, m rows of n (for TRF, at the last
	// accepted point, as scipy).
	Jac [][]float64
	// Optimality is the first-order optimality measure: the largest
	// component of the gradient, scaled by the distance to the bounds
	// for TRF with bounds (the Coleman–Li vector).
	Optimality float64
	// ActiveMask is −1 where X sits on its lower bound, 1 on its upper
	// bound and 0 where it is free (within XTol, relatively).
	ActiveMask []int
	// TermStatus is scipy's status: 0 out of evaluations, 1 gtol,
	// 2 ftol, 3 xtol, 4 both ftol and xtol; −1 when MINPACK saw
	// improper input.
	TermStatus int
}

// leastSquaresMessages are scipy's TERMINATION_MESSAGES by status.
var leastSquaresMessages = map[int]string{
	-1: "Improper input parameters status returned from `leastsq`",
	0:  "The maximum number of function evaluations is exceeded.",
	1:  "`gtol` termination condition is satisfied.",
	2:  "`ftol` termination condition is satisfied.",
	3:  "`xtol` termination condition is satisfied.",
	4:  "Both `ftol` and `xtol` termination conditions are satisfied.",
}

// leastSquaresFromMinpack maps MINPACK's info to scipy's status. scipy's
// table stops at 5; info 6–8 say a tolerance was too small to meet,
// which here counts as meeting the corresponding test at machine
// precision.
var leastSquaresFromMinpack = map[int]int{1: 2, 2: 3, 3: 4, 4: 1, 5: 0, 6: 2, 7: 3, 8: 1}

// Errors of LeastSquares for settings or bounds scipy rejects.
var (
	ErrLeastSquaresBounds = errors.New("optimize: least_squares needs each lower bound strictly below its upper bound and x0 within them")
	ErrLeastSquaresLM     = errors.New("optimize: least_squares' method LM takes no bounds and needs at least as many residuals as variables")
	ErrLMScheme           = errors.New("optimize: least_squares' method LM differentiates by MINPACK's forward differences; the 3-point and complex-step schemes apply to TRF and Dogbox")
)

// LeastSquares minimizes ½‖f(x)‖² over m residuals of n variables,
// subject to optional bounds b (nil for none), as
// scipy.optimize.least_squares with its default linear loss and the
// exact (SVD) trust-region solver.
//
// TRF, the trust-region reflective method (Branch, Coleman and Li, "A
// subspace, interior, and conjugate gradient method for large-scale
// bound-constrained minimization problems", SIAM J. Sci. Comput. 21,
// 1999), works in variables scaled by the Coleman–Li vector v, whose
// components are the distances to the bounds the gradient points at.
// Each iteration takes the SVD of the scaled Jacobian J·diag(√v), augmented
// by the bound-curvature term when there are bounds, and solves the
// trust-region subproblem exactly by Moré's Newton iteration on the
// secular equation (at most 10 steps, each O(n)). A step that would leave
// the box is cut at the bound and compared with its reflection and with
// the scaled gradient step, and the best of the three, kept strictly
// inside by θ = max(0.995, 1 − ‖g‖), is taken. The radius shrinks to a
// quarter of the step when the reduction ratio is below ¼ and doubles
// when it is above ¾ on a step that reached the boundary. Each iteration
// costs one residual evaluation per trial, one Jacobian and an
// O((m+n)·n²) SVD.
//
// LM runs MINPACK's lmder/lmdif as LeastSq does, with the variables
// scaled by 1/XScale (MINPACK's mode 2) as scipy does.
//
// jac may be nil: the Jacobian is then approximated by forward
// differences, stepping away from the bounds when a step would cross
// them, as scipy's approx_derivative with '2-point'. Residuals that are
// not finite at x0 stop the run with Status NotFinite; a trial step
// whose residuals are not finite is rejected and the radius shrunk.
func LeastSquares(r Residuals, jac Jacobian, x0 []float64, m int, b *Bounds, s *LeastSquaresSettings) (*LeastSquaresResult, error) {
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	if m <= 0 {
		return nil, fmt.Errorf("optimize: least_squares needs at least one residual, got m = %d", m)
	}
	var set LeastSquaresSettings
	if s != nil {
		set = *s
	}
	if set.FTol == 0 {
		set.FTol = 1e-8
	}
	if set.XTol == 0 {
		set.XTol = 1e-8
	}
	if set.GTol == 0 {
		set.GTol = 1e-8
	}
	if set.FTol < 0 || set.XTol < 0 || set.GTol < 0 || set.MaxFuncEvals < 0 || set.Diff.RelStep < 0 {
		return nil, errors.New("optimize: least_squares tolerances, MaxFuncEvals and the relative step must not be negative")
	}
	if err := set.Diff.check(); err != nil {
		return nil, err
	}
	if jac == nil && set.Method == LM && set.Diff.Scheme != TwoPoint {
		return nil, ErrLMScheme
	}
	scale := make([]float64, n)
	for i := range scale {
		scale[i] = 1
		if set.XScale != nil {
			if len(set.XScale) != n {
				return nil, fmt.Errorf("optimize: least_squares XScale has length %d, want %d", len(set.XScale), n)
			}
			scale[i] = set.XScale[i]
		}
		if !(scale[i] > 0) || math.IsInf(scale[i], 1) {
			return nil, errors.New("optimize: least_squares XScale must be positive and finite")
		}
	}
	box, err := b.box(n)
	if err != nil {
		return nil, err
	}
	for i := range x0 {
		if !(box.lo[i] < box.up[i]) || x0[i] < box.lo[i] || x0[i] > box.up[i] {
			return nil, ErrLeastSquaresBounds
		}
	}
	if set.FScale == 0 {
		set.FScale = 1
	}
	if !(set.FScale > 0) || set.Loss < Linear || set.Loss > Arctan {
		return nil, errors.New("optimize: least_squares needs a positive f_scale and a known loss")
	}
	if set.Method == LM {
		if !box.unbounded() || m < n {
			return nil, ErrLeastSquaresLM
		}
		if set.Loss != Linear {
			return nil, errors.New("optimize: least_squares' method LM supports only the linear loss")
		}
		return leastSquaresLM(r, jac, x0, m, scale, &set), nil
	}
	switch set.Method {
	case TRF:
		return leastSquaresTRF(r, jac, x0, m, box, scale, &set), nil
	case Dogbox:
		return leastSquaresDogbox(r, jac, x0, m, box, scale, &set), nil
	}
	return nil, fmt.Errorf("optimize: unknown least_squares method %d", set.Method)
}

// leastSquaresLM is scipy's call_minpack: LeastSq's engine with
// diag = 1/x_scale (or MINPACK's own scaling for x_scale='jac'), and the
// Jacobian, gradient and optimality recomputed at the solution.
func leastSquaresLM(r Residuals, jac Jacobian, x0 []float64, m int, scale []float64, set *LeastSquaresSettings) *LeastSquaresResult {
	n := len(x0)
	lm := LeastSqSettings{FTol: set.FTol, XTol: set.XTol, GTol: set.GTol, MaxFuncEvals: set.MaxFuncEvals, Factor: 100, EpsFcn: leastsqEpsmch}
	if set.Diff.RelStep != 0 {
		lm.EpsFcn = set.Diff.RelStep * set.Diff.RelStep
	}
	if lm.MaxFuncEvals == 0 {
		lm.MaxFuncEvals = 100 * n
		if jac == nil {
			lm.MaxFuncEvals = 100 * n * (n + 1)
		}
	}
	if !set.XScaleJac {
		lm.Diag = make([]float64, n)
		for i := range lm.Diag {
			lm.Diag[i] = 1 / scale[i]
		}
	}
	out := leastsqLM(r, jac, x0, m, &lm)
	res := &LeastSquaresResult{Fun: out.Fvec}
	res.X, res.Iterations, res.FuncEvals, res.GradEvals = out.X, out.Iterations, out.FuncEvals, out.GradEvals
	if out.Ier == leastsqNaNIer {
		leastsqReport(out, &lm)
		res.Status, res.Message = NotFinite, out.Message
		return res
	}
	J := make([]float64, m*n)
	if jac != nil {
		jac(res.X, J)
	} else {
		(&Differences{}).jacobian(r, res.X, res.Fun, consBox{}, J)
	}
	res.finish(J, leastSquaresFromMinpack[out.Ier])
	return res
}

// finish fills in the cost, the Jacobian as rows, the gradient, the
// optimality ‖g‖∞ (which TRF with bounds then scales by the Coleman–Li
// vector), the status and scipy's message.
func (res *LeastSquaresResult) finish(J []float64, status int) {
	n := len(res.X)
	m := len(res.Fun)
	res.F = 0.5 * vecDot(res.Fun, res.Fun)
	res.Jac = make([][]float64, m)
	for i := range res.Jac {
		res.Jac[i] = append([]float64(nil), J[i*n:(i+1)*n]...)
	}
	res.Grad = leastSquaresGrad(J, res.Fun, n)
	res.Optimality = vecNorm(res.Grad, math.Inf(1))
	if res.ActiveMask == nil {
		res.ActiveMask = make([]int, n)
	}
	res.TermStatus = status
	res.Message = leastSquaresMessages[status]
	res.Success = status > 0
	switch {
	case res.Success:
		res.Status = Success
	case status == 0:
		res.Status = MaxFuncEvals
	default:
		res.Status = Failure
	}
}

// leastSquaresTRF is scipy's trf_bounds, which reduces to trf_no_bounds
// when no bound is finite (v = 1, no curvature term, every step inside).
func leastSquaresTRF(r Residuals, jac Jacobian, x0 []float64, m int, box consBox, scale []float64, set *LeastSquaresSettings) *LeastSquaresResult {
	n := len(x0)
	bounded := !box.unbounded()
	x := append([]float64(nil), x0...)
	if bounded {
		leastSquaresStrictlyFeasible(x, box, 1e-10)
	}
	s, failed := startLeastSquares(r, jac, x, m, box, scale, set)
	if failed != nil {
		return failed
	}
	res, f, J, fs, scaleInv := s.res, s.f, s.J, s.fs, s.scaleInv
	v := make([]float64, n)
	dv := make([]float64, n)
	leastSquaresCLScaling(x, s.g, box, v, dv)
	delta := 0.0
	for i := range x0 {
		vi := v[i]
		if dv[i] != 0 {
			vi *= scaleInv[i]
		}
		t := x[i] * scaleInv[i] / math.Sqrt(vi)
		delta += t * t
	}
	delta = math.Sqrt(delta)
	if delta == 0 {
		delta = 1
	}

	rows := m
	if bounded {
		rows = m + n
	}
	jh := make([]float64, m*n)
	aug := mat.NewDense(rows, n, nil)
	fAug := make([]float64, rows)
	d := make([]float64, n)
	diagH := make([]float64, n)
	gh := make([]float64, n)
	xNew := make([]float64, n)
	fNew := make([]float64, m)
	step := make([]float64, n)
	stepH := make([]float64, n)
	var svd mat.SVD
	var u, vt mat.Dense
	alpha := 0.0
	status := -2 // none yet
	gNorm := 0.0
	for {
		g := s.g
		leastSquaresCLScaling(x, g, box, v, dv)
		gNorm = 0
		for i := range g {
			gNorm = math.Max(gNorm, math.Abs(g[i]*v[i]))
		}
		if s.done(gNorm, &status) {
			break
		}
		if !s.jacFinite {
			return s.jacobianNotFinite()
		}
		for i := range v {
			if dv[i] != 0 {
				v[i] *= scaleInv[i]
			}
			d[i] = math.Sqrt(v[i]) * scale[i]
			diagH[i] = g[i] * dv[i] * scale[i]
			gh[i] = d[i] * g[i]
		}
		copy(fAug, fs)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				jh[i*n+j] = J[i*n+j] * d[j]
				aug.Set(i, j, jh[i*n+j])
			}
		}
		if bounded {
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					aug.Set(m+i, j, 0)
				}
				aug.Set(m+i, i, math.Sqrt(diagH[i]))
			}
		}
		if !svd.Factorize(aug, mat.SVDThin) {
			res.X, res.Fun = x, f
			res.finish(J, 0)
			res.Status, res.Success, res.Message = Failure, false, "SVD did not converge."
			return res
		}
		sv := svd.Values(nil)
		svd.UTo(&u)
		svd.VTo(&vt)
		k := len(sv)
		uf := make([]float64, k)
		for j := 0; j < k; j++ {
			for i := 0; i < rows; i++ {
				uf[j] += u.At(i, j) * fAug[i]
			}
		}
		theta := math.Max(0.995, 1-gNorm)

		actualReduction := -1.0
		var costNew float64
		for actualReduction <= 0 && res.FuncEvals < s.maxFuncEvals {
			ph := leastSquaresTrustRegion(n, m, uf, sv, &vt, delta, &alpha)
			var predicted float64
			if bounded {
				predicted = leastSquaresSelectStep(x, jh, diagH, gh, ph, d, delta, box, theta, step, stepH)
				copy(xNew, x)
				for i := range xNew {
					xNew[i] += step[i]
				}
				leastSquaresStrictlyFeasible(xNew, box, 0)
			} else {
				copy(stepH, ph)
				predicted = -leastSquaresQuadratic(jh, gh, stepH, nil)
				for i := range xNew {
					step[i] = d[i] * stepH[i]
					xNew[i] = x[i] + step[i]
				}
			}
			stepHNorm := vecNorm(stepH, 2)
			var ok bool
			if costNew, ok = s.trial(xNew, fNew); !ok {
				delta = 0.25 * stepHNorm
				continue
			}
			actualReduction = s.cost - costNew
			var deltaNew float64
			if deltaNew, status = s.judge(delta, actualReduction, predicted, stepHNorm, stepHNorm > 0.95*delta, step); status != -2 {
				break
			}
			alpha *= delta / deltaNew
			delta = deltaNew
		}
		if actualReduction > 0 {
			s.accept(xNew, fNew, costNew)
		}
		res.Iterations++
	}
	s.finish(status, leastSquaresActive(x, box, set.XTol))
	if set.Loss != Linear {
		res.F, res.Grad = s.cost, s.g
	}
	res.Optimality = gNorm
	return res
}

// leastSquaresRun is the state TRF and dogbox share: the iterate x, its
// residuals f, Jacobian J, cost and gradient g = Jᵀfs, where fs is f as
// the model sees it (f itself for the linear loss, else scaled with J for
// the robust loss), the variable scaling and the counts in res.
type leastSquaresRun struct {
	r            Residuals
	jac          Jacobian
	box          consBox
	set          *LeastSquaresSettings
	res          *LeastSquaresResult
	x, f, J, fs  []float64
	g            []float64
	cost         float64
	jacFinite    bool
	scale        []float64
	scaleInv     []float64
	maxFuncEvals int
}

// startLeastSquares evaluates the residuals, Jacobian, cost and gradient
// at x, which it keeps as the iterate, and sets the scaling (scale is
// updated in place when it comes from the Jacobian) and scipy's cap of
// 100·n evaluations. Residuals that are not finite end the run: it
// returns the result instead.
func startLeastSquares(r Residuals, jac Jacobian, x []float64, m int, box consBox, scale []float64, set *LeastSquaresSettings) (*leastSquaresRun, *LeastSquaresResult) {
	n := len(x)
	s := &leastSquaresRun{r: r, jac: jac, box: box, set: set, res: &LeastSquaresResult{}, x: x, f: make([]float64, m), scale: scale}
	r(x, s.f)
	s.res.FuncEvals = 1
	if !leastsqFinite(s.f) {
		s.res.X, s.res.Fun, s.res.F = x, s.f, math.NaN()
		s.res.Status, s.res.Message = NotFinite, "Residuals are not finite in the initial point."
		return nil, s.res
	}
	s.J, s.fs = make([]float64, m*n), make([]float64, m)
	s.evalJac()
	s.cost = set.Loss.lossCost(s.f, set.FScale)
	s.g = leastSquaresGrad(s.J, s.fs, n)
	s.scaleInv = make([]float64, n)
	if set.XScaleJac {
		leastSquaresJacScale(s.J, m, n, scale, s.scaleInv, true)
	} else {
		for i := range scale {
			s.scaleInv[i] = 1 / scale[i]
		}
	}
	s.maxFuncEvals = set.MaxFuncEvals
	if s.maxFuncEvals == 0 {
		s.maxFuncEvals = 100 * n
	}
	return s, nil
}

// evalJac evaluates the Jacobian at the iterate and scales the residuals
// for the loss.
func (s *leastSquaresRun) evalJac() {
	s.res.GradEvals++
	s.jacFinite = leastSquaresEvalJac(s.r, s.jac, s.x, s.f, s.box, s.set, s.J)
	if s.set.Loss == Linear {
		copy(s.fs, s.f)
	} else {
		s.set.Loss.scaleForLoss(s.J, s.f, s.fs, len(s.x), s.set.FScale)
	}
}

// done reports whether the iterations end before another step: at a
// termination status already set, at the gradient test (which sets status
// 1) or when the evaluations are spent.
func (s *leastSquaresRun) done(gNorm float64, status *int) bool {
	if gNorm < s.set.GTol {
		*status = 1
	}
	return *status != -2 || s.res.FuncEvals == s.maxFuncEvals
}

// jacobianNotFinite ends the run at the iterate, whose Jacobian is not
// finite.
func (s *leastSquaresRun) jacobianNotFinite() *LeastSquaresResult {
	s.res.X, s.res.Fun = s.x, s.f
	s.res.finish(s.J, 0)
	s.res.Status, s.res.Success, s.res.Message = NotFinite, false, "The Jacobian is not finite."
	return s.res
}

// trial evaluates the residuals at xNew into fNew and returns their cost,
// or false when they are not finite.
func (s *leastSquaresRun) trial(xNew, fNew []float64) (float64, bool) {
	s.r(xNew, fNew)
	s.res.FuncEvals++
	if !leastsqFinite(fNew) {
		return 0, false
	}
	return s.set.Loss.lossCost(fNew, s.set.FScale), true
}

// judge updates the trust radius delta from the actual and predicted
// reductions of a step whose scaled norm is stepHNorm (hit: it reached the
// region's edge) and returns the new radius and scipy's termination
// status (−2 to go on).
func (s *leastSquaresRun) judge(delta, actual, predicted, stepHNorm float64, hit bool, step []float64) (float64, int) {
	deltaNew, ratio := leastSquaresUpdateRadius(delta, actual, predicted, stepHNorm, hit)
	return deltaNew, leastSquaresTermination(actual, s.cost, vecNorm(step, 2), vecNorm(s.x, 2), ratio, s.set.FTol, s.set.XTol)
}

// accept moves the iterate to xNew, whose residuals are fNew and cost
// costNew, and evaluates the Jacobian and gradient there.
func (s *leastSquaresRun) accept(xNew, fNew []float64, costNew float64) {
	copy(s.x, xNew)
	copy(s.f, fNew)
	s.cost = costNew
	s.evalJac()
	m, n := len(s.f), len(s.x)
	s.g = leastSquaresGrad(s.J, s.fs, n)
	if s.set.XScaleJac {
		leastSquaresJacScale(s.J, m, n, s.scale, s.scaleInv, false)
	}
}

// finish ends the run at the iterate with scipy's status (0, evaluations
// spent, when none was set) and the active bounds.
func (s *leastSquaresRun) finish(status int, active []int) {
	if status == -2 {
		status = 0
	}
	s.res.X, s.res.Fun = s.x, s.f
	s.res.ActiveMask = active
	s.res.finish(s.J, status)
}

// leastSquaresEvalJac writes the Jacobian at x (whose residuals are f)
// into J, from jac or by forward differences, and reports whether it is
// finite.
func leastSquaresEvalJac(r Residuals, jac Jacobian, x, f []float64, box consBox, set *LeastSquaresSettings, J []float64) bool {
	if jac != nil {
		jac(x, J)
	} else {
		set.Diff.jacobian(r, x, f, box, J)
	}
	return leastsqFinite(J)
}

// leastSquaresGrad returns Jᵀf for the row-major m×n J.
func leastSquaresGrad(J, f []float64, n int) []float64 {
	g := make([]float64, n)
	for i, fi := range f {
		for j := 0; j < n; j++ {
			g[j] += J[i*n+j] * fi
		}
	}
	return g
}

// leastSquaresJacScale is scipy's compute_jac_scale: scaleInv gets the
// norms of J's columns (1 for a zero column at the start, never less
// than before later) and scale their inverses.
func leastSquaresJacScale(J []float64, m, n int, scale, scaleInv []float64, first bool) {
	for j := 0; j < n; j++ {
		s := 0.0
		for i := 0; i < m; i++ {
			s += J[i*n+j] * J[i*n+j]
		}
		s = math.Sqrt(s)
		switch {
		case first && s == 0:
			s = 1
		case !first:
			s = math.Max(s, scaleInv[j])
		}
		scaleInv[j] = s
		scale[j] = 1 / s
	}
}

// leastSquaresCLScaling is the Coleman–Li scaling vector: v_i is the
// distance to the bound that −g_i points at (1 when that bound is
// infinite), and dv_i its derivative, ±1 or 0.
func leastSquaresCLScaling(x, g []float64, box consBox, v, dv []float64) {
	for i := range x {
		v[i], dv[i] = 1, 0
		switch {
		case g[i] < 0 && !math.IsInf(box.up[i], 1):
			v[i], dv[i] = box.up[i]-x[i], -1
		case g[i] > 0 && !math.IsInf(box.lo[i], -1):
			v[i], dv[i] = x[i]-box.lo[i], 1
		}
	}
}

// leastSquaresTrustRegion is scipy's solve_lsq_trust_region: the
// minimizer p of ‖J·p + f‖ subject to ‖p‖ ≤ Δ, from J = U·diag(s)·Vᵀ and
// uf = Uᵀf. When the Gauss–Newton step is inside it is returned; else
// the Levenberg–Marquardt α of p(α) = −V·(s·uf/(s² + α)) is found by
// Moré's safeguarded Newton iteration on φ(α) = ‖p(α)‖ − Δ to 1%
// (at most 10 steps), starting from the previous α.
func leastSquaresTrustRegion(n, m int, uf, s []float64, vt *mat.Dense, delta float64, alpha *float64) []float64 {
	k := len(s)
	suf := make([]float64, k)
	for i := range suf {
		suf[i] = s[i] * uf[i]
	}
	p := make([]float64, n)
	vmul := func(w []float64) { // p = −V·w
		for i := 0; i < n; i++ {
			sum := 0.0
			for j := 0; j < k; j++ {
				sum += vt.At(i, j) * w[j]
			}
			p[i] = -sum
		}
	}
	fullRank := m >= n && k > 0 && s[k-1] > consEps*float64(m)*s[0]
	w := make([]float64, k)
	if fullRank {
		for i := range w {
			w[i] = uf[i] / s[i]
		}
		vmul(w)
		if vecNorm(p, 2) <= delta {
			*alpha = 0
			return p
		}
	}
	phi := func(a float64) (float64, float64) {
		var norm2, d float64
		for i := range suf {
			den := s[i]*s[i] + a
			norm2 += (suf[i] / den) * (suf[i] / den)
			d += suf[i] * suf[i] / (den * den * den)
		}
		pn := math.Sqrt(norm2)
		return pn - delta, -d / pn
	}
	upper := vecNorm(suf, 2) / delta
	lower := 0.0
	if fullRank {
		f, fp := phi(0)
		lower = -f / fp
	}
	a := *alpha
	if !fullRank && a == 0 {
		a = math.Max(0.001*upper, math.Sqrt(lower*upper))
	}
	for it := 0; it < 10; it++ {
		if a < lower || a > upper {
			a = math.Max(0.001*upper, math.Sqrt(lower*upper))
		}
		f, fp := phi(a)
		if f < 0 {
			upper = a
		}
		ratio := f / fp
		lower = math.Max(lower, a-ratio)
		a -= (f + delta) * ratio / delta
		if math.Abs(f) < 0.01*delta {
			break
		}
	}
	for i := range w {
		w[i] = suf[i] / (s[i]*s[i] + a)
	}
	vmul(w)
	norm := vecNorm(p, 2)
	for i := range p {
		p[i] *= delta / norm
	}
	*alpha = a
	return p
}

// leastSquaresUpdateRadius is scipy's update_tr_radius.
func leastSquaresUpdateRadius(delta, actual, predicted, stepNorm float64, boundHit bool) (float64, float64) {
	ratio := 0.0
	switch {
	case predicted > 0:
		ratio = actual / predicted
	case predicted == actual && actual == 0:
		ratio = 1
	}
	switch {
	case ratio < 0.25:
		delta = 0.25 * stepNorm
	case ratio > 0.75 && boundHit:
		delta *= 2
	}
	return delta, ratio
}

// leastSquaresTermination is scipy's check_termination; −2 means go on.
func leastSquaresTermination(dF, F, dxNorm, xNorm, ratio, ftol, xtol float64) int {
	fOK := dF < ftol*F && ratio > 0.25
	xOK := dxNorm < xtol*(xtol+xNorm)
	switch {
	case fOK && xOK:
		return 4
	case fOK:
		return 2
	case xOK:
		return 3
	}
	return -2
}

// leastSquaresQuadratic is ½‖J·s‖² + ½ sᵀ·diag·s + gᵀs, the model's
// change along s (diag may be nil).
func leastSquaresQuadratic(J, g, s, diag []float64) float64 {
	n := len(s)
	q := 0.0
	for i := 0; i < len(J)/n; i++ {
		js := vecDot(J[i*n:(i+1)*n], s)
		q += js * js
	}
	for i := range diag {
		q += s[i] * diag[i] * s[i]
	}
	return 0.5*q + vecDot(s, g)
}

// leastSquaresQuadratic1D is scipy's build_quadratic_1d: the coefficients
// of the model along s0 + t·s as a·t² + b·t + c.
func leastSquaresQuadratic1D(J, g, s, diag, s0 []float64) (a, b, c float64) {
	n := len(s)
	for i := 0; i < len(J)/n; i++ {
		row := J[i*n : (i+1)*n]
		v := vecDot(row, s)
		a += v * v
		if s0 != nil {
			u := vecDot(row, s0)
			b += u * v
			c += 0.5 * u * u
		}
	}
	for i := range s {
		a += s[i] * diag[i] * s[i]
		if s0 != nil {
			b += s0[i] * diag[i] * s[i]
			c += 0.5 * s0[i] * diag[i] * s0[i]
		}
	}
	a *= 0.5
	b += vecDot(g, s)
	if s0 != nil {
		c += vecDot(g, s0)
	}
	return a, b, c
}

// leastSquaresMinimize1D is scipy's minimize_quadratic_1d: the least of
// a·t² + b·t + c on [lb, ub], at an end or at the vertex.
func leastSquaresMinimize1D(a, b, lb, ub, c float64) (float64, float64) {
	ts := []float64{lb, ub}
	if a != 0 {
		if e := -0.5 * b / a; lb < e && e < ub {
			ts = append(ts, e)
		}
	}
	best, bestY := ts[0], math.Inf(1)
	for _, t := range ts {
		if y := t*(a*t+b) + c; y < bestY {
			best, bestY = t, y
		}
	}
	return best, bestY
}

// leastSquaresToBound is scipy's step_size_to_bound: the largest t with
// x + t·s in the box, and for each variable ±1 where that bound is hit
// (the sign of s), 0 elsewhere.
func leastSquaresToBound(x, s []float64, box consBox, hits []float64) float64 {
	t := math.Inf(1)
	steps := make([]float64, len(x))
	for i := range x {
		steps[i] = math.Inf(1)
		if s[i] != 0 {
			steps[i] = math.Max((box.lo[i]-x[i])/s[i], (box.up[i]-x[i])/s[i])
		}
		t = math.Min(t, steps[i])
	}
	for i := range x {
		hits[i] = 0
		if steps[i] == t && s[i] != 0 {
			hits[i] = math.Copysign(1, s[i])
		}
	}
	return t
}

// leastSquaresIntersect is scipy's intersect_trust_region: the values of
// t, smaller first, where ‖x + t·s‖ = Δ, for x inside the region.
func leastSquaresIntersect(x, s []float64, delta float64) (float64, float64) {
	a := vecDot(s, s)
	b := vecDot(x, s)
	c := vecDot(x, x) - delta*delta
	d := math.Sqrt(b*b - a*c)
	q := -(b + math.Copysign(d, b))
	t1, t2 := q/a, c/q
	if t1 < t2 {
		return t1, t2
	}
	return t2, t1
}

// leastSquaresSelectStep is scipy's select_step for TRF with bounds. The
// trust-region step p (p_h in scaled variables) is taken if it stays in
// the box; otherwise the best of three is: p cut at the first bound it
// hits (then by θ), its reflection off that bound minimized along the
// reflected ray, and the scaled anti-gradient minimized within the box
// and the region. It writes the step and its scaled form and returns the
// predicted reduction.
func leastSquaresSelectStep(x, jh, diagH, gh, ph, d []float64, delta float64, box consBox, theta float64, step, stepH []float64) float64 {
	n := len(x)
	p := make([]float64, n)
	xp := make([]float64, n)
	for i := range p {
		p[i] = d[i] * ph[i]
		xp[i] = x[i] + p[i]
	}
	if leastSquaresInBounds(xp, box) {
		copy(step, p)
		copy(stepH, ph)
		return -leastSquaresQuadratic(jh, gh, ph, diagH)
	}
	hits := make([]float64, n)
	pStride := leastSquaresToBound(x, p, box, hits)

	// The reflected direction, in scaled and original variables.
	rh := append([]float64(nil), ph...)
	for i := range rh {
		if hits[i] != 0 {
			rh[i] = -rh[i]
		}
	}
	rr := make([]float64, n)
	ph = append([]float64(nil), ph...)
	xOnBound := make([]float64, n)
	for i := range p {
		rr[i] = d[i] * rh[i]
		p[i] *= pStride
		ph[i] *= pStride
		xOnBound[i] = x[i] + p[i]
	}
	_, toTR := leastSquaresIntersect(ph, rh, delta)
	toBound := leastSquaresToBound(xOnBound, rr, box, hits)
	rStride := math.Min(toBound, toTR)
	var rLo, rUp float64
	if rStride > 0 {
		rLo = (1 - theta) * pStride / rStride
		if rStride == toBound {
			rUp = theta * toBound
		} else {
			rUp = toTR
		}
	} else {
		rLo, rUp = 0, -1
	}
	rValue := math.Inf(1)
	if rLo <= rUp {
		a, b, c := leastSquaresQuadratic1D(jh, gh, rh, diagH, ph)
		var t float64
		t, rValue = leastSquaresMinimize1D(a, b, rLo, rUp, c)
		for i := range rh {
			rh[i] = rh[i]*t + ph[i]
			rr[i] = rh[i] * d[i]
		}
	}

	for i := range p {
		p[i] *= theta
		ph[i] *= theta
	}
	pValue := leastSquaresQuadratic(jh, gh, ph, diagH)

	agh := make([]float64, n)
	ag := make([]float64, n)
	for i := range agh {
		agh[i] = -gh[i]
		ag[i] = d[i] * agh[i]
	}
	toTR = delta / vecNorm(agh, 2)
	toBound = leastSquaresToBound(x, ag, box, hits)
	agStride := toTR
	if toBound < toTR {
		agStride = theta * toBound
	}
	a, b, _ := leastSquaresQuadratic1D(jh, gh, agh, diagH, nil)
	agStride, agValue := leastSquaresMinimize1D(a, b, 0, agStride, 0)
	for i := range agh {
		agh[i] *= agStride
		ag[i] *= agStride
	}

	switch {
	case pValue < rValue && pValue < agValue:
		copy(step, p)
		copy(stepH, ph)
		return -pValue
	case rValue < pValue && rValue < agValue:
		copy(step, rr)
		copy(stepH, rh)
		return -rValue
	}
	copy(step, ag)
	copy(stepH, agh)
	return -agValue
}

// leastSquaresInBounds reports whether x lies in the closed box.
func leastSquaresInBounds(x []float64, box consBox) bool {
	for i := range x {
		if x[i] < box.lo[i] || x[i] > box.up[i] {
			return false
		}
	}
	return true
}

// leastSquaresActive is scipy's find_active_constraints: −1 where x is
// within rtol·max(1, |lb|) of a finite lower bound (and nearer it than
// the upper), 1 likewise at the upper bound; with rtol = 0, exactly on
// or beyond the bound.
func leastSquaresActive(x []float64, box consBox, rtol float64) []int {
	active := make([]int, len(x))
	for i := range x {
		lo, up := box.lo[i], box.up[i]
		if rtol == 0 {
			if x[i] <= lo {
				active[i] = -1
			}
			if x[i] >= up {
				active[i] = 1
			}
			continue
		}
		lowerDist, upperDist := x[i]-lo, up-x[i]
		if !math.IsInf(lo, -1) && lowerDist <= math.Min(upperDist, rtol*math.Max(1, math.Abs(lo))) {
			active[i] = -1
		}
		if !math.IsInf(up, 1) && upperDist <= math.Min(lowerDist, rtol*math.Max(1, math.Abs(up))) {
			active[i] = 1
		}
	}
	return active
}

// leastSquaresStrictlyFeasible is scipy's make_strictly_feasible: it moves
// x off the bounds it is active on, by rstep·max(1, |bound|) or, with
// rstep = 0, to the next float inside; a box too tight for that gets
// its midpoint.
func leastSquaresStrictlyFeasible(x []float64, box consBox, rstep float64) {
	active := leastSquaresActive(x, box, rstep)
	for i := range x {
		lo, up := box.lo[i], box.up[i]
		switch {
		case active[i] == -1 && rstep == 0:
			x[i] = math.Nextafter(lo, up)
		case active[i] == -1:
			x[i] = lo + rstep*math.Max(1, math.Abs(lo))
		case active[i] == 1 && rstep == 0:
			x[i] = math.Nextafter(up, lo)
		case active[i] == 1:
			x[i] = up - rstep*math.Max(1, math.Abs(up))
		}
		if x[i] < lo || x[i] > up {
			x[i] = 0.5 * (lo + up)
		}
	}
}
