package builtins_test

import (
	"math"
	"testing"

	"calc/builtins"
)

// TestLinprogBindings checks linprog and milp through the language on
// scipy 1.10's documentation examples (stdlib/optimize has the whole
// comparison with scipy) and the errors of their options.
func TestLinprogBindings(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]float64{
		// scipy: fun -22 at x = [10, -3], ineqlin marginals [0, -1].
		`linprog([-1, 4], {A_ub: [[-3, 1], [1, 2]], b_ub: [6, 4], bounds: [[nil, nil], [-3, nil]]}).fun`:                      -22,
		`linprog([-1, 4], {A_ub: [[-3, 1], [1, 2]], b_ub: [6, 4], bounds: [[nil, nil], [-3, nil]]}).x[0]`:                     10,
		`linprog([-1, 4], {A_ub: [[-3, 1], [1, 2]], b_ub: [6, 4], bounds: [[nil, nil], [-3, nil]]}).ineqlin.marginals[1]`:     -1,
		`linprog([-1, 4], {A_ub: [[-3, 1], [1, 2]], b_ub: [6, 4], bounds: [[nil, nil], [-3, nil]], method: "highs-ipm"}).fun`: -22,
		`linprog([-1, 4], {A_ub: [[-3, 1], [1, 2]], b_ub: [6, 4], bounds: [[nil, nil], [-3, nil]], method: "simplex"}).fun`:   -22,
		`linprog([1, 1], {A_ub: [[1, 1]], b_ub: [-1]}).status`:                                                                2,
		`linprog([-1, -1], {A_ub: [[1, -1]], b_ub: [1]}).status`:                                                              3,
		// scipy's milp example: fun -2.
		`milp([0, -1], {integrality: 1, constraints: {A: [[-1, 1], [3, 2], [2, 3]], ub: [1, 12, 12]}}).fun`:                          -2,
		`milp([0, -1], {integrality: 1, constraints: [{A: [-1, 1], ub: 1}, {A: [[3, 2], [2, 3]], lb: 0, ub: 12}]}).fun`:              -2,
		`milp([-1, -1], {integrality: [1, 0], bounds: {lb: 0, ub: [1.5, 2.5]}}).fun`:                                                 -3.5,
		`linprog([-10, -13, -18, -31, -7, -15], {A_ub: [[11, 15, 20, 35, 10, 33]], b_ub: [47], bounds: [0, 1], integrality: 1}).fun`: -41,
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if math.Abs(v.Float()-want) > 1e-7 {
			t.Errorf("%s = %v, want %v", src, v.Float(), want)
		}
	}
	for _, src := range []string{
		`linprog([1, 1], {method: "highs-dual"})`,
		`linprog([1, 1], {A_ub: [[1, 1]]})`,
		`linprog([1, 1], {A_ub: [[1, 1, 1]], b_ub: [1]})`,
		`linprog([1, 1], {bounds: [[0, 1]]})`,
		`linprog([1, 1], {tol: 1})`,
		`milp([1], {integrality: 2})`,
		`milp([1], {constraints: {A: [1], up: 1}})`,
	} {
		if _, err := s.Eval(src); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}
