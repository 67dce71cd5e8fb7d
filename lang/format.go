package lang

import (
	"calc/autodiff"
	"fmt"
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
// A value that would print as more than MaxOutput bytes is not formatted:
// its text would be built in full before any limit could stop it (a graph
// whose shared parts unfold into 2^30 terms, say), so it shows as a short
// note instead; CheckPrintable makes that an error.
func (s *Session) Format(v Value) string {
	if s.unprintable(v) != nil {
		return fmt.Sprintf("<%s that prints as more than %d bytes>", v.TypeName(), s.MaxOutput)
	}
	return format(v, s.formatOptions())
}

// formatOptions are the session's settings for printing values.
func (s *Session) formatOptions() array.FormatOptions {
	return array.FormatOptions{Precision: s.Precision, Decimals: max(1, s.Precision-2), LineWidth: s.Width}
}

// CheckPrintable raises an error if v would print as more than MaxOutput
// bytes. Builtins that format a value (str, print, latex) call it first.
func (s *Session) CheckPrintable(v Value) {
	if err := s.unprintable(v); err != nil {
		panic(err)
	}
}

// unprintable returns an error if v prints as more than MaxOutput bytes.
func (s *Session) unprintable(v Value) *Error {
	if s.MaxOutput <= 0 {
		return nil
	}
	z := sizer{limit: s.MaxOutput, memo: map[any]int{}}
	if z.value(v, 0) <= s.MaxOutput {
		return nil
	}
	return Errorf("this %s's output passed the limit of %d bytes (look at part of it: a slice, len(), or sum())", v.TypeName(), s.MaxOutput)
}

// sizer finds a lower bound on the bytes a value prints as, counting the
// tree that its shared parts unfold into (the printer repeats a shared
// part at each use) in time proportional to the distinct parts: a byte
// for each number, name and operation, a string's text, two for each
// item's separator, a field's name and its indent (two spaces for each
// level of records around it: formatRecord's layout when nested). Counts
// saturate just past limit.
type sizer struct {
	limit int
	memo  map[any]int
}

func (z *sizer) add(a, b int) int { return min(a+b, z.limit+1) }

func (z *sizer) value(v Value, depth int) int {
	switch v.kind {
	case StrKind:
		return min(len(v.Text())+2, z.limit+1)
	case ListKind:
		l := v.List()
		if n, ok := z.memo[l]; ok {
			return n
		}
		n := 2
		for _, it := range l.Items {
			n = z.add(n, z.add(z.value(it, depth), 2))
		}
		z.memo[l] = n
		return n
	case RecordKind:
		r := v.Record()
		if n, ok := z.memo[r]; ok {
			return n
		}
		n := 2
		for _, k := range r.Keys {
			n = z.add(n, z.add(z.value(r.Values[k], depth+1), len(k)+2+2*depth))
		}
		z.memo[r] = n
		return n
	case ExprKind:
		return z.node(v.Node())
	}
	return 1
}

func (z *sizer) node(n *autodiff.Node) int {
	if k, ok := z.memo[n]; ok {
		return k
	}
	k := 1
	for _, a := range n.Args {
		k = z.add(k, z.node(a))
	}
	z.memo[n] = k
	return k
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
