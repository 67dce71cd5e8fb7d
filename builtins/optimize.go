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
	if x.Len() == 0 {
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
	p := &problem{s: s, args: args, x0: append([]float64(nil), x.Floats()...), scalar: x0.Kind() == lang.NumKind, shape: x.Shape}
	if j := opts.Get("jac", lang.Nil); j.Kind() == lang.BoolKind && j.Float() != 0 {
		p.obj = newPairFn(s, f, args)
	} else {
		p.obj = newFn(s, f, args, 0, -1, varX)
	}
	return p
}

// sibling prepares another function of the same point — a constraint, a
// user gradient or Jacobian — which decides for itself whether it takes
// the point whole or its entries spread.
func (p *problem) sibling(g lang.Value) *fn { return newFn(p.s, g, p.args, 0, -1, varX) }

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
}

// iterLimit reads scipy's maxiter option (0: the method's default).
func iterLimit(opts lang.Options, name string) int { return opts.Int(name, 0) }

var minimizers = []minimizer{
	{name: "Nelder-Mead", run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.NelderMead(p.obj.Scalar, p.x0, &optimize.NelderMeadSettings{
			XTol: opts.Num("xtol", opts.Num("xatol", 0)), FTol: opts.Num("ftol", opts.Num("fatol", 0)),
			MaxIter: iterLimit(opts, "maxiter"), MaxFuncEvals: opts.Int("maxfun", opts.Int("maxfev", 0)),
			Adaptive: opts.Bool("adaptive", false), KeepPath: opts.Bool("retall", false), Bounds: p.directBounds(opts),
			Callback: p.callback(opts),
		})
	}},
	{name: "Powell", run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.Powell(p.obj.Scalar, p.x0, &optimize.PowellSettings{
			XTol: opts.Num("xtol", 0), FTol: opts.Num("ftol", 0),
			MaxIter: iterLimit(opts, "maxiter"), MaxFuncEvals: opts.Int("maxfun", opts.Int("maxfev", 0)),
			KeepPath: opts.Bool("retall", false), Bounds: p.directBounds(opts), Callback: p.callback(opts),
		})
	}},
	{name: "CG", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.CG(p.withGradient(opts, "CG"), p.x0, &optimize.GradientSettings{
			GTol: opts.Num("gtol", 0), Norm: opts.Num("norm", 0), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", false), Callback: p.callback(opts),
		})
	}},
	{name: "BFGS", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.BFGS(p.withGradient(opts, "BFGS"), p.x0, &optimize.GradientSettings{
			GTol: opts.Num("gtol", 0), Norm: opts.Num("norm", 0), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", false), Callback: p.callback(opts),
		})
	}},
	{name: "Newton-CG", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		pr := p.withGradient(opts, "Newton-CG")
		p.userHessian(&pr, opts, "hess", "hessp")
		p.userHessian(&pr, opts, "fhess", "fhess_p") // fmin_ncg's names
		return optimize.NewtonCG(pr, p.x0, &optimize.NewtonCGSettings{
			XTol: opts.Num("avextol", opts.Num("xtol", 0)), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			MaxIter: iterLimit(opts, "maxiter"), KeepPath: opts.Bool("retall", false), Callback: p.callback(opts),
		})
	}},
	{name: "L-BFGS-B", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		ftol := opts.Num("ftol", 0)
		if opts.Has("factr") {
			ftol = opts.Num("factr", 1e7) * 0x1p-52
		}
		return optimize.LBFGSB(p.withGradient(opts, "L-BFGS-B"), p.x0, p.bounds(opts), &optimize.LBFGSBSettings{
			M: opts.Int("m", opts.Int("maxcor", 0)), FTol: ftol, GTol: opts.Num("pgtol", opts.Num("gtol", 0)),
			MaxFuncEvals: opts.Int("maxfun", 0), MaxIter: iterLimit(opts, "maxiter"),
			MaxLineSearch: opts.Int("maxls", 0), Step: opts.Num("epsilon", opts.Num("eps", 0)),
			Callback: p.callback(opts),
		})
	}},
	{name: "TNC", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.TNC(p.withGradient(opts, "TNC"), p.x0, p.bounds(opts), &optimize.TNCSettings{
			MaxCGIter: opts.Int("maxCGit", 0), MaxFuncEvals: opts.Int("maxfun", opts.Int("maxiter", 0)),
			Eta: opts.Num("eta", 0), StepMax: opts.Num("stepmx", 0), Accuracy: opts.Num("accuracy", 0),
			FTol: opts.Num("ftol", 0), XTol: opts.Num("xtol", 0), GTol: opts.Num("pgtol", opts.Num("gtol", 0)),
			Step: opts.Num("epsilon", opts.Num("eps", 0)), Callback: p.callback(opts),
		})
	}},
	{name: "COBYLA", run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		cons := p.constraints(opts)
		if slices.ContainsFunc(cons, func(c optimize.Constraint) bool { return c.Kind == optimize.Eq }) {
			// scipy 1.10 refuses them too; two inequalities would leave
			// the answer off by catol while claiming success.
			panic(opts.Errorf("constraints", "COBYLA takes inequality constraints only, as scipy's: for an equality use method SLSQP or trust-constr"))
		}
		return optimize.COBYLA(p.obj.Scalar, p.x0, cons, &optimize.COBYLASettings{
			RhoBeg: opts.Num("rhobeg", 0), RhoEnd: opts.Num("rhoend", opts.Num("tol", 0)),
			MaxFuncEvals: opts.Int("maxfun", opts.Int("maxiter", 0)), CATol: opts.Num("catol", 0),
			Callback: p.callback(opts),
		})
	}},
	{name: "SLSQP", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		return optimize.SLSQP(p.withGradient(opts, "SLSQP"), p.x0, p.constraints(opts), p.bounds(opts), &optimize.SLSQPSettings{
			Acc: opts.Num("acc", opts.Num("ftol", 0)), MaxIter: opts.Int("iter", opts.Int("maxiter", 0)),
			Step: opts.Num("epsilon", opts.Num("eps", 0)), Callback: p.callback(opts),
		})
	}},
	{name: "trust-constr", reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		pr := p.withGradient(opts, "trust-constr")
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
	return minimizer{name: name, reportsGrad: true, run: func(p *problem, opts lang.Options) (*optimize.Result, error) {
		pr := p.withGradient(opts, name)
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
			if !ok || out.Len() != n {
				panic(lang.Errorf("%s must return a vector of %d numbers", hesspName, n))
			}
			copy(hv, out.Floats())
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

// withGradient is the optimize problem for method with the gradient a
// user gave (the fprime or jac option) in place of autodiff's: a
// function; false (or approx_grad: true), scipy's forward differences
// with the absolute step epsilon; or "2-point", "3-point" or "cs",
// scipy's finite differences with the relative step
// finite_diff_rel_step. Giving a step without jac asks for its finite
// differences, as scipy's default. Finite differences are refused for a
// method that does not take them, naming those that do.
func (p *problem) withGradient(opts lang.Options, method string) optimize.Problem {
	pr := p.optimizeProblem()
	name, g := "jac", opts.Get("jac", lang.Nil)
	if f := opts.Get("fprime", lang.Nil); !f.IsNil() {
		name, g = "fprime", f // the fmin functions' name
	}
	if g.IsNil() && (opts.Has("epsilon") || opts.Has("eps")) {
		// A step asks for finite differences, as scipy's default: of the
		// gradient, or for Newton-CG of the Hessian-vector products.
		if method == "Newton-CG" {
			pr.HessVec = nil
		} else {
			g = lang.Bool(false)
		}
	}
	if g.IsNil() && opts.Has("finite_diff_rel_step") {
		g = lang.Str("2-point")
	}
	if opts.Bool("approx_grad", false) {
		if !g.IsNil() {
			panic(opts.Errorf(name, "give %s or approx_grad, not both", name))
		}
		g = lang.Bool(false)
	}
	switch {
	case g.IsCallable():
		if method != "Newton-CG" && (opts.Has("epsilon") || opts.Has("eps")) {
			panic(opts.Errorf("epsilon", "epsilon is the step of finite differences, which %s as a function leaves unused", name))
		}
		user := p.sibling(g)
		pr.Grad = func(x, grad []float64) { copy(grad, user.Eval(x, 0)) }
	case g.Kind() == lang.BoolKind && g.Float() == 0:
		requireDifferences(opts, method, name, "false")
		pr.Grad, pr.HessVec = nil, nil
	case g.Kind() == lang.StrKind:
		requireDifferences(opts, method, name, fmt.Sprintf("%q", g.Text()))
		pr.Grad, pr.HessVec = nil, nil
		pr.Diff = p.differences(opts, name, g.Text())
	}
	if pr.Diff == nil && opts.Has("finite_diff_rel_step") {
		panic(opts.Errorf("finite_diff_rel_step", "finite_diff_rel_step is the relative step of jac \"2-point\", \"3-point\" or \"cs\", not of %s %s", name, lang.Format(g)))
	}
	if p.obj.pair {
		pr.Grad = p.obj.PairGrad
	}
	return pr
}

// differenceMethods are the methods of minimize that approximate the
// gradient by finite differences, as scipy's minimize allows.
var differenceMethods = []string{"CG", "BFGS", "L-BFGS-B", "TNC", "SLSQP", "trust-constr"}

// derivativeFreeMethods are the methods of minimize that use no
// derivatives: jac true (f returns its gradient too) is all they read.
var derivativeFreeMethods = []string{"Nelder-Mead", "Powell", "COBYLA"}

// requireDifferences refuses finite differences (option name given as
// value) for a method that needs an exact gradient.
func requireDifferences(opts lang.Options, method, name, value string) {
	if !slices.Contains(differenceMethods, method) {
		panic(opts.Errorf(name, "%s %s asks for finite differences, which %s does not take (the methods that do: %s); leave %s out for autodiff's gradient, or give it as a function",
			name, value, method, strings.Join(differenceMethods, ", "), name))
	}
}

// schemes are scipy's names of the finite-difference schemes.
var schemes = map[string]optimize.Scheme{"2-point": optimize.TwoPoint, "3-point": optimize.ThreePoint, "cs": optimize.ComplexStep}

// differences reads the finite differences that the option name asks for
// by scheme: its relative step (finite_diff_rel_step, or diff_step as
// least_squares names it; epsilon, an absolute step, is refused), and for
// "cs" the function at complex points.
func (p *problem) differences(opts lang.Options, name, scheme string) *optimize.Differences {
	sc, ok := schemes[scheme]
	if !ok {
		panic(opts.Errorf(name, "%s %q is not a finite-difference scheme: \"2-point\", \"3-point\" or \"cs\" (or give a function)", name, scheme))
	}
	for _, abs := range []string{"epsilon", "eps"} {
		if opts.Has(abs) {
			panic(opts.Errorf(abs, "%s is the absolute step of %s false; the step of %s %q is relative: give finite_diff_rel_step", abs, name, name, scheme))
		}
	}
	d := &optimize.Differences{Scheme: sc, RelStep: opts.Num("finite_diff_rel_step", opts.Num("diff_step", 0))}
	if sc == optimize.ComplexStep {
		d.Complex = p.complexValues(opts, name)
		p.checkAnalytic(opts, name, d)
	}
	return d
}

// checkAnalytic refuses complex steps that disagree at x0 with central
// differences: f is then not analytic (abs, a comparison or a real part
// drops the imaginary part), and the complex step would be wrong in
// silence.
func (p *problem) checkAnalytic(opts lang.Options, name string, d *optimize.Differences) {
	fun := func(x, out []float64) { copy(out, p.obj.Eval(x, 0)) }
	f0 := slices.Clone(p.obj.Eval(p.x0, 0))
	n := len(p.x0)
	cs, central := make([]float64, len(f0)*n), make([]float64, len(f0)*n)
	if err := d.Jacobian(fun, p.x0, f0, cs); err != nil {
		lang.Throw(err)
	}
	if err := (&optimize.Differences{Scheme: optimize.ThreePoint}).Jacobian(fun, p.x0, f0, central); err != nil {
		lang.Throw(err)
	}
	for k := range cs {
		if math.Abs(cs[k]-central[k]) > 1e-4*(1+math.Abs(central[k])) {
			panic(opts.Errorf(name, "%s \"cs\": at x0, the complex step gives the derivative %.6g by x[%d], central differences %.6g: %s is not analytic there (abs, a comparison or real() drops the imaginary part); use \"2-point\" or \"3-point\"",
				name, cs[k], k%n, central[k], lang.Format(p.obj.f)))
		}
	}
}

// complexValues evaluates the function at a complex point, for the
// complex-step differences that option name asks for. An expression
// cannot take complex values for its symbols; a function can, as far as
// the builtins it calls take complex numbers.
func (p *problem) complexValues(opts lang.Options, name string) func(z, out []complex128) {
	f := p.obj.f
	if p.obj.given.Kind() == lang.ExprKind {
		panic(opts.Errorf(name, "%s \"cs\" evaluates %s at complex points, which an expression cannot take: define it as a function, such as f(v) = ...",
			name, lang.Format(p.obj.given)))
	}
	spread := len(p.args) == 1 && len(p.s.Params(f, 1)) == len(p.x0) && len(p.x0) > 1
	return func(z, out []complex128) {
		p.s.Check()
		args := slices.Clone(p.args)
		switch {
		case spread:
			args = make([]lang.Value, len(z))
			for i, v := range z {
				args[i] = lang.Complex(v)
			}
		case p.scalar:
			args[0] = lang.Complex(z[0])
		default:
			args[0] = lang.CArr(array.ComplexOf(p.shape, slices.Clone(z)))
		}
		v := p.s.Call(f, args...)
		c, ok := v.ComplexArray()
		if !ok || c.Re.Len() != len(out) {
			panic(lang.Errorf("with %s \"cs\", %s must return %d number%s at a complex point, not %s", name, lang.Format(f), len(out), plural(len(out)), lang.Format(v)))
		}
		for i := range out {
			out[i] = c.At(i)
		}
	}
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
	if j := opts.Get("jac", lang.Nil); slices.Contains(derivativeFreeMethods, m.name) && (j.IsCallable() || j.Kind() == lang.StrKind) {
		panic(opts.Errorf("jac", "%s uses no derivatives, so jac %s would go unused; the methods that use it: %s",
			m.name, lang.Format(j), strings.Join(slices.DeleteFunc(minimizerNames(), func(n string) bool { return slices.Contains(derivativeFreeMethods, n) }), ", ")))
	}
	m.checkWork(s, len(p.x0), opts)
	r, err := m.run(p, opts)
	if err != nil {
		lang.Throw(err)
	}
	return p, r
}

// checkWork refuses a problem of n unknowns whose work space would pass
// the session's limit on elements (checkWork, the function).
func (m *minimizer) checkWork(s *lang.Session, n int, opts lang.Options) {
	memory := 0
	if m.name == "L-BFGS-B" {
		memory = opts.Int("m", opts.Int("maxcor", 10))
	}
	checkWork(s, m.name, n, n, memory)
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
	tol := lang.Num(opts.Num("tol", 0)) // a number, said of tol itself
	for _, name := range tolOptions[method] {
		if !opts.Has(name) {
			opts = opts.With(name, tol)
		}
	}
	return opts
}

// chooseMinimizer is minimize's choice of method from its options: method,
// or by default BFGS, L-BFGS-B with bounds, SLSQP with constraints, as
// scipy.
func chooseMinimizer(opts lang.Options) *minimizer {
	name := "BFGS"
	switch {
	case opts.Has("constraints"):
		name = "SLSQP"
	case opts.Has("bounds"):
		name = "L-BFGS-B"
	}
	return findMinimizer(opts.Method("method", name))
}

// minimizerNames are the names of minimize's methods.
func minimizerNames() []string {
	names := make([]string, len(minimizers))
	for i, m := range minimizers {
		names[i] = m.name
	}
	return names
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

// startParam is a solver's starting point.
func startParam(name string) lang.Param {
	return lang.Param{Name: name, Doc: "the starting point: a number or an array"}
}

// objectiveParams are a minimizer's function, named name, and starting
// point.
func objectiveParams(name string) []lang.Param {
	return []lang.Param{{Name: name, Kind: lang.FunctionArg, Doc: "the function to minimize: of x, or an expression in its variables"}, startParam("x0")}
}

// fminStyle builds one of scipy's fmin_* functions: it prints scipy's
// report unless {disp: false}, and returns xopt, or with {full_output:
// true} a record of scipy's output names.
func fminStyle(name, method, doc, example string, options ...lang.Opt) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: objectiveParams("f"), Options: slices.Concat([]lang.Opt{argsOpt}, options, fminOpts), Topic: "optimize", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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

// The methods of minimize that each kind of option applies to.
var (
	trustMethods   = []string{"dogleg", "trust-ncg", "trust-exact", "trust-krylov"}
	hessianMethods = append([]string{"Newton-CG"}, trustMethods...)
	epsilonMethods = []string{"CG", "BFGS", "Newton-CG", "L-BFGS-B", "TNC", "SLSQP"}
	retallMethods  = append([]string{"Nelder-Mead", "Powell", "CG", "BFGS", "Newton-CG"}, trustMethods...)
)

// The options of the minimizers, as scipy names them for minimize and the
// fmin functions.
var (
	callbackOpt = lang.Opt{Name: "callback", Doc: "a function called with each iterate",
		Methods: []string{"Nelder-Mead", "Powell", "CG", "BFGS", "Newton-CG", "L-BFGS-B", "TNC", "COBYLA", "SLSQP", "dogleg", "trust-ncg", "trust-exact", "trust-krylov"}}
	retallOpt     = lang.Opt{Name: "retall", Doc: "true: keep the path of iterates (allvecs)", Methods: retallMethods}
	epsilonOpt    = lang.Opt{Name: "epsilon", Doc: "the absolute step of forward differences (jac false, or f not traced)", Methods: epsilonMethods}
	fminFprimeOpt = lang.Opt{Name: "fprime", Doc: "the gradient as a function, in place of autodiff's; false: forward differences with step epsilon; \"2-point\", \"3-point\" or \"cs\": scipy's finite differences"}
	approxGradOpt = lang.Opt{Name: "approx_grad", Doc: "true: the gradient by forward differences with step epsilon, not autodiff"}
	normOpt       = lang.Opt{Name: "norm", Doc: "the order of the gradient's norm in the gtol test (inf)", Methods: []string{"CG", "BFGS"}}
	avextolOpt    = lang.Opt{Name: "avextol", Doc: "the tolerance on the average step (1e-5)", Methods: []string{"Newton-CG"}}
	mOpt          = lang.Opt{Name: "m", Doc: "the number of corrections kept (10)", Methods: []string{"L-BFGS-B"}}
	factrOpt      = lang.Opt{Name: "factr", Doc: "ftol in units of the machine epsilon (1e7)", Methods: []string{"L-BFGS-B"}}
	pgtolOpt      = lang.Opt{Name: "pgtol", Doc: "the tolerance on the projected gradient (1e-5)", Methods: []string{"L-BFGS-B", "TNC"}}
	maxlsOpt      = lang.Opt{Name: "maxls", Doc: "the most line search steps per iteration (20)", Methods: []string{"L-BFGS-B"}}
	maxCGitOpt    = lang.Opt{Name: "maxCGit", Doc: "the most conjugate gradient steps per iteration", Methods: []string{"TNC"}}
	etaOpt        = lang.Opt{Name: "eta", Doc: "TNC: the line search's severity; trust regions: the acceptance threshold", Methods: append([]string{"TNC"}, trustMethods...)}
	stepmxOpt     = lang.Opt{Name: "stepmx", Doc: "the largest line search step", Methods: []string{"TNC"}}
	accuracyOpt   = lang.Opt{Name: "accuracy", Doc: "the relative precision of the function's values", Methods: []string{"TNC"}}
	rhobegOpt     = lang.Opt{Name: "rhobeg", Doc: "the first change to the variables (1)", Methods: []string{"COBYLA"}}
	rhoendOpt     = lang.Opt{Name: "rhoend", Doc: "the final accuracy of the trust region (1e-4)", Methods: []string{"COBYLA"}}
	catolOpt      = lang.Opt{Name: "catol", Doc: "the absolute tolerance on constraint violations (2e-4)", Methods: []string{"COBYLA"}}
	accOpt        = lang.Opt{Name: "acc", Doc: "the requested accuracy (1e-6)", Methods: []string{"SLSQP"}}
	iterOpt       = lang.Opt{Name: "iter", Doc: "the most iterations (100)", Methods: []string{"SLSQP"}}
)

// fminOpts are the options every fmin-style function shares.
var fminOpts = []lang.Opt{maxiterOpt, fullOutputOpt, dispOpt, retallOpt, callbackOpt}

// slsqpConstraintOpts are fmin_slsqp's ways of giving constraints.
var slsqpConstraintOpts = []lang.Opt{
	{Name: "eqcons", Doc: "a list of functions c with c(x) = 0"}, {Name: "f_eqcons", Doc: "one vector function c with c(x) = 0"},
	{Name: "fprime_eqcons", Doc: "the Jacobian of f_eqcons, in place of autodiff's"},
	{Name: "ieqcons", Doc: "a list of functions c with c(x) >= 0"}, {Name: "f_ieqcons", Doc: "one vector function c with c(x) >= 0"},
	{Name: "fprime_ieqcons", Doc: "the Jacobian of f_ieqcons, in place of autodiff's"},
}

// reportingMethods are the methods whose report scipy's minimize prints
// with disp as their fmin function prints it (fmin, fmin_powell, fmin_cg,
// fmin_bfgs, fmin_ncg); the others print their solvers' own output.
var reportingMethods = []string{"Nelder-Mead", "Powell", "CG", "BFGS", "Newton-CG"}

// minimizeBuiltin is minimize, whose options basinhopping's
// minimizer_kwargs also holds.
var minimizeBuiltin = &lang.Builtin{
	Name: "minimize", Params: objectiveParams("f"), Methods: minimizerNames(), Topic: "optimize",
	Options: []lang.Opt{methodOpt, argsOpt,
		{Name: "jac", Doc: "the gradient as a function; true: f returns (value, gradient); false: forward differences with step epsilon; \"2-point\", \"3-point\" or \"cs\" (complex step, for a function): scipy's finite differences (" + strings.Join(differenceMethods, ", ") + ")"},
		{Name: "finite_diff_rel_step", Doc: "the relative step of jac \"2-point\", \"3-point\" or \"cs\" (sqrt(eps), eps**(1/3) for 3-point)", Methods: differenceMethods},
		{Name: "hess", Doc: "the Hessian as a function, in place of autodiff's", Methods: hessianMethods},
		{Name: "hessp", Doc: "the Hessian-vector product as a function of x and v", Methods: hessianMethods},
		{Name: "bounds", Doc: boundsOpt.Doc, Methods: []string{"Nelder-Mead", "Powell", "L-BFGS-B", "TNC", "SLSQP", "trust-constr"}},
		{Name: "constraints", Doc: "{type: \"ineq\" | \"eq\", fun, jac?} or a list of them", Methods: []string{"COBYLA", "SLSQP", "trust-constr"}},
		tolOpt, callbackOpt, maxiterOpt,
		{Name: "disp", Doc: "true: print scipy's convergence report, as the fmin functions do (false)", Methods: reportingMethods},
		{Name: "maxfun", Doc: maxfunOpt.Doc, Methods: []string{"Nelder-Mead", "Powell", "L-BFGS-B", "TNC", "COBYLA"}},
		{Name: "maxfev", Doc: maxfevOpt.Doc, Methods: []string{"Nelder-Mead", "Powell"}},
		{Name: "xtol", Doc: xtolOpt.Doc, Methods: []string{"Nelder-Mead", "Powell", "Newton-CG", "TNC", "trust-constr"}},
		{Name: "xatol", Doc: xtolOpt.Doc, Methods: []string{"Nelder-Mead"}},
		{Name: "ftol", Doc: ftolOpt.Doc, Methods: []string{"Nelder-Mead", "Powell", "L-BFGS-B", "TNC", "SLSQP"}},
		{Name: "fatol", Doc: ftolOpt.Doc, Methods: []string{"Nelder-Mead"}},
		{Name: "gtol", Doc: gtolOpt.Doc, Methods: append([]string{"CG", "BFGS", "L-BFGS-B", "TNC", "trust-constr"}, trustMethods...)},
		{Name: "adaptive", Doc: "true: adapt the simplex to the dimension", Methods: []string{"Nelder-Mead"}},
		retallOpt, {Name: "return_all", Doc: retallOpt.Doc, Methods: trustMethods},
		normOpt, epsilonOpt, {Name: "eps", Doc: epsilonOpt.Doc, Methods: epsilonMethods}, avextolOpt,
		mOpt, {Name: "maxcor", Doc: mOpt.Doc, Methods: mOpt.Methods}, factrOpt, pgtolOpt, maxlsOpt,
		maxCGitOpt, etaOpt, stepmxOpt, accuracyOpt, rhobegOpt, rhoendOpt, catolOpt, accOpt, iterOpt,
		{Name: "barrier_tol", Doc: "the barrier parameter's tolerance (1e-8)", Methods: []string{"trust-constr"}},
		{Name: "initial_trust_radius", Doc: "the first trust radius (1)", Methods: trustMethods},
		{Name: "max_trust_radius", Doc: "the largest trust radius (1000)", Methods: trustMethods},
	},
	Doc: "Minimizes a function of several variables.\n" +
		"Starts from x0, as scipy's minimize, by the method chosen: BFGS by default,\n" +
		"L-BFGS-B with bounds, SLSQP with constraints (as scipy). trust-constr handles\n" +
		"constraints and bounds by a barrier trust-region SQP, with the Lagrangian's\n" +
		"Hessian from autodiff when f and every constraint are traced numbers (else\n" +
		"BFGS); the trust-region methods take Hessians or Hessian-vector products from\n" +
		"autodiff unless hess or hessp is given. Gradients come from autodiff unless\n" +
		"jac is given (false, \"2-point\", \"3-point\" or \"cs\": scipy's finite differences,\n" +
		"with scipy's counts). Nelder-Mead and Powell clip their trial points into the bounds\n" +
		"as scipy 1.10 does. An option that the method does not read is an error.\n" +
		"Returns a record x, fun, jac, nit, nfev, njev, status, success, message\n" +
		"(hess_inv from BFGS and L-BFGS-B). Inside a function being differentiated, with args\n" +
		"that hold its variables, x and fun are differentiable: the implicit function theorem\n" +
		"at the optimum (see sensitivity).",
	Example: "minimize((x - 3)**2 + (y + 1)**2, [1, 1]).x",
	Fn: func(s *lang.Session, a lang.Args) lang.Value {
		args, opts := a.Options()
		m := chooseMinimizer(opts)
		p, r := minimizeWith(s, m, args, withTol(m.name, opts))
		if opts.Bool("disp", false) {
			report(s, r, m.reportsGrad)
		}
		return p.optimizeResult(r)
	},
}

var optimizeBuiltins = []*lang.Builtin{
	fminStyle("fmin", "Nelder-Mead",
		"Minimizes f by the Nelder–Mead simplex method.\n"+
			"Starts from x0, exactly as scipy.optimize.fmin (same iterations and\n"+
			"evaluations); prints scipy's report unless {disp: false}. full_output gives a record xopt, fopt, iter,\n"+
			"funcalls, warnflag. f may be a function or an expression; a scalar x0 gives a scalar answer.",
		"fmin(x**2 - 4*x + 8, 1.3)", xtolOpt, ftolOpt, maxfunOpt),
	fminStyle("fmin_powell", "Powell",
		"Minimizes f by Powell's conjugate direction method.\n"+
			"Starts from x0, as scipy.optimize.fmin_powell (Brent line\n"+
			"searches, no derivatives); reports as fmin.",
		"fmin_powell(x**2 - 4*x + 8, 1.3)", xtolOpt, ftolOpt, maxfunOpt),
	fminStyle("fmin_bfgs", "BFGS",
		"Minimizes f by the quasi-Newton BFGS method.\n"+
			"Starts from x0, as scipy.optimize.fmin_bfgs, with the exact gradient\n"+
			"from autodiff (a user fprime wins); reports as fmin.",
		"fmin_bfgs(x**2 - 4*x + 8, 1.3)", fminFprimeOpt, gtolOpt, normOpt, epsilonOpt),
	fminStyle("fmin_cg", "CG",
		"Minimizes f by nonlinear conjugate gradients.\n"+
			"Starts from x0 (Polak–Ribière), as scipy.optimize.fmin_cg,\n"+
			"with the exact gradient from autodiff (a user fprime wins); reports as fmin.",
		"fmin_cg(x**2 - 4*x + 8, 1.3)", fminFprimeOpt, gtolOpt, normOpt, epsilonOpt),
	fminStyle("fmin_ncg", "Newton-CG",
		"Minimizes f by the Newton-CG method.\n"+
			"Starts from x0 (line-search Newton's method with conjugate gradients), as\n"+
			"scipy.optimize.fmin_ncg; the gradient and the Hessian–vector products come from autodiff unless given.",
		"fmin_ncg((x - 1)**2 + 10*(y - x**2)**2, [0, 0])", fprimeOpt,
		lang.Opt{Name: "fhess", Doc: "the Hessian as a function, in place of autodiff's"},
		lang.Opt{Name: "fhess_p", Doc: "the Hessian-vector product as a function of x and v"}, avextolOpt, epsilonOpt),
	{
		Name: "fmin_l_bfgs_b", Params: objectiveParams("func"), Topic: "optimize",
		Options: []lang.Opt{fminFprimeOpt, argsOpt, approxGradOpt, boundsOpt, mOpt, factrOpt, pgtolOpt, epsilonOpt, maxfunOpt, maxiterOpt, maxlsOpt, callbackOpt},
		Doc: "Minimizes a function within bounds by L-BFGS-B.\n" +
			"Starts from x0, as scipy.optimize.fmin_l_bfgs_b, with the exact gradient from\n" +
			"autodiff (a user fprime wins). Returns a record x, f, and scipy's d: grad, task, funcalls, nit, warnflag.",
		Example: "fmin_l_bfgs_b((x - 3)**2 + (y + 1)**2, [0, 0], {bounds: [[0, 2], [nil, nil]]}).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			p, r := minimizeWith(s, findMinimizer("L-BFGS-B"), args, opts)
			d := record("grad", p.point(r.Grad), "task", lang.Str(r.Message), "funcalls", count(r.FuncEvals),
				"nit", count(r.Iterations), "warnflag", count(warnflag(r)))
			return record("x", p.point(r.X), "f", lang.Num(r.F), "d", d)
		},
	},
	{
		Name: "fmin_tnc", Params: objectiveParams("func"), Topic: "optimize",
		Options: []lang.Opt{fminFprimeOpt, argsOpt, approxGradOpt, boundsOpt, epsilonOpt, maxCGitOpt, maxfunOpt, etaOpt, stepmxOpt, accuracyOpt, ftolOpt, xtolOpt, pgtolOpt, callbackOpt},
		Doc: "Minimizes within bounds by a truncated Newton method.\n" +
			"Starts from x0, as scipy.optimize.fmin_tnc, with the\n" +
			"exact gradient from autodiff. Returns a record x, nfeval, rc, message.",
		Example: "fmin_tnc((x - 3)**2 + (y + 1)**2, [0, 0], {bounds: [[0, 2], [nil, nil]]}).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			p, r := minimizeWith(s, findMinimizer("TNC"), args, opts)
			rec := record("x", p.point(r.X), "nfeval", count(r.FuncEvals), "rc", count(r.Code), "message", lang.Str(r.Message))
			rec.Record().Tuple = []string{"x", "nfeval", "rc"} // scipy's (x, nfeval, rc)
			return rec
		},
	},
	{
		Name: "fmin_cobyla", Params: append(objectiveParams("func"),
			lang.Param{Name: "cons", Doc: "the constraints c(x) >= 0: a function or an expression, or a list of them"}), Topic: "optimize",
		Options: []lang.Opt{argsOpt, rhobegOpt, rhoendOpt, maxfunOpt, catolOpt, callbackOpt},
		Doc: "Minimizes subject to inequality constraints (COBYLA).\n" +
			"Starts from x0, subject to the inequalities c(x) >= 0 for each function c in cons (one or a list), by\n" +
			"Powell's COBYLA (linear approximations, no derivatives), as scipy.optimize.fmin_cobyla.",
		Example: "fmin_cobyla(x*y, [1, 1], [1 - x**2 - y**2, y])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			opts = opts.With("ieqcons", args[2])
			p, r := minimizeWith(s, findMinimizer("COBYLA"), args, opts)
			if !r.Success {
				s.Print("Warning: " + r.Message)
			}
			return p.point(r.X)
		},
	},
	{
		Name: "fmin_slsqp", Params: objectiveParams("func"), Topic: "optimize",
		Options: slices.Concat(slsqpConstraintOpts, []lang.Opt{boundsOpt, fminFprimeOpt, argsOpt, iterOpt, accOpt, dispOpt, fullOutputOpt, epsilonOpt, callbackOpt}),
		Doc: "Minimizes subject to constraints by SLSQP.\n" +
			"Starts from x0, subject to equations c(x) = 0 (eqcons: a list of functions, or f_eqcons: one vector\n" +
			"function), inequalities c(x) >= 0 (ieqcons, f_ieqcons) and bounds, by sequential least squares programming,\n" +
			"as scipy.optimize.fmin_slsqp; gradients and constraint Jacobians from autodiff. Prints scipy's report unless\n" +
			"{disp: false}; {full_output: true} gives a record x, fx, its, imode, smode.",
		Example: "fmin_slsqp(x**2 + y**2, [1, 1], {eqcons: [x + y - 1], disp: false})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
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
		Name: "nnls", Params: []lang.Param{
			{Name: "A", Kind: lang.ArrayArg, Doc: "the matrix of the system"},
			{Name: "b", Kind: lang.ArrayArg, Doc: "the right-hand side, a vector"}}, Topic: "optimize",
		Options: []lang.Opt{{Name: "maxiter", Doc: "the most iterations (3·n)"}},
		Doc: "Non-negative least squares for a linear system.\n" +
			"The x >= 0 minimizing ||A·x - b|| (Lawson and Hanson's active set method), as scipy.optimize.nnls;\na record x, rnorm",
		Example: "nnls([[1, 0], [1, 0], [0, 1]], [2, 1, 1]).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			A := args.Array(0)
			if len(A.Shape) != 2 {
				panic(lang.ArgErrorf(0, "A must be a matrix, not of shape %v", A.Shape))
			}
			m, n := A.Shape[0], A.Shape[1]
			rowsA := make([][]float64, m)
			for i := range rowsA {
				rowsA[i] = A.Floats()[i*n : (i+1)*n]
			}
			x, rnorm, err := optimize.NNLS(rowsA, args.Array(1).Floats(), opts.Int("maxiter", 0))
			if err != nil {
				lang.Throw(err)
			}
			return record("x", vecValue(x), "rnorm", lang.Num(rnorm))
		},
	},
	minimizeBuiltin,
}
