package builtins

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/optimize"
)

// problem is a minimization as the bindings see it: the objective made
// fast, the starting point, and how to give a point back in x0's form.
type problem struct {
	s      *lang.Session
	obj    *fn
	args   []lang.Value // the objective's arguments: x0, then the args option
	x0     []float64
	scalar bool  // x0 was a number: answers are numbers too
	shape  []int // x0's shape
}

// newProblem reads f, x0 and the args option of a minimizer's call.
func newProblem(s *lang.Session, f, x0 lang.Value, opts lang.Options) *problem {
	x, ok := toArray(x0)
	if !ok {
		panic(lang.ArgErrorf(1, "the starting point must be a number or an array, not %s", x0.TypeName()))
	}
	if len(x.Data) == 0 {
		panic(lang.ArgErrorf(1, "the starting point is empty"))
	}
	args := []lang.Value{x0}
	if extra := opts.Get("args", lang.Nil); !extra.IsNil() {
		items, ok := lang.Items(extra)
		if !ok {
			items = []lang.Value{extra}
		}
		args = append(args, items...)
	}
	p := &problem{s: s, args: args, x0: append([]float64(nil), x.Data...), scalar: x0.Kind() == lang.NumKind, shape: x.Shape}
	if j := opts.Get("jac", lang.Nil); j.Kind() == lang.BoolKind && j.Float() != 0 {
		p.obj = newPairFn(s, f, args)
	} else {
		p.obj = newFn(s, f, args, 0, -1)
	}
	return p
}

// sibling prepares another function of the same point — a constraint, a
// user gradient or Jacobian — which decides for itself whether it takes
// the point whole or its entries spread.
func (p *problem) sibling(g lang.Value) *fn { return newFn(p.s, g, p.args, 0, -1) }

// point returns a solver's point in the form of x0.
func (p *problem) point(x []float64) lang.Value {
	if p.scalar {
		return lang.Num(x[0])
	}
	return lang.Arr(array.New(p.shape, append([]float64(nil), x...)))
}

// optimizeProblem is the problem for stdlib/optimize, with exact gradient
// and Hessian–vector products when the objective was traced.
func (p *problem) optimizeProblem() optimize.Problem {
	pr := optimize.Problem{Func: p.obj.Scalar}
	if p.obj.Traced() {
		pr.Grad = func(x, g []float64) { p.obj.Deriv(x, 0, g) }
		pr.HessVec = p.obj.HessVec
	}
	return pr
}

// minimizer is one of scipy's local methods, as minimize names it.
type minimizer struct {
	name string // minimize's method name
	// run minimizes with the method's options read from opts.
	run func(p *problem, opts lang.Options) (*optimize.Result, error)
	// reportsGrad says the method's report counts gradient evaluations.
	reportsGrad bool
	// bounds says the method reads the bounds option, callback the
	// callback option, trust the trust-region methods' options (hess,
	// hessp, the radii), hessian a user Hessian (hess, hessp).
	bounds, callback, trust, hessian bool
}

// iterLimit reads scipy's maxiter option (0: the method's default).
func iterLimit(opts lang.Options, name string) int { return opts.Int(name, 0) }

var minimizers = []minimizer{
	{name: "Nelder-Mead", callback: true, bounds: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.NelderMead(p.obj.Scalar, p.x0, &optimize.NelderMeadSettings{
			XTol: opts.Num("xtol", opts.Num("xatol", 0)), FTol: opts.Num("ftol", opts.Num("fatol", 0)),
			MaxIter: iterLimit(opts, "maxiter"), MaxFuncEvals: opts.Int("maxfun", opts.Int("maxfev", 0)),
			Adaptive: opts.Bool("adaptive", false), KeepPath: opts.Bool("retall", false), Bounds: p.directBounds(opts),
			Callback: p.callback(opts),
		})
	}},
	{name: "Powell", callback: true, bounds: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.Powell(p.obj.Scalar, p.x0, &optimize.PowellSettings{
			XTol: opts.Num("xtol", 0), FTol: opts.Num("ftol", 0),
			MaxIter: iterLimit(opts, "maxiter"), MaxFuncEvals: opts.Int("maxfun", opts.Int("maxfev", 0)),
			KeepPath: opts.Bool("retall", false), Bounds: p.directBounds(opts), Callback: p.callback(opts),
		})
	}},
	{name: "CG", callback: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.CG(p.withGradient(opts), p.x0, &optimize.CGSettings{
			GTol: opts.Num("gtol", 0), Norm: opts.Num("norm", 0), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", false), Callback: p.callback(opts),
		})
	}},
	{name: "BFGS", callback: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.BFGS(p.withGradient(opts), p.x0, &optimize.BFGSSettings{
			GTol: opts.Num("gtol", 0), Norm: opts.Num("norm", 0), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", false), Callback: p.callback(opts),
		})
	}},
	{name: "Newton-CG", callback: true, hessian: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		pr := p.withGradient(opts)
		p.userHessian(&pr, opts, "hess", "hessp")
		p.userHessian(&pr, opts, "fhess", "fhess_p") // fmin_ncg's names
		return optimize.NewtonCG(pr, p.x0, &optimize.NewtonCGSettings{
			XTol: opts.Num("avextol", opts.Num("xtol", 0)), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", false), Callback: p.callback(opts),
		})
	}},
	{name: "L-BFGS-B", callback: true, bounds: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		ftol := opts.Num("ftol", 0)
		if opts.Has("factr") {
			ftol = opts.Num("factr", 1e7) * 0x1p-52
		}
		return optimize.LBFGSB(p.withGradient(opts), p.x0, p.bounds(opts), &optimize.LBFGSBSettings{
			M: opts.Int("m", opts.Int("maxcor", 0)), FTol: ftol, GTol: opts.Num("pgtol", opts.Num("gtol", 0)),
			MaxFunEvals: opts.Int("maxfun", 0), MaxIter: iterLimit(opts, "maxiter"),
			MaxLineSearch: opts.Int("maxls", 0), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			Callback: p.callback(opts),
		})
	}},
	{name: "TNC", bounds: true, callback: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.TNC(p.withGradient(opts), p.x0, p.bounds(opts), &optimize.TNCSettings{
			MaxCGIter: opts.Int("maxCGit", 0), MaxFunEvals: opts.Int("maxfun", opts.Int("maxiter", 0)),
			Eta: opts.Num("eta", 0), StepMax: opts.Num("stepmx", 0), Accuracy: opts.Num("accuracy", 0),
			FTol: opts.Num("ftol", 0), XTol: opts.Num("xtol", 0), GTol: opts.Num("pgtol", opts.Num("gtol", 0)),
			Step: opts.Num("epsilon", opts.Num("eps", 0)), Callback: p.callback(opts),
		})
	}},
	{name: "COBYLA", callback: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.COBYLA(p.obj.Scalar, p.x0, p.constraints(opts), &optimize.COBYLASettings{
			RhoBeg: opts.Num("rhobeg", 0), RhoEnd: opts.Num("rhoend", opts.Num("tol", 0)),
			MaxFunEvals: opts.Int("maxfun", opts.Int("maxiter", 0)), CATol: opts.Num("catol", 0),
			Callback: p.callback(opts),
		})
	}},
	{name: "SLSQP", bounds: true, callback: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.SLSQP(p.withGradient(opts), p.x0, p.constraints(opts), p.bounds(opts), &optimize.SLSQPSettings{
			Acc: opts.Num("acc", opts.Num("ftol", 0)), MaxIter: opts.Int("iter", opts.Int("maxiter", 0)),
			Step: opts.Num("epsilon", opts.Num("eps", 0)), Callback: p.callback(opts),
		})
	}},
	{name: "trust-constr", bounds: true, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		pr := p.withGradient(opts)
		if pr.HessVec != nil {
			pr.Hess = denseHessian(pr.HessVec, len(p.x0))
		}
		r, err := optimize.TrustConstr(pr, p.x0, p.constraints(opts), p.bounds(opts), &optimize.TrustConstrSettings{
			GTol: opts.Num("gtol", 0), XTol: opts.Num("xtol", 0), BarrierTol: opts.Num("barrier_tol", 0),
			MaxIter: iterLimit(opts, "maxiter")})
		if err != nil {
			return nil, err
		}
		return &r.Result, nil
	}},
	trustMethod("dogleg", optimize.Dogleg),
	trustMethod("trust-ncg", optimize.TrustNCG),
	trustMethod("trust-exact", optimize.TrustExact),
	trustMethod("trust-krylov", optimize.TrustKrylov),
}

// trustMethod is one of scipy's trust-region methods, with the Hessian
// (or its products) from autodiff unless the user gives hess or hessp.
func trustMethod(name string, run func(optimize.Problem, []float64, *optimize.TrustRegionSettings) (*optimize.Result, error)) minimizer {
	return minimizer{name: name, reportsGrad: true, callback: true, trust: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		pr := p.withGradient(opts)
		if pr.Grad == nil {
			return nil, lang.Errorf("%s needs the gradient: %s cannot be traced, so give jac", name, lang.Format(p.obj.f))
		}
		n := len(p.x0)
		p.userHessian(&pr, opts, "hess", "hessp")
		switch {
		case pr.HessVec == nil:
			return nil, lang.Errorf("%s needs the Hessian: %s cannot be traced, so give hess or hessp", name, lang.Format(p.obj.f))
		case pr.Hess == nil && (name == "dogleg" || name == "trust-exact"):
			pr.Hess = denseHessian(pr.HessVec, n)
		}
		set := &optimize.TrustRegionSettings{InitialRadius: opts.Num("initial_trust_radius", 0),
			MaxRadius: opts.Num("max_trust_radius", 0), Eta: opts.Num("eta", 0), GTol: opts.Num("gtol", 0),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", opts.Bool("return_all", false))}
		set.Callback = p.callback(opts)
		return run(pr, p.x0, set)
	}}
}

// userHessian puts the Hessian the user gave in place of autodiff's: a
// function of x giving the matrix (the option hessName), or of x and v
// giving the product H·v (hesspName), as scipy names them for the method.
func (p *problem) userHessian(pr *optimize.Problem, opts lang.Options, hessName, hesspName string) {
	n := len(p.x0)
	hess, hessp := opts.Get(hessName, lang.Nil), opts.Get(hesspName, lang.Nil)
	for _, o := range []struct {
		name string
		v    lang.Value
	}{{hessName, hess}, {hesspName, hessp}} {
		if !o.v.IsNil() && !o.v.IsCallable() {
			panic(lang.Errorf("%s must be a function, not %s", o.name, o.v.TypeName()))
		}
	}
	switch {
	case hess.IsCallable():
		user := p.sibling(hess)
		pr.Hess = func(x, h []float64) { copy(h, user.Eval(x, 0)) }
		pr.HessVec = func(x, v, hv []float64) {
			h := user.Eval(x, 0)
			for i := range n {
				s := 0.0
				for j := range n {
					s += h[i*n+j] * v[j]
				}
				hv[i] = s
			}
		}
	case hessp.IsCallable():
		pr.Hess = nil
		pr.HessVec = func(x, v, hv []float64) {
			out, ok := toArray(p.s.Call(hessp, p.point(x), p.point(v)))
			if !ok || len(out.Data) != n {
				panic(lang.Errorf("%s must return a vector of %d numbers", hesspName, n))
			}
			copy(hv, out.Data)
		}
	}
}

// denseHessian is the n×n Hessian, row-major, column by column from
// Hessian-vector products.
func denseHessian(hv func(x, v, hv []float64), n int) func(x, h []float64) {
	return func(x, h []float64) {
		e, col := make([]float64, n), make([]float64, n)
		for j := range n {
			e[j] = 1
			hv(x, e, col)
			e[j] = 0
			for i := range n {
				h[i*n+j] = col[i]
			}
		}
	}
}

// withGradient is the optimize problem with the gradient a user gave (the
// fprime or jac option) in place of autodiff's.
func (p *problem) withGradient(opts lang.Options) optimize.Problem {
	pr := p.optimizeProblem()
	for _, name := range []string{"fprime", "jac"} {
		switch g := opts.Get(name, lang.Nil); {
		case g.IsCallable():
			user := p.sibling(g)
			pr.Grad = func(x, grad []float64) { copy(grad, user.Eval(x, 0)) }
		case g.Kind() == lang.BoolKind && g.Float() == 0, g.Kind() == lang.StrKind && g.Text() == "2-point":
			// scipy's jac=False or "2-point": forward differences, with
			// scipy's counts, in place of autodiff's exact gradient.
			pr.Grad, pr.HessVec = nil, nil
		case g.Kind() == lang.StrKind:
			panic(lang.Errorf("%s %q is not supported: calc's finite differences are forward ones (\"2-point\"); leave %s out for the exact gradient", name, g.Text(), name))
		}
	}
	if p.obj.pair {
		pr.Grad = p.obj.PairGrad
	}
	return pr
}

// bounds reads the bounds option: a [lo, hi] pair per variable, nil (or
// ±inf) for no bound.
func (p *problem) bounds(opts lang.Options) *optimize.Bounds {
	v := opts.Get("bounds", lang.Nil)
	if v.IsNil() {
		return nil
	}
	pairs, ok := lang.Items(v)
	if !ok || len(pairs) != len(p.x0) {
		panic(lang.Errorf("bounds must hold one [lo, hi] pair per variable (%d)", len(p.x0)))
	}
	return boundPairs(pairs)
}

// boundPairs reads one [lo, hi] pair per variable; nil sides are open.
func boundPairs(pairs []lang.Value) *optimize.Bounds {
	b := &optimize.Bounds{Lower: make([]float64, len(pairs)), Upper: make([]float64, len(pairs))}
	for i, pair := range pairs {
		lohi, ok := lang.Items(pair)
		if !ok || len(lohi) != 2 {
			panic(lang.Errorf("bound %d must be a pair [lo, hi], not %s", i, lang.Format(pair)))
		}
		b.Lower[i], b.Upper[i] = boundValue(lohi[0], math.Inf(-1)), boundValue(lohi[1], math.Inf(1))
	}
	return b
}

// callback reads the callback option: a function called with each
// iterate, in the form of x0 (nil when not given).
func (p *problem) callback(opts lang.Options) func([]float64) {
	cb := opts.Get("callback", lang.Nil)
	if cb.IsNil() {
		return nil
	}
	if !cb.IsCallable() {
		panic(lang.Errorf("callback must be a function, not %s", cb.TypeName()))
	}
	return func(x []float64) { p.s.Call(cb, p.point(x)) }
}

// directBounds reads the bounds of Nelder-Mead and Powell, and notes, as
// scipy warns, a starting point outside them.
func (p *problem) directBounds(opts lang.Options) *optimize.Bounds {
	b := p.bounds(opts)
	if b == nil {
		return nil
	}
	for i, x := range p.x0 {
		if x < b.Lower[i] || x > b.Upper[i] {
			p.s.Note("the initial guess is not within the specified bounds")
			break
		}
	}
	return b
}

func boundValue(v lang.Value, none float64) float64 {
	if v.IsNil() {
		return none
	}
	if v.Kind() != lang.NumKind {
		panic(lang.Errorf("a bound must be a number or nil, not %s", v.TypeName()))
	}
	return v.Float()
}

// constraints reads minimize's constraints option — a record {type: "eq"
// or "ineq", fun, jac?} or a list of them — and fmin_slsqp's eqcons and
// ieqcons (lists of functions) and f_eqcons and f_ieqcons (vector
// functions). Constraint Jacobians come from autodiff unless given.
func (p *problem) constraints(opts lang.Options) []optimize.Constraint {
	var cons []optimize.Constraint
	add := func(kind optimize.ConstraintKind, f, jac lang.Value) {
		c := p.sibling(f)
		n := len(c.Eval(p.x0, 0))
		con := optimize.Constraint{Kind: kind, Len: n, Func: func(x, out []float64) { copy(out, c.Eval(x, 0)) }}
		switch {
		case jac.IsCallable():
			uj := p.sibling(jac)
			con.Jac = func(x, j []float64) { copy(j, uj.Eval(x, 0)) }
		case c.Traced():
			con.Jac = func(x, j []float64) { c.Deriv(x, 0, j) }
			if n == 1 {
				hc := denseHessian(c.HessVec, len(p.x0))
				con.HessW = func(x, w, h []float64) {
					hc(x, h)
					for i := range h {
						h[i] *= w[0]
					}
				}
			}
		}
		cons = append(cons, con)
	}
	if v := opts.Get("constraints", lang.Nil); !v.IsNil() {
		list := []lang.Value{v}
		if v.Kind() == lang.ListKind {
			list = v.List().Items
		}
		for _, c := range list {
			r := c.Record()
			if r == nil {
				panic(lang.Errorf("a constraint is a record {type: \"ineq\", fun: g}, not %s", c.TypeName()))
			}
			kind := optimize.Ineq
			switch t, _ := r.Get("type"); t.Text() {
			case "eq":
				kind = optimize.Eq
			case "ineq":
			default:
				panic(lang.Errorf("a constraint's type is \"eq\" or \"ineq\", not %s", lang.Format(t)))
			}
			fun, _ := r.Get("fun")
			jac, _ := r.Get("jac")
			add(kind, fun, jac)
		}
	}
	for _, k := range []struct {
		name string
		kind optimize.ConstraintKind
	}{{"eqcons", optimize.Eq}, {"ieqcons", optimize.Ineq}} {
		if v := opts.Get(k.name, lang.Nil); !v.IsNil() {
			items, ok := lang.Items(v)
			if !ok {
				items = []lang.Value{v}
			}
			for _, f := range items {
				add(k.kind, f, lang.Nil)
			}
		}
		if f := opts.Get("f_"+k.name, lang.Nil); !f.IsNil() {
			add(k.kind, f, opts.Get("fprime_"+k.name, lang.Nil))
		}
	}
	return cons
}

// minimizeWith runs a method on the call's f and x0 with its options.
func minimizeWith(s *lang.Session, m *minimizer, args lang.Args, opts lang.Options) (*problem, *optimize.Result) {
	p := newProblem(s, args[0], args[1], opts)
	r, err := m.run(p, opts)
	if err != nil {
		lang.Throw(err)
	}
	return p, r
}

// tolOptions are the options minimize's tol sets for each method, as
// scipy's minimize does (scipy/optimize/_minimize.py); COBYLA reads tol
// itself.
var tolOptions = map[string][]string{
	"Nelder-Mead": {"xatol", "fatol"}, "Powell": {"xtol", "ftol"}, "CG": {"gtol"}, "BFGS": {"gtol"},
	"Newton-CG": {"xtol"}, "L-BFGS-B": {"ftol", "gtol"}, "TNC": {"xtol", "ftol", "gtol"}, "SLSQP": {"ftol"},
	"dogleg": {"gtol"}, "trust-ncg": {"gtol"}, "trust-exact": {"gtol"}, "trust-krylov": {"gtol"},
	"trust-constr": {"xtol", "gtol", "barrier_tol"},
}

// withTol sets, for minimize's tol, each tolerance of the method that the
// options do not set themselves.
func withTol(method string, opts lang.Options) lang.Options {
	if !opts.Has("tol") || method == "COBYLA" {
		return opts
	}
	tol := opts.Get("tol", lang.Nil)
	for _, name := range tolOptions[method] {
		if !opts.Has(name) {
			opts = opts.With(name, tol)
		}
	}
	return opts
}

// chooseMinimizer is minimize's choice of method from its options (the
// record at argument index at): method, or by default BFGS, L-BFGS-B with
// bounds, SLSQP with constraints, as scipy.
func chooseMinimizer(opts lang.Options, at int) *minimizer {
	name := "BFGS"
	switch {
	case opts.Has("constraints"):
		name = "SLSQP"
	case opts.Has("bounds"):
		name = "L-BFGS-B"
	}
	name = opts.Text("method", name)
	m := findMinimizer(name)
	if m == nil {
		names := make([]string, len(minimizers))
		for i, mm := range minimizers {
			names[i] = mm.name
		}
		panic(lang.ArgErrorf(at, "unknown method %q (methods: %s)", name, strings.Join(names, ", ")))
	}
	if opts.Has("bounds") && !m.bounds {
		panic(lang.ArgErrorf(at, "method %s cannot handle bounds (Nelder-Mead, Powell, L-BFGS-B, TNC and SLSQP can)", m.name))
	}
	for _, o := range []string{"hess", "hessp"} {
		if opts.Has(o) && !m.trust && !m.hessian {
			panic(lang.ArgErrorf(at, "method %s does not read %s (Newton-CG and the trust-region methods do)", m.name, o))
		}
	}
	for _, o := range []string{"initial_trust_radius", "max_trust_radius", "eta", "return_all"} {
		if opts.Has(o) && !m.trust {
			panic(lang.ArgErrorf(at, "method %s does not read %s (the trust-region methods do)", m.name, o))
		}
	}
	if opts.Has("barrier_tol") && m.name != "trust-constr" {
		panic(lang.ArgErrorf(at, "method %s does not read barrier_tol (trust-constr does)", m.name))
	}
	if opts.Has("callback") && !m.callback {
		panic(lang.ArgErrorf(at, "method %s does not read callback", m.name))
	}
	return m
}

func findMinimizer(name string) *minimizer {
	for i := range minimizers {
		if strings.EqualFold(minimizers[i].name, name) {
			return &minimizers[i]
		}
	}
	return nil
}

// report prints scipy's convergence report of the fmin family.
func report(s *lang.Session, r *optimize.Result, grad bool) {
	if r.Success {
		s.Print(r.Message)
	} else {
		s.Print("Warning: " + r.Message)
	}
	s.Print(fmt.Sprintf("         Current function value: %f", r.F))
	s.Print(fmt.Sprintf("         Iterations: %d", r.Iterations))
	s.Print(fmt.Sprintf("         Function evaluations: %d", r.FuncEvals))
	if grad {
		s.Print(fmt.Sprintf("         Gradient evaluations: %d", r.GradEvals))
	}
}

// optimizeResult is scipy's OptimizeResult as a record.
func (p *problem) optimizeResult(r *optimize.Result) lang.Value {
	rec := lang.NewRecord()
	rec.Set("x", p.point(r.X))
	rec.Set("fun", lang.Num(r.F))
	if r.Grad != nil {
		rec.Set("jac", p.point(r.Grad))
	}
	rec.Set("nit", lang.Num(float64(r.Iterations)))
	rec.Set("nfev", lang.Num(float64(r.FuncEvals)))
	if r.GradEvals > 0 {
		rec.Set("njev", lang.Num(float64(r.GradEvals)))
	}
	if r.HessEvals > 0 {
		rec.Set("nhev", lang.Num(float64(r.HessEvals)))
	}
	if r.HessInv != nil {
		rec.Set("hess_inv", matrix(r.HessInv))
	}
	rec.Set("status", lang.Num(float64(r.Status)))
	rec.Set("success", lang.Bool(r.Success))
	rec.Set("message", lang.Str(r.Message))
	return lang.RecordOf(rec)
}

// fullOutputOrder gives, for the fmin functions whose full output scipy
// returns as a tuple of values calc has, the fields in scipy's order (with
// retall, allvecs follows). The others (fmin_powell's direc, fmin_bfgs's
// gopt and Bopt, fmin_ncg's hcalls) have no positions.
var fullOutputOrder = map[string][]string{
	"fmin":    {"xopt", "fopt", "iter", "funcalls", "warnflag"},
	"fmin_cg": {"xopt", "fopt", "funcalls", "gradcalls", "warnflag"},
}

// fminStyle builds one of scipy's fmin_* functions: it prints scipy's
// report unless {disp: false}, and returns xopt, or with {full_output:
// true} a record of scipy's output names.
func fminStyle(name, method, doc, example string, extraOpts ...string) *lang.Builtin {
	known := append([]string{"args", "xtol", "ftol", "gtol", "maxiter", "maxfun", "full_output", "disp", "retall", "norm", "epsilon", "fprime", "fhess"}, extraOpts...)
	return &lang.Builtin{
		Name: name, Params: "f, x0, {options}", Topic: "optimize", Doc: doc, Example: example,
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(known...)
			m := findMinimizer(method)
			p, r := minimizeWith(s, m, args, opts)
			if opts.Bool("disp", true) {
				report(s, r, m.reportsGrad)
			}
			if !opts.Bool("full_output", false) {
				return p.point(r.X)
			}
			rec := lang.NewRecord()
			rec.Set("xopt", p.point(r.X))
			rec.Set("fopt", lang.Num(r.F))
			rec.Set("iter", lang.Num(float64(r.Iterations)))
			rec.Set("funcalls", lang.Num(float64(r.FuncEvals)))
			if m.reportsGrad {
				rec.Set("gradcalls", lang.Num(float64(r.GradEvals)))
			}
			rec.Set("warnflag", lang.Num(float64(warnflag(r))))
			rec.Set("message", lang.Str(r.Message))
			rec.Tuple = slices.Clone(fullOutputOrder[name])
			if opts.Bool("retall", false) {
				path := make([]lang.Value, len(r.Path))
				for i, x := range r.Path {
					path[i] = p.point(x)
				}
				rec.Set("allvecs", s.Collect(path))
				if len(rec.Tuple) > 0 {
					rec.Tuple = append(rec.Tuple, "allvecs")
				}
			}
			return lang.RecordOf(rec)
		},
	}
}

// warnflag is scipy's warnflag: 0 success, 1 too many evaluations, 2 too
// many iterations (or a line search failure for gradient methods), 3 NaN.
func warnflag(r *optimize.Result) int {
	switch r.Status {
	case optimize.Success:
		return 0
	case optimize.MaxFuncEvals:
		return 1
	case optimize.NotFinite:
		return 3
	}
	return 2
}

// minimizeOptions are the options minimize and the fmin functions accept:
// scipy's names for every method's settings.
var minimizeOptions = []string{"method", "args", "jac", "fprime", "bounds", "constraints", "eqcons", "ieqcons",
	"f_eqcons", "f_ieqcons", "fprime_eqcons", "fprime_ieqcons", "xtol", "ftol", "gtol", "xatol", "fatol",
	"maxiter", "maxfun", "maxfev", "adaptive", "retall", "norm", "epsilon", "eps", "avextol", "factr", "pgtol",
	"m", "maxcor", "maxls", "acc", "iter", "maxCGit", "eta", "stepmx", "accuracy", "rhobeg", "rhoend", "catol",
	"tol", "disp", "full_output", "fhess", "fhess_p", "hess", "hessp", "callback", "initial_trust_radius",
	"max_trust_radius", "eta", "return_all", "barrier_tol"}

var optimizeBuiltins = []*lang.Builtin{
	fminStyle("fmin", "Nelder-Mead",
		"Minimizes f by the Nelder–Mead simplex method.\n"+
			"Starts from x0, exactly as scipy.optimize.fmin (same iterations and\n"+
			"evaluations); prints scipy's report unless {disp: false}. Options: xtol, ftol (1e-4), maxiter, maxfun,\n"+
			"full_output (a record xopt, fopt, iter, funcalls, warnflag), retall (the path), args (extra arguments).\n"+
			"f may be a function or an expression; a scalar x0 gives a scalar answer.",
		"fmin(x**2 - 4*x + 8, 1.3)"),
	fminStyle("fmin_powell", "Powell",
		"Minimizes f by Powell's conjugate direction method.\n"+
			"Starts from x0, as scipy.optimize.fmin_powell (Brent line\n"+
			"searches, no derivatives). Options as fmin's: xtol, ftol, maxiter, maxfun, full_output, disp, retall, args.",
		"fmin_powell(x**2 - 4*x + 8, 1.3)"),
	fminStyle("fmin_bfgs", "BFGS",
		"Minimizes f by the quasi-Newton BFGS method.\n"+
			"Starts from x0, as scipy.optimize.fmin_bfgs, with the exact gradient\n"+
			"from autodiff (a user fprime wins). Options: gtol (1e-5), norm, epsilon, maxiter, full_output, disp, retall, args.",
		"fmin_bfgs(x**2 - 4*x + 8, 1.3)"),
	fminStyle("fmin_cg", "CG",
		"Minimizes f by nonlinear conjugate gradients.\n"+
			"Starts from x0 (Polak–Ribière), as scipy.optimize.fmin_cg,\n"+
			"with the exact gradient from autodiff. Options: gtol (1e-5), norm, epsilon, maxiter, full_output, disp, retall, args.",
		"fmin_cg(x**2 - 4*x + 8, 1.3)"),
	fminStyle("fmin_ncg", "Newton-CG",
		"Minimizes f by the Newton-CG method.\n"+
			"Starts from x0 (line-search Newton's method with conjugate gradients), as\n"+
			"scipy.optimize.fmin_ncg; the gradient and the Hessian–vector products come from autodiff.\n"+
			"Options: avextol (1e-5), epsilon, maxiter, full_output, disp, retall, args.",
		"fmin_ncg((x - 1)**2 + 10*(y - x**2)**2, [0, 0])", "avextol", "fhess_p"),
	{
		Name: "fmin_l_bfgs_b", Params: "func, x0, {fprime, bounds, m, factr, pgtol, epsilon, maxfun, maxiter, maxls, args}", Topic: "optimize",
		Doc: "Minimizes a function within bounds by L-BFGS-B.\n" +
			"Starts from x0, as scipy.optimize.fmin_l_bfgs_b, with the exact gradient from\n" +
			"autodiff (a user fprime wins). Returns a record x, f, and scipy's d: grad, task, funcalls, nit, warnflag.",
		Example: "fmin_l_bfgs_b((x - 3)**2 + (y + 1)**2, [0, 0], {bounds: [[0, 2], [nil, nil]]}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(minimizeOptions...)
			p, r := minimizeWith(s, findMinimizer("L-BFGS-B"), args, opts)
			d := record("grad", p.point(r.Grad), "task", lang.Str(r.Message), "funcalls", count(r.FuncEvals),
				"nit", count(r.Iterations), "warnflag", count(warnflag(r)))
			return record("x", p.point(r.X), "f", lang.Num(r.F), "d", d)
		},
	},
	{
		Name: "fmin_tnc", Params: "func, x0, {fprime, bounds, maxfun, eta, stepmx, accuracy, ftol, xtol, pgtol, args}", Topic: "optimize",
		Doc: "Minimizes within bounds by a truncated Newton method.\n" +
			"Starts from x0, as scipy.optimize.fmin_tnc, with the\n" +
			"exact gradient from autodiff. Returns a record x, nfeval, rc, message.",
		Example: "fmin_tnc((x - 3)**2 + (y + 1)**2, [0, 0], {bounds: [[0, 2], [nil, nil]]}).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(minimizeOptions...)
			p, r := minimizeWith(s, findMinimizer("TNC"), args, opts)
			rec := record("x", p.point(r.X), "nfeval", count(r.FuncEvals), "rc", count(int(r.Status)), "message", lang.Str(r.Message))
			rec.Record().Tuple = []string{"x", "nfeval", "rc"} // scipy's (x, nfeval, rc)
			return rec
		},
	},
	{
		Name: "fmin_cobyla", Params: "func, x0, cons, {rhobeg, rhoend, maxfun, catol, args}", Topic: "optimize",
		Doc: "Minimizes subject to inequality constraints (COBYLA).\n" +
			"Starts from x0, subject to the inequalities c(x) >= 0 for each function c in cons (one or a list), by\n" +
			"Powell's COBYLA (linear approximations, no derivatives), as scipy.optimize.fmin_cobyla.",
		Example: "fmin_cobyla(x*y, [1, 1], [1 - x**2 - y**2, y])",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(minimizeOptions...)
			opts = opts.With("ieqcons", args[2])
			p, r := minimizeWith(s, findMinimizer("COBYLA"), args, opts)
			if !r.Success {
				s.Print("Warning: " + r.Message)
			}
			return p.point(r.X)
		},
	},
	{
		Name: "fmin_slsqp", Params: "func, x0, {eqcons, ieqcons, f_eqcons, f_ieqcons, bounds, fprime, iter, acc, disp, full_output, args}", Topic: "optimize",
		Doc: "Minimizes subject to constraints by SLSQP.\n" +
			"Starts from x0, subject to equations c(x) = 0 (eqcons: a list of functions, or f_eqcons: one vector\n" +
			"function), inequalities c(x) >= 0 (ieqcons, f_ieqcons) and bounds, by sequential least squares programming,\n" +
			"as scipy.optimize.fmin_slsqp; gradients and constraint Jacobians from autodiff. Prints scipy's report unless\n" +
			"{disp: false}; {full_output: true} gives a record x, fx, its, imode, smode.",
		Example: "fmin_slsqp(x**2 + y**2, [1, 1], {eqcons: [x + y - 1], disp: false})",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(minimizeOptions...)
			p, r := minimizeWith(s, findMinimizer("SLSQP"), args, opts)
			if opts.Bool("disp", true) {
				s.Print(fmt.Sprintf("%s    (Exit mode %d)", r.Message, int(r.Status)))
				s.Print(fmt.Sprintf("            Current function value: %v", r.F))
				s.Print(fmt.Sprintf("            Iterations: %d", r.Iterations))
				s.Print(fmt.Sprintf("            Function evaluations: %d", r.FuncEvals))
				s.Print(fmt.Sprintf("            Gradient evaluations: %d", r.GradEvals))
			}
			if opts.Bool("full_output", false) {
				return record("x", p.point(r.X), "fx", lang.Num(r.F), "its", count(r.Iterations), "imode", count(int(r.Status)), "smode", lang.Str(r.Message))
			}
			return p.point(r.X)
		},
	},
	{
		Name: "nnls", Params: "A, b, {maxiter}", Topic: "optimize",
		Doc: "Non-negative least squares for a linear system.\n" +
			"The x >= 0 minimizing ||A·x - b|| (Lawson and Hanson's active set method), as scipy.optimize.nnls;\na record x, rnorm",
		Example: "nnls([[1, 0], [1, 0], [0, 1]], [2, 1, 1]).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check("maxiter")
			A := args.Array(0)
			if len(A.Shape) != 2 {
				panic(lang.ArgErrorf(0, "A must be a matrix, not of shape %v", A.Shape))
			}
			m, n := A.Shape[0], A.Shape[1]
			rowsA := make([][]float64, m)
			for i := range rowsA {
				rowsA[i] = A.Data[i*n : (i+1)*n]
			}
			x, rnorm, err := optimize.NNLS(rowsA, args.Array(1).Data, opts.Int("maxiter", 0))
			if err != nil {
				lang.Throw(err)
			}
			return record("x", vecValue(x), "rnorm", lang.Num(rnorm))
		},
	},
	{
		Name: "minimize", Params: "f, x0, {method, ...}", Topic: "optimize",
		Doc: "Minimizes a function of several variables.\n" +
			"Starts from x0, as scipy's minimize. method: Nelder-Mead, Powell, CG, BFGS, Newton-CG, L-BFGS-B,\n" +
			"TNC, COBYLA, SLSQP, trust-constr (constraints and bounds by a barrier trust-region SQP; the Lagrangian's\n" +
			"Hessian from autodiff when f and every constraint are traced numbers, else BFGS), and\n" +
			"the trust-region methods dogleg, trust-ncg, trust-exact, trust-krylov (Hessian or\n" +
			"Hessian-vector products from autodiff unless hess or hessp is given; options gtol, initial_trust_radius,\n" +
			"max_trust_radius, eta, return_all); by default BFGS, or L-BFGS-B with bounds, SLSQP with constraints (as\n" +
			"scipy). Gradients come from autodiff (a user jac wins; jac: true means f returns (value, gradient)).\n" +
			"Options: bounds ([lo, hi] per variable, nil for an open side; Nelder-Mead and Powell clip their trial points\n" +
			"into them as scipy 1.10 does), constraints ({type: \"ineq\" | \"eq\", fun}, or a list), callback (called with\n" +
			"each iterate), args, tol (the method's tolerances, as scipy maps it), and the method's own (maxiter, gtol, ...).\n" +
			"Returns a record x, fun, jac, nit, nfev, njev, status, success, message (hess_inv from BFGS, L-BFGS-B).",
		Example: "minimize((x - 3)**2 + (y + 1)**2, [1, 1]).x",
		MinArgs: 2, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts.Check(minimizeOptions...)
			m := chooseMinimizer(opts, 2)
			p, r := minimizeWith(s, m, args, withTol(m.name, opts))
			return p.optimizeResult(r)
		},
	},
}
