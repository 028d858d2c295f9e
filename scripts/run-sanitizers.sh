#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer over the physics core's unit tests.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-sanitize
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAGTWIN_SANITIZE=ON -DMAGTWIN_CORE_ONLY=ON >/dev/null
cmake --build "$BUILD" -j "${MAGTWIN_JOBS:-$(nproc)}"
cd "$BUILD"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -L unit -j "${MAGTWIN_JOBS:-$(nproc)}"
