#!/usr/bin/env bash
# `magtwin calibrate-rate` end to end: bad input exits 2 naming the argument; with the Zr
# grid of the validation data it writes the points CSV and a real PNG.
set -u
BIN=$1
VALDIR=${2:-}
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN" calibrate-rate --data "$tmp/none.csv" >"$tmp/o" 2>&1; rc=$?
[ $rc = 2 ] && grep -q -- "--data" "$tmp/o" && echo "ok: missing data -> 2" || { echo "FAIL: missing data rc=$rc"; cat "$tmp/o"; fail=1; }
printf 'a,b\n1,2\n' > "$tmp/bad.csv"
"$BIN" calibrate-rate --data "$tmp/bad.csv" >"$tmp/o" 2>&1; rc=$?
[ $rc = 2 ] && grep -q "bad.csv.*missing column" "$tmp/o" && echo "ok: bad file -> 2 naming file and column" || { echo "FAIL: bad file rc=$rc"; cat "$tmp/o"; fail=1; }
"$BIN" calibrate-rate --target Xx --validation-dir "${VALDIR:-/nonexistent}" >"$tmp/o" 2>&1; rc=$?
[ $rc = 2 ] && echo "ok: unknown target/data -> 2" || { echo "FAIL: unknown target rc=$rc"; fail=1; }
if [ -n "$VALDIR" ] && [ -f "$VALDIR/process_logs/jarlsanna_Zr_grid_power_pressure_qcm_rate.csv" ]; then
  "$BIN" calibrate-rate --validation-dir "$VALDIR" --csv "$tmp/r.csv" --png "$tmp/r.png" >"$tmp/o" 2>&1 || { echo "FAIL: run"; cat "$tmp/o"; fail=1; }
  rows=$(($(wc -l < "$tmp/r.csv") - 1))
  [ "$rows" -gt 50 ] && echo "ok: $rows points" || { echo "FAIL: $rows points"; fail=1; }
  head -c 8 "$tmp/r.png" | od -An -c | grep -q "P   N   G" && echo "ok: png" || { echo "FAIL: png"; fail=1; }
else
  echo "skipped: calibration run (no validation data)"
fi
exit $fail
