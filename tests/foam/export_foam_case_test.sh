#!/usr/bin/env bash
# `magtwin twin export-foam` drives the planar OpenFOAM case (cases/planar-cross-section,
# label foam): a log of its 1 m cathode over the case's 100 h (rows every hour; the power
# steps 100 % -> 40 % -> 70 % of the nominal 400 V x 11 A) is synced, exported as the
# ionFluxScale table of the target patch, and the case's eroded profile after 100 h is
# compared with the standalone erosion engine run on the same cathode for the same
# energy (the logged kWh at nominal power: HOURS = integral of P / P_nominal dt), within
# 1 % of the engine's peak depth (check_planar_case.py engine; the issue's figure).
#   usage: export_foam_case_test.sh WORK BUILD ENGINE MAGTWIN
set -euo pipefail
WORK=$1 BUILD=$2 ENGINE=$3 MAGTWIN=$4
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$HERE/../..
export OMPI_MCA_mpi_yield_when_idle=1 BUILD MAGTWIN_ROOT=$ROOT
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
# The case's tool file with a supply and a log mapping (the tool file stays one description).
{ cat "$ROOT/cases/tools/planar_1m_cathode.yaml"; cat <<'YAML'
supplies:
  - {name: dc1, kind: dc, feeds: [planar]}
logs:
  - name: planar
    header: {preamble_lines: 1}
    timestamp: {column: Time, format: "%Y-%m-%d %H:%M:%S"}
    supplies:
      - {supply: dc1, power: {column: P, unit: kW}}
    sources:
      - {cathode: planar, supply: dc1}
YAML
} > "$WORK/tool.yaml"
/usr/bin/python3 - "$WORK/run.csv" <<'PY'
import datetime, sys
t0 = datetime.datetime(2026, 1, 5, 6, 0, 0)
with open(sys.argv[1], "w") as f:
    f.write("planar cathode log\nTime,P\n")
    for h in range(101):
        p = 4.4 if h < 30 else (1.76 if h < 60 else 3.08)
        f.write("%s,%.6g\n" % ((t0 + datetime.timedelta(hours=h)).strftime("%Y-%m-%d %H:%M:%S"), p))
PY
"$MAGTWIN" twin sync "$WORK/tool.yaml" "$WORK/run.csv" --store "$WORK/s.sqlite" > /dev/null || fail "sync"
"$MAGTWIN" twin export-foam "$WORK/tool.yaml" --store "$WORK/s.sqlite" --cathode planar --out "$WORK/foam" || fail "export-foam"
CASE=$WORK/case
cp -r "$ROOT/cases/planar-cross-section" "$CASE" && "$CASE/Allclean"
cp "$WORK/foam/ionFluxScale" "$CASE/constant/ionFluxScale"
{ echo; echo "// the logged operating point (magtwin twin export-foam)"; cat "$WORK/foam/ionFluxScaleEntry"; } >> "$CASE/constant/targetSource"
"$CASE/Allrun" > "$WORK/allrun.log" 2>&1 || { tail -30 "$WORK/allrun.log"; fail "Allrun"; }
# The twin's erosion state for the same energy: the engine at nominal power for E / P_nominal.
HOURS=$(/usr/bin/python3 - "$WORK/foam/ionFluxScale" <<'PY'
import re, sys
rows = [tuple(map(float, m)) for m in re.findall(r"\(\s*([-\d.eE+]+)\s+([-\d.eE+]+)\s*\)", open(sys.argv[1]).read())]
s = sum(0.5 * (rows[i][1] + rows[i - 1][1]) * (rows[i][0] - rows[i - 1][0]) for i in range(1, len(rows)))
print("%.12g" % (s / 3600.0))
PY
)
echo "logged energy = $HOURS h at nominal power"
"$ENGINE" "$HOURS" 0.001 > "$WORK/engine_profile.csv" || fail "engine"
/usr/bin/python3 "$HERE/check_planar_case.py" engine "$CASE" "$WORK/engine_profile.csv"
