package jupyter

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/go-zeromq/zmq4"

	"calc"
	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/plot"
)

// execute runs a cell. Its output reads as in a calc script: printed text
// and the values of bare expressions, in order, as the stream "stdout";
// a value with a richer form than text (a figure, a formula) is shown as
// display_data; and the value of the cell's last bare expression is the
// cell's execute_result, numbered with the execution count.
func (k *Kernel) execute(sock zmq4.Socket, req *message) {
	c := struct {
		Code         string `json:"code"`
		Silent       bool   `json:"silent"`
		StoreHistory bool   `json:"store_history"`
		StopOnError  bool   `json:"stop_on_error"`
	}{StoreHistory: true, StopOnError: true}
	if err := json.Unmarshal(req.content, &c); err != nil {
		k.logf("bad execute_request: %v", err)
	}
	if !c.Silent && c.StoreHistory {
		k.count++
		k.history = append(k.history, c.Code)
	}
	name := "<cell>"
	if !c.Silent {
		k.publish(req, "execute_input", map[string]any{"code": c.Code, "execution_count": k.count})
		name = fmt.Sprintf("In[%d]", k.count)
	}
	out := &cellOutput{k: k, req: req, stream: &stream{k: k, req: req}}
	k.s.Out, k.s.Show = out, out.show
	if c.Silent { // the cell runs, its output goes nowhere
		k.s.Out, k.s.Show = io.Discard, nil
	}
	err := k.run(name, c.Code)
	k.s.Out, k.s.Show = io.Discard, nil
	reply := map[string]any{"status": "ok", "execution_count": k.count, "user_expressions": map[string]any{}, "payload": []any{}}
	if err != nil {
		out.emitLast() // the value before the error
		ename, evalue, traceback := describe(err)
		reply = map[string]any{"status": "error", "execution_count": k.count, "ename": ename, "evalue": evalue, "traceback": traceback}
	}
	out.stream.flush()
	switch {
	case c.Silent:
	case err != nil:
		k.publish(req, "error", map[string]any{"ename": reply["ename"], "evalue": reply["evalue"], "traceback": reply["traceback"]})
	case out.last != nil:
		k.publish(req, "execute_result", map[string]any{"execution_count": k.count, "data": out.last, "metadata": map[string]any{}})
	}
	var waiting []*message
	if err != nil && c.StopOnError {
		// The requests queued before the reply were sent before the client
		// knew the cell failed ("Run All"): they are aborted. One sent after
		// the reply runs.
		waiting = k.queued()
	}
	k.reply(sock, req, reply)
	k.abortQueued(sock, waiting)
}

// internalError is a panic in calc while a cell ran: a bug, reported with
// its stack, after which the session goes on.
type internalError struct {
	value any
	stack string
}

func (e *internalError) Error() string {
	return fmt.Sprintf("calc: internal error (please report it): %v\n%s", e.value, e.stack)
}

// run runs a cell's text in the session as the running cell. An error
// of a cell that was interrupted is an interruptedError.
func (k *Kernel) run(name, text string) (err error) {
	interrupted := k.whileRunning(func() {
		defer func() {
			if p := recover(); p != nil {
				err = &internalError{p, string(debug.Stack())}
			}
		}()
		err = calc.Run(k.s, name, text, k.s.Out, io.Discard)
	})
	if interrupted && err != nil {
		err = &interruptedError{err}
	}
	return err
}

// interruptedError is the error of a cell stopped by an interrupt.
type interruptedError struct{ err error }

func (e *interruptedError) Error() string { return e.err.Error() }

// describe returns the name, message and traceback of a cell's error.
// The traceback is calc's positioned error: the place, the line and a
// caret under the column.
func describe(err error) (ename, evalue string, traceback []string) {
	ename = "Error"
	switch e := err.(type) {
	case *internalError:
		return "InternalError", fmt.Sprint(e.value), strings.Split(e.Error(), "\n")
	case *interruptedError:
		ename, err = "Interrupted", e.err
	}
	return ename, lang.ErrorMessage(err), strings.Split(err.Error(), "\n")
}

// cellOutput is the session's output while a cell runs. It holds back the
// value of the last bare expression, which is the cell's result unless
// more output follows.
type cellOutput struct {
	k      *Kernel
	req    *message
	stream *stream
	// last is the value held back, in its forms: formatted at once, as
	// later statements may change how values print (precision()).
	last map[string]any
}

// show is the session's Show hook: it takes every value.
func (o *cellOutput) show(v lang.Value) bool {
	o.emitLast()
	o.last = o.k.bundle(v)
	return true
}

// Write takes printed text, after the value held back.
func (o *cellOutput) Write(p []byte) (int, error) {
	o.emitLast()
	return o.stream.Write(p)
}

// emitLast sends the value held back, as text on the stream, or as
// display_data if it has a richer form.
func (o *cellOutput) emitLast() {
	data := o.last
	if data == nil {
		return
	}
	o.last = nil
	if len(data) == 1 {
		o.stream.Write([]byte(data["text/plain"].(string) + "\n"))
		return
	}
	o.stream.flush()
	o.k.publish(o.req, "display_data", map[string]any{"data": data, "metadata": map[string]any{}, "transient": map[string]any{}})
}

// bundle returns the forms of a value by MIME type: always its text as the
// REPL prints it, for a symbolic expression its LaTeX, for a small matrix
// or record an HTML table, and for a figure its PNG and SVG drawings.
func (k *Kernel) bundle(v lang.Value) map[string]any {
	data := map[string]any{"text/plain": k.s.Format(v)}
	if v.Kind() == lang.ExprKind {
		data["text/latex"] = "$" + autodiff.Latex(v.Node(), k.s.Precision) + "$"
	}
	if table, ok := k.htmlTable(v); ok {
		data["text/html"] = table
	}
	if fig, ok := v.Object().(*plot.Figure); ok {
		var png, svg bytes.Buffer
		if err := fig.Write(&png, "png"); err != nil {
			data["text/plain"] = fmt.Sprintf("%s (cannot draw it: %v)", data["text/plain"], err)
			return data
		}
		data["image/png"] = base64.StdEncoding.EncodeToString(png.Bytes())
		if fig.Write(&svg, "svg") == nil {
			data["image/svg+xml"] = svg.String()
		}
	}
	return data
}

// streamDelay is how long printed text may wait before it is sent, so
// that a loop printing many lines sends few messages yet shows progress.
const streamDelay = 50 * time.Millisecond

// stream sends a cell's printed text on iopub as stream messages.
type stream struct {
	k     *Kernel
	req   *message
	mu    sync.Mutex // Write and flush run in the cell; flush also in a timer
	buf   []byte
	timer *time.Timer
}

func (w *stream) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if w.timer == nil {
		w.timer = time.AfterFunc(streamDelay, w.flush)
	}
	return len(p), nil
}

// flush sends the text written so far.
func (w *stream) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if len(w.buf) == 0 {
		return
	}
	w.k.publish(w.req, "stream", map[string]any{"name": "stdout", "text": string(w.buf)})
	w.buf = nil
}

// complete answers a completion request with the REPL's completions of the
// word before the cursor.
func (k *Kernel) complete(sock zmq4.Socket, req *message) {
	var c struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	json.Unmarshal(req.content, &c)
	code := []rune(c.Code)
	pos := min(max(c.CursorPos, 0), len(code)) // cursor positions count code points (protocol 5.2)
	start, end := pos, pos
	for start > 0 && code[start-1] != '\n' {
		start--
	}
	for end < len(code) && code[end] != '\n' {
		end++
	}
	matches, n := []string{}, 0
	if k.hooks.Complete != nil {
		var endings [][]rune
		endings, n = k.hooks.Complete(k.s, code[start:end], pos-start)
		word := string(code[pos-n : pos])
		for _, e := range endings {
			matches = append(matches, word+string(e))
		}
	}
	k.reply(sock, req, map[string]any{"status": "ok", "matches": matches,
		"cursor_start": pos - n, "cursor_end": pos, "metadata": map[string]any{}})
}

// inspect answers an inspection request (Shift-Tab in a notebook) with
// the help of the name under the cursor, or else of the function whose
// call the cursor is in.
func (k *Kernel) inspect(sock zmq4.Socket, req *message) {
	var c struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	json.Unmarshal(req.content, &c)
	code := []rune(c.Code)
	pos := min(max(c.CursorPos, 0), len(code))
	content := map[string]any{"status": "ok", "found": false, "data": map[string]any{}, "metadata": map[string]any{}}
	if k.hooks.Help != nil {
		for _, name := range []string{nameAt(code, pos), callAt(code, pos)} {
			if name == "" {
				continue
			}
			if text, err := k.hooks.Help(k.s, name); err == nil {
				content["found"] = true
				content["data"] = map[string]any{"text/plain": text}
				break
			}
		}
	}
	k.reply(sock, req, content)
}

func isNameRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// nameAt returns the name that the cursor pos is in or just after.
func nameAt(code []rune, pos int) string {
	i, j := pos, pos
	for i > 0 && isNameRune(code[i-1]) {
		i--
	}
	for j < len(code) && isNameRune(code[j]) {
		j++
	}
	if i == j || unicode.IsDigit(code[i]) {
		return ""
	}
	return string(code[i:j])
}

// callAt returns the name of the function whose call's parenthesis is open
// at the cursor pos: fmin in `fmin(x**2, `.
func callAt(code []rune, pos int) string {
	depth := 0
	for i := pos - 1; i >= 0; i-- {
		switch code[i] {
		case ')', ']', '}':
			depth++
		case '[', '{':
			depth--
		case '(':
			if depth == 0 {
				if i > 0 && isNameRune(code[i-1]) {
					return nameAt(code, i)
				}
				return ""
			}
			depth--
		}
	}
	return ""
}

// isComplete says whether a cell can run as it stands: while a bracket or
// a string is open, Enter in a console goes on to the next line.
func (k *Kernel) isComplete(sock zmq4.Socket, req *message) {
	var c struct {
		Code string `json:"code"`
	}
	json.Unmarshal(req.content, &c)
	if lang.Incomplete(c.Code) {
		k.reply(sock, req, map[string]any{"status": "incomplete", "indent": "  "})
		return
	}
	k.reply(sock, req, map[string]any{"status": "complete"})
}

// historyReply gives the cells run in this kernel, all of them or the
// last n: [session, line, input] with session 0, the current one.
// Outputs are not kept.
func (k *Kernel) historyReply(sock zmq4.Socket, req *message) {
	var c struct {
		Access string `json:"hist_access_type"`
		N      int    `json:"n"`
	}
	json.Unmarshal(req.content, &c)
	entries := [][]any{}
	first := 0
	if c.Access == "tail" && c.N >= 0 && c.N < len(k.history) {
		first = len(k.history) - c.N
	}
	for i := first; i < len(k.history); i++ {
		entries = append(entries, []any{0, i + 1, k.history[i]})
	}
	k.reply(sock, req, map[string]any{"status": "ok", "history": entries})
}
