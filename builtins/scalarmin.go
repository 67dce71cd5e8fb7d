package builtins

import (
	"fmt"
	"slices"

	"calc/lang"
	"calc/stdlib/optimize"
)

// scalarFunc returns f as a Go function of one number: a traced tape when
// possible, the interpreter otherwise.
func scalarFunc(s *lang.Session, f lang.Value, args []lang.Value) (func(float64) float64, *fn) {
	o := newFn(s, f, append([]lang.Value{lang.Num(0)}, args...), 0, -1, varX)
	x := make([]float64, 1)
	return func(v float64) float64 {
		x[0] = v
		return o.Scalar(x)
	}, o
}

// extraArgs reads the args option: the arguments after x.
func extraArgs(opts lang.Options) []lang.Value {
	v := opts.Get("args", lang.Nil)
	if v.IsNil() {
		return nil
	}
	if items, ok := lang.Items(v); ok {
		return items
	}
	return []lang.Value{v}
}

// scalarResult is minimize_scalar's OptimizeResult as a record.
func scalarResult(r optimize.ScalarResult) lang.Value {
	rec := lang.NewRecord()
	rec.Set("x", lang.Num(r.X))
	rec.Set("fun", lang.Num(r.F))
	rec.Set("nit", lang.Num(float64(r.Iterations)))
	rec.Set("nfev", lang.Num(float64(r.FuncEvals)))
	rec.Set("success", lang.Bool(r.Success))
	rec.Set("message", lang.Str(r.Message))
	return lang.RecordOf(rec)
}

// fullOutput is brent's, golden's or fminbound's {full_output: true}: the
// record of scalarResult, which unpacks as scipy's tuple, whose fields
// tuple names in order.
func fullOutput(r optimize.ScalarResult, tuple ...string) lang.Value {
	v := scalarResult(r)
	rec := v.Record()
	if slices.Contains(tuple, "ierr") { // fminbound's: 1 when maxfun stopped it
		ierr := 0.0
		if !r.Success {
			ierr = 1
		}
		rec.Set("ierr", lang.Num(ierr))
	}
	rec.Tuple = tuple
	return v
}

// bracketArg reads scipy's brack: two or three starting points, or nil.
func bracketArg(v lang.Value) []float64 {
	if v.IsNil() {
		return nil
	}
	a, ok := toArray(v)
	if !ok || (a.Len() != 2 && a.Len() != 3) {
		panic(lang.Errorf("brack must hold two or three numbers, not %s", lang.Format(v)))
	}
	return a.Floats()
}

// scalarMinimizer builds brent and golden: minimizers from a bracket.
func scalarMinimizer(name, doc string, tuple []string, run func(f func(float64) float64, brack []float64, tol float64, maxiter int) (optimize.ScalarResult, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{scalarParam}, Topic: "optimize", Doc: doc,
		Options: []lang.Opt{{Name: "brack", Doc: "two or three points to start the bracket search from ([0, 1])"}, {Name: "tol", Doc: "the relative tolerance on x (1.48e-8)"}, maxiterOpt, fullOutputOpt, argsOpt},
		Example: name + "(x**2 - 4*x + 8)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			r, err := run(f, bracketArg(opts.Get("brack", lang.Nil)), opts.Num("tol", 0), opts.Int("maxiter", 0))
			if err != nil {
				lang.Throw(err)
			}
			if opts.Bool("full_output", false) {
				return fullOutput(r, tuple...)
			}
			return lang.Num(r.X)
		},
	}
}

func runBrent(f func(float64) float64, brack []float64, tol float64, maxiter int) (optimize.ScalarResult, error) {
	return optimize.Brent(f, brack, &optimize.BrentSettings{XTol: tol, MaxIter: maxiter})
}

func runGolden(f func(float64) float64, brack []float64, tol float64, maxiter int) (optimize.ScalarResult, error) {
	return optimize.Golden(f, brack, &optimize.GoldenSettings{XTol: tol, MaxIter: maxiter})
}

var scalarMinBuiltins = []*lang.Builtin{
	scalarMinimizer("brent", "Minimizes a one-variable function by Brent's method.\nParabolic steps guarded by golden sections, as\n"+
		"scipy.optimize.brent; brack gives starting points. {full_output: true} gives a record x, fun, nit, nfev, success,\n"+
		"message that unpacks as scipy's tuple: xmin, fval, iter, funcalls = brent(f, full_output=true).",
		[]string{"x", "fun", "nit", "nfev"}, runBrent),
	scalarMinimizer("golden", "Minimizes a one-variable function by golden sections.\nThe minimizer by golden-section search, as scipy.optimize.golden. {full_output: true} gives a record x,\n"+
		"fun, nit, nfev, success, message that unpacks as scipy's tuple: xmin, fval, funcalls = golden(f, full_output=true).",
		[]string{"x", "fun", "nfev"}, runGolden),
	{
		Name: "fminbound", Params: []lang.Param{scalarParam,
			{Name: "x1", Kind: lang.NumberArg, Doc: "the interval's left end"},
			{Name: "x2", Kind: lang.NumberArg, Doc: "the interval's right end"}}, Topic: "optimize",
		Options: []lang.Opt{{Name: "xtol", Doc: "the absolute tolerance on x (1e-5)"}, {Name: "maxfun", Doc: "the most function evaluations (500)"}, fullOutputOpt, argsOpt},
		Doc: "Minimizes a function on an interval.\n" +
			"The minimizer of f on [x1, x2], by Brent's bounded method as scipy.optimize.fminbound\n" +
			"(xtol 1e-5, maxfun 500). {full_output: true} gives a record x, fun, nit, nfev, success, message, ierr (1 when\n" +
			"maxfun stopped it, else 0) that unpacks as scipy's tuple: xopt, fval, ierr, numfunc = fminbound(f, x1, x2, full_output=true).",
		Example: "fminbound(sin(x), 0, 2*pi)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			r, err := optimize.Bounded(f, args.Num(1), args.Num(2), &optimize.BoundedSettings{XTol: opts.Num("xtol", 0), MaxFuncEvals: opts.Int("maxfun", 0)})
			if err != nil {
				lang.Throw(err)
			}
			if !r.Success {
				s.Print("Warning: " + r.Message)
			}
			if opts.Bool("full_output", false) {
				return fullOutput(r, "x", "fun", "ierr", "nfev")
			}
			return lang.Num(r.X)
		},
	},
	{
		Name: "bracket", Params: []lang.Param{scalarParam,
			{Name: "xa", Kind: lang.NumberArg, Optional: true, Default: lang.Num(0), Doc: "the first starting point"},
			{Name: "xb", Kind: lang.NumberArg, Optional: true, Default: lang.Num(1), Doc: "the second starting point"}}, Topic: "optimize",
		Options: []lang.Opt{{Name: "grow_limit", Doc: "the most a parabolic step may grow the bracket (110)"}, {Name: "maxiter", Doc: "the most iterations (1000)"}, argsOpt},
		Doc: "Three points bracketing a minimum of f.\n" +
			"Three points xa, xb, xc with f(xb) below f(xa) and f(xc), bracketing a minimum, found downhill from xa, xb,\nas scipy.optimize.bracket; a record xa, xb, xc, fa, fb, fc, funcalls.",
		Example: "bracket(x**2 - 4*x + 8)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			r, err := optimize.Bracket(f, args.Num(1), args.Num(2), &optimize.BracketSettings{GrowLimit: opts.Num("grow_limit", 0), MaxIter: opts.Int("maxiter", 0)})
			if err != nil {
				lang.Throw(err)
			}
			if !r.Success {
				panic(lang.Errorf("%s", r.Message))
			}
			return record("xa", lang.Num(r.XA), "xb", lang.Num(r.XB), "xc", lang.Num(r.XC),
				"fa", lang.Num(r.FA), "fb", lang.Num(r.FB), "fc", lang.Num(r.FC), "funcalls", lang.Num(float64(r.FuncEvals)))
		},
	},
	{
		Name: "minimize_scalar", Params: []lang.Param{scalarParam}, Methods: []string{"brent", "golden", "bounded"}, Topic: "optimize",
		Options: []lang.Opt{methodOpt, {Name: "bracket", Doc: "two or three points to start the bracket search from", Methods: []string{"brent", "golden"}}, {Name: "bounds", Doc: "[lo, hi]", Methods: []string{"bounded"}}, {Name: "tol", Doc: "the tolerance on x"}, argsOpt, maxiterOpt, {Name: "xatol", Doc: "the absolute tolerance on x (1e-5)", Methods: []string{"bounded"}}},
		Doc: "Minimizes a function of one variable.\n" +
			"As scipy.optimize.minimize_scalar: brent by default, bounded when bounds are given.\n" +
			"A record x, fun, nit, nfev, success, message.",
		Example: "minimize_scalar(x**2 - 4*x + 8).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			method := "brent"
			if opts.Has("bounds") {
				method = "bounded"
			}
			var r optimize.ScalarResult
			var err error
			switch opts.Method("method", method) {
			case "brent":
				r, err = runBrent(f, bracketArg(opts.Get("bracket", lang.Nil)), opts.Num("tol", 0), opts.Int("maxiter", 0))
			case "golden":
				r, err = runGolden(f, bracketArg(opts.Get("bracket", lang.Nil)), opts.Num("tol", 0), opts.Int("maxiter", 0))
			case "bounded":
				b, ok := toArray(opts.Get("bounds", lang.Nil))
				if !ok || b.Len() != 2 {
					panic(lang.Errorf("the bounded method needs bounds [lo, hi]"))
				}
				r, err = optimize.Bounded(f, b.Floats()[0], b.Floats()[1], &optimize.BoundedSettings{XTol: opts.Num("xatol", opts.Num("tol", 0)), MaxFuncEvals: opts.Int("maxiter", 0)})
			}
			if err != nil {
				lang.Throw(err)
			}
			return scalarResult(r)
		},
	},
	{
		Name: "line_search", Params: []lang.Param{
			{Name: "f", Doc: "the function: of the point, or an expression in its variables"},
			{Name: "myfprime", Optional: true, Doc: "the gradient as a function (autodiff's if left out)"},
			{Name: "xk", Doc: "the point to search from"}, {Name: "pk", Doc: "the direction to search along"}}, Topic: "optimize",
		Options: []lang.Opt{{Name: "c1", Doc: "the sufficient decrease constant (1e-4)"}, {Name: "c2", Doc: "the curvature constant (0.9)"}, {Name: "amax", Doc: "the largest step"}, {Name: "maxiter", Doc: "the most iterations (10)"}, argsOpt},
		Doc: "A step size satisfying the strong Wolfe conditions.\n" +
			"A step alpha along the direction pk from xk, as\n" +
			"scipy.optimize.line_search (the gradient from autodiff unless given); a record alpha, fc, gc,\n" +
			"new_fval, old_fval, new_slope. alpha is nil when no step was found.",
		Example: "line_search(x**2 + 4*y**2, [1, 1], [-1, -4]).alpha",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			if len(args) == 4 { // line_search(f, fprime, xk, pk)
				opts = opts.With("jac", args[1])
				args = append(lang.Args{args[0]}, args[2:]...)
			}
			p := newProblem(s, args[0], args[1], opts)
			d, ok := toArray(args[2])
			if !ok || d.Len() != len(p.x0) {
				panic(lang.ArgErrorf(2, "the direction must be an array like the point"))
			}
			r, err := optimize.LineSearch(p.withGradient(opts, "line_search"), p.x0, d.Floats(), &optimize.LineSearchSettings{
				C1: opts.Num("c1", 0), C2: opts.Num("c2", 0), AMax: opts.Num("amax", 0), MaxIter: opts.Int("maxiter", 0)})
			if err != nil {
				lang.Throw(err)
			}
			alpha := lang.Nil
			if r.Success {
				alpha = lang.Num(r.Alpha)
			} else {
				s.Print(fmt.Sprintf("LineSearchWarning: %s", r.Message))
			}
			return record("alpha", alpha, "fc", lang.Num(float64(r.FuncEvals)), "gc", lang.Num(float64(r.GradEvals)),
				"new_fval", lang.Num(r.F), "old_fval", lang.Num(r.F0), "new_slope", lang.Num(r.Slope))
		},
	},
}
