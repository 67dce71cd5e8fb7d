#!/usr/bin/python3
"""Record scipy 1.10's least_squares with robust losses.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_loss.py

writes scipy_loss.json: the robust-fitting example of scipy's
documentation (y = a + b·exp(c·t) with outliers; the data are drawn here
with a seed and stored) fitted with each loss, f_scale 0.1, with the exact
Jacobian, without and with bounds; for each, scipy's x, cost, nfev, njev
and status.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import least_squares


def main():
    rng = np.random.default_rng(0)
    t = np.linspace(0, 10, 15)
    y = 0.5 + 2.0 * np.exp(-1.0 * t)
    err = 0.1 * rng.standard_normal(t.size)
    err[rng.integers(0, t.size, 3)] *= 10
    y = y + err

    def fun(x):
        return x[0] + x[1] * np.exp(x[2] * t) - y

    def jac(x):
        e = np.exp(x[2] * t)
        return np.stack([np.ones_like(t), e, x[1] * t * e], axis=1)

    out = {'scipy': scipy.__version__, 't': t.tolist(), 'y': y.tolist(), 'runs': []}
    for loss in ('linear', 'soft_l1', 'huber', 'cauchy', 'arctan'):
        for bounds in (None, [[0, 0, -3], [1, 3, 0]]):
            kw = {} if bounds is None else {'bounds': bounds}
            r = least_squares(fun, [1.0, 1.0, 0.0], jac=jac, loss=loss, f_scale=0.1, **kw)
            out['runs'].append({'loss': loss, 'bounds': bounds, 'x': r.x.tolist(), 'cost': float(r.cost),
                                'nfev': int(r.nfev), 'njev': int(r.njev), 'status': int(r.status),
                                'optimality': float(r.optimality)})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_loss.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
