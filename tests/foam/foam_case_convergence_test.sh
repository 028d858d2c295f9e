#!/usr/bin/env bash
# Mesh convergence of `magtwin foam-case` on the 300 mm wafer chamber (issue 21, Validation:
# "three meshes with the observed order of convergence"): the case generated at three --cells
# levels with a constant refinement ratio r = 1.5 in the spacing h = (V/N)^(1/3) (N x 1.5^3 per
# level), each run through its own Allrun from / with an empty environment, then U and the mean
# thickness over the quality area extrapolated (Richardson) and compared with `magtwin deposit`
# on the same tool file (tests/foam/check_foam_convergence.py states the tolerances).
#   usage: foam_case_convergence_test.sh WORKDIR MAGTWIN ROOT
set -uo pipefail
WORK=$1 MAGTWIN=$2 ROOT=$3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOL=$ROOT/cases/tools/wafer300_chamber.yaml
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
"$MAGTWIN" deposit "$TOOL" --out "$WORK/deposit" --csv > /dev/null || fail "deposit"
# Coarse to fine: 15000 x 1.5^3 = 50625, x 1.5^3 = 170859 (170858.4 rounded; the default is 150000).
LEVELS=(15000 50625 170859)
for n in "${LEVELS[@]}"; do
  "$MAGTWIN" foam-case "$TOOL" --cells "$n" --out "$WORK/cells$n" > /dev/null || fail "foam-case --cells $n"
  start=$(date +%s)
  (cd / && env -i /bin/sh "$WORK/cells$n/Allrun") > "$WORK/cells$n.log" 2>&1 \
    || { tail -40 "$WORK/cells$n.log"; fail "cells$n/Allrun"; }
  echo "--cells $n: Allrun $(( $(date +%s) - start )) s"
done
/usr/bin/python3 "$HERE/check_foam_convergence.py" "$WORK/deposit" 1.5 \
  "$WORK/cells${LEVELS[0]}/results" "$WORK/cells${LEVELS[1]}/results" "$WORK/cells${LEVELS[2]}/results" \
  || fail "mesh convergence"
echo "PASS"
