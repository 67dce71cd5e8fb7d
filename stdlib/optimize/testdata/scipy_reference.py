#!/usr/bin/python3
"""Writes scipy_reference.json: what scipy 1.10's minimizers report on the
problems that calc/stdlib/optimize's tests compare against.

Run with Debian's scipy 1.10.1 (/usr/bin/python3), from this folder:

    /usr/bin/python3 scipy_reference.py

The objectives below repeat, operation for operation, the Go code they are
compared with (reference_test.go and the functions package), so that both
sides evaluate the same floating-point numbers: sums run in index order,
f(x) = sum of r_i**2 and grad = 2 J^T r accumulated residual by residual.
"""
import json
import math
import warnings

import numpy as np
import scipy
from scipy import optimize

warnings.simplefilter("ignore")


def seed(x):
    return x[0] * x[0] - 4 * x[0] + 8


def seed_grad(x):
    return np.array([2 * x[0] - 4])


def rosen(x):
    """scipy's chained Rosenbrock function, summed in index order."""
    s = 0.0
    for i in range(len(x) - 1):
        a = x[i + 1] - x[i] * x[i]
        b = 1 - x[i]
        s += 100 * a * a + b * b
    return s


def rosen_grad(x):
    g = np.zeros(len(x))
    for i in range(len(x) - 1):
        a = x[i + 1] - x[i] * x[i]
        g[i] += -400 * x[i] * a - 2 * (1 - x[i])
        g[i + 1] += 200 * a
    return g


def rosen_hessp(x, p):
    hp = np.zeros(len(x))
    for i in range(len(x) - 1):
        hp[i] += (1200 * x[i] * x[i] - 400 * x[i + 1] + 2) * p[i] - 400 * x[i] * p[i + 1]
        hp[i + 1] += -400 * x[i] * p[i] + 200 * p[i + 1]
    return hp


# Moré–Garbow–Hillstrom problems as the functions package writes them:
# (residuals, jacobian, n, m, x0).
def mgh_rosenbrock():
    def r(x):
        return [10 * (x[1] - x[0] * x[0]), 1 - x[0]]

    def j(x):
        return [-20 * x[0], 10, -1, 0]
    return r, j, 2, 2, [-1.2, 1.0]


def mgh_freudenstein_roth():
    def r(x):
        return [-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1],
                -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]]

    def j(x):
        return [1, x[1] * (10 - 3 * x[1]) - 2, 1, x[1] * (3 * x[1] + 2) - 14]
    return r, j, 2, 2, [0.5, -2.0]


def mgh_beale():
    y = [1.5, 2.25, 2.625]

    def r(x):
        out, t = [], x[1]
        for i in range(3):
            out.append(y[i] - x[0] * (1 - t))
            t *= x[1]
        return out

    def j(x):
        out, t, dt = [], x[1], 1.0
        for i in range(3):
            out += [-(1 - t), x[0] * float(i + 1) * dt]
            dt = t
            t *= x[1]
        return out
    return r, j, 2, 3, [1.0, 1.0]


def mgh_brown_badly_scaled():
    def r(x):
        return [x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2]

    def j(x):
        return [1, 0, 0, 1, x[1], x[0]]
    return r, j, 2, 3, [1.0, 1.0]


def mgh_powell_singular():
    s5, s10 = math.sqrt(5), math.sqrt(10)

    def r(x):
        a, b = x[1] - 2 * x[2], x[0] - x[3]
        return [x[0] + 10 * x[1], s5 * (x[2] - x[3]), a * a, s10 * b * b]

    def j(x):
        a, b = x[1] - 2 * x[2], x[0] - x[3]
        return [1, 10, 0, 0,
                0, 0, s5, -s5,
                0, 2 * a, -4 * a, 0,
                2 * s10 * b, 0, 0, -2 * s10 * b]
    return r, j, 4, 4, [3.0, -1.0, 0.0, 1.0]


def mgh_wood():
    s90, s10 = math.sqrt(90), math.sqrt(10)

    def r(x):
        return [10 * (x[1] - x[0] * x[0]), 1 - x[0], s90 * (x[3] - x[2] * x[2]),
                1 - x[2], s10 * (x[1] + x[3] - 2), (x[1] - x[3]) / s10]

    def j(x):
        return [-20 * x[0], 10, 0, 0,
                -1, 0, 0, 0,
                0, 0, -2 * s90 * x[2], s90,
                0, 0, -1, 0,
                0, s10, 0, s10,
                0, 1 / s10, 0, -1 / s10]
    return r, j, 4, 6, [-3.0, -1.0, -3.0, -1.0]


def mgh_helical_valley():
    def theta(x):
        t = math.atan(x[1] / x[0]) / (2 * math.pi)
        return t + 0.5 if x[0] < 0 else t

    def r(x):
        return [10 * (x[2] - 10 * theta(x)), 10 * (math.hypot(x[0], x[1]) - 1), x[2]]

    def j(x):
        rho2 = x[0] * x[0] + x[1] * x[1]
        rho = math.sqrt(rho2)
        c = 100 / (2 * math.pi * rho2)
        return [c * x[1], -c * x[0], 10, 10 * x[0] / rho, 10 * x[1] / rho, 0, 0, 0, 1]
    return r, j, 3, 3, [-1.0, 0.0, 0.0]


MGH = {
    "Rosenbrock": mgh_rosenbrock,
    "Freudenstein-Roth": mgh_freudenstein_roth,
    "Beale": mgh_beale,
    "Brown badly scaled": mgh_brown_badly_scaled,
    "Powell singular": mgh_powell_singular,
    "Wood": mgh_wood,
    "Helical valley": mgh_helical_valley,
}


def sum_of_squares(res, jac, n):
    def f(x):
        s = 0.0
        for v in res(x):
            s += v * v
        return s

    def g(x):
        r, jm = res(x), jac(x)
        out = np.zeros(n)
        for i, ri in enumerate(r):
            for k in range(n):
                out[k] += 2 * ri * jm[i * n + k]
        return out
    return f, g


def floats(v):
    return [float(t) for t in np.atleast_1d(v)]


def record(problem, method, res, grad=False, hessp=False):
    out = {"problem": problem, "method": method, "grad": grad, "hessp": hessp,
           "x": floats(res.x), "fun": float(res.fun), "nit": int(res.nit),
           "nfev": int(res.nfev), "success": bool(res.success),
           "message": str(res.message)}
    for key in ("njev", "nhev"):
        if key in res:
            out[key] = int(res[key])
    return out


def multivariate():
    problems = [("seed", seed, seed_grad, None, [1.3])]
    for name, make in MGH.items():
        r, j, n, m, x0 = make()
        f, g = sum_of_squares(r, j, n)
        problems.append((name, f, g, None, x0))
    x100 = [-1.2 if i % 2 == 0 else 1.0 for i in range(100)]
    problems.append(("Rosenbrock chained n=2", rosen, rosen_grad, rosen_hessp, [-1.2, 1.0]))
    problems.append(("Rosenbrock chained n=100", rosen, rosen_grad, rosen_hessp, x100))
    out = []
    for name, f, g, hp, x0 in problems:
        x0 = np.array(x0)
        big = len(x0) > 10
        if not big:
            for method in ("Nelder-Mead", "Powell"):
                out.append(record(name, method, optimize.minimize(f, x0, method=method)))
        for method in ("BFGS", "CG"):
            if not big:
                out.append(record(name, method, optimize.minimize(f, x0, method=method)))
            out.append(record(name, method, optimize.minimize(f, x0, jac=g, method=method), grad=True))
        out.append(record(name, "Newton-CG", optimize.minimize(f, x0, jac=g, method="Newton-CG"), grad=True))
        if hp is not None:
            out.append(record(name, "Newton-CG",
                              optimize.minimize(f, x0, jac=g, hessp=hp, method="Newton-CG"),
                              grad=True, hessp=True))
    return out


SCALAR = {
    "seed": lambda x: x * x - 4 * x + 8,
    "cubic": lambda x: (x - 1.5) * (x - 1.5) * (x + 2),
    "quartic": lambda x: ((x - 3) * x * x + 0.5) * x,
}


def scalar():
    out = []
    for name, f in SCALAR.items():
        for method, kw in (("brent", {}), ("golden", {}),
                           ("brent", {"bracket": (-1, 0.5)}),
                           ("golden", {"bracket": (-3, 0, 4)}),
                           ("bounded", {"bounds": (-1, 3)})):
            if "bracket" in kw and not (len(kw["bracket"]) == 2 or f(0) < min(f(-3), f(4))):
                continue
            res = optimize.minimize_scalar(f, method=method, **kw)
            rec = {"problem": name, "method": method, "x": float(res.x), "fun": float(res.fun),
                   "nit": int(res.nit), "nfev": int(res.nfev), "success": bool(res.success),
                   "message": str(res.message)}
            rec.update({k: list(v) for k, v in kw.items()})
            out.append(rec)
        xa, xb, xc, fa, fb, fc, n = optimize.bracket(f, 0, 1)
        out.append({"problem": name, "method": "bracket", "bracket": [0, 1],
                    "x": [float(xa), float(xb), float(xc)],
                    "f": [float(fa), float(fb), float(fc)], "nfev": int(n)})
    return out


def line_searches():
    out = []
    f, g = sum_of_squares(*mgh_rosenbrock()[:2], 2)
    for name, x, d, prev in (("Rosenbrock", [-1.2, 1.0], None, None),
                             ("Rosenbrock", [-1.2, 1.0], None, 30.0),
                             ("Rosenbrock", [0.5, 0.5], [1.0, 0.0], None)):
        x = np.array(x)
        d = -g(x) if d is None else np.array(d)
        alpha, fc, gc, fnew, fold, gnew = optimize.line_search(f, g, x, d, old_old_fval=prev)
        rec = {"problem": name, "x": floats(x), "d": floats(d), "prev": prev,
               "alpha": alpha, "fc": fc, "gc": gc, "f": fnew, "f0": float(fold)}
        if gnew is not None:
            rec["slope"] = float(np.dot(gnew, d))
        out.append(rec)
    return out


def main():
    ref = {"scipy": scipy.__version__, "numpy": np.__version__,
           "multivariate": multivariate(), "scalar": scalar(), "linesearch": line_searches()}
    with open("scipy_reference.json", "w") as fh:
        json.dump(ref, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
