package lang

import (
	"fmt"
	"strings"
)

// A callSite is where a user function was called: the call's position,
// or, for a call that a builtin made (map calling its function), that
// builtin and the position of its own call.
type callSite struct {
	fn *UserFunc
	by *Builtin
	at Pos
}

// enter records where fn, about to run at the current depth, was called.
func (s *Session) enter(fn *UserFunc, pos Pos) {
	site := callSite{fn: fn, at: pos}
	if !pos.Known() {
		site.by, site.at = s.builtin.by, s.builtin.at
	}
	if s.depth < len(s.sites) {
		s.sites[s.depth] = site
	} else {
		s.sites = append(s.sites, site)
	}
}

// chainEnds is how many links an error shows at each end of a longer
// chain: deep mutual recursion shows where it started and where it failed.
const chainEnds = 3

// callChain returns the chain of calls of the user functions running,
// innermost first, as an error shows it: calls repeated from the same
// place (recursion) as one link, at most chainEnds links at each end, and
// the number of calls left out between them.
func (s *Session) callChain() (calls []Call, skipped int) {
	for i := s.depth - 1; i >= 0; i-- {
		site := s.sites[i]
		c := Call{Func: site.fn.Signature(), At: site.at, Times: 1}
		if site.by != nil {
			c.By = site.by.Name
		}
		if n := len(calls); n > 0 && calls[n-1].sameAs(c) {
			calls[n-1].Times++
			continue
		}
		calls = append(calls, c)
	}
	if len(calls) <= 2*chainEnds {
		return calls, 0
	}
	for _, c := range calls[chainEnds : len(calls)-chainEnds] {
		skipped += c.Times
	}
	return append(calls[:chainEnds], calls[len(calls)-chainEnds:]...), skipped
}

// A Call is one link of an error's chain of calls: a user function that
// was running when the error happened, and where it was called.
type Call struct {
	Func string // the function's signature, as f(x), or a lambda's text
	By   string // the builtin that called it (map, say), or ""
	At   Pos    // where it, or the builtin that called it, was called
	// Times counts the calls from the same place in a row (recursion).
	Times int
}

// sameAs reports whether c and d are calls of one function from one place.
func (c Call) sameAs(d Call) bool {
	return c.Func == d.Func && c.By == d.By && c.At.Src == d.At.Src && c.At.Offset == d.At.Offset
}

// callWidth is how many characters of a lambda's text a chain shows.
const callWidth = 40

// String writes the call as a line of a chain: "in f(x), called from
// script.calc:12:5".
func (c Call) String() string {
	fn := c.Func
	if r := []rune(fn); len(r) > callWidth {
		fn = string(r[:callWidth-1]) + "…"
	}
	text := "in " + fn
	if c.By != "" {
		text += ", called by " + c.By
	}
	if c.At.Known() {
		line, col := c.At.LineCol()
		text += fmt.Sprintf(", called from %s:%d:%d", c.At.Src.Name, line, col)
		if c.By != "" {
			text = strings.Replace(text, ", called from", " from", 1)
		}
	}
	if c.Times > 1 {
		text += fmt.Sprintf(", %d times", c.Times)
	}
	return text
}
