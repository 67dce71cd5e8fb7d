package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"calc"
	"calc/builtins"
	"calc/lang"
)

// TestLimits runs scripts against each limit flag: each gives a clear
// error and exit status 1 instead of exhausting the machine.
func TestLimits(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-timeout", "300ms", "-e", "f(x) = x*x\nsum(map(f, range(5e7)))"}, "interrupted: the time limit of 300ms passed"},
		{[]string{"-timeout", "500ms", "-e", "a = ones(4000, 4000)\nb = dot(a, a)"}, "interrupted: the time limit of 500ms passed"},
		{[]string{"-max-depth", "50", "-e", "f(n) = n == 0 ? 0 : 1 + f(n - 1)\nf(100)"}, "maximum recursion depth 50 exceeded"},
		{[]string{"-max-elements", "1000", "-e", "zeros(2000)"}, "more than the limit of 1000"},
		{[]string{"-max-output", "100", "-e", "map(str, range(1000))"}, "output passed the limit of 100 bytes"},
		{[]string{"-max-nodes", "50", "-e", "taylor(exp(sin(x)), x, 0, 20)"}, "limit of 50 nodes"},
	}
	for _, c := range cases {
		sys, _, errOut := testSystem(t, "")
		start := time.Now()
		if status := run(c.args, sys); status != 1 {
			t.Errorf("%v: status %d, want 1", c.args, status)
		}
		if !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: stderr %q lacks %q", c.args, errOut.String(), c.want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%v took %v", c.args, d)
		}
	}
}

// TestBadLimits: a limit flag that cannot be honoured is refused at
// start-up as bad usage (status 2), naming the flag.
func TestBadLimits(t *testing.T) {
	for _, args := range [][]string{
		{"-max-elements", "NaN"}, {"-max-elements", "inf"}, {"-max-elements", "-1"}, {"-max-elements", "1e300"},
		{"-max-depth", "0"}, {"-max-nodes", "-5"}, {"-max-output", "-5"}, {"-timeout", "-5s"},
	} {
		sys, _, errOut := testSystem(t, "")
		if status := run(append(args, "-e", "1"), sys); status != 2 {
			t.Errorf("%v: status %d, want 2", args, status)
		}
		if !strings.Contains(errOut.String(), "calc: "+args[0]+" must be") {
			t.Errorf("%v: stderr %q does not name the flag", args, errOut.String())
		}
	}
}

// TestSafeMode checks that --safe refuses :load in the REPL.
func TestSafeMode(t *testing.T) {
	sys, out, errOut := testSystem(t, ":load examples/basics.calc\n1 + 1\n")
	if status := run([]string{"-safe", "-i"}, sys); status != 0 {
		t.Errorf("status %d", status)
	}
	if !strings.Contains(errOut.String(), "files are off in safe mode") || !strings.Contains(out.String(), "2") {
		t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
	}
}

// TestInterruptSlowBuiltin: Ctrl-C during a builtin that never looks for
// an interrupt says so, and the statement's result is not kept.
func TestInterruptSlowBuiltin(t *testing.T) {
	started := make(chan struct{})
	slow := &lang.Builtin{
		Name: "slow", Topic: "core", Doc: "Sleeps.", Example: "slow()",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			close(started)
			time.Sleep(2 * slowToStop)
			return lang.Num(1)
		},
	}
	s := lang.NewSession(append(builtins.All(), slow), builtins.Constants())
	sys, out, errOut := testSystem(t, "")
	signals := make(chan os.Signal, 1)
	sys.signals = signals
	stop := newInterrupter(s, sys)
	go func() {
		<-started
		signals <- os.Interrupt
	}()
	err := stop.run(func() error { return calc.Run(s, "<stdin>", "x = slow()\n", out, errOut) })
	if err == nil || !strings.Contains(err.Error(), lang.ErrInterrupted) {
		t.Errorf("the run gave %v, want an interruption", err)
	}
	if want := "note: slow cannot stop midway; it will finish in a moment, and its result will be discarded\n"; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q lacks %q", errOut.String(), want)
	}
	if _, ok := s.Get("x"); ok {
		t.Error("x was bound to the interrupted result")
	}
}

// TestREPLTimeoutPerStatement: in the REPL, -timeout limits each
// statement from its start. Time spent waiting at the prompt does not
// count, so a statement typed after the limit has passed still runs, and
// a long one is still stopped.
func TestREPLTimeoutPerStatement(t *testing.T) {
	sys, out, errOut := testSystem(t, "")
	keysIn, keys := io.Pipe()
	sys.stdin = keysIn
	status := make(chan int, 1)
	go func() { status <- run([]string{"-timeout", "200ms", "-i", "-e", "k = 6"}, sys) }()
	time.Sleep(400 * time.Millisecond) // idle at the prompt, past the limit
	io.WriteString(keys, "k * 7\nf(x) = x*x\nsum(map(f, range(5e7)))\nk + 1\n")
	keys.Close()
	if s := <-status; s != 0 {
		t.Errorf("status %d", s)
	}
	if got, want := out.String(), "42\n7\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	if got, want := errOut.String(), "interrupted: the time limit of 200ms passed"; strings.Count(got, want) != 1 {
		t.Errorf("stderr %q, want %q once", got, want)
	}
}

// TestSafeModeFiles: safe mode keeps no history file and refuses
// -history, and Tab after :load or :save lists no files or folders.
func TestSafeModeFiles(t *testing.T) {
	t.Setenv("CALC_HISTORY", filepath.Join(t.TempDir(), "history"))
	if path, _ := historyPath("", true); path != "" {
		t.Errorf("safe mode keeps its history in %q", path)
	}
	sys, _, errOut := testSystem(t, "")
	if status := run([]string{"-safe", "-history", os.Getenv("CALC_HISTORY"), "-i"}, sys); status != 2 {
		t.Errorf("-safe -history: status %d, want 2", status)
	}
	if want := "calc: -history cannot be used with -safe: safe mode reads and writes no files\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	s := calc.NewSession()
	s.Safe = true
	for _, line := range []string{":load /", ":save ./", ":load "} {
		if ends, _ := (completer{s}).Do([]rune(line), len(line)); len(ends) > 0 {
			t.Errorf("safe mode completes %q to %q", line, ends)
		}
	}
}
