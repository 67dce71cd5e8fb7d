package optimize

import (
	"errors"
	"math"
)

// Scheme is a finite-difference formula, scipy's approx_derivative method.
type Scheme int

// The finite-difference schemes, with their evaluations per Jacobian of n
// columns.
const (
	// TwoPoint is scipy's "2-point": forward differences, backward where
	// the forward step would leave the bounds; n evaluations.
	TwoPoint Scheme = iota
	// ThreePoint is scipy's "3-point": central differences, one-sided
	// (second order) next to a bound; 2n evaluations.
	ThreePoint
	// ComplexStep is scipy's "cs": Im f(x + ih·e_j)/h, exact to rounding
	// for a function analytic in each variable; n evaluations at complex
	// points.
	ComplexStep
)

// The default relative steps of the schemes, scipy's _eps_for_method:
// ε^(1/2) for TwoPoint and ComplexStep, ε^(1/3) for ThreePoint, written as
// numpy computes them (EPS**0.5, EPS**(1/3)).
const (
	relStepSqrtEps = 1.4901161193847656e-08
	relStepCbrtEps = 6.055454452393343e-06
)

// Differences says how a derivative that is not given is approximated,
// as scipy's approx_derivative does: the scheme and the step. The step h
// of variable j is AbsStep when set (scipy's abs_step, which minimize's
// eps option gives when jac is None); else RelStep·sign(x_j)·|x_j|
// (scipy's rel_step); else the scheme's default relative step
// r·sign(x_j)·max(1, |x_j|). A step that vanishes next to a huge x_j
// falls back to the default. Steps are then fitted into the bounds as
// scipy's _adjust_scheme_to_bounds does.
type Differences struct {
	Scheme  Scheme
	AbsStep float64
	RelStep float64
	// Complex evaluates the function at a complex point, writing its
	// values into out (one value for an objective); ComplexStep needs it.
	Complex func(x, out []complex128)
}

// ErrComplexStep is the error of ComplexStep without a complex evaluation.
var ErrComplexStep = errors.New("optimize: complex-step differences need the function at complex points")

// Evals returns how many evaluations of the function one Jacobian of n
// columns costs.
func (d *Differences) Evals(n int) int {
	if d.Scheme == ThreePoint {
		return 2 * n
	}
	return n
}

// check reports a ComplexStep without a complex evaluation.
func (d *Differences) check() error {
	if d != nil && d.Scheme == ComplexStep && d.Complex == nil {
		return ErrComplexStep
	}
	return nil
}

// forConstraints are the differences for a constraint without a
// Jacobian: d, except that complex steps become TwoPoint ones with d's
// relative step, constraints having no complex form.
func (d *Differences) forConstraints() *Differences {
	if d.Scheme == ComplexStep {
		return &Differences{RelStep: d.RelStep}
	}
	return d
}

// defaultRelStep is the scheme's relative step when none is given.
func (d *Differences) defaultRelStep() float64 {
	if d.Scheme == ThreePoint {
		return relStepCbrtEps
	}
	return relStepSqrtEps
}

// step is approx_derivative's h for x, before fitting it into bounds.
func (d *Differences) step(x float64) float64 {
	sign := 1.0
	if x < 0 {
		sign = -1
	}
	fallback := d.defaultRelStep() * sign * math.Max(1, math.Abs(x))
	h := fallback
	switch {
	case d.AbsStep != 0:
		h = d.AbsStep
	case d.RelStep != 0:
		h = d.RelStep * sign * math.Abs(x)
	default:
		return h
	}
	if (x+h)-x == 0 {
		return fallback
	}
	return h
}

// fitStep is scipy's _adjust_scheme_to_bounds for one variable at x in
// [lo, up] with step h: the step to take and whether the difference is
// one-sided. TwoPoint reverses a step that leaves the bounds when the
// reversed one fits, else steps to the farther bound; ThreePoint takes
// |h| centrally when both sides fit, else one-sided towards the farther
// bound, each of its two steps at most half the room.
func (d *Differences) fitStep(x, h, lo, up float64) (float64, bool) {
	if d.Scheme == ThreePoint {
		h = math.Abs(h)
	}
	if math.IsInf(lo, -1) && math.IsInf(up, 1) || d.Scheme == ComplexStep {
		return h, d.Scheme == TwoPoint
	}
	lower, upper := x-lo, up-x
	if d.Scheme == TwoPoint {
		fits := math.Abs(h) <= math.Max(lower, upper)
		switch t := x + h; {
		case !fits && upper >= lower:
			h = upper
		case !fits:
			h = -lower
		case t < lo || t > up:
			h = -h
		}
		return h, true
	}
	if lower >= h && upper >= h {
		return h, false
	}
	if upper >= lower {
		h = math.Min(h, 0.5*upper)
	} else {
		h = -math.Min(h, 0.5*lower)
	}
	if minDist := math.Min(upper, lower); math.Abs(h) <= minDist {
		return minDist, false
	}
	return h, true
}

// jacobian writes the m×n Jacobian of fun at x, row-major, into jac, from
// f0 = fun(x) (m values), with the steps fitted into box (whose slices may
// be nil for no bounds), exactly as scipy's approx_derivative; each column
// is the difference quotient over the representable step. It perturbs x
// in place and restores it. It makes d.Evals(n) calls of fun, or for
// ComplexStep n calls of d.Complex.
func (d *Differences) jacobian(fun func(x, out []float64), x, f0 []float64, box consBox, jac []float64) {
	n, m := len(x), len(f0)
	f1, f2 := make([]float64, m), make([]float64, m)
	var z, fz []complex128
	if d.Scheme == ComplexStep {
		z, fz = make([]complex128, n), make([]complex128, m)
		for i, v := range x {
			z[i] = complex(v, 0)
		}
	}
	lo, up := math.Inf(-1), math.Inf(1)
	for j, xj := range x {
		if box.lo != nil {
			lo, up = box.lo[j], box.up[j]
		}
		h, oneSided := d.fitStep(xj, d.step(xj), lo, up)
		at := func(v float64, out []float64) {
			x[j] = v
			fun(x, out)
		}
		var dx float64
		switch {
		case d.Scheme == ComplexStep:
			z[j] = complex(xj, h)
			d.Complex(z, fz)
			z[j] = complex(xj, 0)
			for i, v := range fz {
				f1[i] = imag(v)
			}
			dx = h
		case d.Scheme == TwoPoint:
			at(xj+h, f1)
			dx = x[j] - xj
			for i := range f1 {
				f1[i] -= f0[i]
			}
		case oneSided:
			at(xj+h, f1)
			at(xj+2*h, f2)
			dx = x[j] - xj
			for i := range f1 {
				f1[i] = -3*f0[i] + 4*f1[i] - f2[i]
			}
		default:
			at(xj-h, f1)
			lower := x[j]
			at(xj+h, f2)
			dx = x[j] - lower
			for i := range f1 {
				f1[i] = f2[i] - f1[i]
			}
		}
		x[j] = xj
		for i := range m {
			jac[i*n+j] = f1[i] / dx
		}
	}
}

// Jacobian writes the m×n Jacobian of fun at x, row-major, into jac,
// from f0 = fun(x) (m values), without bounds, as jacobian does.
func (d *Differences) Jacobian(fun func(x, out []float64), x, f0, jac []float64) error {
	if err := d.check(); err != nil {
		return err
	}
	d.jacobian(fun, append([]float64(nil), x...), f0, consBox{}, jac)
	return nil
}

// gradient writes the gradient of the objective f at x into g, from
// f0 = f(x), within box, as jacobian does for one value.
func (d *Differences) gradient(f Func, x []float64, f0 float64, box consBox, g []float64) {
	d.jacobian(func(x, out []float64) { out[0] = f(x) }, x, []float64{f0}, box, g)
}
