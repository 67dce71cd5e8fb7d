"""numpy's timings of issue 16's speed targets, the same work as the Go
benchmarks that bench/numerics.sh runs beside it. With names as
arguments, only those.
Run: /usr/bin/python3 bench/numerics_numpy.py [NAME...]"""
import sys
import time

import numpy as np


def batch(f, calls):
    t = time.perf_counter()
    for _ in range(calls):
        f()
    return time.perf_counter() - t


def best(f, repeat=5):
    """The least time per call over repeat batches, each of enough calls
    to last 0.05 s (a single call for the large tasks), as timeit does:
    like a Go benchmark's, each figure is an average over many calls."""
    calls = 1
    elapsed = batch(f, calls)
    while elapsed < 0.05:
        calls *= 10
        elapsed = batch(f, calls)
    times = [elapsed] + [batch(f, calls) for _ in range(repeat - 1)]
    return min(times) / calls


rng = np.random.default_rng(16)
x = rng.normal(size=10**7)
n = 10**6
xs = np.linspace(-1, 1, n)
ys = np.sin(3 * xs) + 0.01 * rng.normal(size=n)
z20 = rng.normal(size=2**20) + 1j * rng.normal(size=2**20)
zp = rng.normal(size=99991) + 1j * rng.normal(size=99991)
z1k = rng.normal(size=1024) + 1j * rng.normal(size=1024)
z64 = rng.normal(size=64) + 1j * rng.normal(size=64)
z8 = rng.normal(size=8) + 1j * rng.normal(size=8)
r1k = rng.normal(size=1024)
r64 = rng.normal(size=64)
m500 = rng.normal(size=(500, 500))
for name, f in [("Sort1e7", lambda: np.sort(x)),
                ("Argsort1e7", lambda: np.argsort(x, kind="stable")),
                ("Median1e7", lambda: np.median(x)),
                ("Polyfit5on1e6", lambda: np.polyfit(xs, ys, 5)),
                ("FFT2p20", lambda: np.fft.fft(z20)),
                ("FFTPrime99991", lambda: np.fft.fft(zp)),
                ("FFT1024", lambda: np.fft.fft(z1k)),
                ("FFT64", lambda: np.fft.fft(z64)),
                ("FFT8", lambda: np.fft.fft(z8)),
                ("RFFT1024", lambda: np.fft.rfft(r1k)),
                ("RFFT64", lambda: np.fft.rfft(r64)),
                ("Eig500", lambda: np.linalg.eig(m500)),
                ("Eigvals500", lambda: np.linalg.eigvals(m500))]:
    if len(sys.argv) == 1 or name in sys.argv[1:]:
        print("%s %.9f" % (name, best(f)))
