package interp

import (
	"fmt"
	"math"
	"sort"
)

// Interp1d is scipy.interpolate.interp1d's interpolant of kind "linear",
// "nearest" or "cubic" through points with increasing X. Outside
// [X[0], X[n-1]] it gives Fill when set (scipy's fill_value), and an error
// otherwise (scipy's bounds_error).
type Interp1d struct {
	X, Y   []float64
	Kind   string
	Fill   float64
	Bounds bool // out-of-range x is an error
	spline *Spline
}

// NewInterp1d returns the interpolant of the given kind through (x, y).
// "cubic" is the not-a-knot cubic spline, which is what scipy's
// make_interp_spline(k=3) builds.
func NewInterp1d(x, y []float64, kind string) (*Interp1d, error) {
	min := map[string]int{"linear": 2, "nearest": 1, "cubic": 4}[kind]
	if min == 0 {
		return nil, fmt.Errorf("interp1d: unknown kind %q (kinds: linear, nearest, cubic)", kind)
	}
	if err := checkPoints("interp1d", x, y, min); err != nil {
		return nil, err
	}
	f := &Interp1d{X: x, Y: y, Kind: kind, Fill: math.NaN(), Bounds: true}
	if kind == "cubic" {
		sp, err := NewCubicSpline(x, y, NotAKnot, NotAKnot, false)
		if err != nil {
			return nil, err
		}
		f.spline = sp
	}
	return f, nil
}

// Derivative returns the nu-th derivative of the interpolant at x (nu = 0
// for its value): the slope of the linear piece, zero for nearest, the
// spline's for cubic. Out of range it is Fill's (0 for a derivative), or
// an error when Bounds is set.
func (f *Interp1d) Derivative(x float64, nu int) (float64, error) {
	if nu == 0 {
		return f.At(x)
	}
	xs, n := f.X, len(f.X)
	if x < xs[0] || x > xs[n-1] {
		if f.Bounds {
			return 0, fmt.Errorf("interp1d: %v is outside the interpolation range [%v, %v]", x, xs[0], xs[n-1])
		}
		return 0, nil
	}
	switch {
	case f.Kind == "cubic":
		return f.spline.At(x, nu), nil
	case f.Kind == "nearest" || nu > 1:
		return 0, nil
	}
	j := max(0, min(sort.Search(n, func(i int) bool { return xs[i] > x })-1, n-2))
	return (f.Y[j+1] - f.Y[j]) / (xs[j+1] - xs[j]), nil
}

// At returns the interpolant at x, or an error for an x out of range when
// Bounds is set.
func (f *Interp1d) At(x float64) (float64, error) {
	xs, n := f.X, len(f.X)
	if x < xs[0] || x > xs[n-1] {
		if f.Bounds {
			return 0, fmt.Errorf("interp1d: %v is outside the interpolation range [%v, %v]", x, xs[0], xs[n-1])
		}
		return f.Fill, nil
	}
	switch f.Kind {
	case "nearest":
		// scipy: the first midpoint x_bds[i] = (x[i] + x[i+1])/2 at or
		// above x; halfway rounds down.
		i := sort.Search(n-1, func(i int) bool { return (xs[i]+xs[i+1])/2 >= x })
		return f.Y[i], nil
	case "cubic":
		return f.spline.At(x, 0), nil
	}
	// scipy hands the linear kind to numpy.interp.
	return (&Linear{XP: xs, FP: f.Y}).At(x), nil
}
