#!/usr/bin/env bash
# CI: every C++ file outside the OpenFOAM-side folders is laid out as .clang-format says.
#   check-format.sh          report files that differ (exit 1), change nothing
#   check-format.sh --fix    rewrite them in place
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if ! command -v clang-format-14 >/dev/null && ! command -v clang-format >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq clang-format >/dev/null
fi
CF=$(command -v clang-format-14 || command -v clang-format)
mapfile -t FILES < <(git ls-files '*.cpp' '*.hpp' | grep -v -E '^(boundary|solvers)/openfoam/')
if [ "${1:-}" = "--fix" ]; then
  "$CF" -i "${FILES[@]}"
  exit 0
fi
bad=0
for f in "${FILES[@]}"; do
  if ! "$CF" --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "check-format: $f is not formatted (run scripts/check-format.sh --fix)" >&2
    bad=1
  fi
done
[ "$bad" = 0 ] && echo "check-format: ${#FILES[@]} files formatted as .clang-format says"
exit "$bad"
