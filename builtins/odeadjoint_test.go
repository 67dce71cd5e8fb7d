package builtins_test

import (
	"math"
	"testing"
)

// fdGrad is central differences of a scalar function, in calc.
const fdGrad = "fdg(f, p, h) = map(e -> (f(p + h*e) - f(p - h*e))/(2*h), eye(len(p)))\n"

// TestODEAdjointClosedForms takes gradients by the adjoint method against
// closed forms: decay by its rate for odeint and every solve_ivp method,
// and by the initial state and the times.
func TestODEAdjointClosedForms(t *testing.T) {
	// L(k) = Σ_{t=0,1,2} y(t)² = 1 + e^{-2k} + e^{-4k}.
	want := []float64{-2*math.Exp(-1) - 4*math.Exp(-2)}
	src := "decay(y, t, k) = -k*y\nL(k) = sum(odeint(decay, [1], [0, 1, 2], args=[k], adjoint=true, rtol=1e-11, atol=1e-13)**2)\ngrad(L)(0.5)"
	closeTo(t, "odeint", numbers(t, src), want, 1e-9)
	for _, method := range []string{"RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"} {
		src := "decay(t, y, k) = -k*y\nL(k) = sum(solve_ivp(decay, [0, 2], [1], args=[k], t_eval=[0, 1, 2], rtol=1e-10, atol=1e-12, adjoint=true, method=\"" +
			method + "\").y**2)\ngrad(L)(0.5)"
		closeTo(t, "solve_ivp "+method, numbers(t, src), want, 1e-6)
	}
	// The harmonic oscillator from x0, v0 at t0, L = x(t1)²: as in
	// TestODESensitivityTimes, ∂x/∂t1 = -∂x/∂t0 = -x0·w·sin w(t1-t0) + v0·cos w(t1-t0).
	const x0, v0, w, t0, t1 = 1.0, 0.5, 2.0, 0.2, 3.0
	s, c := math.Sin(w*(t1-t0)), math.Cos(w*(t1-t0))
	x, dx := x0*c+v0/w*s, -x0*w*s+v0*c
	osc := "osc(y, t, w) = [y[1], -w**2*y[0]]\n"
	src = osc + "L(ts) = odeint(osc, [1, 0.5], ts, args=[2], rtol=1e-11, atol=1e-12, adjoint=true)[-1][0]**2\ngrad(L)([0.2, 3])"
	closeTo(t, "times", numbers(t, src), []float64{-2 * x * dx, 2 * x * dx}, 1e-8)
	src = osc + "L(y0) = odeint(osc, y0, [0.2, 1, 3], args=[2], rtol=1e-11, atol=1e-12, adjoint=true)[-1][0]**2\ngrad(L)([1, 0.5])"
	closeTo(t, "initial state", numbers(t, src), []float64{2 * x * c, 2 * x * s / w}, 1e-8)
	// A Jacobian by the adjoint method, one backward solve per row: x(T)
	// and v(T) by x0, v0, w from t = 0.
	const T = 3.0
	s, c = math.Sin(w*T), math.Cos(w*T)
	want = []float64{c, s / w, -x0*T*s + v0*(T*c/w-s/(w*w)), -w * s, c, -x0*s - x0*w*T*c - v0*T*s}
	src = osc + "x(p) = odeint(osc, [p[0], p[1]], [0, 3], args=[p[2]], rtol=1e-11, atol=1e-12, adjoint=true)[-1]\njacobian(x)([1, 0.5, 2])"
	closeTo(t, "Jacobian", numbers(t, src), want, 1e-8)
}

// TestODEAdjointLinear takes the gradient of a sum of squared residuals
// of y' = A(p)·y, with the 16 numbers of A and the 4 of y0 as parameters
// (so the adjoint method by default), against central differences of its
// closed form expm(A·t)·y0.
func TestODEAdjointLinear(t *testing.T) {
	prog := fdGrad +
		"lin(y, t, a) = dot(reshape(a, 4, 4), y)\n" +
		"ts = [0, 0.5, 1, 2]\n" +
		"data = [[1, 0, 0.5, 0.2], [0.8, 0.3, 0.4, 0.1], [0.5, 0.4, 0.3, 0.2], [0.3, 0.3, 0.2, 0.2]]\n" +
		"exact(p) = sum((stack(map(t -> dot(expm(reshape(p[:16], 4, 4)*t), p[16:]), ts)) - data)**2)\n" +
		"L(p) = sum((odeint(lin, p[16:], ts, args=[p[:16]], rtol=1e-12, atol=1e-13) - data)**2)\n" +
		"p = [-1, 0.2, 0.1, 0, 0.3, -0.8, 0.1, 0.2, 0, 0.4, -0.5, 0.1, 0.1, 0, 0.2, -0.3, 1, 0.1, 0.4, 0.3]\n"
	want := numbers(t, prog+"fdg(exact, p, 1e-6)")
	closeTo(t, "expm", numbers(t, prog+"grad(L)(p)"), want, 1e-7)
}

// TestODEAdjointForward compares the adjoint method with forward
// sensitivities on a chain of 12 decays y_i' = k_{i-1}·y_{i-1} - k_i·y_i,
// and with central differences of the whole solve on Lotka–Volterra and
// on the stiff Robertson problem with its rate constants as parameters
// (BDF, LSODA, Radau).
func TestODEAdjointForward(t *testing.T) {
	chain := "chain(y, t, k) = concat([-k[0]*y[0]], k[:-1]*y[:-1] - k[1:]*y[1:])\n" +
		"k = 0.3 + 0.1*range(12)\n" +
		"L(k, adjoint) = sum((odeint(chain, concat([1], zeros(11)), linspace(0, 10, 11), args=[k], rtol=1e-11, atol=1e-13, adjoint=adjoint) - 0.05)**2)\n"
	closeTo(t, "decay chain", numbers(t, chain+"grad(k -> L(k, true))(k)"), numbers(t, chain+"grad(k -> L(k, false))(k)"), 1e-8)

	lv := fdGrad + "lv(z, t, a, b, c, d) = [a*z[0] - b*z[0]*z[1], -c*z[1] + d*z[0]*z[1]]\n" +
		"L(p) = sum((odeint(lv, [p[4], p[5]], linspace(0, 10, 6), args=(p[0], p[1], p[2], p[3]), rtol=1e-12, atol=1e-12, adjoint=true) - 5)**2)\n" +
		"p = [1.1, 0.1, 1.4, 0.08, 10, 5]\n"
	closeTo(t, "Lotka–Volterra", numbers(t, lv+"grad(L)(p)"), numbers(t, lv+"fdg(L, p, 1e-6)"), 1e-6)
	// Some args numbers, some symbols, and the initial state partly symbolic.
	mixed := "L(p, adjoint) = sum((odeint(lv, [10, p[2]], linspace(0, 5, 6), args=(p[0], 0.1, p[1], 0.075), rtol=1e-12, atol=1e-12, adjoint=adjoint) - 4)**2)\n"
	closeTo(t, "mixed", numbers(t, lv+mixed+"grad(p -> L(p, true))([1.1, 1.4, 5])"), numbers(t, lv+mixed+"grad(p -> L(p, false))([1.1, 1.4, 5])"), 1e-9)

	for _, method := range []string{"LSODA", "BDF", "Radau"} {
		rob := fdGrad + "rob(t, y, k) = [-k[0]*y[0] + k[2]*y[1]*y[2], k[0]*y[0] - k[1]*y[1]**2 - k[2]*y[1]*y[2], k[1]*y[1]**2]\n" +
			"L(q) = sum(solve_ivp(rob, [0, 40], [1, 0, 0], args=[exp(q)], t_eval=[0.4, 4, 40], method=\"" + method +
			"\", rtol=1e-10, atol=1e-14, adjoint=true).y * [[1], [1e4], [1]])\n" +
			"q = log([0.04, 3e7, 1e4])\n"
		closeTo(t, "Robertson "+method, numbers(t, rob+"grad(L)(q)"), numbers(t, rob+"fdg(L, q, 1e-5)"), 1e-5)
	}
}
