#!/usr/bin/env bash
# The plugin built the second way: with wmake from boundary/openfoam/Make/{files,options}, as
# in a site OpenFOAM (the CMake build is the first way; both compile the same Make/files list).
#   usage: wmake_build_test.sh WORK SOURCE_DIR BUILD_DIR MAGTWIN
# Steps: wmake from Debian's OpenFOAM source package (scripts/prepare-openfoam-wmake.sh), a
# copy of the plugin's folder (wmake writes lnInclude/ and Make/<options>/ beside the sources),
# `wmake libso` into WORK/lib, then two cases run with that library (and nothing else on
# LD_LIBRARY_PATH) against their exact answers: the slab flux (sputteredFlux) and the
# uniformly eroding box (sputterErosion, moveDynamicMesh), each through foam_case_test.sh's
# analytic mode, the same check the CMake-built library passes.
set -euo pipefail
WORK=$1 SRC=$2 BUILD=$3 MAGTWIN=$4
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rm -rf "$WORK"; mkdir -p "$WORK/lib"
MAGTWIN_BUILD_DIR=$BUILD bash "$SRC/scripts/prepare-openfoam-wmake.sh"
mkdir -p "$WORK/plugin/Make"
cp "$SRC/boundary/openfoam/Make/files" "$SRC/boundary/openfoam/Make/options" "$WORK/plugin/Make/"
# The source folders Make/files names (common/, filmDeposition/, ...).
for d in $(sed -n 's#^\([A-Za-z]*\)/.*\.C$#\1#p' "$SRC/boundary/openfoam/Make/files" | sort -u); do
  cp -r "$SRC/boundary/openfoam/$d" "$WORK/plugin/$d"
done
(
  set +u
  export FOAM_USER_LIBBIN=$WORK/lib
  . "$BUILD/openfoam-wmake/etc/wmake-env.sh"
  cd "$WORK/plugin"
  if ! MAGTWIN_SOURCE_DIR=$SRC MAGTWIN_BUILD_DIR=$BUILD wmake libso >"$WORK/wmake.log" 2>&1; then
    echo "FAIL: wmake libso (log $WORK/wmake.log):"; tail -30 "$WORK/wmake.log"; exit 1
  fi
)
test -f "$WORK/lib/libmagtwinFoam.so" || { echo "FAIL: wmake wrote no $WORK/lib/libmagtwinFoam.so"; exit 1; }
if grep -q "warning:" "$WORK/wmake.log"; then
  echo "FAIL: wmake build has warnings:"; grep -A3 "warning:" "$WORK/wmake.log" | head -40; exit 1
fi
echo "wmake libso: $WORK/lib/libmagtwinFoam.so ($(stat -c %s "$WORK/lib/libmagtwinFoam.so") bytes)"
for c in sputteredFluxSlab sputterErosionBox; do
  bash "$HERE/foam_case_test.sh" "$c" analytic "$WORK/$c" "$WORK/lib" "$MAGTWIN"
done
echo "PASS: the wmake-built library passes the slab-flux and eroding-box analytic cases"
