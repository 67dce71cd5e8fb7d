#!/usr/bin/python3
"""Record scipy 1.10's trust-region methods.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_trust.py

writes scipy_trust.json: for each problem of trustregion_test.go (the same
functions, exact gradients and Hessians) and method, scipy's x, fun, nit,
nfev, njev, nhev. dogleg and trust-ncg (given hess) run with the default
gtol; trust-exact and trust-krylov (given hessp) with gtol 1e-8, since
their subproblem solvers differ from calc's. The last run is the
1000-variable Rosenbrock function by trust-krylov with Hessian-vector
products, whose counts the test reports beside calc's.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import minimize, rosen, rosen_der, rosen_hess, rosen_hess_prod


def quartic(x):
    return np.sum((x - np.arange(1, len(x) + 1))**4) + np.sum(x**2)


def quartic_der(x):
    return 4 * (x - np.arange(1, len(x) + 1))**3 + 2 * x


def quartic_hess(x):
    return np.diag(12 * (x - np.arange(1, len(x) + 1))**2 + 2)


def wood(x):
    return (100 * (x[1] - x[0]**2)**2 + (1 - x[0])**2 + 90 * (x[3] - x[2]**2)**2 + (1 - x[2])**2
            + 10.1 * ((x[1] - 1)**2 + (x[3] - 1)**2) + 19.8 * (x[1] - 1) * (x[3] - 1))


def wood_der(x):
    return np.array([
        -400 * x[0] * (x[1] - x[0]**2) - 2 * (1 - x[0]),
        200 * (x[1] - x[0]**2) + 20.2 * (x[1] - 1) + 19.8 * (x[3] - 1),
        -360 * x[2] * (x[3] - x[2]**2) - 2 * (1 - x[2]),
        180 * (x[3] - x[2]**2) + 20.2 * (x[3] - 1) + 19.8 * (x[1] - 1)])


def wood_hess(x):
    h = np.zeros((4, 4))
    h[0, 0] = 1200 * x[0]**2 - 400 * x[1] + 2
    h[0, 1] = h[1, 0] = -400 * x[0]
    h[1, 1] = 220.2
    h[1, 3] = h[3, 1] = 19.8
    h[2, 2] = 1080 * x[2]**2 - 360 * x[3] + 2
    h[2, 3] = h[3, 2] = -360 * x[2]
    h[3, 3] = 200.2
    return h


PROBLEMS = [
    ('rosen2', rosen, rosen_der, rosen_hess, [-1.2, 1]),
    ('rosen5', rosen, rosen_der, rosen_hess, [1.3, 0.7, 0.8, 1.9, 1.2]),
    ('quartic3', quartic, quartic_der, quartic_hess, [0, 0, 0]),
    ('wood', wood, wood_der, wood_hess, [-3, -1, -3, -1]),
]


def main():
    out = {'scipy': scipy.__version__, 'runs': []}
    for name, f, g, h, x0 in PROBLEMS:
        for method, gtol, kind in (('dogleg', 1e-4, 'hess'), ('trust-ncg', 1e-4, 'hess'),
                                   ('trust-exact', 1e-8, 'hess'), ('trust-krylov', 1e-8, 'hessp')):
            kw = {'hess': h} if kind == 'hess' else {'hessp': lambda x, p, h=h: h(x) @ p}
            r = minimize(f, x0, jac=g, method=method, options={'gtol': gtol}, **kw)
            out['runs'].append({'name': name, 'method': method, 'gtol': gtol, 'x0': x0, 'x': [float(v) for v in r.x],
                                'fun': float(r.fun), 'nit': int(r.nit), 'nfev': int(r.nfev), 'njev': int(r.njev),
                                'nhev': int(r.nhev), 'status': int(r.status)})
    x0 = np.tile([-1.2, 1.0], 500)
    r = minimize(rosen, x0, jac=rosen_der, hessp=rosen_hess_prod, method='trust-krylov')
    out['rosen1000'] = {'x0': x0.tolist(), 'fun': float(r.fun), 'nit': int(r.nit), 'nfev': int(r.nfev),
                        'njev': int(r.njev), 'nhev': int(r.nhev), 'success': bool(r.success)}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_trust.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
