package autodiff

import (
	"math"
	"testing"
)

func TestLatex(t *testing.T) {
	g := NewGraph()
	x, y := g.Var("x", nil), g.Var("y", nil)
	apply := func(name string, args ...*Node) *Node { return g.Apply(Lookup(name), args...) }
	for _, tc := range []struct {
		n    *Node
		want string
	}{
		// The example: d/dx x**2*sin(x).
		{g.Derivative(g.Mul(g.Pow(x, g.Const(2)), apply("sin", x)), x), `2 x \sin\left(x\right) + x^{2} \cos\left(x\right)`},
		{g.Pow(x, g.Const(1.0/3)), `x^{\frac{1}{3}}`},
		{g.Div(g.Const(1), g.Mul(g.Const(2), apply("sqrt", y))), `\frac{1}{2 \sqrt{y}}`},
		{g.Div(g.Mul(g.Const(3), g.Var("alpha_max", nil)), g.Var("x1", nil)), `\frac{3 \alpha_{\mathrm{max}}}{x_{1}}`},
		{g.Derivative(apply("log10", x), x), `\frac{1}{\log(10) x}`},
		{g.Mul(g.Const(1.5e-7), x), `1.5 \times 10^{-7} x`},
		{g.Add(apply("abs", y), apply("atan2", y, x)), `\left|y\right| + \operatorname{atan2}\left(y, x\right)`},
		{g.Select(apply("<=", x, g.Const(0)), g.Neg(x), x), `\begin{cases} -x & \text{if } x \le 0 \\ x & \text{otherwise} \end{cases}`},
		{g.Neg(g.Div(g.Pow(g.Add(x, g.Const(1)), g.Const(2)), g.Const(3))), `-\frac{\left(x + 1\right)^{2}}{3}`},
		{g.Mul(g.Const(2), g.Const(3)), `6`},
		{g.Mul(g.Const(2), g.Const(3.5)), `7`},
		{g.Mul(g.Const(math.Pi), x), `\pi x`},
	} {
		if got := Latex(tc.n, 10); got != tc.want {
			t.Errorf("Latex(%s):\n got %s\nwant %s", tc.n, got, tc.want)
		}
	}
}
