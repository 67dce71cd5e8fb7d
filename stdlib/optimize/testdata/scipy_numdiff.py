#!/usr/bin/python3
"""Writes scipy_numdiff.json: scipy 1.10's approx_derivative of one vector
function, for numdiff_test.go, with each scheme and step, with and without
bounds (points inside, next to and on them).

Run with Debian's scipy 1.10.1, from this folder:

    /usr/bin/python3 scipy_numdiff.py

The function uses only + - * /, which numpy and Go round alike.
"""
import json

import numpy as np
import scipy
from scipy.optimize._numdiff import approx_derivative


def f(x):
    return np.array([x[0] * x[1] + x[2], x[0] * x[0] - x[2] * x[1] / (1 + x[0] * x[0]), x[2] * x[2] * x[2]])


POINTS = [[0.3, -1.7, 2.0], [0.0, 1e-9, -3.5], [1e20, 2.0, -1.0], [0.9999999, 0.5, 0.0], [1.0, -1.0, 0.25]]
BOUNDS = [(-np.inf, np.inf), ([-1.0, -2.0, -4.0], [1.0, 2.0, 0.25])]

cases = []
for x in POINTS:
    for method in ["2-point", "3-point", "cs"]:
        for bounds in BOUNDS:
            lo, hi = np.broadcast_to(bounds[0], 3), np.broadcast_to(bounds[1], 3)
            if np.any(np.array(x) < lo) or np.any(np.array(x) > hi):
                continue
            steps = [("rel", None), ("rel", 1e-5)]
            if method == "2-point":
                steps.append(("abs", 1e-6))
            for kind, step in steps:
                kw = {"rel_step": step} if kind == "rel" else {"abs_step": step}
                J = approx_derivative(f, np.array(x), method=method, bounds=bounds, **kw)
                cases.append({"x": x, "method": method, "bounded": bounds is BOUNDS[1],
                              "step_kind": kind, "step": step or 0.0, "jac": J.tolist()})

with open("scipy_numdiff.json", "w") as out:
    json.dump({"scipy": scipy.__version__, "lower": [-1.0, -2.0, -4.0], "upper": [1.0, 2.0, 0.25], "cases": cases}, out, indent=1)
    out.write("\n")
