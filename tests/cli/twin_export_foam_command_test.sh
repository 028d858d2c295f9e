#!/usr/bin/env bash
# `magtwin twin export-foam` on a synced log with known power (twin_tool_small.yaml: one
# 1 kW cathode, log rows 10 s apart with P = 0.25, 0.5, 1, 1.5 kW steps):
#  - one table row per logged row, t from the first sample, f = P / 1 kW exactly;
#  - the table's trapezoid integral x P_nominal equals the logged energy (twin status) to
#    1e-8 relative (the same trapezoid rule over the same rows; status prints 10 digits);
#  - the entry file names tableFile; an unknown cathode exits 2 and writes nothing.
set -euo pipefail
MAGTWIN="$1" TOOL="$2"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
/usr/bin/python3 - "$WORK/run.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("export\nTime,P,Note\n")
    for i in range(40):
        p = [0.25, 0.5, 1, 1.5][(i // 10) % 4]
        f.write("2025-01-01 00:%02d:%02d,%g,n\n" % (i * 10 // 60, i * 10 % 60, p))
PY
"$MAGTWIN" twin sync "$TOOL" "$WORK/run.csv" --store "$WORK/s.sqlite" > /dev/null || fail "sync"
"$MAGTWIN" twin status --store "$WORK/s.sqlite" --json > "$WORK/status.json" || fail "status"
"$MAGTWIN" twin export-foam "$TOOL" --store "$WORK/s.sqlite" --cathode c1 --out "$WORK/foam" || fail "export-foam"
/usr/bin/python3 - "$WORK/foam/ionFluxScale" "$WORK/status.json" "$WORK/run.csv" <<'PY' || fail "table"
import json, re, sys
rows = [tuple(map(float, m)) for m in re.findall(r"\(\s*([-\d.eE+]+)\s+([-\d.eE+]+)\s*\)", open(sys.argv[1]).read())]
log = [l.split(",") for l in open(sys.argv[3]).read().splitlines()[2:]]
assert len(rows) == len(log), (len(rows), len(log))
for k, ((t, f), r) in enumerate(zip(rows, log)):
    assert t == 10 * k and f == float(r[1]), (k, t, f, r)
energy = sum(0.5 * (rows[i][1] + rows[i - 1][1]) * (rows[i][0] - rows[i - 1][0]) for i in range(1, len(rows))) * 1000.0
stored = sum(t["energy_kWh"] for t in json.load(open(sys.argv[2]))["targets"]) * 3.6e6
print("table energy %.6g J, stored %.6g J" % (energy, stored))
assert abs(energy / stored - 1) < 1e-8, (energy, stored)
PY
grep -q "tableFile" "$WORK/foam/ionFluxScaleEntry" || fail "entry does not name tableFile"
set +e
"$MAGTWIN" twin export-foam "$TOOL" --store "$WORK/s.sqlite" --cathode nope --out "$WORK/bad" > /dev/null 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "unknown cathode: exit $rc"
[ -e "$WORK/bad" ] && fail "output written for a bad cathode"
echo "twin export-foam command: OK"
