// Package jupyter is calc's Jupyter kernel: it runs a calc session behind
// the Jupyter messaging protocol (version 5.3) over ZeroMQ, so that calc
// lessons live in notebooks with their figures inline and symbolic
// results rendered as formulas.
//
// The protocol is the one of jupyter-client.readthedocs.io/en/latest/messaging.html;
// kernels.html there describes connection files and kernelspecs. ZeroMQ is
// github.com/go-zeromq/zmq4, written in Go, so the calc binary stays static.
//
// A kernel listens on five sockets named in a connection file: shell
// (requests that run in order: execute, complete, inspect, ...), control
// (interrupt and shutdown, served while a cell runs), iopub (the
// broadcast of outputs and of the kernel's busy/idle status), stdin
// (unused: calc never reads input) and heartbeat (an echo).
package jupyter

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"calc"
	"calc/lang"
)

// Connection is the content of a connection file: where the kernel
// listens and the key it signs messages with.
type Connection struct {
	Transport       string `json:"transport"` // "tcp" or "ipc"
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
}

// ReadConnection reads a connection file.
func ReadConnection(path string) (Connection, error) {
	var c Connection
	b, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("%s: %v", path, err)
	}
	if c.SignatureScheme != "" && c.SignatureScheme != "hmac-sha256" {
		return c, fmt.Errorf("%s: signature scheme %q is not supported (only hmac-sha256)", path, c.SignatureScheme)
	}
	return c, nil
}

// addr returns the ZeroMQ endpoint of a port of the connection.
func (c Connection) addr(port int) string {
	if c.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", c.IP, port)
	}
	return fmt.Sprintf("tcp://%s:%d", c.IP, port)
}

// Hooks are the calc command's services the kernel offers through the
// protocol, so that completion and help read as in the REPL and are
// written once.
type Hooks struct {
	// Complete returns the candidates completing the text before rune pos
	// of line, as the endings of the word before pos, and the length in
	// runes of that word.
	Complete func(s *lang.Session, line []rune, pos int) (endings [][]rune, n int)
	// Help returns the help text of a name, as the REPL's `help NAME`.
	Help func(s *lang.Session, name string) (string, error)
}

// Kernel is a running calc kernel.
type Kernel struct {
	s       *lang.Session
	hooks   Hooks
	log     io.Writer
	sig     signer
	session string // this kernel's session id, in the headers it writes

	shell, control, stdin, iopub, hb zmq4.Socket
	iopubMu                          sync.Mutex // iopub is written from the shell and control loops

	count   int      // the execution count
	history []string // the cells run with store_history, in order
	// shellQueue holds the shell requests read but not yet answered, so
	// that a failed cell can abort the execute requests behind it.
	shellQueue chan *message

	runMu        sync.Mutex
	running      chan struct{} // closed when the running cell ends; nil between cells
	interrupting bool          // an interrupt of the running cell is under way
	// interrupter is the goroutine repeating an interrupt; a cell waits for
	// it to end, so that no late repeat reaches the next cell.
	interrupter sync.WaitGroup

	done     chan struct{} // closed by shutdown
	doneOnce sync.Once
}

// New makes a kernel with a fresh calc session and opens its sockets.
// Log receives what the kernel has to say to whoever started it (dropped
// messages); Jupyter shows it in the server's log.
func New(conn Connection, hooks Hooks, log io.Writer) (*Kernel, error) {
	k := &Kernel{
		s:       calc.NewSession(),
		hooks:   hooks,
		log:     log,
		sig:     signer{key: []byte(conn.Key)},
		session: newID(),
		done:    make(chan struct{}),
	}
	// The sockets live as long as the kernel: Close closes them.
	k.shell = zmq4.NewRouter(context.Background())
	k.control = zmq4.NewRouter(context.Background())
	k.stdin = zmq4.NewRouter(context.Background())
	k.iopub = zmq4.NewPub(context.Background())
	k.hb = zmq4.NewRep(context.Background())
	for _, l := range []struct {
		sock zmq4.Socket
		port int
		name string
	}{{k.shell, conn.ShellPort, "shell"}, {k.control, conn.ControlPort, "control"}, {k.stdin, conn.StdinPort, "stdin"}, {k.iopub, conn.IOPubPort, "iopub"}, {k.hb, conn.HBPort, "heartbeat"}} {
		if err := l.sock.Listen(conn.addr(l.port)); err != nil {
			k.closeSockets()
			return nil, fmt.Errorf("cannot listen for the %s channel on %s: %v", l.name, conn.addr(l.port), err)
		}
	}
	return k, nil
}

// Serve answers requests until a shutdown request or Close.
func (k *Kernel) Serve() {
	k.publish(nil, "status", map[string]any{"execution_state": "starting"})
	go k.heartbeat()
	go k.serve("control", k.control)
	go k.serve("shell", k.shell)
	<-k.done
	k.closeSockets()
}

// Close stops the kernel: Serve returns.
func (k *Kernel) Close() { k.doneOnce.Do(func() { close(k.done) }) }

func (k *Kernel) closeSockets() {
	for _, s := range []zmq4.Socket{k.shell, k.control, k.stdin, k.iopub, k.hb} {
		s.Close()
	}
}

// logf writes a line to the kernel's log.
func (k *Kernel) logf(format string, args ...any) {
	fmt.Fprintf(k.log, "calc kernel: "+format+"\n", args...)
}

// heartbeat echoes what it receives, so that the client knows the kernel
// is alive even while a cell runs.
func (k *Kernel) heartbeat() {
	for {
		msg, err := k.hb.Recv()
		if err != nil {
			return
		}
		if err := k.hb.Send(msg); err != nil {
			return
		}
	}
}

// serve reads and answers the requests of one channel, in order, until
// the socket closes. A message that is malformed or wrongly signed is
// dropped and logged. Requests are read as they come and queued, so
// that after a failed cell the execute requests already sent can be
// aborted (see abortQueued).
func (k *Kernel) serve(channel string, sock zmq4.Socket) {
	queue := make(chan *message, 1024)
	if channel == "shell" {
		k.shellQueue = queue
	}
	go func() {
		defer close(queue)
		for {
			raw, err := sock.Recv()
			if err != nil {
				select {
				case <-k.done:
				default:
					k.logf("the %s channel stopped: %v", channel, err)
					k.Close()
				}
				return
			}
			m, err := k.sig.decode(raw.Frames)
			if err != nil {
				k.logf("dropped a message on the %s channel: %v", channel, err)
				continue
			}
			queue <- m
		}
	}()
	for m := range queue {
		k.handle(channel, sock, m)
	}
}

// abortQueued answers the execute requests waiting in the queue with
// status "aborted" without running them, as IPython does after an error
// when stop_on_error is set: "Run All" stops at the first failing cell.
// The other requests waiting are answered as usual.
//
// queued takes the requests waiting now; abortQueued answers them once the
// failed cell's own reply is sent, so that a request sent after that reply
// runs, whatever the timing.
func (k *Kernel) queued() []*message {
	var waiting []*message
	for {
		select {
		case m, ok := <-k.shellQueue:
			if !ok {
				return waiting
			}
			waiting = append(waiting, m)
		default:
			return waiting
		}
	}
}

// abortQueued answers the requests queued takes: execute requests as
// aborted, the others as usual.
func (k *Kernel) abortQueued(sock zmq4.Socket, waiting []*message) {
	for _, m := range waiting {
		if m.header.MsgType != "execute_request" {
			k.handle("shell", sock, m)
			continue
		}
		k.publish(m, "status", map[string]any{"execution_state": "busy"})
		k.reply(sock, m, map[string]any{"status": "aborted"})
		k.publish(m, "status", map[string]any{"execution_state": "idle"})
	}
}

// A handler answers one type of request.
type handler func(k *Kernel, sock zmq4.Socket, req *message)

// handlers are the requests the kernel answers, by message type.
var handlers map[string]handler

func init() {
	handlers = map[string]handler{
		"kernel_info_request": (*Kernel).kernelInfo,
		"execute_request":     (*Kernel).execute,
		"complete_request":    (*Kernel).complete,
		"inspect_request":     (*Kernel).inspect,
		"is_complete_request": (*Kernel).isComplete,
		"history_request":     (*Kernel).historyReply,
		"comm_info_request":   (*Kernel).commInfo,
		"comm_open":           (*Kernel).commOpen,
		"comm_msg":            func(*Kernel, zmq4.Socket, *message) {}, // no comm is ever open
		"comm_close":          func(*Kernel, zmq4.Socket, *message) {},
		"interrupt_request":   (*Kernel).interruptRequest,
		"shutdown_request":    (*Kernel).shutdown,
	}
}

// controlRequests are the requests the control channel answers. The
// others touch the session, which only the shell channel's loop uses.
var controlRequests = map[string]bool{"kernel_info_request": true, "interrupt_request": true, "shutdown_request": true}

// handle answers one request, telling iopub that the kernel is busy
// meanwhile, as clients expect of every request.
func (k *Kernel) handle(channel string, sock zmq4.Socket, req *message) {
	h := handlers[req.header.MsgType]
	if h == nil || channel == "control" && !controlRequests[req.header.MsgType] {
		k.logf("ignored a message of type %q on the %s channel", req.header.MsgType, channel)
		return
	}
	k.publish(req, "status", map[string]any{"execution_state": "busy"})
	h(k, sock, req)
	k.publish(req, "status", map[string]any{"execution_state": "idle"})
}

// newMessage returns a message of the given type answering parent (nil:
// none), with content.
func (k *Kernel) newMessage(parent *message, msgType string, content any) *message {
	m := &message{header: header{
		MsgID: newID(), Session: k.session, Username: "calc", Date: now(),
		MsgType: msgType, Version: protocolVersion,
	}}
	if parent != nil {
		m.parent = parent.rawHeader
	}
	var err error
	if m.content, err = json.Marshal(content); err != nil {
		panic(err) // content is built by the kernel from JSON-able values
	}
	return m
}

// reply sends the reply to req on its channel's socket, back to its sender.
func (k *Kernel) reply(sock zmq4.Socket, req *message, content any) {
	msgType := strings.TrimSuffix(req.header.MsgType, "_request") + "_reply"
	m := k.newMessage(req, msgType, content)
	m.idents = req.idents
	k.send(sock, m)
}

// publish broadcasts a message on iopub. Its topic is the message type.
func (k *Kernel) publish(parent *message, msgType string, content any) {
	m := k.newMessage(parent, msgType, content)
	m.idents = [][]byte{[]byte("kernel." + k.session + "." + msgType)}
	k.iopubMu.Lock()
	defer k.iopubMu.Unlock()
	k.send(k.iopub, m)
}

// send signs and sends a message. A failure is logged: the client went away.
func (k *Kernel) send(sock zmq4.Socket, m *message) {
	frames, err := k.sig.encode(m)
	if err == nil {
		err = sock.SendMulti(zmq4.NewMsgFrom(frames...))
	}
	if err != nil {
		select {
		case <-k.done:
		default:
			k.logf("cannot send a %s: %v", m.header.MsgType, err)
		}
	}
}

// kernelInfo describes the kernel and its language.
func (k *Kernel) kernelInfo(sock zmq4.Socket, req *message) {
	li := languageInfo()
	li["version"] = calc.Version
	k.reply(sock, req, map[string]any{
		"status":                 "ok",
		"protocol_version":       protocolVersion,
		"implementation":         "calc",
		"implementation_version": calc.Version,
		"language_info":          li,
		"banner":                 "calc " + calc.Version + ": help() lists the builtins, help(NAME) shows one.",
		"help_links":             []any{},
	})
}

// commInfo says that no comms are open: calc has no widgets.
func (k *Kernel) commInfo(sock zmq4.Socket, req *message) {
	k.reply(sock, req, map[string]any{"status": "ok", "comms": map[string]any{}})
}

// commOpen closes at once any comm a client opens, as the specification
// asks of a kernel that has no handler for the comm's target.
func (k *Kernel) commOpen(_ zmq4.Socket, req *message) {
	var c struct {
		CommID string `json:"comm_id"`
	}
	json.Unmarshal(req.content, &c)
	k.publish(req, "comm_close", map[string]any{"comm_id": c.CommID, "data": map[string]any{}})
}

// interruptRequest stops the running cell, if any.
func (k *Kernel) interruptRequest(sock zmq4.Socket, req *message) {
	k.Interrupt()
	k.reply(sock, req, map[string]any{"status": "ok"})
}

// shutdown answers and stops the kernel. A restart is the client's
// business: it starts a new kernel.
func (k *Kernel) shutdown(sock zmq4.Socket, req *message) {
	var c struct {
		Restart bool `json:"restart"`
	}
	json.Unmarshal(req.content, &c)
	k.Interrupt()
	k.reply(sock, req, map[string]any{"status": "ok", "restart": c.Restart})
	k.publish(req, "status", map[string]any{"execution_state": "idle"})
	k.Close()
}

// repeatInterrupt is how often an interrupt is repeated to the session
// until the cell stops: the session forgets a request when a statement
// starts, and a long builtin checks only now and then.
const repeatInterrupt = 5 * time.Millisecond

// Interrupt stops the running cell, if one runs; the session and its
// names stay. It is safe to call from any goroutine (a SIGINT handler).
func (k *Kernel) Interrupt() {
	k.runMu.Lock()
	defer k.runMu.Unlock()
	if k.running == nil || k.interrupting {
		return
	}
	k.interrupting = true
	done := k.running
	k.interrupter.Add(1)
	go func() {
		defer k.interrupter.Done()
		t := time.NewTicker(repeatInterrupt)
		defer t.Stop()
		for {
			k.s.Interrupt()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
}

// whileRunning runs f as the running cell, which Interrupt stops, and
// reports whether it was interrupted.
func (k *Kernel) whileRunning(f func()) (interrupted bool) {
	done := make(chan struct{})
	k.runMu.Lock()
	k.running, k.interrupting = done, false
	k.runMu.Unlock()
	defer func() {
		k.runMu.Lock()
		k.running, interrupted = nil, k.interrupting
		k.runMu.Unlock()
		close(done)
		k.interrupter.Wait()
	}()
	f()
	return
}
