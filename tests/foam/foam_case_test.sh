#!/usr/bin/env bash
# ctest driver for the OpenFOAM boundary-condition cases in tests/foam/ (label foam).
#   usage: foam_case_test.sh CASE MODE WORKDIR LIBDIR MAGTWIN [ENGINE]
#   CASE   filmDeposition | filmDepositionGas3D | sputteredFluxSlab | sputteredFluxRacetrack | sputterErosionBox
#          | sputterFoamSlab | sputterFoamTube | sputteredFluxTube | filmDepositionLineOfSight
#   MODE   analytic  serial run (the case's Allrun) vs its exact/analytic answer
#          parallel  decomposePar + mpirun -np 2 + reconstructPar vs serial, 1e-8 relative
#          restart   restart from the middle written time reproduces the final state
#          engine    (filmDepositionLineOfSight) collisionless cos^1.5 film vs the
#                    standalone deposition engine (ENGINE: los_engine_profile), 1 %
#          compound  (sputterErosionBox) a library compound (ITO) and a composition of the
#                    user's own (MoNb) erode at Gamma Y / n of the compound; (filmDeposition)
#                    an ITO film grows at k c(L) / n_film of ITO (library or filmDensity)
#          endoflife (sputterErosionBox) the run ends cleanly at the end of target life;
#                    (sputterErosionTool) life (kWh) and utilization vs `magtwin erode`
#          courant   (sputterErosionTool) written every step: no target point recedes by
#                    more than maxErosionCourant x its cell's height per step
#          meshquality (sputterErosionTool) a non-orthogonality limit the grooves pass: the
#                    run ends cleanly with meshInvalid.json, its figure = checkMesh's
#          badentry  missing / misspelt / out-of-range entries and unknown names stop with
#                    FatalIOError naming the entry (or listing the valid names)
# LIBDIR holds libmagtwinFoam.so; MAGTWIN is the magtwin program (reference yields);
# sputterFoam is taken from MAGTWIN's folder.
set -uo pipefail
CASE=$1 MODE=$2 WORK=$3 LIBDIR=$4 MAGTWIN=$5 ENGINE=${6:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# MPI ranks yield the CPU while waiting (the CI machine is shared: busy-polling ranks
# slow every other job down).
export OMPI_MCA_mpi_yield_when_idle=1
PY=/usr/bin/python3
export WM_PROJECT_DIR=${WM_PROJECT_DIR:-/usr/share/openfoam}
export LD_LIBRARY_PATH=$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export PATH=$(cd "$(dirname "$MAGTWIN")" && pwd):$PATH

# Per case: analytic check, solver, middle and end write times, first step after restart.
SOLVER=laplacianFoam MID=0.5 END=1 RESTARTED="Time = 0.51"
case $CASE in
filmDeposition)         CHECK=(check_filmDeposition.py analytic) ;;
sputteredFluxSlab)      CHECK=(check_sputteredFlux.py slab) ;;
sputteredFluxRacetrack) CHECK=(check_sputteredFlux.py racetrack) ;;
sputteredFluxTube)      CHECK=(check_sputteredFlux.py tube) ;;
filmDepositionLineOfSight) CHECK=(check_sputteredFlux.py los) ;;
filmDepositionGas3D)    CHECK=(check_sputteredFlux.py gas3d) MID=0.1 END=0.2 ;;
sputterErosionBox)      CHECK=(check_sputterErosion.py uniform)
                        SOLVER=moveDynamicMesh MID=500000 END=1e+06 RESTARTED="Time = 600000" ;;
sputterErosionTool)     CHECK=(check_sputterErosionTool.py engine)
                        SOLVER=moveDynamicMesh MID=180000 END=360000
                        RESTARTED="Time = 225000" ;;
sputterFoamSlab)        CHECK=(check_sputterFoam.py uniform)
                        SOLVER=sputterFoam MID=18000 END=36000 RESTARTED="Time = 21600" ;;
sputterFoamTube)        CHECK=(check_sputterFoam.py tube)
                        SOLVER=sputterFoam MID=500000 END=1e+06 RESTARTED="Time = 600000" ;;
*) echo "unknown case $CASE"; exit 2 ;;
esac
CHECKER=$HERE/${CHECK[0]}

fresh_case() {  # fresh_case DIR: a clean copy of the test case
  rm -rf "$1"; mkdir -p "$(dirname "$1")"; cp -r "$HERE/$CASE" "$1"
}
run() {  # run LOG CMD...: run in the current folder, show the log on failure
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then echo "FAIL: $* (log $PWD/$log):"; tail -30 "$log"; exit 1; fi
}
analytic_args() {  # extra arguments of the case's analytic check
  case $CASE in filmDeposition) ;; sputterErosionTool) echo "$MAGTWIN $WORK" ;; *) echo "$MAGTWIN" ;; esac
}

case $MODE in
analytic)
  fresh_case "$WORK/serial"
  "$WORK/serial/Allrun" || exit 1
  # shellcheck disable=SC2046
  $PY "$CHECKER" "${CHECK[1]}" "$WORK/serial" $(analytic_args)
  ;;
engine)
  fresh_case "$WORK/collisionless"
  sed -i -e 's/thermalizedFraction 0.5;/thermalizedFraction 0;/' \
         -e 's/lineOfSightSource   target;/lineOfSightSource   target; emissionDistribution cosn; cosExponent 1.5;/' \
         "$WORK/collisionless/0/T"
  "$WORK/collisionless/Allrun" || exit 1
  "$ENGINE" 1.5 > "$WORK/engine_profile.csv" || exit 1
  $PY "$CHECKER" losengine "$WORK/collisionless" "$MAGTWIN" "$WORK/engine_profile.csv"
  ;;
parallel)
  fresh_case "$WORK/serial"
  "$WORK/serial/Allrun" || exit 1
  fresh_case "$WORK/decomposed"
  cd "$WORK/decomposed" || exit 1
  if [ "$CASE" = sputterErosionTool ]; then
    run log.Allrun ./Allrun -parallel   # its entries come from the tool file (foam-dict)
  else
    run log.blockMesh blockMesh
    run log.decomposePar decomposePar
    run log.$SOLVER mpirun --allow-run-as-root --oversubscribe -np 2 $SOLVER -parallel
    run log.reconstructPar reconstructPar
  fi
  # Tolerance from the brief (1e-8): decomposition changes only the order of the sums.
  $PY "$CHECKER" compare "$WORK/decomposed" "$WORK/serial" $MID 1e-8 &&
  $PY "$CHECKER" compare "$WORK/decomposed" "$WORK/serial" $END 1e-8
  ;;
restart)
  fresh_case "$WORK/case"
  "$WORK/case/Allrun" || exit 1
  cd "$WORK/case" || exit 1
  mkdir -p reference && mv "$END" "reference/$END"
  # The filmUniformity function object's table at the end, where the case has one.
  if [ -d "postProcessing/film/$END" ]; then
    mkdir -p reference/postProcessing/film && mv "postProcessing/film/$END" reference/postProcessing/film/
  fi
  run log.restart $SOLVER   # startFrom latestTime: continues from the middle write
  grep -q "^$RESTARTED$" log.restart || { echo "FAIL: the restart did not start from t = $MID"; exit 1; }
  # Tolerance: 17-digit ASCII round-trips doubles exactly; 1e-12 allows last-bit noise.
  $PY "$CHECKER" compare "$WORK/case" "$WORK/case/reference" "$END" 1e-12
  ;;
compound)
  if [ "$CASE" = filmDeposition ]; then
    # An ITO film of the library (its film density), and the same at filmDensity 6.5 g/cm^3:
    # thermal speed from the mean atom mass, growth k c(L) t / n_film (check_filmDeposition.py).
    fresh_case "$WORK/ITO"
    sed -i 's/filmElement         Mo;/filmElement         ITO;/' "$WORK/ITO/0/T"
    "$WORK/ITO/Allrun" || exit 1
    $PY "$CHECKER" compound "$WORK/ITO" ITO || exit 1
    fresh_case "$WORK/ITO65"
    sed -i 's/filmElement         Mo;/filmElement         ITO; filmDensity 6.5;/' "$WORK/ITO65/0/T"
    "$WORK/ITO65/Allrun" || exit 1
    $PY "$CHECKER" compound "$WORK/ITO65" ITO 6.5 || exit 1
    grep -q "filmDensity" "$WORK/ITO65/1/T" || { echo "FAIL: filmDensity not written back"; exit 1; }
    exit 0
  fi
  # sputterErosionBox with compound targets: the library ITO by name, and the MoNb alloy
  # given as a composition of the user's own (targetComposition + targetDensity, computed by
  # the checker from the CSV files), each against Gamma Y t / n (check_sputterErosion.py).
  [ "$CASE" = sputterErosionBox ] || { echo "mode compound is for sputterErosionBox and filmDeposition"; exit 2; }
  fresh_case "$WORK/ITO"
  sed -i 's/target          Mo;/target          ITO;/' "$WORK/ITO/0/pointDisplacement"
  "$WORK/ITO/Allrun" || exit 1
  $PY "$CHECKER" compound "$WORK/ITO" "$MAGTWIN" ITO || exit 1
  entries=$($PY "$CHECKER" entries MoNb) || exit 1
  fresh_case "$WORK/MoNb"
  sed -i "s/target          Mo;/target          MoNbCustom; $entries/" "$WORK/MoNb/0/pointDisplacement"
  grep -q "targetComposition" "$WORK/MoNb/0/pointDisplacement" || { echo "FAIL: no composition entry"; exit 1; }
  "$WORK/MoNb/Allrun" || exit 1
  $PY "$CHECKER" compound "$WORK/MoNb" "$MAGTWIN" MoNb || exit 1
  # write() gives the composition back (a restart reads the same settings)
  grep -q "targetComposition" "$WORK/MoNb/1e+06/pointDisplacement" || { echo "FAIL: targetComposition not written back"; exit 1; }
  ;;
endoflife)
  # sputterErosionBox with a 1.5 mm target: 0.5 mm may erode above minRemainingThickness
  # 1 mm; the uniform flux erodes J Y / n x 1e5 s = 0.086 mm per step (Y(400 eV) = 0.552),
  # so the end of life falls inside the 6th step. The run must end cleanly (exit 0) with the
  # end-of-life time, depth and utilization written (check_sputterErosion.py endoflife).
  if [ "$CASE" = sputterErosionTool ]; then
    # Past the end of life (635 kWh at 4.4 kW = 5.2e5 s): the condition ends the run there.
    fresh_case "$WORK/eol"
    sed -i -e 's/^endTime .*/endTime         1e6;/' -e 's/^writeInterval .*/writeInterval   5e5;/' "$WORK/eol/system/controlDict"
    "$WORK/eol/Allrun" || exit 1
    $PY "$CHECKER" endoflife "$WORK/eol" "$MAGTWIN" "$WORK" || exit 1
    exit 0
  fi
  [ "$CASE" = sputterErosionBox ] || { echo "mode endoflife is for sputterErosionBox and sputterErosionTool"; exit 2; }
  fresh_case "$WORK/eol"
  sed -i 's/targetThickness 0.01;/targetThickness 0.0015;/' "$WORK/eol/0/pointDisplacement"
  "$WORK/eol/Allrun" || exit 1
  $PY "$CHECKER" endoflife "$WORK/eol" "$MAGTWIN"
  ;;
courant)
  [ "$CASE" = sputterErosionTool ] || { echo "mode courant is for sputterErosionTool"; exit 2; }
  fresh_case "$WORK/co"
  # Every step written; Co = 0.3 so that the limit, not the write times, sets the steps.
  sed -i -e 's/^writeControl .*/writeControl    timeStep;/' -e 's/^writeInterval .*/writeInterval   1;/' \
         -e 's/maxErosionCourant   0.5;/maxErosionCourant   0.3;/' "$WORK/co/system/controlDict"
  "$WORK/co/Allrun" || exit 1
  $PY "$CHECKER" courant "$WORK/co" 0.3
  ;;
meshquality)
  [ "$CASE" = sputterErosionTool ] || { echo "mode meshquality is for sputterErosionTool"; exit 2; }
  fresh_case "$WORK/mq"
  # A non-orthogonality limit of 8 deg, which the groove walls pass before 440 kWh (12 deg).
  sed -i -e 's/maxErosionCourant   0.5;/maxErosionCourant   0.5; maxNonOrthogonality 8;/' "$WORK/mq/system/controlDict"
  (cd "$WORK/mq" && sed -i 's/^step log.checkMesh.*//' Allrun && ./Allrun) || exit 1
  grep -q "the eroded mesh is no longer valid" "$WORK/mq/log.moveDynamicMesh" || { echo "FAIL: no message in the log"; exit 1; }
  $PY "$CHECKER" meshquality "$WORK/mq"
  ;;
badentry)
  fail=0
  expect_fatal() {  # expect_fatal NAME SED_EXPR PATTERN [BANNER [FILE]]  (FILE: default 0/<field>)
    local banner=${4:-FOAM FATAL IO ERROR}
    local dir=$WORK/$1 field=T log=log.$SOLVER
    [ "$SOLVER" = moveDynamicMesh ] && field=pointDisplacement
    [ "$SOLVER" = sputterFoam ] && field=c
    local file=${5:-0/$field}
    fresh_case "$dir"
    sed -i -e "$2" "$dir/$file"
    if cmp -s "$dir/$file" "$HERE/$CASE/$file"; then echo "FAIL: $1: the edit '$2' changed nothing"; fail=1; return; fi
    (cd "$dir" && blockMesh >log.blockMesh 2>&1 && $SOLVER >$log 2>&1)
    if [ $? -eq 0 ]; then echo "FAIL: $1: $SOLVER succeeded"; fail=1; return; fi
    if ! grep -q "$banner" "$dir/$log" || ! grep -qE -- "$3" "$dir/$log"; then
      echo "FAIL: $1: no '$banner' matching /$3/:"; tail -20 "$dir/$log"; fail=1; return
    fi
    echo "ok: $1: $banner: $(grep -E -m1 -- "$3" "$dir/$log")"
  }
  case $CASE in
  filmDeposition)
    expect_fatal missing    '/stickingCoefficient/d'                         "Entry 'stickingCoefficient' not found"
    expect_fatal misspelt   's/stickingCoefficient/stickingCoeficient/'      "Entry 'stickingCoefficient' not found"
    expect_fatal range      's/stickingCoefficient 0.5/stickingCoefficient 1.5/' "Entry 'stickingCoefficient' with invalid input"
    expect_fatal element    's/filmElement         Mo/filmElement         Xx/' "Entry 'filmElement': 'Xx' is not a known target material.*known: .*Mo"
    expect_fatal gasElement 's/filmElement         Mo/filmElement         Ar/' "Entry 'filmElement': 'Ar' is not a known target material"
    # Compound films (library names, compositions): the entry at fault is named.
    expect_fatal filmSum    's/filmElement         Mo;/filmElement ITOish; filmComposition (In 0.4 Sn 0.03 O 0.47); filmDensity 7.1;/' \
      "Entry 'filmComposition': .*sum to 0.9"
    expect_fatal filmNoRho  's/filmElement         Mo;/filmElement ITOish; filmComposition (In 0.4 Sn 0.03 O 0.57);/' \
      "Entry 'filmDensity': filmComposition needs the density"
    expect_fatal filmList   's/filmElement         Mo;/filmElement ITOish; filmComposition (In 0.4 Sn O 0.57); filmDensity 7.1;/' \
      "Entry 'filmComposition': expected element symbols and atom fractions"
    ;;
  filmDepositionLineOfSight)
    expect_fatal losPatch   's/lineOfSightSource   target/lineOfSightSource   tagret/' "Entry 'lineOfSightSource': no patch 'tagret'"
    # A wrong patch type shows only once the field exists: FatalError, not IO.
    expect_fatal losType    's/lineOfSightSource   target/lineOfSightSource   sides/' "lineOfSightSource: patch 'sides' of T is zeroGradient, not sputteredFlux" "FOAM FATAL ERROR"
    expect_fatal gas2D      's/lineOfSightSource   target;/lineOfSightSource   target; gasPressure 0.5; sigmaEff 2e-19; scatteredDeposited 0.3;/' "Entry 'gasPressure': gas attenuation of the ballistic flux needs a 3-D mesh"
    expect_fatal gasEta     's/lineOfSightSource   target;/lineOfSightSource   target; gasPressure 0.5; sigmaEff 2e-19; scatteredDeposited 1.3;/' "Entry 'scatteredDeposited' with invalid input"
    expect_fatal gasSigma   's/lineOfSightSource   target;/lineOfSightSource   target; gasPressure 0.5;/' "Entry 'sigmaEff' not found"
    expect_fatal losLaw     's/lineOfSightSource   target;/lineOfSightSource   target; emissionDistribution cosinus;/' "emissionDistribution.*'cosinus'; valid: cosine, cosn, yamamura1981"
    # The filmUniformity function object (system/controlDict).
    expect_fatal foArea     's/qualityArea { type box;/qualityArea { type square;/' "qualityArea type square is not one of \(box disc\)" "FOAM FATAL IO ERROR" system/controlDict
    expect_fatal foBox      's/min (-0.08 -1 -1)/min (0.09 -1 -1)/' "qualityArea box: min .* exceeds max" "FOAM FATAL IO ERROR" system/controlDict
    expect_fatal foPatch    's/patch       substrate;/patch       target;/' "patch target of field T is of type sputteredFlux, not filmDeposition" "FOAM FATAL ERROR" system/controlDict
    expect_fatal foField    's/field       T;/field       c;/' "field c \(entry 'field'\) does not exist" "FOAM FATAL ERROR" system/controlDict
    ;;
  sputteredFluxRacetrack)
    expect_fatal missing    '/ionEnergy/d'                               "Entry 'ionEnergy' not found"
    expect_fatal misspelt   's/trackSeparation /trackSeperation /'       "Entry 'trackSeparation' not found"
    expect_fatal fluxModel  's/ionFluxModel        racetrack/ionFluxModel        racetrak/' "ionFluxModel.*'racetrak'; valid: uniform, racetrack"
    expect_fatal yieldModel 's/ionEnergy           400;/ionEnergy 400; yieldModel foo;/' "unknown yield model 'foo'.*yamamura1996"
    expect_fatal profile    's/profile               gaussian/profile lorentzian/' "profile.*'lorentzian'; valid: gaussian, asymmetric-gaussian"
    expect_fatal cathode    's/cathode               planar-rect/cathode hexagonal/' "cathode 'hexagonal'; valid: planar-rect, planar-circular, rotary"
    expect_fatal rotary     's/cathode               planar-rect/cathode rotary/' "Entry 'targetRadius' not found"
    expect_fatal shape      's/ionEnergy           400;/ionEnergy 400; targetShape tube;/' "targetShape.*does not match the racetrack cathode 'planar-rect'"
    expect_fatal geometry   's/straightLength        0.8/straightLength        0.95/' "racetrack outside the target"
    expect_fatal frame      's/e2                  (1 0 0)/e2 (1 0 1)/'    "'e2' must be orthogonal to 'e1'"
    ;;
  sputterErosionBox)
    expect_fatal missing    '/ionFlux  /d'                     "Entry 'ionFlux' not found"
    expect_fatal misspelt   's/ionEnergy /ionEnery /'          "Entry 'ionEnergy' not found"
    expect_fatal target     's/target          Mo;/target          Xx;/' "Entry 'target': 'Xx' is not a known target material.*known: .*Mo"
    expect_fatal compoundName 's/target          Mo;/target          ITOO;/' "Entry 'target': 'ITOO' is not a known target material \(did you mean 'ITO'\?\)"
    expect_fatal compSum    's/target          Mo;/target ITOish; targetComposition (In 0.4 Sn 0.03 O 0.47); targetDensity 7.1;/' \
      "Entry 'targetComposition': .*atom fractions \(at.%\) sum to 0.9"
    expect_fatal compRho    's/target          Mo;/target ITOish; targetComposition (In 0.4 Sn 0.03 O 0.57);/' \
      "Entry 'targetDensity': targetComposition needs the density"
    expect_fatal compElement 's/target          Mo;/target ITOish; targetComposition (In 0.4 Xx 0.03 O 0.57); targetDensity 7.1;/' \
      "Entry 'targetComposition': .*unknown element 'Xx'"
    expect_fatal negative   's/ionFlux         1e20/ionFlux         -1e20/' "Entry 'ionFlux' with invalid input"
    expect_fatal thickness  '/targetThickness/d'                 "Entry 'targetThickness' not found"
    # Safeguard of the explicit step (the end of the target is not an error: mode endoflife)
    # a step deeper than maxDepthIncrement, with the deltaT that would do; that
    # deltaT must then run.
    expect_fatal bigStep    's/targetThickness 0.01;/targetThickness 0.01; maxDepthIncrement 5e-5;/' \
      "the step to t = 100000 s \(deltaT = 100000 s\) erodes point 0 at .* by [0-9.e-]+ m, more than maxDepthIncrement = 5(\.0+[0-9]*)?e-05 m; use deltaT <= [0-9.e+]+ s" "FOAM FATAL ERROR"
    suggested=$(sed -nE 's/.*use deltaT <= ([0-9.e+]+) s.*/\1/p' "$WORK/bigStep/log.$SOLVER" | head -1)
    dir=$WORK/bigStepFixed
    fresh_case "$dir"
    sed -i -e 's/targetThickness 0.01;/targetThickness 0.01; maxDepthIncrement 5e-5;/' "$dir/0/pointDisplacement"
    sed -i -e "s/^deltaT .*/deltaT          $suggested;/" -e "s/^endTime .*/endTime         $(awk -v d="$suggested" 'BEGIN { printf "%.17g", 5 * d }');/" \
      -e 's/^writeInterval .*/writeInterval   5;/' "$dir/system/controlDict"
    if [ -n "$suggested" ] && (cd "$dir" && blockMesh >log.blockMesh 2>&1 && $SOLVER >log.$SOLVER 2>&1); then
      echo "ok: bigStepFixed: the suggested deltaT $suggested s runs"
    else
      echo "FAIL: bigStepFixed: the suggested deltaT '$suggested' fails:"; tail -20 "$dir/log.$SOLVER"; fail=1
    fi
    ;;
  sputterFoamSlab)
    # The conditions' own D must be the transport's (sputterFoam checks).
    expect_fatal diffusivity 's/diffusivity         2;/diffusivity         3;/' "Patch target of c \(sputteredFlux\): diffusivity 3 differs from D = 2" "FOAM FATAL ERROR"
    ;;
  *) echo "no badentry list for $CASE"; exit 2 ;;
  esac
  exit $fail
  ;;
*) echo "unknown mode $MODE"; exit 2 ;;
esac
