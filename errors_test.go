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
		{"diff(x**2, 3)", `<expr>:1:12: diff: expected a symbol to differentiate by, got number (the order comes after the symbol, as diff(expr, x, 2); a name bound to a value is no symbol: :clear x frees it)`},
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
		{"reduce(add, [1, 2])", `<expr>:1:1: reduce: "add" is not defined (calc writes a + b)`},
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
		{"zeros(1e12)", `<expr>:1:1: zeros: an array of 1000000000000 elements is more than the limit of 100000000 (-max-elements)`},
		{"fmin_l_bfgs_b((x-3)**2 + (y+1)**2, [0, 0], {eqcons: [x - y]})", `<expr>:1:44: fmin_l_bfgs_b: unknown option "eqcons" (options: fprime, args, approx_grad, bounds, m, factr, pgtol, epsilon, maxfun, maxiter, maxls, callback)`},
		{"r(p) = [p[0]-1, p[1]-2]\nleastsq(r, [0.5, 0.5], col_deriv=true)", `<expr>:2:24: leastsq: unknown option "col_deriv" (options: args, Dfun, full_output, ftol, xtol, gtol, maxfev, epsfcn, factor)`},
		{"minimize((x-3)**2, [0], method=\"BFGS\", rhobeg=1)", `<expr>:1:40: minimize: option "rhobeg" does not apply to method BFGS; the methods that take it: COBYLA (BFGS takes method, args, jac, finite_diff_rel_step, tol, callback, maxiter, disp, gtol, retall, norm, epsilon, eps)`},
		{"minimize((x-3)**2, [0], method=\"bfgs\", bounds=[[0, 1]])", `<expr>:1:40: minimize: option "bounds" does not apply to method BFGS; the methods that take it: Nelder-Mead, Powell, L-BFGS-B, TNC, SLSQP, trust-constr (BFGS takes method, args, jac, finite_diff_rel_step, tol, callback, maxiter, disp, gtol, retall, norm, epsilon, eps)`},
		{"minimize((x-3)**2, [0], method=\"nosuch\")", `<expr>:1:25: minimize: unknown method "nosuch" (methods: Nelder-Mead, Powell, CG, BFGS, Newton-CG, L-BFGS-B, TNC, COBYLA, SLSQP, trust-constr, dogleg, trust-ncg, trust-exact, trust-krylov)`},
		{"r(p) = [p[0]-1, p[1]-2]\nleastsq(r, [0.5, 0.5], Dfun=1)", `<expr>:2:24: leastsq: Dfun must be a function, or false for finite differences, not 1`},
		{"newton_krylov([0.5*cos(y) - x, 0.5*sin(x) - y], [0, 0], line_search=\"zz\")", `<expr>:1:57: newton_krylov: option line_search must be armijo or none, not "zz"`},
		{"loss(w) = sum((w - [1, 2])**2)\ntrain(loss, [0, 0], optimizer=\"adam\", momentum=0.5)", `<expr>:2:39: train: option "momentum" does not apply to optimizer adam; the optimizers that take it: momentum (adam takes lr, iters, optimizer, every, beta1, beta2, eps)`},
		{"sum([[1, 2], [3, 4]], 0, axis=1)", `<expr>:1:1: sum: the axis is given twice, as an argument and as an option`},
		{"root_scalar(cos(x) - x, bracket=[0, 1], fprime=sin)", `<expr>:1:41: root_scalar: option "fprime" does not apply to method brentq; the methods that take it: newton, secant, halley (brentq takes method, bracket, xtol, rtol, maxiter, args)`},
		{"decay(t, y) = -y\nf(T) = solve_ivp(decay, [0, T], [1], t_eval=[0.5]).y[0][0]\ngrad(f)(1)", `<expr>:3:1: cannot differentiate f(T): solve_ivp cannot be differentiated by t_span: give it as numbers, and the times that move as t_eval`},
		{"fmin_ncg(x**2, 1, fhess=\"not a function\", disp=false)", `<expr>:1:1: fmin_ncg: fhess must be a function, not string`},
		{"range(1e12)", `<expr>:1:1: range: an array of 1000000000000 elements is more than the limit of 100000000 (-max-elements)`},
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
		lines := strings.Split(strings.TrimRight(rest, "\n"), "\n")
		if len(lines) < 2 || !strings.HasSuffix(lines[1], "^") {
			t.Errorf("%q: want the source line and a caret after the message, got %q", c.src, rest)
			continue
		}
		for _, l := range lines[2:] {
			if !strings.HasPrefix(l, "  in ") {
				t.Errorf("%q: after the caret, want the chain of calls, got %q", c.src, l)
			}
		}
	}
}

// TestErrorChains: an error inside user functions ends with the chain of
// calls that led there, innermost first, each with where it was called;
// recursion from one place is one link, and a long chain shows its ends.
func TestErrorChains(t *testing.T) {
	cases := []struct{ src, want string }{
		{"g(x) = x + [1, 2, 3]\nf(n) = g([n, n])\n\nf(2)",
			"<expr>:1:10: cannot add arrays: shapes (2,) and (3,) cannot be broadcast\n    g(x) = x + [1, 2, 3]\n             ^\n" +
				"  in g(x), called from <expr>:2:8\n  in f(n), called from <expr>:4:1\n"},
		{"f(x) = sqrt(\"a\")\nmap(f, [1, 2])",
			"<expr>:1:13: sqrt: expected a number or an array, got string\n    f(x) = sqrt(\"a\")\n                ^\n" +
				"  in f(x), called by map from <expr>:2:1\n"},
		{"h = x -> [x, x, x] + [1, 2]\nh(1)",
			"<expr>:1:20: cannot add arrays: shapes (3,) and (2,) cannot be broadcast\n    h = x -> [x, x, x] + [1, 2]\n                       ^\n" +
				"  in x -> [x, x, x] + [1, 2], called from <expr>:2:1\n"},
		{"f(n) = n == 0 ? [1, 2] + [1, 2, 3] : sum(map([n-1], f))\nf(3000)",
			"<expr>:1:24: cannot add arrays: shapes (2,) and (3,) cannot be broadcast\n    f(n) = n == 0 ? [1, 2] + [1, 2, 3] : sum(map([n-1], f))\n                           ^\n" +
				"  in f(n), called by map from <expr>:1:42, 3000 times\n  in f(n), called from <expr>:2:1\n"},
		{"f(n) = n == 0 ? 1 + \"a\" : g(n - 1)\ng(n) = f(n)\nf(2000)",
			"<expr>:1:19: cannot add number and string\n    f(n) = n == 0 ? 1 + \"a\" : g(n - 1)\n                      ^\n" +
				"  in f(n), called from <expr>:2:8\n  in g(n), called from <expr>:1:27\n  in f(n), called from <expr>:2:8\n" +
				"  ... 3995 more calls ...\n" +
				"  in f(n), called from <expr>:2:8\n  in g(n), called from <expr>:1:27\n  in f(n), called from <expr>:3:1\n"},
		{"f(x) = x\nf(1, 2)", "<expr>:2:1: f(x) takes 1 argument, got 2\n    f(1, 2)\n    ^\n"},
	}
	for _, c := range cases {
		var out, errs bytes.Buffer
		calc.Run(calc.NewSession(), "<expr>", c.src, &out, &errs)
		if got := errs.String(); got != c.want {
			t.Errorf("%q:\n got\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}

// TestErrorCarets: the caret sits under the place by display width (wide
// CJK and emoji take two columns, combining marks none), and a long line
// shows as a window around the caret, not whole.
func TestErrorCarets(t *testing.T) {
	long := strings.Repeat("1 + ", 100000) + `"a"`
	cases := []struct{ src, want string }{
		{`"日本語" + 1`, "    \"日本語\" + 1\n             ^\n"},
		{`"😀😀" + 1`, "    \"😀😀\" + 1\n           ^\n"},
		{"\"e\u0301e\u0301\" + 1", "    \"e\u0301e\u0301\" + 1\n         ^\n"},
		{"\t\"a\" + 1", "     \"a\" + 1\n         ^\n"},
		{long, "    …" + strings.Repeat("+ 1 ", 15) + `+ "a"` + "\n" + strings.Repeat(" ", 4+1+60) + "^\n"},
	}
	for _, c := range cases {
		var out, errs bytes.Buffer
		calc.Run(calc.NewSession(), "<expr>", c.src, &out, &errs)
		_, got, _ := strings.Cut(errs.String(), "\n")
		if got != c.want {
			t.Errorf("%.40q:\n got\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}

// TestForeignNames: a numpy or Python name calc spells otherwise gets
// calc's spelling, and no builtin is taken for a foreign name.
func TestForeignNames(t *testing.T) {
	cases := []struct{ src, want string }{
		{"pow(2, 3)", `<expr>:1:1: unknown function "pow" (calc writes a ** b)`},
		{"arcsin(1)", `<expr>:1:1: unknown function "arcsin" (calc writes asin)`},
		{"np.matmul(a, b)", `calc's functions need no module prefix`},
		{"concatenate([1], [2])", `(calc writes concat)`},
		{"help(matmul)", `help: no builtin named "matmul" (calc writes a @ b, or dot(a, b))`},
		{"uniform(0, 1, 3)", `(calc writes lo + (hi - lo)*rand(shape...))`},
		{"normal(0, 1, 3)", `(calc writes mu + sigma*randn(shape...))`},
		{"Bounds([0], [1])", `(calc writes minimize's option bounds: [[lo, hi], ...]`},
		{"LinearConstraint(A, 0, 1)", `(calc writes minimize's option constraints:`},
		{"NonlinearConstraint(f, 0, 1)", `(calc writes minimize's option constraints:`},
		{"addWeighted(a, 0.5, b, 0.5, 0)", `(calc writes add_weighted)`},
		{"GaussianBlur(a, [3, 3], 0)", `(calc writes gaussian_blur)`},
		{"cv2.filter2D(a, -1, k)", `for cv2.filter2D calc writes filter2d`},
		{"Sobel(a, -1, 1, 0)", `(calc writes sobel)`},
		{"np.random.uniform(0, 1, 3)", `<expr>:1:1: calc's functions need no module prefix: for np.random.uniform calc writes lo + (hi - lo)*rand(shape...)`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		calc.Run(calc.NewSession(), "<expr>", c.src, &out, &out)
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.src, out.String(), c.want)
		}
	}
	s := calc.NewSession()
	for _, b := range s.Builtins() {
		if hint := s.DidYouMean(b.Name); strings.Contains(hint, "calc writes") {
			t.Errorf("the builtin %s is also listed as a foreign name%s", b.Name, hint)
		}
	}
}

// TestForeignArgumentOrders: a call in numpy's, scipy's or OpenCV's order
// of arguments, or with OpenCV's spelling of an option, says how calc
// writes it.
func TestForeignArgumentOrders(t *testing.T) {
	cases := []struct{ src, want string }{
		{"roots([3, -12, 9])", "got 1; numpy's roots(p) of a polynomial's coefficients is polyroots(p) here"},
		{"where([1, 0] > 0)", "got 1; numpy's where(cond) of one argument, the indices where cond holds, is range(len(cond))[cond] here"},
		{"sobel(zeros(4, 4), -1, 1, 0)", "got 4; OpenCV's ddepth is the option ddepth here"},
		{"laplacian(zeros(4, 4), 6)", "got 2; OpenCV's ddepth is the option ddepth here"},
		{"threshold(zeros(4, 4), 127, 255)", "got 3; OpenCV's threshold(img, t, maxval, type) is threshold(img, t, {maxval, mode}) here"},
		{"convert_scale_abs(zeros(2, 2), 0.5, 3)", "got 3; OpenCV's convertScaleAbs(img, alpha, beta) is convert_scale_abs(img, {alpha, beta}) here"},
		{"canny(zeros(4, 4), 1, 2, L2gradient=true)", `<expr>:1:26: canny: unknown option "L2gradient" (calc spells it l2gradient)`},
	}
	for _, c := range cases {
		var out bytes.Buffer
		calc.Run(calc.NewSession(), "<expr>", c.src, &out, &out)
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.src, out.String(), c.want)
		}
	}
}

// TestEventAttributes: scipy's way of marking an event terminal names
// solve_ivp's options.
func TestEventAttributes(t *testing.T) {
	var out bytes.Buffer
	calc.Run(calc.NewSession(), "<expr>", "hit(t, y) = y[0]\nhit.terminal = true", &out, &out)
	want := "<expr>:2:5: cannot set field terminal of a function: scipy's event attributes are solve_ivp's options here"
	if !strings.Contains(out.String(), want) {
		t.Errorf("got %s\nwant %s", out.String(), want)
	}
}

// TestMethodCalls: numpy's methods get calc's function spelling.
func TestMethodCalls(t *testing.T) {
	cases := []struct{ src, want string }{
		{"x = [1, 2]\nx.sum()", `<expr>:2:3: arrays have no field "sum" (they have T, shape, ndim, size, dtype); calc has no methods: write sum(x, ...), not x.sum(...)`},
		{"x = [1, 2]\nx.append(3)", `calc has no methods: it writes concat(xs, [x]): arrays do not grow in place`},
		{"z = 1 + 2j\nz.conjugate()", `calc has no methods: it writes conj`},
		{"x = [1, 2]\nx.foo", `<expr>:2:3: arrays have no field "foo" (they have T, shape, ndim, size, dtype)` + "\n"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		calc.Run(calc.NewSession(), "<expr>", c.src, &out, &out)
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.src, out.String(), c.want)
		}
	}
}

// TestEmptyList: [] is numpy's empty array where a builtin wants an array,
// but stays a list for operators, so x = []; x += [1] is not silently [].
func TestEmptyList(t *testing.T) {
	cases := []struct{ src, want string }{
		{"sum([])", "0"},
		{"prod([])", "1"},
		{"concat([], [1, 2])", "[1, 2]"},
		{"x = []\nx += [1]", "<expr>:2:3: cannot add list and array(1,) (+ joins two lists; to join arrays or a list and an array, write concat(a, b))"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		calc.Run(calc.NewSession(), "<expr>", c.src, &out, &out)
		if got := strings.TrimSpace(out.String()); !strings.HasPrefix(got, c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
	}
}
