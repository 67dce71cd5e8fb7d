#!/usr/bin/python3
"""Record scipy 1.10's least_squares(method='dogbox').

    /usr/bin/python3 stdlib/optimize/testdata/scipy_dogbox.py

writes scipy_dogbox.json: for each problem of dogbox_test.go (the same
residuals, exact Jacobians, starting points and bounds; null is an open
side) scipy's x, cost, nfev, njev, status and active_mask.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import least_squares


def rosen(x):
    return np.array([10 * (x[1] - x[0]**2), 1 - x[0]])


def rosen_jac(x):
    return np.array([[-20 * x[0], 10], [-1, 0]])


T = np.linspace(0, 4, 12)
Y = 2.5 * np.exp(-1.3 * T) + 0.5 + 0.05 * np.sin(7 * T)


def expfit(p):
    return p[0] * np.exp(-p[1] * T) + p[2] - Y


def expfit_jac(p):
    e = np.exp(-p[1] * T)
    return np.stack([e, -p[0] * T * e, np.ones_like(T)], axis=1)


def powell(x):
    return np.array([x[0] + 10 * x[1], np.sqrt(5) * (x[2] - x[3]), (x[1] - 2 * x[2])**2, np.sqrt(10) * (x[0] - x[3])**2])


def powell_jac(x):
    return np.array([[1, 10, 0, 0], [0, 0, np.sqrt(5), -np.sqrt(5)], [0, 2 * (x[1] - 2 * x[2]), -4 * (x[1] - 2 * x[2]), 0],
                     [2 * np.sqrt(10) * (x[0] - x[3]), 0, 0, -2 * np.sqrt(10) * (x[0] - x[3])]])


PROBLEMS = [
    ('rosen-bounded', rosen, rosen_jac, [2, 2], [[None, None], [1.5, None]], 'linear'),
    ('rosen', rosen, rosen_jac, [-1.2, 1], None, 'linear'),
    ('expfit', expfit, expfit_jac, [1, 1, 1], None, 'linear'),
    ('expfit-bounded', expfit, expfit_jac, [1, 1, 1], [[0, 2], [0, 1], [0, 1]], 'linear'),
    ('expfit-soft', expfit, expfit_jac, [1, 1, 1], [[0, 5], [0, 5], [0, 1]], 'soft_l1'),
    ('powell-bounded', powell, powell_jac, [3, -1, 0, 1], [[1, 5], [-5, 5], [-5, 5], [-5, 5]], 'linear'),
]


def main():
    out = {'scipy': scipy.__version__, 't': T.tolist(), 'y': Y.tolist(), 'runs': []}
    for name, f, j, x0, bounds, loss in PROBLEMS:
        kw = {}
        if bounds is not None:
            kw['bounds'] = ([-np.inf if b[0] is None else b[0] for b in bounds],
                            [np.inf if b[1] is None else b[1] for b in bounds])
        r = least_squares(f, x0, jac=j, method='dogbox', loss=loss, **kw)
        out['runs'].append({'name': name, 'x0': x0, 'bounds': bounds, 'loss': loss, 'x': r.x.tolist(),
                            'cost': float(r.cost), 'nfev': int(r.nfev), 'njev': int(r.njev),
                            'status': int(r.status), 'active_mask': [int(v) for v in r.active_mask]})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_dogbox.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
