#!/usr/bin/env bash
# Prepares wmake, OpenFOAM's own build tool, for Debian's OpenFOAM v1912 (which ships none),
# so boundary/openfoam/Make/{files,options} can be built the way a site OpenFOAM builds a
# library (`wmake libso`). It takes wmake from the same Debian source package that
# scripts/prepare-openfoam-headers.sh unpacks (../shared/reference/openfoam-on-debian.md) and
# compiles wmake's two helper programs (wmkdepend, lemon) with the tarball's own Allmake.
#
#   usage: prepare-openfoam-wmake.sh [DEST]      (default: build/openfoam-wmake)
#
# DEST/etc/wmake-env.sh then sets the WM_* variables of Debian's build (linux64, Gcc, double
# precision, 32-bit labels: libopenfoam's own options) with WM_PROJECT_DIR = DEST, whose src/
# is the prepared header tree. Idempotent: DEST/.prepared marks a finished tree (built in a
# temporary folder, then renamed: no half tree).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${MAGTWIN_BUILD_DIR:-$ROOT/build}
DEST=${1:-$BUILD/openfoam-wmake}
HEADERS=$BUILD/openfoam-src
if [ -f "$DEST/.prepared" ]; then
  echo "[openfoam-wmake] ready in $DEST"
  exit 0
fi
bash "$ROOT/scripts/prepare-openfoam-headers.sh" "$HEADERS"
. "$ROOT/scripts/openfoam-source.sh"
TARBALL=$(openfoam_source_tarball "$(dirname "$HEADERS")/openfoam-download")
start=$(date +%s)
TOP=$( (tar tjf "$TARBALL" 2>/dev/null || true) | head -n1 | cut -d/ -f1)
TMP=$DEST.tmp-$$
rm -rf "$TMP"
mkdir -p "$TMP/etc"
trap 'rm -rf "$TMP"' EXIT
echo "[openfoam-wmake] extracting wmake from $(basename "$TARBALL")"
tar xjf "$TARBALL" -C "$TMP" --strip-components=1 "$TOP/wmake"
ln -s "$HEADERS/src" "$TMP/src"
write_env() {  # write_env PROJECT_DIR: the environment file for that location
  cat <<ENV
# wmake environment for Debian's OpenFOAM v1912 (written by scripts/prepare-openfoam-wmake.sh).
# The options of Debian's libopenfoam build: linux64, system gcc, double precision, Int32.
export WM_PROJECT=OpenFOAM WM_PROJECT_VERSION=v1912 WM_PROJECT_DIR=$1
export WM_DIR=\$WM_PROJECT_DIR/wmake WM_ARCH=linux64 WM_ARCH_OPTION=64
export WM_COMPILER=Gcc WM_COMPILER_TYPE=system WM_COMPILE_OPTION=Opt
export WM_PRECISION_OPTION=DP WM_LABEL_SIZE=32 WM_LABEL_OPTION=Int32
export WM_OPTIONS=linux64GccDPInt32Opt WM_MPLIB=SYSTEMOPENMPI
export LIB_SRC=\$WM_PROJECT_DIR/src FOAM_SRC=\$WM_PROJECT_DIR/src
export FOAM_LIBBIN=/usr/lib FOAM_APPBIN=/usr/bin
export FOAM_USER_LIBBIN=\${FOAM_USER_LIBBIN:-\$WM_PROJECT_DIR/platforms/\$WM_OPTIONS/lib}
export PATH=\$WM_DIR:\$PATH
ENV
}
write_env "$TMP" >"$TMP/etc/wmake-env.sh"
# wmake's helper programs (wmkdepend for dependencies, lemon), built by its own Allmake.
(set +u; . "$TMP/etc/wmake-env.sh" && cd "$TMP/wmake/src" && ./Allmake >/dev/null)
# The finished tree lives at DEST: point its environment there.
write_env "$DEST" >"$TMP/etc/wmake-env.sh"
date -u +%FT%TZ >"$TMP/.prepared"
rm -rf "$DEST"
mv "$TMP" "$DEST"
trap - EXIT
echo "[openfoam-wmake] prepared $DEST in $(( $(date +%s) - start )) s"
