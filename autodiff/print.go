package autodiff

import (
	"math"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// Precedence levels of calc's grammar, lowest first.
const (
	precTernary = iota + 1
	precCompare
	precAdd
	precMul
	precUnary
	precPow
	precAtom
)

// String returns n in calc's own syntax, simplified and with only the
// parentheses needed, so that parsing it gives back the same node: numbers
// print exactly.
func (n *Node) String() string { return Format(n, 0) }

// Format returns n like String, but with numbers that are not whole,
// simple fractions or multiples of pi, log(2) and log(10) rounded to the
// given number of significant digits (0 for exact).
func Format(n *Node, digits int) string {
	s, _ := printer{digits: digits}.format(n)
	return s
}

// printer writes nodes in calc's syntax, or in LaTeX when tex is set;
// digits is the precision of inexact numbers.
type printer struct {
	digits int
	tex    bool
}

// text formats a node with the printer's precision.
func (pr printer) text(n *Node) string {
	s, _ := pr.format(n)
	return s
}

// wrap parenthesises s when its precedence is below min.
func (pr printer) wrap(s string, prec, min int) string {
	if prec < min {
		return pr.parens(s)
	}
	return s
}

// parens puts s in parentheses.
func (pr printer) parens(s string) string {
	if pr.tex {
		return `\left(` + s + `\right)`
	}
	return "(" + s + ")"
}

// at formats n for a context that needs precedence min.
func (pr printer) at(n *Node, min int) string {
	s, p := pr.format(n)
	return pr.wrap(s, p, min)
}

// format returns n's text and the precedence of its outermost operator.
func (pr printer) format(n *Node) (string, int) {
	switch n.Op {
	case OpConst:
		if n.Arr != nil {
			return pr.formatArray(n.Arr), precAtom
		}
		s := pr.formatNumber(n.Val)
		if n.Val < 0 || strings.HasPrefix(s, "-") {
			return s, precUnary
		}
		return s, precAtom
	case OpVar:
		if pr.tex {
			return texName(n.Name), precAtom
		}
		return n.Name, precAtom
	case OpAdd:
		return pr.formatSum(n), precAdd
	case OpMul:
		return pr.formatProduct(n.Val, n.Args)
	case OpPow:
		if k, ok := n.Args[1].constValue(); ok && k < 0 {
			return pr.formatProduct(1, []*Node{n})
		}
		if n.Args[1].isConstValue(0.5) {
			return pr.sqrt(pr.text(n.Args[0])), precAtom
		}
		return pr.power(pr.at(n.Args[0], precAtom), n.Args[1]), precPow
	case OpApply:
		if isComparison(n.Prim.Name) {
			op := n.Prim.Name
			if pr.tex {
				op = texComparisons[op]
			}
			return pr.at(n.Args[0], precAdd) + " " + op + " " + pr.at(n.Args[1], precAdd), precCompare
		}
		return pr.call(n.Prim.Name, n.Args...), precAtom
	case OpSelect:
		if pr.tex {
			return `\begin{cases} ` + pr.text(n.Args[1]) + ` & \text{if } ` + pr.text(n.Args[0]) +
				` \\ ` + pr.text(n.Args[2]) + ` & \text{otherwise} \end{cases}`, precAtom
		}
		return pr.at(n.Args[0], precCompare) + " ? " + pr.at(n.Args[1], precCompare) + " : " + pr.at(n.Args[2], precTernary), precTernary
	case OpDot:
		return pr.call("dot", n.Args...), precAtom
	case OpTranspose:
		if pr.tex {
			return pr.at(n.Args[0], precAtom) + `^{\mathsf{T}}`, precAtom
		}
		return pr.at(n.Args[0], precAtom) + ".T", precAtom
	case OpSum:
		if n.Lo == AllAxes {
			return pr.call("sum", n.Args...), precAtom
		}
		return pr.callText("sum", pr.text(n.Args[0]), strconv.Itoa(n.Lo)), precAtom
	case OpIndex:
		return pr.index(pr.at(n.Args[0], precAtom), strconv.Itoa(n.Lo)), precAtom
	case OpSlice:
		return pr.index(pr.at(n.Args[0], precAtom), strconv.Itoa(n.Lo)+":"+strconv.Itoa(n.Hi)), precAtom
	case OpStack:
		parts := make([]string, len(n.Args))
		for i, a := range n.Args {
			parts[i] = pr.text(a)
		}
		return pr.brackets(strings.Join(parts, ", ")), precAtom
	case OpReshape:
		return pr.callText("reshape", pr.text(n.Args[0]), formatShape(n.Shape)), precAtom
	case OpBroadcast:
		if c, ok := n.Args[0].constValue(); ok {
			if c == 0 {
				return pr.callText("zeros", formatShape(n.Shape)), precAtom
			}
			return pr.callText("full", formatShape(n.Shape), pr.formatNumber(c)), precAtom
		}
		return pr.callText("broadcast_to", pr.text(n.Args[0]), formatShape(n.Shape)), precAtom
	case OpSumTo:
		return pr.callText("sum_to", pr.text(n.Args[0]), formatShape(n.Shape)), precAtom
	case OpScatter:
		where := strconv.Itoa(n.Lo)
		if n.Hi >= 0 {
			where += ":" + strconv.Itoa(n.Hi)
		}
		return pr.callText("scatter", pr.text(n.Args[0]), where, formatShape(n.Shape)), precAtom
	case OpCall:
		return pr.call(n.Call.Name, n.Args...), precAtom
	}
	return "?", precAtom
}

func isComparison(name string) bool {
	switch name {
	case "<", "<=", ">", ">=", "==", "!=":
		return true
	}
	return false
}

func (pr printer) call(name string, args ...*Node) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = pr.text(a)
	}
	return pr.callText(name, parts...)
}

// callText writes a call of the function name with its arguments' text.
func (pr printer) callText(name string, args ...string) string {
	inner := strings.Join(args, ", ")
	if !pr.tex {
		return name + "(" + inner + ")"
	}
	if name == "abs" {
		return `\left|` + inner + `\right|`
	}
	return texFunction(name) + pr.parens(inner)
}

// brackets writes an array literal's brackets around its items' text.
func (pr printer) brackets(items string) string {
	if pr.tex {
		return `\left[` + items + `\right]`
	}
	return "[" + items + "]"
}

// index writes a subscript: a[i], or a_{i} in LaTeX.
func (pr printer) index(a, i string) string {
	if pr.tex {
		return a + "_{" + i + "}"
	}
	return a + "[" + i + "]"
}

// sqrt writes the square root of x's text.
func (pr printer) sqrt(x string) string {
	if pr.tex {
		return `\sqrt{` + x + "}"
	}
	return "sqrt(" + x + ")"
}

// power writes base (already parenthesised as need be) to the power e.
func (pr printer) power(base string, e *Node) string {
	if pr.tex {
		return base + "^{" + pr.exponent(e) + "}"
	}
	return base + "**" + pr.exponent(e)
}

func formatShape(shape []int) string {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, ", ")
}

// exponent writes a power's exponent: a fraction in parentheses when it
// is one, (1/3) rather than 0.3333333333, so that it reads back exactly.
func (pr printer) exponent(e *Node) string {
	if k, ok := e.constValue(); ok && k != math.Trunc(k) {
		if p, q, ok := rational(k); ok {
			if pr.tex {
				return texFraction(formatNumberExact(p), formatNumberExact(q))
			}
			return "(" + formatNumberExact(p) + "/" + formatNumberExact(q) + ")"
		}
	}
	if pr.tex { // braces group the exponent
		return pr.text(e)
	}
	return pr.at(e, precAtom)
}

// formatArray writes an array constant as a nested literal on one line.
func (pr printer) formatArray(a *array.Array) string {
	var rec func(shape []int, data []float64) string
	rec = func(shape []int, data []float64) string {
		if len(shape) == 0 {
			return pr.formatNumber(data[0])
		}
		stride := array.Size(shape[1:])
		items := make([]string, shape[0])
		for i := range items {
			items[i] = rec(shape[1:], data[i*stride:(i+1)*stride])
		}
		return pr.brackets(strings.Join(items, ", "))
	}
	return rec(a.Shape, a.Floats())
}

// formatNumber writes a number exactly (the shortest text that reads back
// as the same float64), with inf and nan by name.
func (pr printer) formatNumber(x float64) string {
	var s string
	switch {
	case math.IsInf(x, 1):
		s = "inf"
	case math.IsInf(x, -1):
		s = "-inf"
	case math.IsNaN(x):
		s = "nan"
	case x == math.Trunc(x) && math.Abs(x) < 1e16:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case pr.digits > 0:
		s = array.FormatNumber(x, pr.digits)
	default:
		s = strconv.FormatFloat(x, 'g', -1, 64)
	}
	if pr.tex {
		return texNumber(s)
	}
	return s
}

// formatNumberExact writes a whole number.
func formatNumberExact(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// rational returns p and q with x = p/q exactly and q at most a million,
// found from the continued fraction of x; ok is false when x is not such
// a fraction.
func rational(x float64) (p, q float64, ok bool) {
	if math.IsInf(x, 0) || math.IsNaN(x) || math.Abs(x) >= 1e15 {
		return 0, 0, false
	}
	// Convergents h/k of the continued fraction [a0; a1, a2, ...].
	h0, h1, k0, k1 := 0.0, 1.0, 1.0, 0.0
	r := x
	for i := 0; i < 40; i++ {
		a := math.Floor(r)
		h0, h1 = h1, a*h1+h0
		k0, k1 = k1, a*k1+k0
		if k1 > 1e6 {
			return 0, 0, false
		}
		if h1/k1 == x {
			return h1, k1, true
		}
		if r-a == 0 {
			break
		}
		r = 1 / (r - a)
	}
	return 0, 0, false
}

// namedConstants are the irrational constants derivatives produce, which
// print by name: d/dx 2**x = log(2)*2**x, d/dx log10(x) = 1/(log(10)*x).
var namedConstants = []struct {
	name  string
	value float64
}{{"pi", math.Pi}, {"log(2)", math.Ln2}, {"log(10)", math.Ln10}}

// recognize writes x as p/q, or as p/q times or divided by a named
// constant (below reports division); ok is false if it finds no such form.
func recognize(x float64) (p, q float64, name string, below, ok bool) {
	if p, q, ok := rational(x); ok {
		return p, q, "", false, true
	}
	// Small multiples of a named constant are recognised to within
	// rounding; a large number is whole in floating point whatever it is
	// divided by, so 1e17 is not 3.183098862e+16*pi.
	near := func(y float64) (float64, float64, bool) {
		for q := 1.0; q <= 1000; q++ {
			if p := math.Round(y * q); p != 0 && math.Abs(p) <= 1e6 && math.Abs(p-y*q) <= 1e-13*math.Abs(p) {
				return p, q, true
			}
		}
		return 0, 0, false
	}
	for _, c := range namedConstants {
		if p, q, ok := near(x / c.value); ok {
			return p, q, c.name, false, true
		}
		if p, q, ok := near(x * c.value); ok {
			return p, q, c.name, true, true
		}
	}
	return 0, 0, "", false, false
}

// formatSum writes a sum's terms in order, then its constant, turning
// negative terms into subtractions.
func (pr printer) formatSum(n *Node) string {
	var b strings.Builder
	write := func(s string) {
		switch {
		case b.Len() == 0:
			b.WriteString(s)
		case strings.HasPrefix(s, "-"):
			b.WriteString(" - " + s[1:])
		default:
			b.WriteString(" + " + s)
		}
	}
	// A positive constant goes first when the first term is negative:
	// 1 - tanh(x)**2 rather than -tanh(x)**2 + 1.
	constFirst := n.Val > 0 && n.Coefs[0] < 0
	if constFirst {
		write(pr.formatNumber(n.Val))
	}
	for i, a := range n.Args {
		s, p := pr.formatProduct(n.Coefs[i], []*Node{a})
		write(pr.wrap(s, p, precMul))
	}
	if n.Val != 0 && !constFirst {
		write(pr.formatNumber(n.Val))
	}
	return b.String()
}

// formatProduct writes coef times the factors, putting factors with
// negative constant exponents and the denominator of a fractional
// coefficient below a division bar: -x**2/2, 1/(2*sqrt(x)).
func (pr printer) formatProduct(coef float64, factors []*Node) (string, int) {
	if len(factors) == 1 && factors[0].Op == OpMul {
		coef *= factors[0].Val
		factors = factors[0].Args
	}
	var num, den []string
	sign := ""
	if coef < 0 {
		sign, coef = "-", -coef
	}
	if p, q, name, below, ok := recognize(coef); ok {
		if p != 1 || (name == "" && len(factors) == 0) {
			num = append(num, pr.formatNumber(p))
		}
		if q != 1 {
			den = append(den, pr.formatNumber(q))
		}
		if pr.tex && name != "" {
			name = texConstants[name]
		}
		switch {
		case name != "" && below:
			den = append(den, name)
		case name != "":
			num = append(num, name)
		}
	} else {
		num = append(num, pr.formatNumber(coef))
	}
	for _, f := range factors {
		if f.Op == OpPow {
			if k, ok := f.Args[1].constValue(); ok && k < 0 {
				switch k {
				case -1:
					den = append(den, pr.at(f.Args[0], precPow))
				case -0.5:
					den = append(den, pr.sqrt(pr.text(f.Args[0])))
				default:
					den = append(den, pr.power(pr.at(f.Args[0], precAtom), f.Args[1].negated()))
				}
				continue
			}
		}
		if len(factors) == 1 && len(num) == 0 && len(den) == 0 {
			s, p := pr.format(f)
			if sign != "" {
				return "-" + pr.wrap(s, p, precPow), precUnary
			}
			return s, p
		}
		num = append(num, pr.at(f, precMul+1))
	}
	text := pr.product(num)
	if text == "" {
		text = "1"
	}
	switch {
	case len(den) > 0 && pr.tex:
		text = texFraction(text, pr.product(den))
	case len(den) > 0:
		d := pr.product(den)
		if len(den) > 1 {
			d = "(" + d + ")"
		}
		text += "/" + d
	}
	if sign != "" {
		return sign + text, precUnary
	}
	if len(num) <= 1 && len(den) == 0 {
		return text, precAtom
	}
	return text, precMul
}

// negated returns a constant exponent with its sign flipped (for printing
// denominators only; it builds a detached node).
func (n *Node) negated() *Node {
	return &Node{Op: OpConst, Val: -n.Val}
}
