#!/usr/bin/env bash
# Configures (once) and builds magtwin into build/ incrementally.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${MAGTWIN_BUILD_DIR:-$ROOT/build}
JOBS=${MAGTWIN_JOBS:-$(nproc)}
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release "$@"
fi
cmake --build "$BUILD" -j "$JOBS"
