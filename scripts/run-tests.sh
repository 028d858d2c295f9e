#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test through ctest.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/scripts/install-deps.sh"
# ParaView for the `paraview` tests (unpacked into the build tree; see the script), and
# make those tests fail rather than skip if it is missing.
bash "$ROOT/scripts/install-paraview.sh"
export MAGTWIN_REQUIRE_PARAVIEW=1
# OpenFOAM v1912 headers for boundary/openfoam (once; cached in build/openfoam-src).
bash "$ROOT/scripts/prepare-openfoam-headers.sh"
bash "$ROOT/scripts/build.sh"
cd "$ROOT/build"
ctest --output-on-failure -j "${MAGTWIN_JOBS:-$(nproc)}"
