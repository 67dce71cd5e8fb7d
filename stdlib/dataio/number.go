package dataio

import (
	"math"
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

// fastNumber parses the common form of a number, [sign] digits [.digits]
// [e [sign] digits] with no space around it (see scanNumber).
func fastNumber[T string | []byte](s T) (float64, bool) {
	x, n, ok := scanNumber(s)
	return x, ok && n == len(s)
}

// scanNumber parses the number at the start of s, in the form [sign]
// digits [.digits] [e [sign] digits], and returns it with its length in
// bytes, when its significand m (its digits without the point) is below
// 2^53 and its decimal exponent e within ±22: then m and 10^|e| are
// exact float64 values, and one
// correctly rounded multiplication or division gives the correctly rounded
// value (Clinger, "How to read floating point numbers accurately", PLDI
// 1990). It reports false for anything else, which strconv then parses;
// with data of up to 15 significant digits this path takes every field,
// at a third of strconv's cost.
func scanNumber[T string | []byte](s T) (float64, int, bool) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg, i = s[i] == '-', 1
	}
	var m uint64
	exp, digits := 0, 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		m, digits = 10*m+uint64(s[i]-'0'), digits+1
		if m >= 1<<53 {
			return 0, 0, false
		}
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			m, digits, exp = 10*m+uint64(s[i]-'0'), digits+1, exp-1
			if m >= 1<<53 {
				return 0, 0, false
			}
		}
	}
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
	if exp < -22 || exp > 22 {
		return 0, 0, false
	}
	x := float64(m)
	if exp < 0 {
		x /= exactPow10[-exp]
	} else {
		x *= exactPow10[exp]
	}
	if neg {
		x = -x
	}
	return x, i, true
}

// isHex reports whether a number that Go parsed is hexadecimal: 0x or 0X
// after an optional sign.
func isHex(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	return len(s) > 1 && (s[1] == 'x' || s[1] == 'X')
}

// formatNumber writes x in the shortest form that reads back as x, as
// Python's repr writes floats (exponent notation below 1e-4 and from 1e16
// on) but without repr's ".0" on whole numbers, and nan, inf and -inf as
// numpy writes them.
func formatNumber(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	if a := math.Abs(x); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(x, 'e', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
