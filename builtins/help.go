package builtins

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"calc/lang"
)

// Help returns the help text of name: a topic's builtins, the grammar for
// "syntax", or a builtin in full (BuiltinHelp). help NAME at the REPL's
// prompt and help(NAME) in a script both show it. A name that is both a
// topic and a builtin (roots) is the topic, whose text says how to reach
// the builtin. An unknown name is an error that suggests the nearest
// names.
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
	return BuiltinHelp(s, b), nil
}

// BuiltinHelp returns a builtin's help: its signature, its documentation
// and its example with the example's output under each line, as in a
// session, wrapped to 80 columns.
func BuiltinHelp(s *lang.Session, b *lang.Builtin) string {
	var t strings.Builder
	sig := b.Signature()
	indent := strings.Repeat(" ", utf8.RuneCountInString(sig[:strings.IndexByte(sig, '(')+1]))
	for i, line := range wrapWords(sig, helpWidth-len(indent)) {
		if i > 0 {
			line = indent + line // under the first parameter
		}
		fmt.Fprintf(&t, "%s\n", line)
	}
	t.WriteString("\n")
	for _, line := range wrapDoc(b.Doc, helpWidth-2) {
		fmt.Fprintf(&t, "  %s\n", line)
	}
	t.WriteString(paramsHelp(b))
	t.WriteString(optionsHelp(b))
	t.WriteString("\nExample:\n")
	t.WriteString(exampleTranscript(b.Example, s.Safe))
	return strings.TrimRight(t.String(), "\n")
}

// paramsHelp lists a builtin's parameters, one to a line, each with its
// default if it has one; a name that several forms share is listed once.
func paramsHelp(b *lang.Builtin) string {
	var t strings.Builder
	seen := map[string]bool{}
	for _, p := range b.AllParams() {
		if seen[p.Name] || p.Doc == "" {
			continue
		}
		seen[p.Name] = true
		name := p.Name
		if name == "" {
			name = "..."
		}
		line := name + ": " + p.Doc
		if !p.Default.IsNil() {
			line += " (default " + lang.Format(p.Default) + ")"
		}
		writeHanging(&t, line)
	}
	if t.Len() == 0 {
		return ""
	}
	return "\nParameters:\n" + t.String()
}

// writeHanging writes a help entry wrapped to help's width, its first
// line indented two spaces and the rest six.
func writeHanging(t *strings.Builder, line string) {
	for i, part := range wrapWords(line, helpWidth-6) {
		indent := "  "
		if i > 0 {
			indent = "      "
		}
		fmt.Fprintf(t, "%s%s\n", indent, part)
	}
}

// optionsHelp lists a builtin's methods, if it has them, and its options,
// one to a line, each with the methods it applies to.
func optionsHelp(b *lang.Builtin) string {
	if !b.TakesOptions() {
		return ""
	}
	var t strings.Builder
	if len(b.Methods) > 0 {
		t.WriteString("\nMethods:\n")
		for _, line := range wrapWords(strings.Join(b.Methods, ", "), helpWidth-2) {
			fmt.Fprintf(&t, "  %s\n", line)
		}
	}
	t.WriteString("\nOptions:\n")
	for _, o := range b.Options {
		line := o.Name + ": " + o.Doc
		if len(b.Methods) > 0 && o.Methods != nil {
			line += " [" + strings.Join(o.Methods, ", ") + "]"
		}
		writeHanging(&t, line)
	}
	return t.String()
}

// helpWidth is the width help's text is wrapped to.
const helpWidth = 80

// wrapDoc wraps a builtin's documentation to width. The author's line
// breaks are kept, except after a line too long for width: the end that
// had to be cut off runs on into the next line (unless that one is blank
// or indented), so a paragraph wrapped for a wider screen reads as a
// paragraph rather than as alternating long and short lines.
func wrapDoc(doc string, width int) []string {
	var lines []string
	carry := ""
	for _, line := range strings.Split(doc, "\n") {
		if carry != "" && line != "" && !strings.HasPrefix(line, " ") {
			line = carry + " " + line
		} else if carry != "" {
			lines = append(lines, carry)
		}
		parts := wrapWords(line, width)
		carry = ""
		if len(parts) > 1 {
			parts, carry = parts[:len(parts)-1], parts[len(parts)-1]
		}
		lines = append(lines, parts...)
	}
	if carry != "" {
		lines = append(lines, carry)
	}
	return lines
}

// wrapWords breaks line at spaces into lines of at most width runes (a
// word longer than that keeps a line of its own).
func wrapWords(line string, width int) []string {
	var lines []string
	for utf8.RuneCountInString(line) > width {
		cut := -1
		for i, r := range line {
			if utf8.RuneCountInString(line[:i]) > width {
				break
			}
			if r == ' ' {
				cut = i
			}
		}
		if cut <= 0 {
			break
		}
		lines = append(lines, line[:cut])
		line = strings.TrimLeft(line[cut:], " ")
	}
	return append(lines, line)
}

// examplePrompt starts the lines of an example in help.
const examplePrompt = "  calc> "

// exampleTranscript runs an example in a fresh session and returns it as
// a transcript: each statement after the prompt, its output indented
// under it. A statement that fails shows no output (the help tests make
// sure none does), except in safe mode: there the example runs in a safe
// session, and one that needs files is shown without its results.
func exampleTranscript(example string, safe bool) string {
	s := exampleSession()
	s.Safe = safe
	var b, pending strings.Builder
	for _, line := range strings.Split(example, "\n") {
		b.WriteString(examplePrompt + line + "\n")
		pending.WriteString(line + "\n")
		if lang.Incomplete(pending.String()) {
			continue
		}
		var out strings.Builder
		s.Out = &out
		err := s.Run("<example>", pending.String())
		if err != nil && strings.Contains(err.Error(), lang.FilesOff) {
			return examplePrompt + strings.ReplaceAll(example, "\n", "\n"+examplePrompt) + "\n  (not run: " + lang.FilesOff + ")\n"
		}
		if err == nil && out.Len() > 0 {
			for _, o := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
				b.WriteString("  " + o + "\n")
			}
		}
		pending.Reset()
	}
	return b.String()
}

// exampleSession makes the session an example runs in: NewSession, set
// by init because the help builtin, which is among NewSession's builtins,
// runs examples.
var exampleSession func() *lang.Session

func init() { exampleSession = NewSession }

// topicHelp explains a topic, where there is more to say than its
// builtins' summaries, and lists its builtins, one line each.
func topicHelp(s *lang.Session, topic string) string {
	var t strings.Builder
	if text, ok := topicTexts[topic]; ok {
		t.WriteString(text + "\n\n")
	}
	fmt.Fprintf(&t, "%s: %s\n", topic, topicSummary(topic))
	var names []*lang.Builtin
	width := 0
	for _, b := range s.Builtins() {
		if b.Topic == topic {
			names = append(names, b)
			width = max(width, len(b.Name))
		}
	}
	for _, b := range names {
		fmt.Fprintf(&t, "  %-*s  %s\n", width, b.Name, b.Summary())
	}
	t.WriteString("\nhelp NAME shows one in full, with an example and its result.")
	if s.Builtin(topic) != nil {
		fmt.Fprintf(&t, "\nhelp(%s), of the function itself, shows the builtin %s.", topic, topic)
	}
	return t.String()
}

// Overview lists the topics, with how many builtins each has.
func Overview(s *lang.Session) string {
	count := map[string]int{}
	for _, b := range s.Builtins() {
		count[b.Topic]++
	}
	var t strings.Builder
	t.WriteString("calc's builtins by topic:\n")
	for _, topic := range Topics {
		fmt.Fprintf(&t, "  %-11s %3d  %s\n", topic, count[topic], topicSummary(topic))
	}
	t.WriteString("\nhelp TOPIC lists a topic's builtins; help NAME shows one in full, with an\n")
	t.WriteString("example and its result; help syntax shows the grammar. In a script:\n")
	t.WriteString("help(\"TOPIC\"), help(NAME).")
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
  let x, y = w; x*y         unpacks, as x, y = w does
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
