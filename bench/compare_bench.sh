#!/usr/bin/env bash
# `magtwin compare` bench: the two fair Gen-10.5 tools (cases/tools/compare_gen10_5_planar.yaml
# and compare_gen10_5_rotary.yaml) over 10 life points (+ mid-life; fast transport, 2 mm
# glass grid, trims re-optimised at every point). Prints the wall time of the whole command
# (erosion to end of life, 2 x 11 maps, trims, JSON, PNG), each column's compute time
# (compare.json column_seconds), CPU time, peak RSS and the load average before and after
# (the machine is shared), and the ratio to the target.
# Target: <= 120 s on this machine.
# usage: bench/compare_bench.sh [BUILD_DIR] [LIFE_POINTS]     (after building magtwin)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
POINTS=${2:-10}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-compare-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
t0=$(date +%s.%N)
/usr/bin/time -f "%U %S %M" -o "$WORK/time" "$BUILD/bin/magtwin" compare "$ROOT/cases/tools/compare_gen10_5_planar.yaml" \
  "$ROOT/cases/tools/compare_gen10_5_rotary.yaml" --out "$WORK/out" --life-points "$POINTS" > "$WORK/stdout" 2> "$WORK/err" ||
  { cat "$WORK/err" >&2; exit 1; }
t1=$(date +%s.%N)
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
read -r user sys rss < "$WORK/time"
wall=$(echo "$t1 - $t0" | bc -l)
cols=$(/usr/bin/python3 -c 'import json,sys; print(" / ".join("%.1f" % s for s in json.load(open(sys.argv[1]))["column_seconds"]))' "$WORK/out/compare.json")
printf "compare, %s life points: wall %.1f s (planar / rotary columns %s s), CPU %.1f s, peak RSS %.0f MiB\n" \
  "$POINTS" "$wall" "$cols" "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
printf "target 120 s: ratio %.2f (%s)\n" "$(echo "$wall / 120" | bc -l)" \
  "$( [ "$(echo "$wall <= 120" | bc -l)" = 1 ] && echo within || echo OVER)"
