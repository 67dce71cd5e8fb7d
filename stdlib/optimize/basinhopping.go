package optimize

import (
	"errors"
	"math"
	"math/rand/v2"
)

// BasinHoppingSettings tunes BasinHopping. The zero value means
// scipy.optimize.basinhopping's defaults, with seed 0.
type BasinHoppingSettings struct {
	// NIter is the number of hops. Zero means scipy's 100.
	NIter int
	// T is the Metropolis temperature: a hop up by Δf is accepted with
	// probability exp(−Δf/T). Zero means scipy's 1.
	T float64
	// StepSize is the initial half-width of the uniform displacement of
	// every coordinate. Zero means scipy's 0.5.
	StepSize float64
	// Interval is how many hops pass between adjustments of StepSize.
	// Zero means scipy's 50.
	Interval int
	// TargetAcceptRate is the acceptance rate the adjustment aims at:
	// above it the step grows by 1/StepwiseFactor, otherwise it shrinks
	// by StepwiseFactor. Zero means scipy's 0.5.
	TargetAcceptRate float64
	// StepwiseFactor is the adjustment's factor, in (0, 1). Zero means
	// scipy's 0.9.
	StepwiseFactor float64
	// NIterSuccess stops after this many hops without a new global
	// minimum. Zero means never (scipy's niter + 2).
	NIterSuccess int
	// Seed seeds the random generator, a PCG from math/rand/v2
	// (rand.NewPCG(Seed, 0)); the same seed gives the same run.
	Seed uint64
	// Local quenches each hop. Nil means scipy's default, minimize's
	// BFGS at its defaults, with forward-difference gradients.
	Local LocalMinimizer
}

// BasinHopping looks for the global minimum of f by basin hopping (Wales
// and Doye, "Global optimization by basin-hopping and the lowest energy
// structures of Lennard-Jones clusters containing up to 110 atoms",
// J. Phys. Chem. A 101, 1997), as scipy.optimize.basinhopping: it
// minimizes locally from x0, then NIter times displaces the current
// minimum by a uniform random step in [−StepSize, StepSize]ⁿ, minimizes
// locally from there, and accepts the new minimum by the Metropolis
// criterion at temperature T. Every Interval hops the step size is
// adjusted toward TargetAcceptRate. The cost is NIter + 1 local
// minimizations.
//
// The result is the lowest minimum seen, with its local minimizer's
// Success; Iterations counts the hops and FuncEvals and GradEvals sum
// the local minimizations'. A hop to a NaN value is rejected (scipy
// would accept it). Results will not equal scipy's draw for draw, its
// generator being numpy's.
func BasinHopping(f Func, x0 []float64, s *BasinHoppingSettings) (*Result, error) {
	if err := vecCheckStart(x0); err != nil {
		return nil, err
	}
	var set BasinHoppingSettings
	if s != nil {
		set = *s
	}
	if set.NIter == 0 {
		set.NIter = 100
	}
	if set.T == 0 {
		set.T = 1
	}
	if set.StepSize == 0 {
		set.StepSize = 0.5
	}
	if set.Interval == 0 {
		set.Interval = 50
	}
	if set.TargetAcceptRate == 0 {
		set.TargetAcceptRate = 0.5
	}
	if set.StepwiseFactor == 0 {
		set.StepwiseFactor = 0.9
	}
	if set.NIterSuccess == 0 {
		set.NIterSuccess = set.NIter + 2
	}
	if set.Local == nil {
		set.Local = func(f Func, x0 []float64) (*Result, error) { return BFGS(Problem{Func: f}, x0, nil) }
	}
	switch {
	case set.NIter < 0 || set.Interval < 0 || set.NIterSuccess < 0 || !(set.T > 0) || !(set.StepSize > 0):
		return nil, errors.New("optimize: basinhopping needs positive NIter, T, StepSize, Interval and NIterSuccess")
	case !(set.TargetAcceptRate > 0 && set.TargetAcceptRate < 1):
		return nil, errors.New("optimize: target_accept_rate has to be in range (0, 1)")
	case !(set.StepwiseFactor > 0 && set.StepwiseFactor < 1):
		return nil, errors.New("optimize: stepwise_factor has to be in range (0, 1)")
	}
	rng := rand.New(rand.NewPCG(set.Seed, 0))

	res := &Result{}
	quench := func(x []float64) (*Result, error) {
		m, err := set.Local(f, x)
		if err != nil {
			return nil, err
		}
		res.FuncEvals += m.FuncEvals
		res.GradEvals += m.GradEvals
		res.HessEvals += m.HessEvals
		return m, nil
	}
	cur, err := quench(append([]float64(nil), x0...))
	if err != nil {
		return nil, err
	}
	best := cur
	stepSize := set.StepSize
	var nstep, naccept int
	res.Message = "requested number of basinhopping iterations completed successfully"
	count := 0
	for i := 0; i < set.NIter; i++ {
		res.Iterations = i + 1
		// scipy's AdaptiveStepsize adjusts before the step it counts.
		if nstep++; nstep%set.Interval == 0 {
			if float64(naccept)/float64(nstep) > set.TargetAcceptRate {
				stepSize /= set.StepwiseFactor
			} else {
				stepSize *= set.StepwiseFactor
			}
		}
		trial := make([]float64, len(x0)) // the minimizer may keep it as its X
		for k := range trial {
			trial[k] = cur.X[k] + stepSize*(2*rng.Float64()-1)
		}
		m, err := quench(trial)
		if err != nil {
			return nil, err
		}
		w := math.Exp(math.Min(0, -(m.F-cur.F)/set.T))
		newBest := false
		if accept := w >= rng.Float64(); accept {
			naccept++
			cur = m
			if m.F < best.F {
				best, newBest = m, true
			}
		}
		if count++; newBest {
			count = 0
		} else if count > set.NIterSuccess {
			res.Message = "success condition satisfied"
			break
		}
	}
	res.X = append([]float64(nil), best.X...)
	res.F = best.F
	res.Grad = best.Grad
	res.Success = best.Success
	res.Status = best.Status
	return res, nil
}
