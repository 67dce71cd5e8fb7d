package builtins

import (
	"slices"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/optimize"
)

// residuals adapts a calc vector function for the least-squares solvers:
// the residuals, their length, and the Jacobian as the option jacOption
// gives it (jacobianOption). With autodiff's Jacobian the fit runs as one
// (whileFitting), and the first evaluation, at x0, takes the Jacobian
// there along, which the solver always asks for next: a solver in the
// model then solves once at x0, with its sensitivities, rather than
// plainly and again for them.
func residuals(p *problem, opts lang.Options, jacOption string) (optimize.Residuals, optimize.Jacobian, int) {
	r := func(x, out []float64) { copy(out, p.obj.Eval(x, 0)) }
	jac := p.jacobianOption(opts, jacOption)
	if !p.obj.Traced() || !opts.Get(jacOption, lang.Nil).IsNil() {
		return r, jac, len(p.obj.Eval(p.x0, 0))
	}
	s := p.obj.s
	first := true
	var atX0 []float64 // the Jacobian at x0, taken with the first residuals
	fitR := func(x, out []float64) {
		whileFitting(s, func() {
			if first && slices.Equal(x, p.x0) {
				atX0 = make([]float64, len(out)*len(x))
				p.obj.Deriv(x, 0, atX0)
			}
			first = false
			r(x, out)
		})
	}
	fitJac := func(x, out []float64) {
		if at := atX0; at != nil {
			atX0 = nil
			if slices.Equal(x, p.x0) {
				copy(out, at)
				return
			}
		}
		whileFitting(s, func() { jac(x, out) })
	}
	return fitR, fitJac, p.obj.outLen
}

// jacobianOption is the Jacobian of a vector function as the option name
// gives it: a function (the user's); false, for the solver's own finite
// differences; or, left out, autodiff's (finite differences when f cannot
// be traced).
func (p *problem) jacobianOption(opts lang.Options, name string) optimize.Jacobian {
	switch j := opts.Get(name, lang.Nil); {
	case j.IsCallable():
		user := p.sibling(j)
		return func(x, out []float64) { copy(out, user.Eval(x, 0)) }
	case j.Kind() == lang.BoolKind && j.Float() == 0:
		return nil
	case !j.IsNil():
		panic(opts.Errorf(name, "%s must be a function, or false for finite differences, not %s", name, lang.Format(j)))
	case p.obj.Traced():
		return func(x, out []float64) { p.obj.Deriv(x, 0, out) }
	}
	return nil
}

// withStep makes a finite-difference step (the option step) given
// without a Jacobian (the option jac) ask for finite differences, jac
// false, as scipy's default Jacobian is theirs.
func withStep(opts lang.Options, jac, step string) lang.Options {
	if opts.Has(step) && opts.Get(jac, lang.Nil).IsNil() {
		return opts.With(jac, lang.Bool(false))
	}
	return opts
}

// matrix turns rows into an array value.
func matrix(rows [][]float64) lang.Value {
	if rows == nil {
		return lang.Nil
	}
	n := 0
	if len(rows) > 0 {
		n = len(rows[0])
	}
	data := make([]float64, 0, len(rows)*n)
	for _, r := range rows {
		data = append(data, r...)
	}
	return lang.Arr(array.New([]int{len(rows), n}, data))
}

// vecValue returns a copy of x as a vector value.
func vecValue(x []float64) lang.Value { return lang.Arr(array.Vector(append([]float64(nil), x...))) }

func count(n int) lang.Value { return lang.Num(float64(n)) }

// residualParams are the residuals, named name, and the starting point
// of leastsq and least_squares.
func residualParams(name string) []lang.Param {
	return []lang.Param{{Name: name, Kind: lang.FunctionArg, Doc: "the residuals: a function of x returning a vector, or a vector of expressions"}, startParam("x0")}
}

var leastSquaresBuiltins = []*lang.Builtin{
	{
		Name: "leastsq", Params: residualParams("f"), Topic: "optimize",
		Options: []lang.Opt{argsOpt, {Name: "Dfun", Doc: "the Jacobian as a function, in place of autodiff's; false: MINPACK's forward differences (lmdif)"}, fullOutputOpt, {Name: "ftol", Doc: "the relative tolerance on the sum of squares (1.49e-8)"}, {Name: "xtol", Doc: "the relative tolerance on x (1.49e-8)"}, {Name: "gtol", Doc: "the orthogonality tolerance between residuals and Jacobian columns (0)"}, maxfevOpt, epsfcnOpt, factorOpt},
		Doc: "Minimizes a sum of squares by Levenberg–Marquardt.\n" +
			"The residuals are f(x); MINPACK's lmder, as\n" +
			"scipy.optimize.leastsq, with the Jacobian from autodiff (a user Dfun wins). Returns a record x, ier, mesg;\n" +
			"{full_output: true} adds cov_x (the inverse of JᵀJ), nfev, njev, fvec, fjac, ipvt, qtf.",
		Example: "t = [0, 1, 2, 3]\nres(p) = p[0]*exp(p[1]*t) - [1, 2.7, 7.4, 20.1]\nleastsq(res, [1, 1]).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			p := newProblem(s, args[0], args[1], opts)
			r, jac, m := residuals(p, withStep(opts, "Dfun", "epsfcn"), "Dfun")
			checkWork(s, "lm", len(p.x0), m, 0)
			checkUnstoppable(s, "lm", m, len(p.x0))
			res, err := optimize.LeastSq(r, jac, p.x0, m, &optimize.LeastSqSettings{
				FTol: opts.Num("ftol", 0), XTol: opts.Num("xtol", 0), GTol: opts.Num("gtol", 0),
				MaxFuncEvals: opts.Int("maxfev", 0), EpsFcn: opts.Num("epsfcn", 0), Factor: opts.Num("factor", 0)})
			if err != nil {
				lang.Throw(err)
			}
			rec := lang.NewRecord()
			rec.Set("x", p.point(res.X))
			rec.Set("ier", count(res.Ier))
			rec.Set("mesg", lang.Str(res.Message))
			rec.Tuple = []string{"x", "ier"} // scipy's (x, ier)
			if opts.Bool("full_output", false) {
				// scipy's (x, cov_x, infodict, mesg, ier) has infodict,
				// whose fields this record holds flat: no positions.
				rec.Tuple = []string{}
				rec.Set("cov_x", matrix(res.Cov))
				rec.Set("nfev", count(res.FuncEvals))
				rec.Set("njev", count(res.GradEvals))
				rec.Set("fvec", vecValue(res.Fvec))
				rec.Set("fjac", matrix(res.Fjac))
				ipvt := make([]float64, len(res.Ipvt))
				for i, k := range res.Ipvt {
					ipvt[i] = float64(k + 1) // scipy's ipvt counts from 1, as MINPACK's
				}
				rec.Set("ipvt", vecValue(ipvt))
				rec.Set("qtf", vecValue(res.Qtf))
			}
			return lang.RecordOf(rec)
		},
	},
	{
		Name: "least_squares", Params: residualParams("fun"), Topic: "optimize",
		Options: leastSquaresOpts, Methods: []string{"trf", "dogbox", "lm"},
		Doc: "Minimizes a sum of squares, optionally within bounds.\n" +
			"The cost is half the sum of squares of fun(x), as scipy.optimize.least_squares (trf by default);\n" +
			"the Jacobian comes from autodiff. A loss other than linear makes the fit robust to outliers, applied\n" +
			"to (f/f_scale)**2. Returns a record x, cost, fun, jac, grad, optimality, active_mask, nfev, njev,\n" +
			"status, message, success.",
		Example: "least_squares([x - 1, 10*(y - x**2)], [-1.2, 1]).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			p := newProblem(s, args[0], args[1], opts)
			jacOpts := withStep(opts, "jac", "diff_step")
			if j := opts.Get("jac", lang.Nil); j.Kind() == lang.StrKind {
				jacOpts = opts.With("jac", lang.Bool(false)) // scipy's finite differences, below
			}
			r, jac, m := residuals(p, jacOpts, "jac")
			checkWork(s, "least_squares", len(p.x0), m, 0)
			settings := &optimize.LeastSquaresSettings{FTol: opts.Num("ftol", 0), XTol: opts.Num("xtol", 0), GTol: opts.Num("gtol", 0),
				MaxFuncEvals: opts.Int("max_nfev", 0), Diff: p.leastSquaresDifferences(opts), FScale: opts.Num("f_scale", 0)}
			losses := map[string]optimize.LeastSquaresLoss{"linear": optimize.Linear, "soft_l1": optimize.SoftL1,
				"huber": optimize.Huber, "cauchy": optimize.Cauchy, "arctan": optimize.Arctan}
			loss, ok := losses[opts.Text("loss", "linear")]
			if !ok {
				panic(lang.Errorf("unknown loss %q (linear, soft_l1, huber, cauchy, arctan)", opts.Text("loss", "")))
			}
			settings.Loss = loss
			switch opts.Method("method", "trf") {
			case "trf":
				settings.Method = optimize.TRF
			case "lm":
				settings.Method = optimize.LM
			case "dogbox":
				settings.Method = optimize.Dogbox
			}
			res, err := optimize.LeastSquares(r, jac, p.x0, m, scalarBounds(opts, len(p.x0)), settings)
			if err != nil {
				lang.Throw(err)
			}
			rec := lang.NewRecord()
			rec.Set("x", p.point(res.X))
			rec.Set("cost", lang.Num(res.F))
			rec.Set("fun", vecValue(res.Fun))
			rec.Set("jac", matrix(res.Jac))
			if res.Grad != nil {
				rec.Set("grad", vecValue(res.Grad))
			}
			rec.Set("optimality", lang.Num(res.Optimality))
			mask := make([]float64, len(res.ActiveMask))
			for i, k := range res.ActiveMask {
				mask[i] = float64(k)
			}
			rec.Set("active_mask", vecValue(mask))
			rec.Set("nfev", count(res.FuncEvals))
			rec.Set("njev", count(res.GradEvals))
			rec.Set("status", count(res.TermStatus))
			rec.Set("message", lang.Str(res.Message))
			rec.Set("success", lang.Bool(res.Success))
			return lang.RecordOf(rec)
		},
	},
	{
		Name: "curve_fit", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the model: a function f(x, p1, p2, ...), or an expression in x and its parameters (the other symbols, alphabetically)"},
			{Name: "xdata", Kind: lang.ArrayArg, Doc: "the data's x values"}, {Name: "ydata", Kind: lang.ArrayArg, Doc: "the data's y values, one per x"}}, Topic: "optimize",
		Options: []lang.Opt{{Name: "p0", Doc: "the starting parameters (all 1)"}, {Name: "sigma", Doc: "the uncertainty of each ydata"}, {Name: "absolute_sigma", Doc: "true: sigma is absolute, not relative, in the covariance"}, {Name: "bounds", Doc: "[lo, hi], numbers or one per parameter"}, {Name: "method", Doc: "lm (default without bounds) or trf"}, maxfevOpt, ftolOpt,
			{Name: "xtol", Doc: "the relative tolerance on the parameters' step (1.49e-8 with lm, 1e-8 with trf)"}, gtolOpt,
			{Name: "jac", Doc: "false: finite differences in place of autodiff's; with trf, \"2-point\" or \"3-point\" as scipy's"},
			{Name: "epsfcn", Doc: "lm: the step of MINPACK's forward differences, relative to p (alone, it asks for them)"},
			{Name: "diff_step", Doc: "trf: the relative step of the finite differences (alone, it asks for them)"}},
		Doc: "Fits a model to data by nonlinear least squares.\n" +
			"As scipy.optimize.curve_fit. p0 defaults to ones. sigma is the uncertainty of each y, or (a matrix) the covariance of their errors.\n" +
			"Returns a record popt, pcov (the parameters' covariance; perr = sqrt(diag(pcov))).",
		Example: "xs = linspace(0, 4, 20)\nys = 2.5*exp(-1.3*xs) + 0.5\ncurve_fit(a*exp(-b*x) + c, xs, ys).popt",
		Fn:      curveFit,
	},
}

// leastSquaresOpts are least_squares' options.
var leastSquaresOpts = []lang.Opt{methodOpt, {Name: "jac", Doc: "the Jacobian as a function, in place of autodiff's; \"2-point\", \"3-point\" or \"cs\" (complex step, for a function): scipy's finite differences (lm: 2-point only)"},
	{Name: "bounds", Doc: "[lo, hi], numbers or one per variable", Methods: []string{"trf", "dogbox"}},
	{Name: "loss", Doc: "linear (default), soft_l1, huber, cauchy or arctan", Methods: []string{"trf", "dogbox"}},
	{Name: "f_scale", Doc: "the soft margin between inlier and outlier residuals (1)", Methods: []string{"trf", "dogbox"}},
	{Name: "ftol", Doc: "the tolerance on the cost's change (1e-8)"}, {Name: "xtol", Doc: "the tolerance on the step (1e-8)"},
	{Name: "gtol", Doc: "the tolerance on the gradient (1e-8)"}, {Name: "max_nfev", Doc: "the most function evaluations"},
	{Name: "diff_step", Doc: "the relative step of finite differences (sqrt(eps)); alone, it asks for jac \"2-point\""}, argsOpt}

// leastSquaresDifferences are least_squares' finite differences: the
// scheme its jac names ("2-point" when a diff_step comes without jac),
// with the relative step diff_step.
func (p *problem) leastSquaresDifferences(opts lang.Options) optimize.Differences {
	scheme := "2-point"
	if j := opts.Get("jac", lang.Nil); j.Kind() == lang.StrKind {
		scheme = j.Text()
	}
	return *p.differences(opts, "jac", scheme)
}

// curveFitDifferences reads curve_fit's finite differences into settings
// (jac false, "2-point" or "3-point", or a step given alone) and reports
// whether they were asked for. lm takes MINPACK's, with epsfcn; trf
// scipy's, with diff_step; a step of the other method is refused.
func curveFitDifferences(opts lang.Options, settings *optimize.CurveFitSettings) bool {
	step, other := "epsfcn", "diff_step"
	if settings.TRF || settings.Bounds != nil {
		step, other = other, step
	}
	if opts.Has(other) {
		panic(opts.Errorf(other, "%s is a step of method %s, not of this fit's", other, map[string]string{"epsfcn": "lm", "diff_step": "trf"}[other]))
	}
	settings.EpsFcn = opts.Num("epsfcn", 0)
	settings.Diff.RelStep = opts.Num("diff_step", 0)
	switch j := opts.Get("jac", lang.Nil); {
	case j.IsNil():
		return opts.Has(step)
	case j.Kind() == lang.BoolKind && j.Float() == 0:
		return true
	case j.Kind() == lang.StrKind && step == "diff_step" && (j.Text() == "2-point" || j.Text() == "3-point"):
		settings.Diff.Scheme = schemes[j.Text()]
		return true
	case j.Kind() == lang.StrKind && j.Text() == "cs":
		panic(opts.Errorf("jac", "curve_fit's jac \"cs\" would need the model at complex points, which its compiled form does not take: use \"3-point\""))
	case j.Kind() == lang.StrKind && step == "epsfcn":
		panic(opts.Errorf("jac", "jac %s needs method \"trf\"; method lm takes MINPACK's differences (jac false)", lang.Format(j)))
	default:
		panic(opts.Errorf("jac", "curve_fit's jac is false, \"2-point\" or \"3-point\", not %s", lang.Format(j)))
	}
}

// scalarBounds reads least_squares' bounds: [lo, hi] with numbers (for
// every variable) or arrays.
func scalarBounds(opts lang.Options, n int) *optimize.Bounds {
	v := opts.Get("bounds", lang.Nil)
	if v.IsNil() {
		return nil
	}
	parts, ok := lang.Items(v)
	if !ok || len(parts) != 2 {
		panic(lang.Errorf("bounds must be [lo, hi], with numbers or one value per variable"))
	}
	side := func(v lang.Value) []float64 {
		a, ok := toArray(v)
		if !ok || (a.Len() != 1 && a.Len() != n) {
			panic(lang.Errorf("a bound must be a number or %d numbers, not %s", n, lang.Format(v)))
		}
		out := make([]float64, n)
		for i := range out {
			out[i] = a.Floats()[i%a.Len()]
		}
		return out
	}
	return &optimize.Bounds{Lower: side(parts[0]), Upper: side(parts[1])}
}

// curveFit binds scipy's curve_fit. The model is compiled once to a tape
// of its value and its gradient by the parameters, evaluated per point.
func curveFit(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	model := args[0]
	xdata, ydata := args.Array(1), args.Array(2)
	if xdata.Len() != ydata.Len() {
		panic(lang.ArgErrorf(2, "xdata has %d values and ydata %d", xdata.Len(), ydata.Len()))
	}
	// The model takes x first, then its parameters: an expression its
	// other symbols, alphabetically.
	if model.Node() != nil && !slices.Contains(s.Params(model, 0), "x") {
		panic(lang.ArgErrorf(0, "the model %s has no symbol x for the data", lang.Format(model)))
	}
	model = byName(s, model, varX, len(s.Params(model, 0)))
	nparams := len(s.Params(model, 0)) - 1
	if nparams < 1 {
		panic(lang.ArgErrorf(0, "the model needs at least one parameter besides x"))
	}
	p0 := make([]float64, nparams)
	for i := range p0 {
		p0[i] = 1
	}
	if v := opts.Get("p0", lang.Nil); !v.IsNil() {
		arr, ok := toArray(v)
		if !ok || arr.Len() != nparams {
			panic(lang.Errorf("p0 must hold the model's %d parameters", nparams))
		}
		copy(p0, arr.Floats())
	}
	// in holds all the model's arguments: x, then the parameters.
	in := make([]float64, 1+nparams)
	set := func(x, p []float64) {
		in[0] = x[0]
		copy(in[1:], p)
	}
	set([]float64{0}, p0)
	pts := newSpreadFn(s, model, in, nil)
	eval := func(x, p []float64) float64 {
		set(x, p)
		return pts.Scalar(in)
	}
	settings := &optimize.CurveFitSettings{AbsoluteSigma: opts.Bool("absolute_sigma", false),
		MaxFuncEvals: opts.Int("maxfev", 0), FTol: opts.Num("ftol", 0), XTol: opts.Num("xtol", 0), GTol: opts.Num("gtol", 0),
		Bounds: scalarBounds(opts, nparams), TRF: opts.OneOf("method", "lm", "trf") == "trf"}
	if differences := curveFitDifferences(opts, settings); pts.Traced() && !differences {
		grad := make([]float64, 1+nparams)
		settings.Jac = func(x, p, g []float64) {
			set(x, p)
			pts.Deriv(in, 0, grad)
			copy(g, grad[1:])
		}
	}
	if v := opts.Get("sigma", lang.Nil); !v.IsNil() {
		m := ydata.Len()
		arr, ok := toArray(v)
		switch {
		case ok && len(arr.Shape) == 2 && arr.Shape[0] == m && arr.Shape[1] == m:
			// scipy's 2-D sigma: the covariance of the errors in ydata.
			settings.SigmaCov = make([][]float64, m)
			for i := range m {
				settings.SigmaCov[i] = arr.Floats()[i*m : (i+1)*m]
			}
		case ok && len(arr.Shape) <= 1 && arr.Len() == m:
			settings.Sigma = arr.Floats()
		default:
			panic(lang.Errorf("sigma must hold one value per data point (%d), or be their %d×%d covariance matrix", m, m, m))
		}
	}
	xs := make([][]float64, xdata.Len())
	for i, x := range xdata.Floats() {
		xs[i] = []float64{x}
	}
	var res *optimize.CurveFitResult
	var err error
	whileFitting(s, func() { res, err = optimize.CurveFit(eval, xs, ydata.Floats(), p0, settings) })
	if err != nil {
		lang.Throw(err)
	}
	if !res.Success {
		panic(lang.Errorf("%s", res.Message))
	}
	return record("popt", vecValue(res.X), "pcov", matrix(res.Pcov))
}
