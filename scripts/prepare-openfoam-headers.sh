#!/usr/bin/env bash
# Prepares the OpenFOAM v1912 headers that match Debian's openfoam/libopenfoam binaries,
# so boundary/openfoam/ can be compiled without wmake (see
# ../shared/reference/openfoam-on-debian.md for the recipe this follows).
#
#   usage: prepare-openfoam-headers.sh [DEST]      (default: build/openfoam-src)
#
# Steps, each skipped when already done (the script is idempotent and cheap to re-run):
#   1. a deb-src stanza for the Debian archives (copied from the deb stanzas of
#      /etc/apt/sources.list.d/debian.sources) and one `apt-get update`;
#   2. `apt-get source --download-only openfoam` into DEST/../openfoam-download;
#   3. extraction of only the src/ libraries the plugin includes, then the tarball's own
#      wmake/wmakeLnInclude to build each library's lnInclude folder.
# On success DEST/.prepared holds the tarball name; CMake (MAGTWIN_OPENFOAM_SRC) looks
# for the lnInclude folders under DEST/src.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${MAGTWIN_BUILD_DIR:-$ROOT/build}
DEST=${1:-$BUILD/openfoam-src}
DOWNLOAD=$(dirname "$DEST")/openfoam-download
STAMP=$DEST/.prepared
# The libraries whose headers the plugin (and a dynamic-mesh solver) needs.
LIBS="OpenFOAM OSspecific/POSIX finiteVolume meshTools dynamicMesh dynamicFvMesh fvMotionSolver surfMesh fileFormats"

if [ -f "$STAMP" ]; then
  echo "[openfoam-headers] ready in $DEST ($(cat "$STAMP"))"
  exit 0
fi
start=$(date +%s)

# 1.-2. Debian's openfoam source package (scripts/openfoam-source.sh).
. "$ROOT/scripts/openfoam-source.sh"
TARBALL=$(openfoam_source_tarball "$DOWNLOAD")

# 3. partial extraction into a temporary folder, lnInclude, then rename (no half tree).
# (tar is cut short by head: its SIGPIPE status is expected)
TOP=$( (tar tjf "$TARBALL" 2>/dev/null || true) | head -n1 | cut -d/ -f1)
TMP=$DEST.tmp-$$
rm -rf "$TMP"
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
members="$TOP/wmake/wmakeLnInclude $TOP/wmake/scripts/wmakeFunctions $TOP/etc/codeTemplates/BC"
for l in $LIBS; do members="$members $TOP/src/$l"; done
echo "[openfoam-headers] extracting $LIBS"
# shellcheck disable=SC2086
tar xjf "$TARBALL" -C "$TMP" --strip-components=1 $members
for l in $LIBS; do
  "$TMP/wmake/wmakeLnInclude" -s "$TMP/src/$l"
done
basename "$TARBALL" >"$TMP/.prepared"
rm -rf "$DEST"
mv "$TMP" "$DEST"
trap - EXIT
echo "[openfoam-headers] prepared $DEST in $(( $(date +%s) - start )) s"

# A build tree configured before the headers existed must re-run CMake to see them.
if [ -f "$BUILD/CMakeCache.txt" ]; then
  cmake "$BUILD" >/dev/null
fi
