#!/usr/bin/env bash
# README command 1: install what is missing, build, run the built-in default case and
# print a one-line verdict with where the outputs are.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/scripts/install-deps.sh"
# OpenFOAM v1912 headers for boundary/openfoam (once; cached in build/openfoam-src).
bash "$ROOT/scripts/prepare-openfoam-headers.sh"
bash "$ROOT/scripts/install-paraview.sh"
bash "$ROOT/scripts/build.sh"
exec bash "$ROOT/cases/default/run.sh" "$ROOT/build/bin/magtwin" "$ROOT/out/default"
