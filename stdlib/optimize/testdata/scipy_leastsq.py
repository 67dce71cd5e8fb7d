#!/usr/bin/python3
"""Record scipy's least-squares results on NIST's StRD problems.

Run with Debian's Python, whose scipy is 1.10.1:

    /usr/bin/python3 stdlib/optimize/testdata/scipy_leastsq.py

It reads nist.json beside it and writes scipy_leastsq.json: for every
problem and both of NIST's starting points, what scipy.optimize.leastsq
(with the analytic Jacobian and without one), least_squares ('trf' and
'lm', analytic Jacobian and '2-point') and curve_fit (unbounded, and with
bounds around the certified values) return. The Go tests compare.
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import curve_fit, least_squares, leastsq

HERE = os.path.dirname(os.path.abspath(__file__))


def exprise(x, b1, b2):
    return b1 * (1 - np.exp(-b2 * x))


def exprise_jac(x, b):
    e = np.exp(-b[1] * x)
    return np.column_stack([1 - e, b[0] * x * e])


def chwirut(x, b1, b2, b3):
    return np.exp(-b1 * x) / (b2 + b3 * x)


def chwirut_jac(x, b):
    e, d = np.exp(-b[0] * x), b[1] + b[2] * x
    return np.column_stack([-x * e / d, -e / d**2, -x * e / d**2])


def lanczos(x, b1, b2, b3, b4, b5, b6):
    return b1 * np.exp(-b2 * x) + b3 * np.exp(-b4 * x) + b5 * np.exp(-b6 * x)


def lanczos_jac(x, b):
    cols = []
    for k in (0, 2, 4):
        e = np.exp(-b[k + 1] * x)
        cols += [e, -b[k] * x * e]
    return np.column_stack(cols)


def thurber(x, b1, b2, b3, b4, b5, b6, b7):
    return (b1 + b2 * x + b3 * x**2 + b4 * x**3) / (1 + b5 * x + b6 * x**2 + b7 * x**3)


def thurber_jac(x, b):
    num = b[0] + b[1] * x + b[2] * x**2 + b[3] * x**3
    den = 1 + b[4] * x + b[5] * x**2 + b[6] * x**3
    return np.column_stack([x**k / den for k in range(4)] + [-num * x**k / den**2 for k in (1, 2, 3)])


def mgh09(x, b1, b2, b3, b4):
    return b1 * (x**2 + x * b2) / (x**2 + x * b3 + b4)


def mgh09_jac(x, b):
    num, den = x**2 + x * b[1], x**2 + x * b[2] + b[3]
    return np.column_stack([num / den, b[0] * x / den, -b[0] * num * x / den**2, -b[0] * num / den**2])


def eckerle(x, b1, b2, b3):
    return (b1 / b2) * np.exp(-0.5 * ((x - b3) / b2)**2)


def eckerle_jac(x, b):
    u = (x - b[2]) / b[1]
    e = np.exp(-0.5 * u**2)
    return np.column_stack([e / b[1], b[0] * e * (u**2 - 1) / b[1]**2, b[0] * e * u / b[1]**2])


def rat42(x, b1, b2, b3):
    return b1 / (1 + np.exp(b2 - b3 * x))


def rat42_jac(x, b):
    e = np.exp(b[1] - b[2] * x)
    return np.column_stack([1 / (1 + e), -b[0] * e / (1 + e)**2, b[0] * e * x / (1 + e)**2])


MODELS = {
    'Misra1a': (exprise, exprise_jac), 'BoxBOD': (exprise, exprise_jac),
    'Chwirut2': (chwirut, chwirut_jac), 'Lanczos3': (lanczos, lanczos_jac),
    'Thurber': (thurber, thurber_jac), 'MGH09': (mgh09, mgh09_jac),
    'Eckerle4': (eckerle, eckerle_jac), 'Rat42': (rat42, rat42_jac),
}


def floats(a):
    """Plain lists of floats, None for a missing array; JSON has no
    infinities, so they are written as the strings "inf" and "-inf"."""
    if a is None:
        return None
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return float(a) if np.isfinite(a) else str(float(a))
    return [floats(v) for v in a]


def sigma_runs(problems):
    """curve_fit on Misra1a with per-point and correlated uncertainties,
    relative and absolute, from NIST's second start."""
    p = next(q for q in problems if q['name'] == 'Misra1a')
    x, y = np.array(p['x']), np.array(p['y'])
    m = len(x)
    sigma = 0.1 * (1 + np.arange(m) % 3)
    i = np.arange(m)
    cov = 0.01 * 0.5 ** np.abs(i[:, None] - i[None, :])
    runs = []
    for name, sig in (('sigma', sigma), ('sigma_cov', cov)):
        for absolute in (False, True):
            for bounded in (False, True):
                kw = {'bounds': ([0, 0], [1000, 1])} if bounded else {}
                popt, pcov = curve_fit(exprise, x, y, p0=p['start2'], sigma=sig, absolute_sigma=absolute, **kw)
                runs.append({'kind': name, 'sigma': floats(sig), 'absolute': absolute, 'bounded': bounded,
                             'popt': floats(popt), 'pcov': floats(pcov)})
    return runs


def main():
    with open(os.path.join(HERE, 'nist.json')) as fh:
        problems = json.load(fh)['problems']
    out = {'scipy': scipy.__version__, 'numpy': np.__version__, 'runs': []}
    for p in problems:
        f, jac = MODELS[p['name']]
        x, y = np.array(p['x']), np.array(p['y'])

        def res(b):
            return f(x, *b) - y

        def rjac(b):
            return jac(x, b)

        cert = np.array(p['certified'])
        for k, start in enumerate((p['start1'], p['start2']), 1):
            x0 = np.array(start, dtype=float)
            run = {'problem': p['name'], 'start': k}
            for name, dfun in (('leastsq_jac', rjac), ('leastsq', None)):
                xs, cov, info, msg, ier = leastsq(res, x0, Dfun=dfun, full_output=True)
                run[name] = {'x': floats(xs), 'cov': floats(cov), 'nfev': int(info['nfev']),
                             'njev': int(info.get('njev', 0)), 'ier': int(ier), 'mesg': msg,
                             'ssq': float(np.sum(info['fvec']**2))}
            for name, method, j in (('trf_jac', 'trf', rjac), ('trf', 'trf', '2-point'),
                                    ('lm_jac', 'lm', rjac), ('lm', 'lm', '2-point')):
                r = least_squares(res, x0, jac=j, method=method)
                run[name] = {'x': floats(r.x), 'cost': float(r.cost), 'nfev': int(r.nfev),
                             'njev': None if r.njev is None else int(r.njev), 'status': int(r.status),
                             'message': r.message, 'optimality': float(r.optimality)}
            # Bounds that leave the certified solution inside for the
            # trf-with-bounds path: ±50% around the certified values.
            lb = np.minimum(cert * 0.5, cert * 1.5)
            ub = np.maximum(cert * 0.5, cert * 1.5)
            x0b = np.clip(x0, lb, ub)
            r = least_squares(res, x0b, jac=rjac, bounds=(lb, ub))
            run['trf_bounds'] = {'x0': floats(x0b), 'lb': floats(lb), 'ub': floats(ub), 'x': floats(r.x),
                                 'cost': float(r.cost), 'nfev': int(r.nfev), 'njev': int(r.njev),
                                 'status': int(r.status), 'active_mask': [int(v) for v in r.active_mask]}
            # A bound that binds: the first parameter held below 99% of its
            # certified value (above, if it is negative).
            lb2 = np.full_like(cert, -np.inf)
            ub2 = np.full_like(cert, np.inf)
            if cert[0] > 0:
                ub2[0] = 0.99 * cert[0]
            else:
                lb2[0] = 0.99 * cert[0]
            x0c = np.clip(x0, lb2, ub2)
            r = least_squares(res, x0c, jac=rjac, bounds=(lb2, ub2))
            run['trf_active'] = {'x0': floats(x0c), 'lb': floats(lb2), 'ub': floats(ub2), 'x': floats(r.x), 'cost': float(r.cost), 'nfev': int(r.nfev),
                                 'status': int(r.status), 'active_mask': [int(v) for v in r.active_mask]}
            try:
                popt, pcov = curve_fit(f, x, y, p0=x0)
                run['curve_fit'] = {'popt': floats(popt), 'pcov': floats(pcov)}
            except RuntimeError as e:
                run['curve_fit'] = {'error': str(e)}
            try:
                popt, pcov = curve_fit(f, x, y, p0=x0b, bounds=(lb, ub))
                run['curve_fit_bounds'] = {'popt': floats(popt), 'pcov': floats(pcov)}
            except RuntimeError as e:
                run['curve_fit_bounds'] = {'error': str(e)}
            out['runs'].append(run)
    out['sigma'] = sigma_runs(problems)
    with open(os.path.join(HERE, 'scipy_leastsq.json'), 'w') as fh:
        json.dump(out, fh, indent=1)


if __name__ == '__main__':
    main()
