package optimize

import (
	"errors"
	"fmt"
	"math"
)

// LocalMinimizer is a local method that the global methods (Brute's
// polish, BasinHopping's quench, DualAnnealing's local search) call on f
// from x0. Any of the package's minimizers fits with a closure, e.g.
//
//	func(f Func, x0 []float64) (*Result, error) { return NelderMead(f, x0, nil) }
type LocalMinimizer func(f Func, x0 []float64) (*Result, error)

// Range is one variable's grid for Brute. With Step zero it holds Ns
// points from Lo to Hi inclusive, scipy's (lo, hi) tuple; with Step > 0
// it holds Lo, Lo+Step, … below Hi, scipy's slice(lo, hi, step).
type Range struct {
	Lo, Hi, Step float64
}

// BruteSettings tunes Brute. The zero value means scipy.optimize.brute's
// defaults.
type BruteSettings struct {
	// Ns is the number of grid points of a Range without a Step. Zero
	// means scipy's 20.
	Ns int
	// Finish polishes the best grid point. Nil means scipy's fmin,
	// Nelder–Mead at its defaults.
	Finish LocalMinimizer
	// NoFinish keeps the best grid point, as scipy's finish=None.
	NoFinish bool
}

// BruteResult is what Brute found. The embedded Result has X and F (after
// the polish, if any, whose Status, Success and Message it carries),
// and FuncEvals counting the grid and the polish.
type BruteResult struct {
	Result
	// Grid holds each variable's grid points.
	Grid [][]float64
	// Jout holds f on the grid, flattened with the last variable
	// varying fastest (C order, scipy's Jout.ravel()).
	Jout []float64
	// GridX and GridF are the best grid point and its value, before the
	// polish.
	GridX []float64
	GridF float64
}

// ErrBruteRanges reports ranges that Brute cannot grid.
var ErrBruteRanges = errors.New("optimize: brute needs 1 to 40 ranges, each with finite ends, holding at least one point")

// Brute minimizes f by evaluating it on the Cartesian product of the
// ranges' grids and, unless NoFinish, polishing the best point with a
// local method, as scipy.optimize.brute. The grid's first minimum in C
// order wins ties. It costs ∏ len(grid_k) evaluations plus the polish,
// so it suits a few variables or a coarse look before a local method.
func Brute(f Func, ranges []Range, s *BruteSettings) (*BruteResult, error) {
	var set BruteSettings
	if s != nil {
		set = *s
	}
	if set.Ns == 0 {
		set.Ns = 20
	}
	if len(ranges) == 0 || len(ranges) > 40 || set.Ns < 1 {
		return nil, ErrBruteRanges
	}
	res := &BruteResult{Grid: make([][]float64, len(ranges))}
	total := 1
	for k, r := range ranges {
		g, err := bruteAxis(r, set.Ns)
		if err != nil {
			return nil, err
		}
		res.Grid[k] = g
		total *= len(g)
	}

	n := len(ranges)
	x := make([]float64, n)
	idx := make([]int, n)
	res.Jout = make([]float64, total)
	best := 0
	for i := 0; i < total; i++ {
		for k := range x {
			x[k] = res.Grid[k][idx[k]]
		}
		res.Jout[i] = f(x)
		// NaN never wins, as in numpy's argmin unless all are NaN.
		if res.Jout[i] < res.Jout[best] || math.IsNaN(res.Jout[best]) && !math.IsNaN(res.Jout[i]) {
			best = i
		}
		for k := n - 1; k >= 0; k-- {
			if idx[k]++; idx[k] < len(res.Grid[k]) {
				break
			}
			idx[k] = 0
		}
	}
	res.FuncEvals = total
	res.GridX = make([]float64, n)
	for k, rem := n-1, best; k >= 0; k-- {
		res.GridX[k] = res.Grid[k][rem%len(res.Grid[k])]
		rem /= len(res.Grid[k])
	}
	res.GridF = res.Jout[best]
	res.X, res.F = append([]float64(nil), res.GridX...), res.GridF
	res.Status, res.Success, res.Message = Success, true, MsgSuccess
	if set.NoFinish {
		return res, nil
	}

	finish := set.Finish
	if finish == nil {
		finish = func(f Func, x0 []float64) (*Result, error) { return NelderMead(f, x0, nil) }
	}
	pol, err := finish(f, res.GridX)
	if err != nil {
		return nil, err
	}
	res.X, res.F = pol.X, pol.F
	res.Status, res.Success, res.Message = pol.Status, pol.Success, pol.Message
	res.Iterations = pol.Iterations
	res.FuncEvals += pol.FuncEvals
	res.GradEvals = pol.GradEvals
	return res, nil
}

// bruteAxis is numpy's mgrid along one range: start + i·step, with
// step = (hi − lo)/(Ns − 1) for Ns points, or the given step for
// ceil((hi − lo)/step) points.
func bruteAxis(r Range, ns int) ([]float64, error) {
	if math.IsNaN(r.Lo) || math.IsInf(r.Lo, 0) || math.IsNaN(r.Hi) || math.IsInf(r.Hi, 0) || r.Step < 0 || math.IsNaN(r.Step) {
		return nil, ErrBruteRanges
	}
	count, step := ns, 0.0
	if r.Step > 0 {
		count = int(math.Ceil((r.Hi - r.Lo) / r.Step))
		step = r.Step
	} else if ns > 1 {
		step = (r.Hi - r.Lo) / float64(ns-1)
	}
	if count < 1 || count > 1<<24 {
		return nil, fmt.Errorf("%w: %+v gives %d points", ErrBruteRanges, r, count)
	}
	g := make([]float64, count)
	for i := range g {
		g[i] = float64(i)*step + r.Lo
	}
	return g, nil
}
