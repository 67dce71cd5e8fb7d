#!/bin/sh
# Issue 24's speed targets: calc's 8-bit image benchmarks on a 2048×2048
# image (stdlib/image/bench_test.go) beside OpenCV's timings of the same
# calls (stdlib/image/testdata/opencv_bench.py, Debian's python3-opencv).
# Each Go benchmark runs between two OpenCV timings of the same call, so
# that both see nearly the same machine load; OpenCV's figure is the best
# of its rounds, the Go figure the best of 3 runs. Prints each time and the
# ratio calc/OpenCV; then the processor time (user + system, all threads)
# of one call, which a loaded machine disturbs less than the wall time:
# calc's from the test binary's time for 21 calls less its time for 1,
# OpenCV's from python's process_time around 20 calls.
# Run from the repository root: sh bench/image.sh [benchmark names...]
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names=${*:-Canny8bit MedianBlur5x8bit ResizeLinear8bit ResizeCubic8bit ResizeArea8bit}
script=stdlib/image/testdata/opencv_bench.py
opencv() { /usr/bin/python3 "$script" "$@"; }
go test -c -o "$tmp/image.test" ./stdlib/image
gobench="$tmp/image.test -test.run ^$ -test.bench"
cpu() { # label, name, command...: appends "label name user system" to $tmp/cpu
	label=$1 name=$2
	shift 2
	/usr/bin/time -f "$label $name %U %S" -a -o "$tmp/cpu" "$@" > /dev/null
}
for name in $names; do
	opencv "$name" >> "$tmp/opencv"
	$gobench "^Benchmark$name\$" -test.benchtime 10x -test.count 3 >> "$tmp/go"
	opencv "$name" >> "$tmp/opencv"
	opencv "$name" 20 >> "$tmp/cvcpu"
	cpu go1 "$name" $gobench "^Benchmark$name\$" -test.benchtime 1x
	cpu go21 "$name" $gobench "^Benchmark$name\$" -test.benchtime 21x
done
awk '
	FNR == NR { if (!($1 in cv) || $2 < cv[$1]) cv[$1] = $2; next }
	/^Benchmark/ {
		name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
		if (!(name in go)) order[++n] = name
		if (!(name in go) || $3 < go[name]) go[name] = $3
	}
	END {
		printf "%-20s %12s %12s %8s\n", "wall time", "calc (ms)", "OpenCV (ms)", "ratio"
		for (i = 1; i <= n; i++) { k = order[i]; printf "%-20s %12.2f %12.2f %8.2f\n", k, go[k] / 1e6, cv[k] / 1e6, go[k] / cv[k] }
	}' "$tmp/opencv" "$tmp/go"
awk '
	FNR == NR { cv[$1] = $2 / 1e9; next }
	{ t[$1, $2] = $3 + $4; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
	END {
		printf "%-20s %12s %12s %8s\n", "processor time", "calc (ms)", "OpenCV (ms)", "ratio"
		for (i = 1; i <= n; i++) {
			k = order[i]; g = (t["go21", k] - t["go1", k]) / 20
			printf "%-20s %12.1f %12.1f %8.2f\n", k, g * 1e3, cv[k] * 1e3, g / cv[k]
		}
	}' "$tmp/cvcpu" "$tmp/cpu"
