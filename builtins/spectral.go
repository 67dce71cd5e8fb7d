package builtins

import (
	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/fft"
	"calc/stdlib/linalg"
	"calc/stdlib/poly"
)

// This file binds the functions whose answers are complex: the Fourier
// transforms, the eigenvalues of general matrices and the roots of
// polynomials. Their results are complex arrays even when every imaginary
// part is 0 (numpy's eig returns a real array then; calc keeps one type
// for each function's result, so code that uses it never has two cases).

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
		out = append(out, lane...)
	}
	if rows == 0 {
		m = len(f(make([]complex128, n))) // no lane to learn the length from
	}
	outShape := append(append([]int(nil), shape[:len(shape)-1]...), m)
	return array.ComplexOf(outShape, out)
}

// resize cuts x, or pads it with zeros, to n entries: numpy's n argument.
func resize(x []complex128, n int) []complex128 {
	out := make([]complex128, n)
	copy(out, x)
	return out
}

// transformLength reads the option n, the length of the transform, with
// def when it is not given.
func transformLength(opts lang.Options, def int) int {
	v := opts.Get("n", lang.Nil)
	if v.IsNil() {
		return def
	}
	n, ok := v.Int()
	if !ok || n < 1 {
		panic(lang.Errorf("n must be a whole number of at least 1, got %s", lang.Format(v)))
	}
	return n
}

// fourier builds fft and ifft.
func fourier(name, doc, example string, f func([]complex128) []complex128) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: "x", Options: []lang.Opt{{Name: "n", Doc: "the transform's length: x is cut or padded with zeros to it"}}, Topic: "signal", Doc: doc, Example: example,
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			c, _ := complexArg(args, 0)
			shape := c.Shape()
			last := 1
			if len(shape) > 0 {
				last = shape[len(shape)-1]
			}
			n := transformLength(opts, last)
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
		Name: "rfft", Params: "x", Topic: "signal",
		Options: []lang.Opt{{Name: "n", Doc: "the transform's length: x is cut or padded with zeros to it"}},
		Doc: "The Fourier transform of a real signal, as numpy.fft.rfft.\n" +
			"The n/2 + 1 terms of non-negative frequency (the rest are their conjugates), along the last axis.",
		Example: "abs(rfft([0, 1, 0, -1, 0, 1, 0, -1]))",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			x := args.Array(0)
			if len(x.Shape) == 0 {
				x = array.Vector([]float64{x.Data[0]})
			}
			n := transformLength(opts, x.Shape[len(x.Shape)-1])
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
		Name: "irfft", Params: "X", Topic: "signal",
		Options: []lang.Opt{{Name: "n", Doc: "the output's length (2·(len(X) - 1))"}},
		Doc: "The real signal whose rfft is X, as numpy.fft.irfft.\n" +
			"Of length n, by default 2*(len(X) - 1), along the last axis.",
		Example: "irfft(rfft([1, 2, 3, 4]))",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			c, _ := complexArg(args, 0)
			shape := c.Shape()
			if len(shape) == 0 {
				c, shape = array.ComplexOf([]int{1}, c.Values()), []int{1}
			}
			m := shape[len(shape)-1]
			n := transformLength(opts, max(2*(m-1), 1))
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
		Name: "eig", Params: "m", Topic: "linalg",
		Doc: "Eigenvalues and eigenvectors of a square matrix, as numpy.\n" +
			"A record {values, vectors}: vectors[:, k] belongs to values[k] and has unit length. Both are complex\n" +
			"when some eigenvalue is, as a general real matrix's may be (a rotation's are), and real otherwise, as\n" +
			"numpy's; eigh is for symmetric matrices.",
		Example: "eig([[0, -1], [1, 0]]).values",
		MinArgs: 1, MaxArgs: 1,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			m := a.Array(0)
			checkMatrix(s, "eig", m)
			values, vectors, err := linalg.Eig(m, true)
			if err != nil {
				lang.Throw(err)
			}
			n := len(values)
			if !allReal(values) || !allReal(vectors) {
				return record("values", lang.CArr(array.ComplexOf([]int{n}, values)),
					"vectors", lang.CArr(array.ComplexOf([]int{n, n}, vectors)))
			}
			return record("values", realOrComplex([]int{n}, values), "vectors", lang.Arr(array.ComplexOf([]int{n, n}, vectors).Re))
		},
	},
	{
		Name: "eigvals", Params: "m", Topic: "linalg",
		Doc:     "The eigenvalues of a square matrix, as numpy.\nComplex when some eigenvalue is, real otherwise, as numpy's.",
		Example: "eigvals([[2, 0], [0, 3]])",
		MinArgs: 1, MaxArgs: 1,
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
		Name: "polyroots", Params: "p", Topic: "polynomials",
		Doc: "The roots of a polynomial, as numpy.roots.\np holds its coefficients, the highest power first. " +
			"The eigenvalues of its companion matrix: complex when some root is, real otherwise, as numpy's;\n" +
			"calc's roots(f, a, b) finds the real roots of any function on an interval instead.",
		Example: "polyroots([1, 0, 1])",
		MinArgs: 1, MaxArgs: 1,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			p := a.Array(0).Data
			checkUnstoppable(s, "eigvals", len(p)-1, len(p)-1) // the companion matrix's
			r, err := poly.Roots(p)
			if err != nil {
				lang.Throw(err)
			}
			return realOrComplex([]int{len(r)}, r)
		},
	},
}

// allReal reports whether every value has imaginary part 0.
func allReal(values []complex128) bool {
	for _, v := range values {
		if imag(v) != 0 {
			return false
		}
	}
	return true
}

// realOrComplex is numpy's rule for eigenvalues and polynomial roots: a
// real array when every imaginary part is exactly 0, complex otherwise.
func realOrComplex(shape []int, values []complex128) lang.Value {
	c := array.ComplexOf(shape, values)
	if allReal(values) {
		return lang.Arr(c.Re)
	}
	return lang.CArr(c)
}
