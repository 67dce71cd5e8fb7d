package lang

import (
	"calc/autodiff"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// Format returns v as the REPL prints it, with the default precision and
// width: a lone number with 10 significant digits, arrays as numpy prints
// them (array.Format) in 80 columns.
func Format(v Value) string { return format(v, array.FormatOptions{}) }

// Format returns v as the REPL prints it, with the session's precision
// and width. A lone number shows Precision significant digits (but never
// hides a fraction, see array.FormatNumber); array entries show at most
// Precision-2 digits after the point, so the default 10 gives numpy's 8.
func (s *Session) Format(v Value) string {
	return format(v, s.formatOptions())
}

// formatOptions are the session's settings for printing values.
func (s *Session) formatOptions() array.FormatOptions {
	return array.FormatOptions{Precision: s.Precision, Decimals: max(1, s.Precision-2), LineWidth: s.Width}
}

// FormatText returns v as print() shows it: strings without quotes.
func (s *Session) FormatText(v Value) string {
	if v.kind == StrKind {
		return v.Text()
	}
	return s.Format(v)
}

func format(v Value, opts array.FormatOptions) string {
	switch v.kind {
	case NilKind:
		return "nil"
	case NumKind:
		return array.FormatNumber(v.num, precision(opts))
	case BoolKind:
		return strconv.FormatBool(v.num != 0)
	case StrKind:
		return strconv.Quote(v.Text())
	case ArrayKind:
		return array.Format(v.Array(), opts)
	case ListKind:
		items := v.List().Items
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = format(it, opts)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case RecordKind:
		return formatRecord(v.Record(), opts, 0)
	case FuncKind:
		switch f := v.ref.(type) {
		case *Builtin:
			return "<builtin " + f.Signature() + ">"
		case *UserFunc:
			return f.Definition()
		case Callable:
			return "<function " + f.Signature() + ">"
		}
	case ExprKind:
		return autodiff.Format(v.Node(), precision(opts))
	case ObjectKind:
		return v.Object().String()
	case ComplexKind:
		c, _ := v.ComplexArray()
		return array.FormatComplex(c, opts)
	}
	return "?"
}

// lineWidth is the columns a value may fill.
func lineWidth(opts array.FormatOptions) int {
	if opts.LineWidth == 0 {
		return 80
	}
	return opts.LineWidth
}

func precision(opts array.FormatOptions) int {
	if opts.Precision == 0 {
		return 10
	}
	return opts.Precision
}

// formatRecord writes a record on one line when it is short and flat, else
// one field a line, indented by depth, with multi-line values (matrices,
// inner records) lined up under their first line.
func formatRecord(r *Record, opts array.FormatOptions, depth int) string {
	parts := make([]string, len(r.Keys))
	multiline := false
	for i, k := range r.Keys {
		v := r.Values[k]
		var text string
		if inner := v.Record(); inner != nil {
			text = formatRecord(inner, opts, depth+1)
		} else {
			// A multi-line value starts after "  key: " at this depth.
			inner := opts
			inner.LineWidth = max(20, lineWidth(opts)-2*(depth+1)-len(k)-2)
			text = format(v, inner)
		}
		multiline = multiline || strings.Contains(text, "\n")
		parts[i] = k + ": " + text
	}
	flat := "{" + strings.Join(parts, ", ") + "}"
	if !multiline && len(flat)+2*depth <= lineWidth(opts)-8 || len(r.Keys) <= 1 && !multiline {
		return flat
	}
	pad := strings.Repeat("  ", depth+1)
	for i, k := range r.Keys {
		if r.Values[k].Record() != nil {
			parts[i] = pad + parts[i] // an inner record indents itself
		} else {
			parts[i] = pad + indentAfterFirst(parts[i], len(pad)+len(k)+2)
		}
	}
	return "{\n" + strings.Join(parts, ",\n") + "\n" + strings.Repeat("  ", depth) + "}"
}

// indentAfterFirst indents every line of s but the first by n spaces, so a
// multi-line array inside a record lines up under its first row.
func indentAfterFirst(s string, n int) string {
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}
