#!/usr/bin/python3
"""Reference values for calc/stdlib/array's sorting, statistics and array
manipulation, computed by numpy.

Run with Debian's python3-numpy from this directory:

    /usr/bin/python3 numpy_reference.py > numpy_reference.json

Each case is {"fn": name, "in": [arrays], "p": {parameters}, "out":
[arrays]}; an array is {"shape": [...], "data": [...]} with NaN and the
infinities written as the strings "nan", "inf" and "-inf".
"""
import json
import math

import numpy as np

rng = np.random.default_rng(16)
cases = []


def enc(a):
    a = np.asarray(a, dtype=float)
    return {"shape": list(a.shape),
            "data": [x if math.isfinite(x) else str(x) for x in a.ravel().tolist()]}


def add(fn, ins, out, **p):
    if not isinstance(out, (list, tuple)):
        out = [out]
    cases.append({"fn": fn, "in": [enc(x) for x in ins], "p": p,
                  "out": [enc(o) for o in out]})


def axes(a):
    return [None] + list(range(a.ndim))


def ax(axis):
    return -99 if axis is None else axis  # -99 stands for all axes


vec = rng.normal(size=11)
ties = np.array([3., 1, 2, 3, 1, np.nan, 2, -0.0, 0.0, np.nan, 5])
mat = rng.normal(size=(4, 5))
cube = rng.integers(0, 5, size=(2, 3, 4)).astype(float)
even = rng.normal(size=10)
for a in [vec, ties, mat, cube, even, np.array([]), np.array([7.0])]:
    for axis in axes(a) if a.ndim > 0 else [None]:
        add("sort", [a], np.sort(a, axis=axis), axis=ax(axis))
        add("argsort", [a], np.argsort(a, axis=axis, kind="stable"), axis=ax(axis))
        add("flip", [a], np.flip(a, axis=axis), axis=ax(axis))
        if a.size > 0:
            add("median", [a], np.median(a, axis=axis), axis=ax(axis))
            for q in [0, 0.1, 0.25, 0.5, 0.9, 1]:
                add("quantile", [a, np.array(q)], np.quantile(a, q, axis=axis), axis=ax(axis))
            qs = np.array([0.05, 0.3, 0.5, 0.77, 1.0])
            add("quantile", [a, qs], np.quantile(a, qs, axis=axis), axis=ax(axis))
            add("nanmin", [a], np.nanmin(a, axis=axis), axis=ax(axis))
            add("nanmax", [a], np.nanmax(a, axis=axis), axis=ax(axis))
        add("nansum", [a], np.nansum(a, axis=axis), axis=ax(axis))
        with np.errstate(all="ignore"):
            import warnings
            warnings.simplefilter("ignore")
            add("nanmean", [a], np.nanmean(a, axis=axis), axis=ax(axis))
        for shift in [0, 2, -3, 13]:
            add("roll", [a], np.roll(a, shift, axis=axis), shift=shift, axis=ax(axis))
    u, c = np.unique(a, return_counts=True)
    add("unique", [a], [u, c])

big = rng.normal(size=1001)
add("median", [big], np.median(big), axis=-99)
add("quantile", [big, np.array(0.333)], np.quantile(big, 0.333), axis=-99)

srt = np.array([1., 2, 2, 2, 3, 5, 8, np.nan])
probe = np.array([-1., 1, 2, 2.5, 8, 9, np.nan, np.inf])
for side in ["left", "right"]:
    add("searchsorted", [srt, probe], np.searchsorted(srt, probe, side=side), right=int(side == "right"))

for reps in [[2], [2, 3], [1, 2, 2]]:
    add("tile", [np.array([1., 2, 3])], np.tile(np.array([1., 2, 3]), reps), reps=reps)
    add("tile", [mat[:2, :3]], np.tile(mat[:2, :3], reps), reps=reps)
for reps, axis in [([2], None), ([1, 0, 3, 1], 0), ([2], 1), ([0, 1, 2, 1, 1], 1)]:
    add("repeat", [mat], np.repeat(mat, reps if len(reps) > 1 else reps[0], axis=axis), reps=reps, axis=ax(axis))

x3, y3, z3 = np.array([1., 2, 3]), np.array([10., 20]), np.array([5., 6, 7, 8])
for ij in [False, True]:
    ind = "ij" if ij else "xy"
    add("meshgrid", [x3, y3], np.meshgrid(x3, y3, indexing=ind), ij=int(ij))
    add("meshgrid", [x3, y3, z3], np.meshgrid(x3, y3, z3, indexing=ind), ij=int(ij))

vals = np.array([2.675, -2.5, 1.5, 0.125, 1234.5678, -0.0, 1e300, np.nan, np.inf, 0.285])
for d in [0, 1, 2, 3, -1, -2]:
    add("round", [vals], np.round(vals, d), decimals=d)

a1 = np.array([1., 1e10, 1e-8, np.nan, np.inf, -np.inf, 0, 1e-300])
b1 = np.array([1 + 1e-6, 1.00001e10, 2e-8, np.nan, np.inf, np.inf, 1e-9, 0])
for rtol, atol, en in [(1e-5, 1e-8, False), (1e-5, 1e-8, True), (0, 0, False), (1e-3, 0, False)]:
    add("isclose", [a1, b1], np.isclose(a1, b1, rtol=rtol, atol=atol, equal_nan=en), rtol=rtol, atol=atol, equal_nan=int(en))
add("isclose", [mat, np.array(0.0)], np.isclose(mat, 0.0, atol=0.5), rtol=1e-5, atol=0.5, equal_nan=0)

data = rng.normal(size=200)
for bins in [1, 3, 10]:
    c, e = np.histogram(data, bins)
    add("histogram", [data], [c, e], bins=bins)
    c, e = np.histogram(data, bins, range=(-1, 1))
    add("histogram", [data], [c, e], bins=bins, lo=-1, hi=1)
c, e = np.histogram(np.array([1., 2, 2, 3, 3, 3]), np.array([0., 1, 2.5, 3]))
add("histogram", [np.array([1., 2, 2, 3, 3, 3]), np.array([0., 1, 2.5, 3])], [c, e], bins=0)
c, e = np.histogram(np.array([4.0, 4.0]))
add("histogram", [np.array([4.0, 4.0])], [c, e], bins=10)

ints = np.array([0., 1, 1, 3, 2, 1, 7])
w = rng.normal(size=7)
add("bincount", [ints], np.bincount(ints.astype(int)), minlength=0)
add("bincount", [ints], np.bincount(ints.astype(int), minlength=10), minlength=10)
add("bincount", [ints, w], np.bincount(ints.astype(int), weights=w), minlength=0)

obs = rng.normal(size=(3, 20))
for rowvar in [True, False]:
    m = obs if rowvar else obs.T
    for ddof in [0, 1, 2]:
        add("cov", [m], np.cov(m, rowvar=rowvar, ddof=ddof), rowvar=int(rowvar), ddof=ddof)
    add("corrcoef", [m], np.corrcoef(m, rowvar=rowvar), rowvar=int(rowvar))
add("cov", [obs[0]], np.cov(obs[0]), rowvar=1, ddof=1)

json.dump({"numpy": np.__version__, "cases": cases}, fp=__import__("sys").stdout)
