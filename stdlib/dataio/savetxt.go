package dataio

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// SaveOptions are the settings of SaveTxt, numpy.savetxt's parameters of
// the same names. The zero value writes as numpy.savetxt's defaults do.
type SaveOptions struct {
	// Fmt formats a row: one %-format for every column ("%.18e" if
	// empty), one per column, or a single string with a format for each
	// column and the text between them (then Delimiter is not used).
	Fmt []string
	// Delimiter separates the columns; a space if empty.
	Delimiter string
	// Header and Footer, if not empty, are written before and after the
	// rows, each of their lines after Comments ("# " if empty).
	Header, Footer, Comments string
}

// SaveTxt writes a, a vector (written as one column, as numpy does) or a
// matrix, as lines of text, as numpy.savetxt does: each row is formatted
// by Python's %-formatting of its values with the format in opts.Fmt.
// The conversions are d, i and u (the value truncated to an integer), e,
// E, f, F, g, G and s (Python's str of the value), with Python's flags,
// width and precision; like Python, x and o are refused for floats.
func SaveTxt(w io.Writer, a *array.Array, opts SaveOptions) error {
	rows, cols := 0, 0
	switch len(a.Shape) {
	case 1:
		rows, cols = a.Shape[0], 1
	case 2:
		rows, cols = a.Shape[0], a.Shape[1]
	default:
		return fmt.Errorf("savetxt writes a vector or a matrix, not an array of shape %s", array.ShapeString(a.Shape))
	}
	delim, comments := opts.Delimiter, opts.Comments
	if delim == "" {
		delim = " "
	}
	if comments == "" {
		comments = "# "
	}
	row, err := rowFormat(opts.Fmt, delim, cols)
	if err != nil {
		return err
	}
	if opts.Header != "" {
		if _, err := io.WriteString(w, comments+strings.ReplaceAll(opts.Header, "\n", "\n"+comments)+"\n"); err != nil {
			return err
		}
	}
	var b []byte
	for i := range rows {
		b = b[:0]
		vals := a.Floats()[i*cols : (i+1)*cols]
		for k, piece := range row.text {
			b = append(b, piece...)
			if k < len(row.specs) {
				if b, err = row.specs[k].append(b, vals[k]); err != nil {
					return fmt.Errorf("row %d, column %d: %w", i, k, err)
				}
			}
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if opts.Footer != "" {
		_, err := io.WriteString(w, comments+strings.ReplaceAll(opts.Footer, "\n", "\n"+comments)+"\n")
		return err
	}
	return nil
}

// pyFormat is a Python %-format string split into its conversions and the
// text around them: text[0] spec[0] text[1] spec[1] … text[n].
type pyFormat struct {
	text  []string
	specs []pySpec
}

// rowFormat returns the format of a row of cols values, as numpy.savetxt
// builds it from fmt and the delimiter.
func rowFormat(fmts []string, delim string, cols int) (pyFormat, error) {
	var whole string
	switch {
	case len(fmts) == 0:
		whole = strings.Repeat("%.18e"+delim, cols-1) + "%.18e"
	case len(fmts) > 1:
		if len(fmts) != cols {
			return pyFormat{}, fmt.Errorf("%d formats for %d columns", len(fmts), cols)
		}
		whole = strings.Join(fmts, delim)
	default:
		if strings.Count(strings.ReplaceAll(fmts[0], "%%", ""), "%") == 1 {
			whole = strings.Repeat(fmts[0]+delim, cols-1) + fmts[0]
		} else {
			whole = fmts[0]
		}
	}
	f, err := parsePyFormat(whole)
	if err == nil && len(f.specs) != cols {
		err = fmt.Errorf("the format %q has %d conversions for %d columns", whole, len(f.specs), cols)
	}
	return f, err
}

// parsePyFormat parses a Python %-format string.
func parsePyFormat(s string) (pyFormat, error) {
	var f pyFormat
	var text strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			text.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '%' {
			text.WriteByte('%')
			i++
			continue
		}
		spec, n, err := parsePySpec(s[i:])
		if err != nil {
			return f, fmt.Errorf("format %q: %w", s, err)
		}
		f.text = append(f.text, text.String())
		text.Reset()
		f.specs = append(f.specs, spec)
		i += n - 1
	}
	f.text = append(f.text, text.String())
	return f, nil
}

// pySpec is one Python %-conversion: %[flags][width][.precision]verb.
type pySpec struct {
	flags     string
	width     int
	precision int // -1: none given
	verb      byte
}

// parsePySpec parses the conversion at the start of s (which starts with
// %) and returns it with its length.
func parsePySpec(s string) (pySpec, int, error) {
	sp := pySpec{precision: -1}
	i := 1
	for i < len(s) && strings.IndexByte("-+ #0", s[i]) >= 0 {
		sp.flags += s[i : i+1]
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 1000 {
			n = 10*n + int(s[i]-'0')
			i++
		}
		return n
	}
	sp.width = digits()
	if i < len(s) && s[i] == '.' {
		i++
		sp.precision = digits()
	}
	if i < len(s) && (s[i] == 'l' || s[i] == 'h' || s[i] == 'L') { // Python ignores length modifiers
		i++
	}
	if i == len(s) || strings.IndexByte("diueEfFgGs", s[i]) < 0 {
		return sp, 0, fmt.Errorf("unsupported conversion %q (use d, e, f, g or s)", s[:min(i+1, len(s))])
	}
	sp.verb = s[i]
	return sp, i + 1, nil
}

// append appends x formatted by the conversion.
func (sp pySpec) append(b []byte, x float64) ([]byte, error) {
	var body string
	switch sp.verb {
	case 'd', 'i', 'u':
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return b, fmt.Errorf("cannot write %s as an integer (%%%c)", array.FormatExact(x), sp.verb)
		}
		return append(b, sp.goFormat('d', math.Trunc(x), true)...), nil
	case 's':
		body = array.FormatExact(x)
		if !math.IsNaN(x) && !math.IsInf(x, 0) && x == math.Trunc(x) && math.Abs(x) < 1e16 {
			body += ".0" // Python's str of a float
		}
		return append(b, sp.pad(body, false)...), nil
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		body = "nan"
		if math.IsInf(x, 0) {
			body = "inf"
		}
		if sp.verb >= 'A' && sp.verb <= 'Z' {
			body = strings.ToUpper(body)
		}
		switch {
		case math.IsInf(x, -1):
			body = "-" + body
		case strings.Contains(sp.flags, "+"):
			body = "+" + body
		case strings.Contains(sp.flags, " "):
			body = " " + body
		}
		return append(b, sp.pad(body, true)...), nil
	}
	// Without flags or width, strconv writes what fmt would, without
	// allocating.
	if sp.flags == "" && sp.width == 0 && sp.verb != 'F' {
		return strconv.AppendFloat(b, x, sp.verb, sp.prec(), 64), nil
	}
	return append(b, sp.goFormat(sp.verb, x, false)...), nil
}

// prec is the conversion's precision, 6 if none is given, as in Python.
func (sp pySpec) prec() int {
	if sp.precision < 0 {
		return 6
	}
	return sp.precision
}

// goFormat formats x with Go's fmt, whose verbs d, e, f, g and flags
// agree with Python's for finite values.
func (sp pySpec) goFormat(verb byte, x float64, integer bool) string {
	f := "%" + sp.flags
	if sp.width > 0 {
		f += strconv.Itoa(sp.width)
	}
	if integer {
		return fmt.Sprintf(f+string(verb), int64(x))
	}
	if verb == 'F' {
		verb = 'f'
	}
	return fmt.Sprintf(f+"."+strconv.Itoa(sp.prec())+string(verb), x)
}

// pad pads body to the conversion's width: on the right with the - flag,
// else on the left with zeros after the sign (with the 0 flag, where
// zeros is set) or with spaces.
func (sp pySpec) pad(body string, zeros bool) string {
	n := sp.width - len(body)
	switch {
	case n <= 0:
		return body
	case strings.Contains(sp.flags, "-"):
		return body + strings.Repeat(" ", n)
	case zeros && strings.Contains(sp.flags, "0"):
		sign := ""
		if body[0] == '-' || body[0] == '+' || body[0] == ' ' {
			sign, body = body[:1], body[1:]
		}
		return sign + strings.Repeat("0", n) + body
	}
	return strings.Repeat(" ", n) + body
}
