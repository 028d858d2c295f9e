#!/usr/bin/env bash
# ctest driver for tests/foam/sputterFoamGas3D (sputterFoam with the gas from the core, 3-D).
#   usage: gas_case_test.sh MODE WORKDIR LIBDIR SPUTTERFOAM GAS_REFERENCE
#   MODE  vacuum   0 Pa: the OpenFOAM film equals the core's line-of-sight film
#         mc       0.5 Pa: the film within 5 % of the peak of the core's gas Monte Carlo
#         balance  0.5 Pa: emitted = taken up on all sticking patches (+ held, dN/dt = 0)
#         parallel 0.5 Pa: mpirun -np 2 equals serial to 1e-8
#         restart  0.5 Pa: a run restarted from t = 1 ends as the uninterrupted run, 1e-8
#         badentry bad gas and sticking entries stop with a FatalIOError naming the entry
#         sticking 0.5 Pa, shield and sides keeping half of the atoms (stickingCoefficient and
#                  ballisticSticking 0.5): the film within 5 % of the peak of the gas Monte Carlo
#                  with the same sticking, and the atom balance
#         wallsum  0.5 Pa: the thermalised source's panel wall sums (default) vs the exact
#                  pairwise ones (thermalisedWallSum exact), 1e-3
#         mirror   0.5 Pa: the x >= 0 half with a symmetryPlane at x = 0 (gas_half_chamber.py)
#                  equals the whole chamber on every face it keeps, 1e-8 (exact wall sums)
set -uo pipefail
MODE=$1 WORK=$2 LIBDIR=$3 SPUTTERFOAM=$4 GAS_REFERENCE=$5
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export OMPI_MCA_mpi_yield_when_idle=1
export WM_PROJECT_DIR=${WM_PROJECT_DIR:-/usr/share/openfoam}
export LD_LIBRARY_PATH=$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export PATH=$(cd "$(dirname "$SPUTTERFOAM")" && pwd):$PATH
export GAS_REFERENCE
PY=/usr/bin/python3
CHECK=$HERE/check_gas_case.py

fresh_case() { rm -rf "$1"; mkdir -p "$(dirname "$1")"; cp -r "$HERE/sputterFoamGas3D" "$1"; }
run() {  # run LOG CMD...
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then echo "FAIL: $* (log $PWD/$log):"; tail -30 "$log"; exit 1; fi
}

case $MODE in
vacuum)
  fresh_case "$WORK/case"
  GAS_PRESSURE=0 "$WORK/case/Allrun" || exit 1
  "$GAS_REFERENCE" los > "$WORK/los.csv" || exit 1
  $PY "$CHECK" vacuum "$WORK/case" "$WORK/los.csv"
  ;;
mc)
  fresh_case "$WORK/case"
  "$WORK/case/Allrun" || exit 1
  # 4e6 histories: ~1000 deposited per floor face at the centre, symmetrised over 8 images
  # (about 1 % noise at the peak).
  "$GAS_REFERENCE" mc 0.5 4e6 > "$WORK/mc.csv" || exit 1
  "$GAS_REFERENCE" fast 0.5 > "$WORK/fast.csv" || exit 1
  "$GAS_REFERENCE" los > "$WORK/los.csv" || exit 1
  $PY "$CHECK" mc "$WORK/case" "$WORK/mc.csv" "$WORK/fast.csv" "$WORK/los.csv"
  ;;
sticking)
  fresh_case "$WORK/case"
  for p in shield sides; do
    sed -i "/^    $p\$/,/^    }/s/^        stickingCoefficient 1;/        stickingCoefficient 0.5;\n        ballisticSticking   0.5;/" \
      "$WORK/case/0/c"
  done
  "$WORK/case/Allrun" || exit 1
  "$GAS_REFERENCE" mc 0.5 4e6 1 0.5 0.5 > "$WORK/mc.csv" || exit 1
  "$GAS_REFERENCE" mc 0.5 4e6 > "$WORK/mc-absorbing.csv" || exit 1
  $PY "$CHECK" sticking "$WORK/case" "$WORK/mc.csv" "$WORK/mc-absorbing.csv" &&
  $PY "$CHECK" balance "$WORK/case"
  ;;
balance)
  fresh_case "$WORK/case"
  "$WORK/case/Allrun" || exit 1
  $PY "$CHECK" balance "$WORK/case"
  ;;
parallel)
  fresh_case "$WORK/serial"
  "$WORK/serial/Allrun" || exit 1
  fresh_case "$WORK/decomposed"
  cd "$WORK/decomposed" || exit 1
  "$GAS_REFERENCE" entries 0.5 > constant/gasEntries || exit 1
  run log.blockMesh blockMesh
  run log.decomposePar decomposePar
  run log.sputterFoam mpirun --allow-run-as-root --oversubscribe -np 2 sputterFoam -parallel
  run log.reconstructPar reconstructPar
  $PY "$CHECK" compare "$WORK/decomposed" "$WORK/serial"
  ;;
restart)
  fresh_case "$WORK/serial"
  "$WORK/serial/Allrun" || exit 1
  fresh_case "$WORK/restarted"
  cd "$WORK/restarted" || exit 1
  "$GAS_REFERENCE" entries 0.5 > constant/gasEntries || exit 1
  run log.blockMesh blockMesh
  sed -i 's/^endTime .*/endTime         1;/' system/controlDict
  run log.sputterFoam.1 sputterFoam
  sed -i 's/^endTime .*/endTime         2;/' system/controlDict
  run log.sputterFoam sputterFoam
  grep -q "^Time = 2" log.sputterFoam && ! grep -q "^Time = 1$" log.sputterFoam \
    || { echo "FAIL: the second run did not start from t = 1"; exit 1; }
  $PY "$CHECK" compare "$WORK/restarted" "$WORK/serial"
  ;;
wallsum)
  fresh_case "$WORK/panels"
  start=$(date +%s.%N)
  "$WORK/panels/Allrun" || exit 1
  mid=$(date +%s.%N)
  fresh_case "$WORK/exact"
  echo "thermalisedWallSum exact;" >> "$WORK/exact/constant/transportProperties"
  "$WORK/exact/Allrun" || exit 1
  end=$(date +%s.%N)
  grep -q "wall sums exact:" "$WORK/exact/log.sputterFoam" || { echo "FAIL: the exact run took no exact sums"; exit 1; }
  echo "     Allrun wall time: panels $(echo "$mid - $start" | bc) s, exact $(echo "$end - $mid" | bc) s"
  grep -h "Thermalised source" "$WORK/panels/log.sputterFoam" "$WORK/exact/log.sputterFoam" | sed 's/^/     /'
  $PY "$CHECK" wallsum "$WORK/panels" "$WORK/exact"
  ;;
mirror)
  for part in whole half; do
    fresh_case "$WORK/$part"
    echo "thermalisedWallSum exact;" >> "$WORK/$part/constant/transportProperties"
  done
  $PY "$HERE/gas_half_chamber.py" "$WORK/half" || exit 1
  "$WORK/whole/Allrun" || exit 1
  "$WORK/half/Allrun" || exit 1
  grep -q "1 symmetry plane(s)" "$WORK/half/log.sputterFoam" || { echo "FAIL: the half took no mirror"; exit 1; }
  $PY "$CHECK" mirror "$WORK/half" "$WORK/whole"
  ;;
badentry)
  fails=0
  expect_fatal() {  # expect_fatal NAME FILE SED_EXPR PATTERN
    local dir=$WORK/$1
    fresh_case "$dir"
    "$GAS_REFERENCE" entries 0.5 > "$dir/constant/gasEntries" || exit 1
    sed -i -e "$3" "$dir/$2"
    (cd "$dir" && blockMesh > log.blockMesh 2>&1)
    if (cd "$dir" && sputterFoam > log.sputterFoam 2>&1); then
      echo "FAIL: $1: sputterFoam ran"; fails=$((fails + 1))
    elif ! grep -Eq "$4" "$dir/log.sputterFoam"; then
      echo "FAIL: $1: no '$4' in the log:"; tail -12 "$dir/log.sputterFoam"; fails=$((fails + 1))
    else
      echo "ok: $1: $4"
    fi
  }
  expect_fatal sticking  0/c '0,/stickingCoefficient 1;/s//stickingCoefficient 1.5;/' \
    "Entry 'stickingCoefficient' with invalid input"
  expect_fatal fraction  0/c 's/thermalizedFraction 0;/thermalizedFraction 0.5;/' \
    "thermalizedFraction 0.5 with gasPressure 0.5 Pa"
  expect_fatal column    constant/gasEntries '/thermalisationColumn/d' "Entry 'thermalisationColumn' not found"
  expect_fatal negative  constant/gasEntries 's/^thermalisationColumn .*/thermalisationColumn -1;/' \
    "Entry 'thermalisationColumn' = -1.*expected >= 0"
  expect_fatal law       constant/transportProperties 's/^D .*/&\nemissionDistribution cosinus;/' \
    "Entry 'emissionDistribution'.*cosinus"
  expect_fatal wallsum   constant/transportProperties 's/^D .*/&\nthermalisedWallSum fast;/' \
    "thermalisedWallSum fast: valid are panels, exact"
  expect_fatal mismatch  0/c '/^    substrate/,/^    }/s/^        value               uniform 0;/        sigmaEff 1e-19;\n&/' \
    "Patch substrate of c \(filmDeposition, lineOfSightSource\): sigmaEff/scatteredDeposited differs"
  [ "$fails" -eq 0 ] || exit 1
  ;;
*) echo "unknown mode $MODE"; exit 2 ;;
esac
