#!/bin/sh
# Issue 16's speed targets: calc's Go benchmarks beside numpy's timings of
# the same work, run one after the other in one go so that both see the
# same machine load. Prints each time and the ratio calc/numpy.
# Run from the repository root: sh bench/numerics.sh
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 bench/numerics_numpy.py > "$tmp/numpy"
go test -run '^$' -bench 'Sort1e7|Argsort1e7|Median1e7' -benchtime 3x ./stdlib/array > "$tmp/go"
go test -run '^$' -bench 'Polyfit5on1e6' -benchtime 5x ./stdlib/poly >> "$tmp/go"
go test -run '^$' -bench 'FFT' ./stdlib/fft >> "$tmp/go"
go test -run '^$' -bench 'Eig500' -benchtime 3x ./stdlib/linalg >> "$tmp/go"
/usr/bin/python3 bench/numerics_numpy.py >> "$tmp/numpy"
awk '
	FNR == NR { if (!($1 in np) || $2 < np[$1]) np[$1] = $2; next }
	/^Benchmark/ { name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name); go[name] = $3 / 1e9; order[++n] = name }
	END {
		printf "%-16s %12s %12s %8s\n", "benchmark", "calc (s)", "numpy (s)", "ratio"
		for (i = 1; i <= n; i++) { k = order[i]; printf "%-16s %12.6f %12.6f %8.2f\n", k, go[k], np[k], go[k] / np[k] }
	}' "$tmp/numpy" "$tmp/go"
