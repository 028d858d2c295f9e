#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a short time,
# seeded with the head of the real DTU log (when ../shared/validation is present) and small
# crafted logs. Exit status 1 when a target crashes (the crashing input is kept in
# build/fuzz/crash-*). Usage: scripts/run-fuzz.sh [SECONDS per target, default 60]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_PER_TARGET=${1:-60}
OUT=${MAGTWIN_FUZZ_DIR:-$ROOT/build/fuzz}
[ -n "${FUZZ_CXX:-}" ] || bash "$ROOT/scripts/ensure-clang.sh"
CXX=${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
mkdir -p "$OUT/corpus-log-reader"
FLAGS=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$ROOT/twin")
echo "[fuzz] building fuzz_log_reader with $CXX"
"$CXX" "${FLAGS[@]}" -o "$OUT/fuzz_log_reader" "$ROOT/tests/fuzz/fuzz_log_reader.cpp" \
  "$ROOT"/twin/logs/{EditDistance,TimestampParser,PrefixHash,LogIssues,LogReader}.cpp

SEEDS="$OUT/corpus-log-reader"
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ -f "$REAL" ]; then
  { printf '\x00'; head -c 6000 "$REAL"; } > "$SEEDS/seed-real-head-find"
  { printf '\x31'; head -c 3000 "$REAL"; } > "$SEEDS/seed-real-head-preamble"
else
  echo "[fuzz] validation log not found; crafted seeds only"
fi
printf '\x00Time Stamp,PC Capman Pressure,Power Supply 3 Fwd Power,Substrate Heater Temperature,PC Source 1 Loaded Target\r\nJul-07-2025 11:59:59.5 AM,5,60,25,Zr\r\nJul-07-2025 12:00:00.5 PM,5,,25,"Zr,1"\r\nJul-07-2025 12:00:00.5 PM,x,60\n' > "$SEEDS/seed-crafted"
printf '\x04\xef\xbb\xbfa\nb\nc\nTime Stamp;PC Capman Pressure;Power Supply 3 Fwd Power;Substrate Heater Temperature;PC Source 1 Loaded Target\n2025-07-07 12:00:00.1;1;2;3;t\n2025-07-07 12:00:09.1;1;2;3;t\n2025-07-07 12:00' > "$SEEDS/seed-semicolon"

echo "[fuzz] fuzz_log_reader for ${SECONDS_PER_TARGET} s"
cd "$OUT"
set +e
"$OUT/fuzz_log_reader" -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -print_final_stats=1 \
  -artifact_prefix="$OUT/" "$SEEDS" 2>&1 | tee "$OUT/fuzz_log_reader.log" | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" 
status=${PIPESTATUS[0]}
set -e
execs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$OUT/fuzz_log_reader.log" | awk '{print $2}')
echo "[fuzz] fuzz_log_reader: ${execs:-?} executions, exit status $status"
exit "$status"
