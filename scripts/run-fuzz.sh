#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a short time:
# the log reader seeded with the head of the real DTU log (when ../shared/validation is
# present) and small crafted logs; the tool-file reader seeded with cases/tools/*.yaml. Exit status 1 when a target crashes (the crashing input is kept in
# build/fuzz/NAME-crash-*). Usage: scripts/run-fuzz.sh [SECONDS per target, default 60]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_PER_TARGET=${1:-60}
OUT=${MAGTWIN_FUZZ_DIR:-$ROOT/build/fuzz}
[ -n "${FUZZ_CXX:-}" ] || bash "$ROOT/scripts/ensure-clang.sh"
CXX=${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
mkdir -p "$OUT/corpus-log-reader"
FLAGS=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$ROOT")
echo "[fuzz] building fuzz_log_reader with $CXX"
"$CXX" "${FLAGS[@]}" -o "$OUT/fuzz_log_reader" "$ROOT/tests/fuzz/fuzz_log_reader.cpp" \
  "$ROOT"/twin/logs/{EditDistance,TimestampParser,PrefixHash,LogIssues,LogReader,LoggingGaps}.cpp

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

run_target() {  # NAME CORPUS MAX_LEN
  local name=$1 corpus=$2 maxlen=$3 status execs
  echo "[fuzz] $name for ${SECONDS_PER_TARGET} s"
  (cd "$OUT" && "$OUT/$name" -max_total_time="$SECONDS_PER_TARGET" -max_len="$maxlen" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$OUT/$name-" "$corpus" > "$OUT/$name.log" 2>&1)
  status=$?
  grep -E "^(#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY)" "$OUT/$name.log" || true
  execs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$OUT/$name.log" | awk '{print $2}')
  echo "[fuzz] $name: ${execs:-?} executions, exit status $status"
  return "$status"
}

# The tool-file reader (cli/tool + the twin's logs: reader), seeded with the shipped tool files.
TOOL_SEEDS="$OUT/corpus-tool-file"
mkdir -p "$TOOL_SEEDS" "$OUT/generated"
cp "$ROOT"/cases/tools/*.yaml "$ROOT"/tests/cli/twin_tool_small.yaml "$TOOL_SEEDS"/
cmake -DINPUT="$ROOT/boundary/data/elements.csv" -DOUTPUT="$OUT/generated/BuiltinElementsCsv.cpp" \
  -P "$ROOT/boundary/data/embed_csv.cmake"
for table in Materials Constituents; do  # as boundary/CMakeLists.txt embeds them
  cmake -DINPUT="$ROOT/boundary/data/${table,,}.csv" -DOUTPUT="$OUT/generated/Builtin${table}Csv.cpp" \
    -DFUNCTION="builtin${table}Csv" -DHEADER=boundary/materials/BuiltinMaterialsCsv.hpp \
    -P "$ROOT/boundary/data/embed_csv.cmake"
done
echo "[fuzz] building fuzz_tool_file with $CXX"
"$CXX" "${FLAGS[@]}" -isystem /usr/include/eigen3 -o "$OUT/fuzz_tool_file" \
  "$ROOT/tests/fuzz/fuzz_tool_file.cpp" \
  "$ROOT"/cli/tool/{ToolSchema,ToolFileReader,ToolAlongTrack,ToolRunSettings,ToolGeometryChecks}.cpp \
  "$ROOT"/cli/config/{Units,ConfigReader}.cpp "$ROOT"/cli/twin/{LogMappingConfig,LogUnits}.cpp \
  "$ROOT"/twin/logs/{EditDistance,TimestampParser}.cpp "$ROOT"/twin/equipment/E10Settings.cpp \
  "$ROOT"/boundary/{util,elements,materials,yield,racetrack}/*.cpp \
  "$ROOT"/solvers/{motion,chamber,erosion}/*.cpp "$ROOT"/solvers/reactive/{BergModel,ReactiveSteadyStates,ReactiveProcess}.cpp \
  "$OUT"/generated/Builtin{Elements,Materials,Constituents}Csv.cpp -lyaml-cpp

set +e
run_target fuzz_log_reader "$SEEDS" 8192; log_status=$?
run_target fuzz_tool_file "$TOOL_SEEDS" 16384; tool_status=$?
set -e
[ "$log_status" -eq 0 ] && [ "$tool_status" -eq 0 ]
