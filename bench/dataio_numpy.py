"""Times numpy.loadtxt, pandas.read_csv and numpy.savetxt on the CSV file
of dataio's benchmarks (1,000,000 rows x 5 columns, a header line), for
comparison with BenchmarkLoadTxtCSV1e6x5, BenchmarkReadCSV1e6x5 and
BenchmarkSaveTxt1e6x5 run in the same session:

    CALC_BENCH_CSV=/tmp/bench.csv go test -run '^$' -bench 1e6x5 ./stdlib/dataio
    /usr/bin/python3 bench/dataio_numpy.py /tmp/bench.csv

Each is timed in-process (the best of three runs), as the Go benchmarks are.
"""
import sys
import time

import numpy as np

path = sys.argv[1]


def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


m = np.loadtxt(path, delimiter=",", skiprows=1)
print(f"numpy {np.__version__}.loadtxt:  {best(lambda: np.loadtxt(path, delimiter=',', skiprows=1)):.3f} s")
try:
    import pandas as pd
    print(f"pandas {pd.__version__}.read_csv: {best(lambda: pd.read_csv(path)):.3f} s")
except ImportError:
    print("pandas: not installed")
print(f"numpy.savetxt:        {best(lambda: np.savetxt('/dev/null', m, delimiter=',')):.3f} s")
