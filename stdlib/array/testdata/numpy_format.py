#!/usr/bin/env python3
"""Writes numpy_format.txt: arrays as numpy prints them, the reference of
TestFormatNumpy (format_test.go).

Each case is a header line "=== NAME width=W shape=D1,D2,...", a line of
the values (Python's repr, which reads back exactly), and numpy's
array2string with ", " between entries, the layout of calc's Format. An
array whose values are all whole is given to numpy as int64, since calc
prints such arrays as integers. Run with Debian's python3-numpy:

    /usr/bin/python3 numpy_format.py > numpy_format.txt   (numpy 1.24.2 wrote it)
"""
import math

import numpy as np

rng = np.random.default_rng(22)
cases = [
    ("whole", [1, 2, 3]),
    ("whole widths", [1, -2, 100]),
    ("whole and big", [1e15, 1, -7]),
    ("halves", [1.5, 2, -3]),
    ("thirds", [0.1, 0.25, 1 / 3]),
    ("pi and e", [math.pi, math.e, -math.sqrt(2)]),
    ("decades", [1e-10, 1, 1e10]),
    ("decades with digits", [1.5e-10, 1, 1e10]),
    ("ratio over 1000", [0.5, 1000]),
    ("ratio under 1000", [0.5, 100]),
    ("1e8", [1e8, 1.5]),
    ("just 1e-4", [0.0001, 0.001]),
    ("under 1e-4", [0.00001, 1.25]),
    ("tiny and huge", [1e300, -1e-300]),
    ("big with decimals", [123456.789, 0.5]),
    ("1e16 and 1", [1e16, 1]),
    ("nan and inf", [float("nan"), 1.5, float("-inf")]),
    ("nan and inf exp", [float("nan"), 1.5e-9, float("inf")]),
    ("only nan", [float("nan"), float("inf")]),
    ("negative zero", [-0.0, 1.5]),
    ("small ratio", [2.5, 1e-5]),
    ("signs", [-1.5e-3, 2.25]),
    ("rounding", [0.123456789012, 1.999999999]),
    ("many 1-d", list(rng.normal(size=30))),
    ("rand 3x6", rng.random((3, 6))),
    ("normal 4x12", 100 * rng.normal(size=(4, 12))),
    ("3-d", rng.normal(size=(2, 2, 3))),
    ("column", np.array([[0.5], [10.25], [-3.0], [1e3]])),
    ("linspace 2000", np.linspace(0, 1, 2000)),
    ("summarized matrix", np.linspace(-1, 1, 40 * 40).reshape(40, 40)),
]


def reference(values):
    a = np.array(values, dtype=float)
    finite = a[np.isfinite(a)]
    if finite.size == a.size and np.all(finite == np.trunc(finite)) and np.all(np.abs(finite) < 1e16):
        a = a.astype(np.int64)
    return a


for name, values in cases:
    a = np.array(values, dtype=float)
    for width in (80, 120):
        if width == 120 and a.ndim < 2 and a.size < 20:
            continue
        text = np.array2string(reference(values), max_line_width=width, separator=", ")
        print(f"=== {name} width={width} shape={','.join(str(d) for d in a.shape)}")
        print(" ".join(repr(float(x)) for x in a.ravel()))
        print(text)
