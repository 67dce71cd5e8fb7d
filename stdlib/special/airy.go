package special

import "math"

// Airy returns the Airy functions Ai(x) and Bi(x), the solutions of
// y” = x·y, and their derivatives, in scipy.special.airy's order: Ai,
// Ai', Bi, Bi'.
//
// For −10 ≤ x ≤ 9 it sums the Maclaurin series (A&S 10.4.2–10.4.5)
//
//	Ai = c₁f − c₂g, Bi = √3(c₁f + c₂g),
//	f = Σ 3^k(⅓)_k x^(3k)/(3k)!, g = Σ 3^k(⅔)_k x^(3k+1)/(3k+1)!,
//
// and the differentiated series for Ai' and Bi', in double-double
// arithmetic (about 32 digits): the terms grow to about e^ζ before they
// decrease, ζ = ⅔|x|^(3/2), and for positive x Ai is e^−ζ while the
// series are e^ζ, so the sums lose up to e^(2ζ) ≈ 1e15 of those digits
// and keep the rest. Beyond, it uses the asymptotic expansions in ζ (A&S
// 10.4.59–10.4.67, DLMF 9.7.5–9.7.12) with u_k = (2k+1)(2k+3)…(6k−1)/
// (216^k·k!) and v_k = −(6k+1)/(6k−1)·u_k: for x > 9
//
//	Ai = e^−ζ/(2√π x^¼)·Σ(−1)^k u_k ζ^−k,  Bi = e^ζ/(√π x^¼)·Σ u_k ζ^−k,
//
// and for x < −10, with θ = ζ + π/4,
//
//	Ai(−z) = (sin θ·P − cos θ·Q)/(√π z^¼), Bi(−z) = (cos θ·P + sin θ·Q)/(√π z^¼),
//
// P and Q the even and odd parts of Σ(−1)^k u_k ζ^−k; their smallest
// terms there are below 1e-16. Since the functions vary like e^(±ζ) or
// sin ζ, an error of one rounding in ζ would cost ζ·ε of relative
// accuracy (1e-13 at x = 100); ζ is therefore formed in double-double and
// its low part applied as a first-order correction. The results are
// accurate to a few ulps for x > −10 and, on the oscillating side, to a
// few ulps of the envelope √(Ai²+Bi²) (relative accuracy is then lost
// only at the zeros, as the condition number demands).
//
// Ai and Ai' underflow to 0 beyond x ≈ 104, where Bi and Bi' overflow to
// +Inf. At x = +Inf the limits (0, 0, +Inf, +Inf) are returned; at −Inf,
// and for x < −1e205 where ζ overflows, Ai = Bi = 0 and the derivatives
// are NaN. (scipy returns NaN for all four at ±Inf and beyond its own
// range.)
func Airy(x float64) (ai, aip, bi, bip float64) {
	switch {
	case math.IsNaN(x):
		nan := math.NaN()
		return nan, nan, nan, nan
	case math.IsInf(x, 1):
		return 0, 0, x, x
	case x >= -10 && x <= 9:
		return airySeries(x)
	case x > 0:
		return airyPositive(x)
	}
	return airyNegative(-x)
}

// airyAi0 etc. are Ai(0), −Ai'(0), Bi(0) and Bi'(0) in double-double:
// c₁ = 3^(−2/3)/Γ(2/3), c₂ = 3^(−1/3)/Γ(1/3), √3c₁ and √3c₂.
var (
	airyAi0  = airyDD{0.3550280538878172, 2.05233632436212e-17}
	airyMAi0 = airyDD{0.2588194037928068, -2.522243111610832e-17}
	airyBi0  = airyDD{0.6149266274460007, 5.0899207794891416e-17}
	airyBip0 = airyDD{0.4482883573538264, -2.5363237774417305e-17}
)

// airySeries sums the Maclaurin series. With z = x³ the terms of f, g,
// f' and g' follow from their predecessors by the factors
// z/((3k+2)(3k+3)), z/((3k+3)(3k+4)), z/(3k(3k+2)) and z/((3k+1)(3k+3)).
// The sums stop when every term has fallen below 2^−110 of the largest
// seen, the precision left after the cancellation.
func airySeries(x float64) (ai, aip, bi, bip float64) {
	z := airyMul(airyDD{x, 0}, airyMulF(airyDD{x, 0}, x))
	tf, tg := airyDD{1, 0}, airyDD{x, 0}
	tfp := airyMulF(airyDD{x, 0}, x/2) // x²/2, the first term of f'
	tgp := airyDD{1, 0}
	f, g, fp, gp := tf, tg, tfp, tgp
	largest := math.Max(1, math.Abs(x))
	for k := 0.0; ; k++ {
		tf = airyDivF(airyMul(tf, z), (3*k+2)*(3*k+3))
		tg = airyDivF(airyMul(tg, z), (3*k+3)*(3*k+4))
		tfp = airyDivF(airyMul(tfp, z), (3*k+3)*(3*k+5))
		tgp = airyDivF(airyMul(tgp, z), (3*k+1)*(3*k+3))
		f, g = airyAdd(f, tf), airyAdd(g, tg)
		fp, gp = airyAdd(fp, tfp), airyAdd(gp, tgp)
		m := math.Max(math.Max(math.Abs(tf.hi), math.Abs(tg.hi)), math.Max(math.Abs(tfp.hi), math.Abs(tgp.hi)))
		largest = math.Max(largest, m)
		if m < 0x1p-110*largest {
			break
		}
	}
	c1f, c2g := airyMul(airyAi0, f), airyMul(airyMAi0, g)
	c1fp, c2gp := airyMul(airyAi0, fp), airyMul(airyMAi0, gp)
	ai = airyAdd(c1f, airyNeg(c2g)).hi
	aip = airyAdd(c1fp, airyNeg(c2gp)).hi
	bi = airyAdd(airyMul(airyBi0, f), airyMul(airyBip0, g)).hi
	bip = airyAdd(airyMul(airyBi0, fp), airyMul(airyBip0, gp)).hi
	return ai, aip, bi, bip
}

// airyZeta returns ζ = ⅔·x^(3/2) for x > 0 as a double-double.
func airyZeta(x float64) airyDD {
	s := math.Sqrt(x)
	sl := math.FMA(-s, s, x) / (2 * s) // √x = s + sl to double-double
	return airyDivF(airyMulF(airyDD{s, sl}, 2*x), 3)
}

// airySums returns the alternating and plain sums of u_k ζ^−k and of
// v_k ζ^−k, split into even and odd k: the asymptotic series of every
// branch are combinations of these. It adds terms until they fall below
// ε of the leading 1 or stop decreasing.
func airySums(zeta float64) (uEven, uOdd, vEven, vOdd [2]float64) {
	// [0] sums the terms with the sign (−1)^⌊k/2⌋ (for P, Q, R, S on the
	// negative axis); [1] sums them with sign +1.
	u, prev := 1.0, math.Inf(1)
	uEven, vEven = [2]float64{1, 1}, [2]float64{1, 1}
	for k := 1.0; k < 100; k++ {
		u *= (6*k - 5) * (6*k - 3) * (6*k - 1) / ((2*k - 1) * 216 * k * zeta)
		v := -(6*k + 1) / (6*k - 1) * u
		if math.Abs(u) > prev {
			break
		}
		prev = math.Abs(u)
		sign := 1.0
		if int(k)%4 >= 2 {
			sign = -1
		}
		if int(k)%2 == 0 {
			uEven[0] += sign * u
			uEven[1] += u
			vEven[0] += sign * v
			vEven[1] += v
		} else {
			uOdd[0] += sign * u
			uOdd[1] += u
			vOdd[0] += sign * v
			vOdd[1] += v
		}
		if math.Abs(u) < 0x1p-54 {
			break
		}
	}
	return uEven, uOdd, vEven, vOdd
}

// airyPositive evaluates the expansions for x > 9.
func airyPositive(x float64) (ai, aip, bi, bip float64) {
	zeta := airyZeta(x)
	uEven, uOdd, vEven, vOdd := airySums(zeta.hi)
	q := math.Sqrt(math.Sqrt(x)) // x^¼
	// e^(∓ζ) to first order in the low part of ζ; halved exponentials
	// keep Bi finite up to where it overflows.
	em := math.Exp(-zeta.hi) * (1 - zeta.lo)
	eph := math.Exp(zeta.hi/2) * (1 + zeta.lo/2)
	ai = em / (2 * math.SqrtPi * q) * (uEven[1] - uOdd[1])
	aip = -q * em / (2 * math.SqrtPi) * (vEven[1] - vOdd[1])
	bi = eph / (math.SqrtPi * q) * (uEven[1] + uOdd[1]) * eph
	bip = eph * q / math.SqrtPi * (vEven[1] + vOdd[1]) * eph
	return ai, aip, bi, bip
}

// airyNegative evaluates the expansions at x = −z, z > 10.
func airyNegative(z float64) (ai, aip, bi, bip float64) {
	zeta := airyZeta(z)
	if math.IsInf(zeta.hi, 0) {
		return 0, math.NaN(), 0, math.NaN()
	}
	uEven, uOdd, vEven, vOdd := airySums(zeta.hi)
	p, qq, r, s := uEven[0], uOdd[0], vEven[0], vOdd[0]
	// sin and cos of ζ to first order in its low part, then of
	// θ = ζ + π/4: sin θ = (sin ζ + cos ζ)/√2, cos θ = (cos ζ − sin ζ)/√2.
	sz, cz := math.Sincos(zeta.hi)
	sz, cz = sz+zeta.lo*cz, cz-zeta.lo*sz
	st, ct := (sz+cz)/math.Sqrt2, (cz-sz)/math.Sqrt2
	q := math.Sqrt(math.Sqrt(z))
	ai = (st*p - ct*qq) / (math.SqrtPi * q)
	bi = (ct*p + st*qq) / (math.SqrtPi * q)
	aip = -q / math.SqrtPi * (ct*r + st*s)
	bip = q / math.SqrtPi * (st*r - ct*s)
	return ai, aip, bi, bip
}

// airyDD is a double-double number hi + lo with |lo| ≤ ulp(hi)/2, about
// 32 significant digits (T. J. Dekker, "A floating-point technique for
// extending the available precision", Numer. Math. 18 (1971) 224–242).
type airyDD struct{ hi, lo float64 }

// airyTwoSum returns s = fl(a+b) and the rounding error a+b−s exactly.
func airyTwoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

func airyAdd(a, b airyDD) airyDD {
	s, e := airyTwoSum(a.hi, b.hi)
	t, f := airyTwoSum(a.lo, b.lo)
	e += t
	s, e = s+e, e-((s+e)-s)
	e += f
	hi := s + e
	return airyDD{hi, e - (hi - s)}
}

func airyNeg(a airyDD) airyDD { return airyDD{-a.hi, -a.lo} }

func airyMul(a, b airyDD) airyDD {
	p := a.hi * b.hi
	e := math.FMA(a.hi, b.hi, -p) + (a.hi*b.lo + a.lo*b.hi)
	hi := p + e
	return airyDD{hi, e - (hi - p)}
}

func airyMulF(a airyDD, b float64) airyDD {
	p := a.hi * b
	e := math.FMA(a.hi, b, -p) + a.lo*b
	hi := p + e
	return airyDD{hi, e - (hi - p)}
}

func airyDivF(a airyDD, b float64) airyDD {
	q := a.hi / b
	// The remainder a − q·b, exact in its high part by the FMA.
	r := math.FMA(-q, b, a.hi) + a.lo
	lo := r / b
	hi := q + lo
	return airyDD{hi, lo - (hi - q)}
}
