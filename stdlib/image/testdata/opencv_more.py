#!/usr/bin/python3
"""Reference outputs of OpenCV 4.6 for calc/stdlib/image's tests, beside
opencv_reference.py's: cv2.resize with INTER_CUBIC, and with INTER_AREA at
sizes that are not whole fractions of the image's; and cv2.Canny on an
image large enough that the Go code splits it into bands of rows.

Run with Debian's python3-opencv (4.6.0) and numpy:

    /usr/bin/python3 stdlib/image/testdata/opencv_more.py

It writes, beside itself, more.npz (the inputs "in/<name>" and the
outputs "out/<case>") and more.json (the cases, in the format of
reference.json), which reference_test.go reads with reference.json.
Names of 8-bit inputs end in 8.
"""

import json
import os

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261202)

arrays, cases = {}, []


def add_input(name, img):
    arrays["in/" + name] = img.astype(np.float64)
    return img


def smooth(h, w, channels):
    """A random image with structure: noise on a few sinusoids."""
    y, x = np.mgrid[0:h, 0:w]
    planes = []
    for c in range(channels):
        p = 128 + 80 * np.sin(x / (3.0 + c) + y / 5.0) + 40 * np.cos(x * y / 97.0)
        planes.append(p + rng.normal(0, 20, (h, w)))
    img = np.stack(planes, axis=-1) if channels > 1 else planes[0]
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


inputs = {
    "rsgray8": add_input("rsgray8", smooth(37, 53, 1)),
    "rscolour8": add_input("rscolour8", smooth(29, 41, 3)),
    "rsnoise8": add_input("rsnoise8", rng.integers(0, 256, (24, 35), dtype=np.uint8)),
    "rsflat8": add_input("rsflat8", np.full((9, 13), 255, dtype=np.uint8)),
}
grayf = add_input("rsgrayf", rng.uniform(-50, 300, (31, 27)))
inputs["rsgrayf"] = grayf

for name, img in inputs.items():
    ih, iw = img.shape[:2]
    for w, h in [(iw * 2, ih * 2), (iw * 3 + 1, ih // 3), (iw // 2, ih // 2), (7, 100), (1, 1), (3, 2),
                 (iw, ih), (iw + 1, ih - 1), (80, 61), (iw * 5 // 7, ih * 4 // 3)]:
        out = cv2.resize(img, (w, h), interpolation=cv2.INTER_CUBIC)
        case = "resizeCubic/%s/%dx%d" % (name, w, h)
        arrays["out/" + case] = out.astype(np.float64)
        cases.append({"name": case, "func": "ResizeCubic", "input": name, "args": {"w": w, "h": h}})

# Area interpolation: shrinking both sides by fractions (OpenCV's tables of
# partial pixels), enlarging one or both (bilinear with its area weights).
for name, img in inputs.items():
    ih, iw = img.shape[:2]
    for w, h in [(iw * 2 // 3, ih * 3 // 5), (iw - 1, ih - 1), (iw // 3 + 1, ih // 2 - 1), (1, 1), (5, 3),
                 (iw * 2, ih * 2), (iw * 3 + 1, ih // 3), (iw // 2, ih * 2 + 3), (iw + 1, ih)]:
        out = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
        case = "resizeArea/%s/%dx%d" % (name, w, h)
        arrays["out/" + case] = out.astype(np.float64)
        cases.append({"name": case, "func": "ResizeArea", "input": name, "args": {"w": w, "h": h}})

# Canny on 300 rows of noise over structure: the Go code suppresses
# non-maxima in bands of rows, each with its own rows of gradients.
large = add_input("cannylarge8", smooth(300, 200, 1))
for lo, hi, aperture, l2 in [(50, 150, 3, False), (20, 60, 3, True), (100, 400, 5, False), (5, 30, 3, False)]:
    case = "canny/cannylarge8/%g_%g_%d_%s" % (lo, hi, aperture, l2)
    out = cv2.Canny(large, lo, hi, apertureSize=aperture, L2gradient=l2)
    arrays["out/" + case] = out.astype(np.float64)
    cases.append({"name": case, "func": "Canny", "input": "cannylarge8",
                  "args": {"low": lo, "high": hi, "aperture": aperture, "l2": l2}})

np.savez_compressed(os.path.join(HERE, "more.npz"), **arrays)
with open(os.path.join(HERE, "more.json"), "w") as f:
    json.dump({"opencv": cv2.__version__, "cases": cases}, f, indent=0)
print("%d cases, %d arrays" % (len(cases), len(arrays)))
