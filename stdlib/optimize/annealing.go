package optimize

import (
	"errors"
	"math"
	"math/rand/v2"
)

// DualAnnealingSettings tunes DualAnnealing. The zero value means
// scipy.optimize.dual_annealing's defaults, with seed 0.
type DualAnnealingSettings struct {
	// MaxIter is the number of global iterations (temperature steps,
	// counted across restarts). Zero means scipy's 1000.
	MaxIter int
	// InitialTemp is the starting temperature, in (0.01, 5e4]. Zero
	// means scipy's 5230.
	InitialTemp float64
	// RestartTempRatio restarts the annealing from a random point when
	// the temperature falls below InitialTemp·RestartTempRatio; in
	// (0, 1). Zero means scipy's 2e-5.
	RestartTempRatio float64
	// Visit is the visiting distribution's parameter q_v in (1, 3]: the
	// larger, the heavier its tail and the longer its jumps. Zero means
	// scipy's 2.62.
	Visit float64
	// Accept is the acceptance parameter q_a in (−1e4, −5]: the lower,
	// the rarer uphill moves. Zero means scipy's −5.
	Accept float64
	// MaxFuncEvals caps the evaluations of f, local searches included; the
	// cap is checked between trials, so a local search may pass it.
	// Zero means scipy's 1e7.
	MaxFuncEvals int
	// Seed seeds the random generator, a PCG from math/rand/v2
	// (rand.NewPCG(Seed, 0)); the same seed gives the same run.
	Seed uint64
	// NoLocalSearch anneals only (classical generalized simulated
	// annealing), as scipy's no_local_search.
	NoLocalSearch bool
	// Local is the local search. Nil means scipy's: L-BFGS-B within the
	// bounds, at most min(max(6n, 100), 1000) iterations. A result
	// outside the bounds or not finite is ignored.
	Local LocalMinimizer
	// X0 is the starting point; nil means a uniform random point in the
	// bounds.
	X0 []float64
}

// Scipy's messages for the ways dual annealing stops.
const (
	MsgAnnealingMaxIter     = "Maximum number of iteration reached"
	MsgAnnealingMaxFunChain = "Maximum number of function call reached during annealing"
	MsgAnnealingMaxFunLS    = "Maximum number of function call reached during local search"
	MsgAnnealingMaxFunDual  = "Maximum number of function call reached during dual annealing"
)

// annealingTailLimit and annealingMinVisitBound are scipy's
// VisitingDistribution.TAIL_LIMIT and MIN_VISIT_BOUND; annealingMaxReinit
// is EnergyState.MAX_REINIT_COUNT.
const (
	annealingTailLimit     = 1e8
	annealingMinVisitBound = 1e-10
	annealingMaxReinit     = 1000
)

// DualAnnealing looks for the global minimum of f in the box
// [lower, upper] by dual annealing, as scipy.optimize.dual_annealing:
// generalized simulated annealing (Tsallis and Stariolo, "Generalized
// simulated annealing", Physica A 233, 1996) with a local search on
// the best points (Xiang, Sun, Fan and Gong, "Generalized simulated
// annealing algorithm and its application to the Thomson model", Phys.
// Lett. A 233, 1997; Xiang, Gubian, Suomela and Hoeng, "Generalized
// simulated annealing for global optimization: the GenSA package", The R
// Journal 5, 2013).
//
// The temperature falls as T(t) = T₀·(2^(q_v−1) − 1)/((1+t)^(q_v−1) − 1).
// At each temperature a Markov chain of 2n trials draws jumps from the
// distorted Cauchy–Lorentz visiting distribution of parameter q_v, first
// in all coordinates, then in one at a time, wrapping them into the box;
// a worse point is accepted with the generalized Metropolis probability
// [1 − (1 − q_a)·ΔE/T_q]^(1/(1−q_a)). After a chain that improved the
// best point, and after 1000 chains without improvement, the local
// search runs. When T falls below T₀·RestartTempRatio the annealing
// restarts from a random point. The cost is about 2n evaluations per
// iteration plus the local searches.
//
// Results will not equal scipy's draw for draw, its generator being
// numpy's. The result's Success is false when MaxFuncEvals stopped the run.
func DualAnnealing(f Func, lower, upper []float64, s *DualAnnealingSettings) (*Result, error) {
	n := len(lower)
	if n == 0 || len(upper) != n {
		return nil, errors.New("optimize: dual_annealing: bounds do not have the same dimensions")
	}
	for i := range lower {
		if math.IsNaN(lower[i]) || math.IsInf(lower[i], 0) || math.IsNaN(upper[i]) || math.IsInf(upper[i], 0) {
			return nil, errors.New("optimize: dual_annealing: some bounds values are inf values or nan values")
		}
		if !(lower[i] < upper[i]) {
			return nil, errors.New("optimize: dual_annealing: bounds are not consistent min < max")
		}
	}
	var set DualAnnealingSettings
	if s != nil {
		set = *s
	}
	if set.MaxIter == 0 {
		set.MaxIter = 1000
	}
	if set.InitialTemp == 0 {
		set.InitialTemp = 5230
	}
	if set.RestartTempRatio == 0 {
		set.RestartTempRatio = 2e-5
	}
	if set.Visit == 0 {
		set.Visit = 2.62
	}
	if set.Accept == 0 {
		set.Accept = -5
	}
	if set.MaxFuncEvals == 0 {
		set.MaxFuncEvals = 1e7
	}
	switch {
	case set.X0 != nil && len(set.X0) != n:
		return nil, errors.New("optimize: dual_annealing: bounds size does not match x0")
	case !(set.RestartTempRatio > 0 && set.RestartTempRatio < 1):
		return nil, errors.New("optimize: dual_annealing: restart temperature ratio has to be in range (0, 1)")
	case !(set.Visit > 1 && set.Visit <= 3) || !(set.Accept > -1e4 && set.Accept <= -5):
		return nil, errors.New("optimize: dual_annealing: visit must be in (1, 3] and accept in (-1e4, -5]")
	case set.MaxIter < 0 || set.MaxFuncEvals < 0 || !(set.InitialTemp > 0):
		return nil, errors.New("optimize: dual_annealing: MaxIter, MaxFuncEvals and InitialTemp must be positive")
	}
	if set.Local == nil {
		maxIter := min(max(6*n, 100), 1000)
		bounds := &Bounds{Lower: lower, Upper: upper}
		set.Local = func(f Func, x0 []float64) (*Result, error) {
			return LBFGSB(Problem{Func: f}, x0, bounds, &LBFGSBSettings{MaxIter: maxIter})
		}
	}

	a := &annealing{f: f, lower: lower, upper: upper, set: &set, rng: rand.New(rand.NewPCG(set.Seed, 0))}
	a.initVisit()
	res := &Result{Status: Success, Success: true}
	if err := a.reset(set.X0); err != nil {
		return nil, err
	}
	a.emin, a.xmin = a.ecur, append([]float64(nil), a.xcur...)
	a.notImprovedMax = 1000

	tRestart := set.InitialTemp * set.RestartTempRatio
	t1 := math.Exp((set.Visit-1)*math.Ln2) - 1
	iteration := 0
	var msg string
	var err error
outer:
	for {
		for i := 0; i < set.MaxIter; i++ {
			t2 := math.Exp((set.Visit-1)*math.Log(float64(i)+2)) - 1
			temperature := set.InitialTemp * t1 / t2
			if iteration >= set.MaxIter {
				msg = MsgAnnealingMaxIter
				break outer
			}
			if temperature < tRestart {
				if err := a.reset(nil); err != nil {
					return nil, err
				}
				break
			}
			if msg = a.chain(i, temperature); msg != "" {
				break outer
			}
			if !set.NoLocalSearch {
				if msg, err = a.localSearch(); err != nil {
					return nil, err
				} else if msg != "" {
					break outer
				}
			}
			iteration++
		}
	}
	if msg != MsgAnnealingMaxIter {
		res.Status, res.Success = MaxFuncEvals, false
	}
	res.X, res.F = a.xbest, a.ebest
	res.Iterations = iteration
	res.FuncEvals, res.GradEvals = a.nfev, a.njev
	res.Message = msg
	return res, nil
}

// annealing is the state of one dual-annealing run: scipy's EnergyState
// (current and best points), StrategyChain (the chain's own minimum,
// counters) and VisitingDistribution's constants.
type annealing struct {
	f            Func
	lower, upper []float64
	set          *DualAnnealingSettings
	rng          *rand.Rand
	nfev, njev   int

	xcur, xbest, xmin []float64
	ecur, ebest, emin float64

	improved                     bool
	notImproved, notImprovedMax  int
	tempStep                     float64
	factor4p, factor6, visitExpo float64
}

// eval counts and evaluates f.
func (a *annealing) eval(x []float64) float64 {
	a.nfev++
	return a.f(x)
}

// initVisit precomputes the visiting distribution's constants.
func (a *annealing) initVisit() {
	qv := a.set.Visit
	factor2 := math.Exp((4 - qv) * math.Log(qv-1))
	factor3 := math.Exp((2 - qv) * math.Ln2 / (qv - 1))
	a.factor4p = math.Sqrt(math.Pi) * factor2 / (factor3 * (3 - qv))
	factor5 := 1/(qv-1) - 0.5
	d1 := 2 - factor5
	lg, _ := math.Lgamma(d1)
	a.factor6 = math.Pi * (1 - factor5) / math.Sin(math.Pi*(1-factor5)) / math.Exp(lg)
	a.visitExpo = (qv - 1) / (3 - qv)
}

// reset is scipy's EnergyState.reset: it starts from x0, or from random
// points until f is finite there (at most 1000 tries).
func (a *annealing) reset(x0 []float64) error {
	n := len(a.lower)
	a.xcur = make([]float64, n)
	if x0 != nil {
		copy(a.xcur, x0)
	} else {
		a.uniformPoint(a.xcur)
	}
	for tries := 0; ; tries++ {
		a.ecur = a.eval(a.xcur)
		if !math.IsNaN(a.ecur) && !math.IsInf(a.ecur, 0) {
			break
		}
		if tries >= annealingMaxReinit {
			return errors.New("optimize: dual_annealing: stopping algorithm because function create NaN or (+/-) infinity values even with trying new random parameters")
		}
		a.uniformPoint(a.xcur)
	}
	if a.xbest == nil {
		a.ebest, a.xbest = a.ecur, append([]float64(nil), a.xcur...)
	}
	return nil
}

func (a *annealing) uniformPoint(x []float64) {
	for i := range x {
		x[i] = a.lower[i] + (a.upper[i]-a.lower[i])*a.rng.Float64()
	}
}

// visitSample draws one jump from the visiting distribution at the
// given temperature (scipy's visit_fn for one coordinate): Tsallis and
// Stariolo's distorted Cauchy–Lorentz law, by Mantegna's algorithm.
func (a *annealing) visitSample(temperature float64) float64 {
	x, y := a.rng.NormFloat64(), a.rng.NormFloat64()
	qv := a.set.Visit
	factor1 := math.Exp(math.Log(temperature) / (qv - 1))
	factor4 := a.factor4p * factor1
	x *= math.Exp(-(qv - 1) * math.Log(a.factor6/factor4) / (3 - qv))
	return x / math.Exp(a.visitExpo*math.Log(math.Abs(y)))
}

// visit is scipy's VisitingDistribution.visiting: for step < n a jump in
// every coordinate, else in coordinate step − n alone, each wrapped back
// into the box.
func (a *annealing) visit(step int, temperature float64) []float64 {
	n := len(a.xcur)
	xv := append([]float64(nil), a.xcur...)
	wrap := func(i int) {
		r := a.upper[i] - a.lower[i]
		b := math.Mod(xv[i]-a.lower[i], r) + r
		xv[i] = math.Mod(b, r) + a.lower[i]
		if math.Abs(xv[i]-a.lower[i]) < annealingMinVisitBound {
			xv[i] += annealingMinVisitBound
		}
	}
	if step < n {
		visits := make([]float64, n)
		for i := range visits {
			visits[i] = a.visitSample(temperature)
		}
		upperSample, lowerSample := a.rng.Float64(), a.rng.Float64()
		for i := range xv {
			v := visits[i]
			if v > annealingTailLimit {
				v = annealingTailLimit * upperSample
			} else if v < -annealingTailLimit {
				v = -annealingTailLimit * lowerSample
			}
			xv[i] += v
			wrap(i)
		}
		return xv
	}
	i := step - n
	v := a.visitSample(temperature)
	if v > annealingTailLimit {
		v = annealingTailLimit * a.rng.Float64()
	} else if v < -annealingTailLimit {
		v = -annealingTailLimit * a.rng.Float64()
	}
	xv[i] += v
	wrap(i)
	return xv
}

// setCurrent and setBest copy a point into the current or best state.
func (a *annealing) setCurrent(e float64, x []float64) {
	a.ecur, a.xcur = e, append([]float64(nil), x...)
}

func (a *annealing) setBest(e float64, x []float64) {
	a.ebest, a.xbest = e, append([]float64(nil), x...)
}

// chain is scipy's StrategyChain.run: 2n visits at one temperature. It
// returns scipy's message when MaxFuncEvals is reached.
func (a *annealing) chain(step int, temperature float64) string {
	a.tempStep = temperature / float64(step+1)
	a.notImproved++
	n := len(a.xcur)
	for j := 0; j < 2*n; j++ {
		if j == 0 {
			a.improved = step == 0
		}
		xv := a.visit(j, temperature)
		e := a.eval(xv)
		if e < a.ecur {
			a.setCurrent(e, xv)
			if e < a.ebest {
				a.setBest(e, xv)
				a.improved = true
				a.notImproved = 0
			}
		} else {
			a.acceptReject(j, e, xv)
		}
		if a.nfev >= a.set.MaxFuncEvals {
			return MsgAnnealingMaxFunChain
		}
	}
	return ""
}

// acceptReject is scipy's StrategyChain.accept_reject: the generalized
// Metropolis test for a worse point, and after a long stall the chain's
// own minimum follows the current point.
func (a *annealing) acceptReject(j int, e float64, xv []float64) {
	r := a.rng.Float64()
	qa := a.set.Accept
	pqv := 0.0
	if t := 1 - (1-qa)*(e-a.ecur)/a.tempStep; t > 0 {
		pqv = math.Exp(math.Log(t) / (1 - qa))
	}
	if r <= pqv {
		a.setCurrent(e, xv)
		a.xmin = append([]float64(nil), a.xcur...)
	}
	if a.notImproved >= a.notImprovedMax && (j == 0 || a.ecur < a.emin) {
		a.emin, a.xmin = a.ecur, append([]float64(nil), a.xcur...)
	}
}

// localSearch is scipy's StrategyChain.local_search: from the best point
// when the chain improved it, and from the chain's minimum after a long
// stall. (scipy's third trigger, with probability
// exp(K·(E_best − E)/T) when K < 90n, never fires: K stays 100n.)
func (a *annealing) localSearch() (string, error) {
	if a.improved {
		e, x, err := a.search(a.xbest, a.ebest)
		if err != nil {
			return "", err
		}
		if e < a.ebest {
			a.notImproved = 0
			a.setBest(e, x)
			a.setCurrent(e, x)
		}
		if a.nfev >= a.set.MaxFuncEvals {
			return MsgAnnealingMaxFunLS, nil
		}
	}
	if a.notImproved >= a.notImprovedMax {
		e, x, err := a.search(a.xmin, a.emin)
		if err != nil {
			return "", err
		}
		a.xmin, a.emin = x, e
		a.notImproved = 0
		a.notImprovedMax = len(a.xcur)
		if e < a.ebest {
			a.setBest(e, x)
			a.setCurrent(e, x)
		}
		if a.nfev >= a.set.MaxFuncEvals {
			return MsgAnnealingMaxFunDual, nil
		}
	}
	return "", nil
}

// search is scipy's LocalSearchWrapper.local_search: the local minimum
// from x if it is finite, inside the box and lower than e; else (e, x).
func (a *annealing) search(x []float64, e float64) (float64, []float64, error) {
	x0 := append([]float64(nil), x...)
	m, err := a.set.Local(a.eval, append([]float64(nil), x...))
	if err != nil {
		return 0, nil, err
	}
	a.njev += m.GradEvals
	valid := !math.IsNaN(m.F) && !math.IsInf(m.F, 0) && len(m.X) == len(x0)
	for i := 0; valid && i < len(m.X); i++ {
		valid = !math.IsNaN(m.X[i]) && m.X[i] >= a.lower[i] && m.X[i] <= a.upper[i]
	}
	if valid && m.F < e {
		return m.F, append([]float64(nil), m.X...), nil
	}
	return e, x0, nil
}
