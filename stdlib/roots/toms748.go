package roots

import (
	"errors"
	"fmt"
	"math"
)

// TOMS748Settings are the settings of TOMS748.
type TOMS748Settings struct {
	BracketSettings
	// K is the number of Newton-quadratic steps per iteration, 1 or 2 (the
	// paper's Algorithms 4.1 and 4.2); zero means scipy's 1. Values above
	// 100 are lowered to 100 as in scipy.
	K int
}

// TOMS748 finds a root of f in [a, b], a < b, where f(a) and f(b) must have
// opposite signs, by Algorithm 748 of G. E. Alefeld, F. A. Potra and
// Y. Shi, "Algorithm 748: Enclosing zeros of continuous functions", ACM
// Trans. Math. Software 21 (1995) 327–344: inverse cubic interpolation
// and Newton-quadratic steps, each iteration followed by a double-length
// secant step and, when the bracket shrank by less than half, a bisection.
// Its efficiency index is about 1.65 for K = 1 and 1.66 for K = 2, with
// two or three evaluations of f per iteration.
//
// It follows scipy's toms748 (class TOMS748Solver in
// scipy/optimize/_zeros_py.py), stopping when the bracket [a, b] satisfies
// |a - b| <= XTol + RTol*|b|, and returns the bracket's midpoint. Settings,
// errors and the failure flag are those of Brentq, except that RTol may be
// as small as eps and that a non-finite value of f is reported as scipy's
// "value error" with a *NaNError.
func TOMS748(f func(float64) float64, a, b float64, s *TOMS748Settings) (res Result, err error) {
	var bs *BracketSettings
	k := 1
	if s != nil {
		bs = &s.BracketSettings
		if s.K != 0 {
			k = s.K
		}
	}
	xtol, rtol, maxiter, err := bs.resolveBracket(a, b, eps)
	if err == nil && a >= b {
		err = fmt.Errorf("a and b are not an interval [%v, %v]", a, b)
	}
	if err == nil && k < 1 {
		err = errors.New("k too small (< 1)")
	}
	if err != nil {
		return res, err
	}
	k = min(k, 100)
	t := toms748{fn: scalar{f: f}, xtol: xtol, rtol: rtol}
	defer func() {
		res.FunctionCalls = t.fn.calls
		if _, ok := err.(*NaNError); ok {
			res.finish(ValueError)
		}
	}()
	defer guard(&err)

	fa := t.fn.eval(a)
	if fa == 0 {
		res.Root = a
		res.finish(Converged)
		return res, nil
	}
	fb := t.fn.eval(b)
	if fb == 0 {
		res.Root = b
		res.finish(Converged)
		return res, nil
	}
	if sign(fa)*sign(fb) > 0 {
		res.finish(SignError)
		return res, ErrSign
	}
	t.a, t.b, t.fa, t.fb = a, b, fa, fb

	// The first step has only two points: a secant step.
	c := secant(a, b, fa, fb)
	if !(a < c && c < b) {
		c = (a + b) / 2
	}
	fc := t.fn.eval(c)
	if fc == 0 {
		res.Root = c
		res.finish(Converged)
		return res, nil
	}
	t.d, t.fd = t.updateBracket(c, fc)
	t.haveE = false
	res.Iterations = 1
	for {
		res.Iterations++
		root, done := t.iterate(k)
		if done {
			res.Root = root
			res.finish(Converged)
			return res, nil
		}
		if isClose(t.a, t.b, rtol, xtol) {
			res.Root = (t.a + t.b) / 2
			res.finish(Converged)
			return res, nil
		}
		if res.Iterations >= maxiter {
			res.Root = (t.a + t.b) / 2
			res.finish(ConvergenceError)
			res.Message = fmt.Sprintf("Failed to converge after %d iterations, bracket is [%v, %v]",
				res.Iterations+1, t.a, t.b)
			return res, nil
		}
	}
}

// toms748 is the state of TOMS748 between iterations: the bracket [a, b],
// and the two points d and e discarded most recently (e is unset after
// the first step).
type toms748 struct {
	fn           scalar
	xtol, rtol   float64
	a, b, fa, fb float64
	d, fd, e, fe float64
	haveE        bool
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// updateBracket replaces the end of [a, b] at which f has the sign of fc
// by c and returns the discarded end.
func (t *toms748) updateBracket(c, fc float64) (x, fx float64) {
	if sign(t.fa)*sign(fc) > 0 {
		x, fx = t.a, t.fa
		t.a, t.fa = c, fc
		return x, fx
	}
	x, fx = t.b, t.fb
	t.b, t.fb = c, fc
	return x, fx
}

// iterate is one iteration of Algorithm 4.1 (k = 1) or 4.2 (k = 2) of the
// paper; it reports a root when f vanishes exactly at a trial point.
func (t *toms748) iterate(k int) (float64, bool) {
	d, fd, e, fe, haveE := t.d, t.fd, t.e, t.fe, t.haveE
	width := t.b - t.a
	c := math.NaN()
	for nsteps := 2; nsteps < k+2; nsteps++ {
		// Inverse cubic interpolation when the four values of f are
		// distinct enough, else nsteps Newton steps on a quadratic.
		if haveE && notClose([4]float64{t.fa, t.fb, fd, fe}, 32*eps) {
			c0 := inverseCubicZero(t.a, t.b, d, e, t.fa, t.fb, fd, fe)
			if t.a < c0 && c0 < t.b {
				c = c0
			}
		}
		if math.IsNaN(c) {
			c = t.newtonQuadratic(d, fd, nsteps)
		}
		fc := t.fn.eval(c)
		if fc == 0 {
			return c, true
		}
		e, fe, haveE = d, fd, true
		d, fd = t.updateBracket(c, fc)
	}

	// A double-length secant step from the end u where |f| is smaller.
	uIsA := math.Abs(t.fa) < math.Abs(t.fb)
	u, fu, fother, mm := t.b, t.fb, t.fa, -1.0
	if uIsA {
		u, fu, fother, mm = t.a, t.fa, t.fb, 1
	}
	c = u - 2*fu/((t.fb-t.fa)/(t.b-t.a))
	if math.Abs(c-u) > 0.5*(t.b-t.a) {
		c = (t.a + t.b) / 2
	} else if isClose(c, u, eps, 0) {
		// c barely moved: the values of f at the ends differ
		// enormously, or the root is very close to u.
		_, eu := math.Frexp(fu)
		_, eo := math.Frexp(fother)
		if eu < eo-50 {
			other := t.a
			if uIsA {
				other = t.b
			}
			c = (31*u + other) / 32
		} else {
			c = u + mm*math.Abs(c)*t.rtol + mm*t.xtol
		}
		if !(t.a < c && c < t.b) {
			c = (t.a + t.b) / 2
		}
	}
	fc := t.fn.eval(c)
	if fc == 0 {
		return c, true
	}
	e, fe, haveE = d, fd, true
	d, fd = t.updateBracket(c, fc)

	// Bisect if the bracket did not shrink by half.
	if t.b-t.a > 0.5*width {
		e, fe = d, fd
		z := (t.a + t.b) / 2
		fz := t.fn.eval(z)
		if fz == 0 {
			return z, true
		}
		d, fd = t.updateBracket(z, fz)
	}
	t.d, t.fd, t.e, t.fe, t.haveE = d, fd, e, fe, haveE
	return 0, false
}

// notClose reports that the values are nonzero and pairwise farther apart
// than atol (scipy's _notclose with rtol = 0).
func notClose(fs [4]float64, atol float64) bool {
	for i, f := range fs {
		if f == 0 {
			return false
		}
		for _, g := range fs[i+1:] {
			if isClose(f, g, 0, atol) {
				return false
			}
		}
	}
	return true
}

// secant is the secant step through (x0, f0) and (x1, f1), written as
// scipy's _secant to lose the least precision.
func secant(x0, x1, f0, f1 float64) float64 {
	if f0 == f1 {
		return math.NaN()
	}
	if math.Abs(f1) > math.Abs(f0) {
		return (-f0/f1*x1 + x0) / (1 - f0/f1)
	}
	return (-f1/f0*x0 + x1) / (1 - f1/f0)
}

// inverseCubicZero evaluates at 0 the cubic through the points (fa, a),
// (fb, b), (fc, c), (fd, d) by Neville's algorithm, as scipy's
// _interpolated_poly.
func inverseCubicZero(a, b, c, d, fa, fb, fc, fd float64) float64 {
	const n = 4
	xs := [n]float64{fa, fb, fc, fd}
	var q, dd [n][n]float64
	for i, y := range [n]float64{a, b, c, d} {
		q[i][0], dd[i][0] = y, y
	}
	for k := 1; k < n; k++ {
		for i := k; i < n; i++ {
			alpha := dd[i][k-1] - q[i-1][k-1]
			diff := xs[i-k] - xs[i]
			q[i][k] = (xs[i] - 0) / diff * alpha
			dd[i][k] = (xs[i-k] - 0) / diff * alpha
		}
	}
	// numpy's sum of Q[-1, 1:] is pairwise only beyond eight terms, so a
	// left-to-right sum reproduces it.
	s := q[n-1][1] + q[n-1][2] + q[n-1][3]
	return s + q[n-1][0]
}

// newtonQuadratic applies k Newton steps to the quadratic through
// (a, fa), (b, fb), (d, fd), from the end where the quadratic and f have
// the same sign, as scipy's _newton_quadratic.
func (t *toms748) newtonQuadratic(d, fd float64, k int) float64 {
	a, b, fa, fb := t.a, t.b, t.fa, t.fb
	// Divided differences f[a, b] and f[a, b, d].
	B := (fb - fa) / (b - a)
	fbd := (fd - fb) / (d - b)
	A := (fbd - B) / (d - a)
	p := func(x float64) float64 { return (A*(x-b)+B)*(x-a) + fa }
	var r float64
	switch {
	case A == 0:
		r = a - fa/B
	case sign(A)*sign(fa) > 0:
		r = a
	default:
		r = b
	}
	for i := 0; i < k; i++ {
		r1 := r - p(r)/(B+A*(2*r-a-b))
		if !(a < r1 && r1 < b) {
			if a < r && r < b {
				return r
			}
			return (a + b) / 2
		}
		r = r1
	}
	return r
}
