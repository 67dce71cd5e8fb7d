package builtins

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"calc/lang"
)

// formatBuiltin is format(x, spec), listed with the core builtins.
var formatBuiltin = &lang.Builtin{
	Name: "format", Params: []lang.Param{{Name: "x", Doc: "a number, a string, or an array or a list of them"}, {Name: "spec", Kind: lang.TextArg, Doc: "the format, such as \".3f\""}}, Topic: "core",
	Doc: "x as text in a format of Python's mini-language, such as \".3f\".\n" +
		"spec is [[fill]align][sign][0][width][,|_][.precision][type]: align <, > or ^;\n" +
		"sign + or space; type f (fixed), e (scientific), g (general), % (percent),\n" +
		"d (a whole number) or s (a string). A complex number's parts are formatted\n" +
		"both, as 1.00+2.00j; an array or a list is formatted entry by entry, inside brackets.",
	Example: "format(pi, \".3f\")\nformat(1234567.891, \",.2f\")\nformat([0.5, 0.25], \"6.1%\")",
	Fn: func(s *lang.Session, a lang.Args) lang.Value {
		spec, err := parseSpec(a.Str(1))
		if err != nil {
			panic(lang.ArgErrorf(1, "%v", err))
		}
		return lang.Str(formatValue(a[0], spec))
	},
}

// formatSpec is a parsed format specification, as Python's format() reads
// it (the Format Specification Mini-Language of Python's string module).
type formatSpec struct {
	fill      rune
	align     byte // '<', '>', '^', or 0 for the type's default
	sign      byte // '+', ' ' or '-'
	zero      bool
	width     int
	grouping  byte // ',' or '_' between thousands, or 0
	precision int  // -1 when not given
	verb      byte // 'f', 'e', 'g', '%', 'd', 's', or 0 for calc's own
}

// parseSpec reads [[fill]align][sign][0][width][grouping][.precision][type].
func parseSpec(text string) (formatSpec, error) {
	sp := formatSpec{fill: ' ', sign: '-', precision: -1}
	rest := text
	if r, n := utf8.DecodeRuneInString(rest); n > 0 && len(rest) > n && strings.IndexByte("<>^", rest[n]) >= 0 {
		sp.fill, sp.align, rest = r, rest[n], rest[n+1:]
	} else if rest != "" && strings.IndexByte("<>^", rest[0]) >= 0 {
		sp.align, rest = rest[0], rest[1:]
	}
	if rest != "" && strings.IndexByte("+- ", rest[0]) >= 0 {
		sp.sign, rest = rest[0], rest[1:]
	}
	if strings.HasPrefix(rest, "0") {
		sp.zero, rest = true, rest[1:]
	}
	digits := func() int {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		v, _ := strconv.Atoi(rest[:n])
		rest = rest[n:]
		return v
	}
	sp.width = digits()
	if rest != "" && (rest[0] == ',' || rest[0] == '_') {
		sp.grouping, rest = rest[0], rest[1:]
	}
	if strings.HasPrefix(rest, ".") {
		rest = rest[1:]
		if rest == "" || rest[0] < '0' || rest[0] > '9' {
			return sp, lang.Errorf("the format %q has a point without a precision after it", text)
		}
		sp.precision = digits()
	}
	if len(rest) == 1 && strings.IndexByte("fFeEgG%ds", rest[0]) >= 0 {
		sp.verb, rest = rest[0], ""
	}
	if rest != "" || sp.precision > 100 || sp.width > 1000 {
		return sp, lang.Errorf("cannot read the format %q: it is [[fill]align][sign][0][width][,][.precision][type], such as \".3f\" or \">10,.2f\"", text)
	}
	return sp, nil
}

// formatValue formats a number, a string or a bool by spec, and arrays
// and lists entry by entry.
func formatValue(v lang.Value, sp formatSpec) string {
	switch v.Kind() {
	case lang.NumKind:
		return sp.pad(sp.number(v.Float()), true)
	case lang.BoolKind:
		if sp.verb != 0 && sp.verb != 's' || sp.precision >= 0 {
			return sp.pad(sp.number(v.Float()), true) // Python's True formats as 1
		}
	case lang.StrKind:
		return sp.pad(v.Text(), false)
	case lang.ComplexKind:
		c, _ := v.ComplexArray()
		return sp.complexEntries(c.Shape(), c.Values())
	case lang.ArrayKind, lang.ListKind:
		items, _ := lang.Items(v)
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = formatValue(it, sp)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return sp.pad(lang.Format(v), false)
}

// complexEntries formats the complex numbers zs, of the given shape, one
// by one, inside brackets for each axis.
func (sp formatSpec) complexEntries(shape []int, zs []complex128) string {
	if len(shape) == 0 {
		return sp.pad(sp.complex(zs[0]), true)
	}
	parts := make([]string, shape[0])
	step := len(zs) / max(shape[0], 1)
	for i := range parts {
		parts[i] = sp.complexEntries(shape[1:], zs[i*step:(i+1)*step])
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// complex formats z as Python's format does: both parts by the spec's
// type and precision, as 1.00+2.00j, or as calc prints it when the spec
// has neither.
func (sp formatSpec) complex(z complex128) string {
	switch {
	case sp.verb == 0 && sp.precision < 0:
		return lang.Format(lang.Complex(z))
	case sp.verb == 'd' || sp.verb == '%' || sp.verb == 's':
		panic(lang.ArgErrorf(1, "the format %c does not take complex numbers (f, e and g do)", sp.verb))
	}
	part := sp
	part.width, part.zero = 0, false
	im := part
	im.sign = '+'
	return part.number(real(z)) + im.number(imag(z)) + "j"
}

// number formats x by the spec's type, sign, grouping and precision.
func (sp formatSpec) number(x float64) string {
	prec := sp.precision
	if prec < 0 {
		prec = 6
	}
	var text string
	switch {
	case math.IsNaN(x):
		text = "nan"
	case math.IsInf(x, 0):
		text = "inf"
	default:
		switch sp.verb {
		case 'f', 'F':
			text = strconv.FormatFloat(math.Abs(x), 'f', prec, 64)
		case 'e', 'E':
			text = strconv.FormatFloat(math.Abs(x), 'e', prec, 64)
		case 'g', 'G':
			text = strconv.FormatFloat(math.Abs(x), 'g', max(prec, 1), 64)
		case '%':
			text = strconv.FormatFloat(math.Abs(x)*100, 'f', prec, 64) + "%"
		case 'd':
			if x != math.Trunc(x) {
				panic(lang.ArgErrorf(0, "the format d takes whole numbers, got %s", lang.Format(lang.Num(x))))
			}
			text = strconv.FormatFloat(math.Abs(x), 'f', 0, 64)
		default:
			if sp.precision >= 0 {
				text = strconv.FormatFloat(math.Abs(x), 'g', max(prec, 1), 64)
			} else {
				text = strings.TrimPrefix(lang.Format(lang.Num(math.Abs(x))), "-")
			}
		}
		if sp.verb == 'E' || sp.verb == 'G' {
			text = strings.ToUpper(text)
		}
		if sp.grouping != 0 {
			text = group(text, sp.grouping)
		}
	}
	sign := ""
	switch {
	case math.Signbit(x) && !math.IsNaN(x):
		sign = "-"
	case sp.sign == '+':
		sign = "+"
	case sp.sign == ' ':
		sign = " "
	}
	if sp.zero && sp.align == 0 {
		// Zero padding goes between the sign and the digits.
		if n := sp.width - len(sign) - utf8.RuneCountInString(text); n > 0 {
			text = strings.Repeat("0", n) + text
		}
	}
	return sign + text
}

// group puts sep between the thousands of the whole part of a number.
func group(text string, sep byte) string {
	end := strings.IndexFunc(text, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(text)
	}
	whole := text[:end]
	var b strings.Builder
	for i := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(whole[i])
	}
	return b.String() + text[end:]
}

// pad fills text out to the spec's width, aligned as the spec says, or on
// the right for numbers and the left for text by default.
func (sp formatSpec) pad(text string, number bool) string {
	n := sp.width - utf8.RuneCountInString(text)
	if n <= 0 {
		return text
	}
	fill := func(k int) string { return strings.Repeat(string(sp.fill), k) }
	align := sp.align
	if align == 0 {
		align = '<'
		if number {
			align = '>'
		}
	}
	switch align {
	case '<':
		return text + fill(n)
	case '^':
		return fill(n/2) + text + fill(n-n/2)
	}
	return fill(n) + text
}
