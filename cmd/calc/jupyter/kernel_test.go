package jupyter

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	_ "image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"calc/lang"
)

// These tests drive a kernel over ZeroMQ on the loopback interface, as a
// Jupyter client does: DEALER sockets for shell and control, SUB for
// iopub, REQ for the heartbeat, every message signed and every reply's
// signature checked.

// testKey is the connection's signing key.
const testKey = "5ca1ab1e-0000-4000-8000-c0ffeec0ffee"

// testHooks complete builtin names and give their signature as help,
// standing in for the calc command's REPL hooks.
var testHooks = Hooks{
	Complete: func(s *lang.Session, line []rune, pos int) ([][]rune, int) {
		word := nameAt(line[:pos], pos)
		var out [][]rune
		for _, b := range s.Builtins() {
			if strings.HasPrefix(b.Name, word) {
				out = append(out, []rune(b.Name[len(word):]))
			}
		}
		return out, len([]rune(word))
	},
	Help: func(s *lang.Session, name string) (string, error) {
		if b := s.Builtin(name); b != nil {
			return "help for " + name, nil
		}
		return "", fmt.Errorf("no builtin %q", name)
	},
}

// client is a test's Jupyter client.
type client struct {
	t                    testing.TB
	k                    *Kernel
	sig                  signer
	session              string
	shell, control, hb   zmq4.Socket
	iopub                zmq4.Socket
	replies, controlRepl chan *message
	pub                  chan *message
	others               []*message // iopub messages read for other requests than the one awaited
	log                  *syncBuffer
	served               chan struct{} // closed when Serve returns
}

// syncBuffer is a bytes.Buffer for the kernel's log, written from its goroutines.
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

// freePorts returns n TCP ports on the loopback interface that were free
// a moment ago.
func freePorts(t testing.TB, n int) []int {
	var ports []int
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// startKernel starts a kernel in the test's process and connects a client.
func startKernel(t testing.TB) *client {
	p := freePorts(t, 5)
	conn := Connection{Transport: "tcp", IP: "127.0.0.1", ShellPort: p[0], IOPubPort: p[1],
		StdinPort: p[2], ControlPort: p[3], HBPort: p[4], Key: testKey, SignatureScheme: "hmac-sha256"}
	log := &syncBuffer{}
	k, err := New(conn, testHooks, log)
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, k: k, sig: signer{[]byte(testKey)}, session: newID(), log: log,
		replies: make(chan *message, 100), controlRepl: make(chan *message, 100), pub: make(chan *message, 1000),
		served: make(chan struct{})}
	go func() { k.Serve(); close(c.served) }()
	ctx := context.Background()
	c.shell = zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("shell-"+c.session)))
	c.control = zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("control-"+c.session)))
	c.iopub = zmq4.NewSub(ctx)
	c.hb = zmq4.NewReq(ctx)
	for _, d := range []struct {
		s    zmq4.Socket
		port int
	}{{c.shell, p[0]}, {c.control, p[3]}, {c.iopub, p[1]}, {c.hb, p[4]}} {
		if err := d.s.Dial(conn.addr(d.port)); err != nil {
			t.Fatal(err)
		}
	}
	c.iopub.SetOption(zmq4.OptionSubscribe, "")
	go c.receive(c.shell, c.replies)
	go c.receive(c.control, c.controlRepl)
	go c.receive(c.iopub, c.pub)
	t.Cleanup(func() {
		k.Close()
		for _, s := range []zmq4.Socket{c.shell, c.control, c.iopub, c.hb} {
			s.Close()
		}
		<-c.served
	})
	// iopub drops what is published before the subscription arrives: ask
	// for kernel_info until a status message shows that it has.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.send(c.shell, "kernel_info_request", map[string]any{})
		select {
		case <-c.pub:
			c.drain()
			return c
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("no message on iopub")
		}
	}
}

// receive decodes and checks the messages arriving on a socket.
func (c *client) receive(s zmq4.Socket, to chan<- *message) {
	for {
		raw, err := s.Recv()
		if err != nil {
			return
		}
		m, err := c.sig.decode(raw.Frames)
		if err != nil {
			c.t.Errorf("the kernel sent a bad message: %v", err)
			continue
		}
		to <- m
	}
}

// drain waits until the kernel is quiet and empties the channels.
func (c *client) drain() {
	for {
		select {
		case <-c.replies:
		case <-c.controlRepl:
		case <-c.pub:
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}

// send sends a signed request and returns its header.
func (c *client) send(s zmq4.Socket, msgType string, content any) header {
	h := header{MsgID: newID(), Session: c.session, Username: "test", Date: now(), MsgType: msgType, Version: protocolVersion}
	m := &message{header: h}
	m.content, _ = json.Marshal(content)
	frames, err := c.sig.encode(m)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	return h
}

// reply waits for the reply to the request with header h.
func (c *client) reply(from chan *message, h header, timeout time.Duration) *message {
	c.t.Helper()
	select {
	case m := <-from:
		var parent header
		json.Unmarshal(m.parent, &parent)
		if parent.MsgID != h.MsgID {
			c.t.Fatalf("a reply to %s came for another request: %s", h.MsgType, m.content)
		}
		if want := strings.TrimSuffix(h.MsgType, "_request") + "_reply"; m.header.MsgType != want {
			c.t.Fatalf("got a %s, want a %s", m.header.MsgType, want)
		}
		return m
	case <-time.After(timeout):
		c.t.Fatalf("no reply to %s in %v", h.MsgType, timeout)
	}
	return nil
}

// request sends a shell request and returns the reply's content, and the
// iopub messages it caused, from busy to idle.
func (c *client) request(msgType string, content any) (map[string]any, []*message) {
	c.t.Helper()
	h := c.send(c.shell, msgType, content)
	r := c.reply(c.replies, h, 10*time.Second)
	return decodeContent(c.t, r), c.published(h)
}

// published returns the iopub messages caused by the request h, checking
// that they start with status busy and end with status idle. Messages
// for other requests are kept for later calls.
func (c *client) published(h header) []*message {
	c.t.Helper()
	var out, others []*message
	defer func() { c.others = append(others, c.others...) }()
	for {
		var m *message
		if len(c.others) > 0 {
			m, c.others = c.others[0], c.others[1:]
		} else {
			select {
			case m = <-c.pub:
			case <-time.After(10 * time.Second):
				c.t.Fatalf("iopub did not say idle after %s", h.MsgType)
			}
		}
		var parent header
		json.Unmarshal(m.parent, &parent)
		if parent.MsgID != h.MsgID {
			others = append(others, m)
			continue
		}
		out = append(out, m)
		if m.header.MsgType == "status" && decodeContent(c.t, m)["execution_state"] == "idle" {
			if first := out[0]; first.header.MsgType != "status" || decodeContent(c.t, first)["execution_state"] != "busy" {
				c.t.Errorf("the first message on iopub for %s is a %s, not status busy", h.MsgType, first.header.MsgType)
			}
			return out
		}
	}
}

func decodeContent(t testing.TB, m *message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.content, &c); err != nil {
		t.Fatalf("%s: %v", m.header.MsgType, err)
	}
	return c
}

// outputs returns the iopub messages other than status and execute_input,
// as "type: content" lines.
func outputs(t *testing.T, ms []*message) []string {
	var out []string
	for _, m := range ms {
		switch m.header.MsgType {
		case "status", "execute_input":
			continue
		}
		c := decodeContent(t, m)
		switch m.header.MsgType {
		case "stream":
			out = append(out, "stream: "+c["text"].(string))
		case "execute_result", "display_data":
			data := c["data"].(map[string]any)
			out = append(out, m.header.MsgType+": "+data["text/plain"].(string))
		case "error":
			out = append(out, "error: "+c["evalue"].(string))
		default:
			out = append(out, m.header.MsgType)
		}
	}
	return out
}

func TestKernelInfo(t *testing.T) {
	c := startKernel(t)
	r, _ := c.request("kernel_info_request", map[string]any{})
	if r["protocol_version"] != "5.3" || r["status"] != "ok" {
		t.Errorf("kernel_info_reply: %v", r)
	}
	if li := r["language_info"].(map[string]any); li["name"] != "calc" || li["file_extension"] != ".calc" {
		t.Errorf("language_info: %v", li)
	}
	// Also on the control channel, where clients ask while a cell runs.
	h := c.send(c.control, "kernel_info_request", map[string]any{})
	c.reply(c.controlRepl, h, 5*time.Second)
}

func TestExecute(t *testing.T) {
	c := startKernel(t)
	r, pub := c.request("execute_request", map[string]any{"code": "print(\"hi\")\nx = 4\nx + 1\nx * 2", "silent": false})
	if r["status"] != "ok" || r["execution_count"] != 1.0 {
		t.Errorf("execute_reply: %v", r)
	}
	want := []string{"stream: hi\n5\n", "execute_result: 8"}
	if got := outputs(t, pub); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outputs:\n got %q\nwant %q", got, want)
	}
	for _, m := range pub {
		if m.header.MsgType == "execute_result" && decodeContent(t, m)["execution_count"] != 1.0 {
			t.Errorf("execute_result without the execution count: %s", m.content)
		}
	}
	// The session goes on; an assignment shows nothing; the count grows.
	r, pub = c.request("execute_request", map[string]any{"code": "y = x**2"})
	if r["execution_count"] != 2.0 || len(outputs(t, pub)) != 0 {
		t.Errorf("second cell: %v, %q", r, outputs(t, pub))
	}
	// A silent cell runs but shows nothing and is not counted.
	r, pub = c.request("execute_request", map[string]any{"code": "z = y + 1\nz", "silent": true})
	if r["execution_count"] != 2.0 || len(outputs(t, pub)) != 0 {
		t.Errorf("silent cell: %v, %q", r, outputs(t, pub))
	}
	r, pub = c.request("execute_request", map[string]any{"code": "sinn(z)", "silent": true})
	if r["status"] != "error" || len(outputs(t, pub)) != 0 {
		t.Errorf("silent cell with an error: %v, %q", r, outputs(t, pub))
	}
	_, pub = c.request("execute_request", map[string]any{"code": "z"})
	if got := outputs(t, pub); fmt.Sprint(got) != "[execute_result: 17]" {
		t.Errorf("after the silent cell: %q", got)
	}
	r, _ = c.request("history_request", map[string]any{"hist_access_type": "tail", "n": 2, "output": false, "raw": true})
	if got := fmt.Sprint(r["history"]); got != "[[0 2 y = x**2] [0 3 z]]" {
		t.Errorf("history: %s", got)
	}
}

// TestFormula: a symbolic value is also sent as LaTeX, whether it is the
// cell's result or a value before it.
func TestFormula(t *testing.T) {
	c := startKernel(t)
	_, pub := c.request("execute_request", map[string]any{"code": "diff(x**3, x)\ndiff(x**2*sin(x), x)"})
	var latex []string
	for _, m := range pub {
		if data, ok := decodeContent(t, m)["data"].(map[string]any); ok {
			latex = append(latex, m.header.MsgType+": "+data["text/latex"].(string))
		}
	}
	want := []string{`display_data: $3 x^{2}$`, `execute_result: $2 x \sin\left(x\right) + x^{2} \cos\left(x\right)$`}
	if fmt.Sprint(latex) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", latex, want)
	}
}

// TestTables: small matrices and records also come as HTML tables.
func TestTables(t *testing.T) {
	c := startKernel(t)
	_, pub := c.request("execute_request", map[string]any{"code": "[[1, 2.5], [3, 1/3]]\n{x: 1, name: \"<a>\"}\n{x: zeros(100)}\nones(30, 2)\n[1, 2]"})
	var tables []string
	for _, m := range pub {
		if data, ok := decodeContent(t, m)["data"].(map[string]any); ok {
			html, _ := data["text/html"].(string)
			tables = append(tables, html)
		}
	}
	want := []string{
		"<table>\n<tr><td>1</td><td>2.5</td></tr>\n<tr><td>3</td><td>0.3333333333</td></tr>\n</table>",
		"<table>\n<tr><th>x</th><td>1</td></tr>\n<tr><th>name</th><td>&#34;&lt;a&gt;&#34;</td></tr>\n</table>",
		"", // the cell's result, a vector; the long record and matrix before it are stream text
	}
	if fmt.Sprintf("%q", tables) != fmt.Sprintf("%q", want) {
		t.Errorf("tables:\n got %q\nwant %q", tables, want)
	}
}

func TestExecuteError(t *testing.T) {
	c := startKernel(t)
	r, pub := c.request("execute_request", map[string]any{"code": "a = 1\na + 1\ny = 2 * sinn(a)"})
	if r["status"] != "error" || r["ename"] != "Error" {
		t.Fatalf("execute_reply: %v", r)
	}
	tb := fmt.Sprint(r["traceback"])
	want := `[In[1]:3:9: unknown function "sinn" (did you mean "sign" or "sin"?)     y = 2 * sinn(a)             ^]`
	if tb != want {
		t.Errorf("traceback:\n got %s\nwant %s", tb, want)
	}
	got := outputs(t, pub)
	if len(got) != 2 || got[0] != "stream: 2\n" || !strings.HasPrefix(got[1], "error: unknown function") {
		t.Errorf("outputs: %q", got)
	}
	// After a failed cell, the cells already sent are aborted ("Run All"
	// stops), unless the request says stop_on_error false.
	c.request("execute_request", map[string]any{"code": "h(j) = j*j\ng(i) = sum(map(h, range(10000)))"})
	slow := c.send(c.shell, "execute_request", map[string]any{"code": "sum(map(g, range(100)))\nsinn(1)"})
	next := c.send(c.shell, "execute_request", map[string]any{"code": "a = 5"})
	if r := decodeContent(t, c.reply(c.replies, slow, 10*time.Second)); r["status"] != "error" {
		t.Errorf("the failing cell: %v", r)
	}
	if r := decodeContent(t, c.reply(c.replies, next, 10*time.Second)); r["status"] != "aborted" {
		t.Errorf("the cell queued behind a failed one: %v", r)
	}
	c.published(slow)
	c.published(next)
	noStop := c.send(c.shell, "execute_request", map[string]any{"code": "sinn(1)", "stop_on_error": false})
	next = c.send(c.shell, "execute_request", map[string]any{"code": "a"})
	c.reply(c.replies, noStop, 10*time.Second)
	if r := decodeContent(t, c.reply(c.replies, next, 10*time.Second)); r["status"] != "ok" {
		t.Errorf("the cell after a failed one with stop_on_error false: %v", r)
	}
	c.published(noStop)
	if pub := c.published(next); fmt.Sprint(outputs(t, pub)) != "[execute_result: 1]" {
		t.Errorf("after the aborted cell: %q", outputs(t, pub))
	}
	// The statements before the error keep their effect.
	if _, pub := c.request("execute_request", map[string]any{"code": "a"}); fmt.Sprint(outputs(t, pub)) != "[execute_result: 1]" {
		t.Errorf("after the error: %q", outputs(t, pub))
	}
}

func TestFigure(t *testing.T) {
	c := startKernel(t)
	_, pub := c.request("execute_request", map[string]any{"code": "plot(sin, 0, 2*pi)\n1 + 1"})
	var figure map[string]any
	for _, m := range pub {
		if m.header.MsgType == "display_data" {
			figure = decodeContent(t, m)["data"].(map[string]any)
		}
	}
	if figure == nil {
		t.Fatalf("no display_data: %q", outputs(t, pub))
	}
	png, err := base64.StdEncoding.DecodeString(figure["image/png"].(string))
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n")) || len(png) < 1000 {
		t.Errorf("image/png is not a PNG drawing (%d bytes, %v)", len(png), err)
	}
	if svg, _ := figure["image/svg+xml"].(string); !strings.Contains(svg, "<svg") {
		t.Errorf("image/svg+xml is not SVG: %.100s", svg)
	}
	if got := outputs(t, pub); len(got) != 2 || got[1] != "execute_result: 2" {
		t.Errorf("outputs: %q", got)
	}
}

func TestCompleteInspect(t *testing.T) {
	c := startKernel(t)
	r, _ := c.request("complete_request", map[string]any{"code": "y = 1\nz = fmin_b + 1", "cursor_pos": 16})
	if fmt.Sprint(r["matches"]) != "[fmin_bfgs]" || r["cursor_start"] != 10.0 || r["cursor_end"] != 16.0 {
		t.Errorf("complete_reply: %v", r)
	}
	// Cursor positions count code points, not bytes.
	r, _ = c.request("complete_request", map[string]any{"code": "α = cos", "cursor_pos": 7})
	if fmt.Sprint(r["matches"]) != "[cos cosh]" || r["cursor_start"] != 4.0 {
		t.Errorf("complete_reply after a non-ASCII name: %v", r)
	}
	for _, tc := range []struct {
		code  string
		pos   int
		found bool
		help  string
	}{
		{"fmin", 2, true, "help for fmin"},
		{"fmin(x**2, ", 11, true, "help for fmin"}, // the call the cursor is in
		{"y = sin(fmin(x**2, 1))", 6, true, "help for sin"},
		{"unknown_name", 3, false, ""},
		{"", 0, false, ""},
	} {
		r, _ := c.request("inspect_request", map[string]any{"code": tc.code, "cursor_pos": tc.pos, "detail_level": 0})
		text, _ := r["data"].(map[string]any)["text/plain"].(string)
		if r["found"] != tc.found || text != tc.help {
			t.Errorf("inspect %q at %d: %v", tc.code, tc.pos, r)
		}
	}
	for code, status := range map[string]string{"f(x) = [1,\n": "incomplete", "f(x) = [1]": "complete", "s = \"abc": "complete", "s = `abc": "incomplete"} {
		if r, _ := c.request("is_complete_request", map[string]any{"code": code}); r["status"] != status {
			t.Errorf("is_complete %q: %v, want %s", code, r, status)
		}
	}
}

// TestInterrupt stops a long cell with interrupt_request on the control
// channel: the cell ends with an error within a second and the session
// keeps its names.
func TestInterrupt(t *testing.T) {
	c := startKernel(t)
	c.request("execute_request", map[string]any{"code": "k = 7\nh(j) = j*j\ng(i) = sum(map(h, range(10000)))"})
	h := c.send(c.shell, "execute_request", map[string]any{"code": "sum(map(g, range(1e6)))"})
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	ih := c.send(c.control, "interrupt_request", map[string]any{})
	c.reply(c.controlRepl, ih, 5*time.Second)
	r := decodeContent(t, c.reply(c.replies, h, 10*time.Second))
	if d := time.Since(start); d > time.Second {
		t.Errorf("the interrupt took %v to stop the cell", d)
	}
	if r["status"] != "error" || r["ename"] != "Interrupted" {
		t.Errorf("execute_reply: %v", r)
	}
	c.published(h)
	if _, pub := c.request("execute_request", map[string]any{"code": "k * h(2)"}); fmt.Sprint(outputs(t, pub)) != "[execute_result: 28]" {
		t.Errorf("after the interrupt: %q", outputs(t, pub))
	}
}

// TestBadMessages: a wrongly signed or malformed message is dropped and
// logged, and the kernel goes on.
func TestBadMessages(t *testing.T) {
	c := startKernel(t)
	forged := &message{header: header{MsgID: newID(), Session: c.session, MsgType: "execute_request", Version: protocolVersion}}
	forged.content = []byte(`{"code": "x = 1"}`)
	frames, _ := signer{[]byte("not the key")}.encode(forged)
	c.shell.SendMulti(zmq4.NewMsgFrom(frames...))
	c.shell.SendMulti(zmq4.NewMsgFrom([]byte("no delimiter")))
	c.shell.SendMulti(zmq4.NewMsgFrom([]byte(delimiter), []byte("sig"), []byte("{")))
	r, pub := c.request("execute_request", map[string]any{"code": "x"})
	if r["status"] != "ok" || fmt.Sprint(outputs(t, pub)) != "[execute_result: x]" {
		t.Errorf("after the bad messages: %v %q", r, outputs(t, pub))
	}
	if log := c.log.String(); strings.Count(log, "dropped a message on the shell channel") != 3 || !strings.Contains(log, "bad message signature") {
		t.Errorf("log:\n%s", log)
	}
	// A request of an unknown type gets no reply, and is logged.
	c.send(c.shell, "no_such_request", map[string]any{})
	if r, _ := c.request("kernel_info_request", map[string]any{}); r["status"] != "ok" {
		t.Errorf("kernel_info after an unknown request: %v", r)
	}
	if !strings.Contains(c.log.String(), `ignored a message of type "no_such_request"`) {
		t.Errorf("log:\n%s", c.log.String())
	}
}

func TestHeartbeatAndShutdown(t *testing.T) {
	c := startKernel(t)
	if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
		t.Fatal(err)
	}
	if m, err := c.hb.Recv(); err != nil || string(m.Frames[0]) != "ping" {
		t.Errorf("heartbeat: %q, %v", m.Frames, err)
	}
	h := c.send(c.control, "shutdown_request", map[string]any{"restart": false})
	if r := decodeContent(t, c.reply(c.controlRepl, h, 5*time.Second)); r["status"] != "ok" || r["restart"] != false {
		t.Errorf("shutdown_reply: %v", r)
	}
	select {
	case <-c.served:
	case <-time.After(5 * time.Second):
		t.Fatal("the kernel did not stop")
	}
}

// TestSignature checks the signing against jupyter_client's Session.sign
// (testdata/signature.py made the value).
func TestSignature(t *testing.T) {
	got := signer{[]byte("a secret key")}.sign([]byte(`{"msg_id":"1"}`), []byte(`{}`), []byte(`{}`), []byte(`{"code":"1+1"}`))
	const want = "28d6db13b43af240c18fbeb2d18d206be205c10b03b1be8fc43565aee7ea9a8f"
	if string(got) != want {
		t.Errorf("signature %s, want %s", got, want)
	}
	if s := (signer{}).sign([]byte("x")); s != nil {
		t.Errorf("no key, yet a signature %q", s)
	}
}

func TestInstall(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "share", "jupyter", "kernels", "calc")
	path, err := Install(dir, "/opt/calc/bin/calc")
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Argv     []string `json:"argv"`
		Language string   `json:"language"`
	}
	b, _ := os.ReadFile(path)
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(spec.Argv) != "[/opt/calc/bin/calc jupyter -f {connection_file}]" || spec.Language != "calc" {
		t.Errorf("kernel.json: %s", b)
	}
	for _, size := range []int{32, 64} {
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size)))
		if err != nil {
			t.Fatal(err)
		}
		cfg, format, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || format != "png" || cfg.Width != size || cfg.Height != size {
			t.Errorf("logo-%dx%d.png: %s %dx%d, %v", size, size, format, cfg.Width, cfg.Height, err)
		}
	}
}

// BenchmarkCellRoundTrip is the round trip of a trivial cell over
// loopback: execute_request sent, until the reply and iopub's idle are in
// (the goal: under 5 ms).
func BenchmarkCellRoundTrip(b *testing.B) {
	c := startKernel(b)
	b.ResetTimer()
	for range b.N {
		r, _ := c.request("execute_request", map[string]any{"code": "1 + 1"})
		if r["status"] != "ok" {
			b.Fatal(r)
		}
	}
}

var update = flag.Bool("update", false, "rewrite examples/notebooks from the examples")

// TestNotebooks: examples/notebooks/NAME.ipynb is examples/NAME.calc
// converted by Notebook, so the lessons never drift from the golden
// scripts. With -update it rewrites them.
func TestNotebooks(t *testing.T) {
	examples := filepath.Join("..", "..", "..", "examples")
	scripts, _ := filepath.Glob(filepath.Join(examples, "*.calc"))
	if len(scripts) == 0 {
		t.Fatal("no examples")
	}
	for _, path := range scripts {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		nb, err := Notebook(string(src))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join(examples, "notebooks", strings.TrimSuffix(filepath.Base(path), ".calc")+".ipynb")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, nb, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if want, err := os.ReadFile(golden); err != nil || !bytes.Equal(nb, want) {
			t.Errorf("%s is not %s converted (go test -update rewrites it): %v", golden, path, err)
		}
	}
}

// TestMain lets BenchmarkKernelStart run a kernel as a process: the test
// binary re-executed with CALC_JUPYTER_KERNEL=1 is `calc jupyter`.
func TestMain(m *testing.M) {
	if os.Getenv("CALC_JUPYTER_KERNEL") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, nil, testHooks))
	}
	os.Exit(m.Run())
}

// BenchmarkKernelStart is the time from starting a kernel process to its
// kernel_info_reply, as a client sees it (the goal: under 100 ms).
func BenchmarkKernelStart(b *testing.B) {
	for range b.N {
		b.StopTimer()
		p := freePorts(b, 5)
		conn := Connection{Transport: "tcp", IP: "127.0.0.1", ShellPort: p[0], IOPubPort: p[1],
			StdinPort: p[2], ControlPort: p[3], HBPort: p[4], Key: testKey, SignatureScheme: "hmac-sha256"}
		file := filepath.Join(b.TempDir(), "kernel.json")
		js, _ := json.Marshal(conn)
		os.WriteFile(file, js, 0o600)
		c := &client{t: b, sig: signer{[]byte(testKey)}, session: newID(), replies: make(chan *message, 10)}
		c.shell = zmq4.NewDealer(context.Background(), zmq4.WithID(zmq4.SocketIdentity(c.session)), zmq4.WithDialerRetry(time.Millisecond), zmq4.WithDialerMaxRetries(5000))
		cmd := exec.Command(os.Args[0], "-f", file)
		cmd.Env = append(os.Environ(), "CALC_JUPYTER_KERNEL=1")
		b.StartTimer()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		if err := c.shell.Dial(conn.addr(p[0])); err != nil {
			b.Fatal(err)
		}
		go c.receive(c.shell, c.replies)
		c.reply(c.replies, c.send(c.shell, "kernel_info_request", map[string]any{}), 10*time.Second)
		b.StopTimer()
		c.reply(c.replies, c.send(c.shell, "shutdown_request", map[string]any{}), 10*time.Second)
		cmd.Wait()
		c.shell.Close()
	}
}

// TestCommandErrors: bad use of `calc jupyter` says so and exits non-zero.
func TestCommandErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"signature_scheme": "hmac-md5"}`), 0o600)
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{nil, 2, "usage:"},
		{[]string{"-f", "a.json", "extra"}, 2, "usage:"},
		{[]string{"-f", filepath.Join(t.TempDir(), "missing.json")}, 1, "no such file"},
		{[]string{"-f", bad}, 1, `signature scheme "hmac-md5" is not supported`},
		{[]string{"install", "extra"}, 2, "usage:"},
		{[]string{"notebook"}, 2, "usage:"},
		{[]string{"notebook", "missing.calc"}, 1, "cannot read missing.calc"},
	} {
		var stdout, stderr bytes.Buffer
		if status := Main(tc.args, &stdout, &stderr, nil, Hooks{}); status != tc.status || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("calc jupyter %q: status %d, stderr %q; want %d and %q", tc.args, status, stderr.String(), tc.status, tc.stderr)
		}
	}
}
