package lang

import "calc/autodiff"

// The expression graph interns every node a session builds. After each
// statement the session frees the nodes that none of its values can reach
// any more — when the graph has grown enough since the last time to be
// worth the walk — so a long REPL session stays within -max-nodes and its
// memory stays flat. Objects (figures) hold no nodes, by design.

// minSweep is the graph size below which no sweep is worth doing.
const minSweep = 20000

// collectGarbage sweeps the graph if it has doubled since the last sweep,
// keeping what the session's values and result (the statement's value,
// which a caller may still use) hold.
func (s *Session) collectGarbage(result Value) {
	if s.sweepAt > 0 && s.graph.Len() < max(s.sweepAt, minSweep) {
		return
	}
	live := s.graph.Sweep(s.graphRoots(result))
	for n := range s.compiledExprs {
		if !s.graph.Live(n) {
			delete(s.compiledExprs, n)
		}
	}
	s.sweepAt = max(2*live, minSweep)
}

// Sweep frees now, whatever the graph's size, the graph nodes that no
// value of the session holds, and returns how many remain.
func (s *Session) Sweep() int {
	s.sweepAt = 0
	s.collectGarbage(Nil)
	return s.graph.Len()
}

// graphRoots returns the nodes the session's values hold: bound values,
// the symbols of unbound names, and the graphs cached by derived functions
// and for solvers that are still valid; it drops the cached functions
// for solvers that are no longer valid or whose function is unreachable.
func (s *Session) graphRoots(extra ...Value) []*autodiff.Node {
	var roots []*autodiff.Node
	seen := map[any]bool{}
	var walk func(v Value)
	walk = func(v Value) {
		switch r := v.ref.(type) {
		case *Builtin:
			seen[r] = true
		case *autodiff.Node:
			seen[r] = true
			roots = append(roots, r)
		case *List:
			if seen[r] {
				return
			}
			seen[r] = true
			for _, it := range r.Items {
				walk(it)
			}
		case *Record:
			if seen[r] {
				return
			}
			seen[r] = true
			for _, it := range r.Values {
				walk(it)
			}
		case *UserFunc:
			if seen[r] {
				return
			}
			seen[r] = true
			for _, it := range r.captured {
				walk(it)
			}
		case *Derived:
			if seen[r] {
				return
			}
			seen[r] = true
			walk(r.F)
			for key, e := range r.cache {
				if !e.from.Traced.valid() {
					delete(r.cache, key)
					continue
				}
				roots = append(roots, e.c.f.Outs...)
				roots = append(roots, e.c.f.Vars...)
			}
		}
	}
	for _, c := range s.globals {
		walk(c.value)
		walk(c.sym)
	}
	for key, fn := range s.functions {
		if !seen[key.f] || !fn.Traced.valid() {
			delete(s.functions, key)
			continue
		}
		roots = append(roots, fn.nodes()...)
	}
	for _, v := range extra {
		walk(v)
	}
	return roots
}
