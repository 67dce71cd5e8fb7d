package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"calc"
)

// Keys as a terminal sends them to readline.
const (
	enter   = "\r"
	tab     = "\t"
	ctrlC   = "\x03"
	ctrlD   = "\x04"
	ctrlP   = "\x10" // the previous history line
	ctrlR   = "\x12" // search the history backwards
	upKey   = "\x1b[A"
	downKey = "\x1b[B"
)

// terminalREPL is a REPL session driven through readline's own code path:
// a pipe poses as the terminal (FuncIsTerminal is true, raw mode is off),
// so prompts, echo, line editing, completion and history all run.
type terminalREPL struct {
	t       *testing.T
	keys    *io.PipeWriter
	out     *syncBuffer // the screen: prompts, echo and results
	errOut  *syncBuffer
	signals chan os.Signal
	stop    *interrupter
	status  chan int
	seen    int // how much of the screen expect has read
}

func startREPL(t *testing.T, history string) *terminalREPL {
	t.Helper()
	return startSizedREPL(t, history, 0)
}

// startSizedREPL starts a REPL on a terminal of the given height (0: the
// height is unknown, so nothing is paged).
func startSizedREPL(t *testing.T, history string, height int) *terminalREPL {
	t.Helper()
	keysIn, keys := io.Pipe()
	r := &terminalREPL{
		t: t, keys: keys, out: new(syncBuffer), errOut: new(syncBuffer),
		signals: make(chan os.Signal, 1), status: make(chan int, 1),
	}
	sys := &system{
		stdin: keysIn, stdout: r.out, stderr: r.errOut, signals: r.signals,
		exit:  func(status int) { t.Errorf("calc exited with status %d", status) },
		flush: func() error { return nil },
	}
	s := calc.NewSession()
	r.stop = newInterrupter(s, sys)
	con := &console{
		in: keysIn, out: r.out, errOut: r.errOut,
		terminal: true, history: history, width: func() int { return 100 },
		height: func() int { return height },
	}
	go func() { r.status <- newREPL(s, con, r.stop).loop() }()
	t.Cleanup(func() { keys.Close() })
	return r
}

// typeKeys sends keystrokes.
func (r *terminalREPL) typeKeys(keys ...string) {
	r.t.Helper()
	if _, err := io.WriteString(r.keys, strings.Join(keys, "")); err != nil {
		r.t.Fatal(err)
	}
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]|\r|\x08`)

// expect waits until the screen shows want (a line of output, so "\n"
// around it keeps the echo of the input from matching), past what earlier
// calls saw.
func (r *terminalREPL) expect(want string) {
	r.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		screen := r.out.String()
		if i := strings.Index(screen[r.seen:], want); i >= 0 {
			r.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("the screen does not show %q; it shows:\n%s\nstderr:\n%s", want, ansi.ReplaceAllString(screen[r.seen:], ""), r.errOut)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// expectErr waits until standard error shows want.
func (r *terminalREPL) expectErr(want string) {
	r.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !strings.Contains(r.errOut.String(), want) {
		if time.Now().After(deadline) {
			r.t.Fatalf("stderr does not show %q; it shows:\n%s", want, r.errOut)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// quit presses Ctrl-D and checks that the REPL ends with status 0.
func (r *terminalREPL) quit() {
	r.t.Helper()
	r.typeKeys(ctrlD)
	select {
	case status := <-r.status:
		if status != 0 {
			r.t.Errorf("status %d", status)
		}
	case <-time.After(3 * time.Second):
		r.t.Fatalf("Ctrl-D did not end the REPL; the screen:\n%q", r.out.String())
	}
}

func TestREPLSession(t *testing.T) {
	history := filepath.Join(t.TempDir(), "calc", "history") // the directory is made
	r := startREPL(t, history)
	r.expect("calc> ")

	// Names, a function, continuation lines while a bracket is open.
	r.typeKeys("f(x) = x**2 - 4*x + 8", enter, "m = [[1, 2],", enter)
	r.expect("  ... ")
	r.typeKeys("     [3, 4]]", enter, "f(2) + sum(m)", enter)
	r.expect("\n14\n")

	// An error is reported with a caret, and the session goes on.
	r.typeKeys("y = 2 * sinn(3)", enter)
	r.expectErr("<stdin>:1:9: unknown function \"sinn\" (did you mean")
	r.expectErr("    y = 2 * sinn(3)\n            ^\n")
	r.typeKeys("f(3)", enter)
	r.expect("\n5\n")

	// Tab completes record fields, builtins and commands.
	r.typeKeys("res = {xmin: 2, fun: 4}", enter, "res.xm", tab, enter)
	r.expect("\n2\n")
	r.typeKeys("sqr", tab, "(16)", enter)
	r.expect("\n4\n")
	r.typeKeys(":va", tab, enter)
	r.expect("f    function     f(x) = x**2 - 4*x + 8\nm    array(2, 2)  [[1, 2], [3, 4]]\nres  record       {xmin: 2, fun: 4}\n")

	// help at the prompt.
	r.typeKeys("help sqrt", enter)
	r.expect("sqrt(x)\n")
	r.expect("Example:\n  calc> sqrt(")
	r.typeKeys("help sqrtt", enter)
	r.expectErr(`no builtin named "sqrtt" (did you mean "sqrt" or "sqrtm"?)`)
	r.typeKeys("help", enter)
	r.expect("  functional ")

	// Commands: unknown ones, :clear, :time.
	r.typeKeys(":frobnicate", enter)
	r.expectErr(`unknown command ":frobnicate"; the commands are :vars, :clear`)
	r.typeKeys(":clear res", enter, "res", enter)
	r.expect("\nres\n") // now a symbol
	r.typeKeys(":time sum(range(1000))", enter)
	r.expect("\n499500\nwall time: ")

	// Ctrl-C clears the line and a statement being continued.
	r.typeKeys("half typed", ctrlC, "(1 +", enter, ctrlC, "40 + 2", enter)
	r.expect("\n42\n")
	r.quit()

	// A new session recalls the old one's lines, including the one
	// cleared by Ctrl-C and the one that failed.
	hist, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"f(x) = x**2 - 4*x + 8", "m = [[1, 2], [3, 4]]", "y = 2 * sinn(3)", "half typed", ":time sum(range(1000))", "40 + 2"} {
		if !strings.Contains(string(hist), line+"\n") {
			t.Errorf("the history lacks %q:\n%s", line, hist)
		}
	}
	r = startREPL(t, history)
	r.typeKeys(upKey, enter)
	r.expect("\n42\n")
	r.typeKeys(ctrlR, "f(x) =", enter, "f(4)", enter)
	r.expect("\n8\n")
	r.quit()
	if got := r.errOut.String(); got != "" {
		t.Errorf("stderr: %s", got)
	}
}

// TestREPLHistoryBlocks: a statement typed over several lines is one
// history entry, recalled whole; Up and Down search by the typed prefix.
func TestREPLHistoryBlocks(t *testing.T) {
	history := filepath.Join(t.TempDir(), "history")
	r := startREPL(t, history)
	r.typeKeys("q = [[1, 2],  # the first row", enter, "     [3, 4]]", enter, "sum(q)", enter)
	r.expect("\n10\n")
	r.typeKeys("s = 7", enter, "sq = 3", enter)

	// Up recalls the block as one line, which runs again when edited.
	r.typeKeys("q", upKey, "; q[1, 0]", enter)
	r.expect("\n3\n")
	// Up with "s" typed skips what does not start with it: sq = 3, s = 7,
	// then sum(q).
	r.typeKeys("s", upKey, upKey, upKey, enter)
	r.expect("\n10\n")
	// Down goes back the other way, and past the newest to the typed text.
	r.typeKeys("s", upKey, upKey, upKey, downKey, enter, "s*2", enter)
	r.expect("\n14\n")
	r.typeKeys("2", upKey, downKey, "+1", enter)
	r.expect("\n3\n")
	r.quit()

	hist, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	if want := "q = [[1, 2], [3, 4]]\nsum(q)\ns = 7\nsq = 3\nq = [[1, 2], [3, 4]]; q[1, 0]\n"; !strings.HasPrefix(string(hist), want) {
		t.Errorf("the history file:\n%s\nwant it to start:\n%s", hist, want)
	}
}

func TestHistoryEntries(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"1 + 1\n", []string{"1 + 1"}},
		{"  \n", nil},
		{"m = [[1, 2],\n     [3, 4]]\n", []string{"m = [[1, 2], [3, 4]]"}},
		{"f(\n  1,  # one\n  2\n)\n", []string{"f(1, 2)"}},
		{"x = 1 + \\\n    2\n", []string{"x = 1 + 2"}},
		{"s = [\"a # b\",\n\"c\"]\n", []string{`s = ["a # b", "c"]`}},
		{"t = `one\ntwo`\n", []string{"t = `one", "two`"}},
		{"(1 +\n", []string{"(1 +"}},
		{"v = [1_000, 0x1F,\n 1e-8, 2j, x^2, a && b, 'é']\n", []string{"v = [1_000, 0x1F, 1e-8, 2j, x^2, a && b, 'é']"}},
	} {
		if got := historyEntries(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("historyEntries(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestREPLWidth: arrays fill the terminal's width (100 columns here),
// where a script wraps them at 80.
func TestREPLWidth(t *testing.T) {
	r := startREPL(t, "")
	r.typeKeys("reshape(linspace(-100, 100, 48), [4, 12])", enter)
	r.expect("\n[[-100.        ,  -95.74468085,  -91.4893617 ,  -87.23404255,  -82.9787234 ,  -78.72340426,\n")
	r.quit()
}

// TestREPLPager: help taller than the terminal goes through $PAGER, or
// without one is shown a page at a time.
func TestREPLPager(t *testing.T) {
	t.Setenv("PAGER", "cat")
	r := startSizedREPL(t, "", 8)
	r.typeKeys("help", enter)
	r.expect("calc's builtins by topic:\n")
	r.expect("  plots ")
	r.typeKeys("help sin", enter) // short: no pager
	r.expect("\nExample:\n  calc> sin(pi/6)\n  0.5\n")
	r.quit()

	t.Setenv("PAGER", "")
	r = startSizedREPL(t, "", 8)
	r.typeKeys("help", enter)
	r.expect("  arrays ")
	r.expect("more lines: Enter shows the next page, q stops --")
	r.typeKeys(enter)
	r.expect("  optimize ")
	r.typeKeys("q", enter, "1 + 1", enter)
	r.expect("\n2\n")
	if strings.Contains(r.out.String(), "help TOPIC lists") { // the third page
		t.Error("q did not stop the paging")
	}
	r.quit()
}

// TestREPLInterrupt stops a long computation through the interrupt path
// (what SIGINT feeds) and checks that the session is intact.
func TestREPLInterrupt(t *testing.T) {
	r := startREPL(t, "")
	r.typeKeys("k = 7", enter, strings.ReplaceAll(longComputation, "\n", enter), "sum(map(g, range(1e6)))", enter)
	deadline := time.Now().Add(3 * time.Second)
	for !stopRunning(r.stop) {
		if time.Now().After(deadline) {
			t.Fatal("the computation did not start")
		}
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	r.signals <- os.Interrupt
	r.expectErr("interrupted")
	if d := time.Since(start); d > time.Second {
		t.Errorf("Ctrl-C took %v to stop the computation", d)
	}
	r.typeKeys("k * h(2)", enter)
	r.expect("\n28\n")
	r.quit()
}

// TestREPLBadHistory: a history file that cannot be used is reported
// once, and the REPL works without it.
func TestREPLBadHistory(t *testing.T) {
	dir := t.TempDir() // a directory is no history file
	r := startREPL(t, dir)
	r.typeKeys("1 + 1", enter)
	r.expect("\n2\n")
	r.typeKeys("2 + 2", enter, ctrlP, ctrlP, enter) // recalled from memory
	r.expect("\n2\n")
	r.quit()
	if got, want := r.errOut.String(), "calc: cannot keep the history in "+dir+": is a directory; going on without it\n"; got != want {
		t.Errorf("stderr: %q, want %q", got, want)
	}
}

// TestHistoryBounded: a long history file is cut to the last
// historyLimit lines when the REPL starts.
func TestHistoryBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	var old strings.Builder
	for i := range historyLimit + 500 {
		fmt.Fprintf(&old, "%d\n", i)
	}
	writeFile(t, filepath.Dir(path), "history", old.String())
	r := startREPL(t, path)
	r.typeKeys(upKey, enter)
	r.expect(fmt.Sprintf("\n%d\n", historyLimit+499))
	r.quit()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > historyLimit+1 || lines[len(lines)-1] != fmt.Sprint(historyLimit+499) {
		t.Errorf("the history has %d lines, ending %q", len(lines), lines[len(lines)-1])
	}
}

func TestComplete(t *testing.T) {
	s := calc.NewSession()
	if err := calc.Run(s, "<test>", "res = {x: [1, 2], fun: 3, inner: {alpha: 1, beta: 2}}\nvec = [1, 2]\nsolve2 = 1\n", io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "demo.calc", "")
	writeFile(t, dir, "notes.txt", "")
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	tests := []struct {
		line string
		want []string // whole candidates, sorted
	}{
		{"res.", []string{"x", "fun", "inner"}},
		{"1 + res.f", []string{"fun"}},
		{"res.inner.", []string{"alpha", "beta"}},
		{"res.x.", []string{"T", "ndim", "shape", "size"}},
		{"vec.sh", []string{"shape"}},
		{"nosuch.", nil},
		{"1.", nil},
		{"solve2", []string{"solve2"}},
		{"map(sqr", []string{"sqrt", "sqrtm"}},
		{"ps", nil},
		{"pi", []string{"pi", "pinv"}},
		{"", nil},
		{":c", []string{":clear"}},
		{"help sqr", []string{"sqrt", "sqrtm"}},
		{":clear so", []string{"solve2"}},
		{":load " + dir + "/", []string{dir + "/demo.calc", dir + "/sub/"}},
		{":save " + dir + "/", []string{dir + "/demo.calc", dir + "/sub/"}},
	}
	for _, tt := range tests {
		line := []rune(tt.line)
		ends, n := completer{s}.Do(line, len(line))
		var got []string
		for _, e := range ends {
			got = append(got, string(line[len(line)-n:])+string(e))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q completes to %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestREPLPasteLong pastes a 60,000-line list literal into calc -i: the
// REPL scans each line once to see whether the statement goes on, so
// this takes a second or two, not the minutes that rescanning the
// pending text at each line took.
func TestREPLPasteLong(t *testing.T) {
	var paste strings.Builder
	paste.WriteString("x = [\n")
	for i := range 60000 {
		fmt.Fprintf(&paste, "  %d,\n", i)
	}
	paste.WriteString("]\nsum(x)\n")
	sys, out, errOut := testSystem(t, paste.String())
	start := time.Now()
	if status := run([]string{"-i"}, sys); status != 0 {
		t.Errorf("status %d; stderr %q", status, errOut)
	}
	if got, want := out.String(), "1799970000\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	if d := time.Since(start); d > 30*time.Second { // a few seconds on a loaded machine; minutes before
		t.Errorf("the paste took %v", d)
	}
}

// TestHistoryShared: two REPLs share a history file. The second to start
// trims it (by renaming a shorter copy over it) while the first is open;
// the first's later lines still reach the file, and the file keeps its
// mode.
func TestHistoryShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	var old strings.Builder
	for i := range historyLimit + 100 {
		fmt.Fprintf(&old, "%d\n", i)
	}
	writeFile(t, filepath.Dir(path), "history", old.String())
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	a := startREPL(t, path) // trims the file
	a.typeKeys("100 + 1", enter)
	a.expect("\n101\n")
	b := startREPL(t, path) // trims it again: a's line made it one too long
	b.typeKeys("200 + 2", enter)
	b.expect("\n202\n")
	a.typeKeys("300 + 3", enter)
	a.expect("\n303\n")
	a.typeKeys(upKey, upKey, enter) // a's own history: b's line is not in it
	a.expect("\n101\n")
	b.typeKeys("400 + 4", enter)
	b.expect("\n404\n")
	a.quit()
	b.quit()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	if got, want := lines[len(lines)-5:], []string{"100 + 1", "200 + 2", "300 + 3", "100 + 1", "400 + 4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("the history ends %q, want %q", got, want)
	}
	if len(lines) != historyLimit+4 {
		t.Errorf("the history has %d lines, want %d", len(lines), historyLimit+4)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the history's mode after a trim: %v (%v), want 0640", fi.Mode().Perm(), err)
	}
}
