package builtins

import "testing"

// TestParamsDeclared holds every builtin's parameter declarations to the
// rules lang.Param states (lang.Builtin.CheckParams).
func TestParamsDeclared(t *testing.T) {
	for _, b := range All() {
		if err := b.CheckParams(); err != nil {
			t.Error(err)
		}
	}
}
