package lang

import (
	"calc/autodiff"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Default limits of a new session.
const (
	DefaultMaxDepth    = 10000
	DefaultMaxElements = 1e8
)

// MaxRecursion caps MaxDepth: each level of a calc function's recursion
// takes a few kilobytes of Go's stack (2.4 kB measured for a one-line
// function), and Go stops a program whose stack passes 1 GB, so deeper
// recursion than this could not be an error.
const MaxRecursion = 100000

// cell holds a global binding. Compiled code keeps pointers to cells, so
// names are resolved once, at compile time, and a later assignment is seen
// by every function that uses the name.
type cell struct {
	value Value
	bound bool
	user  bool // bound by the user rather than predefined
	name  string
	sym   Value  // the symbol the name stands for while unbound, made on first use
	pre   *Value // the predefined value (builtin or constant), if any
	// changed is the generation in which the binding last changed.
	changed int
	// view says what numpy would make of the value's assignment: a view
	// of another variable (b = a[0:2], r = m[0], t = m.T, b = a), until
	// the first change of one of its elements, which notes that calc
	// copied it (Session.noteViewCopy).
	view view
	// tuple holds the source of the tuple the value was assigned from
	// (i = (0, 1)), so that indexing with it notes that numpy would read
	// a[i] as a[0, 1] (see Session.noteTupleIndex).
	tuple string
}

// Session is one calc workspace: its global names and the machinery that
// evaluates code. Two sessions share nothing. A Session is not safe for
// concurrent use, except for Interrupt.
type Session struct {
	globals  map[string]*cell
	builtins map[string]*Builtin
	ordered  []*Builtin
	locals   map[string]any

	// Precision is the number of significant digits a lone number prints
	// with; array entries print with Precision-2 digits after the point.
	Precision int
	// Width is the number of columns printed values may fill before their
	// rows wrap: the terminal's width in the REPL; 0 means 80.
	Width int
	// MaxDepth limits nested calls of user functions.
	MaxDepth int
	// MaxElements limits the number of elements of one array a builtin
	// may create, so that zeros(1e12) is an error before any allocation.
	MaxElements float64
	// Out receives printed values and print() output.
	Out io.Writer
	// Err receives notes (see Note), so that a script's output stays
	// data; nil means Out.
	Err io.Writer
	// Terminal says that Out is a terminal a person watches, so long
	// computations may show progress.
	Terminal bool
	// Safe turns off every file read and write (for untrusted scripts).
	Safe bool
	// MaxOutput limits the bytes one statement may print (0: no limit).
	MaxOutput int
	// Deadline is when a time limit will stop the computation (zero: no
	// limit). Builtins that cannot stop midway (one LAPACK call) refuse
	// work that could not end by then.
	Deadline time.Time
	// Show, if set, is offered the value of each bare expression before it
	// is printed; when it returns true the value is not printed. The REPL
	// shows figures this way.
	Show func(v Value) bool

	graph *autodiff.Graph
	// compiledExprs caches, per expression called as a function, its
	// variables and its tape.
	compiledExprs map[*autodiff.Node]*compiled
	stack         []Value
	bp, sp        int
	depth         int
	// sites[:depth] are where the user functions running were called, for
	// an error's chain of calls; builtin is the innermost builtin running
	// and where it was called, the site of the calls it makes.
	sites     []callSite
	builtin   callSite
	interrupt atomic.Bool
	reason    atomic.Pointer[string]
	// running is the outermost builtin running, for Running; checks counts
	// the calls of Check and Interrupted, so that callBuiltin can tell a
	// builtin that never looks for an interrupt.
	running atomic.Pointer[Builtin]
	checks  int
	printed int // bytes printed by the current statement
	// generation counts the changes of bindings; a trace stays valid
	// while no name it read has changed since its generation.
	generation int
	// statement counts the statements run; notes are said once each per
	// statement.
	statement int
	notes     map[string]bool
	notesAt   int
	notedOnce map[string]bool
	// sweepAt is the graph size at which the next sweep is due.
	sweepAt int
	// traced holds the variables of the traces in progress (Trace);
	// tracing counts them, reads holds the global names they read and
	// resets the resets of the state their graphs keep (OnReuse).
	traced  []*autodiff.Node
	tracing int
	draws   int // random draws made while tracing (DrawRandom)
	reads   []*cell
	resets  []func()
	// functions caches traced functions made ready for solvers.
	functions map[functionKey]*Function
}

// NewSession returns a session with the given builtins and constants
// predefined.
func NewSession(builtins []*Builtin, constants map[string]Value) *Session {
	s := &Session{
		globals:       map[string]*cell{},
		builtins:      map[string]*Builtin{},
		locals:        map[string]any{},
		Precision:     10,
		MaxDepth:      DefaultMaxDepth,
		MaxElements:   DefaultMaxElements,
		Out:           io.Discard,
		stack:         make([]Value, 256),
		graph:         autodiff.NewGraph(),
		compiledExprs: map[*autodiff.Node]*compiled{},
		functions:     map[functionKey]*Function{},
	}
	s.graph.Check = s.Check
	for _, b := range builtins {
		s.builtins[b.Name] = b
		s.ordered = append(s.ordered, b)
		s.predefine(b.Name, Func(b))
	}
	for name, v := range constants {
		s.predefine(name, v)
	}
	return s
}

func (s *Session) predefine(name string, v Value) {
	c := s.cell(name)
	c.value, c.bound, c.pre = v, true, &v
}

func (c *cell) set(v Value) { c.value, c.bound, c.user = v, true, true }

// cell returns the cell for a global name, creating an unbound one.
func (s *Session) cell(name string) *cell {
	c := s.globals[name]
	if c == nil {
		c = &cell{name: name}
		s.globals[name] = c
	}
	return c
}

// Get returns the value bound to a global name.
func (s *Session) Get(name string) (Value, bool) {
	c := s.globals[name]
	if c == nil || !c.bound {
		return Nil, false
	}
	return c.value, true
}

// Set binds a global name.
func (s *Session) Set(name string, v Value) {
	c := s.cell(name)
	c.set(v)
	c.view, c.tuple = view{}, "" // a new binding; an assignment from a view or a tuple marks it after
	s.generation++
	c.changed = s.generation
}

// Unset removes a user's binding of a name; a predefined name (a builtin
// or a constant) goes back to its predefined value.
func (s *Session) Unset(name string) {
	c := s.globals[name]
	if c == nil {
		return
	}
	c.user = false
	s.generation++
	c.changed = s.generation
	if c.pre != nil {
		c.value = *c.pre
		return
	}
	c.value, c.bound = Nil, false
}

// Names returns the names the user has bound, sorted.
func (s *Session) Names() []string {
	var names []string
	for name, c := range s.globals {
		if c.user {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// Builtins returns the session's builtins in the order they were given.
func (s *Session) Builtins() []*Builtin { return s.ordered }

// Builtin returns the builtin with the given name, or nil.
func (s *Session) Builtin(name string) *Builtin { return s.builtins[name] }

// Local returns session-local state stored by builtins under key (a random
// generator, say), or nil.
func (s *Session) Local(key string) any { return s.locals[key] }

// SetLocal stores session-local state for builtins.
func (s *Session) SetLocal(key string, v any) { s.locals[key] = v }

// Interrupt asks the running computation to stop with an error at the next
// check. It is safe to call from another goroutine (a Ctrl-C handler).
func (s *Session) Interrupt() { s.StopWith(ErrInterrupted) }

// StopWith is Interrupt with the reason the error gives, such as a time
// limit's. The reason should start with "interrupted".
func (s *Session) StopWith(reason string) {
	s.reason.Store(&reason)
	s.interrupt.Store(true)
}

// ErrInterrupted is the message of the error a stopped computation gives.
const ErrInterrupted = "interrupted"

// Check stops the computation if it was interrupted. Long loops in
// builtins call it.
func (s *Session) Check() {
	s.checks++
	if s.interrupt.Swap(false) {
		reason := ErrInterrupted
		if r := s.reason.Load(); r != nil {
			reason = *r
		}
		panic(Errorf("%s", reason))
	}
}

// Stopping reports whether an interrupt is pending, without clearing it
// or stopping: a poll for Go code that cannot panic where it runs (the
// threads of a matrix product), which returns early so that its builtin's
// Check then stops the computation. It is safe for concurrent use.
func (s *Session) Stopping() bool { return s.interrupt.Load() }

// CheckFiles refuses file access in safe mode, for the builtins that
// read or write files.
func (s *Session) CheckFiles(what string) {
	if s.Safe {
		panic(Errorf("%s is not allowed: %s", what, FilesOff))
	}
}

// FilesOff ends the error of a builtin refused in safe mode.
const FilesOff = "files are off in safe mode"

// Interrupted reports, and clears, a pending Ctrl-C (Interrupt), for
// builtins that stop cleanly with a partial result (training keeps its
// parameters) rather than with an error. A stop for another reason (a
// time limit, StopWith) is not the user's choice to keep a partial
// result: it raises its error, as Check does.
func (s *Session) Interrupted() bool {
	s.checks++
	if !s.interrupt.Load() {
		return false
	}
	if r := s.reason.Load(); r != nil && *r != ErrInterrupted {
		s.Check()
	}
	return s.interrupt.Swap(false)
}

// Running returns the name of the builtin the computation is in (the
// outermost one, as the user called it), or "". It is safe to call from
// another goroutine, so that a Ctrl-C handler can say what it waits for.
func (s *Session) Running() string {
	if b := s.running.Load(); b != nil {
		return b.Name
	}
	return ""
}

// runTop runs a compiled top-level expression in a fresh frame.
func (s *Session) runTop(body code, fr *frame) Value {
	slots := fr.slots
	s.bp, s.sp = 0, slots
	s.grow(slots)
	clear(s.stack[:slots])
	return body(s)
}

// grow makes room for n more values above sp.
func (s *Session) grow(n int) {
	if need := s.sp + n; need > len(s.stack) {
		bigger := make([]Value, max(2*len(s.stack), need))
		copy(bigger, s.stack)
		s.stack = bigger
	}
}

// push puts v on top of the stack.
func (s *Session) push(v Value) {
	if s.sp == len(s.stack) {
		s.grow(1)
	}
	s.stack[s.sp] = v
	s.sp++
}

// Call calls the function f with args, as builtins such as map do. User
// errors inside it panic with a positioned *Error.
func (s *Session) Call(f Value, args ...Value) Value {
	base := s.sp
	for _, a := range args {
		s.push(a)
	}
	return s.callAt(f, base, Pos{}, nil)
}

// callAt calls f with the arguments on the stack from base to sp, pops
// them, and returns the result. pos is the call's position and argPos its
// arguments' (nil when a builtin calls), for errors.
func (s *Session) callAt(f Value, base int, pos Pos, argPos []Pos) Value {
	n := s.sp - base
	switch fn := f.ref.(type) {
	case *UserFunc:
		if n != len(fn.params) {
			panic(arityError(fn.Signature(), len(fn.params), len(fn.params), n).at(pos))
		}
		if s.depth >= s.MaxDepth || s.depth >= MaxRecursion {
			panic(Errorf("maximum recursion depth %d exceeded in %s", min(s.MaxDepth, MaxRecursion), fn.Signature()).at(pos))
		}
		if s.interrupt.Load() {
			s.Check()
		}
		if extra := fn.slots - n; extra > 0 {
			s.grow(extra)
			clear(s.stack[s.sp : s.sp+extra])
			s.sp += extra
			for i, c := range fn.captures {
				s.stack[base+c.to] = fn.captured[i]
			}
		}
		s.enter(fn, pos)
		savedBP := s.bp
		s.bp = base
		s.depth++
		v := fn.body(s)
		s.depth--
		s.bp, s.sp = savedBP, base
		return v
	case *Builtin:
		v := s.callBuiltin(fn, Args(s.stack[base:s.sp]), pos, argPos)
		s.sp = base
		return v
	}
	switch fn := f.ref.(type) {
	case *autodiff.Node:
		if fn.Op == autodiff.OpVar && s.sp-base != 1 {
			panic(Errorf("%q is not defined%s", fn.Name, s.DidYouMean(fn.Name)).at(pos))
		}
		v := s.callExpr(fn, s.stack[base:s.sp], pos)
		s.sp = base
		return v
	case *Derived:
		v := s.callDerived(fn, s.stack[base:s.sp], pos)
		s.sp = base
		return v
	}
	panic(Errorf("cannot call %s: it is not a function", f.TypeName()).at(pos))
}

// notCallableHint says why a call of a value that is no function, written
// name(...) or x.field(...) (name ".field") with n arguments, is probably
// meant otherwise: a name the user bound over a builtin's, a field called
// as PyTorch's methods are, or Octave's a(i) for an element.
func (s *Session) notCallableHint(f Value, name string, n int) string {
	if field, ok := strings.CutPrefix(name, "."); ok {
		if field == "size" {
			return " (x.size is the number of elements; PyTorch's x.size() is x.shape here)"
		}
		return fmt.Sprintf(" (x.%s is a value: write it without parentheses)", field)
	}
	if name != "" && s.Builtin(name) != nil {
		return fmt.Sprintf(" (%s is bound to a %s here, which hides the builtin %s: :clear %s brings it back)", name, kindNames[f.kind], name, name)
	}
	if (f.kind == ArrayKind || f.kind == ListKind) && n > 0 {
		return " (calc indexes with brackets, from 0: a[0] is the first item, Octave's a(1))"
	}
	return ""
}

// callBuiltin runs a builtin. Errors it raises without a position get the
// call's position (or their argument's) and the builtin's name in front,
// unless the message already starts with it.
func (s *Session) callBuiltin(b *Builtin, args Args, pos Pos, argPos []Pos) Value {
	least, most := b.Arity()
	if len(args) < least || (most >= 0 && len(args) > most) {
		panic(b.withArityHint(arityError(b.Signature(), least, most, len(args))).at(pos))
	}
	if n := len(args); n > 0 && args[n-1].kind == RecordKind && n <= least {
		// A trailing record the required arguments cannot spare (train's
		// parameters, say) is an argument, not options: give Options an
		// empty options record to take instead.
		args = append(args[:n:n], RecordOf(NewRecord()))
	} else if n > 1 && n == most && args[n-1].kind != RecordKind && b.TakesOptions() {
		// (n > 1: a builtin with options takes at least one argument besides
		// them, so one-argument calls such as sin(x) skip this test.)
		// The last place of a builtin with options is for the options.
		panic(b.withArityHint(Errorf("%s takes %s before its options, got %d", b.Signature(), countArgs(least, most-1), n)).at(pos))
	}
	n := len(args)
	hasOptions := b.TakesOptions() && n > 0 && args[n-1].kind == RecordKind
	if s.running.Load() == nil {
		s.running.Store(b)
		defer s.running.Store(nil)
	}
	checks := s.checks
	outer := s.builtin
	s.builtin = callSite{by: b, at: pos}
	v, err := s.runBuiltin(b, args, hasOptions, pos, argPos)
	if err != nil {
		// A fresh panic from the body, not from the deferred recover: Go
		// keeps every panic raised inside a deferred call chained to the
		// one it interrupts, so re-panicking there made unwinding through
		// n nested builtins cost O(n²) and more (87 s at depth 10,000).
		panic(err) // s.builtin stays, for the chain of calls
	}
	s.builtin = outer
	if s.interrupt.Load() && s.checks == checks {
		// The builtin never looked for an interrupt, so it ran to the end
		// after Ctrl-C: its result is dropped, as if it had stopped.
		s.Check()
	}
	return v
}

// runBuiltin runs b's function and returns the user error it raises, with
// its position and the builtin's name; any other panic goes on unwinding.
func (s *Session) runBuiltin(b *Builtin, args Args, hasOptions bool, pos Pos, argPos []Pos) (_ Value, failed *Error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			if !e.Pos.Known() {
				if !strings.HasPrefix(e.Msg, b.Name) {
					e.Msg = b.Name + ": " + e.Msg
				}
				if e.Arg >= 0 && e.Arg < len(argPos) {
					pos = argPos[e.Arg]
				}
				e.Arg = -1
				e.at(pos)
			}
			failed = e
		}
	}()
	args = b.unpack(s, args, hasOptions)
	var reads *optionReads
	if b.TakesOptions() {
		reads = trackOptions(b, args)
	}
	v := b.Fn(s, args)
	if b.Solver && len(s.traced) > 0 && !containsExpr(v) {
		if x := s.tracedIn(args); x != "" {
			panic(Errorf("differentiating through a numerical solver is not supported yet: its result depends on %s only as numbers, so the derivative would be lost", x))
		}
	}
	if reads != nil {
		if err := reads.unread(b.Name, args[len(args)-1].Record(), len(args)-1); err != nil {
			panic(err)
		}
	}
	return v, nil
}

// Print writes a line of text to the session's output.
func (s *Session) Print(text string) {
	if err := s.budget(len(text)); err != nil {
		panic(err)
	}
	fmt.Fprintln(s.Out, text)
}

// CheckElements raises an error if an array of n elements would pass the
// session's limit. Builtins call it before allocating.
func (s *Session) CheckElements(n float64) {
	if !(n <= s.MaxElements) {
		panic(Errorf("an array of %s elements is more than the limit of %s (-max-elements)", count(n), count(s.MaxElements)))
	}
}

// CheckWork raises an error if a computation's work space of n numbers
// would pass the session's limit on elements: what says what needs it
// ("BFGS's 30000×30000 inverse Hessian"). Builtins call it before handing
// a size a user chose (an x0's length, a memory option) to a solver that
// allocates in proportion to it.
func (s *Session) CheckWork(what string, n float64) {
	if !(n <= s.MaxElements) {
		panic(Errorf("%s takes %s numbers, more than the limit of %s (-max-elements)", what, count(n), count(s.MaxElements)))
	}
}

// itemWords is the room of one list item counted in numbers: a Value is
// 32 bytes, four float64s.
const itemWords = 4

// CheckItems raises an error if a list of n items would pass the session's
// limit: -max-elements counts numbers, and a list item takes the room of
// itemWords of them. Builtins call it before boxing an array's elements.
func (s *Session) CheckItems(n int) {
	if float64(n)*itemWords > s.MaxElements {
		panic(Errorf("a list of %s items is more than the limit of %s (-max-elements counts numbers; a list item takes the room of %d)",
			count(float64(n)), count(math.Floor(s.MaxElements/itemWords)), itemWords))
	}
}

// symbol returns the symbol an unbound name stands for.
func (s *Session) symbol(c *cell) Value {
	if c.sym.kind == NilKind {
		c.sym = Expr(s.graph.Var(c.name, nil))
	}
	return c.sym
}

// count writes a number of elements: whole up to 1e15, else in e-notation.
func count(n float64) string {
	if n < 1e15 {
		return strconv.FormatFloat(n, 'f', 0, 64)
	}
	return strconv.FormatFloat(n, 'g', 4, 64)
}
