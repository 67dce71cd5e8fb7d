#!/bin/sh
# Issue 18's speed figures: the Lotka–Volterra fit of bench/fit_ode_scipy.py
# (scipy's least_squares with finite-difference Jacobians around odeint)
# beside calc's (builtins BenchmarkFitODE: exact Jacobians by forward
# sensitivities), alternated three times so that both see the same load,
# the best time of one fit kept for each, wall and processor (user +
# system: on a shared machine the steadier); then the cost of one
# sensitivity solve against the plain solve
# (BenchmarkODESensitivityCost), with the sensitivities under the error
# test and out of it (a fit's). Prints right-hand side evaluations of one
# fit, times and ratios.
# Run from the repository root: sh bench/fit_ode.sh
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in 1 2 3; do
	/usr/bin/python3 bench/fit_ode_scipy.py >> "$tmp/scipy"
	go test -run '^$' -bench '^BenchmarkFitODE$' -benchtime 10x ./builtins >> "$tmp/go"
done
go test -run '^$' -bench '^BenchmarkODESensitivityCost$' -benchtime 200x -count 3 ./builtins >> "$tmp/go"
awk '
	function metric(name,   i) { for (i = 4; i < NF; i++) if ($(i+1) == name) return $i }
	FNR == NR { if (!best || $2 < best) best = $2; if (!bcpu || $6 < bcpu) bcpu = $6; rhs = $4; next }
	/^BenchmarkFitODE/ {
		t = metric("best-ns/fit") / 1e9; if (!go || t < go) go = t
		c = metric("best-cpu-ns/fit") / 1e9; if (!gcpu || c < gcpu) gcpu = c
		plain = metric("rhs/op"); aug = metric("augrhs/op")
	}
	/^BenchmarkODESensitivityCost\/plain/ { t = metric("cpu-ns/op"); if (!p || t < p) p = t; if (!pw || $3 < pw) pw = $3 }
	/^BenchmarkODESensitivityCost\/sensitivities/ { t = metric("cpu-ns/op"); if (!s || t < s) s = t; if (!sw || $3 < sw) sw = $3 }
	/^BenchmarkODESensitivityCost\/fit/ { t = metric("cpu-ns/op"); if (!f || t < f) f = t; if (!fw || $3 < fw) fw = $3 }
	END {
		printf "Lotka–Volterra fit       %12s %12s %8s\n", "calc", "scipy", "ratio"
		printf "wall time (s)            %12.4f %12.4f %8.1f\n", go, best, best / go
		printf "processor time (s)       %12.4f %12.4f %8.1f\n", gcpu, bcpu, bcpu / gcpu
		printf "RHS evaluations          %12d %12d %8.1f\n", plain + aug, rhs, rhs / (plain + aug)
		printf "  of which with sensitivities %8d\n", aug
		printf "one sensitivity solve (4 parameters) / plain solve, processor time and wall:\n"
		printf "  sensitivities under the error test  %5.2f %5.2f\n", s / p, sw / pw
		printf "  out of it, as in a fit             %5.2f %5.2f\n", f / p, fw / pw
	}' "$tmp/scipy" "$tmp/go"
