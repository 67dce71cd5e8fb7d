#!/usr/bin/env bash
# Whole-process comparison of calc's data readers and writers with numpy's
# and pandas' on the same CSV files: CPU time (user + sys) and wall time
# of the best of three runs (by CPU time, which a busy machine disturbs
# least), and peak memory. Usage, from the repository's root:
#   go build -o /tmp/calc ./cmd/calc
#   bench/dataio_process.sh /tmp/calc FILE.csv...
# Each FILE.csv has a header line and numeric columns (the benchmarks in
# stdlib/dataio write one: CALC_BENCH_CSV=FILE.csv go test -bench 1e6x5).
set -euo pipefail
calc=$1; shift
py=/usr/bin/python3
run() { # label, command...
  local label=$1; shift
  local best="" bestcpu=""
  for _ in 1 2 3; do
    local out w u s m cpu
    out=$( { /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null; } 2>&1 | tail -1 )
    read -r w u s m <<<"$out"
    cpu=$(echo "$u + $s" | bc)
    if [ -z "$best" ] || (( $(echo "$cpu < $bestcpu" | bc) )); then best=$out; bestcpu=$cpu; fi
  done
  read -r w u s m <<<"$best"
  printf "%-28s cpu %5.2f s  wall %5.2f s  peak %4d MB\n" "$label" "$bestcpu" "$w" $((m / 1024))
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in "$@"; do
  echo "== $f ($(du -m "$f" | cut -f1) MB)"
  run "calc start-up" "$calc" -e 1
  run "python3 import numpy" $py -c "import numpy"
  run "python3 import pandas" $py -c "import pandas"
  run "calc loadtxt" "$calc" -e "m = loadtxt(\"$f\", {delimiter: \",\", skiprows: 1})"
  run "numpy.loadtxt" $py -c "import numpy as np; m = np.loadtxt('$f', delimiter=',', skiprows=1)"
  run "calc readcsv" "$calc" -e "d = readcsv(\"$f\")"
  run "pandas.read_csv" $py -c "import pandas as pd; d = pd.read_csv('$f')"
  run "calc loadtxt + savetxt" "$calc" -e "savetxt(\"$out\", loadtxt(\"$f\", {delimiter: \",\", skiprows: 1}), {delimiter: \",\"})"
  run "numpy loadtxt + savetxt" $py -c "import numpy as np; np.savetxt('$out', np.loadtxt('$f', delimiter=',', skiprows=1), delimiter=',')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
