#!/usr/bin/env python3
"""Reference values for calc's complex numbers, from numpy.

Each case is a calc expression and the numpy expression that means the
same; the result is written as flat lists of real and imaginary parts with
its shape and whether numpy's result is complex, NaN and the infinities as the strings "nan", "inf" and
"-inf". Run with Debian's python3-numpy:

    /usr/bin/python3 testdata/complex_reference.py > testdata/complex_reference.json
"""
import json
import math
import numpy as np

CASES = [
    ("1 + 2j", "1 + 2j"),
    ("(1 + 2j) * (3 - 1j)", "(1 + 2j) * (3 - 1j)"),
    ("(1 + 2j) / (3 - 4j)", "(1 + 2j) / (3 - 4j)"),
    ("(1 + 2j) ** 2", "np.complex128(1 + 2j) ** 2"),
    ("(1 + 2j) ** -3", "np.complex128(1 + 2j) ** -3"),
    ("(1 + 2j) ** 0.5", "np.complex128(1 + 2j) ** 0.5"),
    ("2 ** (1 + 1j)", "np.complex128(2) ** (1 + 1j)"),
    ("1j ** 2", "np.complex128(1j) ** 2"),
    ("sqrt(-1 + 0j)", "np.sqrt(-1 + 0j)"),
    ("sqrt(complex(-1, -0))", "np.sqrt(complex(-1, -0.0))"),
    ("sqrt(-4 + 3j)", "np.sqrt(-4 + 3j)"),
    ("exp(1j * pi)", "np.exp(1j * np.pi)"),
    ("exp(2 - 3j)", "np.exp(2 - 3j)"),
    ("log(-1 + 0j)", "np.log(-1 + 0j)"),
    ("log(complex(-1, -0))", "np.log(complex(-1, -0.0))"),
    ("log(3 + 4j)", "np.log(3 + 4j)"),
    ("log10(1j)", "np.log10(1j)"),
    ("sin(1 + 2j)", "np.sin(1 + 2j)"),
    ("cos(1 + 2j)", "np.cos(1 + 2j)"),
    ("tan(1 + 2j)", "np.tan(1 + 2j)"),
    ("sinh(1 + 2j)", "np.sinh(1 + 2j)"),
    ("cosh(1 + 2j)", "np.cosh(1 + 2j)"),
    ("tanh(1 + 2j)", "np.tanh(1 + 2j)"),
    ("asin(2 + 0j)", "np.arcsin(2 + 0j)"),
    ("acos(2 + 0j)", "np.arccos(2 + 0j)"),
    ("atan(1 + 2j)", "np.arctan(1 + 2j)"),
    ("abs(3 - 4j)", "np.abs(3 - 4j)"),
    ("angle(-1 + 0j)", "np.angle(-1 + 0j)"),
    ("angle(complex(-1, -0))", "np.angle(complex(-1, -0.0))"),
    ("angle(1 + 1j, deg=true)", "np.angle(1 + 1j, deg=True)"),
    ("conj([1 + 2j, 3 - 4j])", "np.conj(np.array([1 + 2j, 3 - 4j]))"),
    ("real([1 + 2j, 3])", "np.real(np.array([1 + 2j, 3]))"),
    ("imag([1 + 2j, 3])", "np.imag(np.array([1 + 2j, 3]))"),
    ("[1 + 2j, 3] * [[1], [1j]]", "np.array([1 + 2j, 3]) * np.array([[1], [1j]])"),
    ("[1, 2, 3] + 1j", "np.array([1, 2, 3]) + 1j"),
    ("[1j, 2j] ** 2", "np.array([1j, 2j]) ** 2"),
    ("exp([0, 1j * pi / 2])", "np.exp(np.array([0, 1j * np.pi / 2]))"),
    ("sqrt([-1, 4] + 0j)", "np.sqrt(np.array([-1, 4]) + 0j)"),
    ("complex([1, 2], 3)", "np.array([1, 2]) + 3j"),
    ("abs([3 + 4j, -5j])", "np.abs(np.array([3 + 4j, -5j]))"),
    ("sum([1 + 2j, 3 - 1j])", "np.sum([1 + 2j, 3 - 1j])"),
    ("mean([1 + 2j, 3 - 1j])", "np.mean([1 + 2j, 3 - 1j])"),
    ("sum([[1j, 2], [3, 4j]], 0)", "np.sum([[1j, 2], [3, 4j]], 0)"),
    ("[[1, 1j], [0, 1]] @ [1j, 2]", "np.array([[1, 1j], [0, 1]]) @ np.array([1j, 2])"),
    ("[1 + 2j, 3 - 1j] @ [1 + 2j, 3 - 1j]", "np.array([1 + 2j, 3 - 1j]) @ np.array([1 + 2j, 3 - 1j])"),
    ("fft([1, 0, -1, 0])", "np.fft.fft([1, 0, -1, 0])"),
    ("fft([1, 2, 3, 4, 5, 6, 7])", "np.fft.fft([1, 2, 3, 4, 5, 6, 7])"),
    ("fft([1, 2, 3], n=5)", "np.fft.fft([1, 2, 3], n=5)"),
    ("fft([1, 2, 3], 5)", "np.fft.fft([1, 2, 3], 5)"),
    ("rfft([1, 2, 3, 4, 5], 4)", "np.fft.rfft([1, 2, 3, 4, 5], 4)"),
    ("fft([[1, 2, 3], [4, 5, 6]])", "np.fft.fft([[1, 2, 3], [4, 5, 6]])"),
    ("ifft([1 + 1j, 2, 3 - 2j, 0.5])", "np.fft.ifft([1 + 1j, 2, 3 - 2j, 0.5])"),
    ("rfft([0.5, 1, -2, 3, 0, 1, 7])", "np.fft.rfft([0.5, 1, -2, 3, 0, 1, 7])"),
    ("irfft([1, 2 - 1j, 0.5j, 3])", "np.fft.irfft([1, 2 - 1j, 0.5j, 3])"),
    ("irfft([1, 2 - 1j, 0.5j, 3], n=7)", "np.fft.irfft([1, 2 - 1j, 0.5j, 3], n=7)"),
    ("irfft([1, 2 - 1j, 0.5j, 3], 7)", "np.fft.irfft([1, 2 - 1j, 0.5j, 3], 7)"),
    ("eigvals([[0, -1], [1, 0]])", "np.linalg.eigvals([[0, -1], [1, 0]])"),
    ("eigvals([[4, 1, 2], [0.5, 3, 1], [2, -1, 1]])", "np.linalg.eigvals([[4, 1, 2], [0.5, 3, 1], [2, -1, 1]])"),
    ("eig([[2, 1], [1, 3]]).values", "np.linalg.eig([[2, 1], [1, 3]])[0]"),
    ("polyroots([1, -6, 11, -6])", "np.roots([1, -6, 11, -6])"),
    ("polyroots([1, 0, 0, 1])", "np.roots([1, 0, 0, 1])"),
    ("solve([[1, 2j], [3, 4]], [1j, 2])", "np.linalg.solve([[1, 2j], [3, 4]], [1j, 2])"),
    ("solve([[1, 2j], [3, 4]], [[1j, 2], [2, 1]])", "np.linalg.solve([[1, 2j], [3, 4]], [[1j, 2], [2, 1]])"),
    ("solve([[2, 1, 0], [1, 3, 1], [0, 1, 4]], [1 + 1j, 2, -1j])",
     "np.linalg.solve([[2, 1, 0], [1, 3, 1], [0, 1, 4]], [1 + 1j, 2, -1j])"),
    ("solve([[4 - 1j, 1, 2j, 0], [1, 3 + 2j, -1, 1j], [0.5j, 2, 5, 1], [1, -1j, 0.25, 2 - 3j]], [1, 1j, -2, 3 + 1j])",
     "np.linalg.solve([[4 - 1j, 1, 2j, 0], [1, 3 + 2j, -1, 1j], [0.5j, 2, 5, 1], [1, -1j, 0.25, 2 - 3j]], [1, 1j, -2, 3 + 1j])"),
    ("inv([[1, 2j], [3, 4]])", "np.linalg.inv([[1, 2j], [3, 4]])"),
    ("inv([[4 - 1j, 1, 2j, 0], [1, 3 + 2j, -1, 1j], [0.5j, 2, 5, 1], [1, -1j, 0.25, 2 - 3j]])",
     "np.linalg.inv([[4 - 1j, 1, 2j, 0], [1, 3 + 2j, -1, 1j], [0.5j, 2, 5, 1], [1, -1j, 0.25, 2 - 3j]])"),
    ("det([[1, 2j], [3, 4]])", "np.linalg.det([[1, 2j], [3, 4]])"),
    ("det([[1, 1j], [1j, -1]])", "np.linalg.det([[1, 1j], [1j, -1]])"),
    ("det([[4 - 1j, 1, 2j, 0], [1, 3 + 2j, -1, 1j], [0.5j, 2, 5, 1], [1, -1j, 0.25, 2 - 3j]])",
     "np.linalg.det([[4 - 1j, 1, 2j, 0], [1, 3 + 2j, -1, 1j], [0.5j, 2, 5, 1], [1, -1j, 0.25, 2 - 3j]])"),
    ("[[1, 2j], [3, 4]] @ [[1j, 2], [2, 1]]", "np.array([[1, 2j], [3, 4]]) @ np.array([[1j, 2], [2, 1]])"),
    ("dot([1j, 2], [[1, 2j], [3, 4]])", "np.dot([1j, 2], [[1, 2j], [3, 4]])"),
    ("prod([1 + 2j, 3 - 1j, 2j])", "np.prod([1 + 2j, 3 - 1j, 2j])"),
    ("prod([[1 + 2j, 3], [1j, -1j]], 1)", "np.prod([[1 + 2j, 3], [1j, -1j]], 1)"),
    ("max([1 + 2j, 1 + 3j, 9j])", "np.max([1 + 2j, 1 + 3j, 9j])"),
    ("min([1 + 2j, 1 + 3j, 9j])", "np.min([1 + 2j, 1 + 3j, 9j])"),
    ("max([[1 + 2j, 1 + 1j], [0, 5j]], axis=1)", "np.max([[1 + 2j, 1 + 1j], [0, 5j]], axis=1)"),
    ("min([[1 + 2j, 1 + 1j], [0, 5j]], axis=0)", "np.min([[1 + 2j, 1 + 1j], [0, 5j]], axis=0)"),
    ("max([1 + 2j, complex(nan, 1), complex(2, nan)])", "np.max([1 + 2j, complex(np.nan, 1), complex(2, np.nan)])"),
    ("min([-1j, complex(1, nan)])", "np.min([-1j, complex(1, np.nan)])"),
    ("cumsum([1 + 2j, 3 - 1j, 2j])", "np.cumsum([1 + 2j, 3 - 1j, 2j])"),
    ("cumsum([[1j, 2], [3, 4j]], 0)", "np.cumsum([[1j, 2], [3, 4j]], 0)"),
]

# Transforms, eigenvalues, roots and solutions sum many terms in another order than
# numpy's pocketfft and LAPACK builds: they are compared to 1e-13 of their
# largest value; elementwise functions to 2 ulps.
SUMMED = ("fft", "ifft", "rfft", "irfft", "eig", "eigvals", "polyroots", "sum", "mean", "solve", "inv", "det", "prod")


def num(x):
    """x as JSON: a number, or "nan", "inf" or "-inf"."""
    return float(x) if math.isfinite(x) else str(float(x))


out = []
for calc, expr in CASES:
    result = eval(expr)
    v = np.asarray(result, dtype=complex)
    summed = calc.split("(")[0] in SUMMED
    out.append({"calc": calc, "shape": list(v.shape), "complex": bool(np.iscomplexobj(result)),
                "tol": 1e-13 if summed else 4e-16, "scaled": summed,
                "re": [num(x) for x in v.real.ravel()], "im": [num(x) for x in v.imag.ravel()]})
print(json.dumps(out, indent=1))
