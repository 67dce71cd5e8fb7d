package integrate

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"calc/stdlib/roots"
)

// IVPMethod names a method of SolveIVP, as scipy's solve_ivp does.
type IVPMethod string

// The methods of SolveIVP.
const (
	RK45   IVPMethod = "RK45"   // explicit Dormand–Prince 5(4) (rk.go)
	RK23   IVPMethod = "RK23"   // explicit Bogacki–Shampine 3(2) (rk.go)
	DOP853 IVPMethod = "DOP853" // explicit Dormand–Prince 8(5,3) (dop853.go)
	Radau  IVPMethod = "Radau"  // implicit Radau IIA of order 5 (radau.go)
	BDF    IVPMethod = "BDF"    // implicit NDF/BDF of orders 1–5 (bdf.go)
	LSODA  IVPMethod = "LSODA"  // Adams/BDF with automatic switching (lsoda.go)
)

// Event is a function of the solution whose zeros SolveIVP locates: it
// finds where G(t, y(t)) changes sign within each step and solves for the
// crossing on the step's dense output with Brent's method, as scipy does.
type Event struct {
	G func(t float64, y []float64) float64
	// Terminal stops the integration at the first zero.
	Terminal bool
	// Direction restricts the zeros to those where G rises (> 0) or
	// falls (< 0); 0 (the default) takes both.
	Direction float64
}

// IVPAtol is SolveIVP's default absolute tolerance, scipy's.
const IVPAtol = 1e-6

// IVPSettings tunes SolveIVP. The zero value means scipy's defaults:
// RK45 with rtol 1e-3 and atol 1e-6.
type IVPSettings struct {
	// Method is the integration method; "" means RK45.
	Method IVPMethod
	// Rtol and Atol are the relative and absolute tolerances; zero means
	// scipy's 1e-3 and 1e-6. An Rtol below 100·eps is raised to it.
	Rtol, Atol float64
	// AtolVec, when not nil, gives one absolute tolerance per component
	// and overrides Atol (a vector of zeros asks for relative control).
	// An infinite one leaves its component out of the error test and of
	// the Newton iterations' convergence test: it follows the steps the
	// others choose.
	AtolVec []float64
	// TEval lists the times at which to report the solution, within the
	// span and sorted in the direction of integration. Nil reports the
	// solver's own steps.
	TEval []float64
	// DenseOutput asks for Sol, the continuous solution.
	DenseOutput bool
	// Events are functions whose zeros to locate; see Event.
	Events []Event
	// MaxStep bounds the step size; 0 means no bound.
	MaxStep float64
	// FirstStep is the first step size; 0 lets the method choose
	// (Hairer, Nørsett & Wanner's rule, scipy's select_initial_step).
	FirstStep float64
	// MinStep is the smallest step LSODA may take (LSODA only); default 0.
	MinStep float64
	// Jac writes ∂f_i/∂y_j into J[i*n+j] for the implicit methods (Radau,
	// BDF, LSODA); nil means finite differences.
	Jac func(t float64, y, J []float64)
}

// IVPResult is what SolveIVP computed and what it cost.
type IVPResult struct {
	// T holds the times of the solution and Y[k] the state at T[k] (the
	// transpose of scipy's y).
	T []float64
	Y [][]float64
	// Sol is the continuous solution when DenseOutput was asked for.
	Sol *Solution
	// TEvents[i] and YEvents[i] hold the zeros of event i and the states
	// there.
	TEvents [][]float64
	YEvents [][][]float64
	// NFev counts evaluations of f (not those of finite-difference
	// Jacobians, except for LSODA, as in scipy); NJev Jacobian
	// evaluations; NLU LU factorizations.
	NFev, NJev, NLU int
	// Status is 0 when the end of the span was reached, 1 when a
	// terminal event occurred and −1 when the method failed.
	Status  int
	Message string
	Success bool
}

// Solution is the continuous solution of SolveIVP: the dense output of
// each step, like scipy's OdeSolution.
type Solution struct {
	ts        []float64 // the step boundaries, in the direction of integration
	pieces    []ivpInterpolant
	ascending bool
}

// At writes y(t) into out. Outside the span it extrapolates the first or
// last step, with no guarantee of accuracy; at a step boundary it uses the
// earlier step.
func (s *Solution) At(t float64, out []float64) {
	nseg := len(s.pieces)
	var seg int
	if s.ascending {
		seg = sort.SearchFloat64s(s.ts, t) - 1
	} else {
		// The number of boundaries greater than or equal to t.
		seg = sort.Search(len(s.ts), func(i int) bool { return s.ts[i] < t }) - 1
	}
	s.pieces[min(max(seg, 0), nseg-1)].at(t, out)
}

// TMin is the lower end of the span Sol covers.
func (s *Solution) TMin() float64 { return math.Min(s.ts[0], s.ts[len(s.ts)-1]) }

// TMax is the upper end of the span Sol covers.
func (s *Solution) TMax() float64 { return math.Max(s.ts[0], s.ts[len(s.ts)-1]) }

// ivpInterpolant is the dense output of one step.
type ivpInterpolant interface {
	at(t float64, out []float64)
}

// ivpConstant is the dense output of an empty step.
type ivpConstant []float64

func (c ivpConstant) at(_ float64, out []float64) { copy(out, c) }

// ivpPoly is the dense output y(t) = y0 + Σ_j q_j·x^(j+1) with
// x = (t − t0)/h, of the Runge–Kutta methods and Radau.
type ivpPoly struct {
	t0, h float64
	y0    []float64
	q     [][]float64 // q[j] is the coefficient of x^(j+1)
}

func (p *ivpPoly) at(t float64, out []float64) {
	x := (t - p.t0) / p.h
	copy(out, p.y0)
	xp := 1.0
	for _, q := range p.q {
		xp *= x
		for i, v := range q {
			out[i] += v * xp
		}
	}
}

// ivpStepper is one method's stepping, as scipy's OdeSolver subclasses.
type ivpStepper interface {
	// base returns the state shared by all methods.
	base() *ivpBase
	// step advances one step from base().t, setting t and y, or reports
	// a failure with a message.
	step() (ok bool, message string)
	// dense returns the dense output of the last step, owning its data.
	dense() ivpInterpolant
}

// ivpBase is what every method has: scipy's OdeSolver.
type ivpBase struct {
	f          func(t float64, y, dydt []float64)
	n          int
	t, tOld    float64
	tBound     float64
	direction  float64
	y          []float64
	rtol       float64
	atol       []float64 // length n
	maxStep    float64
	firstStep  float64 // 0: select
	jac        func(t float64, y, J []float64)
	nfev, njev int
	nlu        int
}

// stepEnd returns where a step of length hAbs from t ends, cut at
// tBound, the signed step taken and whether it was cut, as scipy's
// solvers compute t_new = t + h, clip it and set h = t_new − t.
func (b *ivpBase) stepEnd(t, hAbs float64) (tNew, h float64, cut bool) {
	tNew = t + hAbs*b.direction
	if b.direction*(tNew-b.tBound) > 0 {
		tNew, cut = b.tBound, true
	}
	return tNew, tNew - t, cut
}

func (b *ivpBase) base() *ivpBase { return b }

// fun evaluates f and counts it. A NaN in f's result stops the solve (a
// panic of ivpNaN, recovered by SolveIVP): as LSODA does, since every
// method's step-size control would otherwise shrink or reject steps for
// ever on a NaN error estimate.
func (b *ivpBase) fun(t float64, y, dydt []float64) {
	b.nfev++
	b.f(t, y, dydt)
	for _, v := range dydt {
		if v != v {
			panic(ivpNaN(t))
		}
	}
}

// ivpNaN is the time at which the right-hand side returned NaN.
type ivpNaN float64

// nanMessage says where f returned NaN, for every method alike.
func nanMessage(t float64) string {
	return fmt.Sprintf("The right-hand side returned NaN at t = %g.", t)
}

// minStep is scipy's smallest step at t: ten times the spacing of
// floating-point numbers there.
func (b *ivpBase) minStep(t float64) float64 {
	return 10 * math.Abs(math.Nextafter(t, b.direction*math.Inf(1))-t)
}

// ivpNorm is the root-mean-square norm of v[i]/scale[i] over the
// components in the error test (tested).
func ivpNorm(v, scale []float64) float64 {
	s := 0.0
	for i, x := range v {
		x /= scale[i]
		s += x * x
	}
	return math.Sqrt(s) / math.Sqrt(float64(tested(scale)))
}

// tested is the number of components in the error test: those of finite
// scale. An infinite absolute tolerance takes a component out (CVODES's
// errconS false for sensitivities, its quadratures' errconQ), so that it
// neither weighs in a norm nor dilutes the others' root mean square: the
// steps are those the other components alone would take.
func tested(scale []float64) int {
	n := 0
	for _, s := range scale {
		if !math.IsInf(s, 1) {
			n++
		}
	}
	return max(n, 1)
}

// initialStep chooses the first step (Hairer, Nørsett & Wanner, Solving
// ODEs I, §II.4; scipy's select_initial_step) for a method whose error
// estimate is of the given order: from d0 = ‖y0‖ and d1 = ‖f0‖, a trial
// Euler step h0 = 0.01·d0/d1, then h1 with h1^(order+1)·max(d1, d2) = 0.01
// where d2 estimates ‖y″‖; it returns min(100·h0, h1). It costs one
// evaluation of f. Unless the user gave a first step.
func (b *ivpBase) initialStep(f0 []float64, order int) float64 {
	if b.firstStep != 0 {
		return b.firstStep
	}
	n := b.n
	scale, y1, f1 := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, y := range b.y {
		scale[i] = b.atol[i] + math.Abs(y)*b.rtol
	}
	d0, d1 := ivpNorm(b.y, scale), ivpNorm(f0, scale)
	h0 := 0.01 * d0 / d1
	if d0 < 1e-5 || d1 < 1e-5 {
		h0 = 1e-6
	}
	for i, y := range b.y {
		y1[i] = y + h0*b.direction*f0[i]
	}
	b.fun(b.t+h0*b.direction, y1, f1)
	for i := range f1 {
		f1[i] -= f0[i]
	}
	d2 := ivpNorm(f1, scale) / h0
	var h1 float64
	if d1 <= 1e-15 && d2 <= 1e-15 {
		h1 = math.Max(1e-6, h0*1e-3)
	} else {
		h1 = math.Pow(0.01/math.Max(d1, d2), 1/float64(order+1))
	}
	return math.Min(100*h0, h1)
}

// scipy's constants for adapting the increments of numJac.
var (
	ivpJacDiffReject = math.Pow(0x1p-52, 0.875)
	ivpJacDiffSmall  = math.Pow(0x1p-52, 0.75)
	ivpJacDiffBig    = math.Pow(0x1p-52, 0.25)
	ivpJacMinFactor  = 1e3 * 0x1p-52
)

// ivpNumJac is scipy's num_jac: a forward-difference Jacobian for the
// implicit methods whose increments h_j = factor_j·max(atol_j, |y_j|)
// adapt from call to call so that each difference stays well above its
// roundoff (about eps·|f|): a column whose largest difference is under
// eps^0.875 of |f| is redone with a 10× larger factor, and factors grow
// or shrink by 10 for the next call when differences fall under eps^0.75
// or above eps^0.25. Its n (or more) evaluations of f are not counted in
// nfev, as in scipy.
type ivpNumJac struct {
	factor           []float64 // nil until the first call
	yh, fNew, fNew2  []float64
	h, scale, maxDif []float64
}

// jacobian writes the approximation into J (row-major) from f = f(t, y).
func (nj *ivpNumJac) jacobian(b *ivpBase, t float64, y, f, J []float64) {
	n := len(y)
	if nj.factor == nil {
		nj.factor = make([]float64, n)
		for i := range nj.factor {
			nj.factor[i] = math.Sqrt(0x1p-52)
		}
		buf := make([]float64, 6*n)
		nj.yh, nj.fNew, nj.fNew2, nj.h, nj.scale, nj.maxDif = buf[:n], buf[n:2*n], buf[2*n:3*n], buf[3*n:4*n], buf[4*n:5*n], buf[5*n:]
	}
	yScale := func(j int) float64 {
		s := math.Max(b.atol[j], math.Abs(y[j]))
		if f[j] < 0 {
			s = -s
		}
		return s
	}
	copy(nj.yh, y)
	// column differences and, per column, the largest and its scale
	diffColumn := func(j int, h float64, fNew []float64) (maxDiff, scale float64) {
		nj.yh[j] = y[j] + h
		b.f(t, nj.yh, fNew)
		nj.yh[j] = y[j]
		k := 0
		for i := range fNew {
			if math.Abs(fNew[i]-f[i]) > math.Abs(fNew[k]-f[k]) {
				k = i
			}
		}
		return math.Abs(fNew[k] - f[k]), math.Max(math.Abs(f[k]), math.Abs(fNew[k]))
	}
	for j := 0; j < n; j++ {
		s := yScale(j)
		h := (y[j] + nj.factor[j]*s) - y[j]
		for h == 0 {
			nj.factor[j] *= 10
			h = (y[j] + nj.factor[j]*s) - y[j]
		}
		maxDiff, scale := diffColumn(j, h, nj.fNew)
		if maxDiff < ivpJacDiffReject*scale {
			// Too close to roundoff: try a 10× larger increment and keep
			// it if its relative difference is larger.
			newFactor := 10 * nj.factor[j]
			hNew := (y[j] + newFactor*s) - y[j]
			maxNew, scaleNew := diffColumn(j, hNew, nj.fNew2)
			if maxDiff*scaleNew < maxNew*scale {
				nj.factor[j], h, maxDiff, scale = newFactor, hNew, maxNew, scaleNew
				nj.fNew, nj.fNew2 = nj.fNew2, nj.fNew
			}
		}
		for i := 0; i < n; i++ {
			J[i*n+j] = (nj.fNew[i] - f[i]) / h
		}
		switch {
		case maxDiff < ivpJacDiffSmall*scale:
			nj.factor[j] *= 10
		case maxDiff > ivpJacDiffBig*scale:
			nj.factor[j] *= 0.1
		}
		nj.factor[j] = math.Max(nj.factor[j], ivpJacMinFactor)
	}
}

// ivpMessages are scipy's messages for the statuses of success.
var ivpMessages = map[int]string{
	0: "The solver successfully reached the end of the integration interval.",
	1: "A termination event occurred.",
}

// ivpTooSmallStep is scipy's message when the step underflows.
const ivpTooSmallStep = "Required step size is less than spacing between numbers."

// SolveIVP integrates dy/dt = f(t, y) from y(tspan[0]) = y0 to tspan[1],
// like scipy.integrate.solve_ivp, with the method s.Method (see
// IVPMethod): explicit Runge–Kutta pairs with error control in the
// root-mean-square norm of err_i/(atol_i + rtol·max(|y_i|, |y_new,i|)),
// Radau IIA and NDF/BDF with simplified Newton iterations, or LSODA. f
// writes the derivative into dydt and must not keep y.
//
// The result holds the solution at the method's steps, or at s.TEval;
// with s.DenseOutput the continuous solution; with s.Events the zeros of
// each event function, found per step on the dense output, a terminal
// event ending the integration there. A method failure (the step size
// underflowing) is no error: Status is −1 and Message says why. Errors are
// for bad arguments.
func SolveIVP(f func(t float64, y, dydt []float64), tspan [2]float64, y0 []float64, s *IVPSettings) (out *IVPResult, err error) {
	if s == nil {
		s = &IVPSettings{}
	}
	res := &IVPResult{}
	defer func() {
		switch r := recover().(type) {
		case nil:
		case ivpNaN:
			res.Status, res.Success, res.Message = -1, false, nanMessage(float64(r))
			out, err = res, nil
		default:
			panic(r)
		}
	}()
	st, err := ivpNewStepper(f, tspan, y0, s)
	if err != nil {
		return nil, err
	}
	t0, tf := tspan[0], tspan[1]
	b := st.base()
	tEval := s.TEval
	if tEval != nil {
		lo, hi := math.Min(t0, tf), math.Max(t0, tf)
		for k, te := range tEval {
			if te < lo || te > hi || te != te {
				return nil, errors.New("integrate: values in t_eval are not within t_span")
			}
			if k > 0 && (te-tEval[k-1])*b.direction <= 0 {
				return nil, errors.New("integrate: values in t_eval are not properly sorted")
			}
		}
	}
	addPoint := func(t float64, y []float64) {
		res.T = append(res.T, t)
		res.Y = append(res.Y, append([]float64(nil), y...))
	}
	if tEval == nil {
		addPoint(t0, y0)
	}
	var pieces []ivpInterpolant
	bounds := []float64{t0}
	events := s.Events
	var g, gNew []float64
	if len(events) > 0 {
		g, gNew = make([]float64, len(events)), make([]float64, len(events))
		for i, ev := range events {
			g[i] = ev.G(t0, y0)
		}
		res.TEvents = make([][]float64, len(events))
		res.YEvents = make([][][]float64, len(events))
	}
	iEval := 0
	yOut := make([]float64, b.n)
	status := 2 // running
	message := ""
	for status == 2 {
		ok, msg := ivpAdvance(st)
		if !ok {
			status, message = -1, msg
			break
		}
		if b.direction*(b.t-b.tBound) >= 0 {
			status = 0
		}
		t, y := b.t, b.y
		var sol ivpInterpolant
		if s.DenseOutput {
			sol = ivpDense(st)
			pieces = append(pieces, sol)
		}
		if len(events) > 0 {
			for i, ev := range events {
				gNew[i] = ev.G(t, y)
			}
			active := ivpActiveEvents(events, g, gNew)
			if len(active) > 0 {
				if sol == nil {
					sol = ivpDense(st)
				}
				active, rootTimes, terminate := ivpHandleEvents(sol, events, active, b.tOld, t, b.n)
				for k, e := range active {
					ye := make([]float64, b.n)
					sol.at(rootTimes[k], ye)
					res.TEvents[e] = append(res.TEvents[e], rootTimes[k])
					res.YEvents[e] = append(res.YEvents[e], ye)
				}
				if terminate {
					status = 1
					t = rootTimes[len(rootTimes)-1]
					sol.at(t, yOut)
					y = yOut
				}
			}
			g, gNew = gNew, g
		}
		if tEval == nil {
			addPoint(t, y)
		} else {
			for ; iEval < len(tEval) && (tEval[iEval]-t)*b.direction <= 0; iEval++ {
				if sol == nil {
					sol = ivpDense(st)
				}
				sol.at(tEval[iEval], yOut)
				addPoint(tEval[iEval], yOut)
			}
		}
		bounds = append(bounds, t)
	}
	if s.DenseOutput {
		if tEval == nil {
			bounds = res.T
		}
		res.Sol = &Solution{ts: bounds[:len(pieces)+1], pieces: pieces, ascending: bounds[len(bounds)-1] >= bounds[0]}
	}
	res.NFev, res.NJev, res.NLU = b.nfev, b.njev, b.nlu
	res.Status = status
	res.Success = status >= 0
	res.Message = message
	if status >= 0 {
		res.Message = ivpMessages[status]
	}
	return res, nil
}

// ivpAdvance is scipy's OdeSolver.step: it finishes at once when the
// span is empty, and sets tOld after a step.
func ivpAdvance(st ivpStepper) (bool, string) {
	b := st.base()
	if b.t == b.tBound {
		b.tOld = b.t
		return true, ""
	}
	t := b.t
	ok, msg := st.step()
	if ok {
		b.tOld = t
	}
	return ok, msg
}

// ivpDense is the dense output of the last step, constant over an empty
// step.
func ivpDense(st ivpStepper) ivpInterpolant {
	b := st.base()
	if b.t == b.tOld {
		return append(ivpConstant(nil), b.y...)
	}
	return st.dense()
}

// ivpActiveEvents returns the events whose sign change from g to gNew is
// in their direction (scipy's find_active_events).
func ivpActiveEvents(events []Event, g, gNew []float64) []int {
	var active []int
	for i, ev := range events {
		up := g[i] <= 0 && gNew[i] >= 0
		down := g[i] >= 0 && gNew[i] <= 0
		if up && ev.Direction > 0 || down && ev.Direction < 0 || (up || down) && ev.Direction == 0 {
			active = append(active, i)
		}
	}
	return active
}

// ivpHandleEvents locates the zeros of the active events in [tOld, t] by
// Brent's method on the dense output (tolerances 4·eps, as scipy) and,
// if one is terminal, keeps those up to the first terminal one in time
// order (scipy's handle_events).
func ivpHandleEvents(sol ivpInterpolant, events []Event, active []int, tOld, t float64, n int) ([]int, []float64, bool) {
	y := make([]float64, n)
	rootTimes := make([]float64, len(active))
	settings := &roots.BracketSettings{XTol: 4 * 0x1p-52, RTol: 4 * 0x1p-52}
	for k, e := range active {
		g := func(s float64) float64 {
			sol.at(s, y)
			return events[e].G(s, y)
		}
		r, err := roots.Brentq(g, tOld, t, settings)
		if err != nil {
			// No sign change on the interpolant (roundoff): take the
			// end of the step, where the change was seen.
			r.Root = t
		}
		rootTimes[k] = r.Root
	}
	terminal := false
	for _, e := range active {
		terminal = terminal || events[e].Terminal
	}
	if !terminal {
		return active, rootTimes, false
	}
	order := make([]int, len(active))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool {
		if t > tOld {
			return rootTimes[order[a]] < rootTimes[order[b]]
		}
		return rootTimes[order[a]] > rootTimes[order[b]]
	})
	var keptEvents []int
	var keptTimes []float64
	for _, k := range order {
		keptEvents = append(keptEvents, active[k])
		keptTimes = append(keptTimes, rootTimes[k])
		if events[active[k]].Terminal {
			break
		}
	}
	return keptEvents, keptTimes, true
}

// ivpNewStepper checks the arguments and sets up the method.
func ivpNewStepper(f func(t float64, y, dydt []float64), tspan [2]float64, y0 []float64, s *IVPSettings) (ivpStepper, error) {
	n := len(y0)
	if n == 0 {
		return nil, errors.New("integrate: SolveIVP needs at least one equation")
	}
	t0, tf := tspan[0], tspan[1]
	if math.IsNaN(t0) || math.IsNaN(tf) || math.IsInf(t0, 0) || math.IsInf(tf, 0) {
		return nil, errors.New("integrate: t_span must be finite")
	}
	b := ivpBase{f: f, n: n, t: t0, tOld: math.NaN(), tBound: tf, direction: 1, y: append([]float64(nil), y0...), jac: s.Jac}
	if tf < t0 {
		b.direction = -1
	}
	b.rtol = s.Rtol
	if b.rtol == 0 {
		b.rtol = 1e-3
	}
	b.rtol = math.Max(b.rtol, 100*0x1p-52)
	b.atol = make([]float64, n)
	switch {
	case s.AtolVec != nil:
		if len(s.AtolVec) != n {
			return nil, fmt.Errorf("integrate: atol has length %d, want %d", len(s.AtolVec), n)
		}
		copy(b.atol, s.AtolVec)
	default:
		a := s.Atol
		if a == 0 {
			a = IVPAtol
		}
		for i := range b.atol {
			b.atol[i] = a
		}
	}
	for _, a := range b.atol {
		if !(a >= 0) {
			return nil, errors.New("integrate: atol must not be negative")
		}
	}
	if s.Rtol < 0 {
		return nil, errors.New("integrate: rtol must not be negative")
	}
	b.maxStep = math.Inf(1)
	if s.MaxStep < 0 {
		return nil, errors.New("integrate: max_step must be positive")
	} else if s.MaxStep > 0 {
		b.maxStep = s.MaxStep
	}
	if s.FirstStep < 0 || s.FirstStep > math.Abs(tf-t0) {
		return nil, errors.New("integrate: first_step must be positive and within t_span")
	}
	b.firstStep = s.FirstStep
	switch s.Method {
	case "", RK45:
		return newRK(b, &rk45Tableau), nil
	case RK23:
		return newRK(b, &rk23Tableau), nil
	case DOP853:
		return newRK(b, &dop853Tableau), nil
	case Radau:
		return newRadau(b), nil
	case BDF:
		return newBDF(b), nil
	case LSODA:
		if s.MinStep < 0 {
			return nil, errors.New("integrate: min_step must not be negative")
		}
		return newIVPLsoda(b, s.MinStep), nil
	}
	return nil, fmt.Errorf("integrate: unknown method %q; want RK45, RK23, DOP853, Radau, BDF or LSODA", s.Method)
}

// ivpLsoda is SolveIVP's LSODA: the core of lsoda.go taking one step per
// call (itask 5) and never stepping past the end of the span, as scipy
// drives ODEPACK's LSODA.
type ivpLsoda struct {
	ivpBase
	core *lsoda
}

func newIVPLsoda(b ivpBase, minStep float64) *ivpLsoda {
	core := newLsoda(b.n, b.f, b.jac)
	core.rtol = []float64{b.rtol}
	core.atol = b.atol
	core.t = b.t
	core.tcrit = b.tBound
	core.h0 = b.firstStep * b.direction
	core.hmin = minStep
	if !math.IsInf(b.maxStep, 1) {
		core.hmxi = 1 / b.maxStep
	}
	return &ivpLsoda{ivpBase: b, core: core}
}

func (s *ivpLsoda) step() (bool, string) {
	c := s.core
	istate := c.run(s.y, s.tBound, 5)
	s.nfev, s.njev, s.nlu = c.nfe, c.nje, c.nje
	if istate != lsodaSuccess {
		msg := "Unexpected istate in LSODA."
		if istate == lsodaNaN {
			msg = nanMessage(c.nanT)
		} else if m, ok := odeintMessages[istate]; ok {
			msg += " " + m
		}
		return false, msg
	}
	s.t = c.t
	return true, ""
}

// ivpNordsieck is LSODA's dense output: the Nordsieck polynomial of the
// last step.
type ivpNordsieck struct {
	tn, h float64
	cols  [][]float64
}

func (s *ivpLsoda) dense() ivpInterpolant {
	c := s.core
	d := &ivpNordsieck{tn: c.tn, h: c.hold, cols: make([][]float64, c.nq+1)}
	for j := range d.cols {
		d.cols[j] = append([]float64(nil), c.col(j)...)
	}
	return d
}

func (d *ivpNordsieck) at(t float64, out []float64) {
	x := (t - d.tn) / d.h
	copy(out, d.cols[len(d.cols)-1])
	for j := len(d.cols) - 2; j >= 0; j-- {
		for i, v := range d.cols[j] {
			out[i] = v + x*out[i]
		}
	}
}
