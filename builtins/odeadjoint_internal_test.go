package builtins

import (
	"strings"
	"testing"
)

// TestODEDerivativeChoice checks which derivative a solver node takes:
// by default the adjoint method for the gradient of a scalar loss beyond
// adjointThreshold numbers, forward sensitivities for a Jacobian and for
// few numbers, and what the adjoint option asks for.
func TestODEDerivativeChoice(t *testing.T) {
	s := NewSession()
	s.Out = &strings.Builder{}
	must(s.Eval("chain(y, t, k) = concat([-k[0]*y[0]], k[:-1]*y[:-1] - k[1:]*y[1:])\n" +
		"y(k, opts) = odeint(chain, concat([1], zeros(len(k) - 1)), [0, 1, 2], args=[k], options=opts)\n" +
		"L(k, opts) = sum(y(k, opts)**2)\n" +
		"k17 = 0.3 + 0.1*range(17)\nk16 = 0.3 + 0.1*range(16)"))
	for _, c := range []struct {
		src              string
		adjoint, forward bool
	}{
		{"grad(k -> L(k, {}))(k17)", true, false},
		{"jacobian(k -> y(k, {})[-1])(k17)", false, true},
		{"grad(k -> L(k, {}))(k16)", false, true},
		{"grad(k -> L(k, {adjoint: true}))(k16)", true, false},
		{"grad(k -> L(k, {adjoint: false}))(k17)", false, true},
		{"jacobian(k -> y(k, {adjoint: true})[-1])(k16)", true, false},
	} {
		adj, aug := rhsCounts.adjoint.Load(), rhsCounts.augmented.Load()
		if _, err := s.Eval(c.src); err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		adjoint, forward := rhsCounts.adjoint.Load() > adj, rhsCounts.augmented.Load() > aug
		if adjoint != c.adjoint || forward != c.forward {
			t.Errorf("%s: adjoint %v, forward sensitivities %v; want %v, %v", c.src, adjoint, forward, c.adjoint, c.forward)
		}
	}
}
