#!/usr/bin/python3
"""Reference values for calc/stdlib/fft, computed by numpy.fft.

Run with Debian's python3-numpy from this directory:

    /usr/bin/python3 numpy_reference.py > numpy_reference.json

Complex sequences are written as [re, im, re, im, ...].
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(16)


def flat(z):
    z = np.asarray(z, complex)
    return np.column_stack([z.real, z.imag]).ravel().tolist()


ffts = []
for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 30, 31, 37, 41, 43, 64, 97, 100,
          101, 128, 210, 256, 257, 343, 1009, 1024]:
    x = rng.normal(size=n) + 1j * rng.normal(size=n)
    r = rng.normal(size=n)
    case = {"n": n, "x": flat(x), "fft": flat(np.fft.fft(x))}
    if n < 500:  # the long ones check the forward transform only, to keep this file small
        case.update({"ifft": flat(np.fft.ifft(x)), "r": r.tolist(), "rfft": flat(np.fft.rfft(r)),
                     "irfft": np.fft.irfft(np.fft.rfft(r) + 0.5j, n).tolist()})
    ffts.append(case)
freqs = [{"n": n, "d": d, "fftfreq": np.fft.fftfreq(n, d).tolist(), "rfftfreq": np.fft.rfftfreq(n, d).tolist()}
         for n in [1, 2, 5, 8, 11] for d in [1.0, 0.1, 3.0]]
convs = []
for n, m in [(5, 3), (5, 4), (3, 5), (4, 6), (1, 1), (7, 7), (10, 1), (2, 9)]:
    a, v = rng.normal(size=n), rng.normal(size=m)
    for mode in ["full", "same", "valid"]:
        convs.append({"a": a.tolist(), "v": v.tolist(), "mode": mode,
                      "convolve": np.convolve(a, v, mode).tolist(),
                      "correlate": np.correlate(a, v, mode).tolist()})
json.dump({"numpy": np.__version__, "ffts": ffts, "freqs": freqs, "convs": convs}, sys.stdout)
