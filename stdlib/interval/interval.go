// Package interval is interval arithmetic on float64: enclosures of the
// values of +, −, ×, ÷, powers and the elementary functions over closed
// intervals, rounded outwards, so that every real value of an expression
// for arguments in the given intervals lies in the interval computed for
// it (R. E. Moore, R. B. Kearfott and M. J. Cloud, Introduction to
// Interval Analysis, SIAM 2009, ch. 2–5).
//
// Go cannot switch the rounding mode, so each computed end is moved
// outwards: for + − × ÷ by one unit in the last place exactly when the
// rounding error, found by an error-free transformation (Knuth's TwoSum,
// and a fused multiply-add for × and ÷), lies outside, so exact results
// stay exact; for the math library's functions, whose errors are below
// one or two units, by a few units always. The enclosures are therefore
// rigorous up to that assumption on the math library.
//
// One convention makes the package fit root finding: an enclosure with an
// infinite end means "possibly unbounded or discontinuous". Every
// function here returns Whole over an interval where it has a pole, a
// jump or is undefined on part of the interval, so a bounded enclosure of
// a composition also certifies that the composition is continuous there.
package interval

import "math"

// I is the closed interval [Lo, Hi]. Ends may be infinite; Lo > Hi (as in
// Empty) is the empty set, the enclosure of a function that is undefined
// on the whole interval.
type I struct{ Lo, Hi float64 }

// Point is the interval [x, x].
func Point(x float64) I { return I{x, x} }

// Whole is (−∞, ∞): nothing is known, or the function may be unbounded
// or jump.
func Whole() I { return I{math.Inf(-1), math.Inf(1)} }

// Empty is the empty interval.
func Empty() I { return I{math.Inf(1), math.Inf(-1)} }

// IsEmpty reports whether x holds no number.
func (x I) IsEmpty() bool { return !(x.Lo <= x.Hi) }

// Bounded reports whether x is not empty and has finite ends.
func (x I) Bounded() bool {
	return !x.IsEmpty() && !math.IsInf(x.Lo, 0) && !math.IsInf(x.Hi, 0)
}

// Contains reports whether v lies in x.
func (x I) Contains(v float64) bool { return x.Lo <= v && v <= x.Hi }

// Mag is the largest absolute value in x.
func (x I) Mag() float64 { return math.Max(math.Abs(x.Lo), math.Abs(x.Hi)) }

// out returns [lo, hi] moved outwards by ulps units in the last place, or
// Whole when an end is NaN (an indeterminate form such as ∞ − ∞).
func out(lo, hi float64, ulps int) I {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return Whole()
	}
	for range ulps {
		lo, hi = math.Nextafter(lo, math.Inf(-1)), math.Nextafter(hi, math.Inf(1))
	}
	return I{lo, hi}
}

// clamp intersects x with the range [lo, hi] a function is known to map
// into (exp into [0, ∞), sin into [−1, 1]), undoing outward rounding past
// it.
func (x I) clamp(lo, hi float64) I {
	return I{math.Max(x.Lo, lo), math.Min(x.Hi, hi)}
}

// Add is x + y.
func Add(x, y I) I {
	if x.IsEmpty() || y.IsEmpty() {
		return Empty()
	}
	lo, hi := x.Lo+y.Lo, x.Hi+y.Hi
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return Whole()
	}
	return I{down(lo, sumError(x.Lo, y.Lo, lo)), up(hi, sumError(x.Hi, y.Hi, hi))}
}

// sumError is the rounding error a + b − s of s = fl(a + b), exactly
// (Knuth's TwoSum, The Art of Computer Programming vol. 2, §4.2.2); zero
// for infinite operands.
func sumError(a, b, s float64) float64 {
	if math.IsInf(s, 0) {
		return 0
	}
	bb := s - a
	return (a - (s - bb)) + (b - bb)
}

// tiny is the size below which a product or quotient may have lost bits
// to underflow, where the fused multiply-add no longer gives its error
// exactly.
const tiny = 0x1p-960

// down is v moved one unit down when the exact value v + e lies below
// it; up likewise upwards.
func down(v, e float64) float64 {
	if e < 0 || math.IsNaN(e) {
		return math.Nextafter(v, math.Inf(-1))
	}
	return v
}

func up(v, e float64) float64 {
	if e > 0 || math.IsNaN(e) {
		return math.Nextafter(v, math.Inf(1))
	}
	return v
}

// mulError is the rounding error a·b − p of p = fl(a·b), by a fused
// multiply-add: exact unless p is tiny, when NaN says "unknown".
func mulError(a, b, p float64) float64 {
	switch {
	case p == 0 && (a == 0 || b == 0), math.IsInf(p, 0) && (math.IsInf(a, 0) || math.IsInf(b, 0)):
		return 0
	case math.Abs(p) < tiny || math.IsInf(p, 0):
		return math.NaN()
	}
	return math.FMA(a, b, -p)
}

// divError has the sign of the rounding error a/b − q of q = fl(a/b):
// the residual a − q·b, exact by a fused multiply-add, divided by b.
func divError(a, b, q float64) float64 {
	switch {
	case q == 0 && a == 0, math.IsInf(a, 0) || math.IsInf(b, 0):
		return 0
	case math.Abs(q) < tiny || math.IsInf(q, 0):
		return math.NaN()
	}
	r := math.FMA(-q, b, a)
	if b < 0 {
		return -r
	}
	return r
}

// Neg is −x.
func Neg(x I) I { return I{-x.Hi, -x.Lo} }

// Sub is x − y.
func Sub(x, y I) I { return Add(x, Neg(y)) }

// mul0 is a·b with 0·∞ = 0, the convention that keeps products of a zero
// interval bounded.
func mul0(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return a * b
}

// Mul is x·y.
func Mul(x, y I) I {
	if x.IsEmpty() || y.IsEmpty() {
		return Empty()
	}
	return corners(x, y, func(a, b float64) (float64, float64, float64) {
		p := mul0(a, b)
		if p == 0 {
			return 0, 0, 0
		}
		e := mulError(a, b, p)
		return p, down(p, e), up(p, e)
	})
}

// corners is the hull of op over the four corners of x × y, where op
// returns a result with its lower and upper roundings.
func corners(x, y I, op func(a, b float64) (v, lo, hi float64)) I {
	r := Empty()
	for _, a := range [2]float64{x.Lo, x.Hi} {
		for _, b := range [2]float64{y.Lo, y.Hi} {
			v, lo, hi := op(a, b)
			if math.IsNaN(v) {
				return Whole()
			}
			r = I{math.Min(r.Lo, lo), math.Max(r.Hi, hi)}
		}
	}
	return r
}

// Div is x/y; Whole when y contains 0 (a pole).
func Div(x, y I) I {
	if x.IsEmpty() || y.IsEmpty() {
		return Empty()
	}
	if y.Contains(0) {
		return Whole()
	}
	return corners(x, y, func(a, b float64) (float64, float64, float64) {
		q := a / b
		e := divError(a, b, q)
		return q, down(q, e), up(q, e)
	})
}

// Intersect is x ∩ y.
func Intersect(x, y I) I { return I{math.Max(x.Lo, y.Lo), math.Min(x.Hi, y.Hi)} }

// libULPs is the outward rounding of the math library's functions: Go's
// are accurate to about one unit in the last place; two more cover that
// and the rounding of their argument's ends.
const libULPs = 3

// Monotone returns the enclosure function of f, which is continuous and
// increasing (up) or decreasing on its domain [lo, hi] and maps it into
// [rlo, rhi]. Over an interval partly outside the domain the enclosure is
// Whole, and wholly outside it Empty.
func Monotone(f func(float64) float64, up bool, lo, hi, rlo, rhi float64) func(I) I {
	return func(x I) I {
		switch {
		case x.IsEmpty() || x.Hi < lo || x.Lo > hi:
			return Empty()
		case x.Lo < lo || x.Hi > hi:
			return Whole()
		}
		a, b := f(x.Lo), f(x.Hi)
		if !up {
			a, b = b, a
		}
		return out(a, b, libULPs).clamp(rlo, rhi)
	}
}

var inf = math.Inf(1)

// The monotone elementary functions.
var (
	Exp   = Monotone(math.Exp, true, -inf, inf, 0, inf)
	Expm1 = Monotone(math.Expm1, true, -inf, inf, -1, inf)
	Log   = Monotone(math.Log, true, 0, inf, -inf, inf)
	Log1p = Monotone(math.Log1p, true, -1, inf, -inf, inf)
	Log2  = Monotone(math.Log2, true, 0, inf, -inf, inf)
	Log10 = Monotone(math.Log10, true, 0, inf, -inf, inf)
	Sqrt  = Monotone(math.Sqrt, true, 0, inf, 0, inf)
	Cbrt  = Monotone(math.Cbrt, true, -inf, inf, -inf, inf)
	Atan  = Monotone(math.Atan, true, -inf, inf, -math.Pi/2, math.Pi/2)
	Asin  = Monotone(math.Asin, true, -1, 1, -math.Pi/2, math.Pi/2)
	Acos  = Monotone(math.Acos, false, -1, 1, 0, math.Pi)
	Sinh  = Monotone(math.Sinh, true, -inf, inf, -inf, inf)
	Tanh  = Monotone(math.Tanh, true, -inf, inf, -1, 1)
	Asinh = Monotone(math.Asinh, true, -inf, inf, -inf, inf)
	Acosh = Monotone(math.Acosh, true, 1, inf, 0, inf)
	Atanh = Monotone(math.Atanh, true, -1, 1, -inf, inf)
	Relu  = Monotone(func(x float64) float64 { return math.Max(x, 0) }, true, -inf, inf, 0, inf)
)

// Abs is |x|.
func Abs(x I) I {
	switch {
	case x.IsEmpty():
		return x
	case x.Lo >= 0:
		return x
	case x.Hi <= 0:
		return Neg(x)
	}
	return I{0, x.Mag()}
}

// Cosh is cosh x, least (1) at 0.
func Cosh(x I) I {
	a := Abs(x)
	if a.IsEmpty() {
		return a
	}
	return out(math.Cosh(a.Lo), math.Cosh(a.Hi), libULPs).clamp(1, inf)
}

// Step returns the enclosure function of a step function f that is
// nondecreasing (floor, ceil, round, trunc, sign): the single value where
// f is constant over the interval, and Whole where it jumps inside.
func Step(f func(float64) float64) func(I) I {
	return func(x I) I {
		if x.IsEmpty() {
			return x
		}
		if a, b := f(x.Lo), f(x.Hi); a == b {
			return Point(a)
		}
		return Whole()
	}
}

// Sin is sin x.
func Sin(x I) I { return periodic(x, math.Sin, math.Pi/2) }

// Cos is cos x.
func Cos(x I) I { return periodic(x, math.Cos, 0) }

// periodic encloses f = sin or cos, which is 1 at peak + 2kπ and −1 at
// peak + π + 2kπ and monotone between: the values at the ends, widened by
// f's rounding, and ±1 where a peak or trough lies inside. Peaks within
// the rounding of the ends' reduction count as inside.
func periodic(x I, f func(float64) float64, peak float64) I {
	if x.IsEmpty() {
		return x
	}
	if !x.Bounded() || x.Hi-x.Lo >= 2*math.Pi {
		return I{-1, 1}
	}
	a, b := f(x.Lo), f(x.Hi)
	r := out(math.Min(a, b), math.Max(a, b), libULPs)
	if hits(x, peak) {
		r.Hi = 1
	}
	if hits(x, peak+math.Pi) {
		r.Lo = -1
	}
	return r.clamp(-1, 1)
}

// hits reports whether p + 2kπ lies in x for some integer k, counting a
// slack for the rounding of 2π times k.
func hits(x I, p float64) bool {
	slack := 4e-16 * math.Max(1, x.Mag())
	k := math.Ceil((x.Lo - slack - p) / (2 * math.Pi))
	return p+2*math.Pi*k <= x.Hi+slack
}

// Tan is tan x: increasing between its poles π/2 + kπ, Whole over an
// interval that holds one.
func Tan(x I) I {
	if x.IsEmpty() {
		return x
	}
	if !x.Bounded() || x.Hi-x.Lo >= math.Pi {
		return Whole()
	}
	slack := 4e-16 * math.Max(1, x.Mag())
	k := math.Ceil((x.Lo - slack - math.Pi/2) / math.Pi)
	if math.Pi/2+math.Pi*k <= x.Hi+slack {
		return Whole()
	}
	return out(math.Tan(x.Lo), math.Tan(x.Hi), libULPs)
}

// PowConst is x**p for a constant p: for whole p by the parity of p and
// the sign of x (Whole for p < 0 over an interval holding 0), for other p
// increasing (p > 0) or decreasing in x ≥ 0, and Whole over an interval
// reaching below 0, where x**p is not real.
func PowConst(x I, p float64) I {
	if x.IsEmpty() {
		return x
	}
	switch {
	case p == 0:
		return Point(1)
	case p == 1:
		return x
	case p < 0 && x.Contains(0):
		if x.Lo == 0 && x.Hi == 0 {
			return Empty()
		}
		return Whole()
	}
	ulps := libULPs + int(math.Min(math.Abs(p), 64))
	if p == math.Trunc(p) && math.Abs(p) < 1<<53 {
		odd := math.Mod(p, 2) != 0
		switch {
		case odd || x.Lo >= 0:
			a, b := math.Pow(x.Lo, p), math.Pow(x.Hi, p)
			return out(math.Min(a, b), math.Max(a, b), ulps)
		case x.Hi <= 0:
			a, b := math.Pow(x.Lo, p), math.Pow(x.Hi, p)
			return out(math.Min(a, b), math.Max(a, b), ulps).clamp(0, inf)
		}
		// An even power over an interval holding 0 (p > 0 here).
		return out(0, math.Pow(x.Mag(), p), ulps).clamp(0, inf)
	}
	switch {
	case x.Hi < 0:
		return Empty()
	case x.Lo < 0:
		return Whole()
	}
	a, b := math.Pow(x.Lo, p), math.Pow(x.Hi, p)
	return out(math.Min(a, b), math.Max(a, b), ulps).clamp(0, inf)
}

// Pow is x**y for intervals x and y: PowConst when y is a point, and
// exp(y·log x) for x > 0 otherwise; Whole when x may be negative or zero.
func Pow(x, y I) I {
	if x.IsEmpty() || y.IsEmpty() {
		return Empty()
	}
	if y.Lo == y.Hi {
		return PowConst(x, y.Lo)
	}
	if x.Lo <= 0 {
		return Whole()
	}
	return Exp(Mul(y, Log(x)))
}

// Min is min(x, y), nondecreasing in both.
func Min(x, y I) I {
	if x.IsEmpty() || y.IsEmpty() {
		return Empty()
	}
	return I{math.Min(x.Lo, y.Lo), math.Min(x.Hi, y.Hi)}
}

// Max is max(x, y), nondecreasing in both.
func Max(x, y I) I {
	if x.IsEmpty() || y.IsEmpty() {
		return Empty()
	}
	return I{math.Max(x.Lo, y.Lo), math.Max(x.Hi, y.Hi)}
}

// Hypot is sqrt(x² + y²), nondecreasing in |x| and |y|.
func Hypot(x, y I) I {
	ax, ay := Abs(x), Abs(y)
	if ax.IsEmpty() || ay.IsEmpty() {
		return Empty()
	}
	return out(math.Hypot(ax.Lo, ay.Lo), math.Hypot(ax.Hi, ay.Hi), libULPs)
}

// Compare returns the enclosure function of a comparison that is 1 where
// it holds and 0 where not: the value where it is decided over the whole
// boxes of x and y, and Whole (a jump) where it is not.
func Compare(holds func(a, b float64) bool) func(x, y I) I {
	return func(x, y I) I {
		if x.IsEmpty() || y.IsEmpty() {
			return Empty()
		}
		// A comparison of intervals is decided when it gives the same
		// answer at the four corners and the intervals do not overlap in
		// a way that lets it flip between them.
		c := [4]bool{holds(x.Lo, y.Lo), holds(x.Lo, y.Hi), holds(x.Hi, y.Lo), holds(x.Hi, y.Hi)}
		if c[0] == c[1] && c[1] == c[2] && c[2] == c[3] && (x.Hi < y.Lo || y.Hi < x.Lo || (x.Lo == x.Hi && y.Lo == y.Hi)) {
			if c[0] {
				return Point(1)
			}
			return Point(0)
		}
		return Whole()
	}
}
