#!/bin/sh
# Issue 24's speed targets: calc's 8-bit image benchmarks on a 2048×2048
# image (stdlib/image/bench_test.go) beside OpenCV's timings of the same
# calls (stdlib/image/testdata/opencv_bench.py, Debian's python3-opencv).
# Each Go benchmark runs between two OpenCV timings of the same call, so
# that both see nearly the same machine load; OpenCV's figure is the best
# of its rounds, the Go figure the best of 3 runs. Prints each time and the
# ratio calc/OpenCV.
# Run from the repository root: sh bench/image.sh [benchmark names...]
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
opencv() { /usr/bin/python3 stdlib/image/testdata/opencv_bench.py "$1" >> "$tmp/opencv"; }
names=${*:-Canny8bit MedianBlur5x8bit ResizeLinear8bit ResizeCubic8bit ResizeArea8bit GaussianBlur5x8bit Blur5x8bit}
for name in $names; do
	opencv "$name"
	go test -run '^$' -bench "^Benchmark$name\$" -benchtime 10x -count 3 ./stdlib/image >> "$tmp/go"
	opencv "$name"
done
awk '
	FNR == NR { if (!($1 in cv) || $2 < cv[$1]) cv[$1] = $2; next }
	/^Benchmark/ {
		name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
		if (!(name in go)) order[++n] = name
		if (!(name in go) || $3 < go[name]) go[name] = $3
	}
	END {
		printf "%-20s %12s %12s %8s\n", "benchmark", "calc (ms)", "OpenCV (ms)", "ratio"
		for (i = 1; i <= n; i++) { k = order[i]; printf "%-20s %12.2f %12.2f %8.2f\n", k, go[k] / 1e6, cv[k] / 1e6, go[k] / cv[k] }
	}' "$tmp/opencv" "$tmp/go"
