package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// :save writes the user's values as a script, and :load brings them back
// into a fresh session.
func TestREPLSaveLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "vars.calc")
	r := startREPL(t, filepath.Join(dir, "history"))
	r.expect("calc> ")
	r.typeKeys("a = [0.1, 2]", enter, "note = \"x\"", enter, "f(x) = x", enter, ":save "+file, enter)
	r.expect("saved 2 names to " + file)
	r.expect("not saved: f (a function)")
	r.quit()
	text, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(text), "a = [0.1, 2]\n") || !strings.Contains(string(text), "note = \"x\"\n") {
		t.Fatalf("the saved file holds %q (%v)", text, err)
	}

	r = startREPL(t, filepath.Join(dir, "history"))
	r.expect("calc> ")
	r.typeKeys(":load "+file, enter, "a[0] == 0.1", enter)
	r.expect("\ntrue\n")
	r.quit()
}
