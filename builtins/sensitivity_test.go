package builtins_test

import (
	"math"
	"strings"
	"testing"

	"calc/builtins"
	"calc/lang"
)

// numbers runs src in a fresh session and returns the numbers of its
// last value.
func numbers(t *testing.T, src string) []float64 {
	t.Helper()
	s := builtins.NewSession()
	var out strings.Builder
	s.Out = &out
	v, err := s.Eval(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	switch v.Kind() {
	case lang.NumKind:
		return []float64{v.Float()}
	case lang.ArrayKind:
		return v.Array().Floats()
	}
	t.Fatalf("%s: got %s", src, v.TypeName())
	return nil
}

// closeTo checks got against want to within tol relative to the largest
// magnitude of want (or absolutely below 1).
func closeTo(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d numbers, want %d", what, len(got), len(want))
	}
	scale := 1.0
	for _, w := range want {
		scale = math.Max(scale, math.Abs(w))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol*scale || math.IsNaN(got[i]) {
			t.Errorf("%s: [%d] = %.12g, want %.12g (tol %g)", what, i, got[i], want[i], tol)
		}
	}
}

// TestODESensitivityClosedForms differentiates ODE solutions with respect
// to the initial state and the parameters, against closed forms.
func TestODESensitivityClosedForms(t *testing.T) {
	decayGrad := []float64{-math.Exp(-0.5)}
	for _, c := range []struct {
		name, src string
		want      []float64
		tol       float64
	}{
		{"odeint decay by k", "decay(y, t, k) = [-k*y[0]]\nf(k) = odeint(decay, [1], [0, 1], {args: [k]})[-1][0]\ngrad(f)(0.5)", decayGrad, 1e-7},
		{"odeint decay by y0", "decay(y, t, k) = -k*y\nf(y0) = odeint(decay, y0, [0, 0.5, 1], args=[0.5])[-1][0]\ngrad(f)(2)", []float64{math.Exp(-0.5)}, 1e-7},
		{"odeint decay both", "decay(y, t, k) = -k*y\nf(p) = odeint(decay, p[0], [0, 1], args=p[1], rtol=1e-11, atol=1e-13)[-1][0]\njacobian(f)([2, 0.5])",
			[]float64{math.Exp(-0.5), -2 * math.Exp(-0.5)}, 1e-9},
	} {
		closeTo(t, c.name, numbers(t, c.src), c.want, c.tol)
	}
	for _, method := range []string{"RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"} {
		src := "decay(t, y, k) = -k*y\nf(k) = solve_ivp(decay, [0, 1], [1], args=[k], t_eval=[0.5, 1], rtol=1e-10, atol=1e-12, method=\"" + method + "\").y[0][1]\ngrad(f)(0.5)"
		closeTo(t, "solve_ivp decay "+method, numbers(t, src), decayGrad, 1e-6)
	}
	// By t_eval's times: y(t_k) moves with t_k at y'(t_k) = -k·y(t_k).
	for _, adjoint := range []string{"false", "true"} {
		src := "f(T) = solve_ivp((t, y) -> -0.5*y, [0, 5], [2], t_eval=[0.5, T], rtol=1e-10, atol=1e-12, adjoint=" + adjoint + ").y[0]\njacobian(f)(1)"
		closeTo(t, "solve_ivp by t_eval, adjoint "+adjoint, numbers(t, src), []float64{0, -math.Exp(-0.5)}, 1e-7)
	}
	// The harmonic oscillator x'' = -w²x: x(T) = x0 cos wT + v0/w sin wT.
	const x0, v0, w, T = 1.0, 0.5, 2.0, 3.0
	s, co := math.Sin(w*T), math.Cos(w*T)
	want := []float64{co, s / w, -x0*T*s + v0*(T*co/w-s/(w*w))}
	src := "osc(y, t, w) = [y[1], -w**2*y[0]]\nx(p) = odeint(osc, [p[0], p[1]], [0, 3], args=[p[2]], rtol=1e-11, atol=1e-12)[-1][0]\njacobian(x)([1, 0.5, 2])"
	closeTo(t, "harmonic oscillator", numbers(t, src), want, 1e-8)
}

// TestODESensitivityTimes differentiates odeint by its output times:
// x(t) = x0 cos wt + v0/w sin wt from x(t0) = x0, v(t0) = v0 is x0 cos
// w(t - t0) + v0/w sin w(t - t0), so ∂x/∂t = -∂x/∂t0.
func TestODESensitivityTimes(t *testing.T) {
	const x0, v0, w, t0, t1 = 1.0, 0.5, 2.0, 0.2, 3.0
	s, c := math.Sin(w*(t1-t0)), math.Cos(w*(t1-t0))
	dx := -x0*w*s + v0*c
	src := "osc(y, t, w) = [y[1], -w**2*y[0]]\nx(ts) = odeint(osc, [1, 0.5], ts, args=[2], rtol=1e-11, atol=1e-12)[-1][0]\ngrad(x)([0.2, 3])"
	closeTo(t, "times", numbers(t, src), []float64{-dx, dx}, 1e-8)
}

// TestODESensitivityLinear differentiates y' = A(p)·y, whose solution is
// expm(A(p)·T)·y0, against central differences of expm.
func TestODESensitivityLinear(t *testing.T) {
	prog := "A(p) = [[-p[0], p[1]], [p[0], -p[1] - p[2]]]\n" +
		"lin(y, t, p) = dot(A(p), y)\n" +
		"exact(p) = dot(expm(A(p)*2), [1, 0.5])\n" +
		"h = 1e-5\n" +
		"fd(p) = stack(map(e -> (exact(p + h*e) - exact(p - h*e))/(2*h), eye(3)))\n"
	got := numbers(t, prog+"y(p) = odeint(lin, [1, 0.5], [0, 1, 2], args=[p], rtol=1e-12, atol=1e-13)[-1]\njacobian(y)([0.7, 0.3, 0.2]).T")
	want := numbers(t, prog+"fd([0.7, 0.3, 0.2])")
	closeTo(t, "expm", got, want, 1e-7)
}

// TestODESensitivityFiniteDifferences compares sensitivities with central
// differences of the whole solve at tight tolerances: Lotka–Volterra, and
// the stiff Robertson problem with its rate constants as parameters
// (through their logarithms, so that one step fits all three).
func TestODESensitivityFiniteDifferences(t *testing.T) {
	fd := "fd(f, p, h) = stack(map(e -> (f(p + h*e) - f(p - h*e))/(2*h), eye(len(p)))).T\n"
	lv := fd + "lv(z, t, a, b, c, d) = [a*z[0] - b*z[0]*z[1], -c*z[1] + d*z[0]*z[1]]\n" +
		"m(p) = odeint(lv, [p[4], p[5]], linspace(0, 10, 6), args=(p[0], p[1], p[2], p[3]), rtol=1e-12, atol=1e-12).T[0]\n" +
		"p = [1.1, 0.1, 1.4, 0.08, 10, 5]\n"
	closeTo(t, "Lotka–Volterra", numbers(t, lv+"jacobian(m)(p)"), numbers(t, lv+"fd(m, p, 1e-6)"), 1e-6)
	for _, method := range []string{"LSODA", "BDF", "Radau"} {
		rob := fd + "rob(t, y, k) = [-k[0]*y[0] + k[2]*y[1]*y[2], k[0]*y[0] - k[1]*y[1]**2 - k[2]*y[1]*y[2], k[1]*y[1]**2]\n" +
			"f(q) = solve_ivp(rob, [0, 40], [1, 0, 0], args=[exp(q)], t_eval=[0.4, 40], method=\"" + method + "\", rtol=1e-10, atol=1e-14).y.T[1]\n" +
			"q = log([0.04, 3e7, 1e4])\n"
		closeTo(t, "Robertson "+method, numbers(t, rob+"jacobian(f)(q)"), numbers(t, rob+"fd(f, q, 1e-5)"), 1e-5)
	}
}

// TestODESensitivitiesOutOfErrorTest checks sensitivity_error_control
// false: the sensitivities of decay against the closed form and of
// Robertson's problem under the implicit methods against central
// differences, less accurate than under the error test but well within
// a fitter's needs; and inside least_squares, its default there, a fit
// whose residuals are the plain solve's, number for number, and whose
// Jacobian is the one under the error test to 1e-6.
func TestODESensitivitiesOutOfErrorTest(t *testing.T) {
	decay := "decay(y, t, k) = [-k*y[0]]\nf(k) = odeint(decay, [1], [0, 1], args=[k], sensitivity_error_control=false)[-1][0]\ngrad(f)(0.5)"
	closeTo(t, "decay", numbers(t, decay), []float64{-math.Exp(-0.5)}, 5e-7)
	fd := "fd(f, p, h) = stack(map(e -> (f(p + h*e) - f(p - h*e))/(2*h), eye(len(p)))).T\n"
	for _, method := range []string{"LSODA", "BDF", "Radau"} {
		rob := fd + "rob(t, y, k) = [-k[0]*y[0] + k[2]*y[1]*y[2], k[0]*y[0] - k[1]*y[1]**2 - k[2]*y[1]*y[2], k[1]*y[1]**2]\n" +
			"f(q, control) = solve_ivp(rob, [0, 40], [1, 0, 0], args=[exp(q)], t_eval=[0.4, 40], method=\"" + method + "\", rtol=1e-10, atol=1e-14, sensitivity_error_control=control).y.T[1]\n" +
			"q = log([0.04, 3e7, 1e4])\n"
		closeTo(t, "Robertson "+method, numbers(t, rob+"jacobian(q -> f(q, false))(q)"), numbers(t, rob+"fd(q -> f(q, true), q, 1e-5)"), 1e-5)
	}
	fit := "lv(z, t, a, b, c, d) = [a*z[0] - b*z[0]*z[1], -c*z[1] + d*z[0]*z[1]]\n" +
		"t = linspace(0, 15, 31)\n" +
		"data = odeint(lv, [10, 5], t, args=[1.0, 0.1, 1.5, 0.075]) + 0.5*reshape(sin(0.7*range(62)**2), 31, 2)\n" +
		"r(p) = reshape(odeint(lv, [10, 5], t, args=(p[0], p[1], p[2], p[3]), mxstep=5000) - data, 62)\n" +
		"fit = least_squares(r, [0.8, 0.12, 1.2, 0.06], bounds=([0, 0, 0, 0], inf))\n"
	// sensitivity's value is the plain solve of r's solver node.
	got, want := numbers(t, fit+"fit.fun"), numbers(t, fit+"sensitivity(r, fit.x).value")
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("fit.fun[%d] = %.17g, the plain solve's %.17g", i, got[i], want[i])
		}
	}
	closeTo(t, "fit.jac", numbers(t, fit+"fit.jac"), numbers(t, fit+"jacobian(r)(fit.x)"), 1e-6)
}

// TestImplicitDerivatives differentiates roots and minima by their
// parameters, against closed forms.
func TestImplicitDerivatives(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []float64
	}{
		// x² = a: dx/da = 1/(2√a).
		{"fsolve", "F(x, a) = x**2 - a\nr(a) = fsolve(F, 1, args=[a])\ngrad(r)(2)", []float64{1 / (2 * math.Sqrt2)}},
		// x + y = a, x = b·y: x = ab/(1+b), y = a/(1+b).
		{"root", "G(x, a, b) = [x[0] + x[1] - a, x[0] - b*x[1]]\ns(p) = root(G, [0, 0], args=(p[0], p[1])).x\njacobian(s)([3, 2])",
			[]float64{2.0 / 3, 1.0 / 3, 1.0 / 3, -1.0 / 3}},
		{"root lm", "G(x, a, b) = [x[0] + x[1] - a, x[0] - b*x[1]]\ns(p) = root(G, [0, 0], args=(p[0], p[1]), method=\"lm\").x\njacobian(s)([3, 2])",
			[]float64{2.0 / 3, 1.0 / 3, 1.0 / 3, -1.0 / 3}},
		// (x-c)² + 2(y-c²)² + xy: ∇ = 0 at x = (8c - 4c²)/7, y = 2c - 2x.
		{"minimize argmin", "f(x, c) = (x[0] - c)**2 + 2*(x[1] - c**2)**2 + x[0]*x[1]\nm(c) = minimize(f, [0, 0], args=[c], method=\"BFGS\", gtol=1e-10).x\njacobian(m)(1.5)",
			[]float64{(8 - 8*1.5) / 7, 2 - 2*(8-8*1.5)/7}},
		{"minimize fun", "f(x, c) = (x[0] - c)**2 + 2*(x[1] - c**2)**2 + x[0]*x[1]\nv(c) = minimize(f, [0, 0], args=[c], method=\"Nelder-Mead\", xatol=1e-10, fatol=1e-14).fun\ngrad(v)(1.5)",
			[]float64{3.428571428571}},
		// ∫_a^b e^{kx} dx = (e^{kb} - e^{ka})/k.
		{"quad", "f(x, k) = exp(k*x)\nQ(p) = quad(f, p[0], p[1], args=[p[2]]).value\njacobian(Q)([0.5, 1, 2])",
			[]float64{-math.Exp(1), math.Exp(2), (math.Exp(2)*(2-1) - math.Exp(1)*(1-1)) / 4}},
	} {
		closeTo(t, c.name, numbers(t, c.src), c.want, 1e-7)
	}
}

// TestSensitivityBuiltin checks sensitivity's matrices and its first-order
// propagation of a covariance, for y = y0·exp(-k t).
func TestSensitivityBuiltin(t *testing.T) {
	prog := "decay(y, t, k) = -k*y\nr = sensitivity(p -> odeint(decay, p[0], [0, 1, 2], args=[p[1]], rtol=1e-11, atol=1e-13).T[0], [2, 0.5], cov=[[0.01, 0], [0, 0.0004]])\n"
	var wantS, wantStd []float64
	for _, tt := range []float64{0, 1, 2} {
		e := math.Exp(-0.5 * tt)
		dy0, dk := e, -2*tt*e
		wantS = append(wantS, dy0, dk)
		wantStd = append(wantStd, math.Sqrt(0.01*dy0*dy0+0.0004*dk*dk))
	}
	closeTo(t, "S", numbers(t, prog+"r.S"), wantS, 1e-8)
	closeTo(t, "std", numbers(t, prog+"r.std"), wantStd, 1e-8)
}

// TestSolverDerivativeErrors checks that what cannot be differentiated
// exactly is an error, never a zero.
func TestSolverDerivativeErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"f(x, c) = (x[0] - c)**2 + x[1]**2\nm(c) = minimize(f, [0, 0], args=[c], bounds=[[0, 1], [nil, nil]]).x[0]\ngrad(m)(2)",
			"minimize cannot be differentiated with bounds"},
		{"m(c) = fsolve(x -> x**2 - c, 1)\ngrad(m)(2)", "cannot differentiate m(c)"}, // a parameter captured, not in args
		{"decay(t, y) = -y\nf(T) = solve_ivp(decay, [0, 1], [T]).y[0][-1]\ngrad(f)(1)", "solve_ivp needs t_eval to be differentiated"},
		{"decay(t, y) = -y\nf(T) = solve_ivp(decay, [0, T], [1], t_eval=[1]).y[0][-1]\ngrad(f)(2)", "solve_ivp cannot be differentiated by t_span"},
	} {
		s := builtins.NewSession()
		s.Out = &strings.Builder{}
		_, err := s.Eval(c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.src, err, c.want)
		}
	}
}
