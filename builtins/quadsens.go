package builtins

import (
	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/integrate"
)

// quad is differentiated under the integral sign (Leibniz's rule): with
// Q = ∫_a^b f(x, p) dx, ∂Q/∂p = ∫_a^b ∂f/∂p dx, one more quadrature per
// parameter by the same method and tolerances, with ∂f/∂p from autodiff;
// ∂Q/∂a = -f(a, p) and ∂Q/∂b = f(b, p).

func init() {
	for _, b := range quadBuiltins {
		if b.Name == "quad" {
			numeric := b.Fn
			b.Fn = func(s *lang.Session, a lang.Args) lang.Value {
				if !symbolicCall(a, 1) {
					return numeric(s, a)
				}
				return quadNode(s, b, a)
			}
		}
	}
}

// quadNode is quad whose limits or args depend on the variables of a
// function being differentiated: its value is a node of the graph.
func quadNode(s *lang.Session, b *lang.Builtin, a lang.Args) lang.Value {
	args, opts := a.Options()
	if opts.Bool("full_output", false) {
		panic(lang.Errorf("full_output is not available while quad is differentiated"))
	}
	if opts.Has("weight") {
		panic(lang.Errorf("weight is not available while quad is differentiated: write the weight into f"))
	}
	extra := splitArgs(s, opts)
	settings := quadSettings(opts)
	templates := []lang.Value{lang.Num(0)}
	for _, x := range extra {
		templates = append(templates, lang.NumericTemplate(x))
	}
	o := newFn(s, args[0], templates, 0, -1, varX)
	if !o.Traced() {
		panic(lang.Errorf("%s cannot be traced, so its integral cannot be differentiated", lang.Format(args[0])))
	}
	g := s.Graph()
	var ins []*autodiff.Node
	limits := [2]float64{}
	var symbolicLimit [2]bool
	for i, v := range args[1:3] {
		switch v.Kind() {
		case lang.ExprKind:
			if !v.Node().IsScalar() {
				panic(lang.ArgErrorf(i+1, "a limit must be a number"))
			}
			ins = append(ins, v.Node())
			symbolicLimit[i] = true
		default:
			limits[i] = args.Num(i + 1)
		}
	}
	pv, argIns := newParamVector(s, o.traced, 1, extra)
	ins = append(ins, argIns...)
	x := o.traced.Args[0].Vars[0]
	var tape *autodiff.Tape // f and ∂f/∂p
	lang.Symbolic(func() *autodiff.Node {
		f := g.Substitute(o.traced.Out, pv.substitutions(g))
		if !f.IsScalar() {
			panic(lang.Errorf("%s must return a number", lang.Format(args[0])))
		}
		var err error
		if tape, err = autodiff.Compile([]*autodiff.Node{f, g.Grad(f, pv.v)[0]}, []*autodiff.Node{x, pv.v}); err != nil {
			lang.Throw(err)
		}
		return nil
	})
	xbuf := make([]float64, 1)
	at := func(x float64, out int) []float64 {
		s.Check()
		xbuf[0] = x
		tape.Eval(xbuf, pv.vector())
		return tape.Output(out)
	}
	bind := func(in []float64) [2]float64 {
		lim := limits
		for i := range lim {
			if symbolicLimit[i] {
				lim[i], in = in[0], in[1:]
			}
		}
		pv.bind(in)
		return lim
	}
	integral := func(f func(float64) float64, lim [2]float64) float64 {
		r, err := integrate.Quad(f, lim[0], lim[1], settings)
		if err != nil {
			lang.Throw(err)
		}
		if !r.Success {
			panic(lang.Errorf("quad: %s", r.Message))
		}
		return r.Value
	}
	value := func(in []float64) []float64 {
		lim := bind(in)
		return []float64{integral(func(x float64) float64 { return at(x, 0)[0] }, lim)}
	}
	both := func(in []float64) ([]float64, []float64) {
		v := value(in)
		lim := bind(in)
		var jt []float64
		for i, sign := range []float64{-1, 1} {
			if symbolicLimit[i] {
				jt = append(jt, sign*at(lim[i], 0)[0])
			}
		}
		for _, p := range pv.params {
			jt = append(jt, integral(func(x float64) float64 { return at(x, 1)[p] }, lim))
		}
		return v, jt
	}
	q := solverNode(s, b.Name, nil, ins, sensitivities{value: value, both: both})
	return record("value", lang.Expr(q), "abserr", lang.Nil)
}
