"""The seed lesson's fmin call, timed per call in scipy.
Run: /usr/bin/python3 bench/seed_fmin.py"""
import timeit
from scipy.optimize import fmin

def myfunc(x):
    return x**2 - 4*x + 8

n = 2000
t = timeit.timeit(lambda: fmin(myfunc, [1.3], disp=False), number=n)
print("scipy fmin on the seed problem: %.1f us per call" % (1e6 * t / n))
