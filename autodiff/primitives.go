// Package autodiff is calc's table of primitives: every elementwise
// operation and math function, with its numeric kernel and its help text.
// The interpreter's arithmetic and the math builtins both come from this
// table, so a primitive is defined in exactly one place.
package autodiff

import "math"

// Primitive is one entry of the table. Exactly one of Unary and Binary is
// set, according to Arity.
type Primitive struct {
	Name    string
	Arity   int
	Unary   func(x float64) float64
	Binary  func(x, y float64) float64
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
	{Name: "%", Arity: 2, Binary: mod},
	{Name: "neg", Arity: 1, Unary: func(x float64) float64 { return -x }},
	{Name: "<", Arity: 2, Binary: func(x, y float64) float64 { return b2f(x < y) }},
	{Name: "<=", Arity: 2, Binary: func(x, y float64) float64 { return b2f(x <= y) }},
	{Name: ">", Arity: 2, Binary: func(x, y float64) float64 { return b2f(x > y) }},
	{Name: ">=", Arity: 2, Binary: func(x, y float64) float64 { return b2f(x >= y) }},
	{Name: "==", Arity: 2, Binary: func(x, y float64) float64 { return b2f(x == y) }},
	{Name: "!=", Arity: 2, Binary: func(x, y float64) float64 { return b2f(x != y) }},
}

// The math primitives, registered as builtins under their names.
var functions = []*Primitive{
	{Name: "abs", Arity: 1, Unary: math.Abs, Doc: "absolute value", Example: "abs(-2.5)"},
	{Name: "sqrt", Arity: 1, Unary: math.Sqrt, Doc: "square root (nan below 0)", Example: "sqrt(2)"},
	{Name: "cbrt", Arity: 1, Unary: math.Cbrt, Doc: "cube root", Example: "cbrt(-27)"},
	{Name: "exp", Arity: 1, Unary: math.Exp, Doc: "e to the power x", Example: "exp(1)"},
	{Name: "expm1", Arity: 1, Unary: math.Expm1, Doc: "exp(x) - 1, accurate for small x", Example: "expm1(1e-10)"},
	{Name: "log", Arity: 1, Unary: math.Log, Doc: "natural logarithm", Example: "log(e**2)"},
	{Name: "log1p", Arity: 1, Unary: math.Log1p, Doc: "log(1 + x), accurate for small x", Example: "log1p(1e-10)"},
	{Name: "log10", Arity: 1, Unary: math.Log10, Doc: "base-10 logarithm", Example: "log10(1000)"},
	{Name: "log2", Arity: 1, Unary: math.Log2, Doc: "base-2 logarithm", Example: "log2(1024)"},
	{Name: "sin", Arity: 1, Unary: math.Sin, Doc: "sine (radians)", Example: "sin(pi/6)"},
	{Name: "cos", Arity: 1, Unary: math.Cos, Doc: "cosine (radians)", Example: "cos(pi)"},
	{Name: "tan", Arity: 1, Unary: math.Tan, Doc: "tangent (radians)", Example: "tan(pi/4)"},
	{Name: "asin", Arity: 1, Unary: math.Asin, Doc: "inverse sine", Example: "asin(1)"},
	{Name: "acos", Arity: 1, Unary: math.Acos, Doc: "inverse cosine", Example: "acos(0)"},
	{Name: "atan", Arity: 1, Unary: math.Atan, Doc: "inverse tangent", Example: "atan(1)"},
	{Name: "sinh", Arity: 1, Unary: math.Sinh, Doc: "hyperbolic sine", Example: "sinh(1)"},
	{Name: "cosh", Arity: 1, Unary: math.Cosh, Doc: "hyperbolic cosine", Example: "cosh(1)"},
	{Name: "tanh", Arity: 1, Unary: math.Tanh, Doc: "hyperbolic tangent", Example: "tanh(0.5)"},
	{Name: "asinh", Arity: 1, Unary: math.Asinh, Doc: "inverse hyperbolic sine", Example: "asinh(1)"},
	{Name: "acosh", Arity: 1, Unary: math.Acosh, Doc: "inverse hyperbolic cosine", Example: "acosh(2)"},
	{Name: "atanh", Arity: 1, Unary: math.Atanh, Doc: "inverse hyperbolic tangent", Example: "atanh(0.5)"},
	{Name: "floor", Arity: 1, Unary: math.Floor, Doc: "largest integer not above x", Example: "floor(-2.5)"},
	{Name: "ceil", Arity: 1, Unary: math.Ceil, Doc: "smallest integer not below x", Example: "ceil(2.1)"},
	{Name: "round", Arity: 1, Unary: math.RoundToEven, Doc: "nearest integer, halves to even (like numpy)", Example: "round([0.5, 1.5, 2.7])"},
	{Name: "trunc", Arity: 1, Unary: math.Trunc, Doc: "integer part, towards zero", Example: "trunc(-2.7)"},
	{Name: "sign", Arity: 1, Unary: sign, Doc: "-1, 0 or 1 by the sign of x", Example: "sign([-3, 0, 2])"},
	{Name: "atan2", Arity: 2, Binary: math.Atan2, Doc: "angle of the point (x, y), from atan2(y, x)", Example: "atan2(1, -1)"},
	{Name: "hypot", Arity: 2, Binary: math.Hypot, Doc: "sqrt(x**2 + y**2) without overflow", Example: "hypot(3, 4)"},
	{Name: "mod", Arity: 2, Binary: mod, Doc: "remainder with the sign of the divisor, like Python's %", Example: "mod(-7, 3)"},
}

var byName = func() map[string]*Primitive {
	m := make(map[string]*Primitive, len(operators)+len(functions))
	for _, p := range append(append([]*Primitive(nil), operators...), functions...) {
		m[p.Name] = p
	}
	return m
}()

// Lookup returns the primitive with the given name (an operator token such
// as "+" or "**", "neg" for negation, or a function name), or nil.
func Lookup(name string) *Primitive { return byName[name] }

// Functions returns the math primitives that are called by name, in the
// order of the table.
func Functions() []*Primitive { return functions }

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
