#!/usr/bin/env bash
# `magtwin foam-case` on a shipped tool file at 0 Pa (the 300 mm wafer chamber, the Gen-10.5
# planar line, the Gen-10.5 rotary line): the generated case's Allrun, run from another folder with an empty
# environment, against `magtwin deposit` on the same tool file (issue 21: pointwise within 3 %
# of the mean, U within 0.3 pp; tests/foam/check_foam_case.py).
#   usage: foam_case_tool_test.sh MODE TOOL WORKDIR MAGTWIN ROOT [CELLS]   (TOOL: a cases/tools/ name;
#          CELLS: foam-case --cells, a coarse mesh for CI)
#   MODE   deposit   serial run vs deposit
#          parallel  `Allrun -parallel 4` (4 subdomains, issue 21) equals the serial film face by face,
#                    1e-8 relative
#          whole     (rotary line) the tubes moved 30 mm along their axes off the glass centre: no
#                    symmetry, the whole chamber meshed (both end caps of every tube), vs deposit
#                    on that tool file as in deposit mode (the half chamber's mirror images and
#                    the whole chamber's own emitters must agree with deposit alike)
#          gas       the tool file at 0.5 Pa with a Mo target and film (the fast gas model's own
#                    calibration pair, so foam-case's gas entries need no deposition.gas_model):
#                    the film against the core's gas Monte Carlo (`deposit --method mc`) within 5 %
#                    of the peak (issue 21), compared over 10 mm rings of the turning wafer
#          gassticking the same with walls keeping half of the atoms (process.sticking.walls 0.5):
#                    the walls give the rest back (the Monte Carlo's diffuse re-emission, the
#                    case's ballisticSticking and Robin uptake) in the same chamber
#                    (solvers/deposition/ChamberWalls.hpp)
set -uo pipefail
MODE=$1 NAME=$2 WORK=$3 MAGTWIN=$4 ROOT=$5
CELLS=()
[ -n "${6:-}" ] && CELLS=(--cells "$6")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOL=$ROOT/cases/tools/$NAME.yaml
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
if [ "$MODE" = gas ] || [ "$MODE" = gassticking ]; then
  STICKING=
  [ "$MODE" = gassticking ] && STICKING='\n  sticking: {walls: 0.5}'
  sed -E '/^  pressure: /d; s/^  gas: Ar$/  gas: Ar\n  pressure: 0.5 Pa'"$STICKING"'/; s/material: Cu$/material: Mo/; s/film: \{material: Cu\}/film: {material: Mo}/' \
    "$TOOL" > "$WORK/tool-0.5Pa.yaml"
  if [ -n "$STICKING" ]; then grep -q '^  sticking: {walls: 0.5}$' "$WORK/tool-0.5Pa.yaml" || fail "no sticking edit"; fi
  TOOL=$WORK/tool-0.5Pa.yaml
  "$MAGTWIN" foam-case "$TOOL" "${CELLS[@]}" --out "$WORK/case" || fail "foam-case"
  grep -qE '"pressure_Pa": 0.5(,|$)' <("$MAGTWIN" deposit "$TOOL" --method mc --out "$WORK/deposit" --csv --json) \
    || fail "deposit --method mc: the edited tool file is not at 0.5 Pa"
else
  if [ "$MODE" = whole ]; then
    sed -E 's/^    position: \[0 mm, 0 mm, 250 mm\]   # array centre/    position: [0 mm, 30 mm, 250 mm]   # array centre/' \
      "$TOOL" > "$WORK/tool-shifted.yaml"
    cmp -s "$TOOL" "$WORK/tool-shifted.yaml" && fail "whole: the edit changed nothing"
    TOOL=$WORK/tool-shifted.yaml
  fi
  "$MAGTWIN" foam-case "$TOOL" "${CELLS[@]}" --out "$WORK/case" > "$WORK/foam-case.out" || fail "foam-case"
  cat "$WORK/foam-case.out"
  if [ "$MODE" = whole ]; then
    grep -q "symmetry reduction: none" "$WORK/foam-case.out" || fail "whole: a symmetry reduction was taken"
  fi
  grep -qE '"pressure_Pa": 0(,|$)' <("$MAGTWIN" deposit "$TOOL" --out "$WORK/deposit" --csv --json) \
    || fail "deposit: the tool file is not at 0 Pa (the tolerances are the collisionless ones)"
fi
run_case() {  # run_case DIR [ARGS]: the Allrun from / with nothing in the environment
  (cd / && env -i /bin/sh "$1/Allrun" "${@:2}") > "$1.log" 2>&1 || { tail -40 "$1.log"; fail "$1/Allrun $*"; }
}
case $MODE in
deposit|whole)
  start=$(date +%s)
  run_case "$WORK/case"
  echo "Allrun: $(( $(date +%s) - start )) s, $(grep -m1 -o '[0-9]* cells' "$WORK/case/Allrun")"
  /usr/bin/python3 "$HERE/check_foam_case.py" "$WORK/case/results" "$WORK/deposit" --point-pct 3 --u-pp 0.3 \
    || fail "the OpenFOAM film differs from deposit's"
  if grep -q "cathode *rotary;" "$WORK/case/constant/"source.*; then
    # Tubes: surfaces on the exact circle, end caps in each tube's patch and emitting nothing.
    t=$(sed -n 's/^endTime *\([^;]*\);/\1/p' "$WORK/case/system/controlDict")
    /usr/bin/python3 "$HERE/check_rotary_endcaps.py" "$WORK/case" "$t" || fail "tube surfaces or end caps"
  fi
  ;;
gas|gassticking)
  run_case "$WORK/case"
  grep -q "Gas balance: thermalised source" "$WORK/case/log.sputterFoam" || fail "no thermalised volume source"
  # A turning wafer: 10 mm rings; a static glass: 100 mm x 100 mm blocks (2500 of the Monte
  # Carlo's 2 mm pixels each, whose counting noise averages out as over a ring).
  AVERAGE=(--rings-mm 10)
  grep -q "kind: glass" "$TOOL" && AVERAGE=(--blocks-mm 100)
  /usr/bin/python3 "$HERE/check_foam_case.py" "$WORK/case/results" "$WORK/deposit" "${AVERAGE[@]}" --peak-pct 5 \
    || fail "the OpenFOAM film at 0.5 Pa differs from the gas Monte Carlo's"
  ;;
parallel)
  cp -r "$WORK/case" "$WORK/case-parallel"
  run_case "$WORK/case"
  run_case "$WORK/case-parallel" -parallel 4
  grep -q "Exec.*-parallel" "$WORK/case-parallel/log.sputterFoam" || fail "the parallel run did not run in parallel"
  grep -qE "^nProcs *: *4$" "$WORK/case-parallel/log.sputterFoam" || fail "the parallel run did not run on 4 ranks"
  /usr/bin/python3 - "$WORK/case/results/film.csv" "$WORK/case-parallel/results/film.csv" <<'PY' || fail "parallel != serial"
import csv, sys
def rows(p):
    return sorted((round(float(r["x_m"]), 9), round(float(r["y_m"]), 9), float(r["thickness_m"]))
                  for r in csv.DictReader(open(p)))
a, b = rows(sys.argv[1]), rows(sys.argv[2])
assert len(a) == len(b) and len(a) > 1000, (len(a), len(b))
worst = max(abs(x[2] - y[2]) / max(abs(x[2]), 1e-30) for x, y in zip(a, b) if x[:2] == y[:2] or sys.exit("faces differ"))
print("faces %d, max relative difference serial vs 4 ranks %.2e" % (len(a), worst))
sys.exit(0 if worst <= 1e-8 else 1)
PY
  ;;
*) fail "unknown mode $MODE" ;;
esac
echo "PASS"
