#!/usr/bin/python3
"""Reference values for calc/stdlib/poly, computed by numpy.

Run with Debian's python3-numpy from this directory:

    /usr/bin/python3 numpy_reference.py > numpy_reference.json

Cases: {"fn": name, "p": coefficients, ..., "out": result}; roots as
[re, im] pairs sorted by (re, im).
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(16)
cases = []
x = np.linspace(-2, 3, 40)
y = np.sin(x) + 0.1 * rng.normal(size=40)
w = rng.uniform(0.5, 2, size=40)
for deg in [0, 1, 2, 5, 9]:
    cases.append({"fn": "polyfit", "x": x.tolist(), "y": y.tolist(), "deg": deg,
                  "out": np.polyfit(x, y, deg).tolist()})
    cases.append({"fn": "polyfit", "x": x.tolist(), "y": y.tolist(), "w": w.tolist(), "deg": deg,
                  "out": np.polyfit(x, y, deg, w=w).tolist()})
big = np.linspace(1000, 1010, 30)
cases.append({"fn": "polyfit", "x": big.tolist(), "y": (big ** 2).tolist(), "deg": 3,
              "out": np.polyfit(big, big ** 2, 3).tolist()})
for p in [[1.0], [2.0, -3, 1], [1.5, 0, -2, 7, 0.25], rng.normal(size=8).tolist()]:
    pts = [-3.5, -1, 0, 0.3, 2, 10]
    cases.append({"fn": "polyval", "p": p, "x": pts, "out": np.polyval(p, pts).tolist()})
    for m in [1, 2, 5]:
        cases.append({"fn": "polyder", "p": p, "m": m, "out": np.polyder(p, m).tolist()})
        cases.append({"fn": "polyint", "p": p, "m": m, "k": [1.5, -2][:m],
                      "out": np.polyint(p, m, [1.5, -2][:m] + [0] * max(0, m - 2)).tolist()})
for p in [[1.0, -6, 11, -6], [1.0, 0, 1], [1.0, 0, 0, 0, -1], [0.0, 0, 2, -4, 0, 0],
          [1.0, -3, 3, -1], rng.normal(size=11).tolist(), [3.0], [1.0, 1e-8, 1]]:
    r = sorted(np.roots(p).tolist(), key=lambda z: (round(complex(z).real, 6), round(complex(z).imag, 6)))
    cases.append({"fn": "roots", "p": p, "out": [[complex(z).real, complex(z).imag] for z in r]})
json.dump({"numpy": np.__version__, "cases": cases}, sys.stdout)
