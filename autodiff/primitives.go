// Package autodiff is calc's table of primitives: every elementwise
// operation and math function, with its numeric kernel and its help text.
// The interpreter's arithmetic and the math builtins both come from this
// table, so a primitive is defined in exactly one place.
package autodiff

import (
	"math"
	"math/cmplx"

	"calc/stdlib/gemm"
	"calc/stdlib/interval"
	"calc/stdlib/special"
)

// Primitive is one entry of the table: an elementwise operation with its
// numeric kernel and its derivative. Exactly one of Unary and Binary is
// set, according to Arity (Ternary for three arguments).
type Primitive struct {
	Name   string
	Arity  int
	Unary  func(x float64) float64
	Binary func(x, y float64) float64
	// Slice, if set, is Unary over a whole slice at once (vectorised):
	// the tape uses it for arrays, with dst and src the same slice when it
	// follows a matrix product.
	Slice func(dst, src []float64)
	// Complex, if set, is Unary on complex numbers, with numpy's branch
	// cuts (Go's math/cmplx follows C99, as numpy does). The graph stays
	// real: it is for complex values only.
	Complex func(z complex128) complex128
	// Deriv returns dy/dx for a unary primitive, given x and y = p(x) as
	// nodes; nil means the derivative is zero wherever it exists (floor,
	// sign, comparisons).
	Deriv func(g *Graph, x, y *Node) *Node
	// Partials returns ∂out/∂x and ∂out/∂y for a binary primitive.
	Partials func(g *Graph, x, y, out *Node) (*Node, *Node)
	// Ternary is the kernel of a primitive of three arguments, and
	// Partials3 its partial derivatives (nil for an argument it cannot
	// be differentiated by).
	Ternary   func(x, y, z float64) float64
	Partials3 func(g *Graph, x, y, z, out *Node) [3]*Node
	// Piecewise says the derivative is zero wherever it exists (floor,
	// sign, comparisons). A primitive with neither derivative rule nor
	// Piecewise has no derivative here, and differentiating it is an error.
	Piecewise bool
	// Range, for a unary primitive, encloses its values over an interval
	// (package interval's convention: Whole where it may jump or have a
	// pole); nil means no enclosure is known, and a graph using the
	// primitive cannot be bounded.
	Range func(x interval.I) interval.I
	// Range2 is Range for a binary primitive.
	Range2 func(x, y interval.I) interval.I
	// Inverse names the primitive this one undoes: log(exp(x)) is x.
	Inverse string
	Topic   string // help topic, "math" when empty
	Params  string // parameter names for help, "x" or "x, y" when empty
	Doc     string // one line for help
	Example string // a runnable calc expression
}

// The operator primitives. Their names are the operators' own so that the
// interpreter can look them up by the token it parsed.
var operators = []*Primitive{
	{Name: "+", Arity: 2, Binary: func(x, y float64) float64 { return x + y }},
	{Name: "-", Arity: 2, Binary: func(x, y float64) float64 { return x - y }},
	{Name: "*", Arity: 2, Binary: func(x, y float64) float64 { return x * y }},
	{Name: "/", Arity: 2, Binary: func(x, y float64) float64 { return x / y }},
	{Name: "**", Arity: 2, Binary: pow},
	{Name: "neg", Arity: 1, Range: interval.Neg, Unary: func(x float64) float64 { return -x }},
	{Name: "<", Arity: 2, Range2: interval.Compare(func(x, y float64) bool { return x < y }), Piecewise: true, Binary: func(x, y float64) float64 { return b2f(x < y) }},
	{Name: "<=", Arity: 2, Range2: interval.Compare(func(x, y float64) bool { return x <= y }), Piecewise: true, Binary: func(x, y float64) float64 { return b2f(x <= y) }},
	{Name: ">", Arity: 2, Range2: interval.Compare(func(x, y float64) bool { return x > y }), Piecewise: true, Binary: func(x, y float64) float64 { return b2f(x > y) }},
	{Name: ">=", Arity: 2, Range2: interval.Compare(func(x, y float64) bool { return x >= y }), Piecewise: true, Binary: func(x, y float64) float64 { return b2f(x >= y) }},
	{Name: "==", Arity: 2, Range2: interval.Compare(func(x, y float64) bool { return x == y }), Piecewise: true, Binary: func(x, y float64) float64 { return b2f(x == y) }},
	{Name: "!=", Arity: 2, Range2: interval.Compare(func(x, y float64) bool { return x != y }), Piecewise: true, Binary: func(x, y float64) float64 { return b2f(x != y) }},
}

// The math primitives, registered as builtins under their names.
var functions = []*Primitive{
	{Name: "abs", Arity: 1, Range: interval.Abs, Unary: math.Abs, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("sign"), x) }, Doc: "absolute value", Example: "abs(-2.5)"},
	// sqrt builds x**0.5 in the graph (Graph.Apply), so it needs no
	// derivative rule of its own.
	{Name: "sqrt", Arity: 1, Range: interval.Sqrt, Complex: cmplx.Sqrt, Unary: math.Sqrt, Doc: "square root (nan below 0, as numpy; sqrt(-1 + 0j) is 1j)", Example: "sqrt(2)"},
	{Name: "cbrt", Arity: 1, Range: interval.Cbrt, Unary: math.Cbrt, Deriv: func(g *Graph, x, y *Node) *Node { return g.Div(g.Const(1.0/3), g.Pow(y, g.Const(2))) }, Doc: "cube root", Example: "cbrt(-27)"},
	{Name: "exp", Arity: 1, Range: interval.Exp, Complex: cmplx.Exp, Unary: math.Exp, Deriv: func(g *Graph, x, y *Node) *Node { return y }, Inverse: "log", Doc: "e to the power x", Example: "exp(1)"},
	{Name: "expm1", Arity: 1, Range: interval.Expm1, Complex: func(z complex128) complex128 { return cmplx.Exp(z) - 1 }, Unary: math.Expm1, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("exp"), x) }, Doc: "exp(x) - 1, accurate for small x", Example: "expm1(1e-10)"},
	{Name: "log", Arity: 1, Range: interval.Log, Complex: cmplx.Log, Unary: math.Log, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(x, g.Const(-1)) }, Inverse: "exp", Doc: "natural logarithm", Example: "log(e**2)"},
	{Name: "log1p", Arity: 1, Range: interval.Log1p, Complex: func(z complex128) complex128 { return cmplx.Log(1 + z) }, Unary: math.Log1p, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Add(x, g.Const(1)), g.Const(-1)) }, Doc: "log(1 + x), accurate for small x", Example: "log1p(1e-10)"},
	{Name: "log10", Arity: 1, Range: interval.Log10, Complex: cmplx.Log10, Unary: math.Log10, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Mul(g.Const(math.Ln10), x), g.Const(-1)) }, Doc: "base-10 logarithm", Example: "log10(1000)"},
	{Name: "log2", Arity: 1, Range: interval.Log2, Complex: func(z complex128) complex128 { return cmplx.Log(z) / math.Ln2 }, Unary: math.Log2, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Mul(g.Const(math.Ln2), x), g.Const(-1)) }, Doc: "base-2 logarithm", Example: "log2(1024)"},
	{Name: "sin", Arity: 1, Range: interval.Sin, Complex: cmplx.Sin, Unary: math.Sin, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("cos"), x) }, Doc: "sine (radians)", Example: "sin(pi/6)"},
	{Name: "cos", Arity: 1, Range: interval.Cos, Complex: cmplx.Cos, Unary: math.Cos, Deriv: func(g *Graph, x, y *Node) *Node { return g.Neg(g.Apply(Lookup("sin"), x)) }, Doc: "cosine (radians)", Example: "cos(pi)"},
	{Name: "tan", Arity: 1, Range: interval.Tan, Complex: cmplx.Tan, Unary: math.Tan, Deriv: func(g *Graph, x, y *Node) *Node { return g.Add(g.Pow(y, g.Const(2)), g.Const(1)) }, Doc: "tangent (radians)", Example: "tan(pi/4)"},
	{Name: "asin", Arity: 1, Range: interval.Asin, Complex: cmplx.Asin, Unary: math.Asin, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Sub(g.Const(1), g.Pow(x, g.Const(2))), g.Const(-0.5)) }, Doc: "inverse sine", Example: "asin(1)"},
	{Name: "acos", Arity: 1, Range: interval.Acos, Complex: cmplx.Acos, Unary: math.Acos, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Neg(g.Pow(g.Sub(g.Const(1), g.Pow(x, g.Const(2))), g.Const(-0.5)))
	}, Doc: "inverse cosine", Example: "acos(0)"},
	{Name: "atan", Arity: 1, Range: interval.Atan, Complex: cmplx.Atan, Unary: math.Atan, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Add(g.Pow(x, g.Const(2)), g.Const(1)), g.Const(-1)) }, Doc: "inverse tangent", Example: "atan(1)"},
	{Name: "sinh", Arity: 1, Range: interval.Sinh, Complex: cmplx.Sinh, Unary: math.Sinh, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("cosh"), x) }, Doc: "hyperbolic sine", Example: "sinh(1)"},
	{Name: "cosh", Arity: 1, Range: interval.Cosh, Complex: cmplx.Cosh, Unary: math.Cosh, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("sinh"), x) }, Doc: "hyperbolic cosine", Example: "cosh(1)"},
	{Name: "tanh", Arity: 1, Range: interval.Tanh, Complex: cmplx.Tanh, Unary: math.Tanh, Deriv: func(g *Graph, x, y *Node) *Node { return g.Sub(g.Const(1), g.Pow(y, g.Const(2))) }, Doc: "hyperbolic tangent", Example: "tanh(0.5)"},
	{Name: "asinh", Arity: 1, Range: interval.Asinh, Complex: cmplx.Asinh, Unary: math.Asinh, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Add(g.Pow(x, g.Const(2)), g.Const(1)), g.Const(-0.5)) }, Doc: "inverse hyperbolic sine", Example: "asinh(1)"},
	{Name: "acosh", Arity: 1, Range: interval.Acosh, Complex: cmplx.Acosh, Unary: math.Acosh, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Sub(g.Pow(x, g.Const(2)), g.Const(1)), g.Const(-0.5)) }, Doc: "inverse hyperbolic cosine", Example: "acosh(2)"},
	{Name: "atanh", Arity: 1, Range: interval.Atanh, Complex: cmplx.Atanh, Unary: math.Atanh, Deriv: func(g *Graph, x, y *Node) *Node { return g.Pow(g.Sub(g.Const(1), g.Pow(x, g.Const(2))), g.Const(-1)) }, Doc: "inverse hyperbolic tangent", Example: "atanh(0.5)"},
	{Name: "floor", Arity: 1, Piecewise: true, Range: interval.Step(math.Floor), Unary: math.Floor, Doc: "largest integer not above x", Example: "floor(-2.5)"},
	{Name: "ceil", Arity: 1, Piecewise: true, Range: interval.Step(math.Ceil), Unary: math.Ceil, Doc: "smallest integer not below x", Example: "ceil(2.1)"},
	{Name: "round", Arity: 1, Piecewise: true, Range: interval.Step(math.RoundToEven), Unary: math.RoundToEven, Doc: "nearest integer, halves to even (like numpy)", Example: "round([0.5, 1.5, 2.7])"},
	{Name: "trunc", Arity: 1, Piecewise: true, Range: interval.Step(math.Trunc), Unary: math.Trunc, Doc: "integer part, towards zero", Example: "trunc(-2.7)"},
	{Name: "sign", Arity: 1, Piecewise: true, Range: interval.Step(sign), Unary: sign, Doc: "-1, 0 or 1 by the sign of x", Example: "sign([-3, 0, 2])"},
	{Name: "atan2", Arity: 2, Params: "y, x", Binary: math.Atan2, Partials: func(g *Graph, y, x, out *Node) (*Node, *Node) {
		r2 := g.Add(g.Pow(x, g.Const(2)), g.Pow(y, g.Const(2)))
		return g.Div(x, r2), g.Neg(g.Div(y, r2))
	}, Doc: "angle of the point (x, y), from atan2(y, x)", Example: "atan2(1, -1)"},
	{Name: "hypot", Arity: 2, Range2: interval.Hypot, Binary: math.Hypot, Partials: func(g *Graph, x, y, out *Node) (*Node, *Node) { return g.Div(x, out), g.Div(y, out) }, Doc: "sqrt(x**2 + y**2) without overflow", Example: "hypot(3, 4)"},
	{Name: "min", Arity: 2, Range2: interval.Min, Binary: math.Min, Partials: func(g *Graph, x, y, out *Node) (*Node, *Node) {
		pick := g.Apply(Lookup("<="), x, y)
		return pick, g.Sub(g.Const(1), pick)
	}, Doc: "the smaller of x and y, elementwise", Example: "min(2, 3)"},
	{Name: "max", Arity: 2, Range2: interval.Max, Binary: math.Max, Partials: func(g *Graph, x, y, out *Node) (*Node, *Node) {
		pick := g.Apply(Lookup(">="), x, y)
		return pick, g.Sub(g.Const(1), pick)
	}, Doc: "the larger of x and y, elementwise", Example: "max(2, 3)"},
	{Name: "sigmoid", Arity: 1, Range: interval.Monotone(sigmoid, true, math.Inf(-1), math.Inf(1), 0, 1), Topic: "nn", Unary: sigmoid, Slice: gemm.Sigmoid, Deriv: func(g *Graph, x, y *Node) *Node { return g.Mul(y, g.Sub(g.Const(1), y)) },
		Doc: "the logistic function 1/(1 + exp(-x))", Example: "sigmoid([-2, 0, 2])"},
	{Name: "relu", Arity: 1, Range: interval.Relu, Topic: "nn", Unary: func(x float64) float64 { return math.Max(x, 0) },
		Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup(">"), x, g.Const(0)) },
		Doc:   "the rectifier max(x, 0)", Example: "relu([-2, 0, 3])"},
	{Name: "softplus", Arity: 1, Range: interval.Monotone(softplus, true, math.Inf(-1), math.Inf(1), 0, math.Inf(1)), Topic: "nn", Unary: softplus, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("sigmoid"), x) },
		Doc: "log(1 + exp(x)), computed without overflow", Example: "softplus([-30, 0, 30])"},
	{Name: "gamma", Arity: 1, Topic: "special", Unary: special.Gamma, Deriv: func(g *Graph, x, y *Node) *Node { return g.Mul(y, g.Apply(Lookup("digamma"), x)) },
		Doc: "the gamma function Γ(x), with Γ(n) = (n-1)! for whole n", Example: "gamma([5, 0.5])"},
	{Name: "gammaln", Arity: 1, Topic: "special", Unary: special.Gammaln, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("digamma"), x) },
		Doc: "log|Γ(x)|, without overflow for large x", Example: "gammaln(100)"},
	{Name: "digamma", Arity: 1, Topic: "special", Unary: special.Digamma, Deriv: func(g *Graph, x, y *Node) *Node { return g.Apply(Lookup("polygamma"), g.Const(1), x) },
		Doc: "ψ(x) = Γ'(x)/Γ(x)", Example: "digamma(1)"},
	{Name: "polygamma", Arity: 2, Params: "n, x", Topic: "special", Binary: special.Polygamma, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Apply(Lookup("polygamma"), g.Add(n, g.Const(1)), x)
	}, Doc: "the n-th derivative of digamma, ψ⁽ⁿ⁾(x), for whole n >= 0 (scipy.special.polygamma)", Example: "polygamma(1, 1) - pi**2/6"},
	{Name: "erf", Arity: 1, Range: interval.Monotone(special.Erf, true, math.Inf(-1), math.Inf(1), -1, 1), Topic: "special", Unary: special.Erf, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Mul(g.Const(2/math.SqrtPi), g.Apply(Lookup("exp"), g.Neg(g.Pow(x, g.Const(2)))))
	}, Doc: "the error function 2/sqrt(pi) ∫₀ˣ exp(-t²) dt", Example: "erf(1)"},
	{Name: "erfc", Arity: 1, Range: interval.Monotone(special.Erfc, false, math.Inf(-1), math.Inf(1), 0, 2), Topic: "special", Unary: special.Erfc, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Mul(g.Const(-2/math.SqrtPi), g.Apply(Lookup("exp"), g.Neg(g.Pow(x, g.Const(2)))))
	}, Doc: "1 - erf(x), accurate for large x", Example: "erfc(3)"},
	{Name: "erfinv", Arity: 1, Range: interval.Monotone(special.Erfinv, true, -1, 1, math.Inf(-1), math.Inf(1)), Topic: "special", Unary: special.Erfinv, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Mul(g.Const(math.SqrtPi/2), g.Apply(Lookup("exp"), g.Pow(y, g.Const(2))))
	}, Doc: "the inverse of erf on (-1, 1)", Example: "erfinv(0.5)"},
	{Name: "logit", Arity: 1, Range: interval.Monotone(special.Logit, true, 0, 1, math.Inf(-1), math.Inf(1)), Topic: "special", Unary: special.Logit, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Pow(g.Mul(x, g.Sub(g.Const(1), x)), g.Const(-1))
	}, Inverse: "sigmoid", Doc: "log(p/(1 - p)), the inverse of expit (sigmoid)", Example: "logit(0.75)"},
	{Name: "j0", Arity: 1, Topic: "special", Unary: special.J0, Deriv: func(g *Graph, x, y *Node) *Node { return g.Neg(g.Apply(Lookup("j1"), x)) },
		Doc: "the Bessel function of the first kind of order 0", Example: "j0(2.404825557695773)"},
	{Name: "j1", Arity: 1, Topic: "special", Unary: special.J1, Deriv: func(g *Graph, x, y *Node) *Node { return g.Sub(g.Apply(Lookup("j0"), x), g.Div(y, x)) },
		Doc: "the Bessel function of the first kind of order 1", Example: "j1(1)"},
	{Name: "y0", Arity: 1, Topic: "special", Unary: special.Y0, Deriv: func(g *Graph, x, y *Node) *Node { return g.Neg(g.Apply(Lookup("y1"), x)) },
		Doc: "the Bessel function of the second kind of order 0", Example: "y0(1)"},
	{Name: "y1", Arity: 1, Topic: "special", Unary: special.Y1, Deriv: func(g *Graph, x, y *Node) *Node { return g.Sub(g.Apply(Lookup("y0"), x), g.Div(y, x)) },
		Doc: "the Bessel function of the second kind of order 1", Example: "y1(1)"},
	{Name: "jn", Arity: 2, Params: "n, x", Topic: "special", Binary: jn, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Const(0.5), g.Sub(g.Apply(Lookup("jn"), g.Sub(n, g.Const(1)), x), g.Apply(Lookup("jn"), g.Add(n, g.Const(1)), x)))
	}, Doc: "the Bessel function of the first kind J_n(x), also for a non-whole n (then jv(n, x), as in scipy)", Example: "jn(2, 1.5)"},
	{Name: "yn", Arity: 2, Params: "n, x", Topic: "special", Binary: func(n, x float64) float64 { return wholeOrder(special.Yn, n, x) }, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Const(0.5), g.Sub(g.Apply(Lookup("yn"), g.Sub(n, g.Const(1)), x), g.Apply(Lookup("yn"), g.Add(n, g.Const(1)), x)))
	}, Doc: "the Bessel function of the second kind of whole order n", Example: "yn(2, 1.5)"},
	{Name: "iv", Arity: 2, Params: "v, x", Topic: "special", Binary: special.Iv, Partials: func(g *Graph, v, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Const(0.5), g.Add(g.Apply(Lookup("iv"), g.Sub(v, g.Const(1)), x), g.Apply(Lookup("iv"), g.Add(v, g.Const(1)), x)))
	}, Doc: "the modified Bessel function of the first kind of real order v", Example: "iv(0.5, 1)"},
	{Name: "kv", Arity: 2, Params: "v, x", Topic: "special", Binary: special.Kv, Partials: func(g *Graph, v, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Const(-0.5), g.Add(g.Apply(Lookup("kv"), g.Sub(v, g.Const(1)), x), g.Apply(Lookup("kv"), g.Add(v, g.Const(1)), x)))
	}, Doc: "the modified Bessel function of the second kind, of real order v", Example: "kv(0.5, 1)"},
	{Name: "beta", Arity: 2, Params: "a, b", Topic: "special", Binary: special.Beta, Partials: func(g *Graph, a, b, out *Node) (*Node, *Node) {
		psi := func(n *Node) *Node { return g.Apply(Lookup("digamma"), n) }
		sum := psi(g.Add(a, b))
		return g.Mul(out, g.Sub(psi(a), sum)), g.Mul(out, g.Sub(psi(b), sum))
	}, Doc: "the beta function B(a, b) = Γ(a)Γ(b)/Γ(a + b)", Example: "beta(2, 3)"},
	{Name: "jv", Arity: 2, Params: "v, x", Topic: "special", Binary: special.Jv, Partials: func(g *Graph, v, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Const(0.5), g.Sub(g.Apply(Lookup("jv"), g.Sub(v, g.Const(1)), x), g.Apply(Lookup("jv"), g.Add(v, g.Const(1)), x)))
	}, Doc: "the Bessel function of the first kind J_v(x), of real order v (negative x only for whole v)", Example: "jv(2.5, 1)"},
	{Name: "yv", Arity: 2, Params: "v, x", Topic: "special", Binary: special.Yv, Partials: func(g *Graph, v, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Const(0.5), g.Sub(g.Apply(Lookup("yv"), g.Sub(v, g.Const(1)), x), g.Apply(Lookup("yv"), g.Add(v, g.Const(1)), x)))
	}, Doc: "the Bessel function of the second kind Y_v(x) of real order v, for x >= 0", Example: "yv(0.5, 2)"},
	{Name: "ive", Arity: 2, Params: "v, x", Topic: "special", Binary: special.Ive, Partials: func(g *Graph, v, x, out *Node) (*Node, *Node) {
		sum := g.Add(g.Apply(Lookup("ive"), g.Sub(v, g.Const(1)), x), g.Apply(Lookup("ive"), g.Add(v, g.Const(1)), x))
		return nil, g.Sub(g.Mul(g.Const(0.5), sum), g.Mul(g.Apply(Lookup("sign"), x), out))
	}, Doc: "the modified Bessel function iv scaled by exp(-|x|), finite where iv overflows", Example: "ive(1, 1000)"},
	{Name: "kve", Arity: 2, Params: "v, x", Topic: "special", Binary: special.Kve, Partials: func(g *Graph, v, x, out *Node) (*Node, *Node) {
		sum := g.Add(g.Apply(Lookup("kve"), g.Sub(v, g.Const(1)), x), g.Apply(Lookup("kve"), g.Add(v, g.Const(1)), x))
		return nil, g.Add(g.Mul(g.Const(-0.5), sum), out)
	}, Doc: "the modified Bessel function kv scaled by exp(x), nonzero where kv underflows", Example: "kve(1, 1000)"},
	{Name: "spherical_jn", Arity: 2, Params: "n, x", Topic: "special", Binary: special.SphericalJn, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Sub(g.Mul(g.Div(n, x), out), g.Apply(Lookup("spherical_jn"), g.Add(n, g.Const(1)), x))
	}, Doc: "the spherical Bessel function of the first kind, defined as j_n(x) = sqrt(pi/(2x))·J_(n+1/2)(x) for whole n >= 0", Example: "spherical_jn(1, 2)"},
	{Name: "spherical_yn", Arity: 2, Params: "n, x", Topic: "special", Binary: special.SphericalYn, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Sub(g.Mul(g.Div(n, x), out), g.Apply(Lookup("spherical_yn"), g.Add(n, g.Const(1)), x))
	}, Doc: "the spherical Bessel function of the second kind, defined as y_n(x) = sqrt(pi/(2x))·Y_(n+1/2)(x) for whole n >= 0", Example: "spherical_yn(1, 2)"},
	{Name: "betainc", Arity: 3, Params: "a, b, x", Topic: "special", Ternary: special.Betainc, Partials3: func(g *Graph, a, b, x, out *Node) [3]*Node {
		// The beta density x^(a−1)(1−x)^(b−1)/B(a, b); a and b have no
		// closed form.
		one := g.Const(1)
		density := g.Div(g.Mul(g.Pow(x, g.Sub(a, one)), g.Pow(g.Sub(one, x), g.Sub(b, one))), g.Apply(Lookup("beta"), a, b))
		return [3]*Node{nil, nil, density}
	}, Doc: "the regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1 (differentiable in x)", Example: "betainc(2, 3, 0.4)"},
	{Name: "gammainc", Arity: 2, Params: "a, x", Topic: "special", Binary: special.Gammainc, Partials: func(g *Graph, a, x, out *Node) (*Node, *Node) {
		return nil, gammaDensity(g, a, x)
	}, Doc: "the regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), a > 0, x >= 0", Example: "gammainc(2, 1)"},
	{Name: "gammaincc", Arity: 2, Params: "a, x", Topic: "special", Binary: special.Gammaincc, Partials: func(g *Graph, a, x, out *Node) (*Node, *Node) {
		return nil, g.Neg(gammaDensity(g, a, x))
	}, Doc: "the regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), accurate where it is small", Example: "gammaincc(2, 30)"},
	{Name: "gammaincinv", Arity: 2, Params: "a, y", Topic: "special", Binary: special.Gammaincinv, Partials: func(g *Graph, a, y, out *Node) (*Node, *Node) {
		return nil, g.Pow(gammaDensity(g, a, out), g.Const(-1))
	}, Doc: "the x with gammainc(a, x) = y", Example: "gammaincinv(2, 0.5)"},
	{Name: "erfcx", Arity: 1, Topic: "special", Unary: special.Erfcx, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Sub(g.Mul(g.Mul(g.Const(2), x), y), g.Const(2/math.SqrtPi))
	}, Doc: "the scaled complementary error function exp(x²)·erfc(x), without erfc's underflow", Example: "erfcx(30)"},
	{Name: "erfcinv", Arity: 1, Topic: "special", Unary: special.Erfcinv, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Mul(g.Const(-math.SqrtPi/2), g.Apply(Lookup("exp"), g.Pow(y, g.Const(2))))
	}, Doc: "the inverse of erfc on (0, 2), accurate for tiny arguments", Example: "erfcinv(1e-20)"},
	{Name: "ellipk", Arity: 1, Params: "m", Topic: "special", Unary: special.Ellipk, Deriv: func(g *Graph, m, y *Node) *Node {
		// (E - (1-m)K)/(2m(1-m)), NaN at m = 0 where the limit is pi/8.
		oneMinus := g.Sub(g.Const(1), m)
		return g.Div(g.Sub(g.Apply(Lookup("ellipe"), m), g.Mul(oneMinus, y)), g.Mul(g.Mul(g.Const(2), m), oneMinus))
	}, Doc: "the complete elliptic integral of the first kind K(m), parameter m = k² <= 1", Example: "ellipk(0.5)"},
	{Name: "ellipe", Arity: 1, Params: "m", Topic: "special", Unary: special.Ellipe, Deriv: func(g *Graph, m, y *Node) *Node {
		// (E - K)/(2m), NaN at m = 0 where the limit is -pi/8.
		return g.Div(g.Sub(y, g.Apply(Lookup("ellipk"), m)), g.Mul(g.Const(2), m))
	}, Doc: "the complete elliptic integral of the second kind E(m), parameter m = k² <= 1", Example: "ellipe(0.5)"},
	{Name: "ellipkinc", Arity: 2, Params: "phi, m", Topic: "special", Binary: special.Ellipkinc, Partials: func(g *Graph, phi, m, out *Node) (*Node, *Node) {
		// ∂F/∂m = E/(2m(1−m)) − F/(2m) − sin(2φ)/(4(1−m)·√Δ) (DLMF 19.4.2
		// with m = k²), NaN at m = 0 where the limit is finite.
		delta := ellipDelta(g, phi, m)
		oneMinus := g.Sub(g.Const(1), m)
		e := g.Div(g.Apply(Lookup("ellipeinc"), phi, m), g.Mul(g.Const(2), m, oneMinus))
		f := g.Div(out, g.Mul(g.Const(2), m))
		s := g.Div(g.Apply(Lookup("sin"), g.Mul(g.Const(2), phi)), g.Mul(g.Const(4), oneMinus, g.Pow(delta, g.Const(0.5))))
		return g.Pow(delta, g.Const(-0.5)), g.Sub(g.Sub(e, f), s)
	}, Doc: "the incomplete elliptic integral of the first kind F(phi | m)", Example: "ellipkinc(pi/4, 0.5)"},
	{Name: "ellipeinc", Arity: 2, Params: "phi, m", Topic: "special", Binary: special.Ellipeinc, Partials: func(g *Graph, phi, m, out *Node) (*Node, *Node) {
		// ∂E/∂m = (E − F)/(2m) (DLMF 19.4.4 with m = k²), NaN at m = 0.
		dm := g.Div(g.Sub(out, g.Apply(Lookup("ellipkinc"), phi, m)), g.Mul(g.Const(2), m))
		return g.Pow(ellipDelta(g, phi, m), g.Const(0.5)), dm
	}, Doc: "the incomplete elliptic integral of the second kind E(phi | m)", Example: "ellipeinc(pi/4, 0.5)"},
	{Name: "expn", Arity: 2, Params: "n, x", Topic: "special", Binary: special.Expn, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Neg(g.Apply(Lookup("expn"), g.Sub(n, g.Const(1)), x))
	}, Doc: "the generalized exponential integral E_n(x), whole n >= 0, x >= 0 (differentiable in x for n >= 1)", Example: "expn(2, 1)"},
	{Name: "exp1", Arity: 1, Topic: "special", Unary: special.Exp1, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Neg(g.Div(g.Apply(Lookup("exp"), g.Neg(x)), x))
	}, Doc: "the exponential integral E1(x) for x >= 0", Example: "exp1(1)"},
	{Name: "expi", Arity: 1, Topic: "special", Unary: special.Expi, Deriv: func(g *Graph, x, y *Node) *Node {
		return g.Div(g.Apply(Lookup("exp"), x), x)
	}, Doc: "the exponential integral Ei(x)", Example: "expi(1)"},
	{Name: "eval_legendre", Arity: 2, Params: "n, x", Topic: "special", Binary: special.EvalLegendre, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		// n(x·P_n - P_(n-1))/(x² - 1), NaN at x = ±1.
		prev := g.Apply(Lookup("eval_legendre"), g.Sub(n, g.Const(1)), x)
		return nil, g.Div(g.Mul(n, g.Sub(g.Mul(x, out), prev)), g.Sub(g.Pow(x, g.Const(2)), g.Const(1)))
	}, Doc: "the Legendre polynomial P_n(x) of whole degree n", Example: "eval_legendre(3, 0.5)"},
	{Name: "eval_chebyt", Arity: 2, Params: "n, x", Topic: "special", Binary: special.EvalChebyt, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		// n(T_(n-1) - x·T_n)/(1 - x²), NaN at x = ±1.
		prev := g.Apply(Lookup("eval_chebyt"), g.Sub(n, g.Const(1)), x)
		return nil, g.Div(g.Mul(n, g.Sub(prev, g.Mul(x, out))), g.Sub(g.Const(1), g.Pow(x, g.Const(2))))
	}, Doc: "the Chebyshev polynomial of the first kind T_n(x), of whole degree n", Example: "eval_chebyt(3, 0.5)"},
	{Name: "eval_hermite", Arity: 2, Params: "n, x", Topic: "special", Binary: special.EvalHermite, Partials: func(g *Graph, n, x, out *Node) (*Node, *Node) {
		return nil, g.Mul(g.Mul(g.Const(2), n), g.Apply(Lookup("eval_hermite"), g.Sub(n, g.Const(1)), x))
	}, Doc: "the (physicists') Hermite polynomial H_n(x), of whole degree n >= 0", Example: "eval_hermite(3, 0.5)"},
	{Name: "binom", Arity: 2, Params: "n, k", Topic: "special", Binary: special.Binom, Partials: func(g *Graph, n, k, out *Node) (*Node, *Node) {
		psi := func(z *Node) *Node { return g.Apply(Lookup("digamma"), g.Add(z, g.Const(1))) }
		nk := g.Sub(n, k)
		return g.Mul(out, g.Sub(psi(n), psi(nk))), g.Mul(out, g.Sub(psi(nk), psi(k)))
	}, Doc: "the binomial coefficient C(n, k) for real n and k", Example: "binom(5.5, 2)"},
	{Name: "poch", Arity: 2, Params: "z, m", Topic: "special", Binary: special.Poch, Partials: func(g *Graph, z, m, out *Node) (*Node, *Node) {
		psi := func(v *Node) *Node { return g.Apply(Lookup("digamma"), v) }
		zm := g.Add(z, m)
		return g.Mul(out, g.Sub(psi(zm), psi(z))), g.Mul(out, psi(zm))
	}, Doc: "the rising factorial (Pochhammer symbol) Γ(z + m)/Γ(z)", Example: "poch(3, 2)"},
	{Name: "sinc", Arity: 1, Topic: "special", Unary: special.Sinc, Deriv: func(g *Graph, x, y *Node) *Node {
		// (cos(pi x) - sinc(x))/x, NaN at x = 0 where the limit is 0.
		return g.Div(g.Sub(g.Apply(Lookup("cos"), g.Mul(g.Const(math.Pi), x)), y), x)
	}, Doc: "the normalized sinc function sin(pi x)/(pi x), 1 at 0 (numpy.sinc)", Example: "sinc([0, 0.5, 1])"},
	{Name: "mod", Arity: 2, Binary: mod, Partials: func(g *Graph, x, y, out *Node) (*Node, *Node) {
		return g.Const(1), g.Neg(g.Apply(Lookup("floor"), g.Div(x, y)))
	}, Doc: "remainder with the sign of the divisor, like Python's %", Example: "mod(-7, 3)"},
	{Name: "floordiv", Arity: 2, Piecewise: true, Binary: floordiv, Doc: "x/y rounded down, like Python's //", Example: "floordiv(-7, 2)"},
}

// byName indexes the table. It is filled by init rather than by its
// initializer because the derivative rules in the table look names up.
var byName = map[string]*Primitive{}

func init() {
	for _, p := range append(append([]*Primitive(nil), operators...), functions...) {
		byName[p.Name] = p
	}
	byName["%"] = byName["mod"] // the operator is the function, derivative and all
	for alias, name := range aliases {
		byName[alias] = byName[name]
	}
	byName["//"] = byName["floordiv"]
}

// Lookup returns the primitive with the given name (an operator token such
// as "+" or "**", "neg" for negation, or a function name), or nil.
func Lookup(name string) *Primitive { return byName[name] }

// Functions returns the math primitives that are called by name, in the
// order of the table.
func Functions() []*Primitive { return functions }

// aliases are other names of primitives, such as scipy.special's expit
// for sigmoid: one primitive, callable by both names.
var aliases = map[string]string{"expit": "sigmoid"}

// Aliases returns the other names of primitives, each with the name of
// the primitive it stands for.
func Aliases() map[string]string { return aliases }

// pow is x**y with a fast path for the small integer powers formulas use.
func pow(x, y float64) float64 {
	switch y {
	case 2:
		return x * x
	case 1:
		return x
	case 3:
		return x * x * x
	}
	return math.Pow(x, y)
}

// mod is Python's %: the result has the sign of the divisor.
func mod(x, y float64) float64 {
	r := math.Mod(x, y)
	if r != 0 && (r < 0) != (y < 0) {
		r += y
	}
	return r
}

// floordiv is Python's float floor division, computed as CPython's
// float_floor_div (Objects/floatobject.c) does: from the remainder, so
// that x == (x // y)*y + x % y holds as closely as rounding allows and
// 1 // 0.1 is 9, not the 10 that floor(1/0.1) gives.
func floordiv(x, y float64) float64 {
	m := math.Mod(x, y)
	if y == 0 {
		return x / y
	}
	div := (x - m) / y
	if m != 0 && (y < 0) != (m < 0) {
		div--
	}
	if div == 0 {
		return math.Copysign(0, x/y)
	}
	f := math.Floor(div)
	if div-f > 0.5 {
		f++
	}
	return f
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x // 0, -0 and NaN keep themselves, like numpy
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// sigmoid is the logistic function 1/(1 + exp(-x)), scipy's expit, which
// special.Expit evaluates so that neither branch overflows.
var sigmoid = special.Expit

// softplus is log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)).
func softplus(x float64) float64 {
	return math.Max(x, 0) + math.Log1p(math.Exp(-math.Abs(x)))
}

// gammaDensity returns ∂P(a, x)/∂x = x^(a-1)·e^(-x)/Γ(a) as a node.
func gammaDensity(g *Graph, a, x *Node) *Node {
	e := g.Sub(g.Sub(g.Mul(g.Sub(a, g.Const(1)), g.Apply(Lookup("log"), x)), x), g.Apply(Lookup("gammaln"), a))
	return g.Apply(Lookup("exp"), e)
}

// ellipDelta returns 1 - m·sin²φ, the integrand's radicand.
func ellipDelta(g *Graph, phi, m *Node) *Node {
	return g.Sub(g.Const(1), g.Mul(m, g.Pow(g.Apply(Lookup("sin"), phi), g.Const(2))))
}

// wholeOrder evaluates a Bessel function of whole order n; another order
// gives NaN, as in scipy.
// jn is the Bessel function of the first kind: by its whole-order
// recurrence for whole n (which answers at once where a huge order makes
// it underflow), by jv otherwise, as scipy's jn does.
func jn(n, x float64) float64 {
	if n == math.Trunc(n) && math.Abs(n) <= 1<<31 {
		return special.Jn(int(n), x)
	}
	return special.Jv(n, x)
}

func wholeOrder(f func(int, float64) float64, n, x float64) float64 {
	if n != math.Trunc(n) || math.Abs(n) > 1<<31 {
		return math.NaN()
	}
	return f(int(n), x)
}
