package builtins

import (
	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/linalg"
)

// The implicit function theorem differentiates a solution x*(p) defined
// by equations G(x*, p) = 0 without differentiating the solver: with
// G_x and G_p the Jacobians at the solution, dx*/dp = -G_x⁻¹·G_p, one
// linear solve (Griewank & Walther, "Evaluating Derivatives", ch. 15).
// For a root G is the function itself; for a minimum it is the gradient,
// so G_x is the Hessian. The solver runs as the user called it (same
// method, same options) with the parameters' numbers in place of the
// symbols; autodiff gives G_x and G_p from a trace of the function.

// equation says what equations a solver's solution satisfies.
type equation int

const (
	rootOf     equation = iota // F(x, p) = 0
	stationary                 // ∇ₓf(x, p) = 0 at a minimum
)

// implicitSolver says how a solver's solution is differentiated and
// where its result keeps the solution.
type implicitSolver struct {
	eq     equation
	record bool // the result is a record with the solution at x
}

// implicitSolvers are the solvers differentiated by the implicit
// function theorem.
var implicitSolvers = map[string]implicitSolver{
	"fsolve":   {rootOf, false},
	"root":     {rootOf, true},
	"minimize": {stationary, true},
}

func init() {
	for _, b := range append(append([]*lang.Builtin(nil), rootsBuiltins...), optimizeBuiltins...) {
		if k, ok := implicitSolvers[b.Name]; ok {
			numeric := b.Fn
			b.Fn = func(s *lang.Session, a lang.Args) lang.Value {
				if !symbolicCall(a, 1) {
					return numeric(s, a)
				}
				return implicitNode(s, b, k, a)
			}
		}
	}
}

// implicitNode is the solution of the solver b called with a starting
// point or args that depend on the variables of a function being
// differentiated: a node of the graph, differentiated by the implicit
// function theorem.
func implicitNode(s *lang.Session, b *lang.Builtin, k implicitSolver, a lang.Args) lang.Value {
	args, opts := a.Options()
	extra := splitArgs(s, opts)
	options := lang.NewRecord()
	if len(args) < len(a) {
		options = a[len(a)-1].Record()
	}
	// The solver reads its options itself when it runs.
	for _, key := range options.Keys {
		opts.Get(key, lang.Nil)
	}
	for _, key := range []string{"bounds", "constraints", "full_output"} {
		// A bound or a constraint active at the solution changes the
		// equations it satisfies; full_output's record has no place for
		// a node.
		if v, ok := options.Get(key); ok && !v.IsNil() && !(v.Kind() == lang.BoolKind && !isTrue(v)) {
			panic(lang.Errorf("%s cannot be differentiated with %s", b.Name, key))
		}
	}
	x0 := args[1]
	templates := []lang.Value{lang.NumericTemplate(x0)}
	for _, x := range extra {
		templates = append(templates, lang.NumericTemplate(x))
	}
	o := newFn(s, args[0], templates, 0, -1, varX)
	if !o.Traced() {
		panic(lang.Errorf("%s cannot be traced, so the solution of %s cannot be differentiated", lang.Format(args[0]), b.Name))
	}
	g := s.Graph()
	n := len(leafNumbers(templates[0]))
	pv, argIns := newParamVector(s, o.traced, 1, extra)
	// x* does not depend on the symbolic numbers of x0: their rows of the
	// Jacobian are zero.
	var ins []*autodiff.Node
	x0ins := 0
	for _, leaf := range lang.Leaves(x0) {
		if leaf.Kind() == lang.ExprKind {
			ins = append(ins, leaf.Node())
			x0ins += leaf.Node().Size()
		}
	}
	ins = append(ins, argIns...)
	var tape *autodiff.Tape // G_x and G_p, compiled below
	solve := func(in []float64) []float64 {
		pv.bind(in[x0ins:])
		num := append(lang.Args(nil), args...)
		leaves := lang.Leaves(x0)
		at := 0
		for i, leaf := range leaves {
			if leaf.Kind() == lang.ExprKind {
				size := leaf.Node().Size()
				leaves[i] = numberLike(leaf.Node().Shape, in[at:at+size])
				at += size
			}
		}
		num[1], _ = lang.Rebuild(x0, leaves)
		rec := options.Copy()
		if len(extra) > 0 {
			rec.Set("args", lang.ListOf(pv.numeric(extra)))
		}
		num = append(num, lang.RecordOf(rec))
		v := s.Call(lang.Func(b), num...)
		if k.record {
			if ok, _ := v.Record().Get("success"); ok.Kind() == lang.BoolKind && !isTrue(ok) {
				msg, _ := v.Record().Get("message")
				panic(lang.Errorf("%s did not converge, so its solution cannot be differentiated: %s", b.Name, msg.Text()))
			}
			v, _ = v.Record().Get("x")
		}
		return append([]float64(nil), arrayOf(v).Floats()...)
	}
	both := func(in []float64) ([]float64, []float64) {
		x := solve(in)
		tape.Eval(x, pv.vector())
		return x, implicitRows(b.Name, tape.Output(0), tape.Output(1), pv, x0ins, n)
	}
	solution := solverNode(s, b.Name, []int{n}, ins, sensitivities{value: solve, both: both})
	var x, fun *autodiff.Node
	lang.Symbolic(func() *autodiff.Node {
		xv := g.Var("implicit_x", []int{n})
		x0shape, _ := toArray(templates[0])
		x = g.Reshape(solution, x0shape.Shape)
		repl, actual := pv.substitutions(g), pv.values()
		if o.spread {
			for i, arg := range o.traced.Args {
				repl[arg.Vars[0]] = g.Index(xv, i)
				actual[arg.Vars[0]] = g.Index(solution, i)
			}
		} else {
			repl[o.traced.Args[0].Vars[0]] = g.Reshape(xv, o.traced.Args[0].Vars[0].Shape)
			actual[o.traced.Args[0].Vars[0]] = x
		}
		out := g.Substitute(o.traced.Out, repl)
		eqs := g.Reshape(out, []int{out.Size()})
		if k.eq == stationary {
			eqs = g.Grad(out, xv)[0]
			fun = g.Substitute(o.traced.Out, actual)
		}
		if eqs.Size() != n {
			panic(lang.Errorf("%d equations for %d unknowns", eqs.Size(), n))
		}
		gx := make([]*autodiff.Node, n)
		gp := make([]*autodiff.Node, n)
		for i := range n {
			grads := g.Grad(g.Index(eqs, i), xv, pv.v)
			gx[i], gp[i] = grads[0], grads[1]
		}
		var err error
		if tape, err = autodiff.Compile([]*autodiff.Node{g.Stack(gx), g.Stack(gp)}, []*autodiff.Node{xv, pv.v}); err != nil {
			lang.Throw(err)
		}
		return nil
	})
	switch {
	case !k.record:
		return lang.Expr(x)
	case fun != nil:
		return record("x", lang.Expr(x), "fun", lang.Expr(fun))
	}
	return record("x", lang.Expr(x))
}

// implicitRows returns the transposed Jacobian of a solution x* of n
// numbers by the symbolic numbers (x0's first, whose rows are zero), from
// G_x and G_p at the solution: dx*/dp = -G_x⁻¹·G_p.
func implicitRows(name string, gx, gp []float64, pv *paramVector, x0ins, n int) []float64 {
	np := len(pv.params)
	rhs := array.New([]int{n, np}, make([]float64, n*np))
	for i := range n {
		for j, at := range pv.params {
			rhs.Floats()[i*np+j] = -gp[i*len(pv.vector())+at]
		}
	}
	dx, err := linalg.Solve(array.New([]int{n, n}, append([]float64(nil), gx...)), rhs)
	if err != nil {
		panic(lang.Errorf("%s: the solution cannot be differentiated: %v", name, err))
	}
	jt := make([]float64, (x0ins+np)*n)
	for j := range np {
		for i := range n {
			jt[(x0ins+j)*n+i] = dx.Floats()[i*np+j]
		}
	}
	return jt
}

// isTrue reports whether v is true.
func isTrue(v lang.Value) bool {
	t, _ := v.Truth()
	return t
}
