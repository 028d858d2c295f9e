#!/usr/bin/env bash
# The twin's log/store/sync unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (clang, leaks included), built straight from the sources into build/asan (no CMake tree:
# the core sanitizer pass, scripts/run-sanitizers.sh, is core-only).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -n "${SAN_CXX:-}" ] || bash "$ROOT/scripts/ensure-clang.sh"
CXX=${SAN_CXX:-$(command -v clang++-14 || command -v clang++)}
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
OUT="$ROOT/build/asan"
mkdir -p "$OUT"
cd "$ROOT"
echo "[twin-sanitizers] building with $CXX"
"$CXX" -std=c++17 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
  -I. -DMAGTWIN_VALIDATION_DIR="\"$VALIDATION\"" \
  twin/logs/*.cpp twin/store/*.cpp twin/store/sqlite/*.cpp twin/replay/{SourcePower,ReplaySeries,DeliveredEnergy,StepDetector}.cpp twin/sync/*.cpp \
  tests/twin/TimestampParserTest.cpp tests/twin/LogReaderTest.cpp tests/twin/StepDetectorTest.cpp tests/twin/DeliveredEnergyTest.cpp \
  tests/twin/Store*Test.cpp -lgtest -lgtest_main -lsqlite3 -pthread -o "$OUT/test_twin_asan"
"$OUT/test_twin_asan" --gtest_brief=1

# `twin serve`: the snapshot, watcher, rate limiter and HTTP server with its embedded assets
# (EmbedAssets.cmake run here, as the CMake build runs it) under the same sanitizers; the
# ServeApiTest cases (real server, raw sockets, garbage, the replay's map and findings).
ASSETS=$(ls twin/serve/assets/* | tr '\n' ';')
cmake -DOUT="$OUT/ServeAssets.cpp" -DASSETS="${ASSETS%;}" -P twin/serve/EmbedAssets.cmake
echo "[twin-sanitizers] building the serve tests"
"$CXX" -std=c++17 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
  -I. $(pkg-config --cflags cpp-httplib) \
  twin/logs/*.cpp twin/store/*.cpp twin/store/sqlite/*.cpp twin/replay/{SourcePower,ReplaySeries,DeliveredEnergy,StepDetector}.cpp twin/sync/*.cpp \
  twin/serve/{ServeSnapshot,StoreWatcher,RateLimiter,WebServer}.cpp "$OUT/ServeAssets.cpp" \
  twin/status/TwinStatus.cpp twin/equipment/*.cpp boundary/util/Json.cpp \
  tests/twin/serve/ServeApiTest.cpp -lgtest -lgtest_main -lsqlite3 $(pkg-config --libs cpp-httplib) -pthread \
  -o "$OUT/test_twin_serve_asan"
"$OUT/test_twin_serve_asan" --gtest_brief=1
