package builtins

import (
	"fmt"
	"strings"

	"calc/lang"
)

// Help returns the help text of the builtin called name: its signature,
// its documentation and its example. An unknown name is an error that
// suggests the nearest names.
func Help(s *lang.Session, name string) (string, error) {
	b := s.Builtin(name)
	if b == nil {
		return "", lang.Errorf("no builtin named %q%s", name, s.DidYouMean(name))
	}
	var t strings.Builder
	fmt.Fprintf(&t, "%s\n\n", b.Signature())
	for _, line := range strings.Split(b.Doc, "\n") {
		fmt.Fprintf(&t, "  %s\n", line)
	}
	t.WriteString("\nExample:\n")
	for _, line := range strings.Split(b.Example, "\n") {
		fmt.Fprintf(&t, "  calc> %s\n", line)
	}
	return strings.TrimRight(t.String(), "\n"), nil
}

// Overview lists the builtins by topic, one line each.
func Overview(s *lang.Session) string {
	var t strings.Builder
	for i, topic := range Topics {
		if i > 0 {
			t.WriteString("\n")
		}
		fmt.Fprintf(&t, "%s:\n", topic)
		for _, b := range s.Builtins() {
			if b.Topic == topic {
				fmt.Fprintf(&t, "  %-14s %s\n", b.Name, b.Summary())
			}
		}
	}
	t.WriteString("\nhelp(NAME) shows one in full.")
	return t.String()
}
