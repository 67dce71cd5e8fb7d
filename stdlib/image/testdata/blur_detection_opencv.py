#!/usr/bin/python3
"""OpenCV 4.6's numbers for examples/blur_detection.calc.

Run the example first (it writes blur-detection.png to calc's tempdir()),
then, with Debian's python3-opencv:

    /usr/bin/python3 stdlib/image/testdata/blur_detection_opencv.py PATH/blur-detection.png

It repeats the lesson's steps with cv2 on the same file and prints the
numbers the example prints, to compare by eye with examples/blur_detection.out.
"""

import sys

import cv2
import numpy as np

img = cv2.imread(sys.argv[1], cv2.IMREAD_COLOR)  # BGR, 8-bit


def focus(im):
    return cv2.Laplacian(cv2.cvtColor(im, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()


print("sharp", repr(focus(img)))
motion = np.ones((1, 9)) / 9
blurred = [cv2.GaussianBlur(img, (3, 3), 0), cv2.GaussianBlur(img, (7, 7), 0),
           cv2.GaussianBlur(img, (0, 0), 3), cv2.blur(img, (5, 5)), cv2.medianBlur(img, 5),
           cv2.filter2D(img, -1, motion)]
print("blurred", [repr(focus(b)) for b in blurred])
print("sizes", [repr(focus(cv2.GaussianBlur(img, (k, k), 0))) for k in [1, 3, 5, 7, 9, 11, 13, 15]])
