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
	if name == "syntax" {
		return syntaxHelp, nil
	}
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
	t.WriteString("\nhelp(NAME) shows one in full; help(\"TOPIC\") a topic; help(\"syntax\") the grammar.")
	return t.String()
}

// syntaxHelp is help("syntax"): the grammar on one screen.
const syntaxHelp = `calc's grammar                                       (help NAME for a function)
  x = 2; y = x + 1          statements end at the line's end or ;  (# comments)
  y;                        a trailing ; does not print the value
  f(x, y) = x**2 + y        a function; its body is its value
  sq = x -> x**2            a lambda; (a, b) -> a*b takes two
  a, b = b, a               unpack; results too: x, ier = leastsq(...)
  w[0, 1] = 5; r.x += 1     set an element or a field (the value is copied)
  + - * / // % ** @         // floors, % takes the divisor's sign, @ is dot
  == != < <= > >=           comparisons give booleans; 0 < x < 1 chains
  and or not                elementwise on arrays of booleans
  a[i, j]  a[:, 0]  a[::-1] numpy indexing, 0-based, negatives from the end
  a[a > 0]  a[[0, 2]]       masks and lists of positions select; a[a < 0] = 0
  (1, 2)  [1, 2]  {x: 1}    tuple, array, record (r.x, r[0] in field order)
  c ? a : b                 conditional; also if c { a } else { b }
  let d = b**2 - 4*a*c; d   a local name inside an expression
  xs | map(f)               the pipe: f(xs, ...) written left to right
  f(xs, key=abs)            keywords mean the options record f(xs, {key: abs})
  grad(f)(1)  fs[0](2)      call any expression that gives a function
  1_000_000  0x1F  1e-8     numbers are float64
Symbols: a name that is not bound is a symbol, so diff(x**2, x) and
fmin(x**2 - 4*x + 8, 1.3) work. An expression is a function of its symbols in
alphabetical order: (x**2 + y)(1, 2) is 3; say another order with a lambda,
(y, x) -> x**2 + y. A note tells when a symbol looks like a misspelt name.
Not calc: lambda, def, for, list comprehensions, f-strings; errors show calc's
spelling.`
