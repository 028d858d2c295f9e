#!/usr/bin/env bash
# One delivered-power and energy series (twin/replay/DeliveredEnergy.hpp): `twin status`
# (the sync's target energy), `twin replay` (its energy series per source, report.json
# `source_energy`; the counter audit per target, `sources`; the intervals' energies) and
# `twin export-foam` (the energy it states and its table's integral x P_nominal) report the
# same energy, on logs with logging gaps while a source is on:
#  - a crafted log (small tool, 1 kW, rows 10 s apart, the logger loses 250 s while the
#    source is on, and a second file): hand sum 1 kW x (200 + 100 + 100) s = 400 kJ;
#  - a simulated log (`twin simulate-log`, wafer300 chamber) with rows cut out of its first
#    deposition step, and the log as simulated (gaps in idle steps only);
#  - the real DTU log as exported and with rows cut out of its co-sputter step (skipped
#    without ../shared/validation).
# Tolerance 2e-9 relative: status and report.json print 10 significant digits (each rounds
# by up to 5e-10 relative), the paths sum the same segments in another order (~1e-15).
# usage: twin_energy_consistency_test.sh MAGTWIN SMALL_TOOL DTU_TOOL VALIDATION_DIR SIM_TOOL SIM_RECIPE
set -euo pipefail
MAGTWIN=$1 SMALL=$2 DTU=$3 VALIDATION=$4 SIM_TOOL=$5 SIM_RECIPE=$6
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-energy.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# consistent NAME TOOL [EXPECTED_KWH]: sync the logs in $WORK/NAME/*.csv, then compare.
consistent() {
  local name=$1 tool=$2 expected=${3:-}
  local d="$WORK/$name"
  "$MAGTWIN" twin sync "$tool" "$d"/*.csv --store "$d/s.sqlite" --json > "$d/sync.json" || fail "$name: sync"
  "$MAGTWIN" twin status --store "$d/s.sqlite" --json > "$d/status.json" || fail "$name: status"
  # coarse fast maps: the energies do not depend on them (a 300 mm wafer's exact maps take minutes)
  "$MAGTWIN" twin replay "$tool" --store "$d/s.sqlite" --out "$d/replay" --map-pitch 50 --transport fast --map-every 0 \
    > /dev/null 2> "$d/replay.err" ||
    { cat "$d/replay.err"; fail "$name: replay"; }
  local cathodes
  cathodes=$(/usr/bin/python3 -c "import json,sys; print(' '.join(sorted({t['source'] for t in json.load(open(sys.argv[1]))['targets']})))" "$d/status.json")
  for c in $cathodes; do
    "$MAGTWIN" twin export-foam "$tool" --store "$d/s.sqlite" --cathode "$c" --out "$d/foam-$c" > "$d/foam-$c.out" ||
      fail "$name: export-foam $c"
  done
  /usr/bin/python3 - "$d" "$name" "$expected" $cathodes <<'PY'
import json, re, sys
d, name, expected, cathodes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
TOL = 2e-9
def fail(msg):
    print("FAIL:", name, msg); sys.exit(1)
def same(a, b, what):
    if abs(a - b) > TOL * max(abs(a), abs(b), 1e-30): fail(f"{what}: {a!r} != {b!r}")
sync = json.load(open(f"{d}/sync.json"))
gaps = sum(1 for f in sync["files"] for i in f["issues"] if i["kind"] == "gap")
rows_synced = sync["rows_total"]
status = json.load(open(f"{d}/status.json"))["targets"]
report = json.load(open(f"{d}/replay/report.json"))
per_source = {}
for t in status:
    per_source[t["source"]] = per_source.get(t["source"], 0.0) + t["energy_kWh"]
audit = {(a["source"], a["target_id"]): a["energy_kWh"] for a in report["sources"]}
for t in status:  # the audit's energy per target is the status's
    same(audit[(t["source"], t["target_id"])], t["energy_kWh"], f"audit {t['source']} {t['target_id']}")
series = {s["source"]: s["energy_kWh"] for s in report["source_energy"]}
for c in cathodes:
    same(series[c], per_source[c], f"replay energy series of {c}")
    out = open(f"{d}/foam-{c}.out").read()
    stated = float(re.search(r"s, ([-\d.eE+]+) kWh logged", out).group(1))
    same(stated, per_source[c], f"export-foam's stated energy of {c}")
    text = open(f"{d}/foam-{c}/ionFluxScale").read()
    nominal = float(re.search(r"P / ([-\d.eE+]+) W", text).group(1))
    rows = [tuple(map(float, m)) for m in re.findall(r"\(\s*([-\d.eE+]+)\s+([-\d.eE+]+)\s*\)", text)]
    table_j = sum(0.5 * (rows[i][1] + rows[i - 1][1]) * (rows[i][0] - rows[i - 1][0]) for i in range(1, len(rows))) * nominal
    # the table's 0 W points sit 1 us inside each break (kPowerTableBreakS): each pair adds
    # at most P_max x 1e-6 s to the integral
    pairs = (len(rows) - rows_synced) // 2
    allowed = TOL * per_source[c] + pairs * max(f for _, f in rows) * nominal * 1e-6 / 3.6e6
    if abs(table_j / 3.6e6 - per_source[c]) > allowed:
        fail(f"export-foam table integral of {c}: {table_j / 3.6e6!r} != {per_source[c]!r} (+- {allowed:.3g})")
# the replay's intervals hold part of the series (depositing sources only), never more
interval = {}
for s in report["steps"]:
    for p in s["sources"]:
        interval[p["source"]] = interval.get(p["source"], 0.0) + p["energy_kWh"]
for c, e in interval.items():
    if e > per_source[c] * (1 + TOL): fail(f"intervals of {c} hold {e} kWh > the series' {per_source[c]}")
if expected:
    same(sum(per_source.values()), float(expected), "total against the hand sum")
print(f"{name}: {gaps} gap(s); " + ", ".join(f"{c} {per_source[c]:.10g} kWh" for c in cathodes) + ": status = replay = audit = export-foam")
PY
}

# cut NAME FROM_CSV TO_CSV: drop the middle third of the rows of the store's first
# deposition-type step (a gap while its sources are on).
cut_step() {
  local store=$1 from=$2 to=$3
  /usr/bin/python3 - "$store" "$from" "$to" <<'PY'
import sqlite3, sys
store, src, dst = sys.argv[1:4]
row = sqlite3.connect(store).execute(
    "SELECT start_line, end_line FROM steps WHERE label IN ('deposition','co-sputter') ORDER BY start_time LIMIT 1").fetchone()
a, b = row
n = b - a + 1
lo, hi = a + n // 3, a + 2 * n // 3  # 1-based lines dropped
lines = open(src, newline="").read().split("\n")
kept = [l for i, l in enumerate(lines, start=1) if not (lo <= i <= hi)]
open(dst, "w", newline="").write("\n".join(kept))
print(f"cut lines {lo}..{hi} of the step at lines {a}..{b}")
PY
}

# 1. crafted: 1 kW every 10 s; rows 0..200 s, the logger loses 200..450 s, rows 450..550 s;
#    a second file 600..700 s (nothing counted from one file to the next).
mkdir -p "$WORK/crafted"
# the small tool with a wafer to replay onto
{ cat "$SMALL"; echo "substrates:"
  echo "  - {name: w, kind: wafer, diameter: 100 mm, pitch: 10 mm, edge_exclusion: 5 mm, motion: {kind: rotation, time: 60 s}}"
} > "$WORK/small.yaml"
{ echo export; echo "Time,P,Note"
  for t in $(seq 0 10 200) $(seq 450 10 550); do printf '2025-01-01 00:%02d:%02d,1,a\n' $((t / 60)) $((t % 60)); done
} > "$WORK/crafted/a.csv"
{ echo export; echo "Time,P,Note"
  for t in $(seq 600 10 700); do printf '2025-01-01 00:%02d:%02d,1,a\n' $((t / 60)) $((t % 60)); done
} > "$WORK/crafted/b.csv"
consistent crafted "$WORK/small.yaml" "$(/usr/bin/python3 -c 'print(1000 * (200 + 100 + 100) / 3.6e6)')"
grep -q '"kind":"gap"' "$WORK/crafted/sync.json" || fail "crafted: the sync reported no gap"

# 2. simulated: as simulated, and with rows cut out of its first deposition step.
mkdir -p "$WORK/sim" "$WORK/sim-cut"
"$MAGTWIN" twin simulate-log "$SIM_TOOL" --recipe "$SIM_RECIPE" --out "$WORK/sim/log.csv" --seed 3 > /dev/null || fail "simulate-log"
consistent sim "$SIM_TOOL"
cut_step "$WORK/sim/s.sqlite" "$WORK/sim/log.csv" "$WORK/sim-cut/log.csv"
consistent sim-cut "$SIM_TOOL"

# 3. the real DTU log, as exported and with rows cut out of its co-sputter step.
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ -f "$REAL" ]; then
  mkdir -p "$WORK/dtu" "$WORK/dtu-cut"
  cp "$REAL" "$WORK/dtu/log.csv"
  consistent dtu "$DTU"
  cut_step "$WORK/dtu/s.sqlite" "$WORK/dtu/log.csv" "$WORK/dtu-cut/log.csv"
  consistent dtu-cut "$DTU"
else
  echo "real-log part skipped: $REAL not found"
fi
echo PASS
