package builtins

import (
	"math"
	"slices"
	"sync/atomic"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/integrate"
)

// Forward sensitivities of an ODE (Hindmarsh et al., "SUNDIALS: Suite of
// nonlinear and differential/algebraic equation solvers", ACM TOMS 31,
// 2005, §3 on CVODES): with y' = f(y, t, p) and S = ∂y/∂(y0, p), S obeys
// the variational equations S' = J_y·S + [0 | J_p], S(t0) = [I | 0].
// They are integrated together with y as one system, by the same method
// under the same error control (CVODES's simultaneous corrector), so the
// sensitivities are as accurate as the solution. J_y and J_p come from
// autodiff as a graph of the traced right-hand side, and the whole
// augmented right-hand side compiles to one tape. The implicit methods
// get the block-diagonal Jacobian with J_y in every block, which drops
// only the coupling ∂(J_y·S)/∂y: a block lower triangular term, so the
// Newton iteration still converges.

// rhsCounts counts the evaluations of right-hand sides compiled for
// sensitivities, plain, augmented and adjoint (λᵀJ_y and λᵀJ_p), across
// sessions: the benchmarks report them beside scipy's.
var rhsCounts struct{ plain, augmented, adjoint atomic.Int64 }

// odeSensitivity is an ODE right-hand side compiled for the plain and
// the sensitivity solves, with the numbers of its arguments.
type odeSensitivity struct {
	n     int       // the size of the state
	y0    []float64 // the initial state (overwritten when it is symbolic)
	times []float64 // the output times (overwritten when they are symbolic)
	pv    *paramVector
	// y0Input and timesInput say that the initial state and the times are
	// symbolic, inputs of the solver node before the args. Either needs
	// Φ = ∂y/∂y0, the first n columns of S (stateCols).
	y0Input, timesInput, stateCols bool
	// fromFirst says that the solve starts at the first output time, as
	// odeint's does, so that moving it moves the whole solution;
	// solve_ivp's starts at t_span's t0, before or at its t_eval.
	fromFirst bool
	cols      int            // the columns of S: n if stateCols, plus the symbolic numbers of the args
	plain     *autodiff.Tape // f
	jac       *autodiff.Tape // J_y
	// aug gives f then [J_y | J_p] (J_p's columns for the symbolic
	// numbers only) row by row, as one vector of scalars, for the forward
	// sensitivities: S' = J_y·S + [0 | J_p] is then a few loops
	// (sensitivityRHS) rather than tape instructions of small matrices.
	aug *autodiff.Tape
	vjp *autodiff.Tape // λᵀJ_y and λᵀJ_p (the adjoint method)
	// forward and adjoint say which derivatives the solver node offers
	// (see derivativeModes).
	forward, adjoint bool
	// errorControl is the option sensitivity_error_control, or nil for
	// its default (sensitivitiesTested).
	errorControl *bool
	dense        *denseForward
	tbuf         []float64
	s            *lang.Session
}

// adjointThreshold is the number of differentiated numbers (of the
// initial state and the args) above which a solver node offers the
// adjoint method by default. A forward-sensitivity solve carries
// n·(1+P) numbers; an adjoint gradient costs a forward solve with dense
// output and a backward solve of n + P numbers restarted at each output
// time, whatever P. BenchmarkODEAdjoint (y' = A·y, P = n² entries of A,
// 11 output times) puts the crossing between 16 and 25: in processor
// time, best of runs, the adjoint method is 3.4× slower at 9 and
// 1.5–1.9× at 16, within 1.2× either way at 25, 1.4× faster at 36, 1.9×
// at 49 and 2.5× at 100 (since forward sensitivities take f and
// [J_y | J_p] from one tape of scalars).
const adjointThreshold = 16

// adjointOpt is odeint's and solve_ivp's option choosing how their
// solution is differentiated.
var adjointOpt = lang.Opt{Name: "adjoint", Doc: "true: gradients by the adjoint method, false: by forward sensitivities (default: the adjoint method for gradients beyond 16 numbers of y0 and args)"}

// derivativeModes returns which derivatives a solver node offers for the
// adjoint option and the number of differentiated numbers: forward
// sensitivities (one solve gives every row of a Jacobian), the adjoint
// method (a gradient by one backward solve), or by default both beyond
// adjointThreshold numbers, autodiff then taking the adjoint method for
// gradients and forward sensitivities for Jacobians.
func derivativeModes(opts lang.Options, numbers int) (forward, adjoint bool) {
	if opts.Get("adjoint", lang.Nil).IsNil() {
		return true, numbers > adjointThreshold
	}
	on := opts.Bool("adjoint", false)
	return !on, on
}

// sensitivityErrorOpt is odeint's and solve_ivp's option saying whether
// forward sensitivities are under the error test.
var sensitivityErrorOpt = lang.Opt{Name: "sensitivity_error_control", Doc: "true: forward sensitivities under the error test, as accurate as the solution; false: out of it, the solution's own steps, sensitivities about 10× less accurate (default: true, false for the Jacobians of least_squares, leastsq and curve_fit)"}

// readDerivativeOptions reads the options that say how a solution is
// differentiated, when it is not.
func readDerivativeOptions(opts lang.Options) {
	opts.Bool("adjoint", false)
	opts.Bool("sensitivity_error_control", true)
}

// integrator solves an ODE given its right-hand side, its Jacobian, its
// initial state and its output times (odeint's; solve_ivp has its own),
// and returns the state at each output time. aug says how the state
// extends the ODE's, so that tolerances apply to it.
type integrator func(rhs func(t float64, y, dy []float64), jac func(t float64, y, J []float64), y0, times []float64, aug augmentation) [][]float64

// augmentation is the shape of a state that extends an ODE's: copies
// systems of the ODE's size n (the solution, then the columns of S), the
// copies after the first out of the error test unless tested (CVODES's
// errconS).
type augmentation struct {
	n, copies int
	tested    bool
}

// plainState is the augmentation of a plain solve: the ODE alone.
func plainState(n int) augmentation { return augmentation{n: n, copies: 1, tested: true} }

// atol returns the absolute tolerances of the augmented state given the
// ODE's, one per component (vec) or one for all (scalar, or def when
// zero): nil when one for all serves, the copies after the first at
// +Inf when they are out of the error test.
func (a augmentation) atol(vec []float64, scalar, def float64) []float64 {
	if a.tested || a.copies == 1 {
		return repeated(vec, a.copies)
	}
	out := make([]float64, a.n*a.copies)
	for i := range out {
		switch {
		case i >= a.n:
			out[i] = math.Inf(1)
		case vec != nil:
			out[i] = vec[i]
		case scalar != 0:
			out[i] = scalar
		default:
			out[i] = def
		}
	}
	return out
}

// newODESensitivity compiles the traced right-hand side o for y0, the
// output times and the args extra (each may hold symbolic numbers), and
// returns it with the nodes of the symbolic numbers: the solver node's
// inputs.
func newODESensitivity(s *lang.Session, o *fn, y0 lang.Value, y0num []float64, times lang.Value, extra []lang.Value, opts lang.Options) (*odeSensitivity, []*autodiff.Node) {
	if !o.Traced() {
		panic(lang.Errorf("the right-hand side %s cannot be traced, so the solution cannot be differentiated", lang.Format(o.f)))
	}
	g := s.Graph()
	t := o.traced
	e := &odeSensitivity{n: len(y0num), y0: append([]float64(nil), y0num...), s: s}
	var ins []*autodiff.Node
	if anySymbolic(y0) {
		node, _ := s.NodeOf(y0)
		if node == nil {
			panic(lang.Errorf("y0 must be a number or a vector, not %s", y0.TypeName()))
		}
		e.y0Input = true
		ins = append(ins, lang.Symbolic(func() *autodiff.Node { return g.Reshape(node, []int{e.n}) }))
	}
	e.times = leafNumbers(lang.NumericTemplate(times))
	if anySymbolic(times) {
		node, _ := s.NodeOf(times)
		if node == nil || len(node.Shape) != 1 {
			panic(lang.Errorf("the times must be a vector"))
		}
		e.timesInput = true
		ins = append(ins, node)
	}
	e.stateCols = e.y0Input || e.timesInput
	pv, argIns := newParamVector(s, t, 2, extra) // the args follow the state and the time
	e.pv = pv
	ins = append(ins, argIns...)
	e.cols = len(pv.params)
	if e.stateCols {
		e.cols += e.n
	}
	numbers := len(pv.params)
	if e.y0Input {
		numbers += e.n
	}
	e.forward, e.adjoint = derivativeModes(opts, numbers)
	if c := opts.Get("sensitivity_error_control", lang.Nil); !c.IsNil() {
		on := opts.Bool("sensitivity_error_control", true)
		e.errorControl = &on
	}
	yOld, tVar := t.Args[o.point].Vars[0], t.Args[o.time].Vars[0]
	lang.Symbolic(func() *autodiff.Node {
		yv := g.Var("ode_state", []int{e.n})
		repl := pv.substitutions(g)
		repl[yOld] = g.Reshape(yv, yOld.Shape)
		f := flatten(g, g.Reshape(g.Substitute(t.Out, repl), []int{t.Out.Size()}))
		jy := make([]*autodiff.Node, e.n)
		var entries []*autodiff.Node // f's, then [J_y | J_p]'s row by row
		for i := range e.n {
			entries = append(entries, g.Index(f, i))
		}
		for i := range jy {
			grads := g.Grad(g.Index(f, i), yv, pv.v)
			jy[i] = grads[0]
			if e.forward {
				for j := range e.n {
					entries = append(entries, g.Index(grads[0], j))
				}
				for _, at := range pv.params {
					entries = append(entries, g.Index(grads[1], at))
				}
			}
		}
		e.plain = compile([]*autodiff.Node{f}, yv, tVar, pv.v)
		e.jac = compile([]*autodiff.Node{g.Stack(jy)}, yv, tVar, pv.v)
		if e.forward {
			e.aug = compile([]*autodiff.Node{g.Stack(entries)}, yv, tVar, pv.v)
		}
		if e.adjoint {
			// One reverse sweep of λᵀf gives both products.
			lambda := g.Var("ode_adjoint", []int{e.n})
			e.vjp = compile(g.Grad(g.Dot(lambda, f), yv, pv.v), yv, tVar, pv.v, lambda)
		}
		return nil
	})
	e.tbuf = make([]float64, 1)
	return e, ins
}

// compile compiles outs for the inputs, or raises the error.
func compile(outs []*autodiff.Node, inputs ...*autodiff.Node) *autodiff.Tape {
	t, err := autodiff.Compile(outs, inputs)
	if err != nil {
		lang.Throw(err)
	}
	return t
}

// bind sets the symbolic numbers from in, the solver node's inputs.
func (e *odeSensitivity) bind(in []float64) {
	if e.y0Input {
		copy(e.y0, in[:e.n])
		in = in[e.n:]
	}
	if e.timesInput {
		copy(e.times, in[:len(e.times)])
		in = in[len(e.times):]
	}
	e.pv.bind(in)
}

// jacobian writes ∂f/∂y at (t, y) into J, by the augmented tape.
func (e *odeSensitivity) jacobian(t float64, y, J []float64) {
	e.tbuf[0] = t
	e.jac.Eval(y, e.tbuf, e.pv.vector())
	copy(J, e.jac.Output(0))
}

// solve returns the solution at the output times, flattened (time by
// time), for the symbolic numbers in.
func (e *odeSensitivity) solve(integrate integrator, in []float64) []float64 {
	e.bind(in)
	p := e.pv.vector()
	rhs := func(t float64, y, dy []float64) {
		e.s.Check()
		rhsCounts.plain.Add(1)
		e.tbuf[0] = t
		e.plain.Eval(y, e.tbuf, p)
		copy(dy, e.plain.Output(0))
	}
	rows := integrate(rhs, e.jacobian, e.y0, e.times, plainState(e.n))
	out := make([]float64, 0, len(rows)*e.n)
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// sensitivities returns the solution and the transposed Jacobian of the
// flattened solution by the symbolic numbers in, by integrating the
// variational equations with the state.
func (e *odeSensitivity) sensitivities(integrate integrator, in []float64) (value, jt []float64) {
	e.bind(in)
	p := e.pv.vector()
	n, c := e.n, e.cols
	z0 := make([]float64, n*(1+c))
	copy(z0, e.y0)
	if e.stateCols {
		for i := range n {
			z0[n+i*n+i] = 1
		}
	}
	rhs := func(t float64, z, dz []float64) {
		e.s.Check()
		rhsCounts.augmented.Add(1)
		e.tbuf[0] = t
		e.aug.Eval(z[:n], e.tbuf, p)
		out := e.aug.Output(0)
		copy(dz[:n], out[:n])
		e.sensitivityRHS(out[n:], z[n:], dz[n:])
	}
	jac := func(t float64, z, J []float64) {
		e.tbuf[0] = t
		e.jac.Eval(z[:n], e.tbuf, p)
		jy := e.jac.Output(0)
		size := n * (1 + c)
		clear(J)
		// The state block, then one block per column of S.
		for off := 0; off < size; off += n {
			for i := range n {
				copy(J[(off+i)*size+off:(off+i)*size+off+n], jy[i*n:(i+1)*n])
			}
		}
	}
	rows := integrate(rhs, jac, z0, e.times, augmentation{n: n, copies: 1 + c, tested: e.sensitivitiesTested()})
	m := len(rows) * n
	value = make([]float64, 0, m)
	for _, z := range rows {
		value = append(value, z[:n]...)
	}
	// The rows of the transposed Jacobian: y0's (Φ), the times', the
	// args' (the columns of S after Φ's).
	column := func(r, j int) []float64 { return rows[r][n+j*n : n+(j+1)*n] }
	if e.y0Input {
		for j := range n {
			for r := range rows {
				jt = append(jt, column(r, j)...)
			}
		}
	}
	if e.timesInput {
		jt = append(jt, e.timeRows(rows, column, p)...)
	}
	first := c - len(e.pv.params)
	for j := first; j < c; j++ {
		for r := range rows {
			jt = append(jt, column(r, j)...)
		}
	}
	return value, jt
}

// sensitivityRHS writes S' = J_y·S + [0 | J_p] into dS given jyp, the
// rows of [J_y | J_p], and S. S and dS are held transposed, one row per
// column, so that the state [y, Sᵀ] holds each column of S as a copy of
// y; the columns of Φ = ∂y/∂y0 (stateCols) come first, with no J_p term.
func (e *odeSensitivity) sensitivityRHS(jyp, S, dS []float64) {
	n, width := e.n, e.n+len(e.pv.params)
	first := e.cols - len(e.pv.params)
	for col := range e.cols {
		s, d := S[col*n:(col+1)*n], dS[col*n:(col+1)*n]
		for i := range n {
			row := jyp[i*width : (i+1)*width]
			sum := 0.0
			if col >= first {
				sum = row[n+col-first]
			}
			for k, v := range s {
				sum += row[k] * v
			}
			d[i] = sum
		}
	}
}

// sensitivitiesTested reports whether a forward-sensitivity solve keeps
// the sensitivities under the error test: as the option
// sensitivity_error_control says, or by default unless a fitter asks
// (fitting). Out of the error test, the steps are those of the plain
// solve, so the solution is the plain solve's, number for number, and
// the sensitivities are as accurate as the variational equations
// integrated on those steps (about 10× the tolerance on the tests'
// problems: a Jacobian far better than a fitter's finite differences,
// and a fit's answer is fixed by its residuals).
func (e *odeSensitivity) sensitivitiesTested() bool {
	if e.errorControl != nil {
		return *e.errorControl
	}
	return !fitting(e.s)
}

// timeRows returns the rows of the transposed Jacobian for the output
// times: y(t_k) moves with t_k at y' = f(y(t_k), t_k); when the solve
// starts at t_0 (fromFirst), y(t_0) = y0 does not move, and t_0 moves
// the others by -Φ(t_k)·f(y0, t0), as the whole solution shifts.
func (e *odeSensitivity) timeRows(rows [][]float64, column func(r, j int) []float64, p []float64) []float64 {
	n, m := e.n, len(rows)*e.n
	f := func(y []float64, t float64) []float64 {
		e.tbuf[0] = t
		e.plain.Eval(y, e.tbuf, p)
		return append([]float64(nil), e.plain.Output(0)...)
	}
	jt := make([]float64, len(rows)*m)
	if !e.fromFirst {
		for r := range rows {
			copy(jt[r*m+r*n:], f(rows[r][:n], e.times[r]))
		}
		return jt
	}
	f0 := f(e.y0, e.times[0])
	for r := 1; r < len(rows); r++ {
		copy(jt[r*m+r*n:], f(rows[r][:n], e.times[r]))
		for j := range n {
			for i, v := range column(r, j) {
				jt[r*n+i] -= v * f0[j]
			}
		}
	}
	return jt
}

// node returns the solver node of the solution (one row per output time)
// for the integrator and the inputs ins; the adjoint method, when
// offered, solves forward by dense.
func (e *odeSensitivity) node(name string, integrate integrator, dense *denseForward, times int, ins []*autodiff.Node) *autodiff.Node {
	sens := sensitivities{value: func(in []float64) []float64 { return e.solve(integrate, in) }}
	if e.forward {
		sens.both = func(in []float64) ([]float64, []float64) { return e.sensitivities(integrate, in) }
	}
	if e.adjoint {
		e.dense = dense
		sens.vjp = e.adjointGradient
		if dense.isValue {
			sens.value = func(in []float64) []float64 {
				e.bind(in)
				e.solution(in)
				return slices.Concat(dense.rows...)
			}
		}
	}
	return solverNode(e.s, name, []int{times, e.n}, ins, sens)
}

// denseForward is the forward solve of the adjoint method: the method
// and tolerances of the solve being differentiated (odeint's are
// LSODA's), with dense output, over span, kept for the last input.
type denseForward struct {
	name string
	set  *integrate.IVPSettings
	span func() [2]float64
	// isValue says that the rows the solve gives (at set's t_eval) are
	// the solver's value: solve_ivp's, the same solve with dense output,
	// which does not change its steps.
	isValue bool
	in      []float64
	sol     *integrate.Solution
	rows    [][]float64
}

// solution returns the continuous solution for the bound input in, and
// keeps it with the rows at the output times.
func (e *odeSensitivity) solution(in []float64) *integrate.Solution {
	d := e.dense
	if d.sol != nil && slices.Equal(in, d.in) {
		return d.sol
	}
	p := e.pv.vector()
	set := *d.set
	set.DenseOutput, set.Jac = true, e.jacobian
	r, err := integrate.SolveIVP(func(t float64, y, dy []float64) {
		e.s.Check()
		rhsCounts.plain.Add(1)
		e.tbuf[0] = t
		e.plain.Eval(y, e.tbuf, p)
		copy(dy, e.plain.Output(0))
	}, d.span(), e.y0, &set)
	if err != nil {
		lang.Throw(err)
	}
	if !r.Success {
		panic(lang.Errorf("%s: %s", d.name, r.Message))
	}
	d.in, d.sol, d.rows = slices.Clone(in), r.Sol, r.Y
	return d.sol
}

// adjointGradient returns the adjoints of the symbolic numbers in (the
// solver node's inputs) given adj, the adjoint of the flattened
// solution, by the adjoint method (integrate.Adjoint).
func (e *odeSensitivity) adjointGradient(in, adj []float64) []float64 {
	e.bind(in)
	sol := e.solution(in)
	n, p := e.n, e.pv.vector()
	w := make([][]float64, len(e.times))
	for k := range w {
		w[k] = adj[k*n : (k+1)*n]
	}
	pr := &integrate.AdjointProblem{N: n, P: len(e.pv.params), Jac: e.jacobian,
		VJP: func(t float64, y, lambda, gy, gp []float64) {
			e.s.Check()
			rhsCounts.adjoint.Add(1)
			e.tbuf[0] = t
			e.vjp.Eval(y, e.tbuf, p, lambda)
			copy(gy, e.vjp.Output(0))
			all := e.vjp.Output(1)
			for k, at := range e.pv.params {
				gp[k] = all[at]
			}
		}}
	span := e.dense.span()
	lambda, mu, err := integrate.Adjoint(pr, sol, span[0], e.times, w, e.dense.set)
	if err != nil {
		lang.Throw(err)
	}
	var out []float64
	if e.y0Input {
		out = append(out, lambda...)
	}
	if e.timesInput {
		out = append(out, e.timeAdjoints(sol, w, lambda, p)...)
	}
	return append(out, mu...)
}

// timeAdjoints returns the adjoints of the output times: w_kᵀ·f(y(t_k),
// t_k) for t_k, as y(t_k) moves with t_k; when the solve starts at t_0
// (fromFirst), -(λ(t_0) - w_0)ᵀ·f(y0, t0) for t_0, as the whole solution
// shifts (timeRows' transpose).
func (e *odeSensitivity) timeAdjoints(sol *integrate.Solution, w [][]float64, lambda, p []float64) []float64 {
	n := e.n
	out := make([]float64, len(e.times))
	y := make([]float64, n)
	dot := func(a, at []float64, t float64) float64 {
		e.tbuf[0] = t
		e.plain.Eval(at, e.tbuf, p)
		sum := 0.0
		for i, f := range e.plain.Output(0) {
			sum += a[i] * f
		}
		return sum
	}
	first := 0
	if e.fromFirst {
		first = 1
		before := make([]float64, n)
		for i := range before {
			before[i] = lambda[i] - w[0][i]
		}
		out[0] = -dot(before, e.y0, e.times[0])
	}
	for k := first; k < len(out); k++ {
		sol.At(e.times[k], y)
		out[k] = dot(w[k], y, e.times[k])
	}
	return out
}

// repeated returns a per-component tolerance repeated for copies
// systems, or nil.
func repeated(v []float64, copies int) []float64 {
	if v == nil {
		return nil
	}
	out := make([]float64, 0, len(v)*copies)
	for range copies {
		out = append(out, v...)
	}
	return out
}

// odeintSettings reads odeint's settings.
func odeintSettings(opts lang.Options) *integrate.OdeintSettings {
	rtol, rtolv := numbers(opts, "rtol")
	atol, atolv := numbers(opts, "atol")
	_, tcrit := numbers(opts, "tcrit")
	if c := opts.Get("tcrit", lang.Nil); c.Kind() == lang.NumKind {
		tcrit = []float64{c.Float()}
	}
	return &integrate.OdeintSettings{Rtol: rtol, RtolVec: rtolv, Atol: atol, AtolVec: atolv, Tcrit: tcrit,
		H0: opts.Num("h0", 0), Hmax: opts.Num("hmax", 0), Hmin: opts.Num("hmin", 0), MxStep: opts.Int("mxstep", 0),
		MxOrdN: opts.Int("mxordn", 0), MxOrdS: opts.Int("mxords", 0)}
}

// odeintNode is odeint whose initial state or args depend on the
// variables of a function being differentiated: a node of the graph,
// differentiated by forward sensitivities or the adjoint method
// (derivativeModes).
func odeintNode(s *lang.Session, args lang.Args, opts lang.Options, extra []lang.Value) lang.Value {
	if opts.Bool("full_output", false) {
		panic(lang.Errorf("full_output is not available while odeint is differentiated"))
	}
	opts.Get("Dfun", lang.Nil) // the Jacobian comes from autodiff
	opts.Get("col_deriv", lang.Nil)
	times := lang.NumericTemplate(args[2])
	ts := arrayOf(times).Floats()
	y0 := lang.NumericTemplate(args[1])
	checkODESize(s, y0, len(ts), true)
	templates := make([]lang.Value, len(extra))
	for i, x := range extra {
		templates[i] = lang.NumericTemplate(x)
	}
	o, y0num := timeFunc(s, args[0], y0, templates, opts.Bool("tfirst", false))
	e, ins := newODESensitivity(s, o, args[1], y0num, args[2], extra, opts)
	e.fromFirst = true
	settings := odeintSettings(opts)
	solve := func(rhs func(t float64, y, dy []float64), jac func(t float64, y, J []float64), y0, times []float64, aug augmentation) [][]float64 {
		set := *settings
		set.RtolVec, set.AtolVec = repeated(set.RtolVec, aug.copies), aug.atol(set.AtolVec, set.Atol, integrate.OdeintTolerance)
		r, err := integrate.Odeint(rhs, jac, y0, times, &set)
		if err != nil {
			lang.Throw(err)
		}
		if !r.Success {
			panic(lang.Errorf("odeint: %s", r.Message))
		}
		return r.Y
	}
	dense := &denseForward{name: "odeint", set: odeintAdjointSettings(settings),
		span: func() [2]float64 { return [2]float64{e.times[0], e.times[len(e.times)-1]} }}
	return lang.Expr(e.node("odeint", solve, dense, len(ts), ins))
}

// odeintAdjointSettings returns the settings of the adjoint method's
// solves for odeint's: LSODA under its tolerances (the smallest relative
// one when they are per component) and step bounds.
func odeintAdjointSettings(o *integrate.OdeintSettings) *integrate.IVPSettings {
	set := &integrate.IVPSettings{Method: integrate.LSODA, Rtol: o.Rtol, Atol: o.Atol, AtolVec: o.AtolVec,
		MaxStep: o.Hmax, FirstStep: o.H0, MinStep: o.Hmin}
	if o.RtolVec != nil {
		set.Rtol = slices.Min(o.RtolVec)
	}
	if set.Rtol == 0 {
		set.Rtol = integrate.OdeintTolerance
	}
	if set.Atol == 0 {
		set.Atol = integrate.OdeintTolerance
	}
	return set
}

// ivpSettings reads solve_ivp's settings but for the Jacobian and the
// events.
func ivpSettings(opts lang.Options, method integrate.IVPMethod, tEval []float64) *integrate.IVPSettings {
	set := &integrate.IVPSettings{Method: method, TEval: tEval,
		DenseOutput: opts.Bool("dense_output", false), MaxStep: opts.Num("max_step", 0),
		FirstStep: opts.Num("first_step", 0), MinStep: opts.Num("min_step", 0)}
	set.Rtol, _ = numbers(opts, "rtol")
	set.Atol, set.AtolVec = numbers(opts, "atol")
	return set
}

// solveIVPNode is solve_ivp whose initial state or args depend on the
// variables of a function being differentiated: its y is a node of the
// graph, differentiated by forward sensitivities or the adjoint method
// (derivativeModes), and by the times of tEval, which may be symbolic:
// y(t_k) moves with t_k as y' says. Its output times must be known in
// advance (t_eval), and t_span must be numbers; it gives t and y only.
func solveIVPNode(s *lang.Session, args lang.Args, opts lang.Options, extra []lang.Value, method integrate.IVPMethod, tEval lang.Value, implicit bool) lang.Value {
	if anySymbolic(args[1]) {
		panic(lang.ArgErrorf(1, "solve_ivp cannot be differentiated by t_span: give it as numbers, and the times that move as t_eval"))
	}
	if tEval.IsNil() {
		panic(lang.Errorf("solve_ivp needs t_eval to be differentiated: the times it reports must not depend on the solve"))
	}
	for _, name := range []string{"events", "dense_output"} {
		if !opts.Get(name, lang.Nil).IsNil() {
			panic(lang.Errorf("%s is not available while solve_ivp is differentiated", name))
		}
	}
	opts.Get("jac", lang.Nil) // the Jacobian comes from autodiff
	span := args.Array(1).Floats()
	if len(span) != 2 {
		panic(lang.ArgErrorf(1, "t_span must be [t0, t1]"))
	}
	y0 := lang.NumericTemplate(args[2])
	ts := arrayOf(lang.NumericTemplate(tEval)).Floats()
	checkODESize(s, y0, len(ts), implicit)
	templates := make([]lang.Value, len(extra))
	for i, x := range extra {
		templates[i] = lang.NumericTemplate(x)
	}
	o, y0num := timeFunc(s, args[0], y0, templates, true)
	e, ins := newODESensitivity(s, o, args[2], y0num, tEval, extra, opts)
	settings := ivpSettings(opts, method, e.times) // e.times holds the times bound at each solve
	solve := func(rhs func(t float64, y, dy []float64), jac func(t float64, y, J []float64), y0, _ []float64, aug augmentation) [][]float64 {
		set := *settings
		set.Jac, set.AtolVec = jac, aug.atol(set.AtolVec, set.Atol, integrate.IVPAtol)
		r, err := integrate.SolveIVP(rhs, [2]float64{span[0], span[1]}, y0, &set)
		if err != nil {
			lang.Throw(err)
		}
		if !r.Success {
			panic(lang.Errorf("solve_ivp: %s", r.Message))
		}
		return r.Y
	}
	dense := &denseForward{name: "solve_ivp", set: settings, isValue: true,
		span: func() [2]float64 { return [2]float64{span[0], span[1]} }}
	y := e.node("solve_ivp", solve, dense, len(ts), ins)
	return record("t", tEval, "y", lang.Expr(lang.Symbolic(func() *autodiff.Node { return s.Graph().Transpose(y) })))
}
