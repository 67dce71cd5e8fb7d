#!/usr/bin/python3
"""Record scipy 1.10's minimize(method='trust-constr') on Hock–Schittkowski
problems 6, 35, 21, 71 and 43 (the same functions, gradients, constraints,
bounds and starting points as trustconstr_test.go).

    /usr/bin/python3 stdlib/optimize/testdata/scipy_trustconstr.py

writes scipy_trustconstr.json: scipy's x, fun, nit, nfev and
constr_violation for each.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy.optimize import Bounds, NonlinearConstraint, minimize

INF = np.inf
PROBLEMS = {
    'hs006': (lambda x: (1 - x[0])**2, lambda x: np.array([-2 * (1 - x[0]), 0]),
              [NonlinearConstraint(lambda x: 10 * (x[1] - x[0]**2), 0, 0)], None, [-1.2, 1]),
    'hs035': (lambda x: 9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0]**2 + 2 * x[1]**2 + x[2]**2 + 2 * x[0] * x[1] + 2 * x[0] * x[2],
              lambda x: np.array([-8 + 4 * x[0] + 2 * x[1] + 2 * x[2], -6 + 4 * x[1] + 2 * x[0], -4 + 2 * x[2] + 2 * x[0]]),
              [NonlinearConstraint(lambda x: 3 - x[0] - x[1] - 2 * x[2], 0, INF)], Bounds([0, 0, 0], [INF, INF, INF]),
              [0.5, 0.5, 0.5]),
    'hs021': (lambda x: 0.01 * x[0]**2 + x[1]**2 - 100, lambda x: np.array([0.02 * x[0], 2 * x[1]]),
              [NonlinearConstraint(lambda x: 10 * x[0] - x[1] - 10, 0, INF)], Bounds([2, -50], [50, 50]), [-1, -1]),
    'hs071': (lambda x: x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2],
              lambda x: np.array([x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3], x[0] * x[3], x[0] * x[3] + 1,
                                  x[0] * (x[0] + x[1] + x[2])]),
              [NonlinearConstraint(lambda x: x[0] * x[1] * x[2] * x[3] - 25, 0, INF),
               NonlinearConstraint(lambda x: x[0]**2 + x[1]**2 + x[2]**2 + x[3]**2 - 40, 0, 0)],
              Bounds([1, 1, 1, 1], [5, 5, 5, 5]), [1, 5, 5, 1]),
    'hs043': (lambda x: x[0]**2 + x[1]**2 + 2 * x[2]**2 + x[3]**2 - 5 * x[0] - 5 * x[1] - 21 * x[2] + 7 * x[3],
              lambda x: np.array([2 * x[0] - 5, 2 * x[1] - 5, 4 * x[2] - 21, 2 * x[3] + 7]),
              [NonlinearConstraint(lambda x: [8 - x[0]**2 - x[1]**2 - x[2]**2 - x[3]**2 - x[0] + x[1] - x[2] + x[3],
                                              10 - x[0]**2 - 2 * x[1]**2 - x[2]**2 - 2 * x[3]**2 + x[0] + x[3],
                                              5 - 2 * x[0]**2 - x[1]**2 - x[2]**2 - 2 * x[0] + x[1] + x[3]], 0, INF)],
              None, [0, 0, 0, 0]),
}


def main():
    warnings.simplefilter('ignore')
    out = {'scipy': scipy.__version__, 'runs': []}
    for name, (f, g, cons, bounds, x0) in PROBLEMS.items():
        r = minimize(f, x0, jac=g, method='trust-constr', constraints=cons, bounds=bounds)
        out['runs'].append({'name': name, 'x': r.x.tolist(), 'fun': float(r.fun), 'nit': int(r.nit),
                            'nfev': int(r.nfev), 'constr_violation': float(r.constr_violation),
                            'status': int(r.status)})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_trustconstr.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
