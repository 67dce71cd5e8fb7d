#!/usr/bin/python3
"""Reference values for calc/stdlib/special, computed by mpmath at 40 digits.

Run with Debian's python3-mpmath from this directory:

    /usr/bin/python3 reference.py > reference.json

Each record is {"f": name, "args": [...], "value": v, "scale": s}: v is the
function at the given double-precision arguments, correctly rounded to a
double; s is the size the test measures the error against. s is |v| where
relative error is the right measure. Where a function oscillates through
zeros, an error of a few ulps in the argument's phase is inherent, and s
is the envelope instead: sqrt(J^2 + Y^2) for the Bessel functions beyond
their turning point, sqrt(Ai^2 + Bi^2) (and of the derivatives) for the
Airy functions on the negative axis, |psi(1-x)| + |pi cot(pi x)| for
digamma's reflection, and the sum of the magnitudes of the terms of the
reflection formula for I of negative order. Points whose value overflows or
underflows a double are left out.
"""
import json
import random
import sys

import mpmath as mp

mp.mp.dps = 40

records = []


def add(f, args, value, scale=None):
    v = float(value)
    if v != v or v in (float("inf"), float("-inf")):
        return
    if v == 0 and value != 0:
        return  # underflows
    if abs(v) < 1e-300 and v != 0:
        return  # subnormal: relative accuracy is not available
    s = abs(v) if scale is None else float(scale)
    records.append({"f": f, "args": list(args), "value": v, "scale": s})


def grid(lo, hi, n):
    return [lo + (hi - lo) * i / (n - 1) for i in range(n)]


# Gamma and log|Gamma|: poles excluded, negative arguments near them and
# large arguments included.
gamma_pts = ([1e-300, 1e-10, 0.5, 1, 1.5, 2, 2.5, 3, 5.5, 10.1, 30.7, 100.3,
              170.5, 171.6, -1e-10, -0.5, -1.5, -2.5, -10.3, -100.5, -170.2,
              -1 + 1e-10, -2 - 1e-9]
             + grid(0.05, 12, 40) + grid(-9.95, -0.05, 30))
for x in gamma_pts:
    add("gamma", [x], mp.gamma(x))
for x in gamma_pts + [1 + 1e-10, 2 - 1e-8, 1e10, 1e300, 4.5e5]:
    add("gammaln", [x], mp.log(abs(mp.gamma(x))))
# Near the negative zeros of log|Gamma| the error is absolute.
for x in [-2.4570247, -2.7, -3.1, -3.95]:
    add("gammaln", [x], mp.log(abs(mp.gamma(x))), 1)

# Digamma.
x0 = float(mp.findroot(mp.digamma, 1.46))
dig_pts = ([1e-300, 1e-8, 0.1, 0.5, 1, 1.2, 1.3, 1.4, 1.45, 1.46, 1.47, 1.5, 1.6,
            1.7, 1.72, 1.75, 2, 3.5, 9.99, 10, 10.01, 100, 1e6, 1e15, 1e300,
            x0, x0 + 1e-15, x0 - 1e-12, x0 + 1e-6, x0 - 0.2]
           + grid(0.05, 20, 60))
for x in dig_pts:
    add("digamma", [x], mp.digamma(x))
for x in [-0.5, -0.9, -1e-9, -1.5 + 1e-9, -2.3, -10.7, -100.25, -1e5 - 0.5,
          -0.5040830082644554, -1.5] + grid(-9.93, -0.07, 40):
    scale = abs(mp.digamma(1 - x)) + abs(mp.pi * mp.cot(mp.pi * x))
    add("digamma", [x], mp.digamma(x), scale)

# Beta.
beta_pts = [(0.5, 0.5), (1, 1), (2.5, 3.5), (1e-10, 1), (1e-10, 1e-10),
            (0.1, 100), (3, 200), (80, 90), (100, 100.5), (300, 400),
            (0.5, 1000), (7.5, 1e4), (15, 1e4), (1e6, 1e-6), (2, 1e10),
            (1e3, 1e3), (-0.5, 2), (-1.5, 2), (-2.5, -0.3), (-0.5, 200.25),
            (-1, 1), (-2, 1), (-3, 2), (-10.5, 3.25), (171.5, 0.5), (30, 150)]
for a, b in beta_pts:
    add("beta", [a, b], mp.beta(a, b))
    add("beta", [b, a], mp.beta(a, b))

# Error functions.
for x in [0, 1e-300, 1e-10, 0.1, 0.5, 0.84, 1, 2, 3, 5, -0.3, -2.5] + grid(-6, 6, 49):
    add("erf", [x], mp.erf(x))
for x in [-5, -1, 0, 1e-10, 0.5, 1, 2, 5, 10, 20, 26] + grid(-3, 27, 61):
    add("erfc", [x], mp.erfc(x))
for x in [0, 1e-300, 1e-10, 0.1, 0.5, 0.9, 0.99, 0.999999, -0.3, -0.75,
          1 - 2**-30, -(1 - 2**-40)] + grid(-0.98, 0.98, 50):
    add("erfinv", [x], mp.erfinv(x))

# Airy: the series region, its borders at -10 and 9, and both tails.
airy_pts = (grid(-10, 9, 96) + grid(-60, -10.5, 34) + grid(9.5, 100, 40)
            + [-1e4, -1234.5, -300, -200.125, -10.0001, -9.9999, 8.9999, 9.0001,
               -2.338107410459767, -4.087949444130971, -1.018792971647471,
               -2.294439682614123, 1e-300, -1e-300, 103, 104.5])
rng = random.Random(2)
airy_pts += [rng.uniform(-40, 40) for _ in range(200)]
for x in airy_pts:
    ai, bi = mp.airyai(x), mp.airybi(x)
    aip, bip = mp.airyai(x, 1), mp.airybi(x, 1)
    if x < 0:
        env = mp.sqrt(ai**2 + bi**2)
        envp = mp.sqrt(aip**2 + bip**2)
        add("airy_ai", [x], ai, env)
        add("airy_aip", [x], aip, envp)
        add("airy_bi", [x], bi, env)
        add("airy_bip", [x], bip, envp)
    else:
        add("airy_ai", [x], ai)
        add("airy_aip", [x], aip)
        add("airy_bi", [x], bi)
        add("airy_bip", [x], bip)

# Bessel functions of integer order: relative error before the turning
# point x = n, the envelope beyond it.
def bessel(name, n, x, fn):
    v = fn(n, x)
    if x > max(abs(n), 1) * 0.9:
        scale = mp.sqrt(mp.besselj(n, x)**2 + mp.bessely(n, x)**2)
        add(name, [n, x], v, scale)
    else:
        add(name, [n, x], v)


jy_x = [1e-5, 0.1, 0.5, 1, 2, 2.404825557695773, 3.8317059702075125, 5, 7.5,
        10, 25, 50, 100, 1e3, 1e5] + grid(0.2, 40, 60)
for x in jy_x + [-3.5, -0.7]:
    bessel("j0", 0, x, mp.besselj)
    bessel("j1", 1, x, mp.besselj)
for n in [2, 3, 5, 10, 30, -3, 100]:
    for x in jy_x + [-2.5]:
        bessel("jn", n, x, mp.besselj)
for x in jy_x:
    bessel("y0", 0, x, mp.bessely)
    bessel("y1", 1, x, mp.bessely)
for n in [2, 3, 5, 10, 30, -3]:
    for x in jy_x:
        bessel("yn", n, x, mp.bessely)

# Modified Bessel functions of real order.
ik_v = [0, 0.3, 0.5, 1, 1.7, 2.5, 5, 10.2, 30, 50.5, 100]
ik_x = [1e-5, 0.1, 0.5, 1, 1.9, 2, 2.1, 5, 10, 29.9, 30.1, 50, 100, 500, 700]
for v in ik_v:
    for x in ik_x:
        add("iv", [v, x], mp.besseli(v, x))
        add("kv", [v, x], mp.besselk(v, x))
for v in [-0.3, -0.5, -1, -1.5, -2.7, -10.2]:
    for x in ik_x:
        iv = mp.besseli(-v, x)
        k = 2 / mp.pi * mp.sin(-v * mp.pi) * mp.besselk(-v, x)
        add("iv", [v, x], mp.besseli(v, x), abs(iv) + abs(k))
        add("kv", [v, x], mp.besselk(v, x))
for v, x in [(2, -1), (3, -1.5), (0, -4)]:
    add("iv", [v, x], mp.besseli(v, x))
# Random orders and arguments, log-uniform in x, including large orders.
rng = random.Random(1)
for _ in range(300):
    v = rng.choice([rng.uniform(0, 3), rng.uniform(0, 60), rng.uniform(60, 400)])
    x = 10 ** rng.uniform(-3, 2.85)
    add("iv", [v, x], mp.besseli(v, x))
    add("kv", [v, x], mp.besselk(v, x))

# Riemann zeta.
zeta_s = ([1 + 1e-10, 1.0001, 1.01, 1.5, 2, 3, 4.5, 10, 30, 60, 0.999, 0.9999999,
           0.5, 0.25, 1e-10, 0, -1e-10, -0.1, -0.2, -0.24, -0.26, -0.3, -1, -1.5,
           -2.5, -3.7, -7, -20.5, -50.25, -100.5, -150.75, -169.5]
          + grid(-19.9, 19.9, 41))
for s in zeta_s:
    add("zeta", [s], mp.zeta(s))
# Beyond Gamma's range the reflection loses about |s| eps (documented).
for s in [-171.5, -200.5, -250.5]:
    add("zeta_large_negative", [s], mp.zeta(s))

# Hurwitz zeta.
hz = [(1.001, 1), (1.5, 0.5), (2, 1e-5), (2, 0.5), (2, 3.25), (2, 1e6), (3, 7.5),
      (4.5, 0.01), (6, 100), (10, 1.5), (20, 2.5), (50, 1.1), (1.1, 1e3),
      (2, -1.5), (3, -2.25), (1.25, 40), (12.5, 0.75)]
for s, q in hz:
    add("hurwitz_zeta", [s, q], mp.zeta(s, q))

# Logistic functions.
for x in [-800, -100, -30, -5, -1, -1e-10, 0, 1e-10, 0.5, 1, 5, 30, 36.7, 100]:
    add("expit", [x], 1 / (1 + mp.exp(-mp.mpf(x))))
for p in [1e-300, 1e-10, 0.01, 0.1, 0.25, 0.3, 0.49, 0.5, 0.5 + 2**-40, 0.51,
          0.7, 0.75, 0.9, 0.99, 1 - 2**-40]:
    p = mp.mpf(p)
    add("logit", [float(p)], mp.log(p / (1 - p)))

json.dump({"mpmath": mp.__version__, "dps": mp.mp.dps, "records": records},
          sys.stdout, indent=None, separators=(",", ":"))
sys.stdout.write("\n")
