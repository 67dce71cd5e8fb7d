package builtins

import (
	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/poly"
)

// coefficients reads argument i as polynomial coefficients, highest power
// first.
func coefficients(a lang.Args, i int) []float64 {
	p := a.Array(i)
	if p.Ndim() > 1 {
		panic(lang.ArgErrorf(i, "polynomial coefficients must be a vector, got shape %v", p.Shape))
	}
	return p.Floats()
}

// coefficientsParam is a polynomial given by its coefficients.
var coefficientsParam = lang.Param{Name: "p", Kind: lang.ArrayArg, Doc: "the coefficients, the highest power first"}

// orderParam is the number of times polyder and polyint do what verb says.
func orderParam(verb string) lang.Param {
	return lang.Param{Name: "m", Kind: lang.IntArg, Optional: true, Default: lang.Num(1), Doc: "how many times to " + verb}
}

// order reads the whole number of times at argument i.
func order(a lang.Args, i int) int {
	m := a.Int(i)
	if m < 0 {
		panic(lang.ArgErrorf(i, "the order must be at least 0, got %d", m))
	}
	return m
}

var polynomialBuiltins = []*lang.Builtin{
	{
		Name: "polyval", Params: []lang.Param{
			{Name: "p", Doc: coefficientsParam.Doc},
			{Name: "x", Doc: "where to evaluate: a number, an array or a symbol"},
		}, Topic: "polynomials",
		Doc: "The value of a polynomial at x.\n" +
			"As numpy's, by Horner's rule; differentiable in x and p",
		Example: "polyval([1, 0, -2], [0, 1, 2])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			mul, add := autodiff.Lookup("*"), autodiff.Lookup("+")
			items := a.Items(0)
			acc := lang.Num(0)
			for _, c := range items {
				s.Check()
				acc = s.Apply(add, s.Apply(mul, acc, a[1]), c)
			}
			return acc
		},
	},
	{
		Name: "polyfit", Params: []lang.Param{
			{Name: "x", Kind: lang.ArrayArg, Doc: "the points' x"},
			{Name: "y", Kind: lang.ArrayArg, Doc: "the points' values"},
			{Name: "deg", Kind: lang.IntArg, Doc: "the polynomial's degree"},
		}, Topic: "polynomials",
		Options: []lang.Opt{{Name: "w", Doc: "a weight per point, multiplying its residual"}},
		Doc: "The least-squares polynomial fit of a given degree to points.\n" +
			"The coefficients (highest power first) of the degree-deg polynomial closest to the points (x, y) in least squares,\n" +
			"with weights {w} on the residuals, as numpy.polyfit",
		Example: "polyfit([0, 1, 2, 3], [1, 3, 7, 13], 2)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			var w []float64
			if opts.Has("w") {
				w = lang.Args{opts.Get("w", lang.Nil)}.Array(0).Floats()
			}
			return lang.Arr(array.Vector(must(poly.Fit(args.Array(0).Floats(), args.Array(1).Floats(), w, args.Int(2)))))
		},
	},
	{
		Name: "polyder", Params: []lang.Param{coefficientsParam, orderParam("differentiate")}, Topic: "polynomials",
		Doc: "The derivative of a polynomial.\n" +
			"Coefficients of the m-th derivative of p, as numpy.polyder",
		Example: "polyder([1, 1, 1, 1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(array.Vector(poly.Der(coefficients(a, 0), order(a, 1))))
		},
	},
	{
		Name: "polyint", Params: []lang.Param{coefficientsParam, orderParam("integrate")}, Topic: "polynomials",
		Options: []lang.Opt{{Name: "k", Doc: "the integration constants, one per integration (0)"}},
		Doc: "The antiderivative of a polynomial.\n" +
			"Coefficients of the m-th antiderivative of p, with integration constants {k} (0), as numpy.polyint",
		Example: "polyint([3, 2, 1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			var k []float64
			if opts.Has("k") {
				k = lang.Args{opts.Get("k", lang.Nil)}.Array(0).Floats()
			}
			p, m := coefficients(args, 0), order(args, 1)
			s.CheckElements(float64(len(p)) + float64(m))
			q, err := poly.Int(p, m, k, s.Stopping)
			if err == array.ErrStopped {
				s.Check()
			}
			return lang.Arr(array.Vector(must(q, err)))
		},
	},
}
