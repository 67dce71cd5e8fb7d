package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chzyer/readline"

	"calc/lang"
	"calc/stdlib/dataio"
)

// system is what the command runs against: the standard streams, whether
// they are terminals, Ctrl-C, and how to exit. Tests build their own.
type system struct {
	stdin  io.Reader
	stdout io.Writer // see buffer
	stderr io.Writer // errors: flushes stdout first, red on a colour terminal
	// stdinTerminal and stdoutTerminal say whether the streams are a terminal.
	stdinTerminal, stdoutTerminal bool
	// colour is true when the prompt may be coloured (stdout is a terminal
	// and NO_COLOR is not set).
	colour  bool
	signals <-chan os.Signal // Ctrl-C
	exit    func(status int)
	// flush writes out buffered output and returns the first error any
	// write to standard output met.
	flush func() error
}

// stdio returns the system of the running process.
func stdio(signals <-chan os.Signal) *system {
	inTerm := readline.IsTerminal(int(os.Stdin.Fd()))
	outTerm := readline.IsTerminal(int(os.Stdout.Fd()))
	errTerm := readline.IsTerminal(int(os.Stderr.Fd()))
	colourOK := os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	sys := &system{
		stdin:          os.Stdin,
		stdout:         os.Stdout,
		stdinTerminal:  inTerm,
		stdoutTerminal: outTerm,
		colour:         outTerm && colourOK,
		signals:        signals,
		flush:          func() error { return nil },
	}
	sys.stderr = &errWriter{w: os.Stderr, before: func() { sys.flush() }, red: errTerm && colourOK}
	sys.exit = func(status int) {
		status = sys.finish(status)
		dataio.RemoveTemporaries() // of a figure or image being written
		os.Exit(status)
	}
	return sys
}

// buffer makes standard output buffered when it is not a terminal: a
// script printing many values into a file or a pipe would otherwise spend
// its time in one write each. The REPL stays unbuffered, so that a program
// driving it through a pipe sees each answer at once.
func (sys *system) buffer() {
	if sys.stdoutTerminal || sys.stdout != io.Writer(os.Stdout) {
		return
	}
	b := &bufferedWriter{w: bufio.NewWriterSize(os.Stdout, 64<<10)}
	sys.stdout, sys.flush = b, b.flush
}

// bufferedWriter is a bufio.Writer that may be flushed from another
// goroutine: Ctrl-C's messages and exit come from the signal handler.
type bufferedWriter struct {
	mu sync.Mutex
	w  *bufio.Writer
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Write(p)
}

func (b *bufferedWriter) flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Flush() // a bufio.Writer keeps its first error
}

// finish writes out buffered output before calc exits with status: a
// failed write to standard output (a full disk) is an error, status 1,
// as the output is lost.
func (sys *system) finish(status int) int {
	if err := sys.flush(); err != nil {
		sys.errorf("calc: writing standard output: %v", err)
		return max(status, 1)
	}
	return status
}

// errorf writes a message line to standard error.
func (sys *system) errorf(format string, args ...any) {
	fmt.Fprintf(sys.stderr, format+"\n", args...)
}

// console returns where the REPL reads and writes, without a history.
func (sys *system) console() *console {
	tty := sys.stdinTerminal && sys.stdoutTerminal
	return &console{
		in: sys.stdin, out: sys.stdout, errOut: sys.stderr,
		terminal: tty, raw: tty, colour: sys.colour && tty,
	}
}

// errWriter writes error messages: it first flushes the output they
// follow, so that they interleave on a terminal in the order they
// happened, and colours them red if asked.
type errWriter struct {
	w      io.Writer
	before func()
	red    bool
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.before != nil {
		e.before()
	}
	if !e.red {
		return e.w.Write(p)
	}
	// Colour each line on its own, so that a pager or a wrapped line
	// never carries the colour past the message.
	text := strings.TrimSuffix(string(p), "\n")
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if line != "" {
			b.WriteString(red + line + reset)
		}
	}
	if len(text) < len(p) {
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(e.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// ANSI colours.
const (
	red   = "\x1b[31m"
	blue  = "\x1b[1;34m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

// script is the text of a script and the name errors give it.
type script struct{ name, text string }

// readScripts reads script files, or standard input for "-". It returns
// the scripts it could read and the first error, worded for the user.
func readScripts(paths []string, stdin io.Reader) ([]script, error) {
	var scripts []script
	var first error
	for _, p := range paths {
		sc, err := readScript(p, stdin)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		scripts = append(scripts, sc)
	}
	return scripts, first
}

// readScript reads one script file, or standard input for "-".
func readScript(path string, stdin io.Reader) (script, error) {
	if path == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return script{}, fmt.Errorf("cannot read standard input: %v", err)
		}
		return script{"<stdin>", string(b)}, nil
	}
	return readFile(path)
}

// readFile reads a script file.
func readFile(path string) (script, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return script{}, fmt.Errorf("cannot read %s: %v", path, unwrapPath(err))
	}
	return script{path, string(b)}, nil
}

// historyPath returns the REPL's history file: the -history flag, else
// $CALC_HISTORY (set and empty means no history), else calc/history in the
// user's configuration directory. warn explains why there is none. Safe
// mode has none: it reads and writes no files, so its history stays in
// memory (and -history is refused with -safe).
func historyPath(flag string, safe bool) (path, warn string) {
	if safe {
		return "", ""
	}
	if flag != "" {
		return flag, ""
	}
	if p, ok := os.LookupEnv("CALC_HISTORY"); ok {
		return p, ""
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Sprintf("no history: %v", err)
	}
	return filepath.Join(dir, "calc", "history"), ""
}

// interrupter turns Ctrl-C into Session.Interrupt while a computation
// runs. A first Ctrl-C asks the computation to stop and keeps asking until
// it has (the session forgets a request at each statement's start, and a
// long builtin may check only now and then); a third one, if the
// computation still runs, quits calc. Between computations, Ctrl-C quits
// a script run and is ignored by the REPL: on a terminal the REPL reads in
// raw mode, where readline turns Ctrl-C into clearing the line.
type interrupter struct {
	s   *lang.Session
	sys *system

	mu        sync.Mutex
	running   chan struct{} // closed when the computation ends; nil when idle
	presses   int
	idleQuits bool
	// timeout is -timeout (0: none). A computation stops at deadline, or,
	// when deadline is zero, timeout after it starts.
	timeout  time.Duration
	deadline time.Time
}

// repeatInterrupt is how often a pending Ctrl-C is repeated to the session.
const repeatInterrupt = 5 * time.Millisecond

// slowToStop is how long a computation may take to stop after Ctrl-C
// before calc says which builtin it waits for: one that never looks for
// an interrupt (a large dot, say) runs to its end.
const slowToStop = 300 * time.Millisecond

func newInterrupter(s *lang.Session, sys *system) *interrupter {
	i := &interrupter{s: s, sys: sys}
	if sys.signals != nil {
		go func() {
			for range sys.signals {
				i.press()
			}
		}()
	}
	return i
}

// setIdleQuits says whether Ctrl-C between computations quits calc.
func (i *interrupter) setIdleQuits(quits bool) {
	i.mu.Lock()
	i.idleQuits = quits
	i.mu.Unlock()
}

// limitTime sets the time limit of the computations to come: they stop
// at deadline, or, when it is zero, timeout after each one starts (0: no
// limit).
func (i *interrupter) limitTime(timeout time.Duration, deadline time.Time) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.timeout, i.deadline = timeout, deadline
	if timeout <= 0 {
		i.deadline = time.Time{}
	}
}

// run runs f, a computation in the session, stoppable by Ctrl-C and by
// the time limit.
func (i *interrupter) run(f func() error) error {
	done := make(chan struct{})
	i.mu.Lock()
	i.running, i.presses = done, 0
	timeout, deadline := i.timeout, i.deadline
	i.mu.Unlock()
	defer func() {
		i.mu.Lock()
		i.running = nil
		i.mu.Unlock()
		close(done)
	}()
	if timeout > 0 {
		if deadline.IsZero() {
			deadline = time.Now().Add(timeout)
		}
		reason := fmt.Sprintf("interrupted: the time limit of %v passed", timeout)
		t := time.AfterFunc(time.Until(deadline), func() { i.keepStopping(reason, done) })
		defer t.Stop()
		// Builtins that cannot be stopped midway refuse work that would
		// outlast the deadline.
		i.s.Deadline = deadline
		defer func() { i.s.Deadline = time.Time{} }()
	}
	return f()
}

// keepStopping asks the session to stop, for the given reason, until done
// is closed: the session forgets a request at each statement's start, and
// a long builtin may look for one only now and then.
func (i *interrupter) keepStopping(reason string, done <-chan struct{}) {
	t := time.NewTicker(repeatInterrupt)
	defer t.Stop()
	for {
		i.s.StopWith(reason)
		select {
		case <-done:
			return
		case <-t.C:
		}
	}
}

// press handles one Ctrl-C.
func (i *interrupter) press() {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.running == nil {
		if i.idleQuits {
			i.sys.exit(1)
		}
		return
	}
	i.presses++
	switch i.presses {
	case 1:
		done := i.running
		time.AfterFunc(slowToStop, func() {
			select {
			case <-done:
			default:
				if name := i.s.Running(); name != "" {
					i.sys.errorf("note: %s cannot stop midway; it will finish in a moment, and its result will be discarded", name)
				}
			}
		})
		go i.keepStopping(lang.ErrInterrupted, done)
	case 2:
		i.sys.errorf("calc: stopping... (Ctrl-C once more quits calc)")
	default:
		i.sys.errorf("calc: quit")
		i.sys.exit(1)
	}
}
