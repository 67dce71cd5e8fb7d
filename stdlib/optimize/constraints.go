package optimize

import (
	"errors"
	"fmt"
	"math"
)

// Bounds are box constraints Lower[i] <= x[i] <= Upper[i]. A nil slice,
// or an infinite entry, means that side is unbounded.
type Bounds struct {
	Lower, Upper []float64
}

// ConstraintKind says whether a constraint is an equation or an
// inequality.
type ConstraintKind int

// The kinds of constraint, as scipy's "eq" and "ineq".
const (
	Eq   ConstraintKind = iota // c(x) = 0
	Ineq                       // c(x) >= 0
)

// Constraint is a vector of Len constraints c(x) = 0 (Eq) or c(x) >= 0
// (Ineq). Func writes c(x) into c. Jac, which may be nil, writes the
// Len×n Jacobian of c into jac, row-major; when it is nil the Jacobian is
// approximated by forward differences, as scipy does.
type Constraint struct {
	Kind ConstraintKind
	Func func(x, c []float64)
	Jac  func(x, jac []float64)
	Len  int
	// HessW, which may be nil, writes Σ w_i ∇²c_i(x), the n×n weighted
	// sum of the constraints' Hessians, into h (row-major); TrustConstr
	// uses it for the exact Hessian of the Lagrangian.
	HessW func(x, w, h []float64)
}

// Errors for malformed bounds and constraints.
var (
	ErrInfeasibleBounds = errors.New("optimize: a lower bound is greater than its upper bound")
	ErrBoundsDimension  = errors.New("optimize: the bounds' lengths do not fit the starting point")
	ErrConstraint       = errors.New("optimize: a constraint has no function or a negative length")
)

// consBox is a validated box: lo and up have the problem's length, with
// ±Inf where there is no bound.
type consBox struct {
	lo, up []float64
}

// optionalBox is box for the direct methods, which treat no bounds apart
// from infinite ones: nil when b is nil.
func (b *Bounds) optionalBox(n int) (*consBox, error) {
	if b == nil {
		return nil, nil
	}
	bx, err := b.box(n)
	if err != nil {
		return nil, err
	}
	return &bx, nil
}

// box validates b for n variables. A nil *Bounds is the unbounded box.
func (b *Bounds) box(n int) (consBox, error) {
	bx := consBox{lo: make([]float64, n), up: make([]float64, n)}
	for i := range n {
		bx.lo[i], bx.up[i] = math.Inf(-1), math.Inf(1)
	}
	if b == nil {
		return bx, nil
	}
	if (b.Lower != nil && len(b.Lower) != n) || (b.Upper != nil && len(b.Upper) != n) {
		return bx, ErrBoundsDimension
	}
	for i := range n {
		if b.Lower != nil && !math.IsNaN(b.Lower[i]) {
			bx.lo[i] = b.Lower[i]
		}
		if b.Upper != nil && !math.IsNaN(b.Upper[i]) {
			bx.up[i] = b.Upper[i]
		}
		if bx.lo[i] > bx.up[i] {
			return bx, fmt.Errorf("%w: variable %d has [%g, %g]", ErrInfeasibleBounds, i, bx.lo[i], bx.up[i])
		}
	}
	return bx, nil
}

// contains reports whether x lies in the box.
func (bx consBox) contains(x []float64) bool {
	for i, xi := range x {
		if xi < bx.lo[i] || xi > bx.up[i] {
			return false
		}
	}
	return true
}

// lineRange returns the step lengths [lo, hi] for which x + α·d stays in
// the box, looking only at the coordinates where d is not zero, as scipy's
// _line_for_search; when x is outside the box so that no step brings
// those coordinates in, it returns [0, 0].
func (bx consBox) lineRange(x, d []float64) (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	for i, di := range d {
		if di == 0 {
			continue
		}
		a, b := (bx.lo[i]-x[i])/di, (bx.up[i]-x[i])/di
		if di < 0 {
			a, b = b, a
		}
		lo, hi = math.Max(lo, a), math.Min(hi, b)
	}
	if hi < lo {
		return 0, 0
	}
	return lo, hi
}

// clip moves x into the box, as scipy's np.clip(x0, lb, ub).
func (bx consBox) clip(x []float64) {
	for i := range x {
		x[i] = math.Min(math.Max(x[i], bx.lo[i]), bx.up[i])
	}
}

// unbounded reports whether no variable has a finite bound.
func (bx consBox) unbounded() bool {
	for i := range bx.lo {
		if !math.IsInf(bx.lo[i], -1) || !math.IsInf(bx.up[i], 1) {
			return false
		}
	}
	return true
}

// consEps is the machine epsilon of float64.
const consEps = 2.220446049250313e-16

// consObjective evaluates an objective and its gradient the way scipy's
// ScalarFunction does, so that evaluation counts agree with scipy's: f and
// the gradient are memoized for the last x only, a missing gradient is
// approximated by finite differences inside the box (diff.Evals(n)
// evaluations of f, counted in nfev), and each gradient, exact or
// approximate, counts once in ngev.
type consObjective struct {
	f    Func
	grad Grad
	box  consBox
	diff *Differences

	x          []float64
	fx         float64
	g          []float64
	haveF      bool
	haveG      bool
	nfev, ngev int
	scratch    []float64
}

// newConsObjective returns the objective of p in box, whose missing
// gradient is approximated by p.differences(h).
func newConsObjective(p Problem, box consBox, h float64, n int) *consObjective {
	return &consObjective{f: p.Func, grad: p.Grad, box: box, diff: p.differences(h),
		x: make([]float64, n), g: make([]float64, n), scratch: make([]float64, n)}
}

// at moves the memo to x, forgetting f and g if x differs.
func (o *consObjective) at(x []float64) {
	for i := range x {
		if x[i] != o.x[i] {
			copy(o.x, x)
			o.haveF, o.haveG = false, false
			return
		}
	}
}

// value returns f(x).
func (o *consObjective) value(x []float64) float64 {
	o.at(x)
	if !o.haveF {
		o.nfev++
		copy(o.scratch, x)
		o.fx = o.f(o.scratch)
		o.haveF = true
	}
	return o.fx
}

// gradient returns the gradient at x; the slice is owned by o and changes
// with the next call.
func (o *consObjective) gradient(x []float64) []float64 {
	o.at(x)
	if o.haveG {
		return o.g
	}
	if o.grad != nil {
		o.ngev++
		copy(o.scratch, x)
		o.grad(o.scratch, o.g)
	} else {
		f0 := o.value(x)
		o.ngev++
		o.nfev += o.diff.Evals(len(x))
		copy(o.scratch, x)
		o.diff.gradient(o.f, o.scratch, f0, o.box, o.g)
	}
	o.haveG = true
	return o.g
}
