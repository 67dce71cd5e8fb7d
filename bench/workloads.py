"""The python3 side of bench/compare: each workload of calc's performance
table written with numpy, scipy and OpenCV, the way a user of those would
write it. bench/compare (go run ./bench/compare) holds the calc side and
runs both.

Run: /usr/bin/python3 bench/workloads.py NAME once
         sets the workload up and runs it once (a whole-process run)
     /usr/bin/python3 bench/workloads.py NAME time REPS ROUNDS
         prints the median over ROUNDS of the mean seconds per run of REPS
         runs, after the setup (an in-process measurement)
     /usr/bin/python3 bench/workloads.py list
"""
import statistics
import sys
import time

NETWORK = """
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def train(X, y, w1, w2, lr, iters):
    for _ in range(iters):
        l1 = sigmoid(X @ w1)
        out = sigmoid(l1 @ w2)
        d = 2 * (y - out) * out * (1 - out)
        d2 = l1.T @ d
        d1 = X.T @ ((d @ w2.T) * l1 * (1 - l1))
        w1 += lr * d1
        w2 += lr * d2
    return w1, w2

rng = np.random.default_rng(1)
"""

IMAGE = """
import cv2
import numpy as np
img = np.random.default_rng(3).uniform(0, 256, (2048, 2048))
"""

IMAGE8 = IMAGE + """
img8 = np.floor(img).astype(np.uint8)
"""

ROSEN = """
import numpy as np
from scipy.optimize import minimize, rosen, rosen_der
x0 = np.full(100, -1.2)
"""

# name: (setup, work), in the same order as bench/compare's table.
WORKLOADS = {
    "startup": ("import numpy", "1 + 1"),
    "seed_fmin": ("""
from scipy.optimize import fmin
def myfunc(x):
    return x**2 - 4*x + 8
""", "fmin(myfunc, [1.3], disp=False)"),
    "rosen_bfgs": (ROSEN, "minimize(rosen, x0, method='BFGS', jac=rosen_der)"),
    "rosen_lbfgsb": (ROSEN, "minimize(rosen, x0, method='L-BFGS-B', jac=rosen_der)"),
    "odeint_lorenz": ("""
import numpy as np
from scipy.integrate import odeint
def lorenz(w, t, p, r, b):
    return [p*(w[1] - w[0]), w[0]*(r - w[2]) - w[1], w[0]*w[1] - b*w[2]]
t = np.arange(0, 30, 0.01)
""", "odeint(lorenz, [0, 1, 0], t, args=(10, 28, 3))"),
    "odeint_robertson": ("""
import numpy as np
from scipy.integrate import odeint
def robertson(y, t):
    return [-0.04*y[0] + 1e4*y[1]*y[2], 0.04*y[0] - 1e4*y[1]*y[2] - 3e7*y[1]**2, 3e7*y[1]**2]
rt = np.concatenate([[0], np.logspace(-5, 5, 100)])
""", "odeint(robertson, [1, 0, 0], rt, rtol=1e-6, atol=1e-10)"),
    "quad": ("""
import math
from scipy.integrate import quad
""", "quad(lambda x: math.exp(-x**2), -math.inf, math.inf)"),
    "brentq": ("from scipy.optimize import brentq", "brentq(lambda x: x**3 - 2*x - 5, 2, 3)"),
    "fsolve": ("""
from scipy.optimize import fsolve
def f(v):
    x, y = v
    return [x + 0.5*(x - y)**3 - 1, 0.5*(y - x)**3 + y]
""", "fsolve(f, [0, 0])"),
    "nn_seed": (NETWORK + """
X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], float)
y = np.array([[0], [1], [1], [0]], float)
w1, w2 = rng.random((3, 4)), rng.random((4, 1))
""", "train(X, y, w1.copy(), w2.copy(), 0.5, 1500)"),
    "nn_large": (NETWORK + """
X = rng.random((256, 64))
y = np.round(rng.random((256, 1)))
w1, w2 = 0.1 * rng.standard_normal((64, 128)), 0.1 * rng.standard_normal((128, 1))
""", "train(X, y, w1.copy(), w2.copy(), 0.01, 1500)"),
    "sobel": (IMAGE, "cv2.Sobel(img, cv2.CV_64F, 1, 0, ksize=3)"),
    "laplacian": (IMAGE, "cv2.Laplacian(img, cv2.CV_64F)"),
    "filter2d": (IMAGE + """
k3 = np.array([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, -0.9]])
""", "cv2.filter2D(img, cv2.CV_64F, k3)"),
    "canny_8bit": (IMAGE8, "cv2.Canny(img8, 50, 150)"),
    "median5_8bit": (IMAGE8, "cv2.medianBlur(img8, 5)"),
    "resize_8bit": (IMAGE8, "cv2.resize(img8, (1536, 1536), interpolation=cv2.INTER_LINEAR)"),
    "sum_map": ("""
def f(x):
    return x*x
""", "sum(map(f, range(1000000)))"),
    "dot_1000": ("""
import numpy as np
a = np.random.default_rng(4).random((1000, 1000))
""", "a @ a"),
    "eigh_500": ("""
import numpy as np
a = np.random.default_rng(5).random((500, 500))
a = a + a.T
""", "np.linalg.eigh(a)"),
    "eig_500": ("""
import numpy as np
a = np.random.default_rng(6).random((500, 500))
""", "np.linalg.eig(a)"),
    "fft_2p20": ("""
import numpy as np
a = np.random.default_rng(7).random(2**20)
""", "np.fft.fft(a)"),
    "loadtxt_csv": ("""
import numpy as np
path = "/tmp/calc-compare-python.csv"
np.savetxt(path, np.random.default_rng(8).random((100000, 5)), delimiter=",")
""", "np.loadtxt(path, delimiter=',')"),
}


def main(argv):
    if argv[1:] == ["list"]:
        print(" ".join(WORKLOADS))
        return
    name, mode = argv[1], argv[2]
    setup, work = WORKLOADS[name]
    env = {}
    exec(setup, env)
    code = compile(work, name, "eval")
    if mode == "once":
        eval(code, env)
        return
    reps, rounds = int(argv[3]), int(argv[4])
    eval(code, env)  # warm up, as the calc side does
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(reps):
            eval(code, env)
        times.append((time.perf_counter() - start) / reps)
    print(statistics.median(times))


if __name__ == "__main__":
    main(sys.argv)
