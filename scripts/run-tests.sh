#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test through ctest.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/scripts/install-deps.sh"
# OpenFOAM v1912 headers for boundary/openfoam (once; cached in build/openfoam-src).
bash "$ROOT/scripts/prepare-openfoam-headers.sh"
bash "$ROOT/scripts/build.sh"
cd "$ROOT/build"
ctest --output-on-failure -j "${MAGTWIN_JOBS:-$(nproc)}"
