package builtins

import (
	"fmt"
	"math"

	"calc/lang"
	"calc/stdlib/optimize"
)

// intervals reads a list of [lo, hi] (or [lo, hi, step]) ranges.
func intervals(v lang.Value, what string) ([]optimize.Range, []float64, []float64) {
	items, ok := lang.Items(v)
	if !ok || len(items) == 0 {
		panic(lang.Errorf("%s must be a list of [lo, hi] ranges, one per variable", what))
	}
	ranges := make([]optimize.Range, len(items))
	lo, hi := make([]float64, len(items)), make([]float64, len(items))
	for i, it := range items {
		r, ok := toArray(it)
		if !ok || (r.Len() != 2 && r.Len() != 3) {
			panic(lang.Errorf("%s: range %d must be [lo, hi] or [lo, hi, step], not %s", what, i, lang.Format(it)))
		}
		ranges[i] = optimize.Range{Lo: r.Floats()[0], Hi: r.Floats()[1]}
		if r.Len() == 3 {
			ranges[i].Step = r.Floats()[2]
		}
		lo[i], hi[i] = r.Floats()[0], r.Floats()[1]
	}
	return ranges, lo, hi
}

// pointProblem prepares f for a global method over n variables.
func pointProblem(s *lang.Session, f lang.Value, n int, opts lang.Options) *problem {
	x0 := make([]float64, n)
	return newProblem(s, f, vecValue(x0), opts)
}

// localMinimizer is the local method global searches polish with: BFGS
// with autodiff's gradient when the function was traced.
func (p *problem) localMinimizer() optimize.LocalMinimizer {
	return func(f optimize.Func, x0 []float64) (*optimize.Result, error) {
		checkWork(p.s, "BFGS", len(x0), len(x0), 0)
		pr := optimize.Problem{Func: f}
		if p.obj.Traced() {
			pr.Grad = func(x, g []float64) { p.obj.Deriv(x, 0, g) }
		}
		return optimize.BFGS(pr, x0, nil)
	}
}

// annealingOpts are the options of dual_annealing and anneal.
var annealingOpts = []lang.Opt{seedOpt, {Name: "maxiter", Doc: "the most global iterations (1000)"}, maxfunOpt,
	{Name: "initial_temp", Doc: "the starting temperature (5230)"}, {Name: "restart_temp_ratio", Doc: "restart when the temperature falls to this fraction of the initial (2e-5)"},
	{Name: "visit", Doc: "the visiting distribution's parameter (2.62)"}, {Name: "accept", Doc: "the acceptance distribution's parameter (-5)"},
	{Name: "no_local_search", Doc: "true: no local search (classical annealing)"}, x0Opt, argsOpt}

// dualAnnealing is dual_annealing and its alias anneal.
func dualAnnealing(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	_, lo, hi := intervals(args[1], "bounds")
	p := pointProblem(s, args[0], len(lo), opts)
	settings := &optimize.DualAnnealingSettings{MaxIter: opts.Int("maxiter", 0), MaxFuncEvals: opts.Int("maxfun", 0),
		InitialTemp: opts.Num("initial_temp", 0), RestartTempRatio: opts.Num("restart_temp_ratio", 0),
		Visit: opts.Num("visit", 0), Accept: opts.Num("accept", 0), Seed: uint64(opts.Int("seed", 0)),
		NoLocalSearch: opts.Bool("no_local_search", false)}
	if x0 := opts.Get("x0", lang.Nil); !x0.IsNil() {
		settings.X0 = arrayOf(x0).Floats()
	}
	r, err := optimize.DualAnnealing(p.obj.Scalar, lo, hi, settings)
	if err != nil {
		lang.Throw(err)
	}
	return p.optimizeResult(r)
}

// differentialEvolution is differential_evolution.
func differentialEvolution(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	_, lo, hi := intervals(args[1], "bounds")
	p := pointProblem(s, args[0], len(lo), opts)
	set := &optimize.DESettings{Strategy: opts.Text("strategy", ""), MaxIter: opts.Int("maxiter", 0),
		PopSize: opts.Int("popsize", 0), Tol: opts.Num("tol", 0), ATol: opts.Num("atol", 0),
		Recombination: opts.Num("recombination", 0), Seed: uint64(opts.Int("seed", 0)),
		NoPolish: !opts.Bool("polish", true), Init: opts.Text("init", "")}
	if m := opts.Get("mutation", lang.Nil); !m.IsNil() {
		f := numberVector(m, "mutation")
		switch len(f) {
		case 1:
			set.MutationLo, set.MutationHi = f[0], f[0]
		case 2:
			set.MutationLo, set.MutationHi = f[0], f[1]
		default:
			panic(lang.Errorf("mutation must be a number or a pair [lo, hi], not %s", lang.Format(m)))
		}
	}
	set.Polish = func(f optimize.Func, x0 []float64, b *optimize.Bounds) (*optimize.Result, error) {
		pr := optimize.Problem{Func: f}
		if p.obj.Traced() {
			pr.Grad = func(x, g []float64) { p.obj.Deriv(x, 0, g) }
		}
		return optimize.LBFGSB(pr, x0, b, nil)
	}
	r, err := optimize.DifferentialEvolution(p.obj.Scalar, lo, hi, set)
	if err != nil {
		lang.Throw(err)
	}
	return p.optimizeResult(r)
}

// shgo is scipy's shgo for bounded problems.
func shgo(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	_, lo, hi := intervals(args[1], "bounds")
	p := pointProblem(s, args[0], len(lo), opts)
	r, err := optimize.SHGO(p.obj.Scalar, lo, hi, &optimize.SHGOSettings{N: opts.Int("n", 0), Iters: opts.Int("iters", 0),
		Local: func(f optimize.Func, x0 []float64, b *optimize.Bounds) (*optimize.Result, error) {
			pr := optimize.Problem{Func: f}
			if p.obj.Traced() {
				pr.Grad = func(x, g []float64) { p.obj.Deriv(x, 0, g) }
			}
			return optimize.SLSQP(pr, x0, nil, b, &optimize.SLSQPSettings{Acc: 1e-12})
		}})
	if err != nil {
		lang.Throw(err)
	}
	xl := make([]lang.Value, len(r.XL))
	for i, x := range r.XL {
		xl[i] = p.point(x)
	}
	return record("x", p.point(r.X), "fun", lang.Num(r.F), "xl", lang.ListOf(xl), "funl", vecValue(r.FunL),
		"nfev", count(r.FuncEvals), "nlfev", count(r.LocalEvals), "nit", count(r.Iterations), "success", lang.Bool(r.Success),
		"message", lang.Str(r.Message))
}

// boxParams are the parameters of the global minimizers in a box.
var boxParams = []lang.Param{
	{Name: "f", Kind: lang.FunctionArg, Doc: "the function to minimize: of x, or an expression in its variables"},
	{Name: "bounds", Doc: "the box: [lo, hi] per variable"}}

var globalBuiltins = []*lang.Builtin{
	{
		Name: "shgo", Params: boxParams, Topic: "optimize",
		Options: []lang.Opt{{Name: "n", Doc: "the fewest grid vertices (100)"}, {Name: "iters", Doc: "how many times the grid is refined (1)"}, argsOpt},
		Doc: "Global and local minima of f in a box, as shgo.\n" +
			"In the manner of scipy.optimize.shgo with simplicial sampling: the box is triangulated (a grid of at least n vertices, 100,\n" +
			"refined iters times, 1), every vertex below all its neighbours starts SLSQP with autodiff's gradient, and\n" +
			"the minima found are returned sorted: a record x, fun, xl, funl, nfev, nlfev, nit, success, message.\n" +
			"For a few variables (the grid has n points in all); bounds only, no constraints.",
		Example: "shgo((x**2 + y - 11)**2 + (x + y**2 - 7)**2, [[-5, 5], [-5, 5]]).funl",
		Fn:      shgo,
	},
	{
		Name: "differential_evolution", Params: boxParams, Options: []lang.Opt{{Name: "strategy", Doc: "the mutation strategy (best1bin)"}, {Name: "maxiter", Doc: "the most generations (1000)"}, {Name: "popsize", Doc: "the population per variable (15)"}, {Name: "tol", Doc: "the relative tolerance on the population's values (0.01)"}, {Name: "atol", Doc: "the absolute tolerance on the population's values (0)"}, {Name: "mutation", Doc: "the mutation constant F, or [lo, hi] to draw it from ([0.5, 1])"}, {Name: "recombination", Doc: "the crossover probability (0.7)"}, seedOpt, {Name: "polish", Doc: "false: do not polish the best by L-BFGS-B"}, {Name: "init", Doc: "the initial population: latinhypercube (default) or random"}, argsOpt},
		Topic: "optimize",
		Doc: "A global minimum in a box by differential evolution.\n" +
			"As scipy.optimize.differential_evolution: a population of popsize*n points mutates and recombines\n" +
			"(strategy best1bin, or scipy's others: rand1bin, best2exp, currenttobest1bin, ...) until its values\n" +
			"agree to tol, then the best is polished by L-BFGS-B with autodiff's gradient. Seeded, so runs repeat,\n" +
			"though not scipy's own, whose generator differs. Returns scipy's OptimizeResult record.",
		Example: "differential_evolution(20 + x**2 + y**2 - 10*cos(2*pi*x) - 10*cos(2*pi*y), [[-5, 5], [-5, 5]], {seed: 1}).x",
		Fn:      differentialEvolution,
	},
	{
		Name: "brute", Params: []lang.Param{boxParams[0],
			{Name: "ranges", Doc: "the grid: [lo, hi] (Ns points) or [lo, hi, step] per variable"}}, Topic: "optimize",
		Options: []lang.Opt{{Name: "Ns", Doc: "the grid points per [lo, hi] range (20)"}, fullOutputOpt, {Name: "finish", Doc: "false: do not polish the best grid point by Nelder–Mead"}, argsOpt},
		Doc: "Minimizes a function over a grid, as scipy's brute.\nMinimizes f over the grid of ranges, as scipy.optimize.brute;\n" +
			"the best grid point is then polished with Nelder–Mead unless {finish: false}.\n" +
			"{full_output: true} gives a record x0, fval, grid, Jout.",
		Example: "brute((x - 1)**2 + (y + 2)**2, [[-4, 4], [-4, 4]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			ranges, _, _ := intervals(args[1], "ranges")
			p := pointProblem(s, args[0], len(ranges), opts)
			ns := opts.Num("Ns", 20)
			if ns != math.Trunc(ns) || ns < 2 {
				panic(lang.Errorf("Ns must be a whole number of at least 2, got %s", lang.Format(lang.Num(ns))))
			}
			// The grid holds Ns**n points of n coordinates each, and their values.
			d := len(ranges)
			s.CheckWork(fmt.Sprintf("brute's grid of Ns**%d = %s points", d, lang.Format(lang.Num(math.Pow(ns, float64(d))))), math.Pow(ns, float64(d))*float64(d+1))
			r, err := optimize.Brute(p.obj.Scalar, ranges, &optimize.BruteSettings{Ns: int(ns), NoFinish: !opts.Bool("finish", true)})
			if err != nil {
				lang.Throw(err)
			}
			if !opts.Bool("full_output", false) {
				return p.point(r.X)
			}
			return record("x0", p.point(r.X), "fval", lang.Num(r.F), "grid", matrix(r.Grid), "Jout", vecValue(r.Jout))
		},
	},
	{
		Name: "dual_annealing", Params: boxParams, Topic: "optimize",
		Options: annealingOpts,
		Doc: "A global minimum by generalized simulated annealing.\nA global minimum of f within bounds by generalized simulated annealing with local\n" +
			"search, as scipy.optimize.dual_annealing; seeded (seed 0 by default), so runs repeat. Returns scipy's\n" +
			"OptimizeResult record.",
		Example: "dual_annealing(x**2 + 10 - 10*cos(2*pi*x), [[-5, 5]], {seed: 1}).x",
		Fn:      dualAnnealing,
	},
	{
		Name: "anneal", Params: boxParams, Topic: "optimize",
		Options: annealingOpts,
		Doc: "The old scipy anneal, run as dual_annealing.\nThe global minimizer scipy once had as anneal (removed in scipy 0.16); calc runs dual_annealing,\n" +
			"its replacement, with the same arguments.",
		Example: "anneal(x**2 + 10 - 10*cos(2*pi*x), [[-5, 5]], {seed: 1}).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			s.Note("scipy removed anneal in version 0.16; running dual_annealing")
			return dualAnnealing(s, a)
		},
	},
	{
		Name: "basinhopping", Params: objectiveParams("f"), Topic: "optimize",
		Options: []lang.Opt{{Name: "niter", Doc: "the number of hops (100)"}, {Name: "T", Doc: "the temperature of the Metropolis rule (1)"}, {Name: "stepsize", Doc: "the largest random displacement (0.5)"}, seedOpt, {Name: "interval", Doc: "how often the step size is adapted (50)"}, {Name: "niter_success", Doc: "stop when the best stays the same for this many hops"}, {Name: "minimizer_kwargs", Doc: "minimize's options for the local minimizer (BFGS); args here are the function's, as in scipy"}, argsOpt},
		Doc: "A global minimum by basin hopping, as scipy's.\nRandom hops, each followed by a local minimization, accepted by\n" +
			"the Metropolis rule, as scipy.optimize.basinhopping; seeded. The local minimizer is BFGS with autodiff's\n" +
			"gradient, or minimize with the options in minimizer_kwargs ({method: \"L-BFGS-B\", bounds: ...}).",
		Example: "basinhopping(x**2 + 10 - 10*cos(2*pi*x), 3.3, {seed: 1, niter: 50}).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			var kwOpts lang.Options
			kw := opts.Get("minimizer_kwargs", lang.Nil)
			if !kw.IsNil() {
				if kw.Record() == nil {
					panic(lang.Errorf("minimizer_kwargs must be a record of minimize's options, not %s", lang.Format(kw)))
				}
				kwOpts = lang.OptionsIn(minimizeBuiltin, kw.Record(), 2)
				if kwOpts.Has("args") {
					// scipy's only way to give them: minimizer_kwargs={"args": (a,)}.
					if opts.Has("args") {
						panic(lang.Errorf("args are given twice, to basinhopping and in minimizer_kwargs; give them once"))
					}
					opts = opts.With("args", kwOpts.Get("args", lang.Nil))
				}
			}
			p := newProblem(s, args[0], args[1], opts)
			local := p.localMinimizer()
			if !kw.IsNil() {
				m := chooseMinimizer(kwOpts)
				m.checkWork(s, len(p.x0), kwOpts)
				local = func(_ optimize.Func, x0 []float64) (*optimize.Result, error) {
					q := *p
					q.x0 = x0
					return m.run(&q, kwOpts)
				}
			}
			r, err := optimize.BasinHopping(p.obj.Scalar, p.x0, &optimize.BasinHoppingSettings{
				NIter: opts.Int("niter", 0), T: opts.Num("T", 0), StepSize: opts.Num("stepsize", 0),
				Seed: uint64(opts.Int("seed", 0)), Interval: opts.Int("interval", 0),
				NIterSuccess: opts.Int("niter_success", 0), Local: local})
			if err != nil {
				lang.Throw(err)
			}
			return p.optimizeResult(r)
		},
	},
}
