#!/usr/bin/python3
"""OpenCV 4.6's addWeighted on 8-bit images, for addweighted_test.go.

Run with Debian's python3-opencv:

    /usr/bin/python3 stdlib/image/testdata/addweighted_reference.py > stdlib/image/testdata/addweighted.json

Shapes of 12, 91 and 200 values take OpenCV's vector loop, its half
vector and its scalar tail; the weights are ones whose float32 sums round
differently with and without fused multiply-adds.
"""

import json

import cv2
import numpy as np

rng = np.random.RandomState(5)
cases = []
for shape in [(2, 2, 3), (7, 13), (5, 40)]:
    a = rng.randint(0, 256, shape).astype(np.uint8)
    b = rng.randint(0, 256, shape).astype(np.uint8)
    for alpha, beta, gamma in [(0.5, 0.5, 0), (0.3, 0.7, 0), (0.1, 0.9, 2.5), (1.7, -0.6, 10), (0.3, 0.3, 0.3)]:
        out = cv2.addWeighted(a, alpha, b, beta, gamma)
        cases.append({"shape": list(shape), "a": a.ravel().tolist(), "b": b.ravel().tolist(),
                      "alpha": alpha, "beta": beta, "gamma": gamma, "want": out.ravel().tolist()})
print(json.dumps(cases))
