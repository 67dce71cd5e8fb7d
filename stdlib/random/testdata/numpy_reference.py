#!/usr/bin/python3
"""numpy's legacy generator's draws, for mt19937_test.go.

Run with Debian's python3-numpy (1.24):

    /usr/bin/python3 stdlib/random/testdata/numpy_reference.py > stdlib/random/testdata/numpy.json

Each case seeds numpy.random and makes the calls listed, in order; the
test makes the same calls on random.New(seed) and compares every value.
"""

import json

import numpy as np

CALLS = [
    ("rand", 5), ("randn", 3), ("rand", 2), ("randn", 4), ("randint", 0, 10, 6),
    ("randint", -3, 3, 4), ("randint", 5, 6, 2), ("randint", 0, 2**40, 3), ("rand", 700),
    ("randint", 0, 2**32, 3), ("randn", 1),
]

cases = []
for seed in [0, 1, 42, 2**32 - 1]:
    np.random.seed(seed)
    out = []
    for call in CALLS:
        if call[0] == "rand":
            v = np.random.rand(call[1])
        elif call[0] == "randn":
            v = np.random.randn(call[1])
        else:
            v = np.random.randint(call[1], call[2], call[3])
        out.append({"call": list(call), "values": [float(x) for x in v]})
    cases.append({"seed": seed, "draws": out})
print(json.dumps(cases))
