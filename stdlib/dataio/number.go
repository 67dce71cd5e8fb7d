package dataio

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// parseNumber parses a field as Python's float() does, which numpy.loadtxt
// and pandas follow: decimal notation with optional exponent, inf,
// infinity and nan in any case and with an optional sign, and digits
// grouped by underscores. Space around the field is ignored; an empty
// field is missing and gives NaN, as numpy.genfromtxt makes it. Unlike Go,
// Python reads no hexadecimal floats, and a value too large for float64
// is ±Inf rather than an error.
func parseNumber[T string | []byte](field T) (float64, bool) {
	if x, ok := fastNumber(field); ok {
		return x, true
	}
	s := strings.TrimSpace(string(field))
	if s == "" {
		return math.NaN(), true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		if isHex(s) {
			return 0, false
		}
		return x, true
	} else if e, ok := err.(*strconv.NumError); ok && e.Err == strconv.ErrRange {
		return x, true
	}
	// Go rejects a sign before nan, Python accepts it.
	if len(s) == 4 && (s[0] == '+' || s[0] == '-') && strings.EqualFold(s[1:], "nan") {
		return math.NaN(), true
	}
	return 0, false
}

// exactPow10 are the powers of ten that float64 holds exactly.
var exactPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// pow10u are the powers of ten that fit in a uint64.
var pow10u = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// fastNumber parses the common form of a number, [sign] digits [.digits]
// [e [sign] digits] with no space around it (see scanNumber).
func fastNumber[T string | []byte](s T) (float64, bool) {
	x, n, ok := scanNumber(s)
	return x, ok && n == len(s)
}

// scanNumber parses the number at the start of s, in the form [sign]
// digits [.digits] [e [sign] digits], and returns it with its length in
// bytes, when it has at most 19 significant digits and a decimal exponent
// e (of its significand m, the digits without the point) within ±19, or
// within ±22 when m < 2^53; it reports false for anything else, which
// strconv then parses. Such numbers, which include every number written
// by numpy's savetxt (%.18e: 19 digits) or by the shortest round-trip
// formatting (at most 17), take a third of strconv's time: with m < 2^53
// and |e| ≤ 22, m and 10^|e| are exact float64 values, and one correctly
// rounded multiplication or division gives the correctly rounded value
// (Clinger, "How to read floating point numbers accurately", PLDI 1990);
// otherwise exactDecimal rounds m·10^e with integer arithmetic.
func scanNumber[T string | []byte](s T) (float64, int, bool) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg, i = s[i] == '-', 1
	}
	// m gathers the digits after any leading zeros: at most 19 of them
	// (checked once they are read; m may wrap before that, and is then
	// not used), so m < 10^19 < 2^64.
	var m uint64
	exp, digits, significant := 0, 0, 0
	for ; i < len(s) && s[i] == '0'; i++ {
		digits++
	}
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		m = 10*m + uint64(s[i]-'0')
		significant++
	}
	if i < len(s) && s[i] == '.' {
		i++
		if m == 0 {
			for ; i < len(s) && s[i] == '0'; i++ {
				digits++
				exp--
			}
		}
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			m = 10*m + uint64(s[i]-'0')
			significant++
			exp--
		}
	}
	if significant > 19 {
		return 0, 0, false
	}
	digits += significant
	if digits == 0 {
		return 0, 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg, i = s[i] == '-', i+1
		}
		e, edigits := 0, 0
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9' && e < 1000; i++ {
			e, edigits = 10*e+int(s[i]-'0'), edigits+1
		}
		if edigits == 0 {
			return 0, 0, false
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	var x float64
	switch {
	case m < 1<<53 && exp >= -22 && exp <= 22:
		x = float64(m)
		if exp < 0 {
			x /= exactPow10[-exp]
		} else {
			x *= exactPow10[exp]
		}
	case exp >= -19 && exp <= 19:
		x = exactDecimal(m, exp)
	default:
		return 0, 0, false
	}
	if neg {
		x = -x
	}
	return x, i, true
}

// exactDecimal returns m·10^e correctly rounded to float64 (to nearest,
// ties to even), for |e| ≤ 19: the product, or the quotient with its
// remainder, is computed exactly in 128-bit integers and then rounded.
func exactDecimal(m uint64, e int) float64 {
	if m == 0 {
		return 0
	}
	if e >= 0 {
		hi, lo := bits.Mul64(m, pow10u[e])
		return round128(hi, lo, false, 0)
	}
	// m/10^-e: with n = m·2^z normalized, n·2^64/d = q1·2^64 + q0 + r/d.
	d := pow10u[-e]
	z := bits.LeadingZeros64(m)
	n := m << z
	q1, r1 := bits.Div64(0, n, d)
	q0, r0 := bits.Div64(r1, 0, d)
	return round128(q1, q0, r0 != 0, -64-z)
}

// round128 returns (hi·2^64 + lo + δ)·2^exp2 rounded to float64, where δ,
// below 1, is nonzero if sticky is set; the value must lie in float64's
// normal range, as every m·10^e with m < 2^64 and |e| ≤ 19 does.
func round128(hi, lo uint64, sticky bool, exp2 int) float64 {
	// top: the 64 leading bits, with the bits below them folded into sticky.
	var top uint64
	if hi != 0 {
		z := bits.LeadingZeros64(hi)
		top = hi<<z | lo>>(64-z)
		sticky = sticky || lo<<z != 0
		exp2 += 64 - z
	} else {
		z := bits.LeadingZeros64(lo)
		top = lo << z
		exp2 -= z
	}
	// Keep 53 bits; the 11 below decide the rounding.
	mant, rest := top>>11, top&0x7ff
	if rest > 0x400 || rest == 0x400 && (sticky || mant&1 == 1) {
		mant++
		if mant == 1<<53 { // the carry made a power of two
			mant, exp2 = 1<<52, exp2+1
		}
	}
	// The value is mant·2^(exp2+11), mant in [2^52, 2^53): its IEEE 754
	// bits are the biased exponent and mant's 52 bits below the leading 1.
	return math.Float64frombits(uint64(exp2+11+52+1023)<<52 | mant&(1<<52-1))
}

// isHex reports whether a number that Go parsed is hexadecimal: 0x or 0X
// after an optional sign.
func isHex(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	return len(s) > 1 && (s[1] == 'x' || s[1] == 'X')
}
