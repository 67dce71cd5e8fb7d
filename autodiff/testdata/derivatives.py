#!/usr/bin/python3
"""Generate derivatives.json: reference derivatives computed by SymPy.

Run with Debian's Python, which sees python3-sympy:

    /usr/bin/python3 autodiff/testdata/derivatives.py

Tests only read the JSON; they never run this script.

Each case in the output list has:
  expr    calc source text, exactly as calc parses it
  vars    the variables, in order
  derivs  str(sympy.diff(e, v)) for each variable (Python syntax)
  points  3 or 4 points (one float per variable) where everything is finite
  values  f at each point
  grads   [df/dv for each v] at each point
  len     sum of len(derivs[i])
Numbers are evaluated by SymPy with evalf(17) and converted with float().
"""

import json
import math
import os

import sympy
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

x, y, z = sympy.symbols("x y z", real=True)
SYMS = {"x": x, "y": y, "z": z}

# calc's functions written in SymPy. parse_expr turns integer literals into
# sympy Integers, so 1/2 and 1/3 become exact Rationals.
NAMES = dict(SYMS)
NAMES.update({
    "exp": sympy.exp,
    "log": sympy.log,
    "sqrt": sympy.sqrt,
    "sin": sympy.sin,
    "cos": sympy.cos,
    "tan": sympy.tan,
    "asin": sympy.asin,
    "acos": sympy.acos,
    "atan": sympy.atan,
    "sinh": sympy.sinh,
    "cosh": sympy.cosh,
    "tanh": sympy.tanh,
    "abs": sympy.Abs,
    "sign": sympy.sign,
    "cbrt": lambda a: a ** sympy.Rational(1, 3),  # points keep a > 0
    "log10": lambda a: sympy.log(a, 10),
    "log2": lambda a: sympy.log(a, 2),
    "expm1": lambda a: sympy.exp(a) - 1,
    "log1p": lambda a: sympy.log(1 + a),
    "atan2": sympy.atan2,
    "hypot": lambda a, b: sympy.sqrt(a ** 2 + b ** 2),
    "min": sympy.Min,
    "max": sympy.Max,
    "sigmoid": lambda a: 1 / (1 + sympy.exp(-a)),
    "softplus": lambda a: sympy.log(1 + sympy.exp(a)),
})

X = ["x"]
XY = ["x", "y"]
XYZ = ["x", "y", "z"]

# (calc source, variables, points)
CASES = [
    # polynomials
    ("x**2 - 4*x + 8", X, [-1.5, 0.5, 2.0, 3.25]),
    ("x**2*sin(x)", X, [-2.0, 0.5, 1.0, 3.0]),
    ("exp(-x**2/2)", X, [-1.5, 0.0, 0.7, 2.0]),
    ("x**3 - 2*x**2 + x - 7", X, [-1.0, 0.25, 1.5, 4.0]),
    ("3*x**4 + 2*x", X, [-0.5, 1.0, 2.5]),
    ("(x - 1)*(x - 2)*(x - 3)*(x - 4)", X, [0.5, 1.5, 2.5, 5.0]),
    # rational functions and quotients
    ("(x**2 + 1)/(x - 3)", X, [-2.0, 0.0, 2.5, 4.0]),
    ("1/x", X, [-2.0, 0.5, 1.0, 3.0]),
    ("x/(1 + x**2)", X, [-1.5, 0.0, 0.5, 2.0]),
    ("(2*x - 1)/(x**2 + x + 1)", X, [-2.0, 0.0, 1.0, 3.5]),
    ("x/y + y/x", XY, [[1.0, 2.0], [-0.5, 1.5], [3.0, -2.0]]),
    # trig, inverse trig, hyperbolic
    ("sin(x)", X, [-1.0, 0.0, 0.5, 2.0]),
    ("cos(2*x) + sin(x)**2", X, [-1.0, 0.3, 1.2, 2.5]),
    ("tan(x)", X, [-1.0, 0.3, 1.2]),
    ("asin(x)", X, [-0.8, 0.0, 0.3, 0.9]),
    ("acos(x/2)", X, [-1.5, 0.0, 0.6, 1.9]),
    ("atan(x**2)", X, [-2.0, 0.0, 0.5, 1.5]),
    ("sinh(x)*cosh(x)", X, [-1.0, 0.0, 0.5, 1.5]),
    ("sin(x)**2 + cos(x)**2", X, [-1.0, 0.5, 2.0]),
    # tanh-based
    ("tanh(x)", X, [-2.0, 0.0, 0.5, 1.5]),
    ("1 - tanh(x)**2", X, [-1.0, 0.0, 0.5, 2.0]),
    ("x*tanh(2*x + 1)", X, [-1.5, -0.5, 0.0, 1.0]),
    ("tanh(x - y)*z", XYZ, [[0.5, 0.2, 2.0], [-1.0, 0.5, -0.5], [2.0, 1.0, 3.0]]),
    # exp/log compositions and symbolic powers
    ("log(1 + exp(x))", X, [-3.0, 0.0, 0.5, 4.0]),
    ("exp(sin(x))*cos(x)", X, [-1.0, 0.0, 1.0, 2.5]),
    ("x**x", X, [0.5, 1.0, 1.5, 2.5]),
    ("2**x", X, [-1.5, 0.0, 0.5, 3.0]),
    ("x**y", XY, [[0.5, 2.0], [1.5, -1.0], [2.0, 0.5], [3.0, 1.5]]),
    ("x**(1/2)", X, [0.25, 1.0, 2.0, 9.0]),
    ("sqrt(x**2 + y**2)", XY, [[3.0, 4.0], [-1.0, 2.0], [0.5, -0.5]]),
    ("log(x)/x", X, [0.5, 1.0, 2.0, 5.0]),
    ("exp(x)/(1 + exp(x))", X, [-2.0, 0.0, 0.5, 3.0]),
    ("sqrt(1 + x**2)", X, [-2.0, 0.0, 0.5, 3.0]),
    ("log10(x)", X, [0.5, 1.0, 10.0, 42.0]),
    ("log2(x**2 + 1)", X, [-1.5, 0.0, 1.0, 3.0]),
    ("expm1(x)", X, [-1.0, 0.0, 0.001, 2.0]),
    ("log1p(x)", X, [-0.5, 0.0, 0.001, 3.0]),
    ("cbrt(x)", X, [0.125, 1.0, 8.0, 27.0]),
    ("cbrt(x**2 + 1)", X, [-2.0, 0.0, 0.5, 3.0]),
    ("log(x**2 + y**2 + 1)", XY, [[0.0, 0.0], [1.0, -2.0], [0.5, 0.25]]),
    ("exp(-(x**2 + y**2))", XY, [[0.0, 0.0], [0.5, -1.0], [1.0, 1.5]]),
    # nested compositions
    ("sin(cos(tan(x)))", X, [-1.0, 0.0, 0.5, 1.2]),
    ("exp(exp(x))", X, [-2.0, 0.0, 0.5, 1.0]),
    ("log(log(x))", X, [1.5, 2.0, 3.0, 10.0]),
    # abs, sign, min, max (points away from kinks and ties)
    ("abs(x)", X, [-2.0, -0.5, 0.5, 3.0]),
    ("x*abs(x**2 - 2)", X, [-2.0, -0.5, 1.0, 3.0]),
    ("sign(x)*x**2", X, [-2.0, -0.5, 0.5, 3.0]),
    ("min(x, 1 - x)", X, [-1.0, 0.25, 0.75, 2.0]),
    ("max(x**2, x + 1)", X, [-1.0, 0.0, 1.0, 2.0]),
    ("min(x, y) + 2*max(x, y)", XY, [[1.0, 2.0], [3.0, -1.0], [-0.5, 0.5]]),
    # sigmoid and softplus
    ("sigmoid(x)", X, [-2.0, 0.0, 0.5, 3.0]),
    ("softplus(x)", X, [-3.0, 0.0, 0.5, 2.0]),
    ("x*sigmoid(2*x)", X, [-1.5, 0.0, 0.5, 2.0]),
    ("sigmoid(x*y)", XY, [[0.5, 2.0], [-1.0, 1.5], [2.0, -0.25]]),
    # products of several factors
    ("x*sin(x)*cos(x)*exp(x)", X, [-1.0, 0.0, 0.5, 2.0]),
    ("x*exp(-x)*cos(2*x)", X, [-0.5, 0.0, 1.0, 2.5]),
    # powers of sums
    ("(x + 1)**5", X, [-2.0, -1.0, 0.5, 1.5]),
    ("(x**2 - 1)**(-2)", X, [-2.0, 0.0, 0.5, 3.0]),
    # multi-variable
    ("(1 - x)**2 + 100*(y - x**2)**2", XY, [[1.0, 1.0], [-1.2, 1.0], [0.5, 0.5], [2.0, 3.0]]),
    ("x*y*z", XYZ, [[1.0, 2.0, 3.0], [-0.5, 4.0, 0.25], [2.0, -1.0, -3.0]]),
    ("exp(x*y)*sin(z)", XYZ, [[0.5, 1.0, 0.3], [-1.0, 0.5, 2.0], [1.0, -1.0, -1.0]]),
    ("atan2(y, x)", XY, [[1.0, 1.0], [-1.0, 2.0], [-2.0, -0.5], [0.5, -1.5]]),
    ("hypot(x, y)", XY, [[3.0, 4.0], [-1.0, 2.0], [0.5, -0.5]]),
    ("x*y + y**2*sin(x)", XY, [[0.0, 1.0], [1.0, -2.0], [2.5, 0.5]]),
    ("x**2*y + y**2*z + z**2*x", XYZ, [[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0], [0.5, -1.5, -0.5]]),
    # where simplification matters
    ("x + x + x", X, [-1.0, 0.0, 2.0]),
    ("3*x - x", X, [-1.0, 0.0, 2.0]),
    ("x*x*x", X, [-1.5, 0.0, 2.0]),
    ("(x**2)**3", X, [-1.5, 0.5, 2.0]),
    ("x/x + 1", X, [-1.5, 0.5, 2.0]),
    ("-x**2 - (-x)", X, [-1.0, 0.0, 2.0]),
]


def number(v):
    """Evaluate to 17 digits and return a finite real float."""
    v = sympy.N(v, 17)
    if v.has(sympy.zoo, sympy.oo, -sympy.oo, sympy.nan):
        raise ValueError("not finite: %s" % v)
    re, im = v.as_real_imag()
    if im != 0:
        raise ValueError("complex: %s" % v)
    f = float(re)
    if not math.isfinite(f):
        raise ValueError("not finite: %s" % v)
    return f


def case(src, names, points):
    e = parse_expr(src, local_dict=NAMES, transformations=standard_transformations)
    syms = [SYMS[n] for n in names]
    derivs = [sympy.diff(e, s) for s in syms]
    pts, values, grads = [], [], []
    for p in points:
        p = [float(c) for c in (p if isinstance(p, list) else [p])]
        assert len(p) == len(syms), (src, p)
        sub = {s: sympy.Float(c, 30) for s, c in zip(syms, p)}  # exact binary value
        values.append(number(e.subs(sub)))
        grads.append([number(d.subs(sub)) for d in derivs])
        pts.append(p)
    ds = [str(d) for d in derivs]
    return {
        "expr": src,
        "vars": list(names),
        "derivs": ds,
        "points": pts,
        "values": values,
        "grads": grads,
        "len": sum(len(d) for d in ds),
    }


def main():
    out = []
    for src, names, points in CASES:
        try:
            out.append(case(src, names, points))
        except Exception as err:
            raise SystemExit("%s: %s" % (src, err))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "derivatives.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %d cases to %s" % (len(out), path))


if __name__ == "__main__":
    main()
