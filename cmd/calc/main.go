// Command calc runs the calc language: a REPL on a terminal, scripts, and
// one-line expressions.
//
//	calc                       the REPL (or the script on standard input if it is not a terminal)
//	calc FILE.calc [FILE...]   run scripts
//	calc -e 'EXPR' [-e ...]    evaluate expressions, in order
//	calc -                     run the script on standard input, without prompts
//	calc -i FILE.calc          run the file, then open the REPL with its names defined
//	calc jupyter install       install the Jupyter kernel (see package calc/cmd/calc/jupyter)
//
// The exit status is 0 when all went well, 1 after an error in a script
// and 2 for bad usage (an unknown flag, a file that cannot be read).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"calc"
	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/dataio"
)

const usage = `usage:
  calc                       the REPL on a terminal; otherwise runs the script on standard input
  calc FILE.calc [FILE...]   run scripts in one session
  calc -e 'EXPR' [-e ...]    evaluate each EXPR in order (after the files, if any)
  calc -                     run the script on standard input, without prompts
  calc -i [FILE...]          run the files, then open the REPL with their names defined
  calc jupyter ...           the Jupyter kernel; calc jupyter install installs it

flags:
`

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go cleanUpOnTermination()
	os.Exit(run(os.Args[1:], stdio(sigs)))
}

// cleanUpOnTermination waits for SIGTERM or SIGHUP, removes the temporary
// files of the writes under way (a figure or an image half written), and
// lets the signal end calc as it would have.
func cleanUpOnTermination() {
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM, syscall.SIGHUP)
	sig := <-term
	dataio.RemoveTemporaries()
	signal.Reset(sig)
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		p.Signal(sig)
	}
}

// options are the command line's meaning.
type options struct {
	files   []string // scripts to run, "-" for standard input
	exprs   []string // each -e, run in order after the files
	repl    bool     // open the REPL after the files and the expression
	history string   // -history
	limits  limits
}

// limits are the resource limits the flags set on the session.
type limits struct {
	timeout     time.Duration
	safe        bool
	maxDepth    int
	maxElements float64
	maxNodes    int
	maxOutput   int
}

// maxElementsFlag bounds -max-elements: an array's length must fit an int
// with room to count its bytes, so a larger limit could not be honoured.
const maxElementsFlag = 1 << 50

// check refuses limits that cannot be honoured: NaN, infinite or negative
// sizes, a negative duration.
func (l limits) check() error {
	switch {
	case !(l.maxElements >= 0 && l.maxElements <= maxElementsFlag):
		return fmt.Errorf("-max-elements must be a number from 0 to %d, not %v", int64(maxElementsFlag), l.maxElements)
	case l.maxDepth < 1:
		return fmt.Errorf("-max-depth must be at least 1, not %d", l.maxDepth)
	case l.maxNodes < 1:
		return fmt.Errorf("-max-nodes must be at least 1, not %d", l.maxNodes)
	case l.maxOutput < 0:
		return fmt.Errorf("-max-output must be 0 (no limit) or more, not %d", l.maxOutput)
	case l.timeout < 0:
		return fmt.Errorf("-timeout must be 0 (no limit) or more, not %v", l.timeout)
	}
	return nil
}

// apply sets the limits on a session. The time limit is the
// interrupter's to keep (see interrupter.limitTime).
func (l limits) apply(s *lang.Session) {
	s.Safe = l.safe
	s.MaxDepth = l.maxDepth
	s.MaxElements = l.maxElements
	s.Graph().MaxNodes = l.maxNodes
	s.MaxOutput = l.maxOutput
}

// run is the whole command, with its surroundings as a parameter for tests.
// It returns the exit status.
func run(args []string, sys *system) (status int) {
	if len(args) > 0 && args[0] == "jupyter" {
		return jupyterMain(args[1:], sys)
	}
	opts, status, ok := parseArgs(args, sys)
	if !ok {
		return status
	}
	if !opts.repl {
		sys.buffer()
	}
	defer func() { status = sys.finish(status) }()
	s := calc.NewSession()
	s.Terminal = sys.stdoutTerminal
	if !sys.stdoutTerminal {
		// Output going to a file or a pipe is data: notes go to stderr. On
		// a terminal they stay in order with the values they are about.
		s.Err = sys.stderr
	}
	opts.limits.apply(s)
	stop := newInterrupter(s, sys)
	stop.setIdleQuits(true)
	// The scripts share one time limit from now; the REPL gives each
	// statement its own, so that time spent at the prompt is not counted.
	stop.limitTime(opts.limits.timeout, time.Now().Add(opts.limits.timeout))

	scripts, err := readScripts(opts.files, sys.stdin)
	if err != nil {
		sys.errorf("calc: %v", err)
		if !opts.repl { // with -i, the REPL opens anyway
			return 2
		}
	}
	for _, e := range opts.exprs {
		scripts = append(scripts, script{"<expr>", e})
	}
	for _, sc := range scripts {
		if stop.run(func() error { return calc.Run(s, sc.name, sc.text, sys.stdout, sys.stderr) }) != nil {
			status = 1
			break
		}
	}
	if !opts.repl {
		return status
	}
	stop.setIdleQuits(false)
	stop.limitTime(opts.limits.timeout, time.Time{})
	con := sys.console()
	if con.terminal { // lines from a pipe were not typed: no history for them
		path, warn := historyPath(opts.history, opts.limits.safe)
		if warn != "" {
			sys.errorf("calc: %s", warn)
		}
		con.history = path
	}
	return newREPL(s, con, stop).loop()
}

// parseArgs reads the command line. When ok is false the command is done
// (--help, --version, bad usage) with the given status.
func parseArgs(args []string, sys *system) (opts options, status int, ok bool) {
	flags := flag.NewFlagSet("calc", flag.ContinueOnError)
	var complaint strings.Builder // the flag package's message and the usage
	flags.SetOutput(&complaint)
	flags.Usage = func() {
		complaint.WriteString(usage)
		flags.PrintDefaults()
	}
	flags.Func("e", "evaluate `EXPR` and print its value; several -e run in order", func(e string) error {
		opts.exprs = append(opts.exprs, e)
		return nil
	})
	flags.BoolVar(&opts.repl, "i", false, "open the REPL after running the files, even if standard input is not a terminal")
	flags.StringVar(&opts.history, "history", "", "keep the REPL's history in `FILE` (default $CALC_HISTORY, or calc/history in the user's config directory; none with -safe)")
	flags.DurationVar(&opts.limits.timeout, "timeout", 0, "stop scripts after `DURATION` of wall time, and each statement typed in the REPL after as long (such as 10s; 0: no limit)")
	flags.BoolVar(&opts.limits.safe, "safe", false, "safe mode for untrusted scripts: no file reads or writes at all")
	flags.IntVar(&opts.limits.maxDepth, "max-depth", lang.DefaultMaxDepth, "the deepest nesting of function calls")
	flags.Float64Var(&opts.limits.maxElements, "max-elements", lang.DefaultMaxElements, "the most elements one array may have")
	flags.IntVar(&opts.limits.maxNodes, "max-nodes", autodiff.DefaultMaxNodes, "the most nodes of the expression graph (symbolic work)")
	flags.IntVar(&opts.limits.maxOutput, "max-output", 10<<20, "the most bytes one statement may print (0: no limit)")
	version := flags.Bool("version", false, "print calc's version")
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			io.WriteString(sys.stdout, complaint.String())
			return opts, 0, false
		}
		io.WriteString(sys.stderr, complaint.String())
		return opts, 2, false
	}
	if *version {
		fmt.Fprintln(sys.stdout, "calc", calc.Version)
		return opts, 0, false
	}
	if err := opts.limits.check(); err != nil {
		sys.errorf("calc: %v", err)
		return opts, 2, false
	}
	if opts.limits.safe && opts.history != "" {
		fmt.Fprintln(sys.stderr, "calc: -history cannot be used with -safe: safe mode reads and writes no files")
		return opts, 2, false
	}
	opts.files = flags.Args()
	if len(opts.files) == 0 && len(opts.exprs) == 0 {
		if sys.stdinTerminal {
			opts.repl = true
		} else if !opts.repl {
			opts.files = []string{"-"}
		}
	}
	return opts, 0, true
}
