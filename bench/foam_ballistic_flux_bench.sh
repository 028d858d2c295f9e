#!/usr/bin/env bash
# filmDeposition's ballistic flux in OpenFOAM on a Gen-10.5 glass (issue 21): one laplacianFoam
# step of a 3-D slab case, the glass (2.94 m x 3.37 m, PITCH mm faces) facing a planar target of
# the same size 0.1 m above (the same face count: the worst case for the old all-pairs sum),
# with ballisticTransport pairwise (the old path: every target face to every glass face) and
# fast (the FFT convolution), at 1 and 2 ranks (mpirun -np 2, decomposed in x). Reported: wall
# time of the solver, the same minus the run without lineOfSightSource (mesh reading, the
# solve), the peak memory (/usr/bin/time: rank 0's mpirun tree at 2 ranks), then fast vs
# pairwise (max / mean) and fast at 2 ranks vs 1 rank (1e-8).
#   usage: bench/foam_ballistic_flux_bench.sh BUILD_DIR [PITCH_MM] [WORK_DIR]   (default 10 mm)
# Needs libmagtwinFoam.so in BUILD_DIR/lib and Debian's OpenFOAM (WM_PROJECT_DIR is set here).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD=$(cd "$1" && pwd) PITCH=${2:-10} WORK=${3:-$(mktemp -d)}
export WM_PROJECT_DIR=${WM_PROJECT_DIR:-/usr/share/openfoam}
export LD_LIBRARY_PATH=$BUILD/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export OMPI_MCA_mpi_yield_when_idle=1 OMP_NUM_THREADS=1
NX=$(awk -v p="$PITCH" 'BEGIN { printf "%d", 2940 / p + 0.5 }')
NY=$(awk -v p="$PITCH" 'BEGIN { printf "%d", 3370 / p + 0.5 }')
LOS=$HERE/../tests/foam/filmDepositionLineOfSight

make_case() {  # make_case DIR TRANSPORT (none: no ballistic flux)
  local dir=$1 los="lineOfSightSource target; ballisticTransport $2;"
  [ "$2" = none ] && los=""
  rm -rf "$dir"; mkdir -p "$dir/system" "$dir/constant" "$dir/0"
  cat > "$dir/system/blockMeshDict" <<MESH
FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }
scale 1;
vertices ((-1.47 -1.685 0) (1.47 -1.685 0) (1.47 1.685 0) (-1.47 1.685 0)
          (-1.47 -1.685 0.1) (1.47 -1.685 0.1) (1.47 1.685 0.1) (-1.47 1.685 0.1));
blocks ( hex (0 1 2 3 4 5 6 7) ($NX $NY 1) simpleGrading (1 1 1) );
boundary
(
    substrate { type wall; faces ((0 3 2 1)); }
    target    { type wall; faces ((4 5 6 7)); }
    sides     { type wall; faces ((0 4 7 3) (1 2 6 5) (0 1 5 4) (3 7 6 2)); }
);
MESH
  cat > "$dir/system/controlDict" <<DICT
FoamFile { version 2.0; format ascii; class dictionary; object controlDict; }
libs ("libmagtwinFoam.so");
application laplacianFoam; startFrom startTime; startTime 0; stopAt endTime; endTime 0.01;
deltaT 0.01; writeControl timeStep; writeInterval 1; writeFormat ascii; writePrecision 17;
writeCompression off; timeFormat general; timePrecision 6; runTimeModifiable false;
DICT
  cat > "$dir/system/decomposeParDict" <<DICT
FoamFile { version 2.0; format ascii; class dictionary; object decomposeParDict; }
numberOfSubdomains 2; method simple; coeffs { n (2 1 1); }
DICT
  cp "$LOS/system/fvSchemes" "$LOS/system/fvSolution" "$dir/system/"
  cp "$LOS/constant/transportProperties" "$dir/constant/"
  cat > "$dir/0/T" <<FIELD
FoamFile { version 2.0; format ascii; class volScalarField; object T; }
dimensions [0 -3 0 0 0 0 0];
internalField uniform 0;
boundaryField
{
    target { type sputteredFlux; ion Ar; target Mo; ionEnergy 400; ionFluxModel uniform;
             ionFlux 1e20; e1 (0 1 0); e2 (1 0 0); thermalizedFraction 0.5; diffusivity 2;
             value uniform 0; }
    substrate { type filmDeposition; stickingCoefficient 0.5; gasTemperature 300; diffusivity 2;
                filmElement Mo; $los value uniform 0; }
    sides { type zeroGradient; }
}
FIELD
  (cd "$dir" && blockMesh > log.blockMesh 2>&1)
}

run_case() {  # run_case DIR RANKS -> "seconds peak_MB"
  local dir=$1 ranks=$2 t0 t1
  cd "$dir"
  if [ "$ranks" = 1 ]; then
    t0=$(date +%s.%N); /usr/bin/time -f "%M" -o time.rss laplacianFoam > log.run 2>&1; t1=$(date +%s.%N)
  else
    decomposePar -force > log.decomposePar 2>&1
    t0=$(date +%s.%N)
    /usr/bin/time -f "%M" -o time.rss mpirun --allow-run-as-root --oversubscribe -np 2 laplacianFoam -parallel > log.run 2>&1
    t1=$(date +%s.%N)
    reconstructPar -latestTime > log.reconstructPar 2>&1
  fi
  cd - > /dev/null
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') $(awk '{ printf "%.0f", $1 / 1024 }' "$dir/time.rss")"
}

echo "Gen-10.5 glass ${NX} x ${NY} = $((NX * NY)) substrate faces, as many target faces (pitch $PITCH mm)"
printf "%-9s %5s %10s %12s %8s\n" transport ranks wall_s ballistic_s RSS_MB
for ranks in 1 2; do
  make_case "$WORK/none-$ranks" none
  read -r base rss < <(run_case "$WORK/none-$ranks" "$ranks")
  printf "%-9s %5s %10s %12s %8s\n" none "$ranks" "$base" 0 "$rss"
  for t in fast ${TRANSPORTS:-pairwise}; do
    make_case "$WORK/$t-$ranks" "$t"
    read -r wall rss < <(run_case "$WORK/$t-$ranks" "$ranks")
    printf "%-9s %5s %10s %12s %8s\n" "$t" "$ranks" "$wall" "$(awk -v a="$wall" -v b="$base" 'BEGIN { printf "%.2f", a - b }')" "$rss"
  done
done
if [ -d "$WORK/pairwise-1/0.01" ]; then
  /usr/bin/python3 "$HERE/../tests/foam/check_ballisticFlux.py" fastpair "$WORK/fast-1" "$WORK/pairwise-1" 0.01 || true
fi
/usr/bin/python3 "$HERE/../tests/foam/check_ballisticFlux.py" compare "$WORK/fast-2" "$WORK/fast-1" 0.01 1e-8 || true
