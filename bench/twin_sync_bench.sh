#!/usr/bin/env bash
# Twin log sync bench: a 1,000,000-row, 117-column log (the real DTU export repeated with
# shifted times, ~570 MB, generated into a temp folder and removed) synced into a fresh
# SQLite store by `magtwin twin sync`, beside pandas read_csv + to_datetime on the same file
# (../shared/tools/pandas_log_peer.py, Debian python3-pandas). Targets: <= 3 s, <= 150 MB RSS.
# usage: bench/twin_sync_bench.sh [BUILD_DIR] [ROWS]     (after building magtwin and make_twin_bench_log)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
ROWS=${2:-1000000}
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
PEER=${PANDAS_PEER:-$ROOT/../shared/tools/pandas_log_peer.py}
[ -f "$REAL" ] || { echo "twin_sync_bench: validation log not found: $REAL" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-twin-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/bench_log.csv"
"$BUILD/bin/make_twin_bench_log" "$REAL" "$LOG" "$ROWS"
BYTES=$(stat -c %s "$LOG")
echo "log: $ROWS rows, 117 columns, $((BYTES / 1000000)) MB"
cat "$LOG" > /dev/null  # both readers start from a warm page cache

measure() {  # label, command...: prints "label: S s, R MB peak RSS"
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || { cat "$WORK/err" >&2; return 1; }
  read -r secs kb user sys < "$WORK/time"
  printf "%-36s %7.2f s elapsed (%6.2f s CPU)  %7.1f MB peak RSS\n" "$label" "$secs" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
  echo "$secs" > "$WORK/$label.secs"
}

measure "magtwin twin sync -> SQLite" \
  "$BUILD/bin/magtwin" twin sync "$ROOT/cases/tools/dtu_anait.yaml" "$LOG" --store "$WORK/bench.sqlite"
cat "$WORK/out"
"$BUILD/bin/magtwin" twin status --store "$WORK/bench.sqlite" | sed 's/^/  /'
SYNC=$(cat "$WORK/magtwin twin sync -> SQLite.secs")
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import pandas" 2>/dev/null && [ -f "$PEER" ]; then
  measure "pandas read_csv + to_datetime (peer)" /usr/bin/python3 "$PEER" "$LOG"
  sed 's/^/  /' "$WORK/out"
  PANDAS=$(cat "$WORK/pandas read_csv + to_datetime (peer).secs")
  echo "ratio pandas / magtwin: $(awk -v p="$PANDAS" -v s="$SYNC" 'BEGIN { printf "%.1f", p / s }')x"
else
  echo "pandas peer skipped (needs /usr/bin/python3 with python3-pandas and $PEER)"
fi
