package interval

import (
	"math"
	"math/rand/v2"
	"testing"
)

// unary pairs each enclosure with the point function it encloses.
var unary = []struct {
	name string
	r    func(I) I
	f    func(float64) float64
}{
	{"exp", Exp, math.Exp}, {"expm1", Expm1, math.Expm1}, {"log", Log, math.Log}, {"log1p", Log1p, math.Log1p},
	{"log2", Log2, math.Log2}, {"log10", Log10, math.Log10}, {"sqrt", Sqrt, math.Sqrt}, {"cbrt", Cbrt, math.Cbrt},
	{"atan", Atan, math.Atan}, {"asin", Asin, math.Asin}, {"acos", Acos, math.Acos}, {"sinh", Sinh, math.Sinh},
	{"tanh", Tanh, math.Tanh}, {"asinh", Asinh, math.Asinh}, {"acosh", Acosh, math.Acosh}, {"atanh", Atanh, math.Atanh},
	{"abs", Abs, math.Abs}, {"cosh", Cosh, math.Cosh}, {"sin", Sin, math.Sin}, {"cos", Cos, math.Cos},
	{"tan", Tan, math.Tan}, {"floor", Step(math.Floor), math.Floor}, {"relu", Relu, func(x float64) float64 { return math.Max(x, 0) }},
	{"x**2", func(x I) I { return PowConst(x, 2) }, func(x float64) float64 { return x * x }},
	{"x**3", func(x I) I { return PowConst(x, 3) }, func(x float64) float64 { return x * x * x }},
	{"x**-2", func(x I) I { return PowConst(x, -2) }, func(x float64) float64 { return math.Pow(x, -2) }},
	{"x**-1", func(x I) I { return PowConst(x, -1) }, func(x float64) float64 { return 1 / x }},
	{"x**0.5", func(x I) I { return PowConst(x, 0.5) }, func(x float64) float64 { return math.Pow(x, 0.5) }},
	{"x**7.25", func(x I) I { return PowConst(x, 7.25) }, func(x float64) float64 { return math.Pow(x, 7.25) }},
}

// randInterval draws an interval at one of several scales, sometimes
// straddling 0, sometimes narrow.
func randInterval(r *rand.Rand) I {
	scale := math.Pow(10, float64(r.IntN(9)-4))
	a := (r.Float64()*2 - 1) * scale
	w := r.Float64() * scale * math.Pow(10, -float64(r.IntN(12)))
	return I{a, a + w}
}

// TestEnclosure checks, on random intervals, that every sampled value of
// each function lies in its enclosure, that a bounded enclosure is never
// given where the function is undefined at a sample, and that Empty is
// given only where it is undefined at every sample.
func TestEnclosure(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, u := range unary {
		for range 3000 {
			x := randInterval(r)
			e := u.r(x)
			for k := 0; k <= 16; k++ {
				v := math.Min(x.Lo+(x.Hi-x.Lo)*float64(k)/16, x.Hi)
				y := u.f(v)
				switch {
				case math.IsNaN(y) && e.Bounded() && !e.IsEmpty():
					t.Fatalf("%s over %v: bounded %v but undefined at %v", u.name, x, e, v)
				case math.IsNaN(y):
				case e.IsEmpty():
					t.Fatalf("%s over %v: empty, but %v at %v", u.name, x, y, v)
				case !e.Contains(y):
					t.Fatalf("%s over %v: %v does not hold f(%v) = %v", u.name, x, e, v, y)
				}
			}
		}
	}
}

// TestBinaryEnclosure checks + − × ÷ min max hypot and pow the same way.
func TestBinaryEnclosure(t *testing.T) {
	binary := []struct {
		name string
		r    func(I, I) I
		f    func(a, b float64) float64
	}{
		{"+", Add, func(a, b float64) float64 { return a + b }},
		{"-", Sub, func(a, b float64) float64 { return a - b }},
		{"*", Mul, func(a, b float64) float64 { return a * b }},
		{"/", Div, func(a, b float64) float64 { return a / b }},
		{"min", Min, math.Min}, {"max", Max, math.Max}, {"hypot", Hypot, math.Hypot},
		{"pow", Pow, math.Pow},
		{"<", Compare(func(a, b float64) bool { return a < b }), func(a, b float64) float64 {
			if a < b {
				return 1
			}
			return 0
		}},
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, op := range binary {
		for range 3000 {
			x, y := randInterval(r), randInterval(r)
			e := op.r(x, y)
			for i := 0; i <= 6; i++ {
				for j := 0; j <= 6; j++ {
					a, b := math.Min(x.Lo+(x.Hi-x.Lo)*float64(i)/6, x.Hi), math.Min(y.Lo+(y.Hi-y.Lo)*float64(j)/6, y.Hi)
					v := op.f(a, b)
					if math.IsNaN(v) || math.IsInf(v, 0) {
						continue
					}
					ee := e
					if op.name == "pow" {
						// math.Pow itself errs by several units in the last
						// place for large powers: allow it 16.
						slack := 16 * 0x1p-52 * math.Abs(v)
						ee = I{e.Lo - slack, e.Hi + slack}
					}
					if !ee.Contains(v) {
						t.Fatalf("%v %s %v: %v does not hold %v (at %v, %v)", x, op.name, y, e, v, a, b)
					}
				}
			}
		}
	}
}

// TestTight checks enclosures that must be sharp: extremes of sin and
// cos inside an interval, poles, jumps and domains.
func TestTight(t *testing.T) {
	for _, c := range []struct {
		name string
		got  I
		want I
	}{
		{"sin over [0, pi]", Sin(I{0, math.Pi}), I{0, 1}},
		{"cos over [1, 4]", Cos(I{1, 4}), I{-1, math.Cos(1)}},
		{"x**2 over [-1, 2]", PowConst(I{-1, 2}, 2), I{0, 4}},
		{"abs over [-3, 2]", Abs(I{-3, 2}), I{0, 3}},
		{"floor over [0.2, 0.7]", Step(math.Floor)(I{0.2, 0.7}), I{0, 0}},
	} {
		if math.Abs(c.got.Lo-c.want.Lo) > 1e-14 || math.Abs(c.got.Hi-c.want.Hi) > 1e-14 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	for _, c := range []struct {
		name string
		got  I
	}{
		{"1/[-1, 1]", Div(Point(1), I{-1, 1})},
		{"tan over [1, 2]", Tan(I{1, 2})},
		{"floor over [0.5, 1.5]", Step(math.Floor)(I{0.5, 1.5})},
		{"sqrt over [-1, 1]", Sqrt(I{-1, 1})},
		{"x < 1 over [0, 2]", Compare(func(a, b float64) bool { return a < b })(I{0, 2}, Point(1))},
	} {
		if c.got.Bounded() {
			t.Errorf("%s = %v, want Whole (a pole, jump or partial domain)", c.name, c.got)
		}
	}
	if e := Sqrt(I{-2, -1}); !e.IsEmpty() {
		t.Errorf("sqrt over [-2, -1] = %v, want empty", e)
	}
	if e := Exp(I{-800, -750}); e.Lo < 0 {
		t.Errorf("exp over [-800, -750] = %v reaches below 0", e)
	}
}

// TestExact checks that exact sums, products and quotients are not
// widened, and inexact ones by one unit only.
func TestExact(t *testing.T) {
	for _, c := range []struct {
		name string
		got  I
		want I
	}{
		{"0.5 - 0.5", Sub(Point(0.5), Point(0.5)), Point(0)},
		{"3 * 0.5", Mul(Point(3), Point(0.5)), Point(1.5)},
		{"1 / 4", Div(Point(1), Point(4)), Point(0.25)},
		{"1 - 2 + 1", Add(Sub(Point(1), Point(2)), Point(1)), Point(0)},
		{"0.1 + 0.2", Add(Point(0.1), Point(0.2)), I{0.30000000000000004 - 0x1p-54, 0.30000000000000004}},
		{"1 / 3", Div(Point(1), Point(3)), I{1.0 / 3, math.Nextafter(1.0/3, 1)}},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}
