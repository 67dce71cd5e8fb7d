"""The Lotka–Volterra fit of bench/fit_ode.sh as a scipy user writes it:
least_squares with its default finite-difference Jacobian ("2-point")
around odeint. Prints the best wall time and the best processor time of
5 fits, the right-hand side evaluations of one fit, nfev and njev, and
the fitted parameters.
Run: /usr/bin/python3 bench/fit_ode_scipy.py"""
import time

import numpy as np
from scipy.integrate import odeint
from scipy.optimize import least_squares

calls = 0


def lv(z, t, a, b, c, d):
    global calls
    calls += 1
    return [a * z[0] - b * z[0] * z[1], -c * z[1] + d * z[0] * z[1]]


t = np.linspace(0, 15, 31)
truth = (1.0, 0.1, 1.5, 0.075)
# The noise is a fixed sequence that calc computes alike.
data = odeint(lv, [10, 5], t, args=truth) + 0.5 * np.sin(0.7 * np.arange(62) ** 2).reshape(31, 2)


def residuals(p):
    return (odeint(lv, [10, 5], t, args=tuple(p), mxstep=5000) - data).ravel()


start = [0.8, 0.12, 1.2, 0.06]
best = cpu = float("inf")
for _ in range(5):
    calls = 0
    t0, c0 = time.perf_counter(), time.process_time()
    fit = least_squares(residuals, start, bounds=(0, np.inf))
    best = min(best, time.perf_counter() - t0)
    cpu = min(cpu, time.process_time() - c0)
print(f"scipy {best:.6f} rhs {calls} cpu {cpu:.6f} nfev {fit.nfev} njev {fit.njev} x {' '.join(f'{v:.8f}' for v in fit.x)}")
