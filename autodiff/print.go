package autodiff

import (
	"math"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// Precedence levels of calc's (and expr's) grammar, lowest first.
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
// parentheses needed, so that parsing it gives back the same node.
func (n *Node) String() string {
	s, _ := format(n)
	return s
}

// wrap parenthesises s when its precedence is below min.
func wrap(s string, prec, min int) string {
	if prec < min {
		return "(" + s + ")"
	}
	return s
}

// at formats n for a context that needs precedence min.
func at(n *Node, min int) string {
	s, p := format(n)
	return wrap(s, p, min)
}

// format returns n's text and the precedence of its outermost operator.
func format(n *Node) (string, int) {
	switch n.Op {
	case OpConst:
		if n.Arr != nil {
			return formatArray(n.Arr), precAtom
		}
		s := formatNumber(n.Val)
		if n.Val < 0 || strings.HasPrefix(s, "-") {
			return s, precUnary
		}
		return s, precAtom
	case OpVar:
		return n.Name, precAtom
	case OpAdd:
		return formatSum(n), precAdd
	case OpMul:
		return formatProduct(n.Val, n.Args)
	case OpPow:
		if k, ok := n.Args[1].constValue(); ok && k < 0 {
			return formatProduct(1, []*Node{n})
		}
		if n.Args[1].isConstValue(0.5) {
			return "sqrt(" + n.Args[0].String() + ")", precAtom
		}
		return at(n.Args[0], precAtom) + "**" + at(n.Args[1], precAtom), precPow
	case OpApply:
		if isComparison(n.Prim.Name) {
			return at(n.Args[0], precAdd) + " " + n.Prim.Name + " " + at(n.Args[1], precAdd), precCompare
		}
		return call(n.Prim.Name, n.Args...), precAtom
	case OpSelect:
		return at(n.Args[0], precCompare) + " ? " + at(n.Args[1], precCompare) + " : " + at(n.Args[2], precTernary), precTernary
	case OpDot:
		return call("dot", n.Args...), precAtom
	case OpTranspose:
		return at(n.Args[0], precAtom) + ".T", precAtom
	case OpSum:
		if n.Lo == AllAxes {
			return call("sum", n.Args...), precAtom
		}
		return "sum(" + n.Args[0].String() + ", " + strconv.Itoa(n.Lo) + ")", precAtom
	case OpIndex:
		return at(n.Args[0], precAtom) + "[" + strconv.Itoa(n.Lo) + "]", precAtom
	case OpSlice:
		return at(n.Args[0], precAtom) + "[" + strconv.Itoa(n.Lo) + ":" + strconv.Itoa(n.Hi) + "]", precAtom
	case OpStack:
		parts := make([]string, len(n.Args))
		for i, a := range n.Args {
			parts[i] = a.String()
		}
		return "[" + strings.Join(parts, ", ") + "]", precAtom
	case OpReshape:
		return "reshape(" + n.Args[0].String() + ", " + formatShape(n.Shape) + ")", precAtom
	case OpBroadcast:
		if c, ok := n.Args[0].constValue(); ok {
			if c == 0 {
				return "zeros(" + formatShape(n.Shape) + ")", precAtom
			}
			return "full(" + formatShape(n.Shape) + ", " + formatNumber(c) + ")", precAtom
		}
		return "broadcast_to(" + n.Args[0].String() + ", " + formatShape(n.Shape) + ")", precAtom
	case OpSumTo:
		return "sum_to(" + n.Args[0].String() + ", " + formatShape(n.Shape) + ")", precAtom
	case OpScatter:
		where := strconv.Itoa(n.Lo)
		if n.Hi >= 0 {
			where += ":" + strconv.Itoa(n.Hi)
		}
		return "scatter(" + n.Args[0].String() + ", " + where + ", " + formatShape(n.Shape) + ")", precAtom
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

func call(name string, args ...*Node) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.String()
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

func formatShape(shape []int) string {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, ", ")
}

// formatArray writes an array constant as a nested literal on one line.
func formatArray(a *array.Array) string {
	var b strings.Builder
	var rec func(shape []int, data []float64)
	rec = func(shape []int, data []float64) {
		if len(shape) == 0 {
			b.WriteString(formatNumber(data[0]))
			return
		}
		b.WriteByte('[')
		stride := array.Size(shape[1:])
		for i := 0; i < shape[0]; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			rec(shape[1:], data[i*stride:(i+1)*stride])
		}
		b.WriteByte(']')
	}
	rec(a.Shape, a.Data)
	return b.String()
}

// formatNumber writes a number exactly (the shortest text that reads back
// as the same float64), with inf and nan by name.
func formatNumber(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case math.IsNaN(x):
		return "nan"
	case x == math.Trunc(x) && math.Abs(x) < 1e16:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// rational returns p and q with x = p/q exactly, for small q; ok is false
// when x is not such a fraction.
func rational(x float64) (p, q float64, ok bool) {
	for q = 1; q <= 1000; q++ {
		if p = x * q; p == math.Trunc(p) && math.Abs(p) < 1e15 && p/q == x {
			return p, q, true
		}
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
	// Multiples of a named constant are recognised to within rounding.
	near := func(y float64) (float64, float64, bool) {
		for q := 1.0; q <= 1000; q++ {
			if p := math.Round(y * q); p != 0 && math.Abs(p-y*q) <= 1e-13*math.Abs(p) {
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
func formatSum(n *Node) string {
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
		write(formatNumber(n.Val))
	}
	for i, a := range n.Args {
		s, p := formatProduct(n.Coefs[i], []*Node{a})
		write(wrap(s, p, precMul))
	}
	if n.Val != 0 && !constFirst {
		write(formatNumber(n.Val))
	}
	return b.String()
}

// formatProduct writes coef times the factors, putting factors with
// negative constant exponents and the denominator of a fractional
// coefficient below a division bar: -x**2/2, 1/(2*sqrt(x)).
func formatProduct(coef float64, factors []*Node) (string, int) {
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
			num = append(num, formatNumber(p))
		}
		if q != 1 {
			den = append(den, formatNumber(q))
		}
		switch {
		case name != "" && below:
			den = append(den, name)
		case name != "":
			num = append(num, name)
		}
	} else {
		num = append(num, formatNumber(coef))
	}
	for _, f := range factors {
		if f.Op == OpPow {
			if k, ok := f.Args[1].constValue(); ok && k < 0 {
				switch k {
				case -1:
					den = append(den, at(f.Args[0], precPow))
				case -0.5:
					den = append(den, "sqrt("+f.Args[0].String()+")")
				default:
					den = append(den, at(f.Args[0], precAtom)+"**"+at(f.Args[1].negated(), precAtom))
				}
				continue
			}
		}
		if len(factors) == 1 && len(num) == 0 && len(den) == 0 {
			s, p := format(f)
			if sign != "" {
				return "-" + wrap(s, p, precPow), precUnary
			}
			return s, p
		}
		num = append(num, at(f, precMul+1))
	}
	text := strings.Join(num, "*")
	if text == "" {
		text = "1"
	}
	if len(den) > 0 {
		d := strings.Join(den, "*")
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
