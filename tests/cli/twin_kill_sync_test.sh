#!/usr/bin/env bash
# kill -9 at many points of `magtwin twin sync`, then sync again: every store must end with
# exactly the content of one uninterrupted sync (compared by `twin status --digest`, which
# hashes files, samples row by row, text changes, steps and targets).
# usage: twin_kill_sync_test.sh MAGTWIN MAKE_TWIN_BENCH_LOG VALIDATION_DIR TOOL_YAML [KILLS]
set -euo pipefail
MAGTWIN=$1 MAKE_LOG=$2 VALIDATION=$3 TOOL=$4 KILLS=${5:-20}
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ ! -f "$REAL" ]; then echo "skipped: validation data not found ($REAL)"; exit 0; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-kill.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/big.csv"
"$MAKE_LOG" "$REAL" "$LOG" 150000
ls -l "$LOG" | awk '{print "log:", $5, "bytes"}'

start=$(date +%s.%N)
"$MAGTWIN" twin sync "$TOOL" "$LOG" --store "$WORK/ref.sqlite" >/dev/null 2>&1
end=$(date +%s.%N)
REF=$("$MAGTWIN" twin status --store "$WORK/ref.sqlite" --digest)
DURATION=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')  # no bc on a fresh machine
echo "uninterrupted sync: ${DURATION} s, digest: $REF"

failures=0 killed=0
for i in $(seq 1 "$KILLS"); do
  store="$WORK/kill$i.sqlite"
  delay=$(awk -v d="$DURATION" -v i="$i" -v n="$KILLS" 'BEGIN { printf "%.6f", d * i / (n + 1) }')
  "$MAGTWIN" twin sync "$TOOL" "$LOG" --store "$store" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  "$MAGTWIN" twin sync "$TOOL" "$LOG" --store "$store" >/dev/null 2>&1
  got=$("$MAGTWIN" twin status --store "$store" --digest)
  if [ "$got" != "$REF" ]; then
    echo "FAIL kill $i after ${delay} s: $got"
    failures=$((failures + 1))
  fi
done
echo "$KILLS runs, $killed killed mid-sync, $failures differ from the uninterrupted store"
[ "$failures" -eq 0 ] && [ "$killed" -ge $((KILLS / 2)) ]
