package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"calc"
)

// TestMain lets the tests run calc as a subprocess: the test binary
// re-executed with CALC_TEST_MAIN=1 is the calc command.
func TestMain(m *testing.M) {
	if os.Getenv("CALC_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// syncBuffer is a bytes.Buffer that readline's goroutines and the test
// may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testSystem returns a system reading stdin, not on a terminal, and its
// output buffers.
func testSystem(t *testing.T, stdin string) (*system, *syncBuffer, *syncBuffer) {
	out, errOut := new(syncBuffer), new(syncBuffer)
	return &system{
		stdin:  strings.NewReader(stdin),
		stdout: out,
		stderr: errOut,
		exit:   func(status int) { t.Errorf("calc exited with status %d", status) },
		flush:  func() error { return nil },
	}, out, errOut
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScripts(t *testing.T) {
	dir := t.TempDir()
	lib := writeFile(t, dir, "lib.calc", "f(x) = x**2 - 4*x + 8  # a parabola\nm = [[1, 2],\n     [3, 4]]\n")
	use := writeFile(t, dir, "use.calc", "f(3)\nsum(flatten(m))\n")
	bad := writeFile(t, dir, "bad.calc", "x = 3\nprint(\"before\")\ny = 2 * sinn(x)\nprint(\"after\")\n")
	tests := []struct {
		name    string
		args    []string
		stdin   string
		status  int
		out     string
		errHas  []string // substrings of standard error
		errNone bool     // standard error must be empty
	}{
		{name: "files share a session", args: []string{lib, use}, out: "5\n10\n", errNone: true},
		{name: "expr", args: []string{"-e", "1 + 1"}, out: "2\n", errNone: true},
		{name: "expr after files", args: []string{"-e", "f(10)", lib}, out: "68\n", errNone: true},
		{name: "several exprs in order", args: []string{"-e", "a = 2", "-e", "a + 1", "-e", "a * 10"}, out: "3\n20\n", errNone: true},
		{name: "an error stops later exprs", args: []string{"-e", "1 +* 2", "-e", "5"}, status: 1, errHas: []string{"<expr>"}},
		{name: "dash reads stdin", args: []string{"-"}, stdin: "a = 2\na * 21\n", out: "42\n", errNone: true},
		{name: "stdin not a terminal", stdin: "v = [1,\n  2, 3]\nv * 2\n", out: "[2, 4, 6]\n", errNone: true},
		{name: "version", args: []string{"--version"}, out: "calc 0.1.0\n", errNone: true},
		{
			name: "error in a script", args: []string{bad}, status: 1, out: "before\n",
			errHas: []string{bad + ":3:9: unknown function \"sinn\"", "    y = 2 * sinn(x)\n            ^\n"},
		},
		{
			name: "error in an expression", args: []string{"-e", "1 +* 2"}, status: 1,
			errHas: []string{"<expr>:1:"},
		},
		{
			name: "error stops the later files", args: []string{bad, use}, status: 1, out: "before\n",
			errHas: []string{"sinn"},
		},
		{
			name: "missing file", args: []string{use, filepath.Join(dir, "nope.calc")}, status: 2,
			errHas: []string{"calc: cannot read " + filepath.Join(dir, "nope.calc") + ": no such file or directory"},
		},
		{name: "unknown flag", args: []string{"-x"}, status: 2, errHas: []string{"-x", "usage:"}},
		{name: "flag without value", args: []string{"-e"}, status: 2, errHas: []string{"needs an argument"}},
		{
			name: "-i runs the files, then the REPL", args: []string{"-i", lib},
			stdin: "f(2)\nsinn(1)\n:vars\n[m[1][0],\n  7]\n", out: "4\nf  function     f(x) = x**2 - 4*x + 8\nm  array(2, 2)  [[1, 2], [3, 4]]\n[3, 7]\n",
			errHas: []string{"<stdin>:1:1: unknown function \"sinn\""},
		},
		{name: "-i on a pipe: tabs are spaces", args: []string{"-i"}, stdin: "x\t=\t3\nx\n", out: "3\n"},
		{
			name: "-i with a missing file still opens the REPL", args: []string{"-i", "nope.calc"},
			stdin: "1 + 2\n", out: "3\n", errHas: []string{"calc: cannot read nope.calc"},
		},
		{
			name: "-i with an error still opens the REPL", args: []string{"-i", bad},
			stdin: "x\n", out: "before\n3\n", errHas: []string{"sinn"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sys, out, errOut := testSystem(t, tt.stdin)
			if status := run(tt.args, sys); status != tt.status {
				t.Errorf("status %d, want %d; stderr:\n%s", status, tt.status, errOut)
			}
			if out.String() != tt.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tt.out)
			}
			for _, want := range tt.errHas {
				if !strings.Contains(errOut.String(), want) {
					t.Errorf("stderr:\n%s\nwant it to contain %q", errOut, want)
				}
			}
			if tt.errNone && errOut.String() != "" {
				t.Errorf("stderr: %s", errOut)
			}
		})
	}
}

func TestHelpFlag(t *testing.T) {
	sys, out, errOut := testSystem(t, "")
	if status := run([]string{"--help"}, sys); status != 0 {
		t.Errorf("status %d", status)
	}
	for _, want := range []string{"calc FILE.calc", "calc -e 'EXPR'", "calc -i", "-history FILE"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--help does not mention %q:\n%s", want, out)
		}
	}
	if errOut.String() != "" {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestColouredErrors(t *testing.T) {
	var b bytes.Buffer
	flushed := false
	w := &errWriter{w: &b, before: func() { flushed = true }, red: true}
	io.WriteString(w, "x:1:1: oops\n    x\n    ^\n")
	if want := red + "x:1:1: oops" + reset + "\n" + red + "    x" + reset + "\n" + red + "    ^" + reset + "\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	if !flushed {
		t.Error("standard output was not flushed before the error")
	}
}

// TestStubbornComputation: when a computation does not stop, a second
// Ctrl-C says so and a third quits calc.
func TestStubbornComputation(t *testing.T) {
	sys, _, errOut := testSystem(t, "")
	signals := make(chan os.Signal)
	sys.signals = signals
	exited := make(chan int, 1)
	sys.exit = func(status int) { exited <- status }
	stop := newInterrupter(calc.NewSession(), sys)
	release := make(chan struct{})
	go stop.run(func() error { <-release; return nil })
	for !stopRunning(stop) {
		time.Sleep(time.Millisecond)
	}
	signals <- os.Interrupt
	signals <- os.Interrupt
	signals <- os.Interrupt
	if status := <-exited; status != 1 {
		t.Errorf("exit status %d", status)
	}
	close(release)
	if want := "calc: stopping... (Ctrl-C once more quits calc)\ncalc: quit\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func stopRunning(i *interrupter) bool {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.running != nil
}

// longComputation takes minutes unless interrupted; it checks for Ctrl-C
// in map, and allocates little.
const longComputation = "h(j) = j*j\ng(i) = sum(map(h, range(10000)))\n"

// calcProcess runs the calc command as a subprocess on pipes.
type calcProcess struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string // lines of standard output and standard error, merged
	output strings.Builder
}

func startCalc(t *testing.T, args ...string) *calcProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CALC_TEST_MAIN=1", "NO_COLOR=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	p := &calcProcess{t: t, cmd: cmd, stdin: stdin, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return p
}

func (p *calcProcess) send(text string) {
	p.t.Helper()
	if _, err := io.WriteString(p.stdin, text); err != nil {
		p.t.Fatal(err)
	}
}

// expect waits for a line of output containing want and returns how long
// it took.
func (p *calcProcess) expect(want string, within time.Duration) time.Duration {
	p.t.Helper()
	start := time.Now()
	deadline := time.After(within)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				p.t.Fatalf("calc ended without writing %q; it wrote:\n%s", want, p.output.String())
			}
			p.output.WriteString(line + "\n")
			if strings.Contains(line, want) {
				return time.Since(start)
			}
		case <-deadline:
			p.t.Fatalf("no %q within %v; calc wrote:\n%s", want, within, p.output.String())
		}
	}
}

func (p *calcProcess) wait() int {
	p.t.Helper()
	err := p.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		p.t.Fatal(err)
	}
	return 0
}

// TestCtrlCInREPL sends a real SIGINT to calc's REPL while it computes:
// the computation stops within a second and the session goes on.
func TestCtrlCInREPL(t *testing.T) {
	p := startCalc(t, "-i")
	p.send(longComputation + "ready = 1 + 1\nready\n")
	p.expect("2", 5*time.Second)
	p.send("sum(map(g, range(1e6)))\n")
	time.Sleep(150 * time.Millisecond) // let it start: Ctrl-C between statements is ignored
	p.cmd.Process.Signal(os.Interrupt)
	if d := p.expect("interrupted", 5*time.Second); d > time.Second {
		t.Errorf("the computation took %v to stop", d)
	}
	p.send("ready + h(3)\n")
	p.expect("11", 5*time.Second)
	p.stdin.Close()
	if status := p.wait(); status != 0 {
		t.Errorf("exit status %d", status)
	}
}

// TestCtrlCStopsMatrixProduct sends SIGINT while calc multiplies two
// 4000×4000 matrices (128·10⁹ flops, seconds of work): the product stops
// between tiles of its work, the goal is within 100 ms (a tile is a
// fraction of a millisecond; the rest is the signal's way in), and the
// session goes on. The test allows more, as the machine may be shared.
func TestCtrlCStopsMatrixProduct(t *testing.T) {
	p := startCalc(t, "-i")
	p.send("a = ones(4000, 4000)\nready = 1 + 1\nready\n")
	p.expect("2", 10*time.Second)
	p.send("b = dot(a, a)\n")
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	p.cmd.Process.Signal(syscall.SIGINT)
	p.expect("interrupted", 5*time.Second)
	d := time.Since(start)
	t.Logf("dot of 4000×4000 matrices stopped %v after SIGINT", d)
	if d > 500*time.Millisecond {
		t.Errorf("the product took %v to stop", d)
	}
	p.send("ready + 1\n")
	p.expect("3", 5*time.Second)
	p.stdin.Close()
	if status := p.wait(); status != 0 {
		t.Errorf("exit status %d", status)
	}
}

// TestCtrlCInScript interrupts a script that would run for minutes: it
// stops with an error at the position it was at, and status 1.
func TestCtrlCInScript(t *testing.T) {
	dir := t.TempDir()
	long := writeFile(t, dir, "long.calc", longComputation+"sum(map(g, range(1e6)))\nprint(\"not reached\")\n")
	p := startCalc(t, long)
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	p.cmd.Process.Signal(syscall.SIGINT)
	p.expect("interrupted", 5*time.Second)
	if d := time.Since(start); d > time.Second {
		t.Errorf("the script took %v to stop", d)
	}
	if status := p.wait(); status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	if strings.Contains(p.output.String(), "not reached") {
		t.Errorf("the script went on after Ctrl-C:\n%s", p.output.String())
	}
}
