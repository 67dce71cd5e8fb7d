#!/usr/bin/python3
"""Record scipy 1.10's linprog (HiGHS) and milp on small LPs and MILPs.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_linprog.py

writes scipy_linprog.json: each problem's data (c, A_ub, b_ub, A_eq,
b_eq, bounds with null for an open side, integrality) and scipy's status,
fun, x and marginals. The random problems are drawn here from a seeded
generator, so the Go test reads their data from the file.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import Bounds, LinearConstraint, linprog, milp


def lp(name, c, A_ub=None, b_ub=None, A_eq=None, b_eq=None, bounds=None, integrality=None):
    n = len(c)
    if bounds is None:
        bounds = [(0, None)] * n
    return {'name': name, 'c': list(map(float, c)),
            'A_ub': [list(map(float, r)) for r in (A_ub or [])], 'b_ub': list(map(float, b_ub or [])),
            'A_eq': [list(map(float, r)) for r in (A_eq or [])], 'b_eq': list(map(float, b_eq or [])),
            'bounds': [[None if v is None else float(v) for v in b] for b in bounds],
            'integrality': integrality}


def klee_minty(n):
    # max sum 2^(n-j) x_j s.t. 2 sum_{j<i} 2^(i-j) x_j + x_i <= 5^i, x >= 0.
    c = [-(2.0 ** (n - 1 - j)) for j in range(n)]
    A = [[2 * 2.0 ** (i - j) if j < i else (1.0 if j == i else 0.0) for j in range(n)] for i in range(n)]
    b = [5.0 ** (i + 1) for i in range(n)]
    return lp('klee-minty-%d' % n, c, A, b)


def random_lp(seed):
    rng = np.random.default_rng(seed)
    n, mu, me = int(rng.integers(6, 14)), int(rng.integers(4, 10)), int(rng.integers(0, 3))
    x0 = rng.uniform(-2, 2, n)
    A_ub = rng.normal(size=(mu, n)).round(3)
    b_ub = (A_ub @ x0 + rng.uniform(0, 2, mu)).round(3)
    A_eq = rng.normal(size=(me, n)).round(3)
    b_eq = (A_eq @ x0).round(6)
    bounds = []
    for j in range(n):
        k = rng.integers(0, 4)
        bounds.append([(-5, 5), (-5, None), (None, 5), (-4, 3)][k])
    # Every variable open on one side gets a cost that pushes it to its
    # finite side, so the problem is bounded.
    c = rng.normal(size=n).round(3)
    for j, (lo, hi) in enumerate(bounds):
        if hi is None:
            c[j] = abs(c[j]) + 0.1
        if lo is None:
            c[j] = -abs(c[j]) - 0.1
    return lp('random-%d' % seed, c, A_ub.tolist(), b_ub.tolist(), A_eq.tolist(), b_eq.tolist(), bounds)


LPS = [
    lp('doc', [-1, 4], [[-3, 1], [1, 2]], [6, 4], bounds=[(None, None), (-3, None)]),
    lp('wikipedia', [-2, -3, -4], [[3, 2, 1], [2, 5, 3]], [10, 15]),
    lp('transport', [8, 6, 10, 9, 9, 12, 13, 7, 14, 9, 16, 5],
       [[1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]],
       [35, 50, 40],
       [[1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0], [0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0],
        [0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0], [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]],
       [45, 20, 30, 30]),
    lp('diet', [0.6, 0.35, 0.45, 0.2], [[-5, -2, -1, 0], [-1, -4, -3, -2], [-2, -1, -6, -1]], [-20, -25, -18],
       bounds=[(0, 6), (0, 6), (0, 6), (0, 6)]),
    lp('free-eq', [1, 2, -1, 0.5], [[1, 1, 1, 1]], [10], [[1, -1, 0, 0], [0, 1, 2, -1]], [1, 3],
       bounds=[(None, None), (-2, 8), (0, 4), (None, 6)]),
    lp('redundant', [2, 3, 1], None, None, [[1, 1, 1], [2, 2, 2], [1, -1, 0]], [4, 8, 1]),
    lp('degenerate', [-10, 57, 9, 24], [[0.5, -5.5, -2.5, 9], [0.5, -1.5, -0.5, 1], [1, 0, 0, 0]], [0, 0, 1]),
    klee_minty(4),
    lp('infeasible', [1, 1], [[1, 1]], [-1]),
    lp('unbounded', [-1, -1], [[1, -1]], [1]),
    lp('bounds-only', [1, -2, 3], bounds=[(-1, 2), (0, 4), (1, 5)]),
] + [random_lp(s) for s in range(8)]

MILPS = [
    lp('milp-doc', [0, -1], [[-1, 1], [3, 2], [2, 3]], [1, 12, 12], bounds=[(0, None), (0, None)], integrality=[1, 1]),
    lp('knapsack', [-10, -13, -18, -31, -7, -15], [[11, 15, 20, 35, 10, 33]], [47],
       bounds=[(0, 1)] * 6, integrality=[1] * 6),
    lp('assignment', [9, 2, 7, 8, 6, 4, 3, 7, 5, 8, 1, 8, 7, 6, 9, 4], None, None,
       [[1] * 4 + [0] * 12, [0] * 4 + [1] * 4 + [0] * 8, [0] * 8 + [1] * 4 + [0] * 4, [0] * 12 + [1] * 4,
        [1, 0, 0, 0] * 4, [0, 1, 0, 0] * 4, [0, 0, 1, 0] * 4, [0, 0, 0, 1] * 4], [1] * 8,
       bounds=[(0, 1)] * 16, integrality=[1] * 16),
    lp('general-int', [-5, -4, -3], [[2, 3, 1], [4, 1, 2], [3, 4, 2]], [5, 11, 8],
       bounds=[(0, None)] * 3, integrality=[1, 1, 1]),
    lp('mixed', [-3, -2, -4, 1], [[1, 1, 2, 0], [2, 0, 1, 1], [0, 1, 3, -1]], [4.5, 5.3, 6.1],
       bounds=[(0, 3), (0, None), (0, None), (0, 2)], integrality=[1, 0, 1, 0]),
    lp('int-infeasible', [1], None, None, [[2]], [1], bounds=[(0, 5)], integrality=[1]),
]


def bounds_of(p):
    return [(lo, hi) for lo, hi in p['bounds']]


def main():
    out = {'scipy': scipy.__version__, 'lp': [], 'milp': []}
    for p in LPS:
        r = linprog(p['c'], A_ub=p['A_ub'] or None, b_ub=p['b_ub'] or None, A_eq=p['A_eq'] or None,
                    b_eq=p['b_eq'] or None, bounds=bounds_of(p), method='highs')
        q = dict(p, status=int(r.status), fun=None if r.fun is None else float(r.fun),
                 x=None if r.x is None else [float(v) for v in r.x])
        if r.status == 0:
            q['ineqlin'] = [float(v) for v in r.ineqlin.marginals]
            q['eqlin'] = [float(v) for v in r.eqlin.marginals]
            q['lower'] = [float(v) for v in r.lower.marginals]
            q['upper'] = [float(v) for v in r.upper.marginals]
        out['lp'].append(q)
    for p in MILPS:
        n = len(p['c'])
        cons = []
        if p['A_ub']:
            cons.append(LinearConstraint(p['A_ub'], -np.inf, p['b_ub']))
        if p['A_eq']:
            cons.append(LinearConstraint(p['A_eq'], p['b_eq'], p['b_eq']))
        lo = [-np.inf if b[0] is None else b[0] for b in p['bounds']]
        hi = [np.inf if b[1] is None else b[1] for b in p['bounds']]
        r = milp(p['c'], integrality=p['integrality'], bounds=Bounds(lo, hi), constraints=cons)
        out['milp'].append(dict(p, status=int(r.status), fun=None if r.fun is None else float(r.fun),
                                x=None if r.x is None else [float(v) for v in r.x]))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_linprog.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
