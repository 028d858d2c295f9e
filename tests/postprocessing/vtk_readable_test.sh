#!/usr/bin/env bash
# Writes every kind of VTK file magtwin writes (make_vtk_samples) and reads each back with
# ParaView's readers (check_vtk_readable.py under pvbatch), on this machine's libexpat.
#   usage: vtk_readable_test.sh MAKE_VTK_SAMPLES PVBATCH
# Without pvbatch the test is skipped (exit 77), unless MAGTWIN_REQUIRE_PARAVIEW=1.
set -euo pipefail
MAKE=$1 PVBATCH=$2
if [ ! -x "$PVBATCH" ]; then
  echo "pvbatch not found at $PVBATCH (scripts/install-paraview.sh installs it)"
  [ "${MAGTWIN_REQUIRE_PARAVIEW:-0}" = 1 ] && exit 1
  exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$MAKE" "$tmp/files"
echo "libexpat: $(dpkg-query -W -f='${Version}' libexpat1 2>/dev/null || echo unknown)"
"$PVBATCH" "$(dirname "$0")/check_vtk_readable.py" "$tmp/files"
