# scipy's odeint with col_deriv, whose figures odeint_test.go pins:
#   /usr/bin/python3 builtins/testdata/odeint_col_deriv.py   (scipy 1.10)
# prints y(10), nfe and nje with the Jacobian in rows, the same transposed
# with col_deriv, and the transposed one taken as rows (a wrong Jacobian).
from scipy.integrate import odeint

f = lambda y, t: [-1000*y[0] + 3*y[1], 2*y[0] - 0.5*y[1]]
jac = lambda y, t: [[-1000, 3], [2, -0.5]]
jacT = lambda y, t: [[-1000, 2], [3, -0.5]]
for kw in [dict(Dfun=jac), dict(Dfun=jacT, col_deriv=True), dict(Dfun=jacT)]:
    y, info = odeint(f, [1, 1], [0, 1, 10], full_output=True, **kw)
    print(repr(list(y[-1])), list(info["nfe"]), list(info["nje"]))
