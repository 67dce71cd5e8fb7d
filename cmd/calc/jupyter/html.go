package jupyter

import (
	"html"
	"strings"
	"unicode/utf8"

	"calc/lang"
	"calc/stdlib/array"
)

// The largest values shown as HTML tables: bigger ones read better as text.
const (
	maxTableRows  = 20
	maxTableCols  = 12
	maxTableValue = 60 // runes of a record field's value
)

// htmlTable returns a small matrix, or a record of short one-line values
// (a solver's result), as an HTML table; ok is false for other values.
func (k *Kernel) htmlTable(v lang.Value) (table string, ok bool) {
	var b strings.Builder
	b.WriteString("<table>\n")
	switch v.Kind() {
	case lang.ArrayKind:
		a := v.Array()
		if len(a.Shape) != 2 || a.Shape[0] > maxTableRows || a.Shape[1] > maxTableCols || a.Shape[0]*a.Shape[1] == 0 {
			return "", false
		}
		for i := range a.Shape[0] {
			b.WriteString("<tr>")
			for _, x := range a.Floats()[i*a.Shape[1] : (i+1)*a.Shape[1]] {
				b.WriteString("<td>" + html.EscapeString(array.FormatNumber(x, k.s.Precision)) + "</td>")
			}
			b.WriteString("</tr>\n")
		}
	case lang.RecordKind:
		r := v.Record()
		if len(r.Keys) == 0 || len(r.Keys) > maxTableRows {
			return "", false
		}
		for _, key := range r.Keys {
			text := k.s.Format(r.Values[key])
			if strings.Contains(text, "\n") || utf8.RuneCountInString(text) > maxTableValue {
				return "", false
			}
			b.WriteString("<tr><th>" + html.EscapeString(key) + "</th><td>" + html.EscapeString(text) + "</td></tr>\n")
		}
	default:
		return "", false
	}
	b.WriteString("</table>")
	return b.String(), true
}
