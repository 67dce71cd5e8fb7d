#!/usr/bin/python3
"""Reference outputs of scipy's bounded and constrained minimizers.

Run with Debian's scipy (1.10.1) from the directory of this file:

    /usr/bin/python3 scipy_constrained.py > scipy_constrained.json

Each record is "METHOD/PROBLEM" -> x, fun, nit, nfev, njev, status,
message, success as scipy.optimize.minimize returns them (nnls: x and
rnorm). The problems are defined the same way in constrained_test.go;
the Hock-Schittkowski ones follow W. Hock and K. Schittkowski, Test
Examples for Nonlinear Programming Codes, Lecture Notes in Economics and
Mathematical Systems 187, Springer 1981.
"""

import json
import sys
import warnings

import numpy as np
import scipy
from scipy.optimize import minimize, nnls, rosen, rosen_der

warnings.simplefilter("ignore")
inf = np.inf


def sq(v):
    """v*v: Python's v ** 2 calls libm's pow, which can differ from the
    product in the last bit, and Go's problems square by multiplying."""
    return v * v


def seed(x):
    return x[0] * x[0] - 4 * x[0] + 8


def seed_grad(x):
    return np.array([2 * x[0] - 4])


def hs1(x):
    return 100 * sq(x[1] - x[0] * x[0]) + sq(1 - x[0])


def hs1_grad(x):
    return np.array([-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]),
                     200 * (x[1] - x[0] * x[0])])


def hs3(x):
    return x[1] + 1e-5 * sq(x[1] - x[0])


def hs4(x):
    return (x[0] + 1) * (x[0] + 1) * (x[0] + 1) / 3 + x[1]


def hs5(x):
    return np.sin(x[0] + x[1]) + sq(x[0] - x[1]) - 1.5 * x[0] + 2.5 * x[1] + 1


def hs38(x):
    return (100 * sq(x[1] - x[0] * x[0]) + sq(1 - x[0])
            + 90 * sq(x[3] - x[2] * x[2]) + sq(1 - x[2])
            + 10.1 * (sq(x[1] - 1) + sq(x[3] - 1))
            + 19.8 * (x[1] - 1) * (x[3] - 1))


def hs45(x):
    return 2 - x[0] * x[1] * x[2] * x[3] * x[4] / 120


def hs21(x):
    return 0.01 * x[0] * x[0] + x[1] * x[1] - 100


def hs35(x):
    return (9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0] * x[0] + 2 * x[1] * x[1]
            + x[2] * x[2] + 2 * x[0] * x[1] + 2 * x[0] * x[2])


def hs35_grad(x):
    return np.array([-8 + 4 * x[0] + 2 * x[1] + 2 * x[2],
                     -6 + 4 * x[1] + 2 * x[0],
                     -4 + 2 * x[2] + 2 * x[0]])


def hs71(x):
    return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]


def hs76(x):
    return (x[0] * x[0] + 0.5 * x[1] * x[1] + x[2] * x[2] + 0.5 * x[3] * x[3]
            - x[0] * x[2] + x[2] * x[3] - x[0] - 3 * x[1] + x[2] - x[3])


def tutorial(x):
    return sq(x[0] - 1) + sq(x[1] - 2.5)


def ineq(f):
    return {"type": "ineq", "fun": f}


def eq(f):
    return {"type": "eq", "fun": f}


def rosen100_x0():
    x = np.ones(100)
    x[::2] = -1.2
    return x


HS21_CONS = [ineq(lambda x: 10 * x[0] - x[1] - 10)]
HS35_CONS = [ineq(lambda x: 3 - x[0] - x[1] - 2 * x[2])]
HS71_INEQ = ineq(lambda x: x[0] * x[1] * x[2] * x[3] - 25)
HS71_EQ = eq(lambda x: x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40)
HS76_CONS = [ineq(lambda x: 5 - x[0] - 2 * x[1] - x[2] - x[3]),
             ineq(lambda x: 4 - 3 * x[0] - x[1] - 2 * x[2] + x[3]),
             ineq(lambda x: x[1] + 4 * x[2] - 1.5)]
TUTORIAL_CONS = [ineq(lambda x: x[0] - 2 * x[1] + 2),
                 ineq(lambda x: -x[0] - 2 * x[1] + 6),
                 ineq(lambda x: -x[0] + 2 * x[1] + 2)]


def box_as_ineq(bounds):
    """COBYLA in scipy 1.10 takes no bounds: state them as constraints."""
    cons = []
    for i, (lo, hi) in enumerate(bounds):
        if lo is not None and lo > -inf:
            cons.append(ineq(lambda x, i=i, lo=lo: x[i] - lo))
        if hi is not None and hi < inf:
            cons.append(ineq(lambda x, i=i, hi=hi: hi - x[i]))
    return cons


def bound_problems():
    """The bound-constrained problems, shared by L-BFGS-B and TNC."""
    return {
        "seed": dict(fun=seed, x0=[1.3]),
        "seed_grad": dict(fun=seed, jac=seed_grad, x0=[1.3]),
        "seed_bounded": dict(fun=seed, x0=[4.5], bounds=[(3, 5)]),
        "rosen2_bounded": dict(fun=rosen, jac=rosen_der, x0=[-1.2, 1],
                               bounds=[(-2, 0.5), (-2, 2)]),
        "rosen2_bounded_fd": dict(fun=rosen, x0=[-1.2, 1],
                                  bounds=[(-2, 0.5), (-2, 2)]),
        "hs1": dict(fun=hs1, jac=hs1_grad, x0=[-2, 1], bounds=[(None, None), (-1.5, None)]),
        "hs3": dict(fun=hs3, x0=[10, 1], bounds=[(None, None), (0, None)]),
        "hs4": dict(fun=hs4, x0=[1.125, 0.125], bounds=[(1, None), (0, None)]),
        "hs5": dict(fun=hs5, x0=[0, 0], bounds=[(-1.5, 4), (-3, 3)]),
        "hs38": dict(fun=hs38, x0=[-3, -1, -3, -1], bounds=[(-10, 10)] * 4),
        "hs45": dict(fun=hs45, x0=[1, 2, 2, 2, 2], bounds=[(0, i + 1) for i in range(5)]),
    }


def constrained_problems():
    """The problems with general constraints, for SLSQP and COBYLA."""
    return {
        "seed": dict(fun=seed, x0=[1.3]),
        "hs21": dict(fun=hs21, x0=[-1, -1], cons=HS21_CONS, bounds=[(2, 50), (-50, 50)]),
        "hs35": dict(fun=hs35, jac=hs35_grad, x0=[0.5] * 3, cons=HS35_CONS, bounds=[(0, None)] * 3),
        "hs71": dict(fun=hs71, x0=[1, 5, 5, 1], cons=[HS71_INEQ, HS71_EQ], bounds=[(1, 5)] * 4),
        "hs76": dict(fun=hs76, x0=[0.5] * 4, cons=HS76_CONS, bounds=[(0, None)] * 4),
        "tutorial": dict(fun=tutorial, x0=[2, 0], cons=TUTORIAL_CONS, bounds=[(0, None)] * 2),
    }


def record(res):
    out = {
        "x": np.atleast_1d(res.x).tolist(),
        "fun": float(res.fun),
        "status": int(res.status),
        "message": str(res.message),
        "success": bool(res.success),
        "nfev": int(res.nfev),
    }
    for k in ("nit", "njev"):
        if k in res:
            out[k] = int(res[k])
    if "maxcv" in res:
        out["maxcv"] = float(res.maxcv)
    return out


def main():
    out = {"scipy": scipy.__version__}
    for name, p in bound_problems().items():
        for method in ("L-BFGS-B", "TNC"):
            res = minimize(p["fun"], p["x0"], jac=p.get("jac"), bounds=p.get("bounds"), method=method)
            out[method + "/" + name] = record(res)
    res = minimize(rosen, rosen100_x0(), jac=rosen_der, method="L-BFGS-B")
    out["L-BFGS-B/rosen100"] = record(res)
    res = minimize(rosen, rosen100_x0(), jac=rosen_der, method="L-BFGS-B", options={"maxiter": 50})
    out["L-BFGS-B/rosen100_maxiter"] = record(res)
    res = minimize(rosen, rosen100_x0(), jac=rosen_der, method="TNC")
    out["TNC/rosen100"] = record(res)

    for name, p in constrained_problems().items():
        res = minimize(p["fun"], p["x0"], jac=p.get("jac"), bounds=p.get("bounds"),
                       constraints=p.get("cons", ()), method="SLSQP")
        out["SLSQP/" + name] = record(res)
        cons = list(p.get("cons", ())) + box_as_ineq(p.get("bounds", []))
        if any(c["type"] == "eq" for c in cons):
            # COBYLA has inequalities only: c = 0 becomes c >= 0, -c >= 0.
            cons = [c for c in cons if c["type"] == "ineq"] + [
                ineq(lambda x, f=c["fun"], s=s: s * f(x))
                for c in cons if c["type"] == "eq" for s in (1, -1)]
        res = minimize(p["fun"], p["x0"], constraints=cons, method="COBYLA")
        out["COBYLA/" + name] = record(res)
    res = minimize(rosen, [-1.2, 1], jac=rosen_der, method="SLSQP", options={"maxiter": 5})
    out["SLSQP/rosen2_maxiter"] = record(res)
    res = minimize(tutorial, [2, 0], method="SLSQP", bounds=[(0, None)] * 2,
                   constraints=[ineq(lambda x: -x[0] - 1)])
    out["SLSQP/incompatible"] = record(res)

    nnls_cases = {
        "square": ([[1, 0], [0, 1]], [2, -1]),
        "tall": ([[1, 2], [3, 4], [5, 6]], [1, 2, 3]),
        "negative": ([[73, 71, 52], [87, 74, 46], [72, 2, 7], [80, 89, 71]], [49, 67, 68, 20]),
    }
    for name, (a, b) in nnls_cases.items():
        x, rnorm = nnls(np.array(a, float), np.array(b, float))
        out["NNLS/" + name] = {"A": a, "b": b, "x": x.tolist(), "rnorm": float(rnorm)}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
