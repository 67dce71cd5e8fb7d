package array

import (
	"math"
	"strings"
)

// Complex is an n-dimensional array of complex numbers, stored as its real
// and imaginary parts: two arrays of one shape. Keeping the parts apart
// lets every shape operation of Array (indexing, slicing, broadcasting,
// stacking) serve complex arrays too, applied to each part.
type Complex struct {
	Re, Im *Array
}

// NewComplex returns the complex array with the given parts, which must
// have one shape.
func NewComplex(re, im *Array) *Complex { return &Complex{Re: re, Im: im} }

// ComplexOf returns a complex array of the values of data, of the given
// shape.
func ComplexOf(shape []int, data []complex128) *Complex {
	re, im := make([]float64, len(data)), make([]float64, len(data))
	for i, z := range data {
		re[i], im[i] = real(z), imag(z)
	}
	return &Complex{Re: New(shape, re), Im: New(append([]int(nil), shape...), im)}
}

// Shape returns the array's shape.
func (c *Complex) Shape() []int { return c.Re.Shape }

// At returns the element at row-major offset k.
func (c *Complex) At(k int) complex128 { return complex(c.Re.Floats()[k], c.Im.Floats()[k]) }

// Values returns the elements in row-major order.
func (c *Complex) Values() []complex128 {
	out := make([]complex128, c.Re.Len())
	for k := range out {
		out[k] = c.At(k)
	}
	return out
}

// Real returns a as a complex array with zero imaginary parts.
func Real(a *Array) *Complex {
	return &Complex{Re: a, Im: Zeros(a.Shape...)}
}

// ComplexMap returns f applied to each element of c.
func ComplexMap(c *Complex, f func(complex128) complex128) *Complex {
	out := make([]complex128, c.Re.Len())
	for k := range out {
		out[k] = f(c.At(k))
	}
	return ComplexOf(c.Shape(), out)
}

// ComplexBroadcast returns f applied elementwise to a and b under numpy's
// broadcasting rules.
func ComplexBroadcast(a, b *Complex, f func(x, y complex128) complex128) (*Complex, error) {
	shape, err := BroadcastShapes(a.Shape(), b.Shape())
	if err != nil {
		return nil, err
	}
	ar, ai := expand(a.Re, shape), expand(a.Im, shape)
	br, bi := expand(b.Re, shape), expand(b.Im, shape)
	out := make([]complex128, Size(shape))
	for k := range out {
		out[k] = f(complex(ar[k], ai[k]), complex(br[k], bi[k]))
	}
	return ComplexOf(shape, out), nil
}

// FormatComplexNumber writes z as Python writes complex numbers, with
// parts written by FormatNumber: "1+2j", "-0.5-1j", "2j" when the real
// part is zero, "nan+infj".
func FormatComplexNumber(z complex128, precision int) string {
	if re := real(z); re == 0 && !math.Signbit(re) {
		return FormatNumber(imag(z), precision) + "j"
	}
	return bothParts(real(z), imag(z), precision)
}

// bothParts writes re±imj.
func bothParts(re, im float64, precision int) string {
	imText := FormatNumber(im, precision)
	sign := "+"
	if strings.HasPrefix(imText, "-") {
		sign = ""
	}
	return FormatNumber(re, precision) + sign + imText + "j"
}

// FormatComplex returns c laid out as Format lays out arrays, each element
// written in full as re±imj, the real parts in one format and the
// imaginary parts in another, as numpy does.
func FormatComplex(c *Complex, opts FormatOptions) string {
	opts = opts.withDefaults()
	if len(c.Shape()) == 0 {
		return FormatComplexNumber(c.At(0), opts.Precision)
	}
	if c.Re.Len() == 0 {
		return "[]"
	}
	p := &printer{shape: c.Shape(), edge: -1}
	if c.Re.Len() > opts.Threshold {
		p.edge = opts.EdgeItems
	}
	var at []int
	p.collect(rowMajorStrides(c.Shape()), 0, 0, &at)
	re, im := c.Re.values(at), c.Im.values(at)
	mag := make([]float64, len(im))
	for i, x := range im {
		mag[i] = math.Abs(x)
	}
	reWords, imWords := formatEntries(re, false, opts.Decimals), formatEntries(mag, false, opts.Decimals)
	words := make([]string, len(re))
	for i := range words {
		sign := "+"
		if math.Signbit(im[i]) && !math.IsNaN(im[i]) {
			sign = "-"
		}
		// numpy's layout: the sign just before the imaginary part's
		// digits and the j just after them, in that part's padding.
		w := imWords[i]
		digits := strings.TrimSpace(w)
		lead := len(w) - len(strings.TrimLeft(w, " "))
		words[i] = reWords[i] + w[:lead] + sign + digits + "j" + w[lead+len(digits):]
	}
	p.words = words
	return p.format(0, " ", opts.LineWidth)
}

// reduceComplex is reduce for complex arrays: f reduces the lanes of the
// real and imaginary parts that make one lane of c.
func reduceComplex(c *Complex, axis int, name string, needsElements bool, f func(re, im lane) complex128) (*Complex, error) {
	v, shape, err := reductionLanes(c.Re, axis, name, needsElements)
	if err != nil {
		return nil, err
	}
	out := make([]complex128, v.lanes())
	for j := range out {
		out[j] = f(v.lane(c.Re.Floats(), j), v.lane(c.Im.Floats(), j))
	}
	return ComplexOf(shape, out), nil
}

// ComplexProd returns the product of c's elements along axis (or AllAxes),
// as numpy.prod; the product of no elements is 1.
func ComplexProd(c *Complex, axis int) (*Complex, error) {
	return reduceComplex(c, axis, "prod", false, func(re, im lane) complex128 {
		p := complex(1, 0)
		for k := range re.n {
			p *= complex(re.at(k), im.at(k))
		}
		return p
	})
}

// ComplexMin returns the least of c's elements along axis (or AllAxes) in
// numpy's lexicographic order of complex numbers: by real part, then by
// imaginary part. The first element with a NaN part propagates, as in
// numpy.min. An empty lane is an error.
func ComplexMin(c *Complex, axis int) (*Complex, error) {
	return reduceComplex(c, axis, "min", true, func(re, im lane) complex128 { return complexExtreme(re, im, -1) })
}

// ComplexMax returns the greatest of c's elements along axis (or AllAxes)
// in ComplexMin's order, as numpy.max.
func ComplexMax(c *Complex, axis int) (*Complex, error) {
	return reduceComplex(c, axis, "max", true, func(re, im lane) complex128 { return complexExtreme(re, im, 1) })
}

// complexExtreme returns the first greatest element of the non-empty lane
// re + i·im when sign is 1, the first least when sign is -1, or the first
// with a NaN part if there is one.
func complexExtreme(re, im lane, sign float64) complex128 {
	best := complex(re.at(0), im.at(0))
	for k := range re.n {
		x, y := re.at(k), im.at(k)
		if x != x || y != y {
			return complex(x, y)
		}
		bx, by := sign*real(best), sign*imag(best)
		if sx, sy := sign*x, sign*y; sx > bx || sx == bx && sy > by {
			best = complex(x, y)
		}
	}
	return best
}
