package builtins

import (
	"strings"
	"testing"

	"calc/lang"
)

// TestParamsDeclared holds every builtin's parameter declarations to the
// rules lang.Param states: Params or Forms (two or more), a name for each
// parameter but a variadic one, a variadic parameter only last, defaults
// only where a call can be given them (see lang.Builtin's unpack), and a
// one-line doc for each, which help shows.
func TestParamsDeclared(t *testing.T) {
	for _, b := range All() {
		if b.Params != nil && b.Forms != nil || len(b.Forms) == 1 {
			t.Errorf("%s: declare Params, or Forms for two forms or more", b.Name)
		}
		simple := b.Forms == nil // its arguments go by position alone
		for i := 1; i < len(b.Params); i++ {
			simple = simple && !(b.Params[i-1].Optional && !b.Params[i].Optional)
		}
		forms := b.Forms
		if b.Forms == nil {
			forms = [][]lang.Param{b.Params}
		}
		for _, form := range forms {
			defaults := true // no optional parameter without one yet
			for i, p := range form {
				where := b.Name + " " + p.Name
				switch {
				case p.Name == "" && !p.Variadic:
					t.Errorf("%s: parameter %d has no name", b.Name, i+1)
				case p.Variadic && i != len(form)-1:
					t.Errorf("%s: only the last parameter can be variadic", where)
				case p.Doc == "" || strings.Contains(p.Doc, "\n"):
					t.Errorf("%s: needs a doc of one line", where)
				case !p.Default.IsNil() && (!p.Optional || p.Variadic):
					t.Errorf("%s: only an optional parameter has a default", where)
				case !p.Default.IsNil() && (!simple || !defaults):
					t.Errorf("%s: a default that no call can be given (several forms, or after an optional parameter without one)", where)
				}
				if p.Optional && p.Default.IsNil() {
					defaults = false
				}
			}
		}
	}
}
