#!/usr/bin/python3
"""Record scipy 1.10's Nelder-Mead and Powell with bounds.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_bounds.py

writes scipy_bounds.json: for each problem of bounds_test.go (the same
functions, starting points and boxes; None is an open side) the point,
value, iterations, evaluations and status minimize returns.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import optimize


def quad(v):
    return (v[0] - 3)**2 + (v[1] + 1)**2


def rosen(v):
    return 100 * (v[1] - v[0]**2)**2 + (1 - v[0])**2


def booth3(v):
    return (v[0] + 2 * v[1] - 7)**2 + (2 * v[0] + v[1] - 5)**2 + (v[2] - 1)**2


def himmelblau(v):
    return (v[0]**2 + v[1] - 11)**2 + (v[0] + v[1]**2 - 7)**2


def beale(v):
    x, y = v
    return (1.5 - x + x * y)**2 + (2.25 - x + x * y**2)**2 + (2.625 - x + x * y**3)**2


PROBLEMS = [
    ('quad', quad, [0.5, 0.5], [[0, 2], [0, 2]]),
    ('quad-open', quad, [0.5, 0.5], [[0, 2], [None, 2]]),
    ('quad-outside', quad, [3, 3], [[0, 2], [0, 2]]),
    ('rosen', rosen, [-1.2, 1], [[-2, 0.5], [-1, 2]]),
    ('booth3', booth3, [0, 0, 2.5], [[-1, 0.5], [0, 10], [2, 3]]),
    ('himmelblau', himmelblau, [-1, 1], [[-5, 0], [0, 5]]),
    ('beale', beale, [1, 0.1], [[0, 2], [0, 0.3]]),
]


def main():
    out = {'scipy': scipy.__version__, 'runs': []}
    warnings.simplefilter('ignore')
    for method in ('Nelder-Mead', 'Powell'):
        for name, f, x0, bounds in PROBLEMS:
            r = optimize.minimize(f, np.array(x0, float), method=method, bounds=bounds)
            out['runs'].append({'method': method, 'name': name, 'x': [float(v) for v in r.x], 'fun': float(r.fun),
                                'nit': int(r.nit), 'nfev': int(r.nfev), 'status': int(r.status)})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_bounds.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
