#!/usr/bin/python3
"""Reference outputs of OpenCV 4.6 for calc/stdlib/image's tests.

Run with Debian's python3-opencv (4.6.0), numpy, PIL, and cjpeg from
libjpeg-turbo-progs (for the 4:4:0 JPEG, which PIL cannot write):

    /usr/bin/python3 stdlib/image/testdata/opencv_reference.py

It makes small test images from a seeded generator and writes, beside
itself:

  - the images as files: gray.png, colour.png, rgba.png, deep.png (16-bit
    RGB), gray16.png, palette.png, colour444.jpg, colour422.jpg,
    colour420.jpg, colour440.jpg, gray.jpg and palette.gif;
  - reference.npz: the filter inputs ("in/<name>"), what cv2.imread decodes
    from each file ("read/<file>/colour" in RGB order, "read/<file>/gray")
    and the output array of every case ("out/<case>");
  - reference.json: the cases (function and arguments, as the Go test
    runner calls them) and their scalar outputs.

Every filter of the first part runs on CV_64F input with a CV_64F output;
the second part runs the filters on CV_8U images with 8-bit results. OpenCV 4.6's filters
reject BORDER_WRAP, so the wrap cases are computed as the filter of the image
padded by cv2.copyMakeBorder(..., BORDER_WRAP) (which does support it),
cropped back: the same definition of the border. The Go tests read these
files only; they never run Python.
"""

import json
import os
import subprocess

import cv2
import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)

BORDERS = {
    "reflect_101": cv2.BORDER_REFLECT_101,
    "reflect": cv2.BORDER_REFLECT,
    "replicate": cv2.BORDER_REPLICATE,
    "constant": cv2.BORDER_CONSTANT,
    "wrap": cv2.BORDER_WRAP,
}


def path(name):
    return os.path.join(HERE, name)


# ---------------------------------------------------------------- images

def make_gray():
    """A 23×31 gradient with a bright rectangle, a dark disk and noise."""
    h, w = 23, 31
    y, x = np.mgrid[0:h, 0:w]
    img = 4 * x + 3 * y
    img[5:12, 6:15] = 230
    img[(y - 15) ** 2 + (x - 22) ** 2 <= 25] = 20
    img = img + rng.integers(-12, 13, (h, w))
    return np.clip(img, 0, 255).astype(np.uint8)


def make_colour():
    """A 17×19 RGB image: three different gradients, a square, noise."""
    h, w = 17, 19
    y, x = np.mgrid[0:h, 0:w]
    img = np.stack([12 * x + 2 * y, 200 - 9 * y, 5 * x + 6 * y], axis=-1)
    img[4:9, 10:16] = (250, 30, 90)
    img = img + rng.integers(-20, 21, (h, w, 3))
    return np.clip(img, 0, 255).astype(np.uint8)


gray8 = make_gray()
colour8 = make_colour()
gray = gray8.astype(np.float64)
colour = colour8.astype(np.float64)
grayf = gray * 0.37 + rng.normal(0, 3, gray.shape)  # not 8-bit valued
inputs = {"gray": gray, "colour": colour, "grayf": grayf}

# Files. cv2.imwrite takes BGR(A); the arrays above are RGB.
cv2.imwrite(path("gray.png"), gray8)
cv2.imwrite(path("colour.png"), colour8[..., ::-1])
alpha = rng.integers(0, 256, colour8.shape[:2], dtype=np.uint8)
cv2.imwrite(path("rgba.png"), np.dstack([colour8[..., ::-1], alpha]))
deep = rng.integers(0, 65536, (9, 11, 3), dtype=np.uint16)
cv2.imwrite(path("deep.png"), deep)
cv2.imwrite(path("gray16.png"), rng.integers(0, 65536, (7, 5), dtype=np.uint16))
Image.fromarray(colour8).quantize(colors=40, dither=Image.Dither.NONE).save(path("palette.png"))
Image.fromarray(colour8).quantize(colors=40, dither=Image.Dither.NONE).save(path("palette.gif"))
Image.fromarray(colour8).save(path("colour444.jpg"), quality=95, subsampling=0)
Image.fromarray(colour8).save(path("colour422.jpg"), quality=95, subsampling=1)
Image.fromarray(colour8).save(path("colour420.jpg"), quality=95, subsampling=2)
Image.fromarray(colour8).save(path("colour.ppm"))
subprocess.run(["cjpeg", "-quality", "95", "-sample", "1x2,1x1,1x1", "-outfile", path("colour440.jpg"),
                path("colour.ppm")], check=True)
os.remove(path("colour.ppm"))
cv2.imwrite(path("gray.jpg"), gray8, [cv2.IMWRITE_JPEG_QUALITY, 95])

arrays = {}
for name, img in inputs.items():
    arrays["in/" + name] = img

for f in ["gray.png", "colour.png", "rgba.png", "deep.png", "gray16.png", "palette.png",
          "colour444.jpg", "colour422.jpg", "colour420.jpg", "colour440.jpg", "gray.jpg"]:
    arrays["read/%s/colour" % f] = cv2.imread(path(f), cv2.IMREAD_COLOR)[..., ::-1]
    arrays["read/%s/gray" % f] = cv2.imread(path(f), cv2.IMREAD_GRAYSCALE)
# OpenCV 4.6 cannot read GIF: PIL decodes it and cvtColor makes the gray.
gif = np.asarray(Image.open(path("palette.gif")).convert("RGB"))
arrays["read/palette.gif/colour"] = gif
arrays["read/palette.gif/gray"] = cv2.cvtColor(gif, cv2.COLOR_RGB2GRAY)

# ---------------------------------------------------------------- cases

cases = []


def with_border(fn, img, border, radius):
    """fn(img, cv2 border) with BORDER_WRAP done by padding: radius is
    (top, bottom, left, right), how far the kernel reaches."""
    if border != "wrap":
        return fn(img, BORDERS[border])
    t, b, l, r = radius
    padded = cv2.copyMakeBorder(img, t, b, l, r, cv2.BORDER_WRAP)
    out = fn(padded, cv2.BORDER_CONSTANT)
    return out[t:t + img.shape[0], l:l + img.shape[1]]


def add(name, func, input, out, scalar=None, **args):
    case = {"name": name, "func": func, "input": input, "args": args}
    if out is not None:
        arrays["out/" + name] = np.ascontiguousarray(out, dtype=np.float64)
    if scalar is not None:
        case["scalar"] = float(scalar)
    cases.append(case)


def sobel(input, dx, dy, ksize, scale=1.0, delta=0.0, border="reflect_101"):
    n = 3 if ksize <= 1 else ksize
    r = n // 2
    out = with_border(lambda im, b: cv2.Sobel(im, cv2.CV_64F, dx, dy, ksize=ksize, scale=scale,
                                              delta=delta, borderType=b),
                      inputs[input], border, (r, r, r, r))
    name = "sobel/%s/dx%d_dy%d_k%d_s%g_d%g_%s" % (input, dx, dy, ksize, scale, delta, border)
    add(name, "Sobel", input, out, dx=dx, dy=dy, ksize=ksize, scale=scale, delta=delta, border=border)
    return out


def valid_orders(ksize):
    n = 3 if ksize == 1 else ksize
    return [(dx, dy) for dx in range(n) for dy in range(n) if dx + dy > 0 and dx + dy <= 3]


for input in ["gray", "colour"]:
    for ksize in [1, 3, 5, 7]:
        for dx, dy in valid_orders(ksize):
            sobel(input, dx, dy, ksize)
for border in BORDERS:
    sobel("gray", 1, 0, 3, border=border)
    sobel("gray", 1, 1, 5, border=border)
    sobel("colour", 0, 1, 3, border=border)
    sobel("grayf", 2, 0, 1, border=border)
    sobel("gray", 1, 0, -1, border=border)
    sobel("gray", 0, 1, -1, border=border)
sobel("grayf", 1, 0, 3, scale=0.125, delta=3)
sobel("grayf", 0, 1, 5, scale=0.3, delta=-1.5)
sobel("colour", 1, 2, 7, scale=1 / 3, delta=0.5)
sobel("gray", 0, 1, -1, scale=0.7, delta=2, border="reflect")
sobel("colour", 1, 0, -1)

# Gradients for Magnitude, Phase and ConvertScaleAbs.
gx = cv2.Sobel(grayf, cv2.CV_64F, 1, 0, ksize=3)
gy = cv2.Sobel(grayf, cv2.CV_64F, 0, 1, ksize=3)
gx[0, :4], gy[0, :4] = [0, -1, 0, -2], [0, 0, -3, -0.0]  # axes and the origin
inputs["gx"], inputs["gy"] = gx, gy
arrays["in/gx"], arrays["in/gy"] = gx, gy
add("magnitude", "Magnitude", "gx", cv2.magnitude(gx, gy), y="gy")
for degrees in [False, True]:
    # OpenCV's phase is a float32 polynomial (about 1e-4 rad), numpy's arctan2
    # is exact: the test holds Phase to numpy tightly and to OpenCV loosely.
    add("phase/cv/%s" % degrees, "Phase", "gx", cv2.phase(gx, gy, angleInDegrees=degrees),
        y="gy", degrees=degrees)
    exact = np.arctan2(gy, gx)
    exact = np.where(exact < 0, exact + 2 * np.pi, exact + 0.0)
    if degrees:
        exact = np.where(np.arctan2(gy, gx) < 0, np.degrees(np.arctan2(gy, gx)) + 360,
                         np.degrees(np.arctan2(gy, gx)) + 0.0)
    add("phase/exact/%s" % degrees, "Phase", "gx", exact, y="gy", degrees=degrees)

sobel_gray = cv2.Sobel(gray, cv2.CV_64F, 1, 1, ksize=5)
inputs["sobel_gray"] = arrays["in/sobel_gray"] = sobel_gray
for alpha, beta in [(1, 0), (0.5, 0), (0.25, -3), (-1.5, 10), (0.1, 0), (0.037, 0.5)]:
    add("convertScaleAbs/%g_%g" % (alpha, beta), "ConvertScaleAbs", "sobel_gray",
        cv2.convertScaleAbs(sobel_gray, alpha=alpha, beta=beta), alpha=alpha, beta=beta)


def laplacian(input, ksize, scale=1.0, delta=0.0, border="reflect_101"):
    r = max(ksize, 3) // 2
    out = with_border(lambda im, b: cv2.Laplacian(im, cv2.CV_64F, ksize=ksize, scale=scale,
                                                  delta=delta, borderType=b),
                      inputs[input], border, (r, r, r, r))
    add("laplacian/%s/k%d_s%g_d%g_%s" % (input, ksize, scale, delta, border), "Laplacian", input,
        out, ksize=ksize, scale=scale, delta=delta, border=border)


for input in ["gray", "colour", "grayf"]:
    for ksize in [1, 3, 5, 7]:
        laplacian(input, ksize)
for border in BORDERS:
    laplacian("gray", 1, border=border)
    laplacian("grayf", 3, border=border)
    laplacian("colour", 5, border=border)
for ksize in [1, 3, 5]:
    laplacian("grayf", ksize, scale=0.1, delta=2)  # 0.1 is rounded to float32 for 1 and 3
    laplacian("colour", ksize, scale=-0.7, delta=-1)

for input in ["gray", "grayf", "colour"]:
    add("blurMeasure/" + input, "BlurMeasure", input, None,
        scalar=cv2.Laplacian(inputs[input], cv2.CV_64F).var())

kernels = {
    "k3": rng.normal(0, 1, (3, 3)),
    "k5": np.round(rng.normal(0, 2, (5, 5))) / 4,  # with zeros, which OpenCV skips
    "k2x4": rng.normal(0, 1, (2, 4)),
    "k1x6": rng.normal(0, 1, (1, 6)),
    "k7x9": rng.normal(0, 1, (7, 9)),  # 63 elements: OpenCV correlates through the DFT
}
for name, k in kernels.items():
    arrays["in/" + name] = k
    inputs[name] = k


def filter2d(input, kname, anchor=(-1, -1), delta=0.0, border="reflect_101"):
    k = kernels[kname]
    kh, kw = k.shape
    ax = kw // 2 if anchor[0] == -1 else anchor[0]
    ay = kh // 2 if anchor[1] == -1 else anchor[1]
    out = with_border(lambda im, b: cv2.filter2D(im, cv2.CV_64F, k, anchor=anchor, delta=delta,
                                                 borderType=b),
                      inputs[input], border, (ay, kh - 1 - ay, ax, kw - 1 - ax))
    add("filter2D/%s/%s_a%d,%d_d%g_%s" % (input, kname, anchor[0], anchor[1], delta, border),
        "Filter2D", input, out, kernel=kname, anchorX=anchor[0], anchorY=anchor[1], delta=delta,
        border=border)


for border in BORDERS:
    filter2d("grayf", "k3", border=border)
    filter2d("colour", "k5", border=border)
    filter2d("gray", "k2x4", anchor=(0, 1), border=border)
for input in ["gray", "grayf", "colour"]:
    filter2d(input, "k7x9")
    filter2d(input, "k1x6", anchor=(5, 0), delta=-7.5)
filter2d("grayf", "k3", anchor=(0, 2), delta=1.25)
filter2d("colour", "k5", anchor=(4, 0), border="replicate")


def gaussian(input, kx, ky, sx, sy, border="reflect_101"):
    img = inputs[input]
    # The kernel sizes GaussianBlur derives, for the wrap padding.
    sy2 = sy if sy > 0 else sx
    nx = kx if kx > 0 else int(np.round(sx * 8 + 1)) | 1
    ny = ky if ky > 0 else int(np.round(sy2 * 8 + 1)) | 1
    out = with_border(lambda im, b: cv2.GaussianBlur(im, (kx, ky), sx, sigmaY=sy, borderType=b),
                      img, border, (ny // 2, ny // 2, nx // 2, nx // 2))
    add("gaussianBlur/%s/%dx%d_%g_%g_%s" % (input, kx, ky, sx, sy, border), "GaussianBlur", input,
        out, ksizeX=kx, ksizeY=ky, sigmaX=sx, sigmaY=sy, border=border)


for input in ["gray", "grayf", "colour"]:
    for n in [3, 5, 7, 9, 11]:
        gaussian(input, n, n, 0, 0)
    gaussian(input, 5, 7, 1.2, 0.8)
    gaussian(input, 0, 0, 1.5, 0)
    gaussian(input, 3, 9, 0, 2.0)
    gaussian(input, 0, 5, 0.7, 0)
for border in BORDERS:
    gaussian("grayf", 5, 5, 1.1, 0, border=border)
    gaussian("colour", 3, 7, 0, 0, border=border)
    gaussian("gray", 13, 3, 2.5, 0.6, border=border)

for n, sigma in [(1, 0), (3, 0), (5, 0), (7, 0), (9, 0), (11, 0), (13, 0), (31, 0), (3, 0.5),
                 (5, 1.3), (7, 2), (9, 0.8), (15, 3.7), (25, 4)]:
    add("gaussianKernel/%d_%g" % (n, sigma), "GaussianKernel", "", cv2.getGaussianKernel(n, sigma,
        cv2.CV_64F).ravel(), n=n, sigma=sigma)

for ksize in [1, 3, 5, 7, -1]:
    n = 3 if ksize <= 1 else ksize
    for dx, dy in valid_orders(ksize) if ksize > 0 else [(1, 0), (0, 1)]:
        kx, ky = cv2.getDerivKernels(dx, dy, ksize, ktype=cv2.CV_64F)
        add("derivKernels/%d_%d_%d" % (dx, dy, ksize), "DerivKernels", "",
            np.concatenate([kx.ravel(), ky.ravel()]), dx=dx, dy=dy, ksize=ksize, nx=len(kx))

MODES = {"binary": cv2.THRESH_BINARY, "binary_inv": cv2.THRESH_BINARY_INV,
         "trunc": cv2.THRESH_TRUNC, "tozero": cv2.THRESH_TOZERO,
         "tozero_inv": cv2.THRESH_TOZERO_INV}
for mode, flag in MODES.items():
    for input, t, maxval in [("grayf", 30.5, 200), ("colour", 127, 255), ("gray", 99, 1)]:
        t_used, out = cv2.threshold(inputs[input], t, maxval, flag)
        add("threshold/%s/%s_%g_%g" % (input, mode, t, maxval), "Threshold", input, out,
            scalar=t_used, t=t, maxval=maxval, mode=flag)
# Otsu: OpenCV computes it on 8-bit images only.
bimodal = np.clip(np.concatenate([rng.normal(60, 15, 300), rng.normal(170, 25, 400)]), 0, 255)
bimodal = np.round(bimodal).reshape(20, 35)
inputs["bimodal"] = arrays["in/bimodal"] = bimodal
few = np.array([[3, 3, 3, 200], [3, 3, 200, 200]], dtype=np.float64)  # two levels
inputs["few"] = arrays["in/few"] = few
for input in ["gray", "bimodal", "few"]:
    for mode in ["binary", "binary_inv", "tozero"]:
        t_used, out = cv2.threshold(inputs[input].astype(np.uint8), 0, 255,
                                    MODES[mode] | cv2.THRESH_OTSU)
        add("threshold/%s/otsu_%s" % (input, mode), "Threshold", input, out, scalar=t_used, t=0,
            maxval=255, mode=MODES[mode] | cv2.THRESH_OTSU)

# Write: what imwrite stores for a float image, and for cv2.normalize's.
wimg = rng.normal(128, 90, (6, 7, 3))
wimg[0, :6, 0] = [0.5, 1.5, 2.5, -0.5, 255.5, 254.5]  # halves round to even
wimg[1, 0, 1] = np.nan
inputs["write"] = arrays["in/write"] = wimg
cv2.imwrite(path("write_tmp.png"), wimg[..., ::-1])
arrays["out/write/plain"] = cv2.imread(path("write_tmp.png"), cv2.IMREAD_COLOR)[..., ::-1]
os.remove(path("write_tmp.png"))
norm = cv2.normalize(np.nan_to_num(wimg, nan=128.0), None, 0, 255, cv2.NORM_MINMAX)
arrays["out/write/normalized"] = np.clip(np.rint(norm), 0, 255)
arrays["out/write/normalized"][1, 0, 1] = 0  # NaN gives 0

# ---------------------------------------------------------------- 8-bit images
# The same filters on CV_8U images with an 8-bit result (ddepth -1), and the
# filters that only make sense there. Inputs whose names end in 8 hold the
# same values as the float ones; the Go runner labels them array.Uint8.


def make_photo():
    """A 61×83 photo-like 8-bit image: smooth shading, soft and hard edges,
    texture and noise, so that rounding meets every case."""
    h, w = 61, 83
    y, x = np.mgrid[0:h, 0:w]
    img = 90 + 60 * np.sin(x / 9.0) * np.cos(y / 13.0) + 0.8 * x
    img[(y - 30) ** 2 + (x - 40) ** 2 <= 300] = 210
    img[8:20, 55:75] = 15
    img = cv2.GaussianBlur(img, (0, 0), 1.2) + rng.normal(0, 6, (h, w))
    img[40:55, 5:30] += 40 * ((x[40:55, 5:30] // 3 + y[40:55, 5:30] // 3) % 2)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


photo8 = make_photo()
eight = {"gray8": gray8, "colour8": colour8, "photo8": photo8}
for name, img in eight.items():
    inputs[name] = arrays["in/" + name] = img.astype(np.float64)
grayf32 = grayf.astype(np.float32)
inputs["grayf32"] = arrays["in/grayf32"] = grayf32.astype(np.float64)


def gaussian8(input, kx, ky, sx, sy, border="reflect_101"):
    out = cv2.GaussianBlur(eight[input], (kx, ky), sx, sigmaY=sy, borderType=BORDERS[border])
    assert out.dtype == np.uint8
    add("gaussianBlur8/%s/%dx%d_%g_%g_%s" % (input, kx, ky, sx, sy, border), "GaussianBlur", input,
        out, ksizeX=kx, ksizeY=ky, sigmaX=sx, sigmaY=sy, border=border)


for input in eight:
    for n in [3, 5, 7, 9, 11, 15]:
        gaussian8(input, n, n, 0, 0)
    gaussian8(input, 5, 7, 1.2, 0.8)
    gaussian8(input, 0, 0, 1.5, 0)  # 8-bit sizes come from 3σ, not 4σ
    gaussian8(input, 3, 9, 0, 2.0)
    gaussian8(input, 0, 5, 0.7, 0)
    gaussian8(input, 15, 15, 3, 0)
    gaussian8(input, 1, 5, 0, 0)
for border in ["reflect_101", "reflect", "replicate", "constant"]:
    gaussian8("gray8", 5, 5, 1.1, 0, border=border)
    gaussian8("colour8", 3, 7, 0, 0, border=border)

# The lesson's second step: the focus measure of the 8-bit blurred image.
for input in eight:
    for n in [3, 5, 9]:
        blurred = cv2.GaussianBlur(eight[input], (n, n), 0)
        add("blurMeasure8/%s/%d" % (input, n), "BlurMeasureOfGaussian", input, None,
            scalar=cv2.Laplacian(blurred, cv2.CV_64F).var(), n=n)

for input, kname, delta in [("gray8", "k3", 0), ("colour8", "k5", 0), ("photo8", "k3", 3.5),
                            ("photo8", "k5", -2)]:
    out = cv2.filter2D(eight[input], -1, kernels[kname], delta=delta)
    assert out.dtype == np.uint8
    add("filter2D8/%s/%s_d%g" % (input, kname, delta), "Filter2D8", input, out, kernel=kname,
        anchorX=-1, anchorY=-1, delta=delta, border="reflect_101")


def box(input, kw, kh, normalize=True, border="reflect_101"):
    img = eight[input] if input in eight else inputs[input]
    out = cv2.boxFilter(img, -1, (kw, kh), normalize=normalize, borderType=BORDERS[border])
    add("boxFilter/%s/%dx%d_%s_%s" % (input, kw, kh, normalize, border), "BoxFilter", input, out,
        kw=kw, kh=kh, normalize=normalize, border=border)


for input in eight:
    for kw, kh in [(3, 3), (5, 5), (3, 7), (16, 16), (17, 17), (1, 9), (2, 2)]:
        box(input, kw, kh)
    box(input, 3, 3, normalize=False)
for border in ["reflect", "replicate", "constant"]:
    box("gray8", 5, 3, border=border)
box("grayf", 5, 5)
box("colour", 4, 3, normalize=False)

for input in eight:
    for k in [3, 5, 7, 9]:
        add("medianBlur/%s/%d" % (input, k), "MedianBlur", input, cv2.medianBlur(eight[input], k),
            ksize=k)
for k in [3, 5]:
    add("medianBlur/grayf32/%d" % k, "MedianBlur", "grayf32", cv2.medianBlur(grayf32, k), ksize=k)

SHAPES = {"rect": cv2.MORPH_RECT, "cross": cv2.MORPH_CROSS, "ellipse": cv2.MORPH_ELLIPSE}
for shape, flag in SHAPES.items():
    for w, h in [(1, 1), (3, 3), (5, 5), (7, 5), (4, 6), (9, 9), (11, 7), (15, 15)]:
        add("structuringElement/%s/%dx%d" % (shape, w, h), "StructuringElement", "",
            cv2.getStructuringElement(flag, (w, h)), shape=shape, w=w, h=h)
OPS = {"erode": None, "dilate": None, "open": cv2.MORPH_OPEN, "close": cv2.MORPH_CLOSE,
       "gradient": cv2.MORPH_GRADIENT, "tophat": cv2.MORPH_TOPHAT, "blackhat": cv2.MORPH_BLACKHAT}
for input in ["gray8", "colour8", "photo8"]:
    for shape, flag in SHAPES.items():
        for w, h, it in [(3, 3, 1), (5, 5, 1), (7, 5, 2)]:
            k = cv2.getStructuringElement(flag, (w, h))
            for op, code in OPS.items():
                if op == "erode":
                    out = cv2.erode(eight[input], k, iterations=it)
                elif op == "dilate":
                    out = cv2.dilate(eight[input], k, iterations=it)
                else:
                    out = cv2.morphologyEx(eight[input], code, k, iterations=it)
                add("morph/%s/%s_%s_%dx%d_%d" % (input, op, shape, w, h, it), "Morph", input, out,
                    op=op, shape=shape, w=w, h=h, iterations=it)

for input in ["gray8", "photo8"]:
    add("equalizeHist/" + input, "EqualizeHist", input, cv2.equalizeHist(eight[input]))
add("cvtColor/colour8/gray", "ToGray", "colour8", cv2.cvtColor(colour8, cv2.COLOR_RGB2GRAY))
add("cvtColor/colour8/hsv", "ToHSV", "colour8", cv2.cvtColor(colour8, cv2.COLOR_RGB2HSV))
add("cvtColor/gray8/rgb", "ToRGB", "gray8", cv2.cvtColor(gray8, cv2.COLOR_GRAY2RGB))
# Every hue: a ramp through all 8-bit colours of some saturations and values.
hues = np.array([[r, g, b] for r in range(0, 256, 15) for g in range(0, 256, 15)
                 for b in range(0, 256, 15)], dtype=np.uint8).reshape(-1, 18, 3)
inputs["hues8"] = arrays["in/hues8"] = hues.astype(np.float64)
add("cvtColor/hues8/hsv", "ToHSV", "hues8", cv2.cvtColor(hues, cv2.COLOR_RGB2HSV))
add("cvtColor/hues8/gray", "ToGray", "hues8", cv2.cvtColor(hues, cv2.COLOR_RGB2GRAY))

for input in ["gray8", "colour8", "photo8"]:
    for lo, hi in [(50, 150), (20, 60), (100, 30), (0, 0), (5, 250)]:
        for aperture in [3, 5]:
            for l2 in [False, True]:
                img = eight[input][..., ::-1] if input == "colour8" else eight[input]  # BGR
                add("canny/%s/%g_%g_%d_%s" % (input, lo, hi, aperture, l2), "Canny", input,
                    cv2.Canny(img, lo, hi, apertureSize=aperture, L2gradient=l2), low=lo, high=hi,
                    aperture=aperture, l2=l2)

for input in ["gray8", "colour8", "photo8"]:
    for w, h in [(7, 5), (31, 23), (50, 61), (100, 3), (1, 1), (83, 61), (160, 122), (29, 17)]:
        add("resizeNearest/%s/%dx%d" % (input, w, h), "ResizeNearest", input,
            cv2.resize(eight[input], (w, h), interpolation=cv2.INTER_NEAREST), w=w, h=h)

for input in ["gray8", "photo8", "colour8"]:
    for d, sc, ss in [(5, 50, 50), (9, 75, 75), (0, 30, 2), (7, 10, 3), (3, 200, 1), (15, 80, 80)]:
        for border in ["reflect_101", "replicate"]:
            img = eight[input][..., ::-1] if input == "colour8" else eight[input]  # BGR
            out = cv2.bilateralFilter(img, d, sc, ss, borderType=BORDERS[border])
            add("bilateral/%s/%d_%g_%g_%s" % (input, d, sc, ss, border), "Bilateral", input,
                out[..., ::-1] if input == "colour8" else out, d=d, sigmaColor=sc, sigmaSpace=ss,
                border=border)

for mode, flag in MODES.items():
    for t, maxval in [(99.5, 200.7), (-3, 255), (255, 100), (127, 300), (0.2, 1.5)]:
        t_used, out = cv2.threshold(gray8, t, maxval, flag)
        add("threshold8/gray8/%s_%g_%g" % (mode, t, maxval), "Threshold", "gray8", out,
            scalar=t_used, t=t, maxval=maxval, mode=flag)

# HSV back to RGB: every hue, saturation and value on a grid, and the
# HSV of the test images.
hsv = np.array([[h, s, v] for h in range(0, 180, 3) for s in range(0, 256, 17)
                for v in range(0, 256, 15)], dtype=np.uint8).reshape(-1, 30, 3)
inputs["hsv8"] = arrays["in/hsv8"] = hsv.astype(np.float64)
add("cvtColor/hsv8/rgb", "FromHSV", "hsv8", cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB))
back = cv2.cvtColor(colour8, cv2.COLOR_RGB2HSV)
inputs["colourhsv8"] = arrays["in/colourhsv8"] = back.astype(np.float64)
add("cvtColor/colourhsv8/rgb", "FromHSV", "colourhsv8", cv2.cvtColor(back, cv2.COLOR_HSV2RGB))

# Area resizing by whole factors: 8-bit images round 2×2 blocks half up and
# others half to even.
area = rng.integers(0, 256, (48, 72, 3), dtype=np.uint8)
inputs["area8"] = arrays["in/area8"] = area.astype(np.float64)
inputs["areagray8"] = arrays["in/areagray8"] = area[..., 0].astype(np.float64)
for input, img in [("area8", area), ("areagray8", area[..., 0])]:
    for kx, ky in [(2, 2), (2, 1), (1, 2), (2, 4), (3, 2), (4, 4), (6, 6), (3, 3), (8, 8), (1, 1)]:
        w, h = 72 // kx, 48 // ky
        add("resizeArea/%s/%dx%d" % (input, w, h), "ResizeArea", input,
            cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA), w=w, h=h)
for kx, ky in [(2, 2), (3, 2), (4, 4)]:
    w, h = 72 // kx, 48 // ky
    imgf = area[..., 1].astype(np.float64) * 0.37
    inputs["areaf"] = arrays["in/areaf"] = imgf
    add("resizeArea/areaf/%dx%d" % (w, h), "ResizeArea", "areaf",
        cv2.resize(imgf, (w, h), interpolation=cv2.INTER_AREA), w=w, h=h)

# Bilinear resizing: 8-bit images in OpenCV's fixed point, float ones with
# float32 weights; halving both sides is area averaging.
for input in ["gray8", "colour8", "photo8", "grayf", "colour"]:
    img = eight[input] if input in eight else inputs[input]
    ih, iw = img.shape[:2]
    for w, h in [(80, 61), (20, 15), (106, 74), (7, 100), (1, 1), (3, 2), (iw // 2, ih // 2),
                 (iw * 2, ih * 2), (iw, ih + 1), (iw * 3 + 1, ih // 3)]:
        add("resizeLinear/%s/%dx%d" % (input, w, h), "ResizeLinear", input,
            cv2.resize(img, (w, h), interpolation=cv2.INTER_LINEAR), w=w, h=h)

np.savez_compressed(path("reference.npz"), **arrays)
with open(path("reference.json"), "w") as f:
    json.dump({"opencv": cv2.__version__, "cases": cases}, f, indent=0)
print("%d cases, %d arrays" % (len(cases), len(arrays)))
