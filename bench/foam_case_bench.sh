#!/usr/bin/env bash
# foam-case bench (issue 21, Speed and scale): wall time and peak memory of each shipped 3-D
# OpenFOAM case (cases/wafer300-3d, cases/gen10_5-planar-line-3d: the tool files
# cases/tools/wafer300_chamber.yaml and gen10_5_planar_line.yaml at foam-case's default
# --cells 150000) at 1 and 2 ranks on this machine. Each case is generated once by
# `magtwin foam-case`, then its own Allrun is run unchanged from / with an empty environment,
# serial and `Allrun -parallel 2` (decomposePar, mpirun -np 2, reconstructPar), under
# /usr/bin/time -v. Peak memory is GNU time's "Maximum resident set size": the largest single
# process of the run (blockMesh, checkMesh, decomposePar, one rank of sputterFoam, ...), not the
# sum over ranks. Prints a markdown table (docs/benchmarks.md, docs/openfoam.md).
# usage: bench/foam_case_bench.sh [BUILD_DIR] [CELLS]   (after scripts/build.sh with the OpenFOAM headers)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
CELLS=${2:-150000}
[ -x "$BUILD/bin/sputterFoam" ] || { echo "foam_case_bench: no $BUILD/bin/sputterFoam (build with the OpenFOAM headers)" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-foam-case-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "| case (tool file) | cells | ranks | Allrun wall [s] | sputterFoam wall [s] | peak RSS, largest process [MB] | U [%] | mean [nm] |"
echo "|---|---|---|---|---|---|---|---|"
for tool in wafer300_chamber gen10_5_planar_line; do
  "$BUILD/bin/magtwin" foam-case "$ROOT/cases/tools/$tool.yaml" --cells "$CELLS" --out "$WORK/$tool" > /dev/null
  for ranks in 1 2; do
    args=()
    [ "$ranks" -gt 1 ] && args=(-parallel "$ranks")
    (cd / && env -i /usr/bin/time -v -o "$WORK/time" /bin/sh "$WORK/$tool/Allrun" "${args[@]}") > "$WORK/log" 2>&1 \
      || { tail -30 "$WORK/log" >&2; echo "foam_case_bench: $tool Allrun ${args[*]} failed" >&2; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")
    solver=$(awk '/^ExecutionTime/ { t = $7 } END { print t }' "$WORK/$tool/log.sputterFoam")
    read -r cells u mean < <(/usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); print(d["cells"], "%.3f" % d["uniformity_range_pct"], "%.2f" % (1e9 * d["mean_thickness_m"]))' "$WORK/$tool/results/summary.json")
    echo "| $tool | $cells | $ranks | $wall | $solver | $rss | $u | $mean |"
  done
done
