package builtins

import (
	"slices"
	"testing"
)

// TestWrapDocRunsOn: a line too long for the width runs on into the next
// one, so a paragraph wrapped for a wider screen stays a paragraph; short
// lines, blank lines and indented lines keep the author's breaks.
func TestWrapDocRunsOn(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want []string
	}{
		{"Summary.\naaa bbb ccc ddd\neee fff", []string{"Summary.", "aaa bbb ccc", "ddd eee fff"}},
		{"Summary.\nshort\nlines stay", []string{"Summary.", "short", "lines stay"}},
		{"aaa bbb ccc ddd\n\nnext", []string{"aaa bbb ccc", "ddd", "", "next"}},
		{"aaa bbb ccc ddd\n  indented", []string{"aaa bbb ccc", "ddd", "  indented"}},
		{"aaa bbb ccc ddd", []string{"aaa bbb ccc", "ddd"}},
	} {
		if got := wrapDoc(c.doc, 11); !slices.Equal(got, c.want) {
			t.Errorf("wrapDoc(%q) = %q, want %q", c.doc, got, c.want)
		}
	}
}
