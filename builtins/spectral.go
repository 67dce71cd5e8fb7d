package builtins

import (
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/fft"
	"calc/stdlib/linalg"
	"calc/stdlib/poly"
)

// This file binds the functions whose answers can be complex: the Fourier
// transforms, the eigenvalues of general matrices and the roots of
// polynomials. The transforms' results are complex arrays even when every
// imaginary part is 0, as numpy's are; eigenvalues and roots are real
// arrays when all of them are real, as numpy's are, so that comparing and
// sorting them works.

// alongLastAxis applies f to each lane of c along its last axis; f gives
// the new lane, all of one length (rfft and n= change it).
func alongLastAxis(c *array.Complex, f func(lane []complex128) []complex128) *array.Complex {
	shape := c.Shape()
	if len(shape) == 0 {
		shape = []int{1}
	}
	n := shape[len(shape)-1]
	rows := array.Size(shape[:len(shape)-1])
	vals := c.Values()
	var out []complex128
	m := 0
	for r := range rows {
		lane := f(vals[r*n : (r+1)*n])
		m = len(lane)
		if rows == 1 {
			out = lane // f's own slice: no copy for one lane
			break
		}
		if out == nil {
			out = make([]complex128, 0, rows*m)
		}
		out = append(out, lane...)
	}
	if rows == 0 {
		m = len(f(make([]complex128, n))) // no lane to learn the length from
	}
	outShape := append(append([]int(nil), shape[:len(shape)-1]...), m)
	return array.ComplexOf(outShape, out)
}

// resize cuts x, or pads it with zeros, to n entries: numpy's n argument.
// x itself is returned when it has n entries.
func resize(x []complex128, n int) []complex128 {
	if len(x) == n {
		return x
	}
	out := make([]complex128, n)
	copy(out, x)
	return out
}

// transformLength reads n, the length of the transform: positional
// argument 1 (as numpy's fft(x, 8)) or the option n, def when neither is
// given or it is nil.
func transformLength(args lang.Args, opts lang.Options, def int) int {
	v := opts.Get("n", lang.Nil)
	if len(args) > 1 {
		if opts.Has("n") {
			panic(lang.Errorf("n is given twice, as an argument and as an option"))
		}
		v = args[1]
	}
	if v.IsNil() {
		return def
	}
	n, ok := v.Int()
	if !ok || n < 1 {
		panic(lang.Errorf("n must be a whole number of at least 1, got %s", lang.Format(v)))
	}
	return n
}

// transformLengthParam is the length of fft's, ifft's and rfft's transform.
var transformLengthParam = lang.Param{Name: "n", Optional: true, Doc: "the transform's length: x is cut or padded with zeros to it (x's length if left out or nil)"}

// fourier builds fft and ifft.
func fourier(name, doc, example string, f func([]complex128) []complex128) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{{Name: "x", Doc: "the signal, real or complex"}, transformLengthParam}, Options: []lang.Opt{{Name: "n", Doc: "the transform's length: x is cut or padded with zeros to it"}}, Topic: "signal", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			c, _ := complexArg(args, 0)
			shape := c.Shape()
			last := 1
			if len(shape) > 0 {
				last = shape[len(shape)-1]
			}
			n := transformLength(args, opts, last)
			s.CheckElements(float64(n) * float64(max(array.Size(shape)/max(last, 1), 1)))
			return lang.CArr(alongLastAxis(c, func(x []complex128) []complex128 { return f(resize(x, n)) }))
		},
	}
}

var spectralBuiltins = []*lang.Builtin{
	fourier("fft", "The discrete Fourier transform, as numpy.fft.fft.\n"+
		"Along the last axis, of any length (a prime length too); {n} cuts the input or pads it with zeros.\n"+
		"The result is complex: abs(fft(x)) is the amplitude spectrum, fftfreq(n, d) the frequencies.",
		"fft([1, 0, -1, 0])", fft.FFT),
	fourier("ifft", "The inverse discrete Fourier transform, as numpy.fft.ifft.\n"+
		"ifft(fft(x)) is x again, up to rounding; along the last axis, {n} as fft's.",
		"real(ifft(fft([1, 2, 3])))", fft.IFFT),
	{
		Name: "rfft", Params: []lang.Param{{Name: "x", Kind: lang.ArrayArg, Doc: "the real signal"}, transformLengthParam}, Topic: "signal",
		Options: []lang.Opt{{Name: "n", Doc: "the transform's length: x is cut or padded with zeros to it"}},
		Doc: "The Fourier transform of a real signal, as numpy.fft.rfft.\n" +
			"The n/2 + 1 terms of non-negative frequency (the rest are their conjugates), along the last axis.",
		Example: "abs(rfft([0, 1, 0, -1, 0, 1, 0, -1]))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			x := args.Array(0)
			if len(x.Shape) == 0 {
				x = array.Vector([]float64{x.Floats()[0]})
			}
			n := transformLength(args, opts, x.Shape[len(x.Shape)-1])
			return lang.CArr(alongLastAxis(array.Real(x), func(lane []complex128) []complex128 {
				re := make([]float64, n)
				for i := range min(n, len(lane)) {
					re[i] = real(lane[i])
				}
				return fft.RFFT(re)
			}))
		},
	},
	{
		Name: "irfft", Params: []lang.Param{
			{Name: "X", Doc: "the terms of non-negative frequency, as rfft gives them"},
			{Name: "n", Optional: true, Doc: "the output's length (2·(len(X) - 1) if left out or nil)"},
		}, Topic: "signal",
		Options: []lang.Opt{{Name: "n", Doc: "the output's length (2·(len(X) - 1))"}},
		Doc: "The real signal whose rfft is X, as numpy.fft.irfft.\n" +
			"Along the last axis.",
		Example: "irfft(rfft([1, 2, 3, 4]))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			c, _ := complexArg(args, 0)
			shape := c.Shape()
			if len(shape) == 0 {
				c, shape = array.ComplexOf([]int{1}, c.Values()), []int{1}
			}
			m := shape[len(shape)-1]
			n := transformLength(args, opts, max(2*(m-1), 1))
			out := alongLastAxis(c, func(X []complex128) []complex128 {
				y := fft.IRFFT(X, n)
				z := make([]complex128, len(y))
				for i, v := range y {
					z[i] = complex(v, 0)
				}
				return z
			})
			return lang.Arr(out.Re)
		},
	},
	{
		Name: "eig", Params: []lang.Param{matrixParam}, Topic: "linalg",
		Doc: "Eigenvalues and eigenvectors of a square matrix, as numpy.\n" +
			"A record {values, vectors}: vectors[:, k] belongs to values[k] and has unit length. Both are complex\n" +
			"when an eigenvalue is (a rotation's are), real otherwise, as numpy's; eigh is for symmetric matrices.",
		Example: "eig([[0, -1], [1, 0]]).values",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			m := a.Array(0)
			checkMatrix(s, "eig", m)
			values, vectors, err := linalg.Eig(m, true)
			if err != nil {
				lang.Throw(err)
			}
			n := len(values)
			if allReal(values) {
				return record("values", realParts([]int{n}, values), "vectors", realParts([]int{n, n}, vectors))
			}
			return record("values", lang.CArr(array.ComplexOf([]int{n}, values)),
				"vectors", lang.CArr(array.ComplexOf([]int{n, n}, vectors)))
		},
	},
	{
		Name: "eigvals", Params: []lang.Param{matrixParam}, Topic: "linalg",
		Doc:     "The eigenvalues of a square matrix, as numpy: complex if one is.",
		Example: "eigvals([[2, 0], [0, 3]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			checkMatrix(s, "eigvals", a.Array(0))
			values, _, err := linalg.Eig(a.Array(0), false)
			if err != nil {
				lang.Throw(err)
			}
			return realOrComplex([]int{len(values)}, values)
		},
	},
	{
		Name: "polyroots", Params: []lang.Param{coefficientsParam}, Topic: "polynomials",
		Doc: "The roots of a polynomial, as numpy.roots.\n" +
			"The eigenvalues of its companion matrix, complex when one root is; calc's roots(f, a, b) finds the real roots of any\n" +
			"function on an interval instead.",
		Example: "polyroots([1, 0, 1])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			p := a.Array(0).Floats()
			checkUnstoppable(s, "eigvals", len(p)-1, len(p)-1) // the companion matrix's
			r, err := poly.Roots(p)
			if err != nil {
				lang.Throw(err)
			}
			return realOrComplex([]int{len(r)}, r)
		},
	},
}

// allReal reports whether every imaginary part of zs is zero.
func allReal(zs []complex128) bool {
	for _, z := range zs {
		if imag(z) != 0 {
			return false
		}
	}
	return true
}

// realOrComplex returns zs, of the given shape, as a real array when
// every imaginary part is zero, as numpy's eig, eigvals and roots do,
// and as a complex array otherwise.
func realOrComplex(shape []int, zs []complex128) lang.Value {
	if allReal(zs) {
		return realParts(shape, zs)
	}
	return lang.CArr(array.ComplexOf(shape, zs))
}

// realParts returns the real parts of zs as an array of the given shape.
func realParts(shape []int, zs []complex128) lang.Value {
	re := make([]float64, len(zs))
	for i, z := range zs {
		re[i] = real(z)
	}
	return lang.Arr(array.New(shape, re))
}
