#!/usr/bin/python3
"""Writes scipy_fdjac.json: what scipy 1.10 reports when derivatives are
finite differences (jac False, "2-point", "3-point", "cs"; fprime None;
approx_grad; Dfun None), for builtins/fdjac_test.go to compare calc with.

Run with Debian's scipy 1.10.1, from this folder:

    /usr/bin/python3 scipy_fdjac.py

Each case holds the calc call that must give scipy's answer. The problems
are written so that numpy and calc's compiled tapes compute the same
floating-point numbers: squares as products (numpy's scalar ** calls pow,
which may differ from x*x in the last bit), no libm functions, and sums in
the order calc evaluates them. Complex steps need functions (calc's
expressions take no complex values), so every problem is a calc function.
"""
import json
import warnings

import numpy as np
import scipy
from scipy import optimize

warnings.simplefilter("ignore")


def sq(t):
    return t * t


def rosen(v):
    return 100 * sq(v[1] - sq(v[0])) + sq(1 - v[0])


def quadratic(v):
    return sq(v[0] - 3) + 2 * sq(v[1] + 1) + v[0] * v[1]


# The fit: a rational decay a/(1 + b t) + c to 20 points.
T = np.linspace(0, 4, 20)
Y = 2 / (1 + 0.7 * T) + 0.3 + 0.01 * np.cos(3 * np.arange(20))


def fit(p):
    return p[0] / (1 + p[1] * T) + p[2] - Y


def system(v):
    return np.array([v[0] * v[0] - 2, v[1] - 1 + 0.1 * v[0]])


def calc_vector(v):
    return "[" + ", ".join(repr(float(x)) for x in v) + "]"


# The calc definitions of the problems, evaluated once per session.
DEFINITIONS = "\n".join([
    "rosen(v) = 100*(v[1] - v[0]**2)**2 + (1 - v[0])**2",
    "quadratic(v) = (v[0] - 3)**2 + 2*(v[1] + 1)**2 + v[0]*v[1]",
    "T = " + calc_vector(T),
    "Y = " + calc_vector(Y),
    "fit(p) = p[0]/(1 + p[1]*T) + p[2] - Y",
    "system(v) = [v[0]*v[0] - 2, v[1] - 1 + 0.1*v[0]]",
])

PROBLEMS = {"rosen": (rosen, [-1.2, 1.0]), "quadratic": (quadratic, [0.0, 0.0])}


def calc_jac(jac):
    if jac is False:
        return "false"
    return '"%s"' % jac


def num(v):
    return None if v is None else int(v)


cases = []

for name, (f, x0) in PROBLEMS.items():
    for method in ["CG", "BFGS", "L-BFGS-B", "TNC", "SLSQP", "trust-constr"]:
        for jac in [False, "2-point", "3-point", "cs"]:
            r = optimize.minimize(f, x0, method=method, jac=jac)
            cases.append({
                "call": "minimize(%s, %s, {method: \"%s\", jac: %s})" % (name, calc_vector(x0), method, calc_jac(jac)),
                "x": list(r.x), "fun": float(r.fun), "nfev": num(r.nfev), "njev": num(r.get("njev")),
            })

# The steps: eps (absolute, jac None) and finite_diff_rel_step.
for method, opts, calc_opts in [("L-BFGS-B", {"eps": 1e-6}, "eps: 1e-6"), ("TNC", {"eps": 1e-6}, "eps: 1e-6"),
                                ("SLSQP", {"eps": 1e-6}, "eps: 1e-6"),
                                ("L-BFGS-B", {"finite_diff_rel_step": 1e-6}, "jac: \"2-point\", finite_diff_rel_step: 1e-6"),
                                ("TNC", {"finite_diff_rel_step": 1e-4}, "jac: \"3-point\", finite_diff_rel_step: 1e-4"),
                                ("SLSQP", {"finite_diff_rel_step": 1e-4}, "jac: \"3-point\", finite_diff_rel_step: 1e-4")]:
    jac = None if "eps" in opts else calc_opts.split('"')[1]
    r = optimize.minimize(rosen, [-1.2, 1.0], method=method, jac=jac, options=opts)
    cases.append({"call": "minimize(rosen, [-1.2, 1.0], {method: \"%s\", %s})" % (method, calc_opts),
                  "x": list(r.x), "fun": float(r.fun), "nfev": num(r.nfev), "njev": num(r.get("njev"))})

# Bounds that hold at the minimum: the steps are fitted into them.
for method in ["L-BFGS-B", "TNC", "SLSQP"]:
    for jac in [False, "2-point", "3-point"]:
        r = optimize.minimize(quadratic, [1.0, 0.5], method=method, jac=jac, bounds=[(0, 2), (-0.5, 1)])
        cases.append({
            "call": "minimize(quadratic, [1.0, 0.5], {method: \"%s\", jac: %s, bounds: [[0, 2], [-0.5, 1]]})" % (method, calc_jac(jac)),
            "x": list(r.x), "fun": float(r.fun), "nfev": num(r.nfev), "njev": num(r.get("njev")),
        })

# minimize's tol, which each method maps to its own tolerances.
for name, (f, x0) in PROBLEMS.items():
    for method in ["Nelder-Mead", "Powell", "CG", "BFGS", "L-BFGS-B", "TNC", "SLSQP", "COBYLA"]:
        jac = None if method in ("Nelder-Mead", "Powell", "COBYLA") else False
        r = optimize.minimize(f, x0, method=method, jac=jac, tol=1e-3)
        cases.append({
            "call": "minimize(%s, %s, {method: \"%s\", tol: 1e-3%s})" % (name, calc_vector(x0), method, "" if jac is None else ", jac: false"),
            "x": list(r.x), "fun": float(r.fun), "nfev": num(r.nfev), "njev": num(r.get("njev")),
        })

# Newton-CG with eps: the gradient exact (autodiff's in calc, the formula
# below in scipy, equal here), Hessian-vector products by differences.
def rosen_grad(v):
    return np.array([-400 * v[0] * (v[1] - v[0] * v[0]) - 2 * (1 - v[0]), 200 * (v[1] - v[0] * v[0])])


r = optimize.minimize(rosen, [-1.2, 1.0], method="Newton-CG", jac=rosen_grad, options={"eps": 1e-6})
cases.append({"call": "minimize(rosen, [-1.2, 1.0], {method: \"Newton-CG\", eps: 1e-6})",
              "x": list(r.x), "fun": float(r.fun), "nfev": num(r.nfev), "njev": num(r.njev)})

# The fmin functions' ways of asking for finite differences.
for fname, fn in [("fmin_bfgs", optimize.fmin_bfgs), ("fmin_cg", optimize.fmin_cg)]:
    for fprime in [None, "3-point"]:
        out = fn(rosen, [-1.2, 1], fprime=fprime, full_output=True, disp=False)
        fp = ", fprime: \"3-point\"" if fprime else ", fprime: false"
        nfev, ngev = (out[4], out[5]) if fname == "fmin_bfgs" else (out[2], out[3])
        cases.append({"call": "%s(rosen, [-1.2, 1], {disp: false, full_output: true%s})" % (fname, fp),
                      "x": list(out[0]), "fun": float(out[1]), "fields": {"funcalls": int(nfev), "gradcalls": int(ngev)}})
x, fx, d = optimize.fmin_l_bfgs_b(rosen, [-1.2, 1], approx_grad=True)
cases.append({"call": "fmin_l_bfgs_b(rosen, [-1.2, 1], {approx_grad: true})", "x": list(x), "fun": float(fx),
              "fields": {"d.funcalls": int(d["funcalls"]), "d.nit": int(d["nit"])}})
x, nfeval, rc = optimize.fmin_tnc(rosen, [-1.2, 1], approx_grad=True, disp=0)
cases.append({"call": "fmin_tnc(rosen, [-1.2, 1], {approx_grad: true})", "x": list(x),
              "fields": {"nfeval": int(nfeval), "rc": int(rc)}})

# least_squares, leastsq and the root finders on the fit and the system.
p0 = [1.0, 1.0, 0.0]
for method in ["trf", "dogbox", "lm"]:
    for jac in ["2-point", "3-point", "cs"]:
        if method == "lm" and jac != "2-point":
            continue  # scipy's lm ignores jac; calc refuses other schemes
        r = optimize.least_squares(fit, p0, method=method, jac=jac)
        cases.append({"call": "least_squares(fit, %s, {method: \"%s\", jac: \"%s\"})" % (calc_vector(p0), method, jac),
                      "x": list(r.x), "fields": {"cost": float(r.cost), "nfev": int(r.nfev), "njev": num(r.njev)}})
r = optimize.least_squares(fit, p0, diff_step=1e-6)
cases.append({"call": "least_squares(fit, %s, {diff_step: 1e-6})" % calc_vector(p0),
              "x": list(r.x), "fields": {"cost": float(r.cost), "nfev": int(r.nfev), "njev": num(r.njev)}})
x, cov, info, msg, ier = optimize.leastsq(fit, p0, full_output=True)
cases.append({"call": "leastsq(fit, %s, {Dfun: false, full_output: true})" % calc_vector(p0), "x": list(x),
              "fields": {"nfev": int(info["nfev"]), "ier": int(ier)}})
x, info, ier, msg = optimize.fsolve(system, [1, 1], full_output=True)
cases.append({"call": "fsolve(system, [1, 1], {fprime: false, full_output: true})", "x": list(x),
              "fields": {"infodict.nfev": int(info["nfev"]), "ier": int(ier)}})
x, info, ier, msg = optimize.fsolve(system, [1, 1], full_output=True, epsfcn=1e-10)
cases.append({"call": "fsolve(system, [1, 1], {epsfcn: 1e-10, full_output: true})", "x": list(x),
              "fields": {"infodict.nfev": int(info["nfev"])}})
for method in ["hybr", "lm"]:
    r = optimize.root(system, [1, 1], method=method)
    cases.append({"call": "root(system, [1, 1], {method: \"%s\", jac: false})" % method, "x": list(r.x),
                  "fields": {"nfev": int(r.nfev)}})
    r = optimize.root(system, [1, 1], method=method, options={"eps": 1e-4})
    cases.append({"call": "root(system, [1, 1], {method: \"%s\", eps: 1e-4})" % method, "x": list(r.x),
                  "fields": {"nfev": int(r.nfev)}})

# curve_fit: MINPACK's differences for lm, scipy's for trf.
model = lambda x, a, b, c: a / (1 + b * x) + c
for method, jac, extra, calc_extra in [("lm", None, {}, "jac: false"), ("lm", None, {"epsfcn": 1e-10}, "epsfcn: 1e-10"),
                                       ("trf", "2-point", {}, "method: \"trf\", jac: \"2-point\""),
                                       ("trf", "3-point", {}, "method: \"trf\", jac: \"3-point\""),
                                       ("trf", None, {"diff_step": 1e-5}, "method: \"trf\", diff_step: 1e-5")]:
    popt, pcov = optimize.curve_fit(model, T, Y, p0=[1, 1, 0], method=method, jac=jac, **extra)
    cases.append({"call": "curve_fit(a/(1 + b*x) + c, T, Y, {p0: [1, 1, 0], %s}).popt" % calc_extra, "value": list(popt)})

# The gradient checks.
g = optimize.approx_fprime(np.array([-1.2, 1.0]), rosen)
cases.append({"call": "approx_fprime([-1.2, 1], rosen)", "value": list(g)})
g = optimize.approx_fprime(np.array([-1.2, 1.0]), rosen, 1e-6)
cases.append({"call": "approx_fprime([-1.2, 1], rosen, 1e-6)", "value": list(g)})
c = optimize.check_grad(rosen, optimize.rosen_der, [-1.2, 1.0], epsilon=1e-6)
cases.append({"call": "check_grad(rosen, grad(rosen), [-1.2, 1], {epsilon: 1e-6})", "value": [float(c)]})

with open("scipy_fdjac.json", "w") as out:
    json.dump({"scipy": scipy.__version__, "definitions": DEFINITIONS, "cases": cases}, out, indent=1)
    out.write("\n")
