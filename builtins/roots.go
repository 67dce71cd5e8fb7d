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
var scanOptions = []lang.Opt{{Name: "resolution", Doc: "the narrowest piece examined (1e-10*(b - a))"},
	{Name: "maxcells", Doc: "the most pieces examined (200000)"},
	{Name: "intervals", Doc: "the grid's intervals, for a function that is not a formula (1000)"}}

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

// bracketOpts are the options of the bracketing root finders.
var bracketOpts = []lang.Opt{{Name: "xtol", Doc: "the absolute tolerance on the root (2e-12)"},
	{Name: "rtol", Doc: "the relative tolerance on the root (4·machine epsilon)"}, {Name: "maxiter", Doc: "the most iterations (100)"},
	fullOutputOpt, argsOpt}

// The methods of root_scalar, and those that search a bracket.
var (
	bracketMethods    = []string{"brentq", "brenth", "ridder", "bisect", "toms748"}
	newtonMethods     = []string{"newton", "secant", "halley"}
	rootScalarMethods = slices.Concat(bracketMethods, newtonMethods)
)

// scalarParam is the function of one variable that the scalar root
// finders and minimizers take.
var scalarParam = lang.Param{Name: "f", Kind: lang.FunctionArg, Doc: "the function: of x, or an expression in x"}

// bracketParams are the parameters of the bracketing root finders.
var bracketParams = []lang.Param{scalarParam,
	{Name: "a", Kind: lang.NumberArg, Doc: "the bracket's left end"},
	{Name: "b", Kind: lang.NumberArg, Doc: "the bracket's right end, where f has the sign opposite to f(a)'s"}}

// intervalParams are the parameters of roots and extrema.
var intervalParams = []lang.Param{scalarParam,
	{Name: "a", Kind: lang.NumberArg, Doc: "the interval's left end"},
	{Name: "b", Kind: lang.NumberArg, Doc: "the interval's right end"}}

// systemParams are the parameters of the solvers of systems of equations.
func systemParams(start string) []lang.Param {
	return []lang.Param{{Name: "F", Kind: lang.FunctionArg, Doc: "the equations F(x) = 0: a function of x returning a vector, or a list of expressions"},
		startParam(start)}
}

// bracketing is the type of brentq, brenth, ridder and bisect.
type bracketing func(f func(float64) float64, a, b float64, s *roots.BracketSettings) (roots.Result, error)

func bracketMethod(name, doc string, method bracketing) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: bracketParams, Options: bracketOpts, Topic: "roots", Doc: doc,
		Example: name + "(x**3 - 2*x - 5, 2, 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
	if g := opts.Func("fprime"); !g.IsNil() {
		df = vec(p.sibling(g))
	}
	if g := opts.Func("fprime2"); !g.IsNil() {
		d2f = vec(p.sibling(g))
	}
	df, d2f = newtonDerivatives(s, f, method, df, d2f)
	r, err := roots.NewtonVec(fx, df, d2f, p.x0, &roots.NewtonSettings{XTol: opts.Num("tol", opts.Num("xtol", 0)),
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

// newtonFamily runs Newton's method (autodiff derivative), the secant
// method or Halley's method.
func newtonFamily(s *lang.Session, f lang.Value, x0 float64, method string, opts lang.Options) roots.Result {
	fx, o := scalarFunc(s, f, extraArgs(opts))
	df, d2f := scalarDerivs(o)
	if g := opts.Func("fprime"); !g.IsNil() {
		df, _ = scalarFunc(s, g, extraArgs(opts))
	}
	if g := opts.Func("fprime2"); !g.IsNil() {
		d2f, _ = scalarFunc(s, g, extraArgs(opts))
	}
	set := &roots.NewtonSettings{XTol: opts.Num("tol", opts.Num("xtol", 0)), RTol: opts.Num("rtol", 0), MaxIter: opts.Int("maxiter", 0)}
	if opts.Has("x1") {
		x1 := opts.Num("x1", 0)
		set.X1 = &x1
	}
	df, d2f = newtonDerivatives(s, f, method, df, d2f)
	r, err := roots.Newton(fx, df, d2f, x0, set)
	if err != nil {
		lang.Throw(err)
	}
	return r
}

// newtonDerivatives keeps the derivatives that a method of the Newton
// family uses (newton the first, secant none, halley the first and the
// second), for the scalar and the vectorized newton alike. The secant
// method stands in, with a note, where the first is missing; halley
// refuses a first derivative without a second rather than fall back to
// Newton's steps in silence.
func newtonDerivatives[D ~func(float64) float64 | ~func(x, y []float64)](s *lang.Session, f lang.Value, method string, df, d2f D) (D, D) {
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
	return df, d2f
}

// systemFunc prepares F for a solver of F(x) = 0 and returns its Jacobian
// as the fprime or jac option gives it (jacobianOption); nil asks for
// MINPACK's finite differences, which a step (root's eps, fsolve's
// epsfcn) given alone asks for too.
func systemFunc(p *problem, opts lang.Options) (func(x, fx []float64), func(x, j []float64)) {
	f := func(x, fx []float64) { copy(fx, p.obj.Eval(x, 0)) }
	if n := len(p.obj.Eval(p.x0, 0)); n != len(p.x0) {
		panic(lang.Errorf("the system has %d equations in %d unknowns: it needs as many of each", n, len(p.x0)))
	}
	name, step := "jac", "eps"
	if opts.Has("fprime") || opts.Has("epsfcn") {
		name, step = "fprime", "epsfcn" // fsolve's names
	}
	return f, p.jacobianOption(withStep(opts, name, step), name)
}

// rootEpsOpt is root's name for MINPACK's epsfcn (hybr and lm).
var rootEpsOpt = lang.Opt{Name: "eps", Doc: epsfcnOpt.Doc + " (alone, it asks for finite differences)"}

// nonlinOptions are the options of scipy's nonlinear solvers.
var nonlinOptions = []lang.Opt{
	{Name: "iter", Doc: "the number of iterations to make, converged or not"}, maxiterOpt,
	{Name: "f_tol", Doc: "the absolute tolerance on the residual's largest entry (6e-6)"},
	{Name: "f_rtol", Doc: "the relative tolerance on the residual"}, {Name: "x_tol", Doc: "the absolute tolerance on the step"},
	{Name: "x_rtol", Doc: "the relative tolerance on the step"},
	{Name: "line_search", Doc: "armijo (default), or nil or none for no line search"},
}

// The options of some of the nonlinear solvers.
var (
	alphaOpt   = lang.Opt{Name: "alpha", Doc: "the scale of the initial Jacobian approximation"}
	maxRankOpt = lang.Opt{Name: "max_rank", Doc: "the largest rank of the Broyden matrix kept"}
)

// nonlinSettings reads the options scipy's nonlinear solvers share.
func nonlinSettings(opts lang.Options) roots.NonlinSettings {
	set := roots.NonlinSettings{Iter: opts.Int("iter", 0), MaxIter: opts.Int("maxiter", 0),
		FTol: opts.Num("f_tol", opts.Num("tol", 0)), FRTol: opts.Num("f_rtol", 0), XTol: opts.Num("x_tol", 0), XRTol: opts.Num("x_rtol", 0)}
	if ls := opts.Get("line_search", lang.Str("armijo")); ls.IsNil() || opts.OneOf("line_search", "armijo", "none") == "none" {
		set.LineSearch = roots.NoLineSearch
	}
	return set
}

// systemSolver is one of root's methods, also a builtin under scipy's name
// unless name is "".
type systemSolver struct {
	method, name, doc string
	options           []lang.Opt // the options the method reads
	run               func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error)
}

// systemSolvers are root's methods.
var systemSolvers = []systemSolver{
	{"hybr", "", "", []lang.Opt{xtolOpt, maxfevOpt, rootEpsOpt, factorOpt}, func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Hybr(f, jac, x0, &roots.HybrSettings{XTol: opts.Num("xtol", opts.Num("tol", 0)), MaxFuncEvals: opts.Int("maxfev", 0),
			EpsFcn: opts.Num("epsfcn", opts.Num("eps", 0)), Factor: opts.Num("factor", 0)})
	}},
	{"lm", "", "", []lang.Opt{xtolOpt, ftolOpt, gtolOpt, maxfevOpt, maxiterOpt, rootEpsOpt}, func(f, jac func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.LM(f, jac, x0, &roots.LMSettings{XTol: opts.Num("xtol", opts.Num("tol", 0)), FTol: opts.Num("ftol", 0),
			GTol: opts.Num("gtol", 0), MaxFuncEvals: opts.Int("maxfev", opts.Int("maxiter", 0)), EpsFcn: opts.Num("eps", 0)})
	}},
	{"broyden1", "broyden1", "Broyden's first (good) method: a quasi-Newton method updating an approximate Jacobian", slices.Concat(nonlinOptions, []lang.Opt{alphaOpt, maxRankOpt}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Broyden1(f, x0, &roots.BroydenSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), MaxRank: opts.Int("max_rank", 0)})
	}},
	{"broyden2", "broyden2", "Broyden's second (bad) method: a quasi-Newton method updating an approximate inverse Jacobian", slices.Concat(nonlinOptions, []lang.Opt{alphaOpt, maxRankOpt}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Broyden2(f, x0, &roots.BroydenSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), MaxRank: opts.Int("max_rank", 0)})
	}},
	{"anderson", "anderson", "extended Anderson mixing", slices.Concat(nonlinOptions, []lang.Opt{alphaOpt, {Name: "w0", Doc: "the regularization of the mixing (0.01)"}, {Name: "M", Doc: "how many previous iterates are mixed (5)"}}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.Anderson(f, x0, &roots.AndersonSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), W0: opts.Num("w0", 0), M: opts.Int("M", 0)})
	}},
	{"krylov", "newton_krylov", "Newton's method with the Jacobian inverted by a Krylov method (LGMRES) on finite differences", slices.Concat(nonlinOptions, []lang.Opt{{Name: "rdiff", Doc: "the relative step of the finite differences"}, {Name: "inner_maxiter", Doc: "the most inner Krylov iterations (20)"}, {Name: "method", Doc: "the Krylov method: lgmres (default) or gmres"}}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		set := &roots.KrylovSettings{NonlinSettings: nonlinSettings(opts), RDiff: opts.Num("rdiff", 0), InnerMaxIter: opts.Int("inner_maxiter", 0)}
		if opts.OneOf("method", "lgmres", "gmres") == "gmres" {
			set.Method = roots.GMRES
		}
		return roots.Krylov(f, x0, set)
	}},
	{"linearmixing", "linearmixing", "a scalar approximation of the Jacobian", slices.Concat(nonlinOptions, []lang.Opt{alphaOpt}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.LinearMixing(f, x0, &roots.MixingSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0)})
	}},
	{"excitingmixing", "excitingmixing", "a tuned diagonal approximation of the Jacobian", slices.Concat(nonlinOptions, []lang.Opt{alphaOpt, {Name: "alphamax", Doc: "the largest entry of the diagonal Jacobian (1)"}}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.ExcitingMixing(f, x0, &roots.MixingSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0), AlphaMax: opts.Num("alphamax", 0)})
	}},
	{"diagbroyden", "diagbroyden", "a diagonal Broyden approximation of the Jacobian", slices.Concat(nonlinOptions, []lang.Opt{alphaOpt}), func(f, _ func(x, y []float64), x0 []float64, opts lang.Options) (*roots.SystemResult, error) {
		return roots.DiagBroyden(f, x0, &roots.MixingSettings{NonlinSettings: nonlinSettings(opts), Alpha: opts.Num("alpha", 0)})
	}},
}

// solveSystem runs one of root's methods on F from x0.
func solveSystem(s *lang.Session, f, x0 lang.Value, method string, opts lang.Options) (*problem, *roots.SystemResult) {
	i := slices.IndexFunc(systemSolvers, func(m systemSolver) bool { return m.method == method })
	p := newProblem(s, f, x0, opts)
	checkWork(s, method, len(p.x0), len(p.x0), 0)
	if method == "hybr" || method == "lm" {
		checkUnstoppable(s, method, len(p.x0), len(p.x0))
	}
	fx, jac := systemFunc(p, opts)
	r, err := systemSolvers[i].run(fx, jac, p.x0, opts)
	if err != nil {
		lang.Throw(err)
	}
	return p, r
}

// rootMethods are the names of root's methods.
func rootMethods() []string {
	names := make([]string, len(systemSolvers))
	for i, m := range systemSolvers {
		names[i] = m.method
	}
	return names
}

// rootOptions are root's options: each method's, marked with the methods
// that read it, after those every method reads. (newton_krylov's method,
// the inner Krylov method, is root's method.)
func rootOptions() []lang.Opt {
	all := []lang.Opt{methodOpt, argsOpt, tolOpt,
		{Name: "jac", Doc: "the Jacobian as a function, in place of autodiff's; false: MINPACK's forward differences", Methods: []string{"hybr", "lm"}}}
	for _, m := range systemSolvers {
		for _, o := range m.options {
			i := slices.IndexFunc(all, func(a lang.Opt) bool { return a.Name == o.Name })
			switch {
			case o.Name == "method":
			case i < 0:
				o.Methods = []string{m.method}
				all = append(all, o)
			default:
				all[i].Methods = append(all[i].Methods, m.method)
			}
		}
	}
	return all
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
			Name: m.name, Params: systemParams("xin"), Options: append([]lang.Opt{argsOpt}, m.options...), Topic: "roots",
			Doc: "A root of a system of equations, by scipy's " + m.name + ".\n" +
				"Solves F(x) = 0 near xin by " + m.doc + ", as scipy.optimize." + m.name +
				";\nit stops with an error when it does not converge (scipy's NoConvergence).",
			Example: m.name + "([0.5*cos(y) - x, 0.5*sin(x) - y], [0, 0])",
			Fn: func(s *lang.Session, a lang.Args) lang.Value {
				args, opts := a.Options()
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
		Name: "toms748", Params: bracketParams, Topic: "roots",
		Options: append([]lang.Opt{{Name: "k", Doc: "the number of Newton steps per iteration: 1 or 2 (1)"}}, bracketOpts...),
		Doc: "A root of f in [a, b] by TOMS algorithm 748.\n" +
			"By Alefeld, Potra and Shi's algorithm 748 (k = 1 or 2), as scipy.optimize.toms748",
		Example: "toms748(x**3 - 2*x - 5, 2, 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			r, err := roots.TOMS748(f, args.Num(1), args.Num(2), &roots.TOMS748Settings{BracketSettings: bracketSettings(opts), K: opts.Int("k", 0)})
			if err != nil {
				lang.Throw(err)
			}
			return rootOrResult(r, opts)
		},
	},
	{
		Name: "newton", Params: []lang.Param{scalarParam,
			{Name: "x0", Doc: "the starting point: a number, or an array to solve f(x) = 0 elementwise"}}, Topic: "roots",
		Options: []lang.Opt{fprimeOpt, fprime2Opt, {Name: "method", Doc: "newton (default), secant, or halley (the default with fprime2)"}, x1Opt,
			{Name: "tol", Doc: "the absolute tolerance on the root (1.48e-8)"}, rtolOpt, {Name: "maxiter", Doc: "the most iterations (50)"},
			fullOutputOpt, argsOpt},
		Doc: "A root of f near x0 by Newton's method.\n" +
			"Uses the exact derivative from autodiff (a user fprime wins);\n" +
			"{method: \"secant\"} uses secants instead, {method: \"halley\"} Halley's method with the second derivative.\n" +
			"As scipy.optimize.newton; {full_output: true} gives a record. A vector x0 solves f_i(x_i) = 0 for every i at\n" +
			"once (f elementwise, as scipy's vectorized newton; f' and f'' from autodiff unless given); full_output gives\n" +
			"root, converged, zero_der.",
		Example: "newton(x**2 - 2, 1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
		Name: "root_scalar", Params: []lang.Param{scalarParam}, Topic: "roots", Methods: rootScalarMethods,
		Options: []lang.Opt{methodOpt, {Name: "bracket", Doc: "[a, b], where f changes sign", Methods: bracketMethods},
			{Name: "x0", Doc: x0Opt.Doc, Methods: newtonMethods}, {Name: "x1", Doc: x1Opt.Doc, Methods: newtonMethods},
			{Name: "fprime", Doc: fprimeOpt.Doc, Methods: newtonMethods}, {Name: "fprime2", Doc: fprime2Opt.Doc, Methods: newtonMethods},
			xtolOpt, rtolOpt, maxiterOpt, argsOpt},
		Doc: "A root of a function of one variable, by a chosen method.\n" +
			"As scipy.optimize.root_scalar: brentq by default with a bracket, newton with x0 (the derivative from\n" +
			"autodiff). A record root, iterations, function_calls, converged, flag.",
		Example: "root_scalar(cos(x) - x, {bracket: [0, 1]}).root",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			method := "newton"
			if opts.Has("bracket") {
				method = "brentq"
			}
			method = opts.Method("method", method)
			switch method {
			case "newton", "secant", "halley":
				if !opts.Has("x0") {
					panic(lang.Errorf("method %s needs a starting point x0", method))
				}
				return rootResult(newtonFamily(s, args[0], opts.Num("x0", 0), method, opts))
			}
			br, ok := toArray(opts.Get("bracket", lang.Nil))
			if !ok || br.Len() != 2 {
				panic(lang.Errorf("method %s needs a bracket [a, b]", method))
			}
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			set := bracketSettings(opts)
			var r roots.Result
			var err error
			switch method {
			case "brentq":
				r, err = roots.Brentq(f, br.Floats()[0], br.Floats()[1], &set)
			case "brenth":
				r, err = roots.Brenth(f, br.Floats()[0], br.Floats()[1], &set)
			case "ridder":
				r, err = roots.Ridder(f, br.Floats()[0], br.Floats()[1], &set)
			case "bisect":
				r, err = roots.Bisect(f, br.Floats()[0], br.Floats()[1], &set)
			case "toms748":
				r, err = roots.TOMS748(f, br.Floats()[0], br.Floats()[1], &roots.TOMS748Settings{BracketSettings: set})
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
		Name: "fixed_point", Params: []lang.Param{
			{Name: "g", Kind: lang.FunctionArg, Doc: "the function: of x, or an expression in x"},
			{Name: "x0", Doc: "the starting point: a number, or a vector for a map of vectors"}}, Topic: "roots",
		Options: []lang.Opt{{Name: "method", Doc: "del2 (default, Steffensen's acceleration) or iteration"}, {Name: "xtol", Doc: "the relative tolerance (1e-8)"},
			{Name: "maxiter", Doc: "the most iterations (500)"}, argsOpt},
		Doc: "A fixed point of g: an x with g(x) = x.\n" +
			"Searched near x0, with Steffensen's del2 acceleration (or {method: \"iteration\"}), as\n" +
			"scipy.optimize.fixed_point; a vector x0 makes g a map of vectors, accelerated componentwise.",
		Example: "fixed_point(cos(x), 1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
		Name: "fsolve", Params: systemParams("x0"), Topic: "roots",
		Options: []lang.Opt{{Name: "fprime", Doc: "the Jacobian as a function, in place of autodiff's; false: MINPACK's forward differences (hybrd)"}, fullOutputOpt, {Name: "xtol", Doc: "the relative tolerance between iterates (1.49e-8)"}, maxfevOpt, epsfcnOpt, factorOpt, argsOpt},
		Doc: "A root of a system of equations by Powell's hybrid method.\n" +
			"Solves F(x) = 0 near x0 (MINPACK's hybrj), as scipy.optimize.fsolve,\n" +
			"with the Jacobian from autodiff (a user fprime wins). {full_output: true} gives a record x, infodict (nfev,\n" +
			"njev, fvec, fjac, r, qtf), ier, mesg. Inside a function being differentiated, with args that hold its\n" +
			"variables, the root is differentiable by the implicit function theorem (see sensitivity).",
		Example: "fsolve([x + 0.5*(x - y)**3 - 1, 0.5*(y - x)**3 + y], [0, 0])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
		Name: "root", Params: systemParams("x0"), Options: rootOptions(), Methods: rootMethods(), Topic: "roots",
		Doc: "A root of a system of equations, by a chosen method.\n" +
			"Solves F(x) = 0 near x0, as scipy.optimize.root (hybr by default); the Jacobian from autodiff for hybr\n" +
			"and lm.\n" +
			"A record x, success, status, message, fun, nfev, njev, nit; x is differentiable with respect to args\n" +
			"by the implicit function theorem, as fsolve's.",
		Example: "root([x + 0.5*(x - y)**3 - 1, 0.5*(y - x)**3 + y], [0, 0], {method: \"lm\"}).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			p, r := solveSystem(s, args[0], args[1], opts.Method("method", "hybr"), opts)
			return p.systemResult(r)
		},
	},
	{
		Name: "roots", Params: intervalParams, Options: scanOptions, Topic: "roots",
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

		ArityHint: "numpy's roots(p) of a polynomial's coefficients is polyroots(p) here",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
		Name: "extrema", Params: intervalParams, Options: scanOptions, Topic: "roots",
		Doc: "The largest and smallest values of f on an interval.\n" +
			"Found on [a, b] by the calculus recipe: the critical points are the roots\n" +
			"of f' (exact, from autodiff) in [a, b], found as roots finds them (none missed where f is a formula, with\n" +
			"f'' bounding f'); f at them, at the endpoints and at every stretch a note reports is compared. Where f'\n" +
			"underflows (|f'| < 2.2e-308, as for x*exp(-x) beyond x = 745) there are no critical points, and a note\n" +
			"says so. A record min, argmin, max, argmax, critical. An error, rather than an answer, where f has a pole in\n" +
			"[a, b] (unbounded, no extremes), or where f on a check grid of [a, b] lies beyond the extremes found (a jump\n" +
			"or cusp, where f' need not vanish): split the interval there.",
		Example: "extrema(x**3 - 3*x, -2, 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
