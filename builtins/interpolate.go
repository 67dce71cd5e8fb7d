package builtins

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"

	"calc/autodiff"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/interp"
)

// interpolants counts the interpolants made, to name each one's
// primitive uniquely: the graph interns nodes by their primitive's name,
// so two splines must never share one. Only names depend on it.
var interpolants atomic.Int64

// interpolant returns the function value that interp1d and CubicSpline
// give: a builtin of x (a number, an array or a formula) and, when withNu,
// an optional derivative order. Behind it are primitives made for this
// interpolant, the function and its derivatives (derivative k+1 of
// primitive k; at(x, k) gives the k-th), so that traced functions,
// gradients and the solvers' derivatives go through it exactly, like
// through sin. Past order 3 a cubic's derivatives are zero.
func interpolant(kind, doc string, withNu bool, at func(x float64, nu int) float64) lang.Value {
	name := fmt.Sprintf("%s_%d", kind, interpolants.Add(1))
	prims := make([]*autodiff.Primitive, 4)
	for nu := range prims {
		prims[nu] = &autodiff.Primitive{
			Name: name + strings.Repeat("'", nu), Arity: 1, Topic: "interpolate",
			Unary: func(x float64) float64 { return at(x, nu) },
		}
	}
	for nu, p := range prims {
		if nu+1 < len(prims) {
			next := prims[nu+1]
			p.Deriv = func(g *autodiff.Graph, x, y *autodiff.Node) *autodiff.Node { return g.Apply(next, x) }
		} else {
			p.Piecewise = true
		}
	}
	params := []lang.Param{{Name: "x", Doc: "where to evaluate: a number, an array or a formula"}}
	if withNu {
		// No Default: an interpolant is called in solvers' loops, and a
		// default would copy every call's arguments.
		params = append(params, lang.Param{Name: "nu", Kind: lang.IntArg, Optional: true, Doc: "the order of the derivative (0, the function itself, if left out)"})
	}
	return lang.Func(&lang.Builtin{
		Name: name, Params: params, Topic: "interpolate", Doc: doc,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			nu := 0
			if len(a) > 1 {
				nu = a.Int(1)
				if nu < 0 {
					panic(lang.ArgErrorf(1, "the derivative order must be at least 0, got %d", nu))
				}
			}
			if nu >= len(prims) {
				return s.Apply(autodiff.Lookup("*"), a[0], lang.Num(0))
			}
			return s.Apply(prims[nu], a[0])
		},
	})
}

// points reads the x and y vectors of an interpolant.
func points(a lang.Args) (x, y []float64) {
	xs, ys := a.Array(0), a.Array(1)
	if xs.Ndim() != 1 || ys.Ndim() != 1 {
		panic(lang.Errorf("x and y must be vectors, got shapes %v and %v", xs.Shape, ys.Shape))
	}
	return append([]float64(nil), xs.Floats()...), append([]float64(nil), ys.Floats()...)
}

// boundary reads one end of CubicSpline's bc_type: a name or [order, value].
func boundary(v lang.Value) (b interp.Boundary, periodic bool) {
	if v.Kind() == lang.StrKind {
		switch v.Text() {
		case "not-a-knot":
			return interp.NotAKnot, false
		case "natural":
			return interp.Natural, false
		case "clamped":
			return interp.Clamped, false
		case "periodic":
			return interp.NotAKnot, true
		}
		panic(lang.Errorf("bc_type must be \"not-a-knot\", \"natural\", \"clamped\", \"periodic\" or [[order, value], [order, value]], got %q", v.Text()))
	}
	pair, ok := lang.Items(v)
	if !ok || len(pair) != 2 {
		panic(lang.Errorf("a boundary condition is [order, value], got %s", lang.Format(v)))
	}
	order := lang.Args(pair).Int(0)
	if order != 1 && order != 2 {
		panic(lang.Errorf("a boundary condition's derivative order must be 1 or 2, got %d", order))
	}
	return interp.Boundary{Order: order, Value: lang.Args(pair).Num(1)}, false
}

// pointParams are the points an interpolant goes through.
var pointParams = []lang.Param{
	{Name: "x", Kind: lang.ArrayArg, Doc: "the points' x, a vector"},
	{Name: "y", Kind: lang.ArrayArg, Doc: "the points' values, a vector as long"},
}

var interpolateBuiltins = []*lang.Builtin{
	{
		Name: "interp", Params: []lang.Param{
			{Name: "x", Doc: "where to interpolate: a number or an array"},
			{Name: "xp", Kind: lang.ArrayArg, Doc: "the points' x, increasing"},
			{Name: "fp", Kind: lang.ArrayArg, Doc: "the points' values"},
		}, Topic: "interpolate",
		Options: []lang.Opt{{Name: "left", Doc: "the value left of xp (fp's first)"}, {Name: "right", Doc: "the value right of xp (fp's last)"}},
		Doc: "Piecewise-linear interpolation at x.\n" +
			"Through the points (xp, fp), as numpy.interp (xp increasing);\n" +
			"below xp[0] it is {left} (fp[0] by default), above the last xp {right} (the last fp)",
		Example: "interp([0.5, 1.5, 5], [0, 1, 2], [0, 10, 0])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			xp, fp := points(args[1:])
			if len(xp) == 0 {
				panic(lang.Errorf("xp and fp must not be empty"))
			}
			l := must(interp.NewLinear(xp, fp, opts.Num("left", fp[0]), opts.Num("right", fp[len(fp)-1])))
			if args[0].Kind() == lang.NumKind {
				return lang.Num(l.At(args.Num(0)))
			}
			return lang.Arr(array.Map(args.Array(0), l.At))
		},
	},
	{
		Name: "interp1d", Params: pointParams, Topic: "interpolate",
		Options: []lang.Opt{{Name: "kind", Doc: "linear (default), nearest or cubic"}, {Name: "fill_value", Doc: "the value outside x (NaN); giving it allows points outside"}, {Name: "bounds_error", Doc: "true: a point outside x is an error (the default unless fill_value is given)"}},
		Doc: "A function interpolating points, of a chosen kind.\n" +
			"Through the points (x, y), of kind \"linear\" (default), \"nearest\" or \"cubic\" (the not-a-knot spline),\n" +
			"as scipy.interpolate.interp1d; outside x's range it is an error, or {fill_value} (nan with {bounds_error: false})",
		Example: "f = interp1d([0, 1, 2, 3], [0, 1, 8, 27], kind=\"cubic\"); f(1.5)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			x, y := points(args)
			f := must(interp.NewInterp1d(x, y, opts.Text("kind", "linear")))
			f.Fill = opts.Num("fill_value", math.NaN())
			f.Bounds = opts.Bool("bounds_error", !opts.Has("fill_value"))
			return interpolant("interp1d", "the "+f.Kind+" interpolant through "+lang.Format(args[0]), false, func(x float64, nu int) float64 {
				return must(f.Derivative(x, nu))
			})
		},
	},
	{
		Name: "CubicSpline", Params: pointParams, Topic: "interpolate",
		Options: []lang.Opt{{Name: "bc_type", Doc: "the end conditions (not-a-knot), as below"}},
		Doc: "The cubic spline through points, as a function.\n" +
			"As scipy.interpolate.CubicSpline: a function of x, and of x and nu for its nu-th derivative;\n" +
			"{bc_type} is \"not-a-knot\" (default), \"natural\", \"clamped\", \"periodic\", or [[order, value], [order, value]] for the two ends\n" +
			"(the first or second derivative given); outside x it extends its end pieces (wraps around if periodic)",
		Example: "cs = CubicSpline([0, 1, 2, 3], [0, 1, 0, 1], bc_type=\"natural\"); [cs(1.5), cs(1.5, 1)]",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			x, y := points(args)
			start, end, periodic := interp.NotAKnot, interp.NotAKnot, false
			if opts.Has("bc_type") {
				bc := opts.Get("bc_type", lang.Nil)
				if bc.Kind() == lang.StrKind {
					start, periodic = boundary(bc)
					end = start
				} else {
					ends, ok := lang.Items(bc)
					if !ok || len(ends) != 2 {
						panic(lang.Errorf("bc_type must be a name or a pair of conditions, got %s", lang.Format(bc)))
					}
					var p1, p2 bool
					start, p1 = boundary(ends[0])
					end, p2 = boundary(ends[1])
					if p1 || p2 {
						panic(lang.Errorf("\"periodic\" applies to both ends: bc_type=\"periodic\""))
					}
				}
			}
			sp := must(interp.NewCubicSpline(x, y, start, end, periodic))
			return interpolant("CubicSpline", "the cubic spline through "+lang.Format(args[0]), true, sp.At)
		},
	},
}
