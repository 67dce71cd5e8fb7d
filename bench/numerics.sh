#!/bin/sh
# Issue 16's speed targets: calc's Go benchmarks beside numpy's timings of
# the same work. Each Go benchmark runs between two numpy timings of the
# same task, so that both see nearly the same machine load. Both sides
# take the best of 5: numpy's batches are single calls for the large
# tasks and averages over enough calls to last 0.05 s for the small ones
# (as timeit's), the Go runs as many iterations as benchtime says, at
# least 0.05 s for the small ones.
# Prints each time and the ratio calc/numpy.
# Run from the repository root: sh bench/numerics.sh
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # package, benchmark name, benchtime
	/usr/bin/python3 bench/numerics_numpy.py "$2" >> "$tmp/numpy"
	go test -run '^$' -bench "^Benchmark$2\$" -benchtime "$3" -count 5 "$1" >> "$tmp/go"
	/usr/bin/python3 bench/numerics_numpy.py "$2" >> "$tmp/numpy"
}
run ./stdlib/array Sort1e7 3x
run ./stdlib/array Argsort1e7 3x
run ./stdlib/array Median1e7 5x
run ./stdlib/poly Polyfit5on1e6 5x
run ./stdlib/fft FFT2p20 0.05s
run ./stdlib/fft FFTPrime99991 0.05s
run ./stdlib/fft FFT1024 0.05s
run ./stdlib/fft FFT64 0.05s
run ./stdlib/fft FFT8 0.05s
run ./stdlib/fft RFFT1024 0.05s
run ./stdlib/fft RFFT64 0.05s
run ./stdlib/linalg Eig500 3x
run ./stdlib/linalg Eigvals500 3x
awk '
	FNR == NR { if (!($1 in np) || $2 < np[$1]) np[$1] = $2; next }
	/^Benchmark/ {
		name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
		if (!(name in go)) order[++n] = name
		if (!(name in go) || $3 / 1e9 < go[name]) go[name] = $3 / 1e9
	}
	END {
		printf "%-16s %14s %14s %8s\n", "benchmark", "calc (s)", "numpy (s)", "ratio"
		for (i = 1; i <= n; i++) { k = order[i]; printf "%-16s %14.9f %14.9f %8.2f\n", k, go[k], np[k], go[k] / np[k] }
	}' "$tmp/numpy" "$tmp/go"
