package calc_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"calc"
)

// FuzzRun runs arbitrary programs: whatever the input, calc answers with
// a value or an error, never a panic. Sessions get small limits and a
// watchdog so that runaway programs stop quickly.
func FuzzRun(f *testing.F) {
	scripts, _ := filepath.Glob("examples/*.calc")
	for _, path := range scripts {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			f.Add(line)
		}
	}
	for _, src := range []string{"1 +", "(((", "f(x) = f(x)\nf(1)", "[1, 2][5]", "diff(x**2, x)", "grad(sum(x**2))", "\"unclosed", "x = [1, 2", "let y = 1; y"} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := calc.NewSession()
		s.MaxDepth = 200
		s.MaxElements = 1e5
		s.Graph().MaxNodes = 1e5
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				s.Interrupt()
			}
		}()
		calc.Run(s, "<fuzz>", src, io.Discard, io.Discard)
	})
}
