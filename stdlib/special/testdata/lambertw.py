#!/usr/bin/python3
"""Reference values of the Lambert W function for calc/stdlib/special's
LambertW, computed by mpmath's lambertw at 40 digits on its branches k.

Run with Debian's python3-mpmath from this directory:

    /usr/bin/python3 lambertw.py > lambertw.json

Each record is {"z": [re, im], "k": k, "w": [re, im]}: w is W_k(z) at the
double-precision z, each part correctly rounded to a double. The points
cover the real branches (k = 0 on [-1/e, inf), k = -1 on [-1/e, 0)), both
sides of the branch cuts (imaginary part +0 and -0 are distinct doubles,
but mpmath keeps no signed zero, so points on a cut are left out), the
neighbourhood of the branch point -1/e, the region of scipy's Pade start,
large and tiny |z|, and branches -3 to 3.
"""
import json
import random

import mpmath as mp

mp.mp.dps = 40
random.seed(16)
records = []


def add(z, k):
    z = complex(z)
    real_segment = -1 / mp.e <= z.real < 0 and k == -1
    if z.imag == 0 and (z.real < 0 and k != 0 and not real_segment or z.real < -1 / mp.e and k == 0):
        return  # on a branch cut
    w = mp.lambertw(mp.mpc(z.real, z.imag), k)
    records.append({"z": [z.real, z.imag], "k": k, "w": [float(w.real), float(w.imag)]})


reals = [1e-300, 1e-20, 1e-8, 0.1, 0.5, 1, 2, mp.e, 10, 100, 1e5, 1e20, 1e300,
         -0.1, -0.2, -0.3, -0.36, -0.3678, -1e-5, -1e-20]
for x in reals:
    add(float(x), 0)
    add(float(x), -1)
for x in [-0.1, -0.2, -0.3, -0.36, -1e-5, -1e-20]:
    add(complex(float(x), 1e-3), -1)
    add(complex(float(x), -1e-3), -1)
for _ in range(60):
    r = 10 ** random.uniform(-3, 3)
    t = random.uniform(-3.14, 3.14)
    z = complex(r * mp.cos(t), r * mp.sin(t))
    for k in (-3, -2, -1, 0, 1, 2, 3):
        add(z, k)
for _ in range(30):  # scipy's Pade box and the branch point's disc
    add(complex(random.uniform(-1, 1.5), random.uniform(-1, 1)), 0)
    add(complex(float(-1 / mp.e) + random.uniform(-0.25, 0.25), random.uniform(-0.25, 0.25)), 0)
    add(complex(float(-1 / mp.e) + random.uniform(-0.25, 0.25), random.uniform(-0.25, 0.25)), -1)
    add(complex(float(-1 / mp.e) + random.uniform(-0.25, 0.25), random.uniform(-0.25, 0.25)), 1)
for z in [1j, -1j, -1 + 0.5j, 3 - 4j, 1e10j, -1e10 + 1j, 1e-10 + 1e-10j, -2 + 1e-12j, -2 - 1e-12j]:
    for k in (-1, 0, 1):
        add(z, k)
print(json.dumps(records, indent=0))
