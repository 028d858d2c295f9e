#!/usr/bin/env bash
# Twin replay bench on the real DTU anait log (5578 rows, 1 Hz, Ba-Zr co-sputter): sync into
# a fresh SQLite store, then `magtwin twin replay` and `twin calibrate` timed; the replay's
# own figure (replay_seconds in report.json: store read, erosion states, monitor and map
# predictions, without the PNGs) is printed beside the whole command's. Target: <= 10 s.
# usage: bench/twin_replay_bench.sh [BUILD_DIR]     (after building magtwin)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
TOOL=$ROOT/cases/tools/dtu_anait.yaml
[ -f "$REAL" ] || { echo "twin_replay_bench: validation log not found: $REAL" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-replay-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
"$BUILD/bin/magtwin" twin sync "$TOOL" "$REAL" --store "$WORK/s.sqlite" >/dev/null
timed() {  # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N); "$@" > "$WORK/out" 2> "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; t1=$(date +%s.%N)
  printf "%-40s %7.2f s\n" "$label" "$(echo "$t1 - $t0" | bc -l)"
}
timed "twin replay (whole command, PNGs)" "$BUILD/bin/magtwin" twin replay "$TOOL" --store "$WORK/s.sqlite" --out "$WORK/out1"
printf "%-40s %7.2f s\n" "twin replay (replay_seconds)" "$(grep -o '"replay_seconds":[0-9.e-]*' "$WORK/out1/report.json" | cut -d: -f2)"
timed "twin calibrate (30 s windows)" "$BUILD/bin/magtwin" twin calibrate "$TOOL" --store "$WORK/s.sqlite"
timed "twin replay, calibrated" "$BUILD/bin/magtwin" twin replay "$TOOL" --store "$WORK/s.sqlite" --out "$WORK/out2"
echo "target: replay of the real log <= 10 s"
