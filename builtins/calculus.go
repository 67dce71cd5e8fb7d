package builtins

import (
	"math"

	"slices"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/optimize"
)

// node returns argument i as a graph node (numbers and arrays become
// constants).
func node(s *lang.Session, a lang.Args, i int) *autodiff.Node {
	n, ok := s.NodeOf(a[i])
	if !ok {
		panic(lang.ArgErrorf(i, "expected an expression, got %s", a[i].TypeName()))
	}
	return n
}

// symbol returns argument i as a symbol (a variable node).
func symbol(a lang.Args, i int) *autodiff.Node {
	n := a[i].Node()
	if n == nil || n.Op != autodiff.OpVar {
		hint := ""
		if k := a[i].Kind(); k == lang.NumKind || k == lang.ArrayKind {
			hint = " (the order comes after the symbol, as diff(expr, x, 2); a name bound to a value is no symbol: :clear x frees it)"
		}
		panic(lang.ArgErrorf(i, "expected a symbol to differentiate by, got %s%s", a[i].TypeName(), hint))
	}
	return n
}

// symbolsArg returns the variables to differentiate by: argument i (a
// symbol or a list of them), or else every free symbol of n.
func symbolsArg(a lang.Args, i int, n *autodiff.Node) []*autodiff.Node {
	if len(a) <= i {
		return autodiff.Vars(n)
	}
	if a[i].Kind() == lang.ExprKind && a[i].Node().Op == autodiff.OpStack {
		var vars []*autodiff.Node
		for _, v := range a[i].Node().Args {
			if v.Op != autodiff.OpVar {
				panic(lang.ArgErrorf(i, "expected a list of symbols, got %s", v))
			}
			vars = append(vars, v)
		}
		return vars
	}
	return []*autodiff.Node{symbol(a, i)}
}

// expr returns a node as a value, turning graph errors into user errors.
func expr(f func() *autodiff.Node) lang.Value { return lang.Expr(lang.Symbolic(f)) }

// A transform builds derivative graphs of out with respect to wrt: either
// one variable (a number, or an array: vector or matrix argument) or
// several scalar variables, which it treats as the entries of a vector.
type transform func(g *autodiff.Graph, out *autodiff.Node, wrt []*autodiff.Node) *autodiff.Node

// gradient is ∂out/∂x: of an array variable, an array of its shape; of
// several scalar variables, the vector of partial derivatives.
func gradient(g *autodiff.Graph, out *autodiff.Node, wrt []*autodiff.Node) *autodiff.Node {
	grads := g.Grad(out, wrt...)
	if len(grads) == 1 {
		return grads[0]
	}
	return g.Stack(grads)
}

// jacobian is the matrix ∂out[i]/∂x[j] of a vector out (a scalar out
// gives the gradient).
func jacobian(g *autodiff.Graph, out *autodiff.Node, wrt []*autodiff.Node) *autodiff.Node {
	if out.IsScalar() {
		return gradient(g, out, wrt)
	}
	rows := g.Jacobian(out, wrt...)
	stacked := make([]*autodiff.Node, len(rows))
	for i, r := range rows {
		if len(r) == 1 {
			stacked[i] = r[0]
		} else {
			stacked[i] = g.Stack(r)
		}
	}
	return g.Stack(stacked)
}

// hessian is the Jacobian of the gradient of a scalar out.
func hessian(g *autodiff.Graph, out *autodiff.Node, wrt []*autodiff.Node) *autodiff.Node {
	if !out.IsScalar() {
		panic(&autodiff.ShapeError{Msg: "the Hessian needs a function with a scalar value, not shape " + array.ShapeString(out.Shape)})
	}
	grad := gradient(g, out, wrt)
	if len(wrt) == 1 && wrt[0].IsScalar() {
		return g.Grad(grad, wrt[0])[0]
	}
	return jacobian(g, grad, wrt)
}

// firstOrAll picks the variables a derived function differentiates by:
// its first argument when that is an array (the other arguments are extra
// data, as scipy's args and an ODE's t are), all its arguments when they
// are numbers. grad also accepts a record or a list of arrays as the
// first argument.
func firstOrAll(name string) func(t *lang.Traced) []*autodiff.Node {
	return func(t *lang.Traced) []*autodiff.Node {
		first := t.Args[0]
		switch first.Template.Kind() {
		case lang.NumKind, lang.BoolKind:
			var wrt []*autodiff.Node
			for _, a := range t.Args {
				if len(a.Vars) != 1 || !a.Vars[0].IsScalar() {
					panic(&autodiff.ShapeError{Msg: name + " differentiates by the first argument, or by all of them when they are numbers"})
				}
				wrt = append(wrt, a.Vars[0])
			}
			return wrt
		case lang.RecordKind, lang.ListKind:
			if name != "grad" {
				panic(&autodiff.ShapeError{Msg: name + " needs an array argument, not " + first.Template.TypeName()})
			}
		}
		return first.Vars
	}
}

// derivativeOrder reads argument i, the order of a derivative.
func derivativeOrder(a lang.Args, i int) int {
	if name := a[i].SymbolName(); name != "" {
		panic(lang.ArgErrorf(i, "the argument after the symbol is the order of the derivative, not a second symbol: "+
			"for the mixed derivative by %s and %s, write diff(diff(expr, %s), %s)", lang.Format(a[i-1]), name, lang.Format(a[i-1]), name))
	}
	times := a.Int(i)
	if times < 0 {
		panic(lang.ArgErrorf(i, "the order of a derivative is at least 0, got %d", times))
	}
	return times
}

// nthDerivative differentiates n by x times times.
func nthDerivative(s *lang.Session, n, x *autodiff.Node, times int) *autodiff.Node {
	for i := 0; i < times; i++ {
		s.Check()
		if n.IsConst() { // and so are its derivatives from here on
			return s.Graph().Derivative(n, x)
		}
		n = s.Graph().Derivative(n, x)
	}
	return n
}

// notingAllNumbers wraps grad's choice of variables to say, once a
// session, that a function of several numbers is differentiated by all of
// them, where JAX's grad takes the first only (its argnums=0).
func notingAllNumbers(s *lang.Session, by func(t *lang.Traced) []*autodiff.Node) func(t *lang.Traced) []*autodiff.Node {
	return func(t *lang.Traced) []*autodiff.Node {
		wrt := by(t)
		if len(wrt) > 1 && t.Args[0].Template.Kind() == lang.NumKind {
			s.NoteOnce("grad(f) of a function of several numbers differentiates by all of them: grad(f)(x, y) is [df/dx, df/dy]; " +
				"JAX's grad takes the first only, grad(f)(x, y)[0] here")
		}
		return wrt
	}
}

// derivedShape is the shape of the derivatives by f's variables: the
// point's for an array, none for one number, [k] for k numbers.
func derivedShape(f *lang.Function) []int {
	if first := f.Traced.Args[0]; first.Template.Kind() != lang.NumKind && first.Template.Kind() != lang.BoolKind {
		return first.Vars[0].Shape
	}
	if len(f.Wrt) == 1 {
		return nil
	}
	return []int{len(f.Wrt)}
}

// derivedGrad is grad(f): the gradient of the function's scalar value, shaped
// like its point (a record or a list for one of those).
func derivedGrad(f *lang.Function) ([]*autodiff.Node, func([]lang.Value) lang.Value) {
	grads := f.Gradients()
	if first := f.Traced.Args[0]; first.Template.Kind() == lang.RecordKind || first.Template.Kind() == lang.ListKind {
		return grads, func(vals []lang.Value) lang.Value {
			v, _ := lang.Rebuild(first.Template, vals)
			return v
		}
	}
	if len(grads) == 1 {
		return grads, nil
	}
	return []*autodiff.Node{f.Graph().Stack(grads)}, nil
}

// derivedJacobian is jacobian(f): of a vector value, a row per element, each
// shaped like the point; of a scalar value, the gradient.
func derivedJacobian(f *lang.Function) ([]*autodiff.Node, func([]lang.Value) lang.Value) {
	out := f.Outs[0]
	switch {
	case out.IsScalar():
		return derivedGrad(f)
	case len(out.Shape) != 1:
		panic(&autodiff.ShapeError{Msg: "the Jacobian needs a vector function, not one of shape " + array.ShapeString(out.Shape)})
	}
	shape := append([]int{out.Size()}, derivedShape(f)...)
	return []*autodiff.Node{f.Graph().Reshape(f.Jacobian(), shape)}, nil
}

// derivedHessian is hessian(f): the matrix of second derivatives of a scalar
// value, shaped like the point twice over.
func derivedHessian(f *lang.Function) ([]*autodiff.Node, func([]lang.Value) lang.Value) {
	out := f.Outs[0]
	if !out.IsScalar() {
		panic(&autodiff.ShapeError{Msg: "the Hessian needs a function with a scalar value, not shape " + array.ShapeString(out.Shape)})
	}
	shape := derivedShape(f)
	return []*autodiff.Node{f.Graph().Reshape(f.HessianMatrix(), append(slices.Clone(shape), shape...))}, nil
}

// exprOrFunc dispatches a calculus builtin on its first argument: an
// expression (with optional symbols) or a function (giving a function).
func exprOrFunc(name string, t transform, of func(f *lang.Function) ([]*autodiff.Node, func([]lang.Value) lang.Value)) func(s *lang.Session, a lang.Args) lang.Value {
	return func(s *lang.Session, a lang.Args) lang.Value {
		if a[0].Kind() == lang.FuncKind {
			if len(a) > 1 {
				panic(lang.ArgErrorf(1, "%s(f) of a function takes f alone: it differentiates by f's first argument when that is an array, "+
					"by all of them when they are numbers; pick one from the result, as grad(f)(x, y)[1] (JAX's argnums=1)", name))
			}
			by := firstOrAll(name)
			if name == "grad" {
				by = notingAllNumbers(s, by)
			}
			return lang.Func(&lang.Derived{Name: name, F: a[0], By: by, Transform: of})
		}
		n := node(s, a, 0)
		vars := symbolsArg(a, 1, n)
		return expr(func() *autodiff.Node { return t(s.Graph(), n, vars) })
	}
}

// pointFunc prepares f for evaluation at points like argument i (a number
// or an array), returning the point too.
func pointFunc(s *lang.Session, f lang.Value, a lang.Args, i int) (*fn, []float64) {
	x := append([]float64(nil), a.Array(i).Floats()...)
	return newFn(s, f, []lang.Value{a[i]}, 0, -1, nil), x
}

// evenGradient is numpy.gradient of samples h apart: central differences
// inside, one-sided at the ends, in numpy's order of operations.
func evenGradient(f []float64, h float64) []float64 {
	n := len(f)
	out := make([]float64, n)
	for i := 1; i < n-1; i++ {
		out[i] = (f[i+1] - f[i-1]) / (2 * h)
	}
	out[0], out[n-1] = (f[1]-f[0])/h, (f[n-1]-f[n-2])/h
	return out
}

// sampledGradient is numpy.gradient of samples at the points x: the even
// formula when the steps are all equal (numpy checks the same), otherwise
// the second-order formula for uneven steps, with numpy's coefficients.
func sampledGradient(f, x []float64) []float64 {
	n := len(f)
	even := true
	for i := 2; i < n; i++ {
		even = even && x[i]-x[i-1] == x[1]-x[0]
	}
	if even {
		return evenGradient(f, x[1]-x[0])
	}
	out := make([]float64, n)
	for i := 1; i < n-1; i++ {
		dx1, dx2 := x[i]-x[i-1], x[i+1]-x[i]
		a := -dx2 / (dx1 * (dx1 + dx2))
		b := (dx2 - dx1) / (dx1 * dx2)
		c := dx1 / (dx2 * (dx1 + dx2))
		out[i] = float64(a*f[i-1]) + float64(b*f[i]) + float64(c*f[i+1])
	}
	out[0], out[n-1] = (f[1]-f[0])/(x[1]-x[0]), (f[n-1]-f[n-2])/(x[n-1]-x[n-2])
	return out
}

// The parameters several calculus builtins share.
var (
	exprParam      = lang.Param{Name: "expr", Doc: "the expression"}
	symbolsParam   = lang.Param{Name: "[x, y, ...]", Optional: true, Doc: "the symbols to differentiate by (all free symbols, alphabetically, if left out)"}
	diffOrderParam = lang.Param{Name: "n", Optional: true, Doc: "how many times to differentiate or difference (once if left out)"}
	pointFuncParam = lang.Param{Name: "f", Kind: lang.FunctionArg, Doc: "the function: of x, or an expression in its variables"}
)

var calculusBuiltins = []*lang.Builtin{
	{
		Name: "diff", Forms: [][]lang.Param{{exprParam, {Name: "x", Doc: "the symbol to differentiate by"}, diffOrderParam},
			{{Name: "f", Doc: "a function of one number"}, diffOrderParam}, {{Name: "xs", Doc: "an array to difference"}, diffOrderParam,
				{Name: "axis", Optional: true, Doc: "the axis to difference along, as numpy's third argument (the last if left out)"}}}, Topic: "calculus",
		Options: []lang.Opt{{Name: "axis", Doc: "the axis to difference along (the last)"}},
		Doc: "The exact derivative of an expression, simplified.\nThe derivative of an expression by the symbol x (n times), exact and simplified;\n" +
			"diff(f) is the derivative of a function of one variable, itself a function (diff(f, n) the n-th);\n" +
			"on an array, the differences of neighbouring elements, n times, along the last axis or the axis given (numpy.diff)",
		Example: "diff(x**2*sin(x), x)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options() // the axis option, for arrays only
			symbolic := a[0].Kind() == lang.ExprKind || len(a) > 1 && a[1].SymbolName() != ""
			switch {
			case a[0].Kind() == lang.FuncKind:
				// A function of one number: its derivative as a formula in
				// its parameter, which is itself a function of it;
				// diff(f, n) and diff(f, x, n) differentiate n times.
				f, err := s.SolverFunction(a[0], []lang.Value{lang.Num(0)}, "diff", func(t *lang.Traced) (*autodiff.Node, []*autodiff.Node) {
					return t.Out, t.Args[0].Vars
				})
				if err != nil {
					panic(lang.ArgErrorf(0, "cannot differentiate %s: %v", a[0].Callable().Signature(), err))
				}
				x, times := f.Wrt[0], 1
				switch {
				case len(a) == 2 && a[1].Kind() == lang.NumKind:
					times = derivativeOrder(a, 1)
				case len(a) >= 2:
					if name := symbol(a, 1).Name; name != x.Name {
						panic(lang.ArgErrorf(1, "%s is a function of its parameter %s, not of %s: diff(f, %s) or diff(f)", a[0].Callable().Signature(), x.Name, name, x.Name))
					}
					if len(a) > 2 {
						times = derivativeOrder(a, 2)
					}
				}
				return expr(func() *autodiff.Node { return nthDerivative(s, f.Outs[0], x, times) })
			case symbolic:
				n := node(s, a, 0)
				if len(a) < 2 {
					// diff(expr) of an expression in one symbol.
					vars := autodiff.Vars(n)
					if len(vars) != 1 {
						panic(lang.Errorf("say which symbol to differentiate %s by: diff(expr, x)", lang.Format(a[0])))
					}
					return expr(func() *autodiff.Node { return s.Graph().Derivative(n, vars[0]) })
				}
				x := symbol(a, 1)
				times := 1
				if len(a) > 2 {
					times = derivativeOrder(a, 2)
				}
				return expr(func() *autodiff.Node { return nthDerivative(s, n, x, times) })
			}
			if a[0].Kind() == lang.NumKind {
				panic(lang.ArgErrorf(0, "expected an expression to differentiate or an array to difference, got the number %s "+
					"(an expression whose names all have values is a number: free the name, as :clear x, or write a lambda)", lang.Format(a[0])))
			}
			xs, n := a.Array(0), 1
			if len(a) > 1 {
				n = a.Int(1)
			}
			axis := opts.Int("axis", -1)
			if len(a) > 2 {
				if opts.Has("axis") {
					panic(lang.ArgErrorf(2, "the axis is given twice, as the third argument and as the option axis"))
				}
				axis = a.Int(2)
			}
			if n <= 1 {
				return lang.Arr(must(array.Diff(xs, n, axis)))
			}
			// One order at a time, so that a high order over a long array
			// (O(n·len) work) stops when the session is interrupted.
			for ; n > 0 && xs.Len() > 0; n-- {
				s.Check()
				xs = must(array.Diff(xs, 1, axis))
			}
			return lang.Arr(xs)
		},
	},
	{
		Name: "gradient", Params: []lang.Param{{Name: "ys", Kind: lang.ArrayArg, Doc: "the samples, a vector"},
			{Name: "spacing", Kind: lang.ArrayArg, Optional: true, Default: lang.Num(1), Doc: "the spacing of the samples, or a vector of their points, evenly spaced or not"}}, Topic: "calculus",
		Doc: "The derivative of sampled values, as numpy.gradient.\n" +
			"Central differences inside, one-sided ones at the two ends (numpy's edge_order 1).\n" +
			"For a vector; grad differentiates a function exactly.",
		Example: "xs = linspace(0, 1, 5)\ngradient(xs**2, xs)\ngradient([1, 4, 9, 16], 1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			ys := a.Array(0)
			if len(ys.Shape) != 1 || ys.Len() < 2 {
				panic(lang.ArgErrorf(0, "gradient takes a vector of at least 2 samples, got %s (for an image, sobel "+
					"differentiates along x or y)", a[0].TypeName()))
			}
			if a[1].Kind() == lang.NumKind {
				return lang.Arr(array.Vector(evenGradient(ys.Floats(), a.Num(1))))
			}
			xs := a.Array(1)
			if len(xs.Shape) != 1 || xs.Len() != ys.Len() {
				panic(lang.ArgErrorf(1, "the points must be a vector as long as the samples (%d), got %s", ys.Len(), a[1].TypeName()))
			}
			return lang.Arr(array.Vector(sampledGradient(ys.Floats(), xs.Floats())))
		},
	},
	{
		Name: "grad", Forms: [][]lang.Param{{{Name: "f", Doc: "a function to differentiate"}}, {exprParam, symbolsParam}}, Topic: "calculus",
		Doc: "The gradient of a function or expression, by autodiff.\nThe gradient, by reverse-mode autodiff: of a function, a function; of an expression, the vector of\n" +
			"partial derivatives by the given symbols.\n" +
			"A function whose first parameter is an array is differentiated by that one only; the others\n" +
			"are extra arguments (as scipy's args). A function of numbers is differentiated by all of them.",
		Example: "grad(x**2*y + y**3, [x, y])",
		Fn:      exprOrFunc("grad", gradient, derivedGrad),
	},
	{
		Name: "jacobian", Forms: [][]lang.Param{{{Name: "F", Doc: "a function returning a vector"}}, {{Name: "exprs", Doc: "a vector of expressions"}, symbolsParam}}, Topic: "calculus",
		Doc:     "The Jacobian matrix of a vector function, by autodiff.\n∂F[i]/∂x[j], one reverse sweep per output.",
		Example: "jacobian([x*y, x + y**2], [x, y])",
		Fn:      exprOrFunc("jacobian", jacobian, derivedJacobian),
	},
	{
		Name: "hessian", Forms: [][]lang.Param{{{Name: "f", Doc: "a function returning a number"}}, {exprParam, symbolsParam}}, Topic: "calculus",
		Doc:     "The matrix of second derivatives of a scalar function.\nThe Jacobian of its gradient.",
		Example: "hessian(x**3*y + y**2, [x, y])",
		Fn:      exprOrFunc("hessian", hessian, derivedHessian),
	},
	{
		Name: "subs", Params: []lang.Param{exprParam, {Name: "values", Doc: "a record {x: value, ...} of numbers or expressions"}}, Topic: "calculus",
		Doc:     "An expression with values put in for its symbols.\nThe expression with symbols replaced, as a record {x: value, ...} gives them (numbers or expressions), simplified",
		Example: "subs(x**2 + y, {x: 3})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := node(s, a, 0)
			r := a[1].Record()
			if r == nil {
				panic(lang.ArgErrorf(1, "expected a record such as {x: 2}, got %s", a[1].TypeName()))
			}
			repl := map[*autodiff.Node]*autodiff.Node{}
			for _, k := range r.Keys {
				v, ok := s.NodeOf(r.Values[k])
				if !ok {
					panic(lang.ArgErrorf(1, "cannot substitute %s for %s", r.Values[k].TypeName(), k))
				}
				for _, x := range autodiff.Vars(n) {
					if x.Name == k {
						repl[x] = v
					}
				}
			}
			return expr(func() *autodiff.Node { return s.Graph().Substitute(n, repl) })
		},
	},
	{
		Name: "expand", Params: []lang.Param{exprParam}, Topic: "calculus",
		Doc:     "An expression with its products of sums multiplied out.\nWhole powers of sums are expanded too.",
		Example: "expand((x + 1)**3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n := node(s, a, 0)
			return expr(func() *autodiff.Node { return s.Graph().Expand(n) })
		},
	},
	{
		Name: "taylor", Params: []lang.Param{exprParam, {Name: "x", Doc: "the symbol of the polynomial"},
			{Name: "x0", Doc: "the point to expand about: a number or an expression"}, {Name: "n", Kind: lang.IntArg, Doc: "the degree"}}, Topic: "calculus",
		Doc:     "The Taylor polynomial of an expression.\nThe Taylor polynomial of degree n of the expression in x about x0: Σ f⁽ᵏ⁾(x0)/k! (x - x0)**k",
		Example: "taylor(exp(x), x, 0, 4)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			n, x := node(s, a, 0), symbol(a, 1)
			x0, deg := node(s, a, 2), a.Int(3)
			if deg < 0 || deg > 100 {
				panic(lang.ArgErrorf(3, "the degree must be from 0 to 100, got %d", deg))
			}
			return expr(func() *autodiff.Node {
				g := s.Graph()
				at := map[*autodiff.Node]*autodiff.Node{x: x0}
				dx := g.Sub(x, x0)
				var terms []*autodiff.Node
				d := n
				for k := 0; k <= deg; k++ {
					c := g.Substitute(d, at)
					if c.IsConst() && c.Arr == nil && (math.IsNaN(c.Val) || math.IsInf(c.Val, 0)) {
						panic(lang.ArgErrorf(0, "the derivative of order %d is %s at %s, so there is no Taylor polynomial there "+
							"(a pole, a branch point as sqrt's at 0, or a 0/0 as sin(x)/x's, whose limit calc does not take): expand about another point", k, array.FormatNumber(c.Val, 10), x0))
					}
					terms = append(terms, g.Mul(c, g.Const(1/factorial(k)), g.Pow(dx, g.Const(float64(k)))))
					d = g.Derivative(d, x)
				}
				// Highest degree first, as polynomials are written.
				for i, j := 0, len(terms)-1; i < j; i, j = i+1, j-1 {
					terms[i], terms[j] = terms[j], terms[i]
				}
				return g.Add(terms...)
			})
		},
	},
	{
		Name: "symbols", Params: []lang.Param{exprParam}, Topic: "calculus",
		Doc:     "The free symbols of an expression, in alphabetical order.\nThey are the parameters it takes as a function.",
		Example: "symbols(y*sin(x) + z)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			vars := autodiff.Vars(node(s, a, 0))
			out := make([]lang.Value, len(vars))
			for i, v := range vars {
				out[i] = lang.Expr(v)
			}
			return s.Collect(out)
		},
	},
	{
		Name: "approx_fprime", Params: []lang.Param{{Name: "x0", Kind: lang.ArrayArg, Doc: "the point"}, pointFuncParam,
			{Name: "eps", Kind: lang.NumberArg, Optional: true, Default: lang.Num(0), Doc: "the step; 0 takes the square root of the machine epsilon"}}, Topic: "calculus",
		Doc:     "A gradient by forward differences, as scipy's.\nThe gradient of f at x0 by forward differences with step eps, as scipy's",
		Example: "approx_fprime([1, 2], x**2 + 3*y)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			f, x := pointFunc(s, a[1], a, 0)
			grad, _ := optimize.ApproxGrad(f.Scalar, x, a.Num(2))
			return vecValue(grad)
		},
	},
	{
		Name: "check_grad", Params: []lang.Param{pointFuncParam,
			{Name: "g", Kind: lang.FunctionArg, Doc: "its gradient, to check: a function of x, or a vector of expressions"},
			{Name: "x0", Kind: lang.ArrayArg, Doc: "the point"}}, Topic: "calculus",
		Doc:     "How far a gradient function is from finite differences.\nThe 2-norm of the difference between the gradient g(x0) and a forward-difference gradient of f at x0\n(scipy's check_grad): small, about 1e-7 or less, when g is right",
		Example: "f(x) = sum(x**2)\ncheck_grad(f, grad(f), [1, 2, 3])",
		Options: []lang.Opt{{Name: "epsilon", Doc: "the step of the forward differences (sqrt of machine epsilon)"}},
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options()
			f, x := pointFunc(s, a[0], a, 2)
			approx, _ := optimize.ApproxGrad(f.Scalar, x, opts.Num("epsilon", 0))
			g, _ := pointFunc(s, a[1], a, 2)
			exact := g.Eval(x, 0)
			if len(exact) != len(approx) {
				panic(lang.ArgErrorf(1, "the gradient has %d entries, the point %d", len(exact), len(approx)))
			}
			sum := 0.0
			for i := range exact {
				sum += (exact[i] - approx[i]) * (exact[i] - approx[i])
			}
			return lang.Num(math.Sqrt(sum))
		},
	},
	{
		Name: "latex", Params: []lang.Param{exprParam}, Topic: "calculus",
		Doc:     "The expression as a LaTeX formula, as notebooks render it.\nIt is simplified as calc prints it.",
		Example: "latex(diff(x**2*sin(x), x))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			s.CheckPrintable(a[0])
			return lang.Str(autodiff.Latex(node(s, a, 0), s.Precision))
		},
	},
}
