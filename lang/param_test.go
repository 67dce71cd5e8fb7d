package lang

import (
	"strings"
	"testing"
)

// TestCheckParams checks that the declaration rules refuse what unpack
// could not honour.
func TestCheckParams(t *testing.T) {
	doc := "a parameter"
	for _, c := range []struct {
		b    Builtin
		want string // "" for a declaration that keeps the rules
	}{
		{Builtin{Name: "ok", Params: []Param{{Name: "x", Doc: doc}, {Name: "n", Optional: true, Default: Num(1), Doc: doc}}}, ""},
		{Builtin{Name: "nodoc", Params: []Param{{Name: "x"}}}, "needs a doc"},
		{Builtin{Name: "twolines", Params: []Param{{Name: "x", Doc: "a\\nb"}}}, ""},
		{Builtin{Name: "twolines", Params: []Param{{Name: "x", Doc: "a\nb"}}}, "needs a doc"},
		{Builtin{Name: "required", Params: []Param{{Name: "x", Default: Num(1), Doc: doc}}}, "only an optional parameter"},
		{Builtin{Name: "after", Params: []Param{{Name: "a", Optional: true, Doc: doc}, {Name: "b", Optional: true, Default: Num(1), Doc: doc}}}, "no call can be given"},
		{Builtin{Name: "leading", Params: []Param{{Name: "fig", Optional: true, Doc: doc}, {Name: "x", Doc: doc}, {Name: "n", Optional: true, Default: Num(1), Doc: doc}}}, "no call can be given"},
		{Builtin{Name: "forms", Forms: [][]Param{{{Name: "x", Doc: doc}}, {{Name: "x", Doc: doc}, {Name: "n", Optional: true, Default: Num(1), Doc: doc}}}}, "no call can be given"},
		{Builtin{Name: "oneform", Forms: [][]Param{{{Name: "x", Doc: doc}}}}, "declare Params"},
		{Builtin{Name: "variadic", Params: []Param{{Name: "xs", Variadic: true, Doc: doc}, {Name: "x", Doc: doc}}}, "only the last"},
		{Builtin{Name: "unnamed", Params: []Param{{Doc: doc}}}, "has no name"},
	} {
		err := c.b.CheckParams()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.b.Name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want an error with %q", c.b.Name, err, c.want)
		}
	}
}
