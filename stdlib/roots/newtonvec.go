package roots

import (
	"errors"
	"fmt"
	"math"
)

// NewtonVecResult is what NewtonVec found, scipy's full output of newton
// with an array x0.
type NewtonVecResult struct {
	Root []float64
	// Converged is true for each component whose last step was below
	// XTol; ZeroDer for each that stopped on a zero derivative (or, for
	// the secant method, equal values) without converging.
	Converged, ZeroDer []bool
	Iterations         int
	// Warning is scipy's warning ("some failed to converge after N
	// iterations", "some derivatives were zero", "RMS of r reached"), or
	// empty.
	Warning string
}

// ErrNewtonVec is NewtonVec's error when no component converged, scipy's
// RuntimeError "all failed to converge".
var ErrNewtonVec = errors.New("all failed to converge")

// NewtonVec solves n independent equations f_i(x_i) = 0 at once, as
// scipy's newton with an array x0 (_array_newton): f maps the vector of
// points to the vector of values, df (nil: the secant method) and d2f
// (nil: no Halley correction) give the elementwise derivatives. Every
// component takes its own Newton (Halley, secant) step each iteration;
// components whose derivative is zero are left where they are, and it
// stops when every other component's step is below XTol, or after MaxIter
// iterations. Each iteration costs one call of f (and of df, d2f) on the
// whole vector.
func NewtonVec(f, df, d2f func(x, y []float64), x0 []float64, s *NewtonSettings) (*NewtonVecResult, error) {
	tol, maxiter := 1.48e-8, 50
	if s != nil {
		if s.XTol != 0 {
			tol = s.XTol
		}
		if s.MaxIter != 0 {
			maxiter = s.MaxIter
		}
	}
	if !(tol > 0) || maxiter < 1 {
		return nil, errors.New("newton needs tol > 0 and maxiter >= 1")
	}
	n := len(x0)
	p := append([]float64(nil), x0...)
	failures, nz := make([]bool, n), make([]bool, n)
	for i := range failures {
		failures[i], nz[i] = true, true
	}
	fval, fder, fder2 := make([]float64, n), make([]float64, n), make([]float64, n)
	res := &NewtonVecResult{}
	var p1 []float64
	any := func(b []bool, mask []bool) bool {
		for i, v := range b {
			if v && (mask == nil || mask[i]) {
				return true
			}
		}
		return false
	}
	if df != nil {
		for it := 0; it < maxiter; it++ {
			res.Iterations = it + 1
			f(p, fval)
			allZero := true
			for _, v := range fval {
				if v != 0 {
					allZero = false
				}
			}
			if allZero {
				for i := range failures {
					failures[i] = false
				}
				break
			}
			df(p, fder)
			if d2f != nil {
				d2f(p, fder2)
			}
			anyNZ := false
			for i, d := range fder {
				nz[i] = d != 0
				anyNZ = anyNZ || nz[i]
			}
			if !anyNZ {
				break
			}
			for i := range p {
				if !nz[i] {
					continue
				}
				dp := fval[i] / fder[i]
				if d2f != nil {
					dp /= 1 - 0.5*dp*fder2[i]/fder[i]
				}
				p[i] -= dp
				failures[i] = !(math.Abs(dp) < tol)
			}
			if !any(failures, nz) {
				break
			}
		}
	} else {
		dx := math.Pow(0x1p-52, 0.33)
		p1 = make([]float64, n)
		for i, v := range p {
			if v >= 0 {
				p1[i] = v*(1+dx) + dx
			} else {
				p1[i] = v*(1+dx) - dx
			}
		}
		q0, q1 := make([]float64, n), make([]float64, n)
		f(p, q0)
		f(p1, q1)
		active := make([]bool, n)
		for i := range active {
			active[i] = true
		}
		for it := 0; it < maxiter; it++ {
			res.Iterations = it + 1
			anyNZ := false
			for i := range nz {
				nz[i] = q1[i] != q0[i]
				anyNZ = anyNZ || nz[i]
			}
			if !anyNZ {
				for i := range p {
					p[i] = (p1[i] + p[i]) / 2
				}
				break
			}
			for i := range p {
				switch {
				case nz[i]:
					dp := q1[i] * (p1[i] - p[i]) / (q1[i] - q0[i])
					p[i] = p1[i] - dp
					failures[i] = !(math.Abs(dp) < tol)
				case active[i]:
					p[i] = (p1[i] + p[i]) / 2
				}
				active[i] = active[i] && nz[i]
			}
			if !any(failures, nz) {
				break
			}
			p1, p = p, p1
			q0, q1 = q1, q0
			f(p1, q1)
		}
	}
	res.Root = p
	res.Converged, res.ZeroDer = make([]bool, n), make([]bool, n)
	zeroDer := false
	for i := range p {
		res.Converged[i] = !failures[i]
		res.ZeroDer[i] = !nz[i] && failures[i]
		zeroDer = zeroDer || res.ZeroDer[i]
	}
	allOrSome := func(b []bool) string {
		for _, v := range b {
			if !v {
				return "some"
			}
		}
		return "all"
	}
	switch {
	case zeroDer && df == nil:
		sum := 0.0
		for i := range p {
			if res.ZeroDer[i] && p1[i] != p[i] {
				sum += (p1[i] - p[i]) * (p1[i] - p[i])
			}
		}
		if sum > 0 {
			res.Warning = fmt.Sprintf("RMS of %g reached", math.Sqrt(sum))
		}
	case zeroDer:
		res.Warning = allOrSome(res.ZeroDer) + " derivatives were zero"
	case any(failures, nil):
		if allOrSome(failures) == "all" {
			return res, fmt.Errorf("%w after %d iterations", ErrNewtonVec, maxiter)
		}
		res.Warning = fmt.Sprintf("some failed to converge after %d iterations", maxiter)
	}
	return res, nil
}
