package builtins

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/interval"
	"calc/stdlib/roots"
)

// scalarDerivs returns f's first and second derivatives as Go functions,
// from autodiff, or nils when f cannot be traced.
func scalarDerivs(o *fn) (df, d2f func(float64) float64) {
	if !o.Traced() {
		return nil, nil
	}
	x, d, one, h := make([]float64, 1), make([]float64, 1), []float64{1}, make([]float64, 1)
	df = func(v float64) float64 {
		x[0] = v
		o.Deriv(x, 0, d)
		return d[0]
	}
	d2f = func(v float64) float64 {
		x[0] = v
		o.HessVec(x, one, h)
		return h[0]
	}
	return df, d2f
}

// scanOptions are the options of roots and extrema.
var scanOptions = []string{"resolution", "maxcells", "intervals"}

// scanSettings reads the options of roots and extrema and, where f is a
// formula, encloses its k-th derivative and the next over cells; where it
// is not, it notes that the scan is the grid heuristic.
func scanSettings(s *lang.Session, o *fn, k int, opts lang.Options) *roots.ScanSettings {
	set := &roots.ScanSettings{Intervals: opts.Int("intervals", 0), Resolution: opts.Num("resolution", 0),
		MaxCells: opts.Int("maxcells", 0)}
	b, err := cellBounds(o, k)
	if err != nil {
		n := set.Intervals
		if n == 0 {
			n = 1000
		}
		s.Note(fmt.Sprintf("%s cannot be bounded over intervals (%v); scanning a grid of %d intervals instead, "+
			"which can miss roots closer than its spacing", lang.Format(o.f), err, n))
		return set
	}
	set.Bounds = b
	return set
}

// cellBounds returns the enclosures of the k-th derivative of a traced
// function of one number and of the next derivative over a cell, or why
// there are none.
func cellBounds(o *fn, k int) (func(lo, hi float64) (interval.I, interval.I), error) {
	if !o.Traced() {
		return nil, errors.New("it cannot be traced")
	}
	vars := o.traced.Vars()
	if len(vars) != 1 || !vars[0].IsScalar() {
		return nil, errors.New("it depends on more than one number")
	}
	g := o.s.Graph()
	nodes := make([]*autodiff.Node, 2)
	lang.Symbolic(func() *autodiff.Node {
		d := o.traced.Out
		for range k {
			d = g.Derivative(d, vars[0])
		}
		nodes[0], nodes[1] = d, g.Derivative(d, vars[0])
		return nil
	})
	b, err := autodiff.NewBounds(nodes, vars)
	if err != nil {
		return nil, err
	}
	in, out := make([]interval.I, 1), make([]interval.I, 2)
	return func(lo, hi float64) (interval.I, interval.I) {
		o.s.Check()
		in[0] = interval.I{Lo: lo, Hi: hi}
		b.Eval(in, out)
		return out[0], out[1]
	}, nil
}

// scanNotes prints what the scan of the function named name could not
// decide, one note per cluster, at most ten.
func scanNotes(s *lang.Session, name string, clusters []roots.Cluster, w float64) {
	for i, c := range clusters {
		if i == 10 {
			s.Note(fmt.Sprintf("and %d more such places", len(clusters)-10))
			break
		}
		s.Note(c.Describe(name, w))
	}
}

// rootResult is scipy's RootResults as a record.
// It has no positions: scipy's full output is the tuple (x0, r) of the
// root and this record.
func rootResult(r roots.Result) lang.Value {
	rec := record("root", lang.Num(r.Root), "iterations", count(r.Iterations), "function_calls", count(r.FunctionCalls),
		"converged", lang.Bool(r.Converged), "flag", lang.Str(string(r.Flag)))
	rec.Record().Tuple = []string{}
	return rec
}

// rootOrResult returns the root, or with full_output the whole record;
// a method that did not converge is an error unless full_output asks for
// the record (as scipy raises RuntimeError unless disp is false).
func rootOrResult(r roots.Result, opts lang.Options) lang.Value {
	if opts.Bool("full_output", false) {
		return rootResult(r)
	}
	if !r.Converged {
		panic(lang.Errorf("%s", strings.TrimSpace(r.Message+" ("+string(r.Flag)+")")))
	}
	return lang.Num(r.Root)
}

// bracketSettings reads xtol, rtol and maxiter.
func bracketSettings(opts lang.Options) roots.BracketSettings {
	return roots.BracketSettings{XTol: opts.Num("xtol", 0), RTol: opts.Num("rtol", 0), MaxIter: opts.Int("maxiter", 0)}
}

// bracketing is the type of brentq, brenth, ridder and bisect.
type bracketing func(f func(float64) float64, a, b float64, s *roots.BracketSettings) (roots.Result, error)

func bracketMethod(name, doc string, method bracketing) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: "f, a, b, {xtol, rtol, maxiter, full_output, args}", Topic: "roots", Doc: doc,
		Example: name + "(x**3 - 2*x - 5, 2, 3)",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("xtol", "rtol", "maxiter", "full_output", "args", "disp")
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			set := bracketSettings(opts)
			r, err := method(f, args.Num(1), args.Num(2), &set)
			if err != nil {
				lang.Throw(err)
			}
			return rootOrResult(r, opts)
		},
	}
}

// newtonFamily runs Newton's method (autodiff derivative), the secant
// method or Halley's method.
// newtonVector is newton with an array x0: scipy's vectorized Newton,
// secant or Halley method for elementwise equations.
func newtonVector(s *lang.Session, f, x0 lang.Value, method string, opts lang.Options) lang.Value {
	if opts.Has("x1") || opts.Has("rtol") {
		panic(lang.Errorf("newton with a vector x0 does not read x1 or rtol"))
	}
	p := newProblem(s, f, x0, opts)
	n := len(p.x0)
	vec := func(o *fn) func(x, y []float64) {
		return func(x, y []float64) {
			v := o.Eval(x, 0)
			if len(v) != n {
				panic(lang.Errorf("%s must return %d numbers, like x0, not %d", lang.Format(o.f), n, len(v)))
			}
			copy(y, v)
		}
	}
	fx := vec(p.obj)
	// f is elementwise, so its derivatives are those of Σf, one sweep each.
	df, d2f := p.obj.ElementwiseDerivs()
	if g := opts.Get("fprime", lang.Nil); g.IsCallable() {
		df = vec(p.sibling(g))
	}
	if g := opts.Get("fprime2", lang.Nil); g.IsCallable() {
		d2f = vec(p.sibling(g))
	}
	switch method {
	case "newton":
		d2f = nil
	case "secant":
		df, d2f = nil, nil
	case "halley":
		if d2f == nil && df != nil {
			panic(lang.Errorf("%s cannot be differentiated twice; give fprime2", lang.Format(f)))
		}
	default:
		panic(lang.Errorf("unknown method %q (newton, secant or halley)", method))
	}
	if method != "secant" && df == nil {
		s.Note(fmt.Sprintf("%s cannot be differentiated; using the secant method", lang.Format(f)))
	}
	r, err := roots.NewtonVec(fx, df, d2f, p.x0, &roots.NewtonSettings{Tol: opts.Num("tol", opts.Num("xtol", 0)),
		MaxIter: opts.Int("maxiter", 0)})
	if err != nil {
		lang.Throw(err)
	}
	if r.Warning != "" {
		s.Note(r.Warning)
	}
	if !opts.Bool("full_output", false) {
		return p.point(r.Root)
	}
	flags := func(b []bool) lang.Value {
		v := make([]float64, len(b))
		for i, x := range b {
			if x {
				v[i] = 1
			}
		}
		return vecValue(v)
	}
	return record("root", p.point(r.Root), "converged", flags(r.Converged), "zero_der", flags(r.ZeroDer))
}

func newtonFamily(s *lang.Session, f lang.Value, x0 float64, method string, opts lang.Options) roots.Result {
	fx, o := scalarFunc(s, f, extraArgs(opts))
	df, d2f := scalarDerivs(o)
	if g := opts.Get("fprime", lang.Nil); g.IsCallable() {
		df, _ = scalarFunc(s, g, extraArgs(opts))
	}
	if g := opts.Get("fprime2", lang.Nil); g.IsCallable() {
		d2f, _ = scalarFunc(s, g, extraArgs(opts))
	}
	set := &roots.NewtonSettings{Tol: opts.Num("tol", opts.Num("xtol", 0)), RTol: opts.Num("rtol", 0), MaxIter: opts.Int("maxiter", 0)}
	if opts.Has("x1") {
		x1 := opts.Num("x1", 0)
		set.X1 = &x1
	}
	switch method {
	case "newton":
		d2f = nil
	case "secant":
		df, d2f = nil, nil
	case "halley":
	default:
		panic(lang.Errorf("unknown method %q (newton, secant or halley)", method))
	}
	if method != "secant" && df == nil {
		s.Note(fmt.Sprintf("%s cannot be differentiated; using the secant method", lang.Format(f)))
	}
	r, err := roots.Newton(fx, df, d2f, x0, set)
	if err != nil {
		lang.Throw(err)
	}
	return r
}

// systemFunc prepares F for a solver of F(x) = 0 and returns its Jacobian
// (from autodiff, or the user's fprime/jac option), nil if neither.
func systemFunc(p *problem, opts lang.Options) (func(x, fx []float64), func(x, j []float64)) {
	f := func(x, fx []float64) { copy(fx, p.obj.Eval(x, 0)) }
	if n := len(p.obj.Eval(p.x0, 0)); n != len(p.x0) {
		panic(lang.Errorf("the system has %d equations in %d unknowns: it needs as many of each", n, len(p.x0)))
	}
	for _, name := range []string{"fprime", "jac"} {
		if g := opts.Get(name, lang.Nil); g.IsCallable() {
			user := p.sibling(g)
			return f, func(x, j []float64) { copy(j, user.Eval(x, 0)) }
		}
	}
	if p.obj.Traced() {
		return f, func(x, j []float64) { p.obj.Deriv(x, 0, j) }
	}
	return f, nil
}

// nonlinOptions are the options of scipy's nonlinear solvers.
var nonlinOptions = []string{"iter", "maxiter", "f_tol", "f_rtol", "x_tol", "x_rtol", "line_search", "alpha", "alphamax",
	"max_rank", "w0", "M", "rdiff", "inner_maxiter", "method"}

// nonlinSettings reads the options scipy's nonlinear solvers share.
func nonlinSettings(opts lang.Options) roots.NonlinSettings {
	set := roots.NonlinSettings{Iter: opts.Int("iter", 0), MaxIter: opts.Int("maxiter", 0),
		FTol: opts.Num("f_tol", opts.Num("tol", 0)), FRTol: opts.Num("f_rtol", 0), XTol: opts.Num("x_tol", 0), XRTol: opts.Num("x_rtol", 0)}
	if ls := opts.Get("line_search", lang.Str("armijo")); ls.IsNil() || ls.Text() == "none" {
		set.LineSearch = roots.NoLineSearch
	}
	return set
}

// systemSolvers are root's methods, each also a builtin under scipy's name.
var systemSolvers = []struct {
	method, name, doc string
	run               func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error)
}{
	{"hybr", "", "", func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Hybr(f, jac, x0, &roots.HybrSettings{XTol: opts.Num("xtol", opts.Num("tol", 0)), MaxFev: opts.Int("maxfev", 0),
			EpsFcn: opts.Num("epsfcn", 0), Factor: opts.Num("factor", 0)})
	}},
	{"lm", "", "", func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.LM(f, jac, x0, &roots.LMSettings{XTol: opts.Num("xtol", opts.Num("tol", 0)), FTol: opts.Num("ftol", 0),
			GTol: opts.Num("gtol", 0), MaxFev: opts.Int("maxfev", opts.Int("maxiter", 0))})
	}},
	{"broyden1", "broyden1", "Broyden's first (good) method: a quasi-Newton method updating an approximate Jacobian", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Broyden1(f, x0, &roots.BroydenSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), MaxRank: opts.Int("max_rank", 0)})
	}},
	{"broyden2", "broyden2", "Broyden's second (bad) method: a quasi-Newton method updating an approximate inverse Jacobian", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Broyden2(f, x0, &roots.BroydenSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), MaxRank: opts.Int("max_rank", 0)})
	}},
	{"anderson", "anderson", "extended Anderson mixing", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Anderson(f, x0, &roots.AndersonSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), W0: opts.Num("w0", 0), M: opts.Int("M", 0)})
	}},
	{"krylov", "newton_krylov", "Newton's method with the Jacobian inverted by a Krylov method (LGMRES) on finite differences", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		set := &roots.KrylovSettings{NonlinSettings: nonlinSettings(opts), RDiff: opts.Num("rdiff", 0), InnerMaxIter: opts.Int("inner_maxiter", 0)}
		if opts.Get("method", lang.Str("lgmres")).Text() == "gmres" {
			set.Method = roots.GMRES
		}
		return roots.Krylov(f, x0, set)
	}},
	{"linearmixing", "linearmixing", "a scalar approximation of the Jacobian", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.LinearMixing(f, x0, &roots.MixingSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0)})
	}},
	{"excitingmixing", "excitingmixing", "a tuned diagonal approximation of the Jacobian", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.ExcitingMixing(f, x0, &roots.MixingSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), AlphaMax: opts.Num("alphamax", 0)})
	}},
	{"diagbroyden", "diagbroyden", "a diagonal Broyden approximation of the Jacobian", func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.DiagBroyden(f, x0, &roots.MixingSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0)})
	}},
}

// solveSystem runs one of root's methods on F from x0.
func solveSystem(s *lang.Session, f, x0 lang.Value, method string, opts lang.Options) (*problem, *roots.SystemResult) {
	i := slices.IndexFunc(systemSolvers, func(m struct {
		method, name, doc string
		run               func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error)
	}) bool {
		return m.method == method
	})
	if i < 0 {
		names := make([]string, len(systemSolvers))
		for k, m := range systemSolvers {
			names[k] = m.method
		}
		panic(lang.Errorf("unknown method %q (methods: %s)", method, strings.Join(names, ", ")))
	}
	p := newProblem(s, f, x0, opts)
	fx, jac := systemFunc(p, opts)
	r, err := systemSolvers[i].run(fx, jac, p.x0, opts)
	if err != nil {
		lang.Throw(err)
	}
	return p, r
}

// systemResult is root's OptimizeResult as a record.
func (p *problem) systemResult(r *roots.SystemResult) lang.Value {
	return record("x", p.point(r.X), "success", lang.Bool(r.Success), "status", count(r.Ier), "message", lang.Str(r.Message),
		"fun", vecValue(r.Fvec), "nfev", count(r.NFev), "njev", count(r.NJev), "nit", count(r.Iterations))
}

// namedSolvers are broyden1, anderson, ...: x, or an error that says why
// it did not converge (scipy raises NoConvergence).
func namedSolvers() []*lang.Builtin {
	var bs []*lang.Builtin
	for _, m := range systemSolvers {
		if m.name == "" {
			continue
		}
		method := m.method
		bs = append(bs, &lang.Builtin{
			Name: m.name, Params: "F, xin, {iter, maxiter, f_tol, alpha, line_search, args, ...}", Topic: "roots",
			Doc: "A root of a system of equations, by scipy's " + m.name + ".\n" +
				"Solves F(x) = 0 near xin by " + m.doc + ", as scipy.optimize." + m.name +
				";\nit stops with an error when it does not converge (scipy's NoConvergence).",
			Example: m.name + "([0.5*cos(y) - x, 0.5*sin(x) - y], [0, 0])",
			MinArgs: 2, MaxArgs: 3,
			Fn: func(s *lang.Session, a lang.Args) lang.Value {
				args, opts := a.Options()
				opts.Check(append([]string{"args"}, nonlinOptions...)...)
				p, r := solveSystem(s, args[0], args[1], method, opts)
				if !r.Success {
					panic(lang.Errorf("%s did not converge: %s", method, r.Message))
				}
				return p.point(r.X)
			},
		})
	}
	return bs
}

var rootsBuiltins = append([]*lang.Builtin{
	bracketMethod("brentq", "A root of f in [a, b] by Brent's method.\nf must change sign on [a, b]; Brent 1973, as scipy.optimize.brentq;\n{full_output: true} gives a record root, iterations, function_calls, converged, flag", roots.Brentq),
	bracketMethod("brenth", "A root of f in [a, b] by Brent's method, hyperbolic variant.\nBrent's method with hyperbolic extrapolation, as scipy.optimize.brenth", roots.Brenth),
	bracketMethod("ridder", "A root of f in [a, b] by Ridders' method.\nAs scipy.optimize.ridder", roots.Ridder),
	bracketMethod("bisect", "A root of f in [a, b] by bisection.\nAs scipy.optimize.bisect", roots.Bisect),
	{
		Name: "toms748", Params: "f, a, b, {k, xtol, rtol, maxiter, full_output, args}", Topic: "roots",
		Doc: "A root of f in [a, b] by TOMS algorithm 748.\n" +
			"By Alefeld, Potra and Shi's algorithm 748 (k = 1 or 2), as scipy.optimize.toms748",
		Example: "toms748(x**3 - 2*x - 5, 2, 3)",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("k", "xtol", "rtol", "maxiter", "full_output", "args")
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			r, err := roots.TOMS748(f, args.Num(1), args.Num(2), &roots.TOMS748Settings{BracketSettings: bracketSettings(opts), K: opts.Int("k", 0)})
			if err != nil {
				lang.Throw(err)
			}
			return rootOrResult(r, opts)
		},
	},
	{
		Name: "newton", Params: "f, x0, {fprime, fprime2, method, x1, tol, rtol, maxiter, full_output, args}", Topic: "roots",
		Doc: "A root of f near x0 by Newton's method.\n" +
			"Uses the exact derivative from autodiff (a user fprime wins);\n" +
			"{method: \"secant\"} uses secants instead, {method: \"halley\"} Halley's method with the second derivative.\n" +
			"As scipy.optimize.newton; {full_output: true} gives a record. A vector x0 solves f_i(x_i) = 0 for every i at\n" +
			"once (f elementwise, as scipy's vectorized newton; f' and f'' from autodiff unless given); full_output gives\n" +
			"root, converged, zero_der.",
		Example: "newton(x**2 - 2, 1)",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("fprime", "fprime2", "method", "x1", "tol", "rtol", "maxiter", "full_output", "args", "disp")
			method := "newton"
			if opts.Has("fprime2") {
				method = "halley"
			}
			method = opts.Text("method", method)
			if args[1].Kind() != lang.NumKind {
				return newtonVector(s, args[0], args[1], method, opts)
			}
			return rootOrResult(newtonFamily(s, args[0], args.Num(1), method, opts), opts)
		},
	},
	{
		Name: "root_scalar", Params: "f, {method, bracket, x0, x1, fprime, fprime2, xtol, rtol, maxiter, args}", Topic: "roots",
		Doc: "A root of a function of one variable, by a chosen method.\n" +
			"As scipy.optimize.root_scalar: method brentq (the default with a bracket), brenth, ridder, bisect,\n" +
			"toms748, newton (the default with x0; derivative from autodiff), secant, halley. A record root, iterations,\n" +
			"function_calls, converged, flag.",
		Example: "root_scalar(cos(x) - x, {bracket: [0, 1]}).root",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("method", "bracket", "x0", "x1", "fprime", "fprime2", "xtol", "rtol", "maxiter", "args")
			method := "newton"
			if opts.Has("bracket") {
				method = "brentq"
			}
			method = opts.Text("method", method)
			switch method {
			case "newton", "secant", "halley":
				if !opts.Has("x0") {
					panic(lang.Errorf("method %s needs a starting point x0", method))
				}
				return rootResult(newtonFamily(s, args[0], opts.Num("x0", 0), method, opts))
			}
			br, ok := toArray(opts.Get("bracket", lang.Nil))
			if !ok || len(br.Data) != 2 {
				panic(lang.Errorf("method %s needs a bracket [a, b]", method))
			}
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			set := bracketSettings(opts)
			var r roots.Result
			var err error
			switch method {
			case "brentq":
				r, err = roots.Brentq(f, br.Data[0], br.Data[1], &set)
			case "brenth":
				r, err = roots.Brenth(f, br.Data[0], br.Data[1], &set)
			case "ridder":
				r, err = roots.Ridder(f, br.Data[0], br.Data[1], &set)
			case "bisect":
				r, err = roots.Bisect(f, br.Data[0], br.Data[1], &set)
			case "toms748":
				r, err = roots.TOMS748(f, br.Data[0], br.Data[1], &roots.TOMS748Settings{BracketSettings: set})
			default:
				panic(lang.Errorf("unknown method %q", method))
			}
			if err != nil {
				lang.Throw(err)
			}
			return rootResult(r)
		},
	},
	{
		Name: "fixed_point", Params: "g, x0, {method, xtol, maxiter, args}", Topic: "roots",
		Doc: "A fixed point of g: an x with g(x) = x.\n" +
			"Searched near x0, with Steffensen's del2 acceleration (or {method: \"iteration\"}), as\n" +
			"scipy.optimize.fixed_point; a vector x0 makes g a map of vectors, accelerated componentwise.",
		Example: "fixed_point(cos(x), 1)",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("method", "xtol", "maxiter", "args")
			set := &roots.FixedPointSettings{XTol: opts.Num("xtol", 0), MaxIter: opts.Int("maxiter", 0)}
			switch m := opts.Text("method", "del2"); m {
			case "del2":
			case "iteration":
				set.Method = roots.Iteration
			default:
				panic(lang.Errorf("unknown method %q (del2 or iteration)", m))
			}
			if args[1].Kind() != lang.NumKind {
				// A vector x0: g maps vectors to vectors, componentwise steps.
				p := newProblem(s, args[0], args[1], opts)
				n := len(p.x0)
				r, err := roots.FixedPointVec(func(x, y []float64) {
					gx := p.obj.Eval(x, 0)
					if len(gx) != n {
						panic(lang.Errorf("g must return %d numbers, like x0, not %d", n, len(gx)))
					}
					copy(y, gx)
				}, p.x0, set)
				if err != nil {
					lang.Throw(err)
				}
				if !r.Converged {
					panic(lang.Errorf("%s", r.Message))
				}
				return p.point(r.X)
			}
			g, _ := scalarFunc(s, args[0], extraArgs(opts))
			r, err := roots.FixedPoint(g, args.Num(1), set)
			if err != nil {
				lang.Throw(err)
			}
			return rootOrResult(r, opts)
		},
	},
	{
		Name: "fsolve", Params: "F, x0, {fprime, full_output, xtol, maxfev, epsfcn, factor, args}", Topic: "roots",
		Doc: "A root of a system of equations by Powell's hybrid method.\n" +
			"Solves F(x) = 0 near x0 (MINPACK's hybrj), as scipy.optimize.fsolve,\n" +
			"with the Jacobian from autodiff (a user fprime wins). {full_output: true} gives a record x, infodict (nfev,\n" +
			"njev, fvec, fjac, r, qtf), ier, mesg.",
		Example: "fsolve([x + 0.5*(x - y)**3 - 1, 0.5*(y - x)**3 + y], [0, 0])",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("fprime", "full_output", "xtol", "maxfev", "epsfcn", "factor", "args", "col_deriv")
			p, r := solveSystem(s, args[0], args[1], "hybr", opts)
			if !opts.Bool("full_output", false) {
				if !r.Success {
					s.Print("RuntimeWarning: " + r.Message)
				}
				return p.point(r.X)
			}
			info := record("nfev", count(r.NFev), "njev", count(r.NJev), "fvec", vecValue(r.Fvec),
				"fjac", lang.Arr(array.New([]int{len(r.X), len(r.X)}, r.Fjac)), "r", vecValue(r.R), "qtf", vecValue(r.Qtf))
			return record("x", p.point(r.X), "infodict", info, "ier", count(r.Ier), "mesg", lang.Str(r.Message))
		},
	},
	{
		Name: "root", Params: "F, x0, {method, jac, tol, args, ...}", Topic: "roots",
		Doc: "A root of a system of equations, by a chosen method.\n" +
			"Solves F(x) = 0 near x0, as scipy.optimize.root: method hybr (the default), lm, broyden1,\n" +
			"broyden2, anderson, krylov, linearmixing, excitingmixing, diagbroyden; the Jacobian from autodiff for hybr and lm.\n" +
			"A record x, success, status, message, fun, nfev, njev, nit.",
		Example: "root([x + 0.5*(x - y)**3 - 1, 0.5*(y - x)**3 + y], [0, 0], {method: \"lm\"}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(append([]string{"method", "jac", "tol", "args", "xtol", "ftol", "gtol", "maxfev", "epsfcn", "factor"}, nonlinOptions...)...)
			p, r := solveSystem(s, args[0], args[1], opts.Text("method", "hybr"), opts)
			return p.systemResult(r)
		},
	},
	{
		Name: "roots", Params: "f, a, b, {resolution, maxcells, intervals}", Topic: "roots",
		Doc: "Every root of f in an interval.\n" +
			"On [a, b]: where f is a formula (it can be traced, and every function in it has interval\n" +
			"bounds) none is missed: [a, b] is halved until interval arithmetic on f and f' (from autodiff) proves that\n" +
			"each piece has no root or exactly one (refined by brentq), or the piece is narrower than resolution\n" +
			"(1e-10*(b - a)); such pieces are reported in a note, each as a multiple root or roots closer than the\n" +
			"resolution (listed), a root where f touches 0 (listed), a possible pair that was not seen (not listed), a\n" +
			"sign change at a pole or jump (not listed), a stretch where |f| underflows (not listed), or the cell limit\n" +
			"maxcells (200000) reached. Exact up to the rounding of the math library. Other functions are scanned on a\n" +
			"grid of intervals (1000) with a note: sign changes and minima of |f|, which can miss close pairs.",
		Example: "roots(sin(1/x), 0.01, 1)",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(scanOptions...)
			f, o := scalarFunc(s, args[0], nil)
			set := scanSettings(s, o, 0, opts)
			r, err := roots.FindAll(f, args.Num(1), args.Num(2), set)
			if err != nil {
				lang.Throw(err)
			}
			scanNotes(s, "f", r.Clusters, r.Resolution)
			return vecValue(r.Roots)
		},
	},
	{
		Name: "extrema", Params: "f, a, b, {resolution, maxcells, intervals}", Topic: "roots",
		Doc: "The largest and smallest values of f on an interval.\n" +
			"Found on [a, b] by the calculus recipe: the critical points are the roots\n" +
			"of f' (exact, from autodiff) in [a, b], found as roots finds them (none missed where f is a formula, with\n" +
			"f'' bounding f'); f at them, at the endpoints and at every stretch a note reports is compared. Where f'\n" +
			"underflows (|f'| < 2.2e-308, as for x*exp(-x) beyond x = 745) there are no critical points, and a note\n" +
			"says so. A record min, argmin, max, argmax, critical.",
		Example: "extrema(x**3 - 3*x, -2, 3)",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(scanOptions...)
			f, o := scalarFunc(s, args[0], nil)
			df, _ := scalarDerivs(o)
			set := scanSettings(s, o, 1, opts)
			r, err := roots.Extrema(f, df, args.Num(1), args.Num(2), set)
			if err != nil {
				lang.Throw(err)
			}
			scanNotes(s, "f'", r.Clusters, r.Resolution)
			return record("min", lang.Num(r.Min), "argmin", lang.Num(r.ArgMin), "max", lang.Num(r.Max), "argmax", lang.Num(r.ArgMax),
				"critical", vecValue(r.Critical))
		},
	},
}, namedSolvers()...)
