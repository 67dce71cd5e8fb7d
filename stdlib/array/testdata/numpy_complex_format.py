#!/usr/bin/env python3
"""Writes numpy_complex_format.json: complex arrays as numpy prints them
(array2string with ", " between entries), the reference of
TestFormatComplexNumpy (format_test.go). Only arrays with a fraction in
some real and some imaginary part: calc prints whole numbers without
numpy's trailing point. Run with Debian's python3-numpy:

    /usr/bin/python3 numpy_complex_format.py > numpy_complex_format.json
"""
import json

import numpy as np

cases = [
    np.fft.fft([1, 2, 3]),
    np.array([0.5j, -1.25 + 1j, 100 - 0.125j]),
    np.array([0.8 + 0j, 0.6j]),
    np.linalg.eig(np.array([[0., 1], [-1, 0]]))[1],
    np.array([[1.5 + 1j, 2], [3, 4 - 10.25j]]),
    np.fft.fft([0.5, 1, -2, 3, 0]),
]
out = [{"re": c.real.ravel().tolist(), "im": c.imag.ravel().tolist(), "shape": list(c.shape),
        "want": np.array2string(c, separator=", ")} for c in cases]
print(json.dumps(out, indent=1))
