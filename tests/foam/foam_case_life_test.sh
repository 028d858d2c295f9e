#!/usr/bin/env bash
# `magtwin foam-case --life` on a shipped tool file (coarse): the generated Allrun erodes every
# cathode (moveDynamicMesh, sputterErosion) and computes the film on the eroded mesh, run from
# another folder with an empty environment; the eroded cathode points against `magtwin erode`
# on the same tool file (issue 21: within 2 % of the maximum depth; check_foam_life.py).
#   usage: foam_case_life_test.sh MODE TOOL WORKDIR MAGTWIN ROOT   (TOOL: a cases/tools/ name)
#   MODE   depth  --life at about half the targets' life (the planar line: 2500 kWh of its
#                 5052 kWh; the wafer chamber: 1000 kWh of its 1378 kWh), --cells 30000: every
#                 cathode's points vs erode's depth map there, each cathode's life_kWh
#          end    --life end, --cells 30000: the run ends at the first end of life; life (kWh)
#                 and utilization vs erode's
set -uo pipefail
MODE=$1 NAME=$2 WORK=$3 MAGTWIN=$4 ROOT=$5
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOL=$ROOT/cases/tools/$NAME.yaml
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
case $MODE in
depth) case $NAME in wafer300_chamber) LIFE="1000 kWh" ;; *) LIFE="2500 kWh" ;; esac ;;
end) LIFE=end ;;
*) fail "unknown mode $MODE" ;;
esac
"$MAGTWIN" foam-case "$TOOL" --cells 30000 --life "$LIFE" --out "$WORK/case" || fail "foam-case"
start=$(date +%s)
(cd / && env -i /bin/sh "$WORK/case/Allrun") > "$WORK/case.log" 2>&1 || { tail -40 "$WORK/case.log"; fail "Allrun"; }
echo "Allrun: $(( $(date +%s) - start )) s"
grep -q '"uniformity_range_pct"' "$WORK/case/results/summary.json" || fail "no film figures in summary.json"
grep -q "Selecting dynamicFvMesh staticFvMesh" "$WORK/case/log.sputterFoam" || fail "the film phase moved the mesh"
/usr/bin/python3 "$HERE/check_foam_life.py" "$MODE" "$WORK/case" "$TOOL" "$MAGTWIN" "$WORK/check" \
  || fail "the eroded targets differ from erode's"
echo "PASS"
