package autodiff

import (
	"math"
	"math/rand/v2"
	"testing"

	"calc/stdlib/interval"
)

// TestBoundsEnclose checks on formulas of one variable that the
// enclosures of f and f′ over random intervals hold every sampled value
// the tape computes, and that a bounded enclosure is never given across a
// pole or a jump.
func TestBoundsEnclose(t *testing.T) {
	g := NewGraph()
	x := g.Var("x", nil)
	ap := func(name string, args ...*Node) *Node { return g.Apply(Lookup(name), args...) }
	c := g.Const
	formulas := map[string]*Node{
		"sin(1/x)":                 ap("sin", g.Div(c(1), x)),
		"x*exp(-x)":                g.Mul(x, ap("exp", g.Neg(x))),
		"(x-0.5)*(x-0.5001)":       g.Mul(g.Sub(x, c(0.5)), g.Sub(x, c(0.5001))),
		"sqrt(x) + log(x)":         g.Add(ap("sqrt", x), ap("log", x)),
		"where(x > 0, x, -2x)":     g.Select(ap(">", x, c(0)), x, g.Mul(c(-2), x)),
		"tan(x) - x**3":            g.Sub(ap("tan", x), g.Pow(x, c(3))),
		"floor(x) - 0.5":           g.Sub(ap("floor", x), c(0.5)),
		"x**x":                     g.Pow(x, x),
		"atan(x)*cosh(x)/(1+x**2)": g.Div(g.Mul(ap("atan", x), ap("cosh", x)), g.Add(c(1), g.Pow(x, c(2)))),
	}
	r := rand.New(rand.NewPCG(5, 6))
	for name, f := range formulas {
		df := g.Derivative(f, x)
		b, err := NewBounds([]*Node{f, df}, []*Node{x})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tape, err := Compile([]*Node{f, df}, []*Node{x})
		if err != nil {
			t.Fatal(err)
		}
		out := make([]interval.I, 2)
		for range 2000 {
			lo := (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(4)-1))
			iv := interval.I{Lo: lo, Hi: lo + r.Float64()*math.Pow(10, -float64(r.IntN(8)))}
			b.Eval([]interval.I{iv}, out)
			for k := 0; k <= 20; k++ {
				v := math.Min(iv.Lo+(iv.Hi-iv.Lo)*float64(k)/20, iv.Hi)
				tape.Eval([]float64{v})
				for i, e := range out {
					y := tape.Output(i)[0]
					if math.IsNaN(y) || math.IsInf(y, 0) {
						if e.Bounded() {
							t.Fatalf("%s: output %d bounded %v over %v, but %v at %v", name, i, e, iv, y, v)
						}
						continue
					}
					if !e.Contains(y) {
						t.Fatalf("%s: output %d over %v is %v, which misses %v at %v", name, i, iv, e, y, v)
					}
				}
			}
		}
	}
}

// TestBoundsUnsupported checks that a primitive without a Range and an
// array are refused with a reason.
func TestBoundsUnsupported(t *testing.T) {
	g := NewGraph()
	x := g.Var("x", nil)
	if _, err := NewBounds([]*Node{g.Apply(Lookup("gamma"), x)}, []*Node{x}); err == nil {
		t.Error("gamma was bounded")
	}
	v := g.Var("v", []int{3})
	if _, err := NewBounds([]*Node{g.Sum(g.Mul(v, x), AllAxes)}, []*Node{x, v}); err == nil {
		t.Error("an array was bounded")
	}
}
