package roots

import (
	"errors"
	"fmt"
	"math"

	"calc/stdlib/minpack"
)

// LineSearch selects the line search of the quasi-Newton solvers.
type LineSearch int

// The line searches of scipy's nonlin_solve.
const (
	// Armijo backtracks on ‖F(x + s dx)‖² with quadratic then cubic
	// interpolation (Nocedal and Wright, Numerical Optimization, 1999,
	// pp. 56–57) down to s = 0.01, scipy's default.
	Armijo LineSearch = iota
	// NoLineSearch takes the full step s = 1.
	NoLineSearch
)

// NonlinSettings are the settings shared by the quasi-Newton solvers
// Broyden1, Broyden2, Anderson, LinearMixing, ExcitingMixing,
// DiagBroyden and Krylov: scipy's nonlin_solve arguments. The iteration
// stops when ‖F‖ <= FTol and ‖F‖ <= FRTol·‖F(x0)‖ and ‖dx‖ <= XTol and
// ‖dx‖ <= XRTol·‖x‖, norms taken by TolNorm.
type NonlinSettings struct {
	// Iter, when positive, makes exactly that many iterations whatever
	// the tolerances, and reports them as a failure, as scipy does.
	Iter int
	// MaxIter bounds the iterations; zero means Iter+1 when Iter is set,
	// else 100*(n+1), as in scipy.
	MaxIter int
	// FTol is the absolute tolerance on the residual; zero means scipy's
	// eps^(1/3) ≈ 6.06e-6.
	FTol float64
	// FRTol is the tolerance on the residual relative to the first; zero
	// means none (scipy's inf).
	FRTol float64
	// XTol is the absolute tolerance on the step; zero means none.
	XTol float64
	// XRTol is the tolerance on the step relative to x; zero means none.
	XRTol float64
	// TolNorm is the norm of the tests; nil means the maximum norm.
	TolNorm func([]float64) float64
	// LineSearch is Armijo (the zero value, scipy's default) or
	// NoLineSearch. scipy's 'wolfe' is not provided.
	LineSearch LineSearch
}

// jacobian is an approximation of the inverse Jacobian as scipy's Jacobian
// classes keep it: setup at the first point, solve J dx = v, update with
// each new point.
type jacobian interface {
	setup(x, fx []float64, fn *nonlinFunc)
	solve(v []float64, tol float64) ([]float64, error)
	update(x, fx []float64)
}

// nonlinFunc evaluates F, counting calls.
type nonlinFunc struct {
	f     func(x, fx []float64)
	calls int
}

func (fn *nonlinFunc) eval(x []float64) []float64 {
	fn.calls++
	fx := make([]float64, len(x))
	fn.f(x, fx)
	return fx
}

// nonlinSolve is scipy's nonlin_solve (scipy/optimize/_nonlin.py): an
// inexact Newton iteration dx = -J⁻¹F(x) with J from jac, a line search,
// and the forcing terms η of Eisenstat and Walker ("Choosing the forcing
// terms in an inexact Newton method", SIAM J. Sci. Comput. 17 (1996)
// 16–32) as the tolerance of Krylov's inner solves.
func nonlinSolve(f func(x, fx []float64), x0 []float64, jac jacobian, s *NonlinSettings) (*SystemResult, error) {
	n := len(x0)
	if n == 0 {
		return nil, errors.New("the starting point is empty")
	}
	var set NonlinSettings
	if s != nil {
		set = *s
	}
	inf := math.Inf(1)
	ftol, frtol, xtol, xrtol := math.Cbrt(eps), inf, inf, inf
	if set.FTol != 0 {
		ftol = set.FTol
	}
	if set.FRTol != 0 {
		frtol = set.FRTol
	}
	if set.XTol != 0 {
		xtol = set.XTol
	}
	if set.XRTol != 0 {
		xrtol = set.XRTol
	}
	norm := set.TolNorm
	if norm == nil {
		norm = maxNorm
	}
	maxiter := set.MaxIter
	if maxiter == 0 {
		maxiter = 100 * (n + 1)
		if set.Iter > 0 {
			maxiter = set.Iter + 1
		}
	}
	switch {
	case maxiter < 0 || set.Iter < 0:
		return nil, errors.New("the iteration limits must not be negative")
	case set.LineSearch != Armijo && set.LineSearch != NoLineSearch:
		return nil, errors.New("Invalid line search")
	}

	fn := &nonlinFunc{f: f}
	x := append([]float64(nil), x0...)
	dx := make([]float64, n)
	for i := range dx {
		dx[i] = inf
	}
	fx := fn.eval(x)
	res := &SystemResult{}
	finish := func(err error) (*SystemResult, error) {
		if err != nil {
			return nil, err
		}
		res.X, res.Fvec, res.NFev = x, fx, fn.calls
		res.Success = res.Ier == 1
		res.Message = map[int]string{
			1: "A solution was found at the specified tolerance.",
			2: "The maximum number of iterations allowed has been reached.",
		}[res.Ier]
		return res, nil
	}
	if err := finiteF(x, fx); err != nil {
		return finish(err)
	}
	fnorm := minpack.Enorm(fx)
	jac.setup(append([]float64(nil), x...), fx, fn)

	// The termination test of scipy's TerminationCondition.
	f0norm := math.NaN()
	check := func() int {
		res.Iterations++
		fn, xn, dxn := norm(fx), norm(x), norm(dx)
		if math.IsNaN(f0norm) {
			f0norm = fn
		}
		if fn == 0 {
			return 1
		}
		if set.Iter > 0 {
			if res.Iterations > set.Iter {
				return 2
			}
			return 0
		}
		if fn <= ftol && fn/frtol <= f0norm && dxn <= xtol && dxn/xrtol <= xn {
			return 1
		}
		return 0
	}

	const gamma, etaMax, etaThreshold = 0.9, 0.9999, 0.1
	eta := 1e-3
	for it := 0; ; it++ {
		if it == maxiter {
			res.Ier = 2
			break
		}
		if res.Ier = check(); res.Ier != 0 {
			break
		}
		tol := math.Min(eta, eta*fnorm)
		v, err := jac.solve(fx, tol)
		if err != nil {
			return finish(err)
		}
		for i := range dx {
			dx[i] = -v[i]
		}
		if minpack.Enorm(dx) == 0 {
			return finish(errors.New("Jacobian inversion yielded zero vector. This indicates a bug in the Jacobian approximation."))
		}
		var fnew float64
		if set.LineSearch == Armijo {
			x, fx = armijoSearch(fn, x, fx, dx)
		} else {
			x = axpy(1, dx, x)
			fx = fn.eval(x)
		}
		if err := finiteF(x, fx); err != nil {
			return finish(err)
		}
		fnew = minpack.Enorm(fx)
		jac.update(append([]float64(nil), x...), fx)
		etaA := gamma * fnew * fnew / (fnorm * fnorm)
		if gamma*eta*eta < etaThreshold {
			eta = math.Min(etaMax, etaA)
		} else {
			eta = math.Min(etaMax, math.Max(etaA, gamma*eta*eta))
		}
		fnorm = fnew
	}
	return finish(nil)
}

func finiteF(x, fx []float64) error {
	for _, y := range fx {
		if !ok(y) {
			return &NaNError{X: append([]float64(nil), x...), Value: y}
		}
	}
	return nil
}

// armijoSearch is scipy's _nonlin_line_search with Armijo backtracking
// on φ(s) = ‖F(x + s dx)‖², assuming φ'(0) = -φ(0); it returns the new
// point and F there, reusing the last evaluation when it is the one
// accepted.
func armijoSearch(fn *nonlinFunc, x, fx, dx []float64) ([]float64, []float64) {
	lastS, lastPhi, lastF := 0.0, sq(minpack.Enorm(fx)), fx
	phi := func(s float64) float64 {
		if s == lastS {
			return lastPhi
		}
		v := fn.eval(axpy(s, dx, x))
		p := math.Inf(1)
		if finiteF(nil, v) == nil {
			p = sq(minpack.Enorm(v))
		}
		lastS, lastPhi, lastF = s, p, v
		return p
	}
	s, found := scalarSearchArmijo(phi, lastPhi, -lastPhi, 0.01)
	if !found {
		s = 1
	}
	xn := axpy(s, dx, x)
	if s == lastS {
		return xn, lastF
	}
	return xn, fn.eval(xn)
}

// scalarSearchArmijo is scipy's scalar_search_armijo with c1 = 1e-4 and
// a first step of 1: it returns a step satisfying the sufficient-decrease
// condition φ(a) <= φ(0) + c1 a φ'(0), or false once the step would fall
// below amin.
func scalarSearchArmijo(phi func(float64) float64, phi0, derphi0, amin float64) (float64, bool) {
	const c1 = 1e-4
	alpha0 := 1.0
	phiA0 := phi(alpha0)
	if phiA0 <= phi0+c1*alpha0*derphi0 {
		return alpha0, true
	}
	// The minimizer of the quadratic interpolant.
	alpha1 := -derphi0 * alpha0 * alpha0 / 2.0 / (phiA0 - phi0 - derphi0*alpha0)
	phiA1 := phi(alpha1)
	if phiA1 <= phi0+c1*alpha1*derphi0 {
		return alpha1, true
	}
	// Cubic interpolation until the condition holds.
	for alpha1 > amin {
		factor := alpha0 * alpha0 * alpha1 * alpha1 * (alpha1 - alpha0)
		a := alpha0*alpha0*(phiA1-phi0-derphi0*alpha1) - alpha1*alpha1*(phiA0-phi0-derphi0*alpha0)
		a /= factor
		b := -alpha0*alpha0*alpha0*(phiA1-phi0-derphi0*alpha1) + alpha1*alpha1*alpha1*(phiA0-phi0-derphi0*alpha0)
		b /= factor
		alpha2 := (-b + math.Sqrt(math.Abs(b*b-3*a*derphi0))) / (3.0 * a)
		phiA2 := phi(alpha2)
		if phiA2 <= phi0+c1*alpha2*derphi0 {
			return alpha2, true
		}
		if alpha1-alpha2 > alpha1/2.0 || 1-alpha2/alpha1 < 0.96 {
			alpha2 = alpha1 / 2.0
		}
		alpha0, alpha1 = alpha1, alpha2
		phiA0, phiA1 = phiA1, phiA2
	}
	return 0, false
}

func maxNorm(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		if a := math.Abs(x); a > m || math.IsNaN(a) {
			m = a
		}
	}
	return m
}

// axpy returns y + a*x in a new slice.
func axpy(a float64, x, y []float64) []float64 {
	z := make([]float64, len(y))
	for i := range y {
		z[i] = y[i] + a*x[i]
	}
	return z
}

func dot(x, y []float64) float64 {
	var s float64
	for i := range x {
		s += x[i] * y[i]
	}
	return s
}

// solveDense solves the k by k system a·z = b (a row-major, both kept)
// by Gaussian elimination with partial pivoting, LAPACK's gesv; it fails
// only on an exactly singular matrix, as scipy.linalg.solve does.
func solveDense(k int, a, b []float64) ([]float64, error) {
	m := append([]float64(nil), a...)
	z := append([]float64(nil), b...)
	for c := 0; c < k; c++ {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(m[r*k+c]) > math.Abs(m[p*k+c]) {
				p = r
			}
		}
		if m[p*k+c] == 0 {
			return nil, fmt.Errorf("singular matrix")
		}
		if p != c {
			for j := 0; j < k; j++ {
				m[c*k+j], m[p*k+j] = m[p*k+j], m[c*k+j]
			}
			z[c], z[p] = z[p], z[c]
		}
		for r := c + 1; r < k; r++ {
			l := m[r*k+c] / m[c*k+c]
			for j := c; j < k; j++ {
				m[r*k+j] -= l * m[c*k+j]
			}
			z[r] -= l * z[c]
		}
	}
	for c := k - 1; c >= 0; c-- {
		for j := c + 1; j < k; j++ {
			z[c] -= m[c*k+j] * z[j]
		}
		z[c] /= m[c*k+c]
	}
	return z, nil
}
