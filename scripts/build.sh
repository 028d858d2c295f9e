#!/usr/bin/env bash
# Configures and builds magtwin into build/ incrementally.
#   build.sh            everything: library, program, OpenFOAM plugin (when its headers are
#                       prepared), tests and benchmarks (README command 2)
#   build.sh --program  only what the main job runs: the `magtwin` program (README command 1;
#                       no GoogleTest, Google Benchmark or OpenFOAM needed)
# CMake is re-run each time (a few seconds) so that packages or OpenFOAM headers added since
# the last build are picked up; extra arguments go to CMake.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${MAGTWIN_BUILD_DIR:-$ROOT/build}
JOBS=${MAGTWIN_JOBS:-$(nproc)}
TARGET=()
CONFIG=(-DMAGTWIN_BUILD_TESTS=ON)
if [ "${1:-}" = "--program" ]; then
  shift
  TARGET=(--target magtwin)
  # A tree configured with tests keeps them (a later `build.sh` must not lose them).
  CONFIG=()
  [ -f "$BUILD/CMakeCache.txt" ] || CONFIG=(-DMAGTWIN_BUILD_TESTS=OFF)
fi
mkdir -p "$BUILD"
LOG=$BUILD/configure.log
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release "${CONFIG[@]}" "$@" >"$LOG" 2>&1 ||
  { cat "$LOG" >&2; echo "[build] CMake configure failed (log above: $LOG)" >&2; exit 1; }
grep -E "^-- (OpenFOAM|sputterFoam|foam tests)" "$LOG" || true
cmake --build "$BUILD" -j "$JOBS" "${TARGET[@]}"
