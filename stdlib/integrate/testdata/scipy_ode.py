"""Reference results for calc/stdlib/integrate's ODE solvers.

Run with Debian's scipy (1.10.1):

    /usr/bin/python3 stdlib/integrate/testdata/scipy_ode.py

It writes scipy_ode.json beside itself. The Go tests read that file and
never run Python. Each problem is defined here and again, identically, in
ode_problems_test.go.
"""
import json
import os

import numpy as np
from scipy.integrate import odeint, solve_ivp
from scipy.special import airy, gamma

TIGHT = dict(rtol=1e-12, atol=1e-12)


def lorenz(y, t, p=10.0, r=28.0, b=3.0):
    return [p * (y[1] - y[0]), y[0] * (r - y[2]) - y[1], y[0] * y[1] - b * y[2]]


def robertson(y, t):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2],
            0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] ** 2,
            3e7 * y[1] ** 2]


def robertson_jac(y, t):
    return [[-0.04, 1e4 * y[2], 1e4 * y[1]],
            [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]],
            [0.0, 6e7 * y[1], 0.0]]


def airy_ode(y, t):
    return [y[1], t * y[0]]


def vdp(mu):
    return lambda y, t: [y[1], mu * (1 - y[0] ** 2) * y[1] - y[0]]


def hires(y, t):
    return [
        -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007,
        1.71 * y[0] - 8.75 * y[1],
        -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4],
        8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3],
        -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6],
        -280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6],
        280.0 * y[5] * y[7] - 1.81 * y[6],
        -280.0 * y[5] * y[7] + 1.81 * y[6],
    ]


# DETEST (Hull, Enright, Fellen & Sedgwick 1972), classes A and B, on [0, 20].
DETEST = {
    "A1": (lambda y, t: [-y[0]], [1.0]),
    "A2": (lambda y, t: [-0.5 * y[0] ** 3], [1.0]),
    "A3": (lambda y, t: [y[0] * np.cos(t)], [1.0]),
    "A4": (lambda y, t: [y[0] / 4 * (1 - y[0] / 20)], [1.0]),
    "A5": (lambda y, t: [(y[0] - t) / (y[0] + t)], [4.0]),
    "B1": (lambda y, t: [2 * (y[0] - y[0] * y[1]), -(y[1] - y[0] * y[1])], [1.0, 3.0]),
    "B2": (lambda y, t: [-y[0] + y[1], y[0] - 2 * y[1] + y[2], y[1] - y[2]], [2.0, 0.0, 1.0]),
    "B3": (lambda y, t: [-y[0], y[0] - y[1] ** 2, y[1] ** 2], [1.0, 0.0, 0.0]),
    "B4": (lambda y, t: [-y[1] - y[0] * y[2] / np.hypot(y[0], y[1]),
                         y[0] - y[1] * y[2] / np.hypot(y[0], y[1]),
                         y[0] / np.hypot(y[0], y[1])], [3.0, 0.0, 0.0]),
    "B5": (lambda y, t: [y[1] * y[2], -y[0] * y[2], -0.51 * y[0] * y[1]], [0.0, 1.0, 1.0]),
}


def info_counts(info):
    return dict(nst=int(info["nst"][-1]), nfe=int(info["nfe"][-1]), nje=int(info["nje"][-1]))


def main():
    out = {}

    ts = np.arange(0, 30, 0.01)
    y, info = odeint(lorenz, [0.0, 1.0, 0.0], ts, full_output=True)
    yt = odeint(lorenz, [0.0, 1.0, 0.0], ts, rtol=1e-13, atol=1e-13, mxstep=100000)
    keep = slice(0, 1001, 10)  # t = 0, 0.1, ..., 10
    out["lorenz"] = dict(t=ts[keep].tolist(), y=y[keep].tolist(), ref=yt[keep].tolist(),
                         **info_counts(info))

    ts = np.concatenate([[0.0], np.logspace(-5, 5, 100)])
    y, info = odeint(robertson, [1.0, 0.0, 0.0], ts, full_output=True)
    _, infoj = odeint(robertson, [1.0, 0.0, 0.0], ts, Dfun=robertson_jac, full_output=True)
    yt = odeint(robertson, [1.0, 0.0, 0.0], ts, Dfun=robertson_jac, rtol=1e-12,
                atol=[1e-14, 1e-18, 1e-14], mxstep=100000)
    out["robertson"] = dict(t=ts.tolist(), y=y.tolist(), ref=yt.tolist(),
                            **info_counts(info), jac=info_counts(infoj))

    ts = np.arange(0, 4, 0.01)
    y0 = [1 / 3 ** (2 / 3) / gamma(2 / 3), -1 / 3 ** (1 / 3) / gamma(1 / 3)]
    y, info = odeint(airy_ode, y0, ts, full_output=True)
    ai = airy(ts)[0]
    out["airy"] = dict(t=ts.tolist(), y0=y0, ai=ai.tolist(),
                       scipy_max_err=float(np.max(np.abs(y[:, 0] - ai))), **info_counts(info))

    # Output every unit of time: with the default mxstep of 500 per output
    # interval, LSODA needs intervals this short to cross the fast
    # transitions. Every 100th row is kept.
    ts = np.linspace(0, 3000, 3001)
    y, info = odeint(vdp(1000.0), [2.0, 0.0], ts, full_output=True)
    yt = odeint(vdp(1000.0), [2.0, 0.0], ts, rtol=1e-12, atol=1e-12, mxstep=1000000)
    out["vdp1000"] = dict(t=ts.tolist(), y=y[::100].tolist(), ref=yt[::100].tolist(),
                          **info_counts(info))

    ts = np.array([0.0, 321.8122, 421.8122])
    y0 = [1.0, 0, 0, 0, 0, 0, 0, 0.0057]
    y, info = odeint(hires, y0, ts, full_output=True)
    yt = odeint(hires, y0, ts, rtol=1e-13, atol=1e-15, mxstep=1000000)
    out["hires"] = dict(t=ts.tolist(), y0=y0, y=y.tolist(), ref=yt.tolist(), **info_counts(info))

    ts = np.linspace(0, 20, 21)
    det = {}
    for name, (f, y0) in DETEST.items():
        y, info = odeint(f, y0, ts, full_output=True)
        sol = solve_ivp(lambda t, y: f(y, t), (0, 20), y0, method="DOP853",
                        t_eval=ts, rtol=1e-13, atol=1e-15)
        det[name] = dict(y0=y0, y=y.tolist(), ref=sol.y.T.tolist(), **info_counts(info))
    out["detest"] = dict(t=ts.tolist(), problems=det)

    # solve_ivp with each method at its default tolerances: counts and the
    # end point, on a nonstiff and a stiff problem.
    ivp = {}
    cases = {
        "B5": (lambda t, y: DETEST["B5"][0](y, t), (0.0, 20.0), DETEST["B5"][1], None),
        "vdp1": (lambda t, y: vdp(1.0)(y, t), (0.0, 20.0), [2.0, 0.0], None),
        "robertson": (lambda t, y: robertson(y, t), (0.0, 1e5), [1.0, 0.0, 0.0],
                      lambda t, y: robertson_jac(y, t)),
    }
    for case, (f, span, y0, jac) in cases.items():
        for method in ["RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"]:
            if case == "robertson" and method in ("RK45", "RK23", "DOP853"):
                continue
            for usejac in ([False, True] if jac else [False]):
                kw = dict(jac=jac) if usejac else {}
                sol = solve_ivp(f, span, y0, method=method, **kw)
                key = case + "/" + method + ("/jac" if usejac else "")
                ivp[key] = dict(nfev=int(sol.nfev), njev=int(sol.njev), nlu=int(sol.nlu),
                                nsteps=len(sol.t) - 1, status=int(sol.status),
                                t=sol.t.tolist() if len(sol.t) < 400 else [],
                                y_end=sol.y[:, -1].tolist())
    out["ivp"] = ivp

    # Dense output and events: a ball thrown up at 10 m/s from the ground,
    # stopped when it lands (terminal, falling), with its apex recorded.
    def ball(t, y):
        return [y[1], -9.81]

    def ground(t, y):
        return y[0]
    ground.terminal = True
    ground.direction = -1

    def apex(t, y):
        return y[1]

    events = {}
    for method in ["RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"]:
        sol = solve_ivp(ball, (0, 10), [0.0, 10.0], method=method, events=[ground, apex],
                        dense_output=True, t_eval=np.linspace(0, 2, 5))
        events[method] = dict(t_events=[te.tolist() for te in sol.t_events],
                              y_events=[ye.tolist() for ye in sol.y_events],
                              t=sol.t.tolist(), y=sol.y.T.tolist(), status=int(sol.status),
                              nfev=int(sol.nfev))
    out["events"] = events

    dense = {}
    tq = np.linspace(0, 20, 57)
    for method in ["RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA"]:
        sol = solve_ivp(lambda t, y: DETEST["A3"][0](y, t), (0, 20), [1.0], method=method,
                        dense_output=True)
        dense[method] = dict(t=tq.tolist(), y=sol.sol(tq)[0].tolist())
    out["dense_A3"] = dense

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scipy_ode.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=None, separators=(",", ":"))
        fh.write("\n")


if __name__ == "__main__":
    main()
