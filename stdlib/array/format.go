package array

import (
	"math"
	"strconv"
	"strings"
)

// FormatOptions controls Format. The zero value of each field means its
// default, so FormatOptions{} prints as numpy does by default, apart from
// the width of a line.
type FormatOptions struct {
	// Precision is the number of significant digits of a lone number that
	// is not whole (FormatNumber). The default is 10.
	Precision int
	// Decimals is the most digits an array's entries show after the
	// decimal point (in scientific notation, after the point of the
	// mantissa). The default is 8, numpy's precision.
	Decimals int
	// Threshold is the most elements an array may have to be printed in
	// full; larger ones are summarized. The default is 1000, numpy's.
	Threshold int
	// EdgeItems is how many entries a summary shows at each end of each
	// axis. The default is 3, numpy's.
	EdgeItems int
	// LineWidth is the number of characters after which rows wrap. The
	// default is 80, a terminal's classic width.
	LineWidth int
}

// withDefaults returns o with each zero field set to its default.
func (o FormatOptions) withDefaults() FormatOptions {
	def := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	return FormatOptions{
		Precision: def(o.Precision, 10),
		Decimals:  def(o.Decimals, 8),
		Threshold: def(o.Threshold, 1000),
		EdgeItems: def(o.EdgeItems, 3),
		LineWidth: def(o.LineWidth, 80),
	}
}

// FormatNumber formats a lone number for people: an integer of magnitude
// below 10¹⁶ (every such float64 is exact) without a fraction ("3", "-2",
// "-0"); any other finite number in strconv's 'g' form with at most
// precision significant digits ("0.1", "2.5e+20", "1e-08", as Python's
// repr writes exponents); and the rest as "inf", "-inf" and "nan". A
// precision of 0 or less means 10.
//
// A number that is not whole never prints as if it were: when precision
// digits would round its fraction away (1234567890.123 or
// 7.999999999999999 at 10 digits), it prints in full, in the shortest
// form that reads back as the same float64 ("1234567890.123").
func FormatNumber(x float64, precision int) string {
	if name, ok := nonFiniteName(x); ok {
		return name
	}
	if x == math.Trunc(x) && math.Abs(x) < 1e16 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	if precision <= 0 {
		precision = FormatOptions{}.withDefaults().Precision
	}
	if ax := math.Abs(x); ax < 1e16 && ax >= math.Pow(10, float64(precision-1)) {
		// Fewer than precision digits are left for the fraction, so 'g'
		// would show none, or an exponent that hides it. Every float64
		// this large that is not whole is below 2⁵², so the positional
		// form is at most 17 digits long.
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	text := strconv.FormatFloat(x, 'g', precision, 64)
	if !strings.ContainsAny(text, ".e") {
		// Rounded to a whole number (7.999999999999999, 12345.000001):
		// the shortest form that reads back shows the fraction.
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return text
}

// FormatExact writes x in the shortest form that reads back as the same
// float64, as Python's repr writes floats (exponent notation below 1e-4
// and from 1e16 on) but without repr's ".0" on whole numbers, and nan, inf
// and -inf as numpy writes them. Data files and saved variables use it.
func FormatExact(x float64) string {
	if name, ok := nonFiniteName(x); ok {
		return name
	}
	if a := math.Abs(x); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(x, 'e', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// nonFiniteName names NaN and the infinities as numpy does: "nan", "inf"
// and "-inf"; ok is false for a finite x.
func nonFiniteName(x float64) (name string, ok bool) {
	switch {
	case math.IsNaN(x):
		return "nan", true
	case math.IsInf(x, 1):
		return "inf", true
	case math.IsInf(x, -1):
		return "-inf", true
	}
	return "", false
}

// Format returns a as numpy's repr prints arrays, without the "array(...)"
// around them:
//
//	[[ 1.5 , -2.  ],
//	 [30.25,  4.  ]]
//
// A 0-d array prints as FormatNumber does, an empty array as "[]".
//
// One format serves the whole array, chosen from its values as numpy's
// FloatingFormat chooses it (numpy/_core/arrayprint.py), so that every
// entry has the same width and the decimal points line up:
//   - booleans as true and false;
//   - when every finite entry is whole and below 10¹⁶ in magnitude, as
//     integers (calc has no integer type: these are numpy's int arrays);
//   - otherwise in positional notation with at most opts.Decimals digits
//     after the point, each entry the shortest that reads back as itself
//     once rounded there, with trailing zeros dropped ("2." stays);
//   - but in scientific notation, mantissas padded with zeros to a common
//     number of digits, when the largest magnitude is 10⁸ or more, the
//     smallest nonzero one is below 10⁻⁴, or they are more than a factor
//     of 1000 apart.
//
// Entries are separated by ", "; rows wider than opts.LineWidth wrap onto
// lines indented to the row's opening bracket; rows of a 2-d block end
// with ",\n" and blocks with one more newline per extra dimension. An
// array of more than opts.Threshold elements is summarized: each axis
// longer than twice opts.EdgeItems shows that many entries at each end
// with "..." between, and the format is chosen from the entries shown.
// The layout follows numpy's _formatArray line for line.
func Format(a *Array, opts FormatOptions) string {
	opts = opts.withDefaults()
	if a.Ndim() == 0 {
		return FormatNumber(a.Floats()[0], opts.Precision)
	}
	if a.Len() == 0 {
		return "[]"
	}
	p := &printer{shape: a.Shape, edge: -1}
	if a.Len() > opts.Threshold {
		p.edge = opts.EdgeItems
	}
	var at []int
	p.collect(rowMajorStrides(a.Shape), 0, 0, &at)
	p.words = formatEntries(a.values(at), a.Depth == Bool, opts.Decimals)
	return p.format(0, " ", opts.LineWidth)
}

// formatEntries formats the entries of an array with one format chosen
// from all of them (see Format), padded to one width.
func formatEntries(xs []float64, isBool bool, decimals int) []string {
	words := make([]string, len(xs))
	switch {
	case isBool:
		for i, x := range xs {
			words[i] = strconv.FormatBool(x != 0)
		}
		return padLeft(words)
	case wholeNumbers(xs):
		for i, x := range xs {
			words[i] = FormatNumber(x, 0)
		}
		return padLeft(words)
	}
	lo, hi := math.Inf(1), 0.0 // the smallest and largest finite nonzero magnitudes
	for _, x := range xs {
		if ax := math.Abs(x); ax != 0 && !math.IsInf(ax, 0) && !math.IsNaN(ax) {
			lo, hi = min(lo, ax), max(hi, ax)
		}
	}
	scientific := hi >= 1e8 || hi > 0 && (lo < 1e-4 || hi/lo > 1e3)
	// Split each finite entry into the part before the point, the digits
	// after it, and (in scientific notation) the exponent.
	ints, fracs, exps := make([]string, len(xs)), make([]string, len(xs)), make([]int, len(xs))
	intWidth, fracWidth, expWidth := 0, 0, 2
	for i, x := range xs {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			continue
		}
		var text string
		if scientific {
			text = trimZeros(roundedShortest(x, 'e', decimals))
			mant, exp, _ := strings.Cut(text, "e")
			exps[i], _ = strconv.Atoi(exp)
			expWidth = max(expWidth, len(strconv.Itoa(abs(exps[i]))))
			text = mant
		} else {
			text = trimZeros(roundedShortest(x, 'f', decimals))
		}
		ints[i], fracs[i], _ = strings.Cut(text, ".")
		intWidth, fracWidth = max(intWidth, len(ints[i])), max(fracWidth, len(fracs[i]))
	}
	for i, x := range xs {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			words[i] = FormatNumber(x, 0)
			continue
		}
		w := strings.Repeat(" ", intWidth-len(ints[i])) + ints[i] + "." + fracs[i]
		if !scientific {
			// Pad on the right, so that the points line up.
			words[i] = w + strings.Repeat(" ", fracWidth-len(fracs[i]))
			continue
		}
		// Mantissas share their number of digits, as numpy pads them.
		sign, e := "+", strconv.Itoa(abs(exps[i]))
		if exps[i] < 0 {
			sign = "-"
		}
		words[i] = w + strings.Repeat("0", fracWidth-len(fracs[i])) + "e" + sign + strings.Repeat("0", expWidth-len(e)) + e
	}
	// An inf or a nan wider than the numbers widens them all on the left.
	return padLeft(words)
}

// wholeNumbers reports whether every finite entry of xs is whole and below
// 10¹⁶ in magnitude, so that the array prints as integers.
func wholeNumbers(xs []float64) bool {
	for _, x := range xs {
		if !math.IsInf(x, 0) && !math.IsNaN(x) && (x != math.Trunc(x) || math.Abs(x) >= 1e16) {
			return false
		}
	}
	return true
}

// roundedShortest formats x in strconv's format fmt ('f' or 'e') with the
// fewest digits that read back as x, or with decimals digits after the
// point when that is fewer: numpy's dragon4 with unique=True and a
// precision.
func roundedShortest(x float64, fmt byte, decimals int) string {
	s := strconv.FormatFloat(x, fmt, -1, 64)
	mant, _, _ := strings.Cut(s, "e")
	if _, frac, _ := strings.Cut(mant, "."); len(frac) > decimals {
		s = strconv.FormatFloat(x, fmt, decimals, 64)
	}
	return s
}

// trimZeros drops the trailing zeros of the fraction of a number in 'f' or
// 'e' form, keeping the point ("2.50" → "2.5", "3.000" → "3.", "2" → "2.",
// "1.50e+03" → "1.5e+03").
func trimZeros(s string) string {
	mant, exp, hasExp := strings.Cut(s, "e")
	if !strings.Contains(mant, ".") {
		mant += "."
	}
	mant = strings.TrimRight(mant, "0")
	if hasExp {
		return mant + "e" + exp
	}
	return mant
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// padLeft right-aligns words to the widest of them.
func padLeft(words []string) []string {
	width := 0
	for _, w := range words {
		width = max(width, len(w))
	}
	for i, w := range words {
		words[i] = strings.Repeat(" ", width-len(w)) + w
	}
	return words
}

// A printer lays out an array for Format. collect gathers the elements to
// be shown, in row-major order; Format turns them into words, and format
// lays those out, taking them back in the same order.
type printer struct {
	shape []int
	// edge is the number of entries shown at each end of an axis, or -1
	// when the array is printed in full.
	edge  int
	words []string
	next  int
}

// shown returns the indices printed along an axis of length n, and the
// position in them of the "..." that stands for the rest, or -1 when all
// are printed.
func (p *printer) shown(n int) (idx []int, gap int) {
	if p.edge < 0 || 2*p.edge >= n {
		idx = make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx, -1
	}
	for i := range p.edge {
		idx = append(idx, i)
	}
	for i := n - p.edge; i < n; i++ {
		idx = append(idx, i)
	}
	return idx, p.edge
}

// collect appends to at the offsets of the shown elements of the block at
// offset spanning axes axis... of the array, in row-major order.
func (p *printer) collect(strides []int, axis, offset int, at *[]int) {
	idx, _ := p.shown(p.shape[axis])
	for _, i := range idx {
		if axis == len(p.shape)-1 {
			*at = append(*at, offset+i)
		} else {
			p.collect(strides, axis+1, offset+i*strides[axis], at)
		}
	}
}

// format returns the block spanning axes axis... of the array, whose
// continuation lines start with hanging and which must fit in width
// columns, bracketed.
func (p *printer) format(axis int, hanging string, width int) string {
	idx, gap := p.shown(p.shape[axis])
	var items []string
	for k := range idx {
		if k == gap {
			items = append(items, "...")
		}
		if axis == len(p.shape)-1 {
			items = append(items, p.words[p.next])
			p.next++
		} else {
			// Nested blocks are one column further in, and one narrower
			// to leave room for the closing bracket.
			items = append(items, p.format(axis+1, hanging+" ", width-1))
		}
	}
	var s strings.Builder
	if axis == len(p.shape)-1 {
		wrap(&s, items, hanging, width-len("]"))
	} else {
		sep := "," + strings.Repeat("\n", len(p.shape)-axis-1)
		for k, item := range items {
			if k > 0 {
				s.WriteString(sep)
			}
			s.WriteString(hanging + item)
		}
	}
	return "[" + s.String()[len(hanging):] + "]"
}

// wrap writes to s the words of one row separated by ", ", each line
// starting with hanging, moving to a new line before any word that would
// pass width unless the line holds no word yet.
func wrap(s *strings.Builder, words []string, hanging string, width int) {
	line := hanging
	for k, w := range words {
		if len(line)+len(w) > width && len(line) > len(hanging) {
			s.WriteString(strings.TrimRight(line, " ") + "\n")
			line = hanging
		}
		line += w
		if k < len(words)-1 {
			line += ", "
		}
	}
	s.WriteString(line)
}
