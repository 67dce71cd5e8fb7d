"""The same work as rosen_bfgs.calc in scipy, with the analytic gradient
(scipy.optimize.rosen_der). Run: /usr/bin/python3 bench/rosen_bfgs.py"""
import numpy as np
from scipy.optimize import minimize, rosen, rosen_der

x0 = np.full(100, -1.2)
r = minimize(rosen, x0, method="BFGS", jac=rosen_der)
print([r.nit, r.nfev, r.njev, r.success])
s = minimize(rosen, x0, method="L-BFGS-B", jac=rosen_der)
print([s.nit, s.nfev, s.njev, s.success])
