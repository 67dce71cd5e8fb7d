"""Reference trial steps of MINPACK-2's dcsrch for dcsrch_test.go.

Drives the Fortran dcsrch that scipy 1.10.1 wraps (scipy.optimize._minpack2)
on the six test functions of Moré and Thuente, "Line search algorithms with
guaranteed sufficient decrease", ACM TOMS 20(3), 1994, section 5, from the
paper's four starting steps, and records φ(0), φ'(0), every trial step with
the φ and φ' it was given there, the final step and the task. The Go test
replays these values, so that it tests dcsrch alone, not libm.

Run: python3 minpack2_dcsrch.py > minpack2_dcsrch.json
"""
import json
import math

import numpy as np
from scipy.optimize import _minpack2


def f1(a, b=2.0):
    return -a / (a * a + b), (a * a - b) / (a * a + b) ** 2


def f2(a, b=0.004):
    return (a + b) ** 5 - 2 * (a + b) ** 4, 5 * (a + b) ** 4 - 8 * (a + b) ** 3


def f3(a, b=0.01, l=39):
    if a <= 1 - b:
        p, dp = 1 - a, -1.0
    elif a >= 1 + b:
        p, dp = a - 1, 1.0
    else:
        p, dp = (a - 1) ** 2 / (2 * b) + b / 2, (a - 1) / b
    c = 2 * (1 - b) / (l * math.pi)
    return p + c * math.sin(l * math.pi * a / 2), dp + (1 - b) * math.cos(l * math.pi * a / 2)


def yanai(b1, b2):
    g1 = math.sqrt(1 + b1 * b1) - b1
    g2 = math.sqrt(1 + b2 * b2) - b2

    def f(a):
        r1 = math.sqrt((1 - a) ** 2 + b2 * b2)
        r2 = math.sqrt(a * a + b1 * b1)
        return g1 * r1 + g2 * r2, -g1 * (1 - a) / r1 + g2 * a / r2

    return f


# name, function, ftol, gtol (the paper's table), stpmax.
PROBLEMS = [
    ("1", f1, 1e-3, 1e-1, 1e10),
    ("2", f2, 1e-1, 1e-1, 1e10),
    ("3", f3, 1e-1, 1e-1, 1e10),
    ("4", yanai(0.001, 0.001), 1e-3, 1e-3, 1e10),
    ("5", yanai(0.01, 0.001), 1e-3, 1e-3, 1e10),
    ("6", yanai(0.001, 0.01), 1e-3, 1e-3, 1e10),
    # A small stpmax, to reach the stpmax warning.
    ("1 stpmax", f1, 1e-3, 1e-1, 0.5),
]


def run(f, stp, ftol, gtol, stpmax):
    isave = np.zeros(2, np.intc)
    dsave = np.zeros(13, float)
    f0, g0 = f(0.0)
    fv, gv = f0, g0
    task = b"START"
    trials = []
    for _ in range(100):
        stp, fv, gv, task = _minpack2.dcsrch(stp, fv, gv, ftol, gtol, 0.1, task, 0.0, stpmax, isave, dsave)
        if not task.startswith(b"FG"):
            break
        fv, gv = f(stp)
        trials.append([stp, fv, gv])
    return {"f0": f0, "g0": g0, "trials": trials, "stp": stp, "task": task.decode().strip().split(":")[0]}


cases = []
for name, f, ftol, gtol, stpmax in PROBLEMS:
    for stp0 in (1e-3, 1e-1, 1e1, 1e3):
        if stp0 > stpmax:
            continue
        c = {"problem": name, "stp0": stp0, "ftol": ftol, "gtol": gtol, "stpmax": stpmax}
        c.update(run(f, stp0, ftol, gtol, stpmax))
        cases.append(c)
print("[\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]")
