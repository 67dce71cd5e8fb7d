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
func parseNumber(field string) (float64, bool) {
	s := strings.TrimSpace(field)
	if s == "" {
		return math.NaN(), true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		if strings.ContainsAny(s, "xXpP") { // hexadecimal
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
