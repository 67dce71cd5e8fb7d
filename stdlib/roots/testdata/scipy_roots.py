#!/usr/bin/python3
"""Reference outputs of scipy.optimize's root finders for calc/stdlib/roots.

Run with Debian's scipy 1.10.1 (``/usr/bin/python3 scipy_roots.py`` from
this directory); it writes scipy_roots.json beside itself. The Go tests
read that file and never run Python. Every problem here has a twin, under
the same name, in the Go test catalogue (catalogue_test.go).
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import optimize

warnings.simplefilter("ignore")


def _pow(x, n):
    """x**n by repeated multiplication, so that Go can repeat the arithmetic
    exactly (Python's ** calls the C library's pow)."""
    p = 1.0
    for _ in range(n):
        p *= x
    return p


class Counted:
    """Wraps a function and counts its calls."""

    def __init__(self, f):
        self.f, self.calls = f, 0

    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)


# Scalar equations: name -> (f, f', f'', bracket, newton start).
SCALAR = {
    "cubic": (lambda x: x*x*x - 2*x - 5, lambda x: 3*x*x - 2,
              lambda x: 6*x, (2.0, 3.0), 2.0),
    "cos": (lambda x: math.cos(x) - x, lambda x: -math.sin(x) - 1,
            lambda x: -math.cos(x), (0.0, 1.0), 1.0),
    "exp": (lambda x: math.exp(x) - 2, lambda x: math.exp(x),
            lambda x: math.exp(x), (0.0, 2.0), 0.0),
    "square": (lambda x: x*x - 4, lambda x: 2*x, lambda x: 2.0,
               (1.0, 5.0), 1.0),
    "triple": (lambda x: (x - 1)*(x - 1)*(x - 1), lambda x: 3*(x - 1)*(x - 1),
               lambda x: 6*(x - 1), (0.0, 3.0), 3.0),
    "pow10": (lambda x: _pow(x, 10) - 1, lambda x: 10*_pow(x, 9),
              lambda x: 90*_pow(x, 8),
              (0.0, 1.3), 1.3),
    "endpoint": (lambda x: x*(x - 2), lambda x: 2*x - 2, lambda x: 2.0,
                 (0.0, 1.0), 0.0),
}


def scalar_cases():
    out = []
    brackets = [("bisect", optimize.bisect), ("ridder", optimize.ridder),
                ("brentq", optimize.brentq), ("brenth", optimize.brenth)]
    for name, (f, _, _, (a, b), _) in SCALAR.items():
        for method, fn in brackets:
            for maxiter in (100, 3):
                root, r = fn(f, a, b, full_output=True, disp=False,
                             maxiter=maxiter)
                out.append(dict(problem=name, method=method, a=a, b=b,
                                maxiter=maxiter, root=root,
                                iterations=r.iterations,
                                function_calls=r.function_calls,
                                converged=r.converged, flag=r.flag))
        for k in (1, 2):
            root, r = optimize.toms748(f, a, b, k=k, full_output=True,
                                       disp=False)
            out.append(dict(problem=name, method="toms748", k=k, a=a, b=b,
                            maxiter=100, root=root, iterations=r.iterations,
                            function_calls=r.function_calls,
                            converged=r.converged, flag=r.flag))
    return out


def newton_cases():
    out = []
    for name, (f, df, d2f, _, x0) in SCALAR.items():
        for method, kw in [("newton", dict(fprime=df)),
                           ("secant", dict()),
                           ("halley", dict(fprime=df, fprime2=d2f))]:
            try:
                root, r = optimize.newton(f, x0, full_output=True, disp=False,
                                          **kw)
            except (ZeroDivisionError, OverflowError) as e:
                continue
            out.append(dict(problem=name, method=method, x0=x0, root=root,
                            iterations=r.iterations,
                            function_calls=r.function_calls,
                            converged=r.converged, flag=r.flag))
    # A zero derivative at the start, and no real root at all.
    for name, f, df, x0 in [("flat", lambda x: x*x - 4, lambda x: 2*x, 0.0),
                            ("noroot", lambda x: x*x + 1, lambda x: 2*x, 0.5)]:
        root, r = optimize.newton(f, x0, fprime=df, full_output=True,
                                  disp=False)
        out.append(dict(problem=name, method="newton", x0=x0, root=root,
                        iterations=r.iterations,
                        function_calls=r.function_calls,
                        converged=r.converged, flag=r.flag))
    root, r = optimize.newton(SCALAR["cubic"][0], 2.0, x1=3.0,
                              full_output=True, disp=False)
    out.append(dict(problem="cubic", method="secant", x0=2.0, x1=3.0,
                    root=root, iterations=r.iterations,
                    function_calls=r.function_calls, converged=r.converged,
                    flag=r.flag))
    return out


FIXED = {
    "sqrt": (lambda x: math.sqrt(10 / (x + 3)), 1.2),
    "cos": (lambda x: math.cos(x), 1.0),
    "shift": (lambda x: x + 1, 0.0),  # no fixed point
}


def fixed_point_cases():
    out = []
    for name, (g, x0) in FIXED.items():
        for method in ("del2", "iteration"):
            c = Counted(g)
            try:
                p = float(optimize.fixed_point(c, x0, method=method))
                ok, msg = True, ""
            except RuntimeError as e:
                p, ok, msg = float("nan"), False, str(e)
            out.append(dict(problem=name, method=method, x0=x0,
                            root=None if math.isnan(p) else p,
                            function_calls=c.calls, converged=ok,
                            message=msg))
    return out


# Systems: name -> (F, J, x0, published solution or None).
def _powell_singular(x):
    return [x[0] + 10*x[1], math.sqrt(5)*(x[2] - x[3]),
            (x[1] - 2*x[2])*(x[1] - 2*x[2]),
            math.sqrt(10)*(x[0] - x[3])*(x[0] - x[3])]


def _powell_singular_jac(x):
    s5, s10 = math.sqrt(5), math.sqrt(10)
    return [[1, 10, 0, 0], [0, 0, s5, -s5],
            [0, 2*(x[1] - 2*x[2]), -4*(x[1] - 2*x[2]), 0],
            [2*s10*(x[0] - x[3]), 0, 0, -2*s10*(x[0] - x[3])]]


def _broyden_tridiagonal(x):
    n = len(x)
    f = []
    for i in range(n):
        xm = x[i - 1] if i > 0 else 0.0
        xp = x[i + 1] if i < n - 1 else 0.0
        f.append((3 - 2*x[i])*x[i] - xm - 2*xp + 1)
    return f


def _broyden_tridiagonal_jac(x):
    n = len(x)
    J = [[0.0]*n for _ in range(n)]
    for i in range(n):
        J[i][i] = 3 - 4*x[i]
        if i > 0:
            J[i][i - 1] = -1.0
        if i < n - 1:
            J[i][i + 1] = -2.0
    return J


SYSTEMS = {
    # scipy's fsolve example.
    "cubic2": (lambda x: [x[0] + 0.5*_pow(x[0] - x[1], 3) - 1,
                          0.5*_pow(x[1] - x[0], 3) + x[1]],
               lambda x: [[1 + 1.5*(x[0] - x[1])*(x[0] - x[1]),
                           -1.5*(x[0] - x[1])*(x[0] - x[1])],
                          [-1.5*(x[0] - x[1])*(x[0] - x[1]),
                           1 + 1.5*(x[0] - x[1])*(x[0] - x[1])]],
               [0.0, 0.0]),
    # scipy's fsolve doc example.
    "trig2": (lambda x: [x[0]*math.cos(x[1]) - 4, x[1]*x[0] - x[1] - 5],
              lambda x: [[math.cos(x[1]), -x[0]*math.sin(x[1])],
                         [x[1], x[0] - 1]],
              [1.0, 1.0]),
    # Burden & Faires, Numerical Analysis, §10.1 example 2; root (0.5, 0, -pi/6).
    "burden3": (lambda x: [3*x[0] - math.cos(x[1]*x[2]) - 0.5,
                           x[0]*x[0] - 81*(x[1] + 0.1)*(x[1] + 0.1) + math.sin(x[2]) + 1.06,
                           math.exp(-x[0]*x[1]) + 20*x[2] + (10*math.pi - 3)/3],
                lambda x: [[3, x[2]*math.sin(x[1]*x[2]), x[1]*math.sin(x[1]*x[2])],
                           [2*x[0], -162*(x[1] + 0.1), math.cos(x[2])],
                           [-x[1]*math.exp(-x[0]*x[1]), -x[0]*math.exp(-x[0]*x[1]), 20]],
                [0.1, 0.1, -0.1]),
    # Moré, Garbow, Hillstrom 1981, problem 1 (Rosenbrock) as a system.
    "rosenbrock": (lambda x: [10*(x[1] - x[0]*x[0]), 1 - x[0]],
                   lambda x: [[-20*x[0], 10], [-1, 0]],
                   [-1.2, 1.0]),
    # MGH 1981 problem 3, Powell badly scaled.
    "powell_badly_scaled": (lambda x: [1e4*x[0]*x[1] - 1,
                                       math.exp(-x[0]) + math.exp(-x[1]) - 1.0001],
                            lambda x: [[1e4*x[1], 1e4*x[0]],
                                       [-math.exp(-x[0]), -math.exp(-x[1])]],
                            [0.0, 1.0]),
    # MGH 1981 problem 13, Powell singular: the Jacobian is singular at the root 0.
    "powell_singular": (_powell_singular, _powell_singular_jac,
                        [3.0, -1.0, 0.0, 1.0]),
    # MGH 1981 problem 30, Broyden tridiagonal, n = 5.
    "broyden_tridiagonal": (_broyden_tridiagonal, _broyden_tridiagonal_jac,
                            [-1.0]*5),
    # No real solution: x0^2 + 1 = 0 has none.
    "noroot2": (lambda x: [x[0]*x[0] + 1, x[1] - 1],
                lambda x: [[2*x[0], 0], [0, 1]],
                [1.0, 0.0]),
}


def fsolve_cases():
    out = []
    for name, (F, J, x0) in SYSTEMS.items():
        for usejac in (False, True):
            for maxfev in (0, 5):
                x, info, ier, msg = optimize.fsolve(
                    F, x0, fprime=J if usejac else None, full_output=True,
                    maxfev=maxfev)
                out.append(dict(problem=name, jac=usejac, maxfev=maxfev,
                                x=list(x), ier=int(ier), message=msg,
                                nfev=int(info["nfev"]),
                                njev=int(info.get("njev", 0)),
                                fvec=list(info["fvec"]),
                                fjac=[list(r) for r in info["fjac"]],
                                r=list(info["r"]), qtf=list(info["qtf"])))
    return out


def lm_cases():
    out = []
    for name, (F, J, x0) in SYSTEMS.items():
        for usejac in (False, True):
            sol = optimize.root(F, x0, jac=J if usejac else None, method="lm")
            out.append(dict(problem=name, jac=usejac, x=list(sol.x),
                            status=int(sol.status), success=bool(sol.success),
                            message=sol.message, nfev=int(sol.nfev),
                            njev=int(sol.get("njev", 0)),
                            fvec=list(sol.fun), qtf=list(sol.qtf),
                            ipvt=[int(i) for i in sol.ipvt]))
    return out


def _diag_cubic(x):
    # scipy's test_nonlin F: -d*x - c*(x.x)*x.
    d = np.array([3, 2, 1.5, 1, 0.5])
    x = np.asarray(x, dtype=float)
    return -d*x - 0.01*float(x @ x)*x


def _linear3(x):
    A = np.array([[-2, 1, 0.], [1, -2, 1], [0, 1, -2]])
    return A @ np.asarray(x, dtype=float) - np.array([1, 2, 3.])


NONLIN = {
    "diag_cubic": (_diag_cubic, [1.0]*5),
    "linear3": (_linear3, [1.0, 2.0, 3.0]),
    "cubic2": (lambda x: np.array(SYSTEMS["cubic2"][0](x)), [0.0, 0.0]),
    "powell4": (lambda x: np.array([1e4*x[0]*x[1] - 1,
                                    np.exp(-x[0]) + np.exp(-x[1]) - (1 + 1e-4)]),
                [-1.0, -2.0]),
}

NONLIN_METHODS = [
    ("broyden1", {}), ("broyden2", {}), ("anderson", {}),
    ("linearmixing", {}), ("excitingmixing", {}), ("diagbroyden", {}),
    ("krylov", {}), ("krylov_gmres", {"jac_options": {"method": "gmres"}}),
]


def nonlin_cases():
    out = []
    for name, (F, x0) in NONLIN.items():
        for method, options in NONLIN_METHODS:
            for maxiter in (None, 5):
                c = Counted(F)
                opts = dict(options)
                if maxiter is not None:
                    opts["maxiter"] = maxiter
                try:
                    sol = optimize.root(c, x0, method=method.split("_")[0],
                                        options=opts)
                except (ValueError, np.linalg.LinAlgError) as e:
                    out.append(dict(problem=name, method=method,
                                    maxiter=maxiter or 0, error=str(e),
                                    nfev=c.calls))
                    continue
                x = np.asarray(sol.x, dtype=float)
                if not np.all(np.isfinite(x)):
                    continue
                out.append(dict(problem=name, method=method,
                                maxiter=maxiter or 0, x=list(x),
                                nit=int(sol.nit), status=int(sol.status),
                                success=bool(sol.success),
                                message=sol.message, nfev=c.calls,
                                fun=list(np.asarray(sol.fun, dtype=float))))
    return out


def main():
    data = dict(scipy=scipy.__version__, numpy=np.__version__,
                scalar=scalar_cases(), newton=newton_cases(),
                fixed_point=fixed_point_cases(), fsolve=fsolve_cases(),
                lm=lm_cases(), nonlin=nonlin_cases())
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "scipy_roots.json")
    with open(path, "w") as fh:
        json.dump(data, fh, indent=1, allow_nan=False)
        fh.write("\n")


if __name__ == "__main__":
    main()
