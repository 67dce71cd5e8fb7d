#!/usr/bin/python3
"""Record scipy 1.10's shgo (simplicial sampling) on test functions.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_shgo.py

writes scipy_shgo.json: for each problem of shgo_test.go (the same
functions and boxes) the global minimizer x, fun and the local minima
xl, funl that scipy returns with its defaults.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import rosen, shgo


def styblinski(x):
    x = np.asarray(x)
    return 0.5 * np.sum(x**4 - 16 * x**2 + 5 * x)


def himmelblau(v):
    x, y = v
    return (x**2 + y - 11)**2 + (x + y**2 - 7)**2


def six_hump(v):
    x, y = v
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2


def levy(x):
    w = 1 + (np.asarray(x) - 1) / 4
    return (np.sin(np.pi * w[0])**2 + np.sum((w[:-1] - 1)**2 * (1 + 10 * np.sin(np.pi * w[:-1] + 1)**2))
            + (w[-1] - 1)**2 * (1 + np.sin(2 * np.pi * w[-1])**2))


def rastrigin(x):
    x = np.asarray(x)
    return 10 * len(x) + np.sum(x**2 - 10 * np.cos(2 * np.pi * x))


PROBLEMS = [
    ('rosen5', rosen, [(0, 2)] * 5),
    ('styblinski2', styblinski, [(-5, 5)] * 2),
    ('himmelblau', himmelblau, [(-5, 5)] * 2),
    ('sixhump', six_hump, [(-3, 3), (-2, 2)]),
    ('rastrigin2', rastrigin, [(-2.5, 2.5)] * 2),
    ('levy2', levy, [(-10, 10)] * 2),
]


def main():
    out = {'scipy': scipy.__version__, 'runs': []}
    for name, f, bounds in PROBLEMS:
        r = shgo(f, bounds)
        out['runs'].append({'name': name, 'bounds': bounds, 'x': [float(v) for v in r.x], 'fun': float(r.fun),
                            'xl': [[float(v) for v in x] for x in r.xl], 'funl': [float(v) for v in r.funl]})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_shgo.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
