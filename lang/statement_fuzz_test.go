package lang

import (
	"strings"
	"testing"
)

// FuzzStatements cuts arbitrary text into statements: no input panics,
// every statement's expression lies inside the text, and the offsets are
// in order.
func FuzzStatements(f *testing.F) {
	for _, seed := range []string{"x = 1\nf(a, b) = a + b # c\n[1,\n2]", "\"#\" + '#'", "`raw\n#`", "a(", "f(x) = (", "1 = 2", "let y = 1; y"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		src := &Source{Name: "<fuzz>", Text: text}
		stmts, err := splitStatements(src)
		Incomplete(text)
		if err != nil {
			return
		}
		runes := len([]rune(text))
		last := -1
		for _, st := range stmts {
			if st.startPos < last || st.exprPos < st.startPos || st.exprPos > runes {
				t.Fatalf("statement offsets out of order in %q: %+v", text, st)
			}
			last = st.startPos
			if st.kind == defineStmt && len(st.params) == 0 && !strings.Contains(text, "()") {
				t.Fatalf("a definition without parameters in %q", text)
			}
		}
	})
}
