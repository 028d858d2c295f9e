#!/usr/bin/env bash
# Twin replay of a generated Gen-10.5 target life: cases/recipes/gen10_5_mo_target_life.yaml
# on cases/tools/gen10_5_rotary_line.yaml (3060 glasses, 14 rotary Mo tubes at the tool
# file's optimised trims, the outer ones to 98.4 % of their end of life, ~82 600 rows at 30 s) written by `twin simulate-log` into a temp
# folder, synced into a fresh SQLite store, then:
#  1. `twin replay` with its defaults for an array (life table of 16 points to end of life,
#     fast transport, 10 mm maps; ReplayLifeTable.hpp, docs/twin-replay.md), timed.
#     Target: <= 300 s on this machine.
#  2. the same replay with `--exact-check N`: every N-th mapped interval also computed
#     exactly (each tube eroded to its own life, one transport per tube, same grid and
#     transport); the max |U_table - U_exact| in percentage points over those intervals.
#     Target: <= 0.05 pp. Its time is printed but is not the replay's.
# The machine's load (uptime) is printed before and after: the figure depends on it.
# usage: bench/twin_life_replay_bench.sh [BUILD_DIR] [EXACT_EVERY (default 300)] [LIFE_POINTS (default 16)]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
EVERY=${2:-300}
POINTS=${3:-16}
MAGTWIN=$BUILD/bin/magtwin
TOOL=$ROOT/cases/tools/gen10_5_rotary_line.yaml
RECIPE=$ROOT/cases/recipes/gen10_5_mo_target_life.yaml
[ -x "$MAGTWIN" ] || { echo "twin_life_replay_bench: $MAGTWIN not built" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-life-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
field() {  # json file, key -> number (flat keys of report.json's "maps" and the top level)
  grep -o "\"$2\":[-0-9.e+]*" "$1" | head -1 | cut -d: -f2
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
"$MAGTWIN" twin simulate-log "$TOOL" --recipe "$RECIPE" --out "$WORK/life.csv" >/dev/null
"$MAGTWIN" twin sync "$TOOL" "$WORK/life.csv" --store "$WORK/s.sqlite" >/dev/null 2> "$WORK/sync.err" || { cat "$WORK/sync.err" >&2; exit 1; }
printf "%-44s %s\n" "log" "$(field "$WORK/life.truth.json" rows) rows, $(field "$WORK/life.truth.json" deposition_steps) glass steps"
/usr/bin/time -f "%e %U %S" -o "$WORK/time1" \
  "$MAGTWIN" twin replay "$TOOL" --store "$WORK/s.sqlite" --out "$WORK/r1" --life-points "$POINTS" > /dev/null 2> "$WORK/err1" \
  || { cat "$WORK/err1" >&2; exit 1; }
R=$WORK/r1/report.json
read -r wall user sys < "$WORK/time1"
printf "%-44s %7.1f s wall, %.1f s CPU (user + sys)\n" "twin replay (whole command, PNGs, maps)" "$wall" "$(echo "$user + $sys" | bc -l)"
printf "%-44s %7.1f s\n" "twin replay (replay_seconds)" "$(field "$R" replay_seconds)"
printf "%-44s %s\n" "mapped intervals" "$(grep -c . "$WORK/r1/uniformity.csv" | awk '{print $1 - 1}')"
printf "%-44s %s kWh, %s points computed\n" "life step" "$(field "$R" life_step_kWh)" "$(field "$R" life_points_computed)"
printf "%-44s %s maps, %s\n" "maps.pvd series" "$(ls "$WORK/r1/maps" | wc -l)" "$(du -sh "$WORK/r1/maps" | cut -f1)"
echo "load after the timed replay: $(cut -d' ' -f1-3 /proc/loadavg)"
"$MAGTWIN" twin replay "$TOOL" --store "$WORK/s.sqlite" --out "$WORK/r2" --life-points "$POINTS" --exact-check "$EVERY" \
  > /dev/null 2> "$WORK/err2" || { cat "$WORK/err2" >&2; exit 1; }
R=$WORK/r2/report.json
printf "%-44s %s\n" "exact checks (every $EVERY-th interval)" "$(field "$R" exact_checks)"
printf "%-44s %s pp\n" "max |U_table - U_exact|" "$(field "$R" max_abs_du_pp)"
printf "%-44s %7.1f s (of replay_seconds %.1f)\n" "exact checks' time" "$(field "$R" exact_check_seconds)" "$(field "$R" replay_seconds)"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "targets: replay <= 300 s, max |dU| <= 0.05 pp"
