#!/usr/bin/python3
"""Record scipy 1.10's differential_evolution on test functions.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_de.py

writes scipy_de.json: for each problem of differential_test.go (same
functions and boxes) the x and fun scipy returns with its defaults
(best1bin, polish) and seed 1. Every problem has one global minimum, so
a seeded run of another generator should find the same answer.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import differential_evolution, rosen


def ackley(x):
    x = np.asarray(x)
    return (-20 * np.exp(-0.2 * np.sqrt(np.mean(x**2))) - np.exp(np.mean(np.cos(2 * np.pi * x))) + 20 + np.e)


def rastrigin(x):
    x = np.asarray(x)
    return 10 * len(x) + np.sum(x**2 - 10 * np.cos(2 * np.pi * x))


def styblinski(x):
    x = np.asarray(x)
    return 0.5 * np.sum(x**4 - 16 * x**2 + 5 * x)


def beale(v):
    x, y = v
    return (1.5 - x + x * y)**2 + (2.25 - x + x * y**2)**2 + (2.625 - x + x * y**3)**2


def levy(x):
    w = 1 + (np.asarray(x) - 1) / 4
    return (np.sin(np.pi * w[0])**2 + np.sum((w[:-1] - 1)**2 * (1 + 10 * np.sin(np.pi * w[:-1] + 1)**2))
            + (w[-1] - 1)**2 * (1 + np.sin(2 * np.pi * w[-1])**2))


PROBLEMS = [
    ('rosen2', rosen, [(-5, 5)] * 2),
    ('rosen4', rosen, [(-2, 2)] * 4),
    ('ackley2', ackley, [(-5, 5)] * 2),
    ('rastrigin3', rastrigin, [(-5.12, 5.12)] * 3),
    ('styblinski2', styblinski, [(-5, 5)] * 2),
    ('beale', beale, [(-4.5, 4.5)] * 2),
    ('levy3', levy, [(-10, 10)] * 3),
]


def main():
    out = {'scipy': scipy.__version__, 'runs': []}
    for name, f, bounds in PROBLEMS:
        r = differential_evolution(f, bounds, seed=1)
        out['runs'].append({'name': name, 'bounds': bounds, 'x': [float(v) for v in r.x], 'fun': float(r.fun),
                            'success': bool(r.success)})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_de.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
