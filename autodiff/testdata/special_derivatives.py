#!/usr/bin/python3
"""Generate special_derivatives.json: derivatives of calc's special
functions, computed by mpmath at 40 digits (mpmath.diff of mpmath's own
function), to check the derivative rules registered in autodiff's table.

Run with Debian's python3-mpmath:

    /usr/bin/python3 autodiff/testdata/special_derivatives.py > autodiff/testdata/special_derivatives.json

Each case is {"expr": calc text in x, "x": point, "d": df/dx at x}.
"""
import json

import mpmath as mp

mp.mp.dps = 40

# calc text in x, and the same function of x for mpmath.
FUNCS = [
    ("gamma(x)", mp.gamma, [0.3, 2.5, -1.5]),
    ("gammaln(x)", lambda x: mp.log(abs(mp.gamma(x))), [0.3, 7.5]),
    ("digamma(x)", mp.digamma, [0.2, 1.4616, 3, -2.5]),
    ("polygamma(1, x)", lambda x: mp.polygamma(1, x), [0.5, 4, -0.5]),
    ("polygamma(4, x)", lambda x: mp.polygamma(4, x), [0.5, 4]),
    ("ellipkinc(x, 0.3)", lambda x: mp.ellipf(x, 0.3), [0.2, 1.1]),
    ("ellipkinc(0.7, x)", lambda x: mp.ellipf(0.7, x), [-2, 0.3, 0.9]),
    ("ellipkinc(2.5, x)", lambda x: mp.ellipf(2.5, x), [0.1, 0.6]),
    ("ellipeinc(x, 0.3)", lambda x: mp.ellipe(x, 0.3), [0.2, 1.1]),
    ("ellipeinc(0.7, x)", lambda x: mp.ellipe(0.7, x), [-2, 0.3, 0.9]),
    ("ellipeinc(2.5, x)", lambda x: mp.ellipe(2.5, x), [0.1, 0.6]),
    ("ellipk(x)", mp.ellipk, [0.3, -1]),
    ("ellipe(x)", mp.ellipe, [0.3, -1]),
    ("erfcx(x)", lambda x: mp.exp(x * x) * mp.erfc(x), [-1, 0.5, 20]),
    ("expi(x)", mp.ei, [-2, 0.5, 3]),
    ("exp1(x)", mp.e1, [0.5, 3]),
    ("expn(3, x)", lambda x: mp.expint(3, x), [0.5, 3]),
    ("gammainc(2.5, x)", lambda x: mp.gammainc(2.5, 0, x, regularized=True), [0.5, 3]),
    ("gammaincc(2.5, x)", lambda x: mp.gammainc(2.5, x, mp.inf, regularized=True), [0.5, 3]),
    ("jv(2.5, x)", lambda x: mp.besselj(2.5, x), [0.5, 7]),
    ("yv(1.5, x)", lambda x: mp.bessely(1.5, x), [0.5, 7]),
    ("iv(0.5, x)", lambda x: mp.besseli(0.5, x), [0.5, 7]),
    ("kv(0.5, x)", lambda x: mp.besselk(0.5, x), [0.5, 7]),
    ("spherical_jn(2, x)", lambda x: mp.sqrt(mp.pi / (2 * x)) * mp.besselj(2.5, x), [0.5, 7]),
    ("binom(x, 2.5)", lambda x: mp.binomial(x, 2.5), [4.5, 7]),
    ("poch(x, 1.5)", lambda x: mp.rf(x, 1.5), [0.5, 3]),
    ("sinc(x)", lambda x: mp.sincpi(x), [0.3, 2.5]),
    ("betainc(2.5, 1.5, x)", lambda x: mp.betainc(2.5, 1.5, 0, x, regularized=True), [0.05, 0.3, 0.9]),
    ("betainc(0.5, 30, x)", lambda x: mp.betainc(0.5, 30, 0, x, regularized=True), [1e-3, 0.02]),
    ("betainc(2, 3, x**2)", lambda x: mp.betainc(2, 3, 0, x**2, regularized=True), [0.3, 0.8]),
    ("eval_legendre(4, x)", lambda x: mp.legendre(4, x), [0.3, -0.8]),
]
cases = []
for expr, f, points in FUNCS:
    for x in points:
        cases.append({"expr": expr, "x": x, "d": float(mp.diff(f, x))})
print(json.dumps(cases, indent=0))
