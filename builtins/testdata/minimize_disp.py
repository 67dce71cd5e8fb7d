# The reports scipy's minimize prints with options={"disp": True}, pinned in
# minimize_disp.txt for minimize_disp_test.go:
#   /usr/bin/python3 builtins/testdata/minimize_disp.py > builtins/testdata/minimize_disp.txt
# (scipy 1.10).
import numpy as np
from scipy.optimize import minimize

f = lambda v: (v[0] - 3)**2 + (v[1] + 1)**2 + v[0]**4/10
g = lambda v: np.array([2*(v[0] - 3) + 0.4*v[0]**3, 2*(v[1] + 1)])
for m in ["BFGS", "Nelder-Mead", "CG", "Powell"]:
    print("==", m)
    minimize(f, [1, 1], jac=g if m in ("BFGS", "CG") else None, method=m, options={"disp": True})
