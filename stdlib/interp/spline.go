package interp

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// Boundary is one end's condition of a cubic spline, as scipy's bc_type:
// the spline's Order-th derivative (1 or 2) equals Value there, or, with
// Order 0, the not-a-knot condition (the third derivative is continuous
// at the second point from that end).
type Boundary struct {
	Order int
	Value float64
}

// The named boundary conditions of scipy.interpolate.CubicSpline.
var (
	NotAKnot = Boundary{}
	Natural  = Boundary{Order: 2}
	Clamped  = Boundary{Order: 1}
)

// Spline is a piecewise cubic: on [X[i], X[i+1]] it is
// ((C[i][0]·t + C[i][1])·t + C[i][2])·t + C[i][3] with t = x - X[i], as
// scipy's PPoly with c[:, i]. Outside [X[0], X[n-1]] the end pieces
// extend (scipy's extrapolate=True), or, when Periodic, x wraps around
// (scipy's extrapolate='periodic').
type Spline struct {
	X        []float64
	C        [][4]float64
	Periodic bool
}

// NewCubicSpline returns the cubic spline through (x, y) with two
// continuous derivatives and the given end conditions, as
// scipy.interpolate.CubicSpline. periodic asks for scipy's 'periodic'
// condition instead (y[0] must equal y[n-1]). The slopes at the points
// solve scipy's tridiagonal system (made cyclic for periodic), by LAPACK's
// gtsv with partial pivoting (a dense solve for periodic); two points
// give the straight line, and three with not-a-knot at both ends the
// parabola, as in scipy. It costs O(n) (O(n³) periodic).
func NewCubicSpline(x, y []float64, start, end Boundary, periodic bool) (*Spline, error) {
	if err := checkPoints("CubicSpline", x, y, 2); err != nil {
		return nil, err
	}
	n := len(x)
	if periodic && y[0] != y[n-1] {
		return nil, fmt.Errorf("CubicSpline: a periodic spline needs y[0] = y[-1], got %v and %v", y[0], y[n-1])
	}
	dx := make([]float64, n-1)
	slope := make([]float64, n-1)
	for i := range dx {
		dx[i] = x[i+1] - x[i]
		slope[i] = (y[i+1] - y[i]) / dx[i]
	}
	s := make([]float64, n)
	switch {
	case periodic:
		if n == 2 {
			s[0], s[1] = 0, 0
			break
		}
		// Unknowns s[0..n-2]; s[n-1] = s[0]. Row i couples the intervals
		// i-1 and i, cyclically.
		m := n - 1
		A := mat.NewDense(m, m, nil)
		b := mat.NewVecDense(m, nil)
		for i := range m {
			prev := (i + m - 1) % m
			A.Set(i, prev, A.At(i, prev)+dx[i])
			A.Set(i, i, A.At(i, i)+2*(dx[prev]+dx[i]))
			A.Set(i, (i+1)%m, A.At(i, (i+1)%m)+dx[prev])
			b.SetVec(i, 3*(dx[i]*slope[prev]+dx[prev]*slope[i]))
		}
		var sol mat.VecDense
		if err := sol.SolveVec(A, b); err != nil {
			return nil, errors.New("CubicSpline: the periodic system is singular")
		}
		for i := range m {
			s[i] = sol.AtVec(i)
		}
		s[n-1] = s[0]
		sp := hermite(x, y, s)
		sp.Periodic = true
		return sp, nil
	case n == 2 && start == NotAKnot && end == NotAKnot:
		s[0], s[1] = slope[0], slope[0]
	case n == 3 && start == NotAKnot && end == NotAKnot:
		// The parabola through the three points.
		A := mat.NewDense(3, 3, []float64{1, 1, 0, dx[1], 2 * (dx[0] + dx[1]), dx[0], 0, 1, 1})
		b := mat.NewVecDense(3, []float64{2 * slope[0], 3 * (dx[0]*slope[1] + dx[1]*slope[0]), 2 * slope[1]})
		var sol mat.VecDense
		if err := sol.SolveVec(A, b); err != nil {
			return nil, errors.New("CubicSpline: singular system")
		}
		copy(s, sol.RawVector().Data)
	default:
		if n == 2 && (start == NotAKnot || end == NotAKnot) {
			return nil, errors.New("CubicSpline: not-a-knot at one end needs at least 3 points")
		}
		dl, d, du := make([]float64, n-1), make([]float64, n), make([]float64, n-1)
		for i := 1; i < n-1; i++ {
			dl[i-1] = dx[i]
			d[i] = 2 * (dx[i-1] + dx[i])
			du[i] = dx[i-1]
			s[i] = 3 * (dx[i]*slope[i-1] + dx[i-1]*slope[i])
		}
		switch start.Order {
		case 0:
			w := x[2] - x[0]
			d[0], du[0] = dx[1], w
			s[0] = ((dx[0]+2*w)*dx[1]*slope[0] + dx[0]*dx[0]*slope[1]) / w
		case 1:
			d[0], du[0] = 1, 0
			s[0] = start.Value
		case 2:
			d[0], du[0] = 2*dx[0], dx[0]
			s[0] = -0.5*start.Value*dx[0]*dx[0] + 3*(y[1]-y[0])
		}
		switch end.Order {
		case 0:
			w := x[n-1] - x[n-3]
			d[n-1], dl[n-2] = dx[n-3], w
			s[n-1] = (dx[n-2]*dx[n-2]*slope[n-3] + (2*w+dx[n-2])*dx[n-3]*slope[n-2]) / w
		case 1:
			d[n-1], dl[n-2] = 1, 0
			s[n-1] = end.Value
		case 2:
			d[n-1], dl[n-2] = 2*dx[n-2], dx[n-2]
			s[n-1] = 0.5*end.Value*dx[n-2]*dx[n-2] + 3*(y[n-1]-y[n-2])
		}
		ok := lapack64.Gtsv(blas.NoTrans, lapack64.Tridiagonal{N: n, DL: dl, D: d, DU: du},
			blas64.General{Rows: n, Cols: 1, Stride: 1, Data: s})
		if !ok {
			return nil, errors.New("CubicSpline: singular system")
		}
	}
	return hermite(x, y, s), nil
}

// hermite returns the piecewise cubic with values y and slopes s at the
// points x, in scipy's CubicHermiteSpline form.
func hermite(x, y, s []float64) *Spline {
	c := make([][4]float64, len(x)-1)
	for i := range c {
		dx := x[i+1] - x[i]
		slope := (y[i+1] - y[i]) / dx
		t := (s[i] + s[i+1] - 2*slope) / dx
		c[i] = [4]float64{t / dx, (slope-s[i])/dx - t, s[i], y[i]}
	}
	return &Spline{X: x, C: c}
}

// piece returns the index of the piece that x falls in: the last i with
// X[i] ≤ x, clamped to the first and the last piece (NaN goes to the
// last, and gives NaN).
func (sp *Spline) piece(x float64) int {
	i := sort.Search(len(sp.X), func(i int) bool { return sp.X[i] > x }) - 1
	return max(0, min(i, len(sp.C)-1))
}

// At returns the spline's nu-th derivative (0 to 3; higher ones are 0) at
// x.
func (sp *Spline) At(x float64, nu int) float64 {
	if lo, hi := sp.X[0], sp.X[len(sp.X)-1]; sp.Periodic && (x < lo || x > hi) {
		x = lo + math.Mod(x-lo, hi-lo)
		if x < lo {
			x += hi - lo
		}
	}
	i := sp.piece(x)
	t := x - sp.X[i]
	c := sp.C[i]
	switch nu {
	case 0:
		return ((c[0]*t+c[1])*t+c[2])*t + c[3]
	case 1:
		return (3*c[0]*t+2*c[1])*t + c[2]
	case 2:
		return 6*c[0]*t + 2*c[1]
	case 3:
		return 6 * c[0]
	}
	return 0 * t
}
