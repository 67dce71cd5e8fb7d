"""Reference values for TestSolverVariablesByName (builtins/solvervars_test.go).

Each line: a calc expression given to a solver, a tab, and what scipy gives
for the lambda a scipy user would write (the solver's variable by name,
args for the others), flattened.
Run: /usr/bin/python3 builtins/testdata/solver_vars.py > builtins/testdata/solver_vars.txt
"""
import numpy as np
from scipy import integrate, optimize



def central(f, c, h=1e-5):
    """The derivative of f at c by central differences."""
    return (f(c + h) - f(c - h)) / (2 * h)


cases = [
    ("brentq(cos(x) - a*x, 0, 2, args=[1])", optimize.brentq(lambda x, a: np.cos(x) - a * x, 0, 2, args=(1,))),
    ("brentq(x**2 - c, 0, 5, args=[2])", optimize.brentq(lambda x, c: x**2 - c, 0, 5, args=(2,))),
    ("brenth(x**2 - c, 0, 5, args=[2])", optimize.brenth(lambda x, c: x**2 - c, 0, 5, args=(2,))),
    ("ridder(x**2 - c, 0, 5, args=[2])", optimize.ridder(lambda x, c: x**2 - c, 0, 5, args=(2,))),
    ("bisect(x**2 - c, 0, 5, args=[2])", optimize.bisect(lambda x, c: x**2 - c, 0, 5, args=(2,))),
    ("toms748(x**2 - c, 0, 5, args=[2])", optimize.toms748(lambda x, c: x**2 - c, 0, 5, args=(2,))),
    ("newton(x**2 - c, 1, args=[2])", optimize.newton(lambda x, c: x**2 - c, 1, args=(2,))),
    ("root_scalar(x**2 - c, bracket=[0, 5], args=[2]).root",
     optimize.root_scalar(lambda x, c: x**2 - c, bracket=[0, 5], args=(2,)).root),
    ("fsolve(x**2 - c, 1, args=[2])", optimize.fsolve(lambda x, c: x**2 - c, 1, args=(2,))),
    ("minimize((x - c)**2 + x, 0, args=[5]).x", optimize.minimize(lambda x, c: (x[0] - c)**2 + x[0], [0], args=(5,)).x),
    ("minimize_scalar((x - c)**2 + x, args=[5]).x", optimize.minimize_scalar(lambda x, c: (x - c)**2 + x, args=(5,)).x),
    ("fmin((x - c)**2 + x, 0, args=[5], disp=false)", optimize.fmin(lambda x, c: (x[0] - c)**2 + x[0], [0], args=(5,), disp=False)),
    ("root((x - c)**3 + x, 0, args=[5]).x", optimize.root(lambda x, c: (x - c)**3 + x, [0], args=(5,)).x),
    ("quad(x**n, 0, 1, args=[3]).value", integrate.quad(lambda x, n: x**n, 0, 1, args=(3,))[0]),
    ("quad(exp(-x**2/s), -inf, inf, args=[2]).value", integrate.quad(lambda x, s: np.exp(-x**2 / s), -np.inf, np.inf, args=(2,))[0]),
    ("fixed_point(a*cos(x), 0.5, args=[1])", optimize.fixed_point(lambda x, a: a * np.cos(x), 0.5, args=(1,))),
    ("odeint(cos(t) - y, 0, [0, 1])", integrate.odeint(lambda y, t: np.cos(t) - y, 0, [0, 1])),
    ("odeint(t - y, 1, [0, 1])", integrate.odeint(lambda y, t: t - y, 1, [0, 1])),
    ("odeint(t - y, 1, [0, 1], tfirst=true)", integrate.odeint(lambda t, y: t - y, 1, [0, 1], tfirst=True)),
    ("odeint(-k*y, 1, [0, 1], args=[2])", integrate.odeint(lambda y, t, k: -k * y, 1, [0, 1], args=(2,))),
    ("odeint(-y, 1, [0, 1])", integrate.odeint(lambda y, t: -y, 1, [0, 1])),
    ("odeint(cos(t), 0, [0, 1])", integrate.odeint(lambda y, t: np.cos(t), 0, [0, 1])),
    ("solve_ivp(a*y + t, [0, 1], [1], args=[2], t_eval=[1], rtol=1e-10, atol=1e-12).y",
     integrate.solve_ivp(lambda t, y, a: a * y + t, [0, 1], [1], args=(2,), t_eval=[1], rtol=1e-10, atol=1e-12).y),
    ("dblquad(x*y**2, 0, 2, 0, 1).value", integrate.dblquad(lambda y, x: x * y**2, 0, 2, 0, 1)[0]),
    ("dblquad(x**2 + y, 0, 1, 0, 3).value", integrate.dblquad(lambda y, x: x**2 + y, 0, 1, 0, 3)[0]),
    ("tplquad(x*y*z**2, 0, 1, 0, 2, 0, 3).value", integrate.tplquad(lambda z, y, x: x * y * z**2, 0, 1, 0, 2, 0, 3)[0]),
    # Differentiated by args: the implicit derivative and the derivative
    # under the integral sign bind as the solver does (scipy: central
    # differences of the solver's answer).
    ("g(c) = fsolve(x**2 - c, 1, args=[c])\ngrad(g)(2)",
     central(lambda c: optimize.fsolve(lambda x, c: x**2 - c, 1, args=(c,))[0], 2)),
    ("f(k) = quad(x**n, 0, 1, args=[k]).value\ngrad(f)(3)",
     central(lambda k: integrate.quad(lambda x, n: x**n, 0, 1, args=(k,), epsabs=1e-14)[0], 3)),
    ("fmin(x**2 - 4*x + 8, 1.3, disp=false)", optimize.fmin(lambda x: x**2 - 4 * x + 8, 1.3, disp=False)),
    ("brentq(x**3 - 2*x - 5, 2, 3)", optimize.brentq(lambda x: x**3 - 2 * x - 5, 2, 3)),
]
for src, want in cases:
    print(src.replace("\n", "; ") + "\t" + " ".join(repr(float(v)) for v in np.ravel(want)))
