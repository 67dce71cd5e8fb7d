package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"calc/builtins"
	"calc/lang"
	"calc/lang/syntax"
)

// keywords are the words of calc's grammar that Tab completes: its own
// spellings, not Python's True, False and None it also accepts.
var keywords = func() []string {
	var words []string
	for w := range syntax.Keywords {
		if !unicode.IsUpper(rune(w[0])) {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	return words
}()

// completer completes the word before the cursor when the user presses
// Tab: builtins, constants, keywords and the session's names; a record's
// fields after `r.` (an array's attributes after `a.`); the REPL's
// commands after `:`; the user's names after `help ` and `:clear `; and
// .calc files and directories after `:load ` and `:save ` (none in safe
// mode). It implements
// readline.AutoCompleter.
type completer struct{ s *lang.Session }

// Do returns the endings of the candidates for the text before pos and
// the length, in runes, of the part of it they complete.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	head := string(line[:pos])
	trimmed := strings.TrimLeft(head, " \t")
	var word string
	var cands []string
	switch {
	case strings.HasPrefix(trimmed, ":") && !strings.ContainsAny(trimmed, " \t"):
		word = trimmed
		for _, cmd := range replCommands {
			cands = append(cands, ":"+cmd.name)
		}
	case strings.HasPrefix(trimmed, ":load "), strings.HasPrefix(trimmed, ":save "):
		_, word, _ = strings.Cut(trimmed, " ")
		word = strings.TrimLeft(word, " ")
		if !c.s.Safe { // safe mode lists no folders either
			cands = scriptFiles(word)
		}
	case strings.HasPrefix(trimmed, ":clear "):
		word = lastWord(trimmed)
		cands = c.s.Names()
	case strings.HasPrefix(trimmed, "help ") && !strings.ContainsAny(trimmed, "()"):
		word = lastWord(trimmed)
		cands = c.names()
	default:
		word = lastWord(head)
		if word == "" && !strings.HasSuffix(head, ".") {
			return nil, 0
		}
		if dot := strings.LastIndexByte(head, '.'); dot >= 0 && dot == len(head)-len(word)-1 {
			cands = c.fields(lastPath(head[:dot]))
		} else if startsName(word) {
			cands = c.names()
		}
	}
	var out [][]rune
	for _, cand := range cands {
		if strings.HasPrefix(cand, word) {
			out = append(out, []rune(cand[len(word):]))
		}
	}
	return out, len([]rune(word))
}

// names returns every name the user may mean: builtins, constants,
// keywords and the session's names, sorted and without repeats.
func (c completer) names() []string {
	var all []string
	for _, b := range c.s.Builtins() {
		all = append(all, b.Name)
	}
	for name := range builtins.Constants() {
		all = append(all, name)
	}
	all = append(all, keywords...)
	all = append(all, c.s.Names()...)
	sort.Strings(all)
	out := all[:0]
	for i, n := range all {
		if i == 0 || n != all[i-1] {
			out = append(out, n)
		}
	}
	return out
}

// fields returns the names that may follow `path.`, where path is a name
// followed by record fields (r, r.x). Nothing is evaluated: only bound
// values are looked at, so Tab never runs a computation.
func (c completer) fields(path string) []string {
	parts := strings.Split(path, ".")
	v, ok := c.s.Get(parts[0])
	if !ok || !startsName(parts[0]) {
		return nil
	}
	for _, p := range parts[1:] {
		r := v.Record()
		if r == nil {
			return nil
		}
		if v, ok = r.Get(p); !ok {
			return nil
		}
	}
	switch v.Kind() {
	case lang.RecordKind:
		return v.Record().Keys
	case lang.ArrayKind:
		return []string{"T", "ndim", "shape", "size"}
	case lang.ExprKind:
		return []string{"T", "shape"}
	}
	return nil
}

// lastWord returns the identifier that ends s, if any.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := lastRune(s[:i])
		if !isNameRune(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

// lastPath returns the dotted path of names (a.b.c) that ends s.
func lastPath(s string) string {
	i := len(s)
	for i > 0 {
		r, n := lastRune(s[:i])
		if !isNameRune(r) && r != '.' {
			break
		}
		i -= n
	}
	return s[i:]
}

func lastRune(s string) (rune, int) {
	rs := []rune(s)
	r := rs[len(rs)-1]
	return r, len(string(r))
}

func isNameRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// startsName reports whether s starts like a name, not a number.
func startsName(s string) bool {
	for _, r := range s {
		return r == '_' || unicode.IsLetter(r)
	}
	return true
}

// scriptFiles returns the .calc files and the directories whose paths
// start with prefix, directories ending in a slash.
func scriptFiles(prefix string) []string {
	dir, _ := filepath.Split(prefix)
	entries, err := os.ReadDir(dirOrDot(dir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix[len(dir):], "."):
		case e.IsDir():
			out = append(out, dir+name+"/")
		case strings.HasSuffix(name, ".calc"):
			out = append(out, dir+name)
		}
	}
	return out
}

func dirOrDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}
