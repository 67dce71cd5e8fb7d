package lang

import (
	"math"
	"math/cmplx"
	"slices"

	"calc/autodiff"
	"calc/stdlib/array"
)

// This file gives complex numbers and complex arrays their arithmetic. A
// complex scalar is boxed (complex code is not the hot path of real
// scalars); a complex array is an array.Complex, its parts two float
// arrays, so indexing and broadcasting reuse the real machinery.

// Complex returns a complex number value.
func Complex(z complex128) Value { return Value{kind: ComplexKind, ref: z} }

// CArr returns a complex array value; a 0-d array becomes a number.
func CArr(c *array.Complex) Value {
	if len(c.Shape()) == 0 {
		return Complex(c.At(0))
	}
	return Value{kind: ComplexKind, ref: c}
}

// ComplexArray returns v as a complex array: a complex value's own, or a
// number's, bool's or real array's with zero imaginary parts; ok is false
// for other kinds.
func (v Value) ComplexArray() (*array.Complex, bool) {
	switch r := v.ref.(type) {
	case complex128:
		return array.ComplexOf(nil, []complex128{r}), true
	case *array.Complex:
		return r, true
	}
	if a, ok := numeric(v); ok {
		return array.Real(a), true
	}
	return nil, false
}

// complexScalar returns v as one complex number if it is a number, a bool
// or a complex number.
func complexScalar(v Value) (complex128, bool) {
	switch v.kind {
	case NumKind, BoolKind:
		return complex(v.num, 0), true
	case ComplexKind:
		z, ok := v.ref.(complex128)
		return z, ok
	}
	return 0, false
}

// complexKernels are the binary operators defined for complex numbers.
var complexKernels = map[string]func(x, y complex128) complex128{
	"+":  func(x, y complex128) complex128 { return x + y },
	"-":  func(x, y complex128) complex128 { return x - y },
	"*":  func(x, y complex128) complex128 { return x * y },
	"/":  func(x, y complex128) complex128 { return x / y },
	"**": complexPow,
	"==": func(x, y complex128) complex128 { return complex(b2f(x == y), 0) },
	"!=": func(x, y complex128) complex128 { return complex(b2f(x != y), 0) },
}

// complexPow is x**y as numpy computes it: z**0 is 1 (0**0 too), and a
// small whole exponent multiplies, so that 1j**2 is exactly -1.
func complexPow(x, y complex128) complex128 {
	if y == 0 {
		return 1
	}
	if n := real(y); imag(y) == 0 && n == math.Trunc(n) && math.Abs(n) <= 1024 {
		k := int(math.Abs(n))
		r, p := complex(1, 0), x
		for ; k > 0; k >>= 1 {
			if k&1 == 1 {
				r *= p
			}
			p *= p
		}
		if n < 0 {
			return 1 / r
		}
		return r
	}
	return cmplx.Pow(x, y)
}

// operatorSymbols spell the operators whose primitives have names.
var operatorSymbols = map[string]string{"floordiv": "//", "mod": "%"}

// complexBinary applies a binary operator when one operand is complex and
// the other a number, a bool, a complex value or an array.
func (s *Session) complexBinary(o *operator, a, b Value, pos Pos) Value {
	f := complexKernels[o.prim.Name]
	if f == nil {
		op := o.prim.Name
		if sym, ok := operatorSymbols[op]; ok {
			op = sym
		}
		panic(Errorf("%s is not defined for complex numbers", op).at(pos))
	}
	x, ok1 := a.ComplexArray()
	y, ok2 := b.ComplexArray()
	if !ok1 || !ok2 {
		panic(Errorf("cannot %s %s and %s", o.verb, a.TypeName(), b.TypeName()).at(pos))
	}
	if p, ok := complexScalar(a); ok {
		if q, ok := complexScalar(b); ok {
			z := f(p, q)
			if o.compare {
				return Bool(real(z) != 0)
			}
			return Complex(z)
		}
	}
	z, err := array.ComplexBroadcast(x, y, f)
	if err != nil {
		panic(Errorf("cannot %s arrays: %v", o.verb, err).at(pos))
	}
	if o.compare {
		z.Re.Depth = array.Bool
		return Arr(z.Re)
	}
	return CArr(z)
}

// complexUnary applies an elementwise primitive to a complex value, with
// the primitive's complex kernel; abs and angle give real results.
func (s *Session) complexUnary(p *autodiff.Primitive, v Value, pos Pos) Value {
	c, _ := v.ComplexArray()
	if p.Name == "abs" {
		out := make([]float64, c.Re.Len())
		for k := range out {
			out[k] = cmplx.Abs(c.At(k))
		}
		return Arr(array.New(slices.Clone(c.Shape()), out))
	}
	f := p.Complex
	if p.Name == "neg" {
		f = func(z complex128) complex128 { return -z }
	}
	if f == nil {
		name := p.Name
		panic(Errorf("%s is not defined for complex numbers", name).at(pos))
	}
	if z, ok := v.ref.(complex128); ok {
		return Complex(f(z))
	}
	return CArr(array.ComplexMap(c, f))
}

// collectComplex makes a complex array of items, some of which are
// complex, by collecting their real and their imaginary parts.
func (s *Session) collectComplex(items []Value) (Value, bool) {
	re, im := make([]Value, len(items)), make([]Value, len(items))
	for i, it := range items {
		c, ok := it.ComplexArray()
		if !ok {
			return Nil, false
		}
		re[i], im[i] = Arr(c.Re), Arr(c.Im)
	}
	r, i := s.Collect(re), s.Collect(im)
	if r.kind != ArrayKind || i.kind != ArrayKind {
		return Nil, false
	}
	return CArr(array.NewComplex(r.Array(), i.Array())), true
}

// complexElement returns c[i] along the first axis.
func complexElement(c *array.Complex, i int) Value {
	re, _ := array.Index(c.Re, i)
	im, _ := array.Index(c.Im, i)
	return CArr(array.NewComplex(re, im))
}

// selectComplex indexes both parts of a complex array.
func selectComplex(c *array.Complex, ixs []array.Indexer, pos Pos) Value {
	re, err := array.Select(c.Re, ixs)
	if err != nil {
		panic(Errorf("%v", err).at(pos))
	}
	im, _ := array.Select(c.Im, ixs)
	return CArr(array.NewComplex(re, im))
}

// assignComplex sets c[ixs] = v in a copy of c.
func assignComplex(c *array.Complex, ixs []array.Indexer, v Value, pos Pos) Value {
	val, ok := v.ComplexArray()
	if !ok {
		panic(Errorf("cannot store %s in a complex array", v.TypeName()).at(pos))
	}
	re, err := array.Assign(c.Re, ixs, val.Re)
	if err != nil {
		panic(Errorf("%v", err).at(pos))
	}
	im, _ := array.Assign(c.Im, ixs, val.Im)
	return CArr(array.NewComplex(re, im))
}
