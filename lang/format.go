package lang

import (
	"calc/autodiff"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// Format returns v as the REPL prints it, with 10 significant digits.
func Format(v Value) string { return format(v, array.FormatOptions{}, true) }

// Format returns v as the REPL prints it, with the session's precision.
func (s *Session) Format(v Value) string {
	return format(v, array.FormatOptions{Precision: s.Precision}, true)
}

// FormatText returns v as print() shows it: strings without quotes.
func (s *Session) FormatText(v Value) string {
	if v.kind == StrKind {
		return v.Text()
	}
	return s.Format(v)
}

func format(v Value, opts array.FormatOptions, top bool) string {
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
			parts[i] = format(it, opts, false)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case RecordKind:
		r := v.Record()
		parts := make([]string, len(r.Keys))
		for i, k := range r.Keys {
			parts[i] = k + ": " + indentAfterFirst(format(r.Values[k], opts, false), len(k)+2)
		}
		if top && len(r.Keys) > 1 && len(strings.Join(parts, ", ")) > 70 {
			return "{\n  " + strings.Join(indentAll(parts, 2), ",\n  ") + "\n}"
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case FuncKind:
		switch f := v.ref.(type) {
		case *Builtin:
			return "<builtin " + f.Signature() + ">"
		case Callable:
			return "<function " + f.Signature() + ">"
		}
	case ExprKind:
		return autodiff.Format(v.Node(), precision(opts))
	case ObjectKind:
		return v.Object().String()
	}
	return "?"
}

func precision(opts array.FormatOptions) int {
	if opts.Precision == 0 {
		return 10
	}
	return opts.Precision
}

// indentAfterFirst indents every line of s but the first by n spaces, so a
// multi-line array inside a record lines up under its first row.
func indentAfterFirst(s string, n int) string {
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}

func indentAll(parts []string, n int) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = indentAfterFirst(p, n)
	}
	return out
}
