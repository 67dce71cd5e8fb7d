#!/usr/bin/python3
"""Reference values for the special functions of issue 16 in
calc/stdlib/special, computed by mpmath at 40 digits, in reference.py's
format and with its conventions for the scale each error is measured
against (|value|, or the envelope sqrt(J^2 + Y^2) where Bessel functions
oscillate; other exceptions are said where they are made).

Run with Debian's python3-mpmath from this directory:

    /usr/bin/python3 reference16.py > reference16.json
"""
import json
import random
import sys

import mpmath as mp

mp.mp.dps = 40
records = []


def add(f, args, value, scale=None):
    value = mp.mpf(value) if not isinstance(value, mp.mpc) else value
    if isinstance(value, mp.mpc):
        if abs(value.imag) > 1e-30 * abs(value):
            return
        value = value.real
    v = float(value)
    if v != v or v in (float("inf"), float("-inf")):
        return
    if v == 0 and value != 0:
        return
    if abs(v) < 1e-300 and v != 0:
        return
    s = abs(v) if scale is None else float(scale)
    records.append({"f": f, "args": [float(a) for a in args], "value": v, "scale": s})


def invert(f, y, lo, hi):
    """The x in (lo, hi) with f(x) = y for increasing f, by bisection on
    log x to far below double precision."""
    a, b = mp.log(lo), mp.log(hi)
    for _ in range(200):
        m = (a + b) / 2
        if mp.re(f(mp.exp(m))) < y:
            a = m
        else:
            b = m
    return mp.exp((a + b) / 2)


def grid(lo, hi, n):
    return [lo + (hi - lo) * i / (n - 1) for i in range(n)]


rng = random.Random(16)

# Bessel functions of real order: relative error before the turning
# point, the envelope beyond it.
orders = [0, 0.5, 1, 1.5, 2.5, 3.7, 10.25, 30.5, -0.5, -1.3, -2.5, -7.75, 50.5]
xs = [1e-3, 0.1, 0.7, 1, 1.9, 2.1, 3.3, 5, 9.5, 15, 29, 31, 45, 80, 150, 1e3]
for v in orders:
    for x in xs:
        j, y = mp.besselj(v, x), mp.bessely(v, x)
        env = mp.sqrt(j**2 + y**2)
        scale_j = env if x > 0.9 * max(abs(v), 1) else None
        add("jv", [v, x], j, scale_j)
        add("yv", [v, x], y, env if x > 0.9 * max(abs(v), 1) else None)
for v in [0, 1, 2, 5]:
    for x in [-0.5, -3.3, -40]:
        j = mp.besselj(v, x)
        add("jv", [v, x], j, mp.sqrt(j**2 + mp.bessely(v, -x)**2))

# Scaled modified Bessel functions.
for v in [0, 0.5, 1, 2.5, 7.3, -0.5, -2.25, 40]:
    for x in [1e-3, 0.5, 1, 2, 5, 20, 50, 100, 800, 1e4]:
        add("ive", [v, x], mp.besseli(v, x) * mp.exp(-x))
        add("kve", [v, x], mp.besselk(v, x) * mp.exp(x))
for v in [0, 1, 4]:
    add("ive", [v, -3.5], mp.besseli(v, -3.5) * mp.exp(-3.5))

# Spherical Bessel functions.
for n in [0, 1, 2, 5, 10, 25]:
    for x in [1e-3, 0.3, 1, 2.5, 7, 12, 30, 100, -2.5]:
        j = mp.sqrt(mp.pi / (2 * abs(x))) * mp.besselj(n + 0.5, abs(x)) * (-1 if x < 0 and n % 2 else 1)
        y = mp.sqrt(mp.pi / (2 * abs(x))) * mp.bessely(n + 0.5, abs(x)) * (-1 if x < 0 and n % 2 == 0 else 1)
        env = mp.sqrt(j**2 + y**2)
        osc = abs(x) > 0.9 * max(n, 1)
        add("spherical_jn", [n, x], j, env if osc else None)
        add("spherical_yn", [n, x], y, env if osc else None)

# Incomplete gamma: P and Q, and the inverse.
for a in [0.1, 0.5, 1, 2.5, 7, 10, 20.5, 50, 100, 500, 2000]:
    for r in [0.01, 0.1, 0.5, 0.9, 1, 1.1, 1.5, 2, 5]:
        x = a * r
        add("gammainc", [a, x], mp.gammainc(a, 0, x, regularized=True))
        add("gammaincc", [a, x], mp.gammainc(a, x, mp.inf, regularized=True))
for a in [0.1, 0.5, 1, 3, 10, 40, 150]:
    for y in [1e-10, 0.01, 0.3, 0.5, 0.77, 0.99, 1 - 1e-9]:
        # the x with P(a, x) = y
        x = invert(lambda t: mp.gammainc(a, 0, t, regularized=True), y, mp.mpf(10)**-300, 10 * a + 100)
        add("gammaincinv", [a, y], x)

# Incomplete beta and its inverse.
for a, b in [(0.5, 0.5), (1, 1), (2, 3), (0.1, 5), (5, 0.2), (10, 10), (25.5, 3), (50, 70), (1.5, 200)]:
    for x in [1e-4, 0.05, 0.2, 0.5, 0.7, 0.95, 0.9999]:
        add("betainc", [a, b, x], mp.betainc(a, b, 0, x, regularized=True))
    for y in [1e-8, 0.05, 0.5, 0.9, 0.999]:
        x = invert(lambda t: mp.betainc(a, b, 0, t, regularized=True), y, mp.mpf(10)**-300, 1)
        add("betaincinv", [a, b, y], x)

# Error functions.
for x in [-26, -10, -3, -1, -0.1, 0, 1e-8, 0.3, 1, 2.5, 5, 9.99, 10, 10.01, 30, 100, 1e5, 1e200]:
    x = mp.mpf(x)
    # Beyond 1e5, two terms of the asymptotic series are exact to 1e-40.
    add("erfcx", [x], mp.exp(x**2) * mp.erfc(x) if x < 1e6 else (1 - 1 / (2 * x**2)) / (x * mp.sqrt(mp.pi)))
for y in [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.01, 0.1, 0.3, 0.49, 0.5, 0.75, 1, 1.25, 1.7, 1.99, 2 - 1e-12]:
    # erfc decreases: invert -erfc.
    add("erfcinv", [y], mp.erfinv(1 - mp.mpf(y)) if y > 1e-3 else invert(lambda t: -mp.erfc(t), -y, mp.mpf(10)**-3, 30))

# Elliptic integrals.
ms = [-10, -1, -1e-5, 0, 1e-8, 0.1, 0.5, 0.9, 0.99, 1 - 1e-6, 1 - 1e-12]
for m in ms:
    add("ellipk", [m], mp.ellipk(m))
    add("ellipe", [m], mp.ellipe(m))
for phi in [0.1, 0.5, 1, 1.5, mp.pi / 2, 2, 3, 4.5, 10, -0.7, -3]:
    for m in [-2, 0, 0.3, 0.8, 0.99, 1]:
        phi = float(phi)
        if m == 1 and abs(phi) >= float(mp.pi) / 2:
            continue
        add("ellipkinc", [phi, m], mp.ellipf(phi, m))
        add("ellipeinc", [phi, m], mp.ellipe(phi, m))

# Exponential integrals: Ei is measured absolutely near its zero 0.3725.
for n in [0, 1, 2, 3, 5, 10, 30]:
    for x in [1e-5, 0.1, 0.5, 1, 1.5, 3, 10, 50, 300]:
        if n == 0 or x > 0:
            add("expn", [n, x], mp.expint(n, x))
for x in [1e-10, 1e-3, 0.2, 1, 1.0001, 2, 10, 100, 700]:
    add("exp1", [x], mp.e1(x))
for x in [-700, -50, -3, -1, -1e-5, 1e-10, 0.1, 0.3, 0.3725, 0.5, 1, 5, 39.9, 40.1, 100, 700, 709.5]:
    v = mp.ei(x)
    add("expi", [x], v, max(abs(v), 1e-2) if 0.2 < x < 0.6 else None)

# Orthogonal polynomials (whole degrees), and binomials and Pochhammer
# symbols of real arguments.
for n in [0, 1, 2, 3, 7, 20, 50, -3]:
    for x in [-1, -0.9, -0.3, 0, 0.25, 0.7, 1, 1.5, -2.5]:
        add("eval_legendre", [n, x], mp.legendre(n if n >= 0 else -n - 1, x), max(1, abs(mp.legendre(n if n >= 0 else -n - 1, x))))
        add("eval_chebyt", [n, x], mp.chebyt(abs(n), x), max(1, abs(mp.chebyt(abs(n), x))))
        if n >= 0:
            h = mp.hermite(n, x)
            # The recurrence's error is relative to the sum of the
            # magnitudes of the terms, about |H_n| for |x| beyond the zeros.
            add("eval_hermite", [n, x], h, max(abs(h), mp.sqrt(2**n * mp.factorial(n)) * mp.exp(x * x / 2)))
for n, k in [(5, 2), (10, 3), (10.5, 3), (0.5, 0.5), (-2.5, 3), (30, 15), (100, 50), (50.5, 20.25),
             (7, 9), (1e3, 7.5), (-0.3, -0.5), (3, -1), (2.5, -1.5)]:
    add("binom", [n, k], mp.binomial(n, k))
for z, m in [(1, 5), (2.5, 3), (0.5, 0.5), (10, 2.25), (-2.5, 3), (3, -2), (100, 20), (1.5, 50.5), (5, 0), (0.1, 170)]:
    add("poch", [z, m], mp.rf(z, m))
for x in [0, 1e-9, 0.1, 0.5, 1, 1.5, 2, 2.5, 10.25, -0.7, -3, 1e6 + 0.5]:
    add("sinc", [x], mp.sincpi(x) if x != 0 else 1, max(abs(mp.sincpi(x)), 1 / (mp.pi * max(abs(x), 1))) if x != 0 else 1)

# Polygamma functions of whole order, on both sides of 0. For x < 0 the
# Hurwitz series' terms change sign with odd order; the error is measured
# against the sum of the magnitudes of the reflection's terms,
# |psi_n(1-x)| + |d^n/dx^n pi cot(pi x)|.
for n in [1, 2, 3, 4, 7, 12]:
    for x in [1e-6, 0.1, 0.5, 1, 1.4616, 2.5, 10, 100, 1e5]:
        add("polygamma", [n, x], mp.polygamma(n, x))
    for x in [-0.5, -1.25, -3.7, -10.1]:
        v = mp.polygamma(n, x)
        add("polygamma", [n, x], v, abs(mp.polygamma(n, 1 - x)) + abs(mp.diff(lambda t: mp.pi * mp.cot(mp.pi * t), x, n)))

json.dump({"mpmath": mp.__version__, "dps": mp.mp.dps, "records": records}, sys.stdout)
