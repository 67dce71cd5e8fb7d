package calc_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"calc"
)

var update = flag.Bool("update", false, "rewrite the golden .out files from the current output")

// runScript runs a script in a fresh session the way `calc FILE` does and
// returns everything it wrote, errors included.
func runScript(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	calc.Run(calc.NewSession(), filepath.Base(path), string(src), &out, &out)
	return out.String()
}

// TestGolden runs every examples/*.calc and testdata/*.calc script and
// compares its output with the .out file beside it. With -update it
// rewrites the .out files instead; review the diff.
func TestGolden(t *testing.T) {
	scripts, _ := filepath.Glob("examples/*.calc")
	more, _ := filepath.Glob("testdata/*.calc")
	scripts = append(scripts, more...)
	if len(scripts) == 0 {
		t.Fatal("no scripts found")
	}
	for _, path := range scripts {
		t.Run(strings.TrimSuffix(path, ".calc"), func(t *testing.T) {
			got := runScript(t, path)
			golden := strings.TrimSuffix(path, ".calc") + ".out"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }
