#!/usr/bin/python3
"""Times OpenCV 4.6 and scipy.ndimage on the image of calc/stdlib/image's
benchmarks (bench_test.go): a 2048×2048 float64 image, CV_64F output, the
reflect-101 border (scipy's mode "mirror"). Prints ns/op, the best of five
rounds, each the mean of several calls, for comparison with

    go test ./stdlib/image -run XXX -bench .

Given a case's name, it times OpenCV's call of that case only and prints
the name and ns/op, for bench/image.sh, which runs it beside the Go
benchmark of the same name; given a name and a count, it prints the name
and the processor time (time.process_time: user and system, all threads)
per call over that many calls, after one call to warm up.

OpenCV runs with its default threads (cv2.getNumThreads()); scipy.ndimage
uses one. The scipy figures are for ndimage.convolve with the same 3×3
kernel flipped (convolve flips it back), and, for reference, ndimage.sobel
(two 1-d passes) for the Sobel case.

OPENBLAS_* settings do not matter here: neither library calls BLAS.
"""

import sys
import time
import timeit

import cv2
import numpy as np
from scipy import ndimage

N = 2048
rng = np.random.default_rng(3)
img = rng.uniform(0, 256, (N, N))
img8 = img.astype(np.uint8)
k3 = np.array([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, -0.9]])
sobel3 = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)
lap1 = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float64)

cases = [
    ("Sobel3", "OpenCV", lambda: cv2.Sobel(img, cv2.CV_64F, 1, 0, ksize=3)),
    ("Sobel3", "scipy.ndimage.convolve", lambda: ndimage.convolve(img, sobel3[::-1, ::-1], mode="mirror")),
    ("Sobel3", "scipy.ndimage.sobel", lambda: ndimage.sobel(img, axis=1, mode="mirror")),
    ("Laplacian", "OpenCV", lambda: cv2.Laplacian(img, cv2.CV_64F)),
    ("Laplacian", "scipy.ndimage.convolve", lambda: ndimage.convolve(img, lap1, mode="mirror")),
    ("Filter2D3x3", "OpenCV", lambda: cv2.filter2D(img, cv2.CV_64F, k3)),
    ("Filter2D3x3", "scipy.ndimage.convolve", lambda: ndimage.convolve(img, k3[::-1, ::-1], mode="mirror")),
    ("GaussianBlur5", "OpenCV", lambda: cv2.GaussianBlur(img, (5, 5), 0)),
    # 8-bit images: uniform values cut to 8 bits, as bench_test.go's benchImage8.
    ("GaussianBlur5x8bit", "OpenCV", lambda: cv2.GaussianBlur(img8, (5, 5), 0)),
    ("MedianBlur5x8bit", "OpenCV", lambda: cv2.medianBlur(img8, 5)),
    ("Canny8bit", "OpenCV", lambda: cv2.Canny(img8, 50, 150)),
    ("Blur5x8bit", "OpenCV", lambda: cv2.blur(img8, (5, 5))),
    ("ResizeLinear8bit", "OpenCV", lambda: cv2.resize(img8, (N * 3 // 4, N * 3 // 4))),
    ("ResizeCubic8bit", "OpenCV", lambda: cv2.resize(img8, (N * 3 // 4, N * 3 // 4), interpolation=cv2.INTER_CUBIC)),
    ("ResizeArea8bit", "OpenCV", lambda: cv2.resize(img8, (N * 3 // 4, N * 3 // 4), interpolation=cv2.INTER_AREA)),
]


def best_ns(f):
    n = 10
    return min(timeit.repeat(f, number=n, repeat=5)) / n * 1e9


if len(sys.argv) > 1:
    for name, who, f in cases:
        if name == sys.argv[1] and who == "OpenCV":
            if len(sys.argv) > 2:
                f()
                calls = int(sys.argv[2])
                start = time.process_time()
                for _ in range(calls):
                    f()
                print("%s %.0f" % (name, (time.process_time() - start) / calls * 1e9))
            else:
                print("%s %.0f" % (name, best_ns(f)))
            sys.exit(0)
    sys.exit("no OpenCV case %s" % sys.argv[1])

# The three agree, which checks that the scipy calls compute the same thing.
ref = cv2.filter2D(img, cv2.CV_64F, k3)
assert np.allclose(ndimage.convolve(img, k3[::-1, ::-1], mode="mirror"), ref)

print("OpenCV %s with %d threads, numpy %s" % (cv2.__version__, cv2.getNumThreads(), np.__version__))
for name, who, f in cases:
    print("%-18s %-24s %12.0f ns/op" % (name, who, best_ns(f)))
