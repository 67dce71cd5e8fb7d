package builtins_test

import (
	"strings"
	"testing"

	"calc/builtins"
)

// TestUnstoppableNote: a factorization large enough to take a while says,
// before it starts, that Ctrl-C cannot stop it; a small one says nothing.
func TestUnstoppableNote(t *testing.T) {
	for _, c := range []struct {
		src  string
		note bool
	}{
		{"det(ones(1000, 1000) + eye(1000))", true},
		{"det(ones(100, 100) + eye(100))", false},
	} {
		s := builtins.NewSession()
		var out strings.Builder
		s.Out = &out
		if _, err := s.Eval(c.src); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), "Ctrl-C cannot stop"); got != c.note {
			t.Errorf("%s: note %v, want %v (output %q)", c.src, got, c.note, out.String())
		}
	}
}
