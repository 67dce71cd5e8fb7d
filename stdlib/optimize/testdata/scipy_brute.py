#!/usr/bin/python3
"""Record scipy.optimize.brute on the example of its documentation.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_brute.py

writes scipy_brute.json: the grid minimum, the grid values and the point
polished by fmin, for slice ranges with a step and for (lo, hi) ranges
with Ns points.
"""
import json
import os

import numpy as np
import scipy
from scipy import optimize

PARAMS = (2, 3, 7, 8, 9, 10, 44, -1, 2, 26, 1, -2, 0.5)


def f(z):
    a, b, c, d, e, f_, g, h, i, j, k, l, scale = PARAMS
    x, y = z
    f1 = a * x**2 + b * x * y + c * y**2 + d * x + e * y + f_
    f2 = -g * np.exp(-((x - h)**2 + (y - i)**2) / scale)
    f3 = -j * np.exp(-((x - k)**2 + (y - l)**2) / scale)
    return f1 + f2 + f3


def main():
    out = {'scipy': scipy.__version__, 'runs': []}
    for name, ranges, ns in (('slices', (slice(-4, 4, 0.25), slice(-4, 4, 0.25)), 20),
                             ('tuples', ((-4, 4), (-3, 3)), 17)):
        for finish in (None, optimize.fmin):
            x0, fval, grid, jout = optimize.brute(f, ranges, Ns=ns, full_output=True, finish=finish)
            spec = [[r.start, r.stop, r.step] if isinstance(r, slice) else [r[0], r[1], 0] for r in ranges]
            out['runs'].append({'name': name, 'ranges': spec, 'ns': ns, 'finish': finish is not None,
                                'x': [float(v) for v in x0], 'fval': float(fval),
                                'shape': list(jout.shape), 'jout': [float(v) for v in jout.ravel()]})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scipy_brute.json'), 'w') as fh:
        json.dump(out, fh, indent=0)


if __name__ == '__main__':
    main()
