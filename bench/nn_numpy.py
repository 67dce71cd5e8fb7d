"""The seed lesson's network and a larger one in numpy, for comparing
calc's BenchmarkTrainSeedNetwork and BenchmarkTrainLargeNetwork with.
Run: /usr/bin/python3 bench/nn_numpy.py"""
import time
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


def best(f, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


rng = np.random.default_rng(1)
X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], float)
y = np.array([[0], [1], [1], [0]], float)
print("seed network, 1500 iterations: %.1f ms" % (1e3 * best(
    lambda: train(X, y, rng.random((3, 4)), rng.random((4, 1)), 0.5, 1500))))
X = rng.random((256, 64))
y = np.round(rng.random((256, 1)))
print("256x64 -> 128 -> 1, 1500 iterations: %.1f ms" % (1e3 * best(
    lambda: train(X, y, 0.1 * rng.standard_normal((64, 128)), 0.1 * rng.standard_normal((128, 1)), 0.5, 1500), 3)))
