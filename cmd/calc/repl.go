package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chzyer/readline"

	"calc"
	"calc/builtins"
	"calc/lang"
	"calc/lang/syntax"
)

// historyLimit bounds the number of lines kept in the history file.
const historyLimit = 1000

// replName names the REPL's input in error messages.
const replName = "<stdin>"

// console is where the REPL reads and writes.
type console struct {
	in          io.Reader
	out, errOut io.Writer
	// terminal is true when a person types at a terminal: readline then
	// shows prompts, echoes and edits the line. Otherwise it reads lines
	// silently (`calc -i` with input from a pipe).
	terminal bool
	// raw switches the terminal to raw mode while a line is read, as a real
	// terminal needs; tests that pose a pipe as a terminal leave it off.
	raw     bool
	colour  bool       // colour the prompts
	history string     // the history file; "" keeps the history in memory only
	width   func() int // the terminal's width; nil asks the terminal
	height  func() int // the terminal's height; nil asks the terminal
}

// repl is calc's read-eval-print loop. An error never ends it: only Ctrl-D,
// the end of the input or :quit do.
type repl struct {
	s       *lang.Session
	con     *console
	rl      *readline.Instance
	history *history
	stop    *interrupter
	quit    bool
}

func newREPL(s *lang.Session, con *console, stop *interrupter) *repl {
	return &repl{s: s, con: con, stop: stop, history: &history{at: -1}}
}

// open starts readline on the console. A history file that cannot be used
// is reported once and the REPL goes on without it.
func (r *repl) open() error {
	con := r.con
	var entries []string
	if con.history != "" {
		var err error
		if entries, err = readHistory(con.history); err != nil {
			r.historyFailed(err)
		}
	}
	h := r.history
	cfg := &readline.Config{
		Prompt:                 r.prompt(false),
		HistoryLimit:           historyLimit,
		HistorySearchFold:      true,
		DisableAutoSaveHistory: true, // history.add keeps a statement as one entry
		Listener:               h,
		AutoComplete:           completer{r.s},
		EOFPrompt:              "\n", // readline's spelling of "just a newline"
		Stdin:                  readline.NewCancelableStdin(con.in),
		Stdout:                 con.out,
		Stderr:                 con.errOut,
		FuncIsTerminal:         func() bool { return con.terminal },
		FuncFilterInputRune: func(c rune) (rune, bool) {
			if c == '\t' && !con.terminal {
				c = ' ' // Tab completes only for a person; in piped lines it is space
			}
			return h.filter(c)
		},
	}
	if !con.raw {
		noop := func() error { return nil }
		cfg.FuncMakeRaw, cfg.FuncExitRaw = noop, noop
		cfg.FuncOnWidthChanged = func(func()) {}
	}
	cfg.FuncGetWidth = con.width
	if cfg.FuncGetWidth == nil {
		// A terminal that does not say its size (a serial line, some
		// emulators) gets 80 columns: at width 0 readline turns Tab off.
		cfg.FuncGetWidth = func() int {
			if w := readline.GetScreenWidth(); w > 0 {
				return w
			}
			return 80
		}
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		return err
	}
	r.rl, h.rl = rl, rl
	h.load(con.history, entries)
	return nil
}

// remember keeps statement text in the history.
func (r *repl) remember(text string) {
	if err := r.history.add(text); err != nil {
		r.historyFailed(err)
	}
}

// historyFailed reports, once, that the history file cannot be used; the
// REPL goes on with the history in memory.
func (r *repl) historyFailed(err error) {
	r.errorf("calc: cannot keep the history in %s: %v; going on without it", r.con.history, unwrapPath(err))
	r.con.history = ""
}

// prompt returns the prompt, or the continuation prompt shown while a
// bracket is open.
func (r *repl) prompt(more bool) string {
	p := "calc>"
	if more {
		p = "  ..."
	}
	if r.con.colour {
		p = blue + p + reset
	}
	return p + " "
}

// loop reads and runs statements until the input ends, and returns the
// exit status.
func (r *repl) loop() int {
	if err := r.open(); err != nil {
		r.errorf("calc: %v", err)
		return 1
	}
	defer r.rl.Close()
	if r.con.terminal {
		r.note("calc %s: help lists the builtins, :help the commands, Ctrl-D quits.", calc.Version)
	}
	var pending strings.Builder  // the lines of a statement whose brackets are open
	var more syntax.Continuation // whether pending goes on, scanned line by line
	for !r.quit {
		r.rl.SetPrompt(r.prompt(pending.Len() > 0))
		line, err := r.rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			// Ctrl-C clears the line and any statement being continued.
			// The line stays in the history, so nothing typed is lost.
			r.remember(pending.String() + line)
			pending.Reset()
			more.Reset()
			continue
		}
		if err != nil { // io.EOF: Ctrl-D or the end of the input
			break
		}
		if pending.Len() == 0 && r.command(line) {
			r.remember(line)
			continue
		}
		pending.WriteString(line)
		pending.WriteByte('\n')
		if more.Add(line + "\n") {
			continue
		}
		r.remember(pending.String())
		r.run(replName, pending.String())
		pending.Reset()
		more.Reset()
	}
	if pending.Len() > 0 {
		// Say what was left unfinished (an unclosed bracket) rather than
		// drop it silently.
		r.run(replName, pending.String())
	}
	return 0
}

// run runs source text in the session, stoppable by Ctrl-C. A panic is a
// bug in calc, not the user's mistake: it is reported with its stack, and
// the session goes on, so the user's work is not lost to it.
func (r *repl) run(name, text string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.errorf("calc: internal error (please report it): %v\n%s", p, debug.Stack())
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return r.stop.run(func() error { return r.exec(name, text) })
}

// errorf writes an error message.
func (r *repl) errorf(format string, args ...any) {
	fmt.Fprintf(r.con.errOut, format+"\n", args...)
}

// note writes a remark of the REPL's own, dimmed on a colour terminal.
func (r *repl) note(format string, args ...any) {
	fmt.Fprintln(r.con.out, r.dim(fmt.Sprintf(format, args...)))
}

// dim returns text dimmed on a colour terminal.
func (r *repl) dim(text string) string {
	if r.con.colour {
		return dim + text + reset
	}
	return text
}

// helpLine matches the REPL's form of help: `help` or `help NAME`.
var helpLine = regexp.MustCompile(`^help(?:\s+(:?[\p{L}_][\p{L}\p{N}_]*))?$`)

// command runs a line that is a REPL command rather than calc source:
// `:name args`, `help`, `help NAME`, and a bare quit or exit. It reports
// whether the line was one.
func (r *repl) command(line string) bool {
	line = strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(line, ":"):
		r.colon(line)
	case helpLine.MatchString(line) && !isUserName(r.s, "help"):
		r.help(helpLine.FindStringSubmatch(line)[1])
	case (line == "quit" || line == "exit") && !isUserName(r.s, line):
		r.quit = true
	default:
		return false
	}
	return true
}

// A replCommand is one of the REPL's `:name` commands.
type replCommand struct {
	name, args, doc string
	run             func(r *repl, arg string)
}

// replCommands lists the commands in the order :help shows them. It is
// filled in by init because :help reads it.
var replCommands []replCommand

func init() {
	replCommands = []replCommand{
		{"vars", "", "the names you defined, with their types and values", (*repl).vars},
		{"clear", "[NAME...]", "forget all the names you defined, or the ones given", (*repl).clear},
		{"load", "FILE", "run a script in this session (such as one :save wrote)", (*repl).load},
		{"save", "FILE", "save the values you defined to FILE, as a calc script of assignments", (*repl).save},
		{"time", "EXPR", "run EXPR and say how long it took (wall time)", (*repl).time},
		{"help", "", "this list", func(r *repl, _ string) { r.commandHelp() }},
		{"quit", "", "leave calc (so does Ctrl-D)", func(r *repl, _ string) { r.quit = true }},
	}
}

// commandAliases are short spellings of commands. Other prefixes are not
// accepted, so that a typo never runs :clear.
var commandAliases = map[string]string{"q": "quit", "exit": "quit", "h": "help"}

// colon runs a `:name args` command.
func (r *repl) colon(line string) {
	name, arg := line[1:], ""
	if i := strings.IndexFunc(name, unicode.IsSpace); i >= 0 {
		name, arg = name[:i], strings.TrimSpace(name[i:])
	}
	if full, ok := commandAliases[name]; ok {
		name = full
	}
	for _, c := range replCommands {
		if c.name != name {
			continue
		}
		if c.args != "" && !strings.HasPrefix(c.args, "[") && arg == "" {
			r.errorf("usage: :%s %s", c.name, c.args)
			return
		}
		c.run(r, arg)
		return
	}
	var names, near []string
	for _, c := range replCommands {
		names = append(names, ":"+c.name)
		if name != "" && strings.HasPrefix(c.name, name) {
			near = append(near, ":"+c.name)
		}
	}
	hint := ""
	if len(near) > 0 {
		hint = " (did you mean " + strings.Join(near, " or ") + "?)"
	}
	r.errorf("unknown command %q%s; the commands are %s", ":"+name, hint, strings.Join(names, ", "))
}

// commandHelp lists the REPL's commands and keys.
func (r *repl) commandHelp() {
	var b strings.Builder
	b.WriteString("Commands:\n")
	row := func(left, doc string) { fmt.Fprintf(&b, "  %-17s %s\n", left, doc) }
	for _, c := range replCommands {
		row(strings.TrimSpace(":"+c.name+" "+c.args), c.doc)
	}
	row("help", "the builtins by topic")
	row("help NAME", "one builtin in full, with an example")
	b.WriteString("\nKeys:\n")
	row("Tab", "complete a name, a record's field (r.<Tab>), a command or a file")
	row("Up, Down, Ctrl-R", "recall and search the history")
	row("Ctrl-C", "clear the line, or stop a running computation")
	row("Ctrl-D", "quit")
	b.WriteString("\nA statement goes on over several lines while a bracket is open.")
	r.page(b.String())
}

// help shows the overview of the builtins, a topic, or one name in full,
// through the pager when it is taller than the terminal.
func (r *repl) help(name string) {
	switch {
	case name == "":
		r.page(builtins.Overview(r.s) + "\n:help lists the REPL's commands.")
		return
	case strings.HasPrefix(name, ":"):
		for _, c := range replCommands {
			if ":"+c.name == name {
				fmt.Fprintf(r.con.out, "%s\n\n  %s\n", strings.TrimSpace(name+" "+c.args), c.doc)
				return
			}
		}
		r.colon(name) // reports the unknown command
		return
	}
	text, err := helpText(r.s, name)
	if err != nil {
		r.errorf("%v", err)
		return
	}
	r.page(text)
}

// helpText returns the help of a name: a builtin or a topic in full, with
// its example's results, or the type and value of another bound name. The
// REPL and the Jupyter kernel both show it.
func helpText(s *lang.Session, name string) (string, error) {
	if s.Builtin(name) == nil {
		if v, ok := s.Get(name); ok {
			who := "predefined"
			if isUserName(s, name) {
				who = "defined in this session"
			}
			return fmt.Sprintf("%s: %s, %s: %s", name, v.TypeName(), who, brief(s, v, 60)), nil
		}
	}
	return builtins.Help(s, name)
}

func isUserName(s *lang.Session, name string) bool {
	for _, n := range s.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// vars lists the user's names with their types and a short value each.
func (r *repl) vars(string) {
	names := r.s.Names()
	if len(names) == 0 {
		r.note("no names defined yet: `name = expr` defines one, `f(x) = expr` a function")
		return
	}
	nw, tw := 0, 0
	types := make([]string, len(names))
	for i, n := range names {
		v, _ := r.s.Get(n)
		types[i] = v.TypeName()
		nw, tw = max(nw, utf8.RuneCountInString(n)), max(tw, len(types[i]))
	}
	width := 80
	if w := r.screenWidth(); r.con.terminal && w > 0 {
		width = w
	}
	for i, n := range names {
		v, _ := r.s.Get(n)
		fmt.Fprintf(r.con.out, "%-*s  %-*s  %s\n", nw, n, tw, types[i], brief(r.s, v, max(30, width-nw-tw-5)))
	}
}

// brief returns v in one line of at most width runes: its printed form
// when that fits, else a summary that says what it holds. An array gives
// its range, a record its fields with short values, a list its length and
// first items.
func brief(s *lang.Session, v lang.Value, width int) string {
	if text := oneLine(s.Format(v)); utf8.RuneCountInString(text) <= width {
		return text
	}
	switch v.Kind() {
	case lang.ArrayKind:
		a := v.Array()
		lo, hi := math.Inf(1), math.Inf(-1)
		nans := 0
		for _, x := range a.Floats() {
			if math.IsNaN(x) {
				nans++
				continue
			}
			lo, hi = min(lo, x), max(hi, x)
		}
		text := "from " + s.Format(lang.Num(lo)) + " to " + s.Format(lang.Num(hi))
		if nans == a.Len() {
			text = "all nan"
		} else if nans > 0 {
			text += fmt.Sprintf(", %d nan", nans)
		}
		return cut(text, width)
	case lang.RecordKind:
		rec := v.Record()
		parts := make([]string, len(rec.Keys))
		for i, k := range rec.Keys {
			f := rec.Values[k]
			text := oneLine(s.Format(f))
			if utf8.RuneCountInString(text) > 12 {
				text = f.TypeName()
			}
			parts[i] = k + ": " + text
		}
		return cut("{"+strings.Join(parts, ", ")+"}", width)
	case lang.ListKind:
		return cut(fmt.Sprintf("%d items: %s", len(v.List().Items), oneLine(s.Format(v))), width)
	}
	return cut(oneLine(s.Format(v)), width)
}

// oneLine joins the lines of a printed value, dropping the indentation of
// the continued ones: [[1, 2],\n [3, 4]] becomes [[1, 2], [3, 4]].
func oneLine(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, " ")
}

// cut shortens text to width runes, ending it with " …" when it was longer.
func cut(text string, width int) string {
	r := []rune(text)
	if len(r) <= width {
		return text
	}
	return string(r[:max(0, width-2)]) + " …"
}

// clear forgets the given names, or all of the user's.
func (r *repl) clear(arg string) {
	names := strings.Fields(arg)
	if len(names) == 0 {
		names = r.s.Names()
		for _, n := range names {
			r.s.Unset(n)
		}
		r.note("cleared %d %s", len(names), plural(len(names), "name"))
		return
	}
	for _, n := range names {
		if !isUserName(r.s, n) {
			r.errorf("%q is not a name you defined%s", n, r.s.DidYouMean(n))
			continue
		}
		r.s.Unset(n)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// load runs a script file in the session.
func (r *repl) load(arg string) {
	if r.s.Safe {
		r.errorf("calc: :load is not allowed: files are off in safe mode")
		return
	}
	sc, err := readFile(commandPath(arg))
	if err != nil {
		r.errorf("calc: %v", err)
		return
	}
	r.run(sc.name, sc.text)
}

// commandPath returns the file a command's argument names: quotes
// around it are dropped and ~/ stands for the home folder.
func commandPath(arg string) string {
	path := strings.Trim(arg, `"'`)
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, rest)
		}
	}
	return path
}

// save writes the user's values to a file that :load reads back.
func (r *repl) save(arg string) {
	path := commandPath(arg)
	saved, skipped, err := builtins.SaveVars(r.s, path, nil)
	if err != nil {
		r.errorf("calc: %v", err)
		return
	}
	r.note("saved %d %s to %s", len(saved), plural(len(saved), "name"), path)
	if len(skipped) > 0 {
		r.note("not saved: %s", strings.Join(skipped, ", "))
	}
}

// time runs source text and reports the wall time it took.
func (r *repl) time(arg string) {
	start := time.Now()
	err := r.run(replName, arg)
	d := time.Since(start)
	if err == nil {
		r.note("wall time: %v", roundDuration(d))
	}
}

// roundDuration keeps three or four significant digits of d.
func roundDuration(d time.Duration) time.Duration {
	for _, unit := range []time.Duration{time.Second, time.Millisecond, time.Microsecond} {
		if d >= unit {
			return d.Round(unit / 100)
		}
	}
	return d
}

// unwrapPath drops the operation and path from a file error, which the
// message around it already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
