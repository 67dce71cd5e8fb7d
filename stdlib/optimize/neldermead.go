package optimize

import (
	"fmt"
	"math"
	"sort"
)

// NelderMeadSettings are the options of NelderMead. The zero value means
// scipy's defaults.
type NelderMeadSettings struct {
	// XTol is the absolute spread of the simplex's vertices around the
	// best one, in every coordinate, below which it may stop (scipy's
	// xatol). Zero means 1e-4.
	XTol float64
	// FTol is the absolute spread of the function values at the vertices
	// below which it may stop (scipy's fatol). Both tolerances must be
	// met. Zero means 1e-4.
	FTol float64
	// MaxIter and MaxFuncEvals limit the iterations and the evaluations
	// of f. When neither is set both are 200·n; when only one is set the
	// other is unlimited.
	MaxIter      int
	MaxFuncEvals int
	// Adaptive makes the reflection, expansion, contraction and shrink
	// coefficients depend on the dimension, as Gao and Han propose for
	// high-dimensional problems. False means the classical 1, 2, ½, ½.
	Adaptive bool
	// InitialSimplex, if not nil, holds the n+1 vertices of the first
	// simplex, each of length n, and overrides x0. Nil means x0 and, for
	// each coordinate k, x0 with x0[k] scaled by 1.05 (or set to 0.00025
	// where it is zero).
	InitialSimplex [][]float64
	// KeepPath records the best vertex after each iteration in
	// Result.Path (scipy's retall).
	KeepPath bool
	// Callback, if set, is called with a copy of the iterate after each
	// iteration (scipy's callback).
	Callback func(x []float64)
	// Bounds, if not nil, confine the search to a box as scipy 1.10
	// does: x0 and the first simplex are clipped into it, and so is every
	// trial point (reflection, expansion, contraction, shrunk vertex)
	// before f is evaluated there.
	Bounds *Bounds
}

// NelderMead minimizes f from x0 by the downhill simplex method of Nelder
// and Mead (The Computer Journal 7, 1965, pp. 308–313), exactly as
// scipy.optimize.fmin (_minimize_neldermead in scipy 1.10), so that
// iteration and evaluation counts agree with scipy's.
//
// Each iteration replaces the worst of the n+1 vertices by its
// reflection through the centroid of the others, an expansion or a
// contraction of it, or else shrinks the simplex towards the best vertex;
// it costs one or two evaluations of f, n+2 when it shrinks, and O(n²)
// arithmetic. It stops when the vertices are within XTol of the best one
// and their values within FTol of its value. With Adaptive the
// coefficients are ρ=1, χ=1+2/n, ψ=¾−1/(2n), σ=1−1/n (Gao and Han,
// Computational Optimization and Applications 51, 2012).
//
// It uses no derivatives and copes with noise and kinks, but it may stall
// on a non-stationary point and is slow beyond a few dimensions. With
// Bounds, clipping a trial point onto a face of the box can flatten the
// simplex there: a minimum on the boundary is found, but the simplex may
// also stall on a face short of the constrained minimum, as scipy's does.
func NelderMead(f Func, x0 []float64, s *NelderMeadSettings) (*Result, error) {
	if s == nil {
		s = &NelderMeadSettings{}
	}
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	n := len(x0)
	box, err := s.Bounds.optionalBox(n)
	if err != nil {
		return nil, err
	}
	if box != nil {
		x0 = append([]float64(nil), x0...)
		box.clip(x0)
	}
	nm := &nelderMead{
		box:   box,
		obj:   directObjective{f: f},
		xtol:  s.XTol,
		ftol:  s.FTol,
		rho:   1,
		chi:   2,
		psi:   0.5,
		sigma: 0.5,
	}
	if nm.xtol == 0 {
		nm.xtol = 1e-4
	}
	if nm.ftol == 0 {
		nm.ftol = 1e-4
	}
	if s.Adaptive {
		dim := float64(n)
		nm.chi = 1 + 2/dim
		nm.psi = 0.75 - 1/(2*dim)
		nm.sigma = 1 - 1/dim
	}
	if err := nm.initSimplex(x0, s.InitialSimplex); err != nil {
		return nil, err
	}
	for _, v := range nm.sim {
		nm.clip(v)
	}
	maxIter, maxFev := directLimits(s.MaxIter, s.MaxFuncEvals, 200*n)
	nm.obj.max = maxFev
	return nm.run(maxIter, s.KeepPath, s.Callback), nil
}

// nelderMead is the state of a Nelder–Mead minimization: the simplex
// sim, kept sorted by the values fsim, and the coefficients of its moves.
type nelderMead struct {
	box                  *consBox // nil without bounds
	obj                  directObjective
	xtol, ftol           float64
	rho, chi, psi, sigma float64
	sim                  [][]float64
	fsim                 []float64
	xbar, xr, xe, xc     []float64
}

// initSimplex builds the first simplex from x0, or copies init.
func (nm *nelderMead) initSimplex(x0 []float64, init [][]float64) error {
	n := len(x0)
	if init != nil {
		if len(init) != n+1 {
			return fmt.Errorf("optimize: the initial simplex has %d vertices, want %d", len(init), n+1)
		}
		for _, v := range init {
			if len(v) != n {
				return fmt.Errorf("optimize: a vertex of the initial simplex has length %d, want %d", len(v), n)
			}
			if err := vecCheckStart(v); err != nil {
				return err
			}
		}
	}
	nm.sim = make([][]float64, n+1)
	for k := range nm.sim {
		switch {
		case init != nil:
			nm.sim[k] = append([]float64(nil), init[k]...)
		default:
			nm.sim[k] = append([]float64(nil), x0...)
			if k == 0 {
				continue
			}
			if y := &nm.sim[k][k-1]; *y != 0 {
				*y *= 1.05
			} else {
				*y = 0.00025
			}
		}
	}
	nm.fsim = make([]float64, n+1)
	for k := range nm.fsim {
		nm.fsim[k] = math.Inf(1)
	}
	nm.xbar = make([]float64, n)
	nm.xr = make([]float64, n)
	nm.xe = make([]float64, n)
	nm.xc = make([]float64, n)
	return nil
}

// run iterates until convergence or a limit, following scipy's loop; an
// evaluation refused by obj ends the current iteration early, as scipy's
// _MaxFuncCallError does.
func (nm *nelderMead) run(maxIter int, keepPath bool, callback func([]float64)) *Result {
	var path [][]float64
	if keepPath {
		path = append(path, append([]float64(nil), nm.sim[0]...))
	}
	for k := range nm.sim {
		v := nm.obj.value(nm.sim[k])
		if nm.obj.stopped() {
			break
		}
		nm.fsim[k] = v
	}
	nm.sort()
	iterations := 1
	for !nm.obj.stopped() && nm.obj.n < nm.obj.max && iterations < maxIter {
		if nm.converged() {
			break
		}
		if nm.iterate() {
			iterations++
		}
		nm.sort()
		iterateHook(&path, keepPath, callback, nm.sim[0])
	}
	res := &Result{
		X:          append([]float64(nil), nm.sim[0]...),
		F:          nm.fsim[0],
		Iterations: iterations,
		FuncEvals:  nm.obj.n,
		Path:       path,
	}
	switch {
	case nm.obj.status == NotFinite:
		res.Status, res.Message = NotFinite, nm.obj.msg
	case nm.obj.n >= nm.obj.max:
		res.Status, res.Message = MaxFuncEvals, MsgMaxFuncEvals
	case iterations >= maxIter:
		res.Status, res.Message = MaxIterations, MsgMaxIter
	default:
		res.Status, res.Message, res.Success = Success, MsgSuccess, true
	}
	return res
}

// converged reports whether every vertex is within xtol of the best one
// in every coordinate and every value within ftol of the best value.
func (nm *nelderMead) converged() bool {
	best := nm.sim[0]
	for _, v := range nm.sim[1:] {
		for i, vi := range v {
			if !(math.Abs(vi-best[i]) <= nm.xtol) {
				return false
			}
		}
	}
	for _, fv := range nm.fsim[1:] {
		if !(math.Abs(nm.fsim[0]-fv) <= nm.ftol) {
			return false
		}
	}
	return true
}

// iterate makes one move of the simplex: reflect the worst vertex,
// then expand, accept, contract outside or inside, or shrink. It reports
// false if obj refused an evaluation midway; the simplex then keeps what
// scipy's would keep when its exception unwinds.
func (nm *nelderMead) iterate() bool {
	n := len(nm.xbar)
	for i := range nm.xbar {
		nm.xbar[i] = 0
	}
	for _, v := range nm.sim[:n] {
		for i, vi := range v {
			nm.xbar[i] += vi
		}
	}
	for i := range nm.xbar {
		nm.xbar[i] /= float64(n)
	}
	rho, chi, psi := nm.rho, nm.chi, nm.psi
	fxr := nm.trial(nm.xr, 1+rho, -rho)
	if nm.obj.stopped() {
		return false
	}
	switch {
	case fxr < nm.fsim[0]:
		fxe := nm.trial(nm.xe, 1+rho*chi, -rho*chi)
		if nm.obj.stopped() {
			return false
		}
		if fxe < fxr {
			nm.replaceWorst(nm.xe, fxe)
		} else {
			nm.replaceWorst(nm.xr, fxr)
		}
	case fxr < nm.fsim[n-1]:
		nm.replaceWorst(nm.xr, fxr)
	case fxr < nm.fsim[n]:
		// Contract outside, towards the reflected point.
		fxc := nm.trial(nm.xc, 1+psi*rho, -psi*rho)
		if nm.obj.stopped() {
			return false
		}
		if fxc <= fxr {
			nm.replaceWorst(nm.xc, fxc)
		} else {
			return nm.shrink()
		}
	default:
		// Contract inside, towards the worst vertex.
		fxcc := nm.trial(nm.xc, 1-psi, psi)
		if nm.obj.stopped() {
			return false
		}
		if fxcc < nm.fsim[n] {
			nm.replaceWorst(nm.xc, fxcc)
		} else {
			return nm.shrink()
		}
	}
	return true
}

// trial sets dst = a·xbar + b·worst and returns f there.
func (nm *nelderMead) trial(dst []float64, a, b float64) float64 {
	worst := nm.sim[len(nm.sim)-1]
	for i := range dst {
		dst[i] = a*nm.xbar[i] + b*worst[i]
	}
	nm.clip(dst)
	return nm.obj.value(dst)
}

// clip moves x into the bounds, if there are any.
func (nm *nelderMead) clip(x []float64) {
	if nm.box != nil {
		nm.box.clip(x)
	}
}

// replaceWorst makes x, with value fx, the last vertex.
func (nm *nelderMead) replaceWorst(x []float64, fx float64) {
	copy(nm.sim[len(nm.sim)-1], x)
	nm.fsim[len(nm.fsim)-1] = fx
}

// shrink moves every vertex halfway (σ) towards the best one. Like
// scipy's, a refused evaluation leaves the vertex moved and its old value.
func (nm *nelderMead) shrink() bool {
	best := nm.sim[0]
	for j := 1; j < len(nm.sim); j++ {
		v := nm.sim[j]
		for i := range v {
			v[i] = best[i] + nm.sigma*(v[i]-best[i])
		}
		nm.clip(v)
		fv := nm.obj.value(v)
		if nm.obj.stopped() {
			return false
		}
		nm.fsim[j] = fv
	}
	return true
}

// sort orders the vertices by value, stably as numpy's argsort is on
// short arrays.
func (nm *nelderMead) sort() {
	sort.Stable(nmByValue{nm})
}

// nmByValue sorts a simplex's vertices and values together.
type nmByValue struct{ nm *nelderMead }

func (b nmByValue) Len() int           { return len(b.nm.fsim) }
func (b nmByValue) Less(i, j int) bool { return b.nm.fsim[i] < b.nm.fsim[j] }
func (b nmByValue) Swap(i, j int) {
	b.nm.fsim[i], b.nm.fsim[j] = b.nm.fsim[j], b.nm.fsim[i]
	b.nm.sim[i], b.nm.sim[j] = b.nm.sim[j], b.nm.sim[i]
}
