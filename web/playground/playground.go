// Package playground runs calc for the browser page in web/: a session
// that takes a program's text and gives back what a person should see, in
// order — printed text, figures drawn as SVG, and an error with the line
// and column the editor marks. It knows nothing of JavaScript, so it is
// tested natively; web/wasm wraps it for the page.
package playground

import (
	"bytes"
	"errors"
	"strings"

	"calc"
	"calc/lang"
	"calc/stdlib/plot"
)

// Item is one piece of a run's output: text, or a figure.
type Item struct {
	// Text is printed output: values of bare expressions, print() lines.
	Text string `json:"text,omitempty"`
	// SVG is a figure that was the value of a bare expression, drawn as an
	// SVG document.
	SVG string `json:"svg,omitempty"`
	// Caption is the figure's one-line description, the line a script run
	// of calc prints in its place.
	Caption string `json:"caption,omitempty"`
}

// Error is a run's error, with the position the editor marks.
type Error struct {
	// Message is the error as calc prints it: `name:line:col: message`,
	// the source line and a caret.
	Message string `json:"message"`
	// Line and Col are 1-based (columns count runes); 0 when the error has
	// no position.
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Result is everything one run shows.
type Result struct {
	Items []Item `json:"items"`
	Error *Error `json:"error,omitempty"`
}

// Text returns the output as `calc FILE` would print it: the text, each
// figure's caption on a line of its own, and the error.
func (r Result) Text() string {
	var b strings.Builder
	for _, it := range r.Items {
		if it.SVG != "" {
			b.WriteString(it.Caption + "\n")
			continue
		}
		b.WriteString(it.Text)
	}
	if r.Error != nil {
		b.WriteString(r.Error.Message + "\n")
	}
	return b.String()
}

// Limits are the page's settings of the session's limits; zero fields
// keep the defaults.
type Limits struct {
	MaxElements float64 `json:"maxElements"` // default lang.DefaultMaxElements
	MaxDepth    int     `json:"maxDepth"`    // default lang.DefaultMaxDepth
	MaxOutput   int     `json:"maxOutput"`   // default DefaultMaxOutput
}

// DefaultMaxOutput is the most bytes one statement may print in the page:
// more would make the page slow to show it.
const DefaultMaxOutput = 1 << 20

// Session is a calc session whose runs give Results. It is not safe for
// concurrent use.
type Session struct {
	s     *lang.Session
	items []Item
}

// New returns a fresh session.
func New() *Session {
	p := &Session{s: calc.NewSession()}
	p.s.Show = p.show
	p.SetLimits(Limits{})
	return p
}

// SetLimits applies the page's limits.
func (p *Session) SetLimits(l Limits) {
	p.s.MaxElements = lang.DefaultMaxElements
	if l.MaxElements > 0 {
		p.s.MaxElements = l.MaxElements
	}
	p.s.MaxDepth = lang.DefaultMaxDepth
	if l.MaxDepth > 0 {
		p.s.MaxDepth = l.MaxDepth
	}
	p.s.MaxOutput = DefaultMaxOutput
	if l.MaxOutput > 0 {
		p.s.MaxOutput = l.MaxOutput
	}
}

// Run runs a program's text, named name in error messages, in the
// session.
func (p *Session) Run(name, text string) Result {
	p.items = nil
	var errOut bytes.Buffer
	err := calc.Run(p.s, name, text, itemWriter{p}, &errOut)
	r := Result{Items: p.items}
	p.items = nil
	if r.Items == nil {
		r.Items = []Item{}
	}
	if err != nil {
		r.Error = &Error{Message: strings.TrimSuffix(errOut.String(), "\n")}
		var e *lang.Error
		if errors.As(err, &e) && e.Pos.Known() {
			r.Error.Line, r.Error.Col = e.Pos.LineCol()
		}
	}
	return r
}

// show draws a figure that is the value of a bare expression as SVG; a
// figure that cannot be drawn (too large, say) is printed as text.
func (p *Session) show(v lang.Value) bool {
	fig, ok := v.Object().(*plot.Figure)
	if !ok {
		return false
	}
	var svg bytes.Buffer
	if err := fig.Write(&svg, "svg"); err != nil {
		return false
	}
	p.items = append(p.items, Item{SVG: svg.String(), Caption: fig.String()})
	return true
}

// itemWriter appends printed text to the session's items, joining it to
// the text item before it.
type itemWriter struct{ p *Session }

func (w itemWriter) Write(b []byte) (int, error) {
	items := w.p.items
	if n := len(items); n > 0 && items[n-1].SVG == "" {
		items[n-1].Text += string(b)
	} else {
		w.p.items = append(items, Item{Text: string(b)})
	}
	return len(b), nil
}
