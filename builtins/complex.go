package builtins

import (
	"math"
	"math/cmplx"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/special"
)

// complexArg returns argument i as a complex array (numbers and real
// arrays with zero imaginary parts), whether it was complex, and whether
// it was a single number.
func complexArg(a lang.Args, i int) (c *array.Complex, scalar bool) {
	c, ok := a[i].ComplexArray()
	if !ok {
		panic(lang.ArgErrorf(i, "expected a number, a complex number or an array, got %s", a[i].TypeName()))
	}
	return c, len(c.Shape()) == 0
}

// partOf builds real, imag and angle: a real result from each element.
func partOf(f func(z complex128) float64) func(s *lang.Session, a lang.Args) lang.Value {
	return func(s *lang.Session, a lang.Args) lang.Value {
		c, _ := complexArg(a, 0)
		out := make([]float64, c.Re.Len())
		for k := range out {
			out[k] = f(c.At(k))
		}
		return lang.Arr(array.New(append([]int(nil), c.Shape()...), out))
	}
}

// complexDot is the matrix product of complex arrays, from four real
// products: (A + iB)(C + iD) = (AC − BD) + i(AD + BC).
func complexDot(s *lang.Session, a lang.Args) lang.Value {
	x, _ := complexArg(a, 0)
	y, _ := complexArg(a, 1)
	dot := func(p, q *array.Array) *array.Array {
		r, err := array.DotStop(p, q, s.Stopping)
		if err == array.ErrStopped {
			s.Check()
		}
		return must(r, err)
	}
	sub := func(p, q *array.Array) *array.Array {
		return must(array.Broadcast(p, q, func(u, v float64) float64 { return u - v }))
	}
	add := func(p, q *array.Array) *array.Array {
		return must(array.Broadcast(p, q, func(u, v float64) float64 { return u + v }))
	}
	re := sub(dot(x.Re, y.Re), dot(x.Im, y.Im))
	im := add(dot(x.Re, y.Im), dot(x.Im, y.Re))
	return lang.CArr(array.NewComplex(re, im))
}

// complexParam is the argument of a function of complex numbers.
var complexParam = lang.Param{Name: "z", Doc: "a number or an array, real or complex"}

var complexBuiltins = []*lang.Builtin{
	{
		Name: "lambertw", Params: []lang.Param{
			complexParam,
			{Name: "k", Kind: lang.IntArg, Optional: true, Default: lang.Num(0), Doc: "the branch"},
		}, Topic: "special",
		Options: []lang.Opt{{Name: "tol", Doc: "the relative step at which Halley's iteration stops (1e-8)"}},
		Doc: "The Lambert W function: the w with w·exp(w) = z, on branch k.\n" +
			"As scipy.special.lambertw: complex, elementwise; branch 0 is real on [-1/e, inf), branch -1 on [-1/e, 0);\n" +
			"Halley's iteration stops when a step is below tol (1e-8) relative, leaving full double precision",
		Example: "lambertw(1) + lambertw(-0.1, -1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			k := args.Int(1)
			tol := opts.Num("tol", 1e-8)
			if !(tol > 0) {
				panic(lang.Errorf("option tol must be positive, got %g", tol))
			}
			z, _ := complexArg(args, 0)
			return lang.CArr(array.ComplexMap(z, func(z complex128) complex128 { return special.LambertW(z, k, tol) }))
		},
	},
	{
		Name: "real", Params: []lang.Param{complexParam}, Topic: "math",
		Doc:     "The real part of a complex number or array.\nA real number or array is its own real part.",
		Example: "real([1 + 2j, 3 - 4j])",
		Fn:      partOf(func(z complex128) float64 { return real(z) }),
	},
	{
		Name: "imag", Params: []lang.Param{complexParam}, Topic: "math",
		Doc:     "The imaginary part of a complex number or array.\nIt is 0 for a real number or array.",
		Example: "imag([1 + 2j, 3 - 4j])",
		Fn:      partOf(func(z complex128) float64 { return imag(z) }),
	},
	{
		Name: "angle", Params: []lang.Param{complexParam}, Topic: "math",
		Options: []lang.Opt{{Name: "deg", Doc: "true: in degrees rather than radians"}},
		Doc:     "The argument of a complex number, atan2(imag, real).\nIn radians, or in degrees with {deg: true}.",
		Example: "angle(1j, {deg: true})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			scale := 1.0
			if opts.Bool("deg", false) {
				scale = 180 / math.Pi
			}
			return partOf(func(z complex128) float64 { return cmplx.Phase(z) * scale })(s, args)
		},
	},
	{
		Name: "conj", Params: []lang.Param{complexParam}, Topic: "math",
		Doc:     "The complex conjugate: the imaginary part negated.",
		Example: "conj(1 + 2j)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			c, _ := complexArg(a, 0)
			return lang.CArr(array.ComplexMap(c, cmplx.Conj))
		},
	},
	{
		Name: "complex", Params: []lang.Param{
			{Name: "re", Kind: lang.ArrayArg, Doc: "the real part: a number or an array"},
			{Name: "im", Kind: lang.ArrayArg, Optional: true, Default: lang.Num(0), Doc: "the imaginary part: a number or an array"},
		}, Topic: "math",
		Doc:     "The complex number or array re + im*1j.\nre and im broadcast as in arithmetic.",
		Example: "complex([1, 2], 3)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			re, im := a.Array(0), a.Array(1)
			shape, err := array.BroadcastShapes(re.Shape, im.Shape)
			if err != nil {
				panic(lang.Errorf("%v", err))
			}
			r, _ := array.BroadcastTo(re, shape)
			i, _ := array.BroadcastTo(im, shape)
			return lang.CArr(array.NewComplex(r, i))
		},
	},
}
