package builtins_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"calc/builtins"
)

// TestEveryBuiltinHasHelp checks that each builtin documents itself, sits
// in a known topic, and that its example runs without error.
func TestEveryBuiltinHasHelp(t *testing.T) {
	seen := map[string]bool{}
	for _, b := range builtins.All() {
		if seen[b.Name] {
			t.Errorf("%s is registered twice", b.Name)
		}
		seen[b.Name] = true
		if b.Doc == "" || b.Example == "" || b.Params == "" && b.MaxArgs != 0 {
			t.Errorf("%s: missing doc, example or params", b.Name)
		}
		if !slices.Contains(builtins.Topics, b.Topic) {
			t.Errorf("%s: unknown topic %q", b.Name, b.Topic)
		}
		if !strings.Contains(b.Example, b.Name) {
			t.Errorf("%s: the example does not use it: %q", b.Name, b.Example)
		}
		s := builtins.NewSession()
		var out bytes.Buffer
		s.Out = &out
		if err := s.Run("example", b.Example); err != nil {
			t.Errorf("%s: example fails:\n%v", b.Name, err)
		}
		if out.Len() == 0 {
			t.Errorf("%s: example prints nothing", b.Name)
		}
	}
}

func TestHelpText(t *testing.T) {
	s := builtins.NewSession()
	text, err := builtins.Help(s, "sorted")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sorted(xs, {key, reverse})", "stable", "calc> sorted("} {
		if !strings.Contains(text, want) {
			t.Errorf("help sorted lacks %q:\n%s", want, text)
		}
	}
	if _, err := builtins.Help(s, "sortd"); err == nil || !strings.Contains(err.Error(), `did you mean "sort" or "sorted"`) {
		t.Errorf("help of a misspelt name: %v", err)
	}
	overview := builtins.Overview(s)
	for _, topic := range builtins.Topics {
		if !strings.Contains(overview, topic+":") {
			t.Errorf("overview lacks topic %s", topic)
		}
	}
}
