package builtins

import (
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/integrate"
	"calc/stdlib/special"
)

// timeFunc prepares a right-hand side for the ODE solvers: f(y, t, args)
// for odeint (point first) or fun(t, y, args) for solve_ivp.
func timeFunc(s *lang.Session, f, y0 lang.Value, extra []lang.Value, timeFirst bool) (*fn, []float64) {
	y, ok := toArray(y0)
	if !ok || y.Len() == 0 || len(y.Shape) > 1 {
		panic(lang.Errorf("y0 must be a number or a vector, not %s", y0.TypeName()))
	}
	args := append([]lang.Value{y0, lang.Num(0)}, extra...)
	point, time, vars := 0, 1, varsYT
	if timeFirst {
		args[0], args[1] = lang.Num(0), y0
		point, time, vars = 1, 0, varsTY
	}
	o := newFn(s, f, args, point, time, vars)
	n := len(o.Eval(y.Floats(), 0))
	if n != y.Len() {
		panic(lang.Errorf("the right-hand side returns %d values for a state of %d", n, y.Len()))
	}
	return o, append([]float64(nil), y.Floats()...)
}

// jacobianOf returns the ODE's Jacobian ∂f/∂y: the user's (a function of
// the same arguments), or autodiff's, or nil for finite differences.
func jacobianOf(s *lang.Session, o *fn, user lang.Value) func(t float64, y, J []float64) {
	if user.IsCallable() {
		u := newFn(s, user, o.args, o.point, o.time, o.vars)
		return func(t float64, y, J []float64) { copy(J, u.Eval(y, t)) }
	}
	if o.Traced() {
		return func(t float64, y, J []float64) { o.Deriv(y, t, J) }
	}
	return nil
}

// odeintJacobian is odeint's Jacobian: Dfun's, transposed with scipy's
// col_deriv, or autodiff's.
func odeintJacobian(s *lang.Session, o *fn, opts lang.Options, n int) func(t float64, y, J []float64) {
	dfun, transposed := opts.Func("Dfun"), opts.Bool("col_deriv", false)
	jac := jacobianOf(s, o, dfun)
	if transposed && !dfun.IsCallable() {
		panic(lang.Errorf("col_deriv says how Dfun returns the Jacobian, but no Dfun is given"))
	}
	if !transposed {
		return jac
	}
	columns := make([]float64, n*n)
	return func(t float64, y, J []float64) {
		jac(t, y, columns)
		for i := range n {
			for j := range n {
				J[i*n+j] = columns[j*n+i]
			}
		}
	}
}

// checkODESize refuses, before solving, a problem whose work arrays would
// pass the session's limit on elements: the n×n Jacobian that the implicit
// methods factor (LSODA too, once it finds the problem stiff), and the
// result of rows states.
func checkODESize(s *lang.Session, y0 lang.Value, rows int, implicit bool) {
	n := 1
	if y, ok := toArray(y0); ok {
		n = y.Len()
	}
	if implicit && float64(n)*float64(n) > s.MaxElements {
		panic(lang.Errorf("a state of %d components needs a %d×%d Jacobian: more than the limit of %.0f elements (-max-elements)", n, n, n, s.MaxElements))
	}
	s.CheckElements(float64(n) * float64(rows))
}

// numbers reads an option that is a number or an array of numbers.
func numbers(opts lang.Options, name string) (float64, []float64) {
	v := opts.Get(name, lang.Nil)
	switch v.Kind() {
	case lang.NilKind:
		return 0, nil
	case lang.NumKind:
		return v.Float(), nil
	}
	return 0, arrayOf(v).Floats()
}

func ints(xs []int) lang.Value {
	f := make([]float64, len(xs))
	for i, x := range xs {
		f[i] = float64(x)
	}
	return vecValue(f)
}

var odeBuiltins = []*lang.Builtin{
	{
		Name: "odeint", Params: []lang.Param{
			{Name: "func", Kind: lang.FunctionArg, Doc: "the right-hand side: a function of y, t and the args (t first with tfirst), or an expression in y and t"},
			{Name: "y0", Doc: "the initial state: a number or a vector"},
			{Name: "t", Kind: lang.ArrayArg, Doc: "the times to give y at, t[0] the initial one"}}, Topic: "ode",
		Options: []lang.Opt{argsOpt, {Name: "Dfun", Doc: "the Jacobian of func by y, in place of autodiff's"}, fullOutputOpt, {Name: "rtol", Doc: "the relative tolerance, one or one per component (1.49012e-8)"}, {Name: "atol", Doc: "the absolute tolerance, one or one per component (1.49012e-8)"}, {Name: "tcrit", Doc: "times the solver must not step past"}, {Name: "h0", Doc: "the first step (chosen by the solver)"}, {Name: "hmax", Doc: "the largest step (inf)"}, {Name: "hmin", Doc: "the smallest step (0)"}, {Name: "mxstep", Doc: "the most steps per output time (500)"}, {Name: "mxordn", Doc: "the highest Adams order (12)"}, {Name: "mxords", Doc: "the highest BDF order (5)"}, {Name: "printmessg", Doc: "false: print no message on failure"}, {Name: "tfirst", Doc: "true: func(t, y, args...) and Dfun(t, y, args...), time first (false)"}, {Name: "col_deriv", Doc: "true: Dfun returns the Jacobian transposed, ∂f_j/∂y_i in row i (false)"}, adjointOpt, sensitivityErrorOpt},
		Doc: "Solves an ODE system at given times, as scipy's odeint.\nSolves y' = func(y, t, args...) (func(t, y, args...) with {tfirst: true}) from y(t[0]) = y0 and\n" +
			"returns y at every time of t (one row each), as\n" +
			"scipy.integrate.odeint: LSODA, switching between Adams (non-stiff) and BDF (stiff) methods by itself. The\n" +
			"BDF Jacobian comes from autodiff unless Dfun is given. {full_output: true} gives a\n" +
			"record y, infodict (hu, tcur, tolsf, tsw, nst, nfe, nje, nqu, imxer, lenrw, leniw, mused, message).\n" +
			"Differentiable by y0, the args and t: grad, jacobian and the fits differentiate a function that calls\n" +
			"odeint exactly, by forward sensitivities, or for a gradient by more than 16 numbers by the adjoint method\n" +
			"(one backward solve; the option adjoint: true or false chooses). A chaotic system (Lorenz's) parts from\n" +
			"scipy's trajectory after a while: calc's Jacobian is autodiff's exact one where scipy's LSODA takes\n" +
			"finite differences, so the steps differ at rounding level and the chaos grows the difference.",
		Example: "decay(y, t) = -0.5*y\nodeint(decay, 1, [0, 1, 2])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			printmessg := opts.Bool("printmessg", true)
			extra := splitArgs(s, opts)
			if anySymbolic(append([]lang.Value{args[1], args[2]}, extra...)...) {
				return odeintNode(s, args, opts, extra)
			}
			readDerivativeOptions(opts) // how a solution is differentiated; numbers are not
			ts := args.Array(2).Floats()
			checkODESize(s, args[1], len(ts), true)
			o, y0 := timeFunc(s, args[0], args[1], extra, opts.Bool("tfirst", false))
			r, err := integrate.Odeint(func(t float64, y, dy []float64) { copy(dy, o.Eval(y, t)) }, odeintJacobian(s, o, opts, len(y0)), y0, ts,
				odeintSettings(opts))
			if err != nil {
				lang.Throw(err)
			}
			if !r.Success && printmessg {
				s.Print("ODEintWarning: " + r.Message)
			}
			y := matrix(r.Y)
			if !opts.Bool("full_output", false) {
				return y
			}
			info := record("hu", vecValue(r.Hu), "tcur", vecValue(r.TCur), "tolsf", vecValue(r.TolSF), "tsw", vecValue(r.TSw),
				"nst", ints(r.NSt), "nfe", ints(r.NFe), "nje", ints(r.NJe), "nqu", ints(r.NQu), "imxer", count(r.IMxEr),
				"lenrw", count(r.LenRW), "leniw", count(r.LenIW), "mused", ints(r.MUsed), "message", lang.Str(r.Message))
			return record("y", y, "infodict", info)
		},
	},
	{
		Name: "solve_ivp", Params: []lang.Param{
			{Name: "fun", Kind: lang.FunctionArg, Doc: "the right-hand side: a function of t, y and the args, or an expression in t and y"},
			{Name: "t_span", Kind: lang.ArrayArg, Doc: "the interval [t0, t1] to integrate over"},
			{Name: "y0", Doc: "the initial state: a number or a vector"}}, Topic: "ode",
		Options: ivpOpts, Methods: []string{"RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"},
		Doc: "Solves an initial value problem, as scipy's solve_ivp.\nSolves y' = fun(t, y, args...) over t_span = [t0, t1] from y0, as scipy.integrate.solve_ivp (RK45 by\n" +
			"default; the implicit methods get the Jacobian from autodiff).\n" +
			"Returns a record t, y (one row per component), sol (with dense_output: a function of t), t_events,\n" +
			"y_events, nfev, njev, nlu, status, message, success.\n" +
			"Differentiable by y0, the args and the times of t_eval when t_eval is given (the record then holds t and y\n" +
			"only): by forward\n" +
			"sensitivities, or for a gradient by more than 16 numbers by the adjoint method (the option adjoint:\n" +
			"true or false chooses).",
		Example: "decay(t, y) = -0.5*y\nsolve_ivp(decay, [0, 10], [2], {t_eval: [0, 5, 10]}).y",
		Fn:      solveIVP,
	},
	{
		Name: "airy", Params: []lang.Param{{Name: "x", Kind: lang.ArrayArg, Doc: "the point: a number or an array"}}, Topic: "special",
		Doc:     "The Airy functions Ai, Ai', Bi and Bi'.\n[Ai, Ai', Bi, Bi'] at x, like scipy.special.airy (each an array when x is one).",
		Example: "airy(0)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x := a.Array(0)
			parts := make([]*array.Array, 4)
			for k := range parts {
				parts[k] = array.Zeros(x.Shape...)
			}
			for i, v := range x.Floats() {
				if i%4096 == 0 {
					s.Check()
				}
				ai, aip, bi, bip := special.Airy(v)
				parts[0].Floats()[i], parts[1].Floats()[i], parts[2].Floats()[i], parts[3].Floats()[i] = ai, aip, bi, bip
			}
			out := make([]lang.Value, 4)
			for k, p := range parts {
				out[k] = lang.Arr(p)
			}
			return s.Collect(out)
		},
	},
	{
		Name: "zeta", Params: []lang.Param{
			{Name: "s", Kind: lang.ArrayArg, Doc: "the argument: a number, or an array without q"},
			{Name: "q", Kind: lang.NumberArg, Optional: true, Doc: "the Hurwitz parameter (the Riemann zeta function if left out)"}}, Topic: "special",
		Doc:     "The Riemann or Hurwitz zeta function.\nThe Riemann zeta function ζ(s), or with q the Hurwitz zeta function ζ(s, q), as scipy.special.zeta",
		Example: "zeta(2) - pi**2/6",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if len(a) == 2 {
				return lang.Num(special.HurwitzZeta(a.Num(0), a.Num(1)))
			}
			return lang.Arr(array.Map(a.Array(0), s.Polling(special.Zeta)))
		},
	},
}

// ivpOpts are solve_ivp's options.
var ivpOpts = []lang.Opt{methodOpt, {Name: "t_eval", Doc: "the times to give the solution at (the solver's steps)"},
	{Name: "dense_output", Doc: "true: sol, the solution as a function of t"},
	{Name: "events", Doc: "a function g(t, y), or a list, whose zeros are located"},
	{Name: "terminal", Doc: "true: an event stops the integration (one value, or one per event)"},
	{Name: "direction", Doc: "the sign of the crossings an event counts: 1, -1 or 0 for both (one, or one per event)"},
	argsOpt, {Name: "rtol", Doc: "the relative tolerance (1e-3)"}, {Name: "atol", Doc: "the absolute tolerance (1e-6)"},
	{Name: "max_step", Doc: "the largest step (inf)"}, {Name: "first_step", Doc: "the first step (chosen by the solver)"},
	{Name: "min_step", Doc: "the smallest step (0)", Methods: []string{"LSODA"}},
	{Name: "jac", Doc: "the Jacobian of fun by y, in place of autodiff's", Methods: []string{"Radau", "BDF", "LSODA"}}, adjointOpt, sensitivityErrorOpt}

func solveIVP(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	method := integrate.IVPMethod(opts.Method("method", "RK45"))
	te := opts.Get("t_eval", lang.Nil)
	implicit := method == "Radau" || method == "BDF" || method == "LSODA"
	extra := splitArgs(s, opts)
	if anySymbolic(append([]lang.Value{args[1], args[2], te}, extra...)...) {
		return solveIVPNode(s, args, opts, extra, method, te, implicit)
	}
	var tEval []float64
	if !te.IsNil() {
		tEval = arrayOf(te).Floats()
	}
	readDerivativeOptions(opts) // how a solution is differentiated; numbers are not
	checkODESize(s, args[2], len(tEval), implicit)
	o, y0 := timeFunc(s, args[0], args[2], extra, true)
	span := args.Array(1).Floats()
	if len(span) != 2 {
		panic(lang.ArgErrorf(1, "t_span must be [t0, t1]"))
	}
	set := ivpSettings(opts, method, tEval)
	set.Jac = jacobianOf(s, o, opts.Func("jac"))
	set.Events = events(s, opts, o)
	r, err := integrate.SolveIVP(func(t float64, y, dy []float64) { copy(dy, o.Eval(y, t)) }, [2]float64{span[0], span[1]}, y0, set)
	if err != nil {
		lang.Throw(err)
	}
	// scipy's y has one row per component.
	n := len(y0)
	ys := make([][]float64, n)
	for i := range ys {
		ys[i] = make([]float64, len(r.T))
		for k, yk := range r.Y {
			ys[i][k] = yk[i]
		}
	}
	rec := lang.NewRecord()
	rec.Set("t", vecValue(r.T))
	rec.Set("y", matrix(ys))
	if r.Sol != nil {
		sol := r.Sol
		rec.Set("sol", lang.Func(&lang.Builtin{Name: "sol", Params: []lang.Param{{Name: "t", Kind: lang.ArrayArg, Doc: "the time: a number or an array"}}, Doc: "the dense output of solve_ivp",
			Fn: func(s *lang.Session, a lang.Args) lang.Value {
				ts := a.Array(0)
				out := make([][]float64, ts.Len())
				for i, t := range ts.Floats() {
					out[i] = make([]float64, n)
					sol.At(t, out[i])
				}
				if len(ts.Shape) == 0 {
					return vecValue(out[0])
				}
				return matrix(transpose(out))
			}}))
	} else {
		rec.Set("sol", lang.Nil)
	}
	tev := make([]lang.Value, len(r.TEvents))
	yev := make([]lang.Value, len(r.YEvents))
	for i := range r.TEvents {
		tev[i] = vecValue(r.TEvents[i])
		yev[i] = matrix(r.YEvents[i])
	}
	rec.Set("t_events", lang.ListOf(tev))
	rec.Set("y_events", lang.ListOf(yev))
	rec.Set("nfev", count(r.NFev))
	rec.Set("njev", count(r.NJev))
	rec.Set("nlu", count(r.NLU))
	rec.Set("status", count(r.Status))
	rec.Set("message", lang.Str(r.Message))
	rec.Set("success", lang.Bool(r.Success))
	return lang.RecordOf(rec)
}

// transpose returns the columns of rows.
func transpose(rows [][]float64) [][]float64 {
	if len(rows) == 0 {
		return nil
	}
	out := make([][]float64, len(rows[0]))
	for j := range out {
		out[j] = make([]float64, len(rows))
		for i, r := range rows {
			out[j][i] = r[j]
		}
	}
	return out
}

// events reads solve_ivp's events with their terminal and direction
// options: one value for all events or a list with one per event.
func events(s *lang.Session, opts lang.Options, o *fn) []integrate.Event {
	v := opts.Get("events", lang.Nil)
	if v.IsNil() {
		return nil
	}
	fs := []lang.Value{v}
	if v.Kind() == lang.ListKind {
		fs = v.List().Items
	}
	perEvent := func(name string, i int, def lang.Value) lang.Value {
		w := opts.Get(name, def)
		if items, ok := lang.Items(w); ok && w.Kind() != lang.StrKind {
			if len(items) != len(fs) {
				panic(lang.Errorf("%s has %d values for %d events", name, len(items), len(fs)))
			}
			return items[i]
		}
		return w
	}
	evs := make([]integrate.Event, len(fs))
	for i, f := range fs {
		g := newFn(s, f, o.args, o.point, o.time, o.vars)
		terminal, ok := perEvent("terminal", i, lang.Bool(false)).Truth()
		if !ok {
			panic(lang.Errorf("terminal must be true or false"))
		}
		dir := perEvent("direction", i, lang.Num(0))
		if dir.Kind() != lang.NumKind {
			panic(lang.Errorf("direction must be a number, not %s", dir.TypeName()))
		}
		evs[i] = integrate.Event{G: func(t float64, y []float64) float64 {
			v := g.Eval(y, t)
			if len(v) != 1 {
				panic(lang.Errorf("event %d must return a number, not %d values", i, len(v)))
			}
			return v[0]
		}, Terminal: terminal, Direction: dir.Float()}
	}
	return evs
}
