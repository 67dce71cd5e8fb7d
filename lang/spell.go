package lang

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Suggest returns up to two known global names closest to name, for "did
// you mean" messages: those within an edit distance of about a third of
// the name's length.
func (s *Session) Suggest(name string) []string {
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	limit := max(1, len(name)/3)
	runes := utf8.RuneCountInString(name)
	for n, c := range s.globals {
		if !c.bound || n == name || max(utf8.RuneCountInString(n)-runes, runes-utf8.RuneCountInString(n)) > limit {
			continue // the distance is at least the difference in length
		}
		if d := editDistance(name, n); d <= limit {
			cands = append(cands, cand{n, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for i := 0; i < len(cands) && i < 2; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// DidYouMean returns ` (did you mean "a" or "b"?)` naming the known names
// nearest to name, or "" when none is near.
func (s *Session) DidYouMean(name string) string {
	near := s.Suggest(name)
	if len(near) == 0 {
		return ""
	}
	return " (did you mean \"" + strings.Join(near, "\" or \"") + "\"?)"
}
