#!/usr/bin/env bash
# README command 1: install what is missing, build the program (only what the main job
# runs: no tests, no OpenFOAM plugin), run the built-in default case and print a one-line
# verdict with where the outputs are.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
start=$(date +%s)
bash "$ROOT/scripts/install-deps.sh" --program
bash "$ROOT/scripts/install-paraview.sh"
bash "$ROOT/scripts/build.sh" --program
echo "[default] set-up done in $(( $(date +%s) - start )) s" >&2
exec bash "$ROOT/cases/default/run.sh" "$ROOT/build/bin/magtwin" "$ROOT/out/default"
