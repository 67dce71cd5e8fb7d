package builtins

import (
	"fmt"
	"slices"
	"strings"

	"calc/lang"
)

// Help returns the help text of the builtin called name: its signature,
// its documentation and its example. An unknown name is an error that
// suggests the nearest names.
func Help(s *lang.Session, name string) (string, error) {
	if slices.Contains(Topics, name) {
		return topicHelp(s, name), nil
	}
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

// topicHelp explains a topic, where there is more to say than its
// builtins' summaries, and lists its builtins.
func topicHelp(s *lang.Session, topic string) string {
	var t strings.Builder
	if text, ok := topicTexts[topic]; ok {
		t.WriteString(text + "\n\n")
	}
	fmt.Fprintf(&t, "%s:\n", topic)
	for _, b := range s.Builtins() {
		if b.Topic == topic {
			fmt.Fprintf(&t, "  %-20s %s\n", b.Name, b.Summary())
		}
	}
	return strings.TrimRight(t.String(), "\n")
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
	t.WriteString("\nhelp(NAME) shows one in full; help(\"TOPIC\") a topic.")
	return t.String()
}
