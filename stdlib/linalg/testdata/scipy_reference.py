#!/usr/bin/python3
"""Reference values for calc/stdlib/linalg's norms, condition numbers,
matrix exponential, Kronecker products, diagonals, triangles and general
eigenvalues, computed by numpy and scipy.

Run with Debian's python3-numpy and python3-scipy from this directory:

    /usr/bin/python3 scipy_reference.py > scipy_reference.json

Each case is {"fn": name, "a": matrix, "b": matrix or null, "p": number or
string, "out": value}: matrices as nested lists; eigenvalues as [re, im]
pairs sorted by (re, im).
"""
import json
import sys
import warnings

import numpy as np
import scipy
import scipy.linalg as sl

rng = np.random.default_rng(16)
cases = []


def add(fn, a, out, b=None, p=None):
    cases.append({"fn": fn, "a": np.asarray(a, float).tolist(),
                  "b": None if b is None else np.asarray(b, float).tolist(),
                  "p": p, "out": out})


hilbert = sl.hilbert(10)
mats = {
    "2x2": np.array([[1., 2], [3, 4]]),
    "rect": rng.normal(size=(3, 5)),
    "tall": rng.normal(size=(6, 2)),
    "hilbert10": hilbert,
    "singular": np.array([[1., 2, 3], [2, 4, 6], [1, 0, 1]]),
}
for name, m in mats.items():
    for ord in [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]:
        add("norm", m, float(np.linalg.norm(m, ord)), p=("inf" if ord == np.inf else "-inf" if ord == -np.inf else ord))
    if m.shape[0] == m.shape[1]:
        for ord in [None, 1, -1, 2, -2, np.inf, "fro", "nuc"]:
            try:
                with np.errstate(all="ignore"):
                    c = float(np.linalg.cond(m, ord))
            except np.linalg.LinAlgError:
                continue  # numpy's SVD of the inverse's NaNs fails
            add("cond", m, c if np.isfinite(c) else "inf", p=("inf" if ord == np.inf else ord))
vec = rng.normal(size=7)
for ord in [None, 0, 1, 2, 3, 0.5, -1, np.inf, -np.inf]:
    add("norm", vec, float(np.linalg.norm(vec, ord)), p=("inf" if ord == np.inf else "-inf" if ord == -np.inf else ord))

expm_inputs = [
    np.array([[0., 1], [-1, 0]]),
    np.array([[1e-3, 2e-3], [0, -1e-3]]),
    rng.normal(size=(4, 4)) * 0.1,
    rng.normal(size=(5, 5)),
    rng.normal(size=(5, 5)) * 3,
    rng.normal(size=(6, 6)) * 20,
    np.array([[1., 1], [0, 1]]),
    hilbert,
    np.diag([1., -2, 3]) + np.diag([1., 1], 1),
]
for m in expm_inputs:
    add("expm", m, sl.expm(m).tolist())

add("kron", [[1., 2], [3, 4]], np.kron([[1., 2], [3, 4]], [[0., 5], [6, 7], [1, 1]]).tolist(), b=[[0., 5], [6, 7], [1, 1]])
add("kron", [1., 2, 3], np.kron([1., 2, 3], [4., 5]).tolist(), b=[4., 5])
add("kron", [1., 2], np.kron([1., 2], [[1., 0], [0, 1]]).tolist(), b=[[1., 0], [0, 1]])
for k in [-2, -1, 0, 1, 3]:
    add("diag", [1., 2, 3], np.diag([1., 2, 3], k).tolist(), p=k)
    add("diag", mats["rect"], np.diag(mats["rect"], k).tolist(), p=k)
    add("triu", mats["rect"], np.triu(mats["rect"], k).tolist(), p=k)
    add("tril", mats["rect"], np.tril(mats["rect"], k).tolist(), p=k)

eig_inputs = [
    np.array([[0., 1], [-1, 0]]),               # rotation: ±i
    np.array([[2., 1], [0, 2]]),                # defective
    np.array([[1., 0, 0], [0, 1, 0], [0, 0, 2]]),  # repeated
    rng.normal(size=(6, 6)),
    hilbert,
    np.array([[0., 0, 0, -24], [1, 0, 0, 50], [0, 1, 0, -35], [0, 0, 1, 10]]),
]
for m in eig_inputs:
    w = np.linalg.eigvals(m)
    w = sorted(w.tolist(), key=lambda z: (round(z.real, 9), round(z.imag, 9)))
    add("eigvals", m, [[z.real, z.imag] for z in w])
# Small matrices whose eigenvalues LAPACK gives in an order worth keeping:
# numpy's, with the eigenvectors as numpy gives them (out is {"values":
# [[re, im], ...], "vectors": [[[re, im], ...], ...]} in numpy's order).
# Several have a 2×2 block with equal diagonal entries, the case where
# gonum's Dlanv2 orders the pair the other way.
ordered_inputs = [
    [[2., 1], [1, 2]], [[0., 1], [1, 0]], [[1., 2], [2, 1]], [[1., -1], [-1, 1]], [[1., 0.5], [0.5, 1]],
    [[2., 1, 0], [1, 2, 1], [0, 1, 2]], [[2., 1, 0], [1, 2, 0], [0, 0, 5]],
    [[1., 1, 0, 0], [1, 1, 0, 0], [0, 0, 2, 1], [0, 0, 1, 2]],
    [[1., 2], [3, 4]], [[1., 2, 3], [4, 5, 6], [7, 8, 10]], [[4., 1, 2], [0.5, 3, 1], [2, -1, 1]],
    [[0., 1], [-1, 0]], [[3., -2], [4, -1]],
]
for m in ordered_inputs:
    w, v = np.linalg.eig(np.array(m))
    w, v = np.asarray(w, complex), np.asarray(v, complex)
    add("eig_numpy_order", m, {"values": [[z.real, z.imag] for z in w],
                               "vectors": [[[z.real, z.imag] for z in row] for row in v]})
for m in [mats["singular"], np.array([[1., 1], [1, 1]]), rng.normal(size=(3, 6))]:
    add("null_space", m, sl.null_space(m).shape[1])


def formula_matrix(n):
    """An n×n integer matrix, the same as formulaMatrix in
    ../scipy_reference_test.go, so that only its eigenvalues are stored."""
    return np.array([[float((i * 31 + j * 17 + i * j) % 23 - 11) for j in range(n)] for i in range(n)])


# Orders on both sides of LAPACK's crossover to the multishift QR (75) and
# past 150, where the sweeps accumulate their reflections (kacc22).
for n in [60, 100, 160, 240]:
    w = np.linalg.eigvals(formula_matrix(n))
    w = sorted(w.tolist(), key=lambda z: (round(z.real, 9), round(z.imag, 9)))
    add("eigvals_formula", [[0.0]], [[z.real, z.imag] for z in w], p=n)

# Matrix square roots and logarithms: normal (symmetric, rotation) and
# non-normal matrices, a defective one (a Jordan block), negative and
# complex eigenvalues, and orders past the multishift QR's crossover. The
# result is {"re": matrix, "im": matrix or None}, None where scipy's is
# real.
funm_inputs = [
    np.array([[4., 1], [1, 3]]),
    np.array([[0., 1], [-1, 0]]),
    np.array([[1., 2], [3, 4]]),
    np.array([[2., 1], [0, 2]]),
    np.array([[1., 1000], [0, 2]]),
    np.array([[4., 1, 0], [0, 4, 1], [0, 0, 4]]),
    np.array([[-1., 0], [0, -4]]),
    np.array([[1., 0.3, 0.1, 0], [-0.2, 2, 0.5, 0.1], [0, 0.4, 3, -0.6], [0.2, 0, 0.7, 1.5]]),
    formula_matrix(8) + 40 * np.eye(8),
    formula_matrix(90) + 300 * np.eye(90),
]
for m in funm_inputs:
    for name, f in [("sqrtm", sl.sqrtm), ("logm", sl.logm)]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = np.asarray(f(m))
        add(name, m, {"re": r.real.tolist(), "im": r.imag.tolist() if np.iscomplexobj(r) else None})

json.dump({"numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}, sys.stdout)
