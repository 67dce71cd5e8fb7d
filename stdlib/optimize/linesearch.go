package optimize

import "math"

// LineSearchSettings are the options of LineSearch. The zero value means
// scipy's defaults.
type LineSearchSettings struct {
	// C1 is the sufficient-decrease (Armijo) parameter:
	// f(x+αd) ≤ f(x) + C1·α·∇f(x)·d. Zero means 1e-4.
	C1 float64
	// C2 is the curvature parameter: |∇f(x+αd)·d| ≤ C2·|∇f(x)·d|. Zero
	// means 0.9.
	C2 float64
	// AMax is the largest step. Zero means no limit.
	AMax float64
	// MaxIter limits the step doublings. Zero means 10.
	MaxIter int
	// F0 is f(x) if known; nil means it is evaluated (and counted).
	F0 *float64
	// PrevF is f at the previous iterate, if known: the first trial step
	// is then min(1, 2.02·(f(x) − PrevF)/(∇f(x)·d)). Nil means 1.
	PrevF *float64
	// Grad0 is ∇f(x) if known; nil means it is evaluated, uncounted as in
	// scipy.
	Grad0 []float64
}

// LineSearchResult is the outcome of LineSearch, scipy's tuple (alpha,
// fc, gc, new_fval, old_fval, new_slope) with the new gradient and a
// status.
type LineSearchResult struct {
	Alpha     float64
	FuncEvals int
	GradEvals int
	F         float64   // f(x + Alpha·d)
	F0        float64   // f(x)
	Slope     float64   // ∇f(x + Alpha·d)·d
	Grad      []float64 // ∇f(x + Alpha·d), nil if not evaluated
	Status    Status
	Success   bool
	// Message is scipy's warning when the search fails.
	Message string
}

// LineSearch finds a step α along the descent direction d from x that
// satisfies the strong Wolfe conditions, as scipy.optimize.line_search
// (line_search_wolfe2 in scipy 1.10): Algorithms 3.5 and 3.6 of Nocedal
// and Wright, Numerical Optimization (1999), pp. 59–61. Trial steps double
// from the first until the conditions hold or a minimum is bracketed,
// which is then zoomed by safeguarded cubic, quadratic or bisection
// interpolation. Each trial costs one value and at most one gradient of f;
// the gradient is p.Grad, or forward differences when it is nil.
//
// It fails with status LineSearchFailed and scipy's warning when no step
// is found; Alpha and F then hold the last trial when scipy returns one.
func LineSearch(p Problem, x, d []float64, s *LineSearchSettings) (LineSearchResult, error) {
	if s == nil {
		s = &LineSearchSettings{}
	}
	if err := vecCheckStart(x); err != nil {
		return LineSearchResult{}, err
	}
	if len(d) != len(x) || (s.Grad0 != nil && len(s.Grad0) != len(x)) {
		return LineSearchResult{}, ErrDimension
	}
	c := wolfeParams{c1: s.C1, c2: s.C2, amax: s.AMax, maxIter: s.MaxIter}
	if c.c1 == 0 {
		c.c1 = 1e-4
	}
	if c.c2 == 0 {
		c.c2 = 0.9
	}
	if c.amax == 0 {
		c.amax = math.Inf(1)
	}
	if c.maxIter == 0 {
		c.maxIter = 10
	}
	// The memo starts at a NaN point, which no x equals.
	obj := &smoothObjective{f: p.Func, g: p.Grad, diff: absoluteDifferences(0), x: vecNaN(len(x))}
	l := newWolfeLine(obj, x, d)
	g0 := s.Grad0
	if g0 == nil {
		g0 = obj.gradient(x)
	}
	var f0 float64
	if s.F0 != nil {
		f0 = *s.F0
	} else {
		f0 = l.phi(0)
	}
	prev := math.NaN()
	if s.PrevF != nil {
		prev = *s.PrevF
	}
	r := LineSearchResult{F0: f0}
	if obj.stopped() {
		r.Status, r.Message = NotFinite, obj.msg
		return r, nil
	}
	ws := l.wolfe2(f0, prev, vecDot(g0, d), c, nil)
	r.Alpha, r.F, r.F0 = ws.alpha, ws.phi, ws.phi0
	r.FuncEvals, r.GradEvals = l.fc, l.gc
	switch {
	case obj.stopped():
		r.Status, r.Message = NotFinite, obj.msg
	case !ws.ok || !ws.hasDerphi:
		r.Status, r.Message = LineSearchFailed, ws.msg
	default:
		r.Slope, r.Grad = ws.derphi, l.gval
		r.Status, r.Success = Success, true
	}
	return r, nil
}

// wolfeParams are the parameters of the Wolfe line searches: c1 and c2
// of both, dcsrch's bounds on the step and relative tolerance on the
// bracket (wolfe1), and wolfe2's largest step (+Inf where scipy passes
// None) and iteration limit.
type wolfeParams struct {
	c1, c2               float64
	stpmin, stpmax, xtol float64
	amax                 float64
	maxIter              int
}

// wolfeExtra is an extra acceptance test for a step α with value f and
// gradient g, as the extra_condition of scipy's line searches.
type wolfeExtra func(alpha, f float64, g []float64) bool

// wolfeLine is the objective restricted to the line x + α·d: φ(α) and
// φ'(α) = ∇f(x+αd)·d, counted as scipy's line searches count them.
type wolfeLine struct {
	obj       *smoothObjective
	x, d, xt  []float64
	fc, gc    int
	gval      []float64 // the gradient at the last φ' evaluation
	gvalAlpha float64   // its α, NaN before the first
}

func newWolfeLine(obj *smoothObjective, x, d []float64) *wolfeLine {
	return &wolfeLine{obj: obj, x: x, d: d, xt: make([]float64, len(x)), gvalAlpha: math.NaN()}
}

// at sets xt = x + α·d.
func (l *wolfeLine) at(alpha float64) []float64 {
	for i := range l.xt {
		l.xt[i] = l.x[i] + alpha*l.d[i]
	}
	return l.xt
}

func (l *wolfeLine) phi(alpha float64) float64 {
	l.fc++
	return l.obj.value(l.at(alpha))
}

func (l *wolfeLine) derphi(alpha float64) float64 {
	l.gc++
	l.gval = l.obj.gradient(l.at(alpha))
	l.gvalAlpha = alpha
	return vecDot(l.gval, l.d)
}

// wolfeStep is the outcome of a line search: the step, φ there and at
// 0, and φ' there. ok is false where scipy returns alpha = None, and
// hasDerphi where it returns derphi_star = None (wolfe2 out of
// iterations, which still returns its last step); msg is scipy's warning.
type wolfeStep struct {
	alpha, phi, phi0, derphi float64
	ok, hasDerphi            bool
	msg                      string
}

// wolfeFirstStep is scipy's first trial step, min(1, 2.02·(φ(0) −
// φ_prev)/φ'(0)), or 1 when there is no previous value or it is
// negative.
func wolfeFirstStep(phi0, prev, derphi0 float64) float64 {
	if math.IsNaN(prev) || derphi0 == 0 {
		return 1
	}
	alpha := 1.01 * 2 * (phi0 - prev) / derphi0
	if !(alpha < 1) {
		alpha = 1
	}
	if alpha < 0 {
		alpha = 1
	}
	return alpha
}

// wolfe12 is scipy's _line_search_wolfe12: the MINPACK search
// (line_search_wolfe1) and, if it fails or extra rejects its step, the
// Nocedal–Wright search (line_search_wolfe2). g0 = ∇f(x), phi0 = f(x),
// prev = f at the previous iterate or NaN. On success the new gradient is
// l.gval, unless hasDerphi is false.
func (l *wolfeLine) wolfe12(phi0, prev float64, g0 []float64, c wolfeParams, extra wolfeExtra) wolfeStep {
	derphi0 := vecDot(g0, l.d)
	l.gval = g0
	ws := l.wolfe1(phi0, prev, derphi0, c)
	if l.obj.stopped() || ws.ok && (extra == nil || extra(ws.alpha, ws.phi, l.gval)) {
		return ws
	}
	l.fc, l.gc, l.gval, l.gvalAlpha = 0, 0, nil, math.NaN()
	return l.wolfe2(phi0, prev, derphi0, c, extra)
}

// wolfe1 is scipy's line_search_wolfe1: MINPACK-2's dcsrch driven for at
// most 100 trials.
func (l *wolfeLine) wolfe1(phi0, prev, derphi0 float64, c wolfeParams) wolfeStep {
	fail := wolfeStep{phi0: phi0}
	s := dcsrch{ftol: c.c1, gtol: c.c2, xtol: c.xtol, stpmin: c.stpmin, stpmax: c.stpmax}
	stp := wolfeFirstStep(phi0, prev, derphi0)
	phi1, derphi1 := phi0, derphi0
	var task dcsrchTask
	for i := 0; i < 100; i++ {
		if i == 0 {
			task = s.start(stp, phi0, derphi0)
		} else {
			stp, task = s.iterate(stp, phi1, derphi1)
		}
		if task != dcsrchFG {
			break
		}
		phi1 = l.phi(stp)
		derphi1 = l.derphi(stp)
		if l.obj.stopped() {
			return fail
		}
	}
	if task != dcsrchConverged {
		return fail
	}
	return wolfeStep{alpha: stp, phi: phi1, phi0: phi0, derphi: derphi1, ok: true, hasDerphi: true}
}

// wolfeNotConverged is scipy's warning for a failed line search.
const wolfeNotConverged = "The line search algorithm did not converge"

// wolfe2 is scipy's scalar_search_wolfe2 (Nocedal and Wright, Algorithm
// 3.5) on the line, with extra as line_search_wolfe2 wraps it.
func (l *wolfeLine) wolfe2(phi0, prev, derphi0 float64, c wolfeParams, extra wolfeExtra) wolfeStep {
	accept := func(alpha, phi float64) bool {
		if extra == nil {
			return true
		}
		if l.gvalAlpha != alpha {
			l.derphi(alpha)
		}
		return extra(alpha, phi, l.gval)
	}
	alpha0 := 0.0
	alpha1 := wolfeFirstStep(phi0, prev, derphi0)
	alpha1 = math.Min(alpha1, c.amax)
	phiA1 := l.phi(alpha1)
	phiA0, derphiA0 := phi0, derphi0
	for i := 0; i < c.maxIter; i++ {
		if l.obj.stopped() {
			return wolfeStep{msg: wolfeNotConverged}
		}
		if alpha1 == 0 || alpha0 == c.amax {
			msg := "Rounding errors prevent the line search from converging"
			if alpha1 != 0 {
				msg = "The line search algorithm could not find a solution less than or equal to amax: " + scalarPyFloat(c.amax)
			}
			return wolfeStep{phi: phi0, phi0: prev, msg: msg}
		}
		if phiA1 > phi0+c.c1*alpha1*derphi0 || (phiA1 >= phiA0 && i > 0) {
			return l.zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, phi0, derphi0, c, accept)
		}
		derphiA1 := l.derphi(alpha1)
		if l.obj.stopped() {
			return wolfeStep{msg: wolfeNotConverged}
		}
		if math.Abs(derphiA1) <= -c.c2*derphi0 && accept(alpha1, phiA1) {
			return wolfeStep{alpha: alpha1, phi: phiA1, phi0: phi0, derphi: derphiA1, ok: true, hasDerphi: true}
		}
		if derphiA1 >= 0 {
			return l.zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, phi0, derphi0, c, accept)
		}
		alpha2 := math.Min(2*alpha1, c.amax)
		alpha0, alpha1 = alpha1, alpha2
		phiA0 = phiA1
		phiA1 = l.phi(alpha1)
		derphiA0 = derphiA1
	}
	// Out of iterations: scipy returns the last trial with a warning.
	return wolfeStep{alpha: alpha1, phi: phiA1, phi0: phi0, ok: true, msg: wolfeNotConverged}
}

// zoom is scipy's _zoom (Nocedal and Wright, Algorithm 3.6): it narrows
// [aLo, aHi], which brackets a step satisfying the strong Wolfe
// conditions, by cubic interpolation through the last three points,
// quadratic when the cubic step is too close to an end, and bisection
// when that is too, for at most 10 trials.
func (l *wolfeLine) zoom(aLo, aHi, phiLo, phiHi, derphiLo, phi0, derphi0 float64, c wolfeParams, accept func(alpha, phi float64) bool) wolfeStep {
	const (
		maxIter = 10
		delta1  = 0.2 // cubic interpolant check
		delta2  = 0.1 // quadratic interpolant check
	)
	phiRec, aRec := phi0, 0.0
	for i := 0; ; i++ {
		dalpha := aHi - aLo
		a, b := aLo, aHi
		if dalpha < 0 {
			a, b = aHi, aLo
		}
		aj, ok := 0.0, false
		if i > 0 {
			cchk := delta1 * dalpha
			aj, ok = wolfeCubicMin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec)
			ok = ok && !(aj > b-cchk) && !(aj < a+cchk)
		}
		if !ok {
			qchk := delta2 * dalpha
			aj, ok = wolfeQuadMin(aLo, phiLo, derphiLo, aHi, phiHi)
			if !ok || aj > b-qchk || aj < a+qchk {
				aj = aLo + 0.5*dalpha
			}
		}
		phiAj := l.phi(aj)
		if l.obj.stopped() {
			return wolfeStep{msg: wolfeNotConverged}
		}
		if phiAj > phi0+c.c1*aj*derphi0 || phiAj >= phiLo {
			phiRec, aRec = phiHi, aHi
			aHi, phiHi = aj, phiAj
		} else {
			derphiAj := l.derphi(aj)
			if l.obj.stopped() {
				return wolfeStep{msg: wolfeNotConverged}
			}
			if math.Abs(derphiAj) <= -c.c2*derphi0 && accept(aj, phiAj) {
				return wolfeStep{alpha: aj, phi: phiAj, phi0: phi0, derphi: derphiAj, ok: true, hasDerphi: true}
			}
			if derphiAj*(aHi-aLo) >= 0 {
				phiRec, aRec = phiHi, aHi
				aHi, phiHi = aLo, phiLo
			} else {
				phiRec, aRec = phiLo, aLo
			}
			aLo, phiLo, derphiLo = aj, phiAj, derphiAj
		}
		if i+1 > maxIter {
			return wolfeStep{phi0: phi0, msg: wolfeNotConverged}
		}
	}
}

// wolfeCubicMin returns the minimizer of the cubic through (a, fa), (b,
// fb), (c, fc) with slope fpa at a, as scipy's _cubicmin; ok is false
// where scipy's floating-point checks raise or the result is not finite.
// The 2×2 product that gives the coefficients is computed as OpenBLAS's
// dgemv computes scipy's np.dot, the second term first and the first
// fused onto it, so that the steps agree with scipy's to the last bit.
func wolfeCubicMin(a, fa, fpa, b, fb, c, fc float64) (xmin float64, ok bool) {
	C := fpa
	db := b - a
	dc := c - a
	denom := (db * dc) * (db * dc) * (db - dc)
	d00, d01 := dc*dc, -db*db
	d10, d11 := -wolfeCube(dc), wolfeCube(db)
	v0, v1 := fb-fa-C*db, fc-fa-C*dc
	A := math.FMA(d00, v0, d01*v1) / denom
	B := math.FMA(d10, v0, d11*v1) / denom
	radical := B*B - 3*A*C
	xmin = a + (-B+math.Sqrt(radical))/(3*A)
	return xmin, wolfeAllFinite(denom, A, B, radical, xmin) && denom != 0 && A != 0 && radical >= 0
}

// wolfeCube returns x³ rounded once, as Python's x**3 (libm's pow) does,
// by a double-double product; x*x*x would round twice.
func wolfeCube(x float64) float64 {
	sq := x * x
	sqErr := math.FMA(x, x, -sq)
	hi := sq * x
	lo := math.FMA(sq, x, -hi) + sqErr*x
	return hi + lo
}

// wolfeQuadMin returns the minimizer of the parabola through (a, fa) and
// (b, fb) with slope fpa at a, as scipy's _quadmin.
func wolfeQuadMin(a, fa, fpa, b, fb float64) (xmin float64, ok bool) {
	D := fa
	C := fpa
	db := b - a
	B := (fb - D - C*db) / (db * db)
	xmin = a - C/(2*B)
	return xmin, db != 0 && B != 0 && wolfeAllFinite(B, xmin)
}

// wolfeAllFinite reports whether no value is NaN or infinite; the
// interpolants use it for numpy's errstate(raise) checks.
func wolfeAllFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
