package main

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/chzyer/readline"

	"calc/lang/syntax"
)

// history is the REPL's history as the person sees it: one entry per
// statement, however many lines it was typed on, and Up and Down that walk
// through the entries starting with the text typed before the cursor, as
// in Julia's REPL and IPython (with nothing typed they walk through all).
// Ctrl-R is readline's own search over the same entries.
//
// readline (github.com/chzyer/readline) edits one line at a time and keeps
// its history file one entry a line, so a statement typed over several
// lines is kept as the one line it means: the lines joined with the
// comments dropped. Inside brackets, where a statement may go on over
// lines, a newline is only white space, so the joined line runs the same.
type history struct {
	rl   *readline.Instance
	path string // the history file appended to; "" for none
	// mu guards what follows: readline's goroutine calls filter and
	// OnChange while the REPL's adds a statement, if keys are typed ahead.
	mu      sync.Mutex
	entries []string
	// line is the text before the cursor as readline last reported it;
	// typed is that text when an Up/Down walk began, and at the entry the
	// walk shows (len(entries) for the typed text itself), or -1 when no
	// walk is under way.
	line, typed string
	at          int
	step        int // -1 for Up and 1 for Down, between filter and OnChange
}

// load starts the history with the entries a history file held, and
// keeps the file to append to ("" for none).
func (h *history) load(path string, entries []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.at, h.path = -1, path
	for _, e := range entries {
		h.rl.SaveHistory(e) // for Ctrl-R
	}
	h.entries = entries
}

// add keeps the statement text (one or more lines) in the history. An
// error appending to the history file is returned once; the history then
// stays in memory only.
func (h *history) add(text string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	var added []string
	for _, e := range historyEntries(text) {
		if len(h.entries) > 0 && h.entries[len(h.entries)-1] == e {
			continue // readline keeps no repeat either
		}
		h.rl.SaveHistory(e)
		h.entries = append(h.entries, e)
		added = append(added, e)
	}
	h.entries = h.entries[max(0, len(h.entries)-historyLimit):]
	if h.path == "" || len(added) == 0 {
		return nil
	}
	if err := appendHistory(h.path, added); err != nil {
		h.path = ""
		return err
	}
	return nil
}

// filter hands Up and Down (Ctrl-P and Ctrl-N) to OnChange as a bell,
// which readline otherwise ignores: readline's own Up and Down would walk
// through every entry. (Dropping the key instead would leave readline's
// terminal reader a stray wake-up, which hangs its Close.) Other keys
// pass.
func (h *history) filter(r rune) (rune, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.step = 0
	switch r {
	case readline.CharPrev:
		h.step = -1
	case readline.CharNext:
		h.step = 1
	default:
		return r, true
	}
	return readline.CharBell, true
}

// OnChange is readline's Listener, told the line after every key. After
// Up or Down it shows the previous or next entry that starts with the text
// typed before the walk began; any other key ends the walk.
func (h *history) OnChange(line []rune, pos int, key rune) ([]rune, int, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	step := h.step
	h.step = 0
	if key != readline.CharBell || step == 0 {
		h.line, h.at = string(line[:min(pos, len(line))]), -1
		return nil, 0, false
	}
	if h.at < 0 {
		h.typed, h.at = h.line, len(h.entries)
	}
	shown := h.typed
	if h.at < len(h.entries) {
		shown = h.entries[h.at]
	}
	for i := h.at + step; i >= 0 && i <= len(h.entries); i += step {
		if i == len(h.entries) || strings.HasPrefix(h.entries[i], h.typed) && h.entries[i] != shown {
			h.at = i
			show := []rune(h.typed)
			if i < len(h.entries) {
				show = []rune(h.entries[i])
			}
			return show, len(show), true
		}
	}
	return nil, 0, false // nothing further that way
}

// historyEntries returns the history entries for a statement: the
// statement on one line, or, when it cannot be joined (a backquoted
// string spanning lines, several statements), each line.
func historyEntries(text string) []string {
	text = strings.TrimRight(text, "\n")
	if strings.TrimSpace(text) == "" {
		return nil
	}
	if !strings.Contains(text, "\n") {
		return []string{text}
	}
	if joined, ok := joinLines(text); ok {
		return []string{joined}
	}
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// joinLines writes a statement typed over several lines on one, from its
// tokens: the spacing within a line is kept, a line break (or a comment and
// a line break) becomes one space, or none just inside brackets.
func joinLines(text string) (string, bool) {
	toks, _ := syntax.Scan(text) // a bracket left open still gives the tokens before it
	src := []rune(text)
	var b strings.Builder
	var prev syntax.Token
	end := -1 // the rune offset where the previous token ended
	for _, t := range toks {
		if t.Kind == syntax.EOF {
			break
		}
		if t.Kind == syntax.Newline {
			prev = t
			continue
		}
		text := string(src[t.Pos:tokenEnd(src, t)])
		if prev.Kind == syntax.Newline || strings.Contains(text, "\n") {
			return "", false // a second statement, or a string over lines
		}
		if end >= 0 {
			if gap := string(src[end:t.Pos]); !strings.ContainsAny(gap, "\n#") {
				b.WriteString(gap)
			} else if !isBracket(prev, "([{") && !isBracket(t, ")]}") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text)
		prev, end = t, tokenEnd(src, t)
	}
	return b.String(), true
}

// tokenEnd returns the rune offset just past token t in src. A string's
// Text is its value, so its end is found from its quotes.
func tokenEnd(src []rune, t syntax.Token) int {
	if t.Kind != syntax.String {
		return t.Pos + utf8.RuneCountInString(t.Text)
	}
	q := src[t.Pos]
	for i := t.Pos + 1; i < len(src); i++ {
		switch {
		case src[i] == '\\' && q != '`':
			i++
		case src[i] == q:
			return i + 1
		}
	}
	return len(src)
}

// isBracket reports whether t is one of the brackets in set.
func isBracket(t syntax.Token, set string) bool {
	return t.Kind == syntax.Op && len(t.Text) == 1 && strings.Contains(set, t.Text)
}
