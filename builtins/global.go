package builtins

import (
	"calc/lang"
	"calc/stdlib/optimize"
	"math"
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
		if !ok || (len(r.Data) != 2 && len(r.Data) != 3) {
			panic(lang.Errorf("%s: range %d must be [lo, hi] or [lo, hi, step], not %s", what, i, lang.Format(it)))
		}
		ranges[i] = optimize.Range{Lo: r.Data[0], Hi: r.Data[1]}
		if len(r.Data) == 3 {
			ranges[i].Step = r.Data[2]
		}
		lo[i], hi[i] = r.Data[0], r.Data[1]
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
		pr := optimize.Problem{Func: f}
		if p.obj.Traced() {
			pr.Grad = func(x, g []float64) { p.obj.Deriv(x, 0, g) }
		}
		return optimize.BFGS(pr, x0, nil)
	}
}

// dualAnnealing is dual_annealing and its alias anneal.
func dualAnnealing(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	opts.Check("args", "seed", "maxiter", "maxfun", "initial_temp", "restart_temp_ratio", "visit", "accept", "no_local_search", "x0")
	_, lo, hi := intervals(args[1], "bounds")
	p := pointProblem(s, args[0], len(lo), opts)
	settings := &optimize.DualAnnealingSettings{MaxIter: opts.Int("maxiter", 0), MaxFun: opts.Int("maxfun", 0),
		InitialTemp: opts.Num("initial_temp", 0), RestartTempRatio: opts.Num("restart_temp_ratio", 0),
		Visit: opts.Num("visit", 0), Accept: opts.Num("accept", 0), Seed: uint64(opts.Int("seed", 0)),
		NoLocalSearch: opts.Bool("no_local_search", false)}
	if x0 := opts.Get("x0", lang.Nil); !x0.IsNil() {
		settings.X0 = arrayOf(x0).Data
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
	opts.Check("args", "strategy", "maxiter", "popsize", "tol", "atol", "mutation", "recombination", "seed", "polish", "init")
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
	opts.Check("args", "n", "iters")
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

var globalBuiltins = []*lang.Builtin{
	{
		Name: "shgo", Params: "f, bounds, {n, iters, args}", Topic: "optimize",
		Doc: "Global and local minima of f in a box, as shgo.\n" +
			"bounds are [lo, hi] per variable. In the manner of\n" +
			"scipy.optimize.shgo with simplicial sampling: the box is triangulated (a grid of at least n vertices, 100,\n" +
			"refined iters times, 1), every vertex below all its neighbours starts SLSQP with autodiff's gradient, and\n" +
			"the minima found are returned sorted: a record x, fun, xl, funl, nfev, nlfev, nit, success, message.\n" +
			"For a few variables (the grid has n points in all); bounds only, no constraints.",
		Example: "shgo((x**2 + y - 11)**2 + (x + y**2 - 7)**2, [[-5, 5], [-5, 5]]).funl",
		MinArgs: 2, MaxArgs: 3,
		Fn: shgo,
	},
	{
		Name: "differential_evolution", Params: "f, bounds, {strategy, maxiter, popsize, tol, atol, mutation, recombination, seed, polish, init, args}",
		Topic: "optimize",
		Doc: "A global minimum in a box by differential evolution.\n" +
			"bounds are [lo, hi] per variable. As\n" +
			"scipy.optimize.differential_evolution: a population of popsize*n points (15) mutates and recombines\n" +
			"(strategy best1bin, or scipy's others: rand1bin, best2exp, currenttobest1bin, ...; mutation F drawn in\n" +
			"[0.5, 1], recombination 0.7) until its values agree to tol (0.01), then the best is polished by L-BFGS-B\n" +
			"with autodiff's gradient (polish: false skips it). Seeded (seed 0 by default), so runs repeat, though not\n" +
			"scipy's own, whose generator differs. Returns scipy's OptimizeResult record.",
		Example: "differential_evolution(20 + x**2 + y**2 - 10*cos(2*pi*x) - 10*cos(2*pi*y), [[-5, 5], [-5, 5]], {seed: 1}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: differentialEvolution,
	},
	{
		Name: "brute", Params: "f, ranges, {Ns, full_output, finish, args}", Topic: "optimize",
		Doc: "Minimizes a function over a grid, as scipy's brute.\nMinimizes f over a grid, as scipy.optimize.brute: ranges holds [lo, hi] (Ns points, 20 by default) or\n" +
			"[lo, hi, step] per variable; the best grid point is then polished with Nelder–Mead unless {finish: false}.\n" +
			"{full_output: true} gives a record x0, fval, grid, Jout.",
		Example: "brute((x - 1)**2 + (y + 2)**2, [[-4, 4], [-4, 4]])",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("Ns", "full_output", "finish", "args")
			ranges, _, _ := intervals(args[1], "ranges")
			p := pointProblem(s, args[0], len(ranges), opts)
			ns := opts.Num("Ns", 20)
			if ns != math.Trunc(ns) || ns < 2 {
				panic(lang.Errorf("Ns must be a whole number of at least 2, got %s", lang.Format(lang.Num(ns))))
			}
			// The grid holds Ns**n points of n coordinates each.
			s.CheckElements(math.Pow(ns, float64(len(ranges))) * float64(len(ranges)+1))
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
		Name: "dual_annealing", Params: "f, bounds, {seed, maxiter, maxfun, x0, no_local_search, args, ...}", Topic: "optimize",
		Doc: "A global minimum by generalized simulated annealing.\nA global minimum of f within bounds ([lo, hi] per variable) by generalized simulated annealing with local\n" +
			"search, as scipy.optimize.dual_annealing; seeded (seed 0 by default), so runs repeat. Returns scipy's\n" +
			"OptimizeResult record.",
		Example: "dual_annealing(x**2 + 10 - 10*cos(2*pi*x), [[-5, 5]], {seed: 1}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: dualAnnealing,
	},
	{
		Name: "anneal", Params: "f, bounds, {seed, ...}", Topic: "optimize",
		Doc: "The old scipy anneal, run as dual_annealing.\nThe global minimizer scipy once had as anneal (removed in scipy 0.16); calc runs dual_annealing,\n" +
			"its replacement, with the same arguments.",
		Example: "anneal(x**2 + 10 - 10*cos(2*pi*x), [[-5, 5]], {seed: 1}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			s.Note("scipy removed anneal in version 0.16; running dual_annealing")
			return dualAnnealing(s, a)
		},
	},
	{
		Name: "basinhopping", Params: "f, x0, {niter, T, stepsize, seed, interval, niter_success, minimizer_kwargs, args}", Topic: "optimize",
		Doc: "A global minimum by basin hopping, as scipy's.\nRandom hops, each followed by a local minimization, accepted by\n" +
			"the Metropolis rule, as scipy.optimize.basinhopping; seeded. The local minimizer is BFGS with autodiff's\n" +
			"gradient, or minimize with the options in minimizer_kwargs ({method: \"L-BFGS-B\", bounds: ...}).",
		Example: "basinhopping(x**2 + 10 - 10*cos(2*pi*x), 3.3, {seed: 1, niter: 50}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("niter", "T", "stepsize", "seed", "interval", "args", "niter_success", "minimizer_kwargs")
			p := newProblem(s, args[0], args[1], opts)
			local := p.localMinimizer()
			if kw := opts.Get("minimizer_kwargs", lang.Nil); !kw.IsNil() {
				if kw.Record() == nil {
					panic(lang.Errorf("minimizer_kwargs must be a record of minimize's options, not %s", lang.Format(kw)))
				}
				_, kwOpts := lang.Args{kw}.Options()
				kwOpts.Check(minimizeOptions...)
				if kwOpts.Has("args") {
					panic(lang.Errorf("give args to basinhopping, not in minimizer_kwargs"))
				}
				m := chooseMinimizer(kwOpts, 0)
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
