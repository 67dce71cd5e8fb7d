package builtins_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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
		if _, most := b.Arity(); b.Doc == "" || b.Example == "" || b.Params == nil && b.Forms == nil && most != 0 {
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
	// The example shows its result under it, in scripts as at the prompt.
	for _, want := range []string{"sorted(xs, {key, reverse})", "stable", "calc> sorted(", "\n  [-5,  3,  1]"} {
		if !strings.Contains(text, want) {
			t.Errorf("help sorted lacks %q:\n%s", want, text)
		}
	}
	if _, err := builtins.Help(s, "sortd"); err == nil || !strings.Contains(err.Error(), `did you mean "sort" or "sorted"`) {
		t.Errorf("help of a misspelt name: %v", err)
	}
	overview := builtins.Overview(s)
	for _, topic := range builtins.Topics {
		line := overview[strings.Index(overview, "\n  "+topic+" ")+1:]
		if line, _, _ = strings.Cut(line, "\n"); !strings.HasPrefix(line, "  "+topic+" ") || strings.TrimSpace(line[13:]) == "" {
			t.Errorf("overview lacks topic %s or its summary: %q", topic, line)
		}
		text, err := builtins.Help(s, topic)
		if err != nil || !strings.Contains(text, topic+": ") {
			t.Errorf("help %s: %v\n%s", topic, err, text)
		}
	}
	for _, line := range strings.Split(overview, "\n") {
		if len(line) > 80 {
			t.Errorf("overview line wider than 80 columns: %q", line)
		}
	}
}

// TestSummaries: every builtin's summary is a sentence that fits, with
// its name, in a line of 80 columns of help TOPIC.
func TestSummaries(t *testing.T) {
	s := builtins.NewSession()
	for _, topic := range builtins.Topics {
		text, _ := builtins.Help(s, topic)
		for _, line := range strings.Split(text, "\n") {
			if len(line) < 3 || line[:2] != "  " || line[2] == ' ' {
				continue
			}
			name, _, _ := strings.Cut(line[2:], " ")
			summary := strings.TrimSpace(line[2+len(name):])
			wide := utf8.RuneCountInString(line) > 80
			// A sentence starts with a capital, or with a formula or a
			// symbol ("exp(x) - 1, ...", "n! for ...", "e to the power x").
			first, _, _ := strings.Cut(summary, " ")
			formula := utf8.RuneCountInString(first) == 1 || strings.ContainsAny(first, "(!|/")
			sentence := strings.HasSuffix(summary, ".") && (formula || !unicode.IsLower([]rune(summary)[0]))
			if wide || !sentence {
				t.Errorf("%s: %q (%d columns)", name, summary, utf8.RuneCountInString(line))
			}
		}
	}
}

// TestHelpWraps: help on any builtin fits in 80 columns, apart from its
// example's output.
func TestHelpWraps(t *testing.T) {
	s := builtins.NewSession()
	for _, b := range builtins.All() {
		if slices.Contains(builtins.Topics, b.Name) {
			continue // help roots is the topic (TestSummaries checks it)
		}
		text, _ := builtins.Help(s, b.Name)
		doc, _, _ := strings.Cut(text, "\nExample:")
		for _, line := range strings.Split(doc, "\n") {
			if n := utf8.RuneCountInString(line); n > 80 && strings.Contains(line, " ") {
				t.Errorf("help %s: a line of %d columns: %q", b.Name, n, line)
			}
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/examples.txt from the current output")

// TestExampleOutputs pins what every builtin's help example prints, in
// testdata/examples.txt: a change to any of them shows in review. With
// -update the file is rewritten.
func TestExampleOutputs(t *testing.T) {
	var got strings.Builder
	for _, b := range builtins.All() {
		s := builtins.NewSession()
		var out bytes.Buffer
		s.Out = &out
		if err := s.Run("example", b.Example); err != nil {
			out.WriteString("error: " + err.Error() + "\n")
		}
		printed := strings.ReplaceAll(out.String(), os.TempDir(), "$TMPDIR") // tempdir() differs between machines
		fmt.Fprintf(&got, "== %s\n%s\n-- prints\n%s", b.Name, b.Example, printed)
	}
	path := filepath.Join("testdata", "examples.txt")
	if *update {
		if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./builtins -run TestExampleOutputs -args -update writes it)", err)
	}
	if got.String() != string(want) {
		g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(g), len(w)) {
			if i >= len(g) || i >= len(w) || g[i] != w[i] {
				t.Fatalf("the examples' output differs from %s at line %d (go test ./builtins -run TestExampleOutputs -args -update rewrites it for review)", path, i+1)
			}
		}
	}
}

// TestHelpSafe: in a safe session, help runs examples in a safe session
// too; an example that needs files is shown without running it, and
// writes nothing (it would have written to the temporary folder).
func TestHelpSafe(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s := builtins.NewSession()
	s.Safe = true
	for _, name := range []string{"imwrite", "savefig", "imread", "tempdir", "savetxt"} {
		text, err := builtins.Help(s, name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(text, "\n  (not run: files are off in safe mode)") {
			t.Errorf("help %s in safe mode:\n%s", name, text)
		}
	}
	if text, _ := builtins.Help(s, "sqrt"); strings.Contains(text, "not run") {
		t.Errorf("help sqrt in safe mode:\n%s", text)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("help in safe mode wrote %s", entries[0].Name())
	}
}
