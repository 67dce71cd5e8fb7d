package calc_test

import (
	"bytes"
	"strings"
	"testing"

	"calc"
)

// TestErrors feeds broken statements to a session and checks that each
// gives one message with its position (the caret's column) and nothing
// panics.
func TestErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"1 +", `<expr>:1:4: unexpected end of input; expected an expression`},
		{"3(4)", `<expr>:1:1: cannot call number: it is not a function`},
		{"(1 + 2", `<expr>:1:1: unclosed '('`},
		{"x = [1, 2\ny = 3", `<expr>:1:5: unclosed '['`},
		{"sinn(2)", `<expr>:1:1: unknown function "sinn" (did you mean "sign" or "sin"?)`},
		{"y = 2 * sinn(x)", `<expr>:1:9: unknown function "sinn" (did you mean "sign" or "sin"?)`},
		{"f(x) = x\nf(1, 2)", `<expr>:2:1: f(x) takes 1 argument, got 2`},
		{"sqrt(1, 2)", `<expr>:1:1: sqrt(x) takes 1 argument, got 2`},
		{"[1, 2] + [1, 2, 3]", `<expr>:1:8: cannot add arrays: shapes (2,) and (3,) cannot be broadcast`},
		{`"a" + [1]`, `<expr>:1:5: cannot add string and array(1,)`},
		{`"a" * 2`, `<expr>:1:5: cannot multiply string and number`},
		{"[1, 2, 3][5]", `<expr>:1:11: index 5 is out of range for axis 0 with size 3`},
		{`["a", "b"][-3]`, `<expr>:1:12: index -3 is out of range for length 2`},
		{"[1, 2, 3][1.5]", `<expr>:1:11: an index must be an integer, not 1.5`},
		{`x + "a"`, `<expr>:1:3: cannot add symbol and string`},
		{"diff(x > 0, x)", `<expr>:1:1: diff: x > 0 is a comparison, true or false: it has no derivative`},
		{"diff(x**2, 3)", `<expr>:1:12: diff: expected a symbol to differentiate by, got number`},
		{`diff("a", x)`, `<expr>:1:6: diff: expected an expression, got string`},
		{"f(x) = x < 1 and x > 0\ngrad(f)(2)", `<expr>:2:1: cannot differentiate f(x): this condition depends on the symbolic value x < 1; use ?: or if, which trace`},
		{"map([1, 2], # * 2)", `<expr>:1:4: unclosed '(' (# starts a comment in calc: the rest of its line is not read)`},
		{"f(x) = x < 1 and x > 0\ng = grad(f)\ng(2)", `<expr>:3:1: cannot differentiate f(x): this condition depends on the symbolic value x < 1; use ?: or if, which trace`},
		{"n = 3\nn(2)", `<expr>:2:1: cannot call number: it is not a function`},
		{`sqrt("a")`, `<expr>:1:6: sqrt: expected a number or an array, got string`},
		{"zeros(2, -1)", `<expr>:1:10: zeros: negative dimension -1`},
		{"down(n) = down(n + 1)\ndown(1)", `<expr>:1:11: maximum recursion depth 10000 exceeded in down(n)`},
		{"{a: 1}.b", `<expr>:1:8: record has no field "b" (its fields: a)`},
		{"inv([[1, 2], [2, 4]])", `<expr>:1:1: inv: singular matrix`},
		{"dot([[1, 2, 3]], [[1, 2, 3]])", `<expr>:1:1: dot: shapes (1, 3) and (1, 3) not aligned: 3 (dim 1) != 1 (dim 0)`},
		{"map(1, 2)", `<expr>:1:5: map: expected a function and a list or array, got number and number`},
		{"reduce(add, [1, 2])", `<expr>:1:1: reduce: "add" is not defined`},
		{"add(a, b) = a + b\nreduce(add, [])", `<expr>:2:1: reduce of an empty collection needs an initial value`},
		{`sorted([1, "a"])`, `<expr>:1:1: sorted: cannot order string and number: keys must be all numbers or all strings`},
		{"1 = 2", `<expr>:1:1: only a name, an element a[i], a field r.x, or a function heading such as f(x, y) can be assigned (use == to compare)`},
		{"f(a, a) = 1", `<expr>:1:6: parameter "a" appears twice in f`},
		{"1 ? 2 : 3\n\"s\" ? 1 : 2", `<expr>:2:1: a condition must be a bool or a number, not string`},
		{"sorted([3, 1], {reverse: 1, kye: abs})", `<expr>:1:16: sorted: unknown option "kye" (options: key, reverse)`},
		{"a ?? b", `<expr>:1:4: unexpected "?"; expected an expression`},
		{"x = \n", `<expr>:1:5: unexpected end of line (a statement ends at the end of its line unless a bracket is open); expected an expression`},
		{`comb("5", 2)`, `<expr>:1:6: comb: expected a number, got string`},
		{`float("abc")`, `<expr>:1:7: float: "abc" is not a number`},
		{"help(nosuch)", `<expr>:1:1: help: no builtin named "nosuch"`},
		{"range(0, 1, 0)", `<expr>:1:13: range: step must not be zero`},
		{"reshape(range(6), 4, 2)", `<expr>:1:1: reshape: cannot reshape array of size 6 into shape (4, 2)`},
		{"zeros(1e12)", `<expr>:1:1: zeros: an array of 1000000000000 elements is more than the limit of 100000000`},
		{"fmin_l_bfgs_b((x-3)**2 + (y+1)**2, [0, 0], {eqcons: [x - y]})", `<expr>:1:44: fmin_l_bfgs_b: option "eqcons" does not apply here; the options that do: args, jac, ftol, fprime, bounds, maxcor, m, gtol, pgtol, maxfun, maxiter, maxls, eps, epsilon, callback`},
		{"r(p) = [p[0]-1, p[1]-2]\nleastsq(r, [0.5, 0.5], col_deriv=true)", `<expr>:2:24: leastsq: option "col_deriv" does not apply here; the options that do: args, jac, Dfun, ftol, xtol, gtol, maxfev, epsfcn, factor, full_output`},
		{"minimize((x-3)**2, [0], method=\"BFGS\", rhobeg=1)", `<expr>:1:40: minimize: option "rhobeg" does not apply here; the options that do: method, args, jac, fprime, gtol, norm, eps, epsilon, maxiter, retall, callback`},
		{"decay(t, y) = -y\nf(T) = solve_ivp(decay, [0, T], [1], t_eval=[0.5]).y[0][0]\ngrad(f)(1)", `<expr>:3:1: cannot differentiate f(T): solve_ivp cannot be differentiated by its times yet: give them as numbers`},
		{"fmin_ncg(x**2, 1, fhess=\"not a function\", disp=false)", `<expr>:1:1: fmin_ncg: fhess must be a function, not string`},
		{"range(1e12)", `<expr>:1:1: range: an array of 1000000000000 elements is more than the limit of 100000000`},
	}
	for _, c := range cases {
		var out, errs bytes.Buffer
		err := calc.Run(calc.NewSession(), "<expr>", c.src, &out, &errs)
		if err == nil {
			t.Errorf("%q: no error; output %q", c.src, out.String())
			continue
		}
		first, rest, _ := strings.Cut(errs.String(), "\n")
		if first != c.want {
			t.Errorf("%q:\n got  %s\n want %s", c.src, first, c.want)
		}
		if lines := strings.Split(strings.TrimRight(rest, "\n"), "\n"); len(lines) != 2 || !strings.HasSuffix(lines[1], "^") {
			t.Errorf("%q: want the source line and a caret after the message, got %q", c.src, rest)
		}
	}
}
