#!/usr/bin/env bash
# ctest driver for the filmDeposition boundary condition (label foam).
#   usage: filmDeposition_test.sh MODE WORKDIR LIBDIR
#   MODE analytic  serial run vs the exact Robin-sink slab solution
#        parallel  decomposePar + mpirun -np 2 + reconstructPar vs serial, 1e-8 relative
#        restart   restart from the written t = 0.5 s reproduces the t = 1 s state
#        badentry  missing / misspelt / out-of-range entries and an unknown element stop
#                  with FatalIOError naming the entry
set -uo pipefail
MODE=$1 WORK=$2 LIBDIR=$3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
export WM_PROJECT_DIR=${WM_PROJECT_DIR:-/usr/share/openfoam}
export LD_LIBRARY_PATH=$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

fresh_case() {  # fresh_case DIR: a clean copy of the test case
  rm -rf "$1"; mkdir -p "$(dirname "$1")"; cp -r "$HERE/filmDeposition" "$1"
}
run() {  # run LOG CMD...: run in the current folder, show the log on failure
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then echo "FAIL: $* (log $PWD/$log):"; tail -30 "$log"; exit 1; fi
}

case $MODE in
analytic)
  fresh_case "$WORK/serial"
  "$WORK/serial/Allrun" || exit 1
  $PY "$HERE/check_filmDeposition.py" analytic "$WORK/serial"
  ;;
parallel)
  fresh_case "$WORK/serial"
  "$WORK/serial/Allrun" || exit 1
  fresh_case "$WORK/decomposed"
  cd "$WORK/decomposed" || exit 1
  run log.blockMesh blockMesh
  run log.decomposePar decomposePar
  run log.laplacianFoam mpirun --allow-run-as-root --oversubscribe -np 2 laplacianFoam -parallel
  run log.reconstructPar reconstructPar
  # The substrate patch must sit on one processor only and be absent (0 faces) on the other.
  grep -q "filmDeposition" processor1/1/T || { echo "FAIL: processor1 lacks the substrate BC"; exit 1; }
  # Tolerance from the brief (1e-8): decomposition changes only the order of the sums.
  $PY "$HERE/check_filmDeposition.py" compare "$WORK/decomposed" "$WORK/serial" 0.5 1e-8 &&
  $PY "$HERE/check_filmDeposition.py" compare "$WORK/decomposed" "$WORK/serial" 1 1e-8
  ;;
restart)
  fresh_case "$WORK/case"
  "$WORK/case/Allrun" || exit 1
  cd "$WORK/case" || exit 1
  mv 1 reference-1
  run log.restart laplacianFoam   # startFrom latestTime: continues from t = 0.5
  grep -q "^Time = 0.51$" log.restart || { echo "FAIL: the restart did not start from t = 0.5"; exit 1; }
  mkdir -p reference/1 && cp reference-1/T reference/1/T
  # Tolerance: 17-digit ASCII round-trips doubles exactly; 1e-12 allows last-bit noise.
  $PY "$HERE/check_filmDeposition.py" compare "$WORK/case" "$WORK/case/reference" 1 1e-12
  ;;
badentry)
  fail=0
  expect_fatal() {  # expect_fatal NAME SED_EXPR PATTERN
    local dir=$WORK/$1
    fresh_case "$dir"
    sed -i -e "$2" "$dir/0/T"
    (cd "$dir" && blockMesh >log.blockMesh 2>&1 && laplacianFoam >log.laplacianFoam 2>&1)
    local code=$?
    if [ $code -eq 0 ]; then echo "FAIL: $1: laplacianFoam succeeded"; fail=1; return; fi
    if ! grep -q "FOAM FATAL IO ERROR" "$dir/log.laplacianFoam" ||
       ! grep -qE -- "$3" "$dir/log.laplacianFoam"; then
      echo "FAIL: $1: no FatalIOError matching /$3/:"; tail -20 "$dir/log.laplacianFoam"; fail=1; return
    fi
    echo "ok: $1: FatalIOError: $(grep -E -m1 -- "$3" "$dir/log.laplacianFoam")"
  }
  expect_fatal missing   '/stickingCoefficient/d'                          "Entry 'stickingCoefficient' not found"
  expect_fatal misspelt  's/stickingCoefficient/stickingCoeficient/'      "Entry 'stickingCoefficient' not found"
  expect_fatal range     's/stickingCoefficient 0.5/stickingCoefficient 1.5/' "stickingCoefficient.*invalid|invalid.*stickingCoefficient"
  expect_fatal element   's/filmElement         Mo/filmElement         Xx/' "filmElement.*unknown element 'Xx'; known: .*Mo"
  expect_fatal gasElement 's/filmElement         Mo/filmElement         Ar/' "filmElement.*Ar.*no solid density"
  exit $fail
  ;;
*) echo "unknown mode $MODE"; exit 2 ;;
esac
