// Package interp interpolates between sampled points as numpy.interp,
// scipy.interpolate.interp1d and scipy.interpolate.CubicSpline do. The
// interpolants are plain Go values with an At method, so solvers, plots
// and the language can all evaluate them.
package interp

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// checkPoints checks that xp is strictly increasing, at least min points
// long, and as long as fp.
func checkPoints(name string, xp, fp []float64, min int) error {
	switch {
	case len(xp) != len(fp):
		return fmt.Errorf("%s: x and y differ in length (%d and %d)", name, len(xp), len(fp))
	case len(xp) < min:
		return fmt.Errorf("%s: needs at least %d points, got %d", name, min, len(xp))
	}
	for i := 1; i < len(xp); i++ {
		if !(xp[i] > xp[i-1]) {
			return fmt.Errorf("%s: x must be strictly increasing (x[%d] = %v after %v)", name, i, xp[i], xp[i-1])
		}
	}
	for i := range xp {
		if math.IsNaN(xp[i]) || math.IsInf(xp[i], 0) || math.IsInf(fp[i], 0) || math.IsNaN(fp[i]) {
			return fmt.Errorf("%s: the points must be finite", name)
		}
	}
	return nil
}

// Linear is numpy.interp's piecewise-linear interpolant through the points
// (XP[i], FP[i]), XP increasing, with Left and Right the values below
// XP[0] and above XP[len-1].
type Linear struct {
	XP, FP      []float64
	Left, Right float64
}

// NewLinear returns numpy.interp's interpolant through (xp, fp), with the
// end values outside (fp[0] and fp[len-1] as numpy's defaults). xp must
// increase; numpy does not check this (and returns nonsense), Linear does.
func NewLinear(xp, fp []float64, left, right float64) (*Linear, error) {
	if len(xp) == 0 {
		return nil, errors.New("interp: xp and fp must not be empty")
	}
	for i := 1; i < len(xp); i++ {
		if !(xp[i] >= xp[i-1]) {
			return nil, fmt.Errorf("interp: xp must be increasing (xp[%d] = %v after %v)", i, xp[i], xp[i-1])
		}
	}
	if len(xp) != len(fp) {
		return nil, fmt.Errorf("interp: xp and fp differ in length (%d and %d)", len(xp), len(fp))
	}
	return &Linear{XP: xp, FP: fp, Left: left, Right: right}, nil
}

// At returns the interpolant at x, computed as numpy's arr_interp does
// (numpy/core/src/multiarray/compiled_base.c), so to the bit: the slope
// of the interval times the offset from its left end, plus its left
// value, falling back to the right end where that gives NaN.
func (l *Linear) At(x float64) float64 {
	xp, fp := l.XP, l.FP
	n := len(xp)
	switch {
	case x != x:
		return x
	case x < xp[0]:
		return l.Left
	case x > xp[n-1]:
		return l.Right
	case x == xp[n-1]:
		return fp[n-1]
	}
	j := sort.Search(n, func(i int) bool { return xp[i] > x }) - 1
	if j == n-1 {
		return fp[j]
	}
	slope := (fp[j+1] - fp[j]) / (xp[j+1] - xp[j])
	y := slope*(x-xp[j]) + fp[j]
	if y != y {
		y = slope*(x-xp[j+1]) + fp[j+1]
		if y != y && fp[j] == fp[j+1] {
			y = fp[j]
		}
	}
	return y
}
