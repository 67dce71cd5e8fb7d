package lang

import (
	"fmt"
	"strings"

	"calc/autodiff"
	"calc/lang/syntax"
)

// Note prints a one-line note ("note: ...") about the current statement,
// once per statement however often it is raised: a meaning the user may
// not expect, said rather than left silent.
func (s *Session) Note(msg string) {
	if s.notes == nil || s.notesAt != s.statement {
		s.notes, s.notesAt = map[string]bool{}, s.statement
	}
	if s.notes[msg] {
		return
	}
	s.notes[msg] = true
	text := "note: " + msg
	if err := s.budget(len(text)); err != nil {
		panic(err)
	}
	w := s.Err
	if w == nil {
		w = s.Out
	}
	fmt.Fprintln(w, text)
}

// NoteOnce says msg once in the session's life: for a meaning that
// differs from Python's or Octave's but that the user may well mean.
func (s *Session) NoteOnce(msg string) {
	if s.notedOnce[msg] {
		return
	}
	if s.notedOnce == nil {
		s.notedOnce = map[string]bool{}
	}
	s.notedOnce[msg] = true
	s.Note(msg)
}

// greek are names that are symbols by convention, never misspellings.
var greek = map[string]bool{"alpha": true, "beta": true, "gamma": true, "delta": true, "epsilon": true,
	"zeta": true, "eta": true, "theta": true, "iota": true, "kappa": true, "lambda": true, "mu": true,
	"nu": true, "xi": true, "omicron": true, "rho": true, "sigma": true, "tau": true, "upsilon": true,
	"phi": true, "chi": true, "psi": true, "omega": true}

// conventionalSymbol reports whether a name looks like a mathematical
// symbol (x, y2, t_0, theta), which an expression is expected to hold.
func conventionalSymbol(name string) bool {
	if greek[strings.ToLower(name)] {
		return true
	}
	letters := strings.TrimRight(name, "0123456789_")
	return len([]rune(letters)) <= 2
}

// noteSymbols says when a statement's symbolic value may be a mistake: a
// free symbol spelt like one of the user's names or like another
// language's name for a calc builtin or constant, or (for an assignment
// to assigned) a value that is symbolic only because of one unbound name
// beside names the user bound.
func (s *Session) noteSymbols(v Value, assigned string, e syntax.Expr) {
	if v.kind != ExprKind {
		return
	}
	vars := autodiff.Vars(v.Node())
	noted := false
	for _, x := range vars {
		if c := s.globals[x.Name]; c == nil || c.bound || conventionalSymbol(x.Name) {
			continue
		}
		if near := s.nearUserName(x.Name); near != "" {
			s.Note("\"" + x.Name + "\" is not defined, so it is a symbol (did you mean \"" + near + "\"?)")
			noted = true
		} else if spelling, ok := s.calcSpelling(x.Name); ok { // numpy's PINF, JavaScript's Infinity
			s.NoteOnce("\"" + x.Name + "\" is not defined, so it is a symbol (calc writes " + spelling + ")")
			noted = true
		}
	}
	if noted || assigned == "" || len(vars) != 1 || conventionalSymbol(vars[0].Name) {
		return
	}
	name := vars[0].Name
	if c := s.globals[name]; c == nil || c.bound {
		return
	}
	usesBound := false
	syntax.Walk(e, func(n syntax.Expr) bool {
		if id, ok := n.(*syntax.Ident); ok {
			if c := s.globals[id.Name]; c != nil && c.user && c.bound && c.value.kind != FuncKind {
				usesBound = true
			}
		}
		return !usesBound
	})
	if usesBound {
		s.Note("\"" + name + "\" is not defined, so " + assigned + " is an expression in the symbol " + name + ", not a number")
	}
}

// nearUserName returns a name the user bound that name is probably a
// misspelling of, or "".
func (s *Session) nearUserName(name string) string {
	best, bestD := "", 0
	limit := 1
	if len(name) >= 7 {
		limit = 2
	}
	for n, c := range s.globals {
		if !c.user || !c.bound {
			continue
		}
		if d := editDistance(name, n); d <= limit && (best == "" || d < bestD || (d == bestD && n < best)) {
			best, bestD = n, d
		}
	}
	return best
}

// NoteArgOrder says in what order f takes its arguments when f is an
// expression of several symbols that a builtin is about to call with n of
// them (reduce, map over several collections). Solvers, which document
// that they spread a vector over the symbols, do not call it.
func (s *Session) NoteArgOrder(f Value, n int) {
	node := f.Node()
	if node == nil || n < 2 {
		return
	}
	if vars := autodiff.Vars(node); len(vars) >= 2 {
		s.noteOrder(node, vars)
	}
}

// noteOrder says, once per statement, that an expression of several
// symbols called with several arguments takes them in alphabetical order
// when that is not the order they are written in, and shows the lambda
// that would take them in that order.
func (s *Session) noteOrder(n *autodiff.Node, vars []*autodiff.Node) {
	text := n.String()
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.Name
	}
	alpha := strings.Join(names, ", ")
	if written := appearanceOrder(text, names); written != alpha {
		s.Note(text + " is called as a function of (" + alpha + "), its symbols in alphabetical order; " +
			"for the order they are written in, pass the lambda (" + written + ") -> " + text)
	}
}

// appearanceOrder returns names in the order they first appear in text.
func appearanceOrder(text string, names []string) string {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	var order []string
	toks, _ := syntax.Scan(text)
	for _, t := range toks {
		if t.Kind == syntax.Name && want[t.Text] {
			order = append(order, t.Text)
			delete(want, t.Text)
		}
	}
	for _, n := range names {
		if want[n] {
			order = append(order, n)
		}
	}
	return strings.Join(order, ", ")
}
