#!/usr/bin/env bash
# foam-case bench (issue 21, Speed and scale): wall time and peak memory of each shipped 3-D
# OpenFOAM case (cases/wafer300-3d, cases/gen10_5-planar-line-3d, cases/gen10_5-rotary-line-3d:
# the tool files cases/tools/wafer300_chamber.yaml, gen10_5_planar_line.yaml and
# gen10_5_rotary_line.yaml at foam-case's default --cells 150000; FOAM_CASE_BENCH_TOOLS="a b"
# picks some of them) at 1 and 2 ranks on this machine. Each case is generated once by
# `magtwin foam-case`, then its own Allrun is run unchanged from / with an empty environment,
# serial and `Allrun -parallel 2` (decomposePar, mpirun -np 2, reconstructPar), under
# /usr/bin/time -v.
#   wall         GNU time's elapsed time of the whole Allrun
#   steps        from the step logs' modification times (each log is complete when its step ends):
#                mesh = blockMesh + checkMesh, decompose, solve = sputterFoam (all ranks), reconstruct
#   RSS max      GNU time's "Maximum resident set size": the largest single process of the run
#   RSS sum      the run's processes' resident sets summed, sampled every 0.1 s (ps): the whole
#                job's memory, e.g. both ranks and mpirun (a sampled peak: a lower bound)
# Prints a markdown table (docs/benchmarks.md, docs/openfoam.md).
# usage: bench/foam_case_bench.sh [BUILD_DIR] [CELLS] [RANKS...]   (default ranks: 1 2)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
CELLS=${2:-150000}
shift $(( $# < 2 ? $# : 2 ))
RANKS=("${@:-}")
[ -n "${RANKS[0]}" ] || RANKS=(1 2)
[ -x "$BUILD/bin/sputterFoam" ] || { echo "foam_case_bench: no $BUILD/bin/sputterFoam (build with the OpenFOAM headers)" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-foam-case-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/foam_case_run.sh"
echo "| tool file | cells | ranks | Allrun wall [s] | mesh [s] | decompose [s] | solve [s] | reconstruct [s] | RSS max, one process [MB] | RSS sum, all processes [MB] | U [%] | mean [nm] |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for tool in ${FOAM_CASE_BENCH_TOOLS:-wafer300_chamber gen10_5_planar_line gen10_5_rotary_line}; do
  "$BUILD/bin/magtwin" foam-case "$ROOT/cases/tools/$tool.yaml" --cells "$CELLS" --out "$WORK/$tool" > /dev/null
  C=$WORK/$tool
  for ranks in "${RANKS[@]}"; do
    args=()
    [ "$ranks" -gt 1 ] && args=(-parallel "$ranks")
    start=$(date +%s.%N)
    timed_allrun "$C" "$WORK" "foam_case_bench: $tool" "${args[@]}"
    mesh=$(mtime "$C/log.checkMesh")
    if [ "$ranks" -gt 1 ]; then dec=$(mtime "$C/log.decomposePar"); rec=$(mtime "$C/log.reconstructPar"); else dec=$mesh; rec=; fi
    solve=$(mtime "$C/log.sputterFoam")
    read -r cells u mean < <(/usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); print(d["cells"], "%.3f" % d["uniformity_range_pct"], "%.2f" % (1e9 * d["mean_thickness_m"]))' "$C/results/summary.json")
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %s | %s |\n" "$tool" "$cells" "$ranks" "$wall" \
      "$(span "$start" "$mesh")" "$([ "$ranks" -gt 1 ] && span "$mesh" "$dec" || echo -)" "$(span "$dec" "$solve")" \
      "$([ "$ranks" -gt 1 ] && span "$solve" "$rec" || echo -)" "$rss" "$peak_mb" "$u" "$mean"
  done
done
