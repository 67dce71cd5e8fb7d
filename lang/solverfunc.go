package lang

import (
	"slices"

	"calc/autodiff"
)

// Function is a function given by graphs, made ready for numeric use by
// a solver, a derivative or a trainer: its outputs over its variables,
// compiled to a tape on first use; and, for one scalar or vector output,
// its derivatives by the variables Wrt — the graphs of the gradient or
// the Jacobian and of the Hessian, the tapes of the value with the
// gradient or Jacobian and of Hessian–vector products — each built from
// autodiff's reverse mode (forward mode for a Jacobian of fewer inputs
// than outputs) on first use too, so that a solver pays only for the
// derivatives it evaluates. The inputs are bound with Inputs; evaluations
// then allocate nothing.
type Function struct {
	Outs []*autodiff.Node // what the function computes
	Vars []*autodiff.Node // its inputs, in the order of Inputs
	Wrt  []*autodiff.Node // the variables its derivatives are taken by
	// Traced is the trace the function comes from, if any.
	Traced *Traced

	g                 *autodiff.Graph
	in                [][]float64 // the bound inputs, then a direction
	value, deriv, hvp *autodiff.Tape
	joined            []float64 // derivatives by several of Wrt, one after another
	// The derivatives' graphs, built on first use.
	grads             []*autodiff.Node
	jacobian, hessMat *autodiff.Node
}

// NewFunction returns the function computing outs from vars, to be
// differentiated by wrt (among vars; nil for none).
func (s *Session) NewFunction(outs, vars, wrt []*autodiff.Node) *Function {
	return &Function{Outs: outs, Vars: vars, Wrt: wrt, g: s.graph, in: make([][]float64, len(vars)+1)}
}

// Graph returns the graph the function's nodes belong to.
func (f *Function) Graph() *autodiff.Graph { return f.g }

// nodes returns the graph nodes the function holds, for the sweep of the
// graph.
func (f *Function) nodes() []*autodiff.Node {
	held := slices.Concat(f.Outs, f.Vars, f.grads)
	for _, n := range []*autodiff.Node{f.jacobian, f.hessMat} {
		if n != nil {
			held = append(held, n)
		}
	}
	return held
}

// Inputs returns the slices the tapes read, one per variable in order:
// set them before evaluating.
func (f *Function) Inputs() [][]float64 { return f.in[:len(f.Vars)] }

// Compile compiles the tape of the outputs, if not yet done.
func (f *Function) Compile() error {
	if f.value != nil {
		return nil
	}
	tape, err := autodiff.Compile(f.Outs, f.Vars)
	f.value = tape
	return err
}

// Eval evaluates the outputs at the inputs; Output reads them.
func (f *Function) Eval() {
	if err := f.Compile(); err != nil {
		Throw(err)
	}
	f.value.Eval(f.Inputs()...)
}

// Output returns output i of the last Eval: the tape's own memory, valid
// until the next evaluation.
func (f *Function) Output(i int) []float64 { return f.value.Output(i) }

// out is the single output derivatives are taken of.
func (f *Function) out() *autodiff.Node {
	if len(f.Outs) != 1 || len(f.Wrt) == 0 {
		panic(Errorf("only a function of one output has derivatives by its variables"))
	}
	return f.Outs[0]
}

// Gradients returns the graphs of the scalar output's derivatives by
// each of Wrt.
func (f *Function) Gradients() []*autodiff.Node {
	if f.grads == nil {
		out := f.out()
		Symbolic(func() *autodiff.Node { f.grads = f.g.Grad(out, f.Wrt...); return nil })
	}
	return f.grads
}

// Jacobian returns the graph of the Jacobian of the output, flattened, by
// Wrt's elements in order: a matrix with a row per output element (see
// autodiff's JacobianMatrix).
func (f *Function) Jacobian() *autodiff.Node {
	if f.jacobian == nil {
		out := f.out()
		Symbolic(func() *autodiff.Node { f.jacobian = f.g.JacobianMatrix(out, f.Wrt...); return nil })
	}
	return f.jacobian
}

// HessianMatrix returns the graph of the Hessian of the scalar output by
// Wrt's elements in order.
func (f *Function) HessianMatrix() *autodiff.Node {
	if f.hessMat == nil {
		out := f.out()
		Symbolic(func() *autodiff.Node { f.hessMat = f.g.Hessian(out, f.Wrt...); return nil })
	}
	return f.hessMat
}

// Deriv evaluates the output and its derivative at the inputs: the
// gradient of a scalar output by Wrt's elements in order, or the
// row-major Jacobian of an array output (flattened) by them. Both slices
// are valid until the next evaluation.
func (f *Function) Deriv() (value, deriv []float64) {
	if f.deriv == nil {
		d := f.Gradients
		if !f.out().IsScalar() {
			d = func() []*autodiff.Node { return []*autodiff.Node{f.Jacobian()} }
		}
		f.deriv = f.compile(append([]*autodiff.Node{f.Outs[0]}, d()...), f.Vars)
	}
	f.deriv.Eval(f.Inputs()...)
	return f.deriv.Output(0), f.join(f.deriv, 1)
}

// HessVec evaluates the product of the Hessian of the scalar output at
// the inputs with dir (as long as Wrt's elements): one more reverse sweep
// over the gradient, with no allocation. The result is valid until the
// next evaluation.
func (f *Function) HessVec(dir []float64) []float64 {
	n := len(f.Vars)
	if f.hvp == nil {
		v := f.g.Var("hessian_direction", []int{elements(f.Wrt)})
		var hv []*autodiff.Node
		Symbolic(func() *autodiff.Node { hv = f.g.HVP(f.out(), v, f.Wrt...); return nil })
		f.hvp = f.compile(hv, append(f.Vars[:n:n], v))
	}
	f.in[n] = dir
	f.hvp.Eval(f.in...)
	return f.join(f.hvp, 0)
}

// compile compiles outs over inputs, raising a compilation error.
func (f *Function) compile(outs, inputs []*autodiff.Node) *autodiff.Tape {
	tape, err := autodiff.Compile(outs, inputs)
	if err != nil {
		Throw(err)
	}
	return tape
}

// join returns the tape's outputs from first on, one per variable of Wrt,
// as one slice: the tape's own memory when they follow each other there
// (as the only output does), else a copy.
func (f *Function) join(t *autodiff.Tape, first int) []float64 {
	if all, ok := t.OutputsFrom(first); ok {
		return all
	}
	f.joined = f.joined[:0]
	for i := first; i < t.Outputs(); i++ {
		f.joined = append(f.joined, t.Output(i)...)
	}
	return f.joined
}

// elements is the number of elements of the variables vars.
func elements(vars []*autodiff.Node) int {
	n := 0
	for _, v := range vars {
		n += v.Size()
	}
	return n
}

// functionKey identifies a traced function made ready for a solver: the
// function, the shapes of its arguments, and the use it was prepared for.
type functionKey struct {
	f   any
	sig string
	use string
}

// SolverFunction traces f like templates and returns the function of the
// output that prepare picks from the trace, differentiated by the
// variables prepare picks; use names prepare ("train", "solver, argument
// 0": one name for one way to prepare). The function comes from a cache
// while none of the global names its trace read has changed, so that a
// solver called again on the same function (a fit in a loop, a model
// refitted in a session) neither traces, differentiates nor compiles it
// again.
func (s *Session) SolverFunction(f Value, templates []Value, use string, prepare func(*Traced) (out *autodiff.Node, wrt []*autodiff.Node)) (*Function, error) {
	key := functionKey{f.ref, signature(templates), use}
	if fn := s.functions[key]; fn != nil && fn.Traced.valid() {
		for _, reset := range fn.Traced.resets {
			reset()
		}
		return fn, nil
	}
	t, err := s.Trace(f, templates)
	if err != nil {
		return nil, err
	}
	var out *autodiff.Node
	var by []*autodiff.Node
	Symbolic(func() *autodiff.Node { out, by = prepare(t); return nil })
	fn := s.NewFunction([]*autodiff.Node{out}, t.Vars(), by)
	fn.Traced = t
	s.functions[key] = fn
	return fn, nil
}
