package optimize

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// DESettings are the options of DifferentialEvolution. The zero value
// means scipy's defaults.
type DESettings struct {
	// Strategy is scipy's name of the mutation and crossover: best1bin
	// (the default), best1exp, rand1bin, rand1exp, rand2bin, rand2exp,
	// best2bin, best2exp, currenttobest1bin, currenttobest1exp,
	// randtobest1bin, randtobest1exp.
	Strategy string
	// MaxIter is the number of generations; zero means 1000.
	MaxIter int
	// PopSize multiplies the number of variables to give the population;
	// zero means 15.
	PopSize int
	// Tol and ATol stop the search when the standard deviation of the
	// population's values is at most ATol + Tol·|their mean|; zero Tol
	// means 0.01 (ATol's default is 0).
	Tol, ATol float64
	// MutationLo and MutationHi are the range of the differential weight
	// F, drawn anew each generation (dithering); equal values fix it.
	// Zero means scipy's (0.5, 1).
	MutationLo, MutationHi float64
	// Recombination is the crossover probability CR; zero means 0.7.
	Recombination float64
	// Seed seeds the generator, a PCG from math/rand/v2 (rand.NewPCG(Seed,
	// 0)): the same seed gives the same run, though not scipy's, whose
	// generator differs.
	Seed uint64
	// NoPolish skips the final L-BFGS-B from the best member (scipy's
	// polish=False).
	NoPolish bool
	// Polish is the local minimizer of the final polish within the
	// bounds; nil means L-BFGS-B with finite differences.
	Polish func(f Func, x0 []float64, b *Bounds) (*Result, error)
	// Init is "latinhypercube" (the default) or "random".
	Init string
}

// deStrategies maps scipy's strategy names to the base vector and the
// number of difference pairs they use, and whether crossover is
// exponential.
var deStrategies = map[string]struct {
	base  string // "best", "rand", "current-to-best", "rand-to-best"
	pairs int
	exp   bool
}{
	"best1bin": {"best", 1, false}, "best1exp": {"best", 1, true},
	"rand1bin": {"rand", 1, false}, "rand1exp": {"rand", 1, true},
	"rand2bin": {"rand", 2, false}, "rand2exp": {"rand", 2, true},
	"best2bin": {"best", 2, false}, "best2exp": {"best", 2, true},
	"currenttobest1bin": {"current-to-best", 1, false}, "currenttobest1exp": {"current-to-best", 1, true},
	"randtobest1bin": {"rand-to-best", 1, false}, "randtobest1exp": {"rand-to-best", 1, true},
}

// DifferentialEvolution finds a global minimum of f over the box
// [lower, upper] by differential evolution (R. Storn and K. Price,
// Journal of Global Optimization 11, 1997), as scipy's
// differential_evolution in scipy 1.10 with updating="immediate": a
// population of PopSize·n points, spread by a Latin hypercube, evolves;
// each member is challenged by a trial made from a base vector plus F
// times differences of other members (mutation), mixed with the member
// coordinate by coordinate with probability CR (crossover), and replaced
// at once when the trial is no worse. It stops when the population's
// values agree to Tol, or after MaxIter generations, and then polishes
// the best member with a bounded local minimizer. It costs PopSize·n
// evaluations per generation and uses no derivatives; it is robust on
// multimodal problems of a few to a few tens of variables. Status is
// MaxIterations when the generations ran out; the polish's evaluations
// are counted.
func DifferentialEvolution(f Func, lower, upper []float64, s *DESettings) (*Result, error) {
	if s == nil {
		s = &DESettings{}
	}
	n := len(lower)
	if n == 0 || len(upper) != n {
		return nil, errors.New("optimize: differential_evolution: bounds should be a sequence of (min, max) pairs for each value in x")
	}
	for i := range n {
		if math.IsInf(lower[i], 0) || math.IsInf(upper[i], 0) || math.IsNaN(lower[i]) || math.IsNaN(upper[i]) {
			return nil, errors.New("optimize: differential_evolution: bounds should be finite")
		}
		if lower[i] > upper[i] {
			return nil, fmt.Errorf("optimize: differential_evolution: the lower bound %g of variable %d is above its upper bound %g", lower[i], i, upper[i])
		}
	}
	name := s.Strategy
	if name == "" {
		name = "best1bin"
	}
	strat, ok := deStrategies[name]
	if !ok {
		names := make([]string, 0, len(deStrategies))
		for k := range deStrategies {
			names = append(names, k)
		}
		slices.Sort(names)
		return nil, fmt.Errorf("optimize: differential_evolution: unknown strategy %q (%s)", name, strings.Join(names, ", "))
	}
	maxIter, popSize, tol, cr := s.MaxIter, s.PopSize, s.Tol, s.Recombination
	if maxIter == 0 {
		maxIter = 1000
	}
	if popSize == 0 {
		popSize = 15
	}
	if tol == 0 {
		tol = 0.01
	}
	if cr == 0 {
		cr = 0.7
	}
	fLo, fHi := s.MutationLo, s.MutationHi
	if fLo == 0 && fHi == 0 {
		fLo, fHi = 0.5, 1
	}
	if fHi < fLo || fLo < 0 || fHi > 2 || cr < 0 || cr > 1 {
		return nil, errors.New("optimize: differential_evolution: mutation must lie in [0, 2] and recombination in [0, 1]")
	}
	need := 2 * strat.pairs // the other members a trial draws on
	if strat.base == "rand" || strat.base == "rand-to-best" {
		need++
	}
	np := max(popSize*n, need+1, 5)
	rng := rand.New(rand.NewPCG(s.Seed, 0))
	// The population lives in the unit cube; scale maps it to the box.
	pop := make([][]float64, np)
	switch s.Init {
	case "", "latinhypercube":
		for i := range pop {
			pop[i] = make([]float64, n)
		}
		seg := 1 / float64(np)
		for j := range n {
			perm := rng.Perm(np)
			for i := range pop {
				pop[i][j] = (float64(perm[i]) + rng.Float64()) * seg
			}
		}
	case "random":
		for i := range pop {
			pop[i] = make([]float64, n)
			for j := range pop[i] {
				pop[i][j] = rng.Float64()
			}
		}
	default:
		return nil, fmt.Errorf("optimize: differential_evolution: unknown init %q (latinhypercube, random)", s.Init)
	}
	x := make([]float64, n)
	scale := func(u []float64) []float64 {
		for j := range u {
			x[j] = lower[j] + u[j]*(upper[j]-lower[j])
		}
		return x
	}
	nfev := 0
	energy := func(u []float64) float64 {
		nfev++
		v := f(scale(u))
		if math.IsNaN(v) {
			return math.Inf(1)
		}
		return v
	}
	energies := make([]float64, np)
	best := 0
	for i, u := range pop {
		energies[i] = energy(u)
		if energies[i] < energies[best] {
			best = i
		}
	}
	trial := make([]float64, n)
	status, message := MaxIterations, "Maximum number of iterations has been exceeded."
	nit := 0
	for nit < maxIter {
		nit++
		F := fLo
		if fHi > fLo {
			F = fLo + rng.Float64()*(fHi-fLo)
		}
		for i := range pop {
			r := pickDistinct(rng, np, i, need)
			base := pop[i] // current-to-best
			switch strat.base {
			case "best":
				base = pop[best]
			case "rand", "rand-to-best":
				base, r = pop[r[0]], r[1:]
			}
			for j := range trial {
				v := base[j]
				if strat.base == "current-to-best" || strat.base == "rand-to-best" {
					v += F * (pop[best][j] - v)
				}
				for k := range strat.pairs {
					v += F * (pop[r[2*k]][j] - pop[r[2*k+1]][j])
				}
				trial[j] = v
			}
			crossover(rng, trial, pop[i], cr, strat.exp)
			for j, v := range trial {
				if v < 0 || v > 1 {
					trial[j] = rng.Float64() // scipy: out-of-box coordinates are redrawn
				}
			}
			e := energy(trial)
			if e <= energies[i] {
				copy(pop[i], trial)
				energies[i] = e
				if e <= energies[best] {
					best = i
				}
			}
		}
		mean, sd := meanStd(energies)
		if sd <= s.ATol+tol*math.Abs(mean) {
			status, message = Success, "Optimization terminated successfully."
			break
		}
	}
	xbest := append([]float64(nil), scale(pop[best])...)
	res := &Result{X: xbest, F: energies[best], Iterations: nit, FuncEvals: nfev, Status: status,
		Success: status == Success, Message: message}
	if s.NoPolish {
		return res, nil
	}
	polish := s.Polish
	if polish == nil {
		polish = func(f Func, x0 []float64, b *Bounds) (*Result, error) {
			return LBFGSB(Problem{Func: f}, x0, b, nil)
		}
	}
	pr, err := polish(f, xbest, &Bounds{Lower: lower, Upper: upper})
	if err != nil {
		return nil, err
	}
	res.FuncEvals += pr.FuncEvals
	if pr.F < res.F {
		res.X, res.F, res.Grad = pr.X, pr.F, pr.Grad
	}
	return res, nil
}

// pickDistinct draws k distinct indices below np other than skip; np
// exceeds k.
func pickDistinct(rng *rand.Rand, np, skip, k int) []int {
	out := make([]int, 0, k)
	for _, v := range rng.Perm(np) {
		if v != skip && len(out) < k {
			out = append(out, v)
		}
	}
	return out
}

// crossover mixes the mutant trial with the member old in place: binomial
// takes each coordinate from the mutant with probability cr (and one
// chosen coordinate always); exponential takes a run of coordinates from
// a random start, continuing with probability cr (Storn and Price 1997).
func crossover(rng *rand.Rand, trial, old []float64, cr float64, exp bool) {
	n := len(trial)
	fill := rng.IntN(n)
	if !exp {
		for j := range trial {
			if j != fill && rng.Float64() >= cr {
				trial[j] = old[j]
			}
		}
		return
	}
	keep := make([]bool, n)
	for i := 0; i < n; i++ {
		keep[(fill+i)%n] = true
		if rng.Float64() >= cr {
			break
		}
	}
	for j := range trial {
		if !keep[j] {
			trial[j] = old[j]
		}
	}
}

// meanStd returns the mean and population standard deviation of xs
// (numpy's std), infinite when a value is.
func meanStd(xs []float64) (float64, float64) {
	mean := 0.0
	for _, v := range xs {
		mean += v
	}
	mean /= float64(len(xs))
	ss := 0.0
	for _, v := range xs {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)))
}
