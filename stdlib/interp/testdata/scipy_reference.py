#!/usr/bin/python3
"""Reference values for calc/stdlib/interp, computed by numpy and scipy.

Run with Debian's python3-numpy and python3-scipy from this directory:

    /usr/bin/python3 scipy_reference.py > scipy_reference.json

Cases: {"fn": name, "x": points, "y": values, "bc": [[order, value] or
"not-a-knot" or "periodic", ...], "at": where, "nu": derivative, "out":
values (null where scipy raises)}.
"""
import json
import sys

import numpy as np
import scipy
from scipy.interpolate import CubicSpline, interp1d

rng = np.random.default_rng(16)
cases = []
x = np.sort(rng.uniform(0, 10, 12))
x[0], x[-1] = 0, 10
y = np.sin(x) + 0.1 * rng.normal(size=12)
at = np.concatenate([np.linspace(-1, 11, 49), x, [5.0, np.nextafter(10, 0)]])
inside = at[(at >= 0) & (at <= 10)]

cases.append({"fn": "interp", "x": x.tolist(), "y": y.tolist(), "at": at.tolist(),
              "out": np.interp(at, x, y).tolist()})
cases.append({"fn": "interp", "x": x.tolist(), "y": y.tolist(), "at": at.tolist(), "left": -5, "right": 7,
              "out": np.interp(at, x, y, left=-5, right=7).tolist()})
for kind in ["linear", "nearest", "cubic"]:
    f = interp1d(x, y, kind=kind)
    cases.append({"fn": "interp1d", "kind": kind, "x": x.tolist(), "y": y.tolist(),
                  "at": inside.tolist(), "out": f(inside).tolist()})
small = np.array([0., 1, 3, 4])
for kind in ["linear", "nearest", "cubic"]:
    f = interp1d(small, small ** 3, kind=kind)
    cases.append({"fn": "interp1d", "kind": kind, "x": small.tolist(), "y": (small ** 3).tolist(),
                  "at": [0, 0.5, 1, 2, 2.5, 3.99, 4], "out": f([0, 0.5, 1, 2, 2.5, 3.99, 4]).tolist()})

bcs = ["not-a-knot", "natural", "clamped", ((1, 2.0), (2, -1.0)), ((2, 0.5), (1, 0.0)),
       ("not-a-knot", (1, 3.0))]
for bc in bcs:
    cs = CubicSpline(x, y, bc_type=bc)
    name = [bc, bc] if isinstance(bc, str) else [list(b) if not isinstance(b, str) else b for b in bc]
    named = {"natural": [2, 0.0], "clamped": [1, 0.0], "not-a-knot": "not-a-knot"}
    name = [named.get(b, b) if isinstance(b, str) else b for b in name]
    for nu in range(4):
        cases.append({"fn": "CubicSpline", "bc": name, "x": x.tolist(), "y": y.tolist(),
                      "at": at.tolist(), "nu": nu, "out": cs(at, nu).tolist()})
yp = np.sin(x * 2 * np.pi / 10)
yp[-1] = yp[0]
cs = CubicSpline(x, yp, bc_type="periodic")
for nu in range(3):
    cases.append({"fn": "CubicSpline", "bc": ["periodic", "periodic"], "x": x.tolist(), "y": yp.tolist(),
                  "at": at.tolist(), "nu": nu, "out": cs(at, nu).tolist()})
for pts in [[0., 1], [0., 1, 3]]:
    vals = [1., -1, 2][:len(pts)]
    cs = CubicSpline(pts, vals)
    cases.append({"fn": "CubicSpline", "bc": ["not-a-knot", "not-a-knot"], "x": pts, "y": vals,
                  "at": [-1, 0, 0.3, 1, 2, 4], "nu": 0, "out": cs([-1, 0, 0.3, 1, 2, 4]).tolist()})
json.dump({"numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}, sys.stdout)
