#!/usr/bin/env bash
# `magtwin twin simulate-log` -> `twin sync` end to end, on both shipped simulated tools:
#  - energy per target ID from the store equals the recipe's analytic truth to 1e-9
#    relative (the truth is computed from the recipe, not from the rows; the log's power
#    columns carry 12 significant digits, the status JSON 10: both far below 1e-9);
#  - the target change starts a new target ID whose usage counter starts at 0;
#  - deposition-type steps (deposition / co-sputter) = substrates of the recipe, each with
#    the substrate shutter open only there; arcs (power dips) split no step;
#  - gaps are reported as `gap` issues at the truth's lines, nothing else is reported;
#  - the same seed gives the same bytes, another seed differs; metrology maps exist.
# usage: twin_simulate_log_test.sh MAGTWIN ROTARY_TOOL WAFER_TOOL RECIPE_DIR
set -euo pipefail
MAGTWIN=$1 ROTARY=$2 WAFER=$3 RECIPES=$4
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-simlog.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

check() {  # TOOL RECIPE NAME METROLOGY_EVERY
  local tool=$1 recipe=$2 name=$3 every=$4
  "$MAGTWIN" twin simulate-log "$tool" --recipe "$recipe" --out "$WORK/$name.csv" --seed 7 \
    --metrology-every "$every" --metrology-dir "$WORK/$name-metrology" > "$WORK/$name.out"
  cat "$WORK/$name.out"
  "$MAGTWIN" twin sync "$tool" "$WORK/$name.csv" --store "$WORK/$name.sqlite" --json > "$WORK/$name-sync.json"
  "$MAGTWIN" twin status --store "$WORK/$name.sqlite" --json > "$WORK/$name-status.json"
  /usr/bin/python3 - "$WORK" "$name" "$every" <<'PY'
import csv, json, os, sqlite3, sys
work, name, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
truth = json.load(open(f"{work}/{name}.truth.json"))
sync = json.load(open(f"{work}/{name}-sync.json"))
status = json.load(open(f"{work}/{name}-status.json"))
def fail(msg):
    print("FAIL:", name, msg); sys.exit(1)
f = sync["files"][0]
if f["rows_read"] != truth["rows"] or f["rows_added"] != truth["rows"] or f["rows_rejected"] != 0:
    fail(f"rows: sync {f['rows_read']}/{f['rows_added']}/{f['rows_rejected']}, truth {truth['rows']}")
gaps = [i["line"] for i in f["issues"] if i["kind"] == "gap"]
others = [i for i in f["issues"] if i["kind"] != "gap"]
if gaps != truth["gap_lines"] or not gaps: fail(f"gap lines {gaps} != truth {truth['gap_lines']}")
if others: fail(f"unexpected issues {others}")
stored = {(t["source"], t["target_id"]): t for t in status["targets"]}
if len(stored) != len(truth["targets"]): fail(f"{len(stored)} targets stored, truth {len(truth['targets'])}")
db = sqlite3.connect(f"{work}/{name}.sqlite")
exact = {(s, t): e for s, t, e in db.execute("SELECT source, target_id, energy_j FROM targets")}
worst = 0.0
for t in truth["targets"]:
    key = (t["source"], t["target_id"])
    if key not in stored: fail(f"target {key} not in the store")
    for got in (stored[key]["energy_kWh"], exact[key] / 3.6e6):
        rel = abs(got - t["energy_kWh"]) / t["energy_kWh"]
        worst = max(worst, rel)
        if rel > 1e-9: fail(f"{key}: energy {got} kWh, truth {t['energy_kWh']} (rel {rel:.2e})")
    # the tool's own counter counted the same energy (12 significant digits in the log)
    if abs(stored[key]["counter_kWh"] - t["energy_kWh"]) > 1e-6 * t["energy_kWh"]:
        fail(f"{key}: counter {stored[key]['counter_kWh']} vs {t['energy_kWh']}")
print(f"{name}: {len(truth['targets'])} targets, worst relative energy difference {worst:.2e}")
# the target change: a new ID on the same source, its counter 0 at the change row
changes = truth["target_change_lines"]
if len(changes) != 1: fail(f"target changes {changes}")
rows = list(csv.reader(open(f"{work}/{name}.csv")))
header = next(i for i, r in enumerate(rows) if r and not r[0].startswith("#"))
head = rows[header]
change_row, prev_row = rows[changes[0] - 1], rows[changes[0] - 2]
new_ids = [t for t in truth["targets"] if t["target_id"] in change_row and t["target_id"] not in prev_row]
if len(new_ids) != 1: fail("the change row does not carry exactly one new target ID")
if len([t for t in truth["targets"] if t["source"] == new_ids[0]["source"]]) != 2: fail("the changed source has not 2 targets")
counters = [i for i, h in enumerate(head) if "Usage" in h or "life_kWh" in h]
reset = [i for i in counters if change_row[i] == "0" and float(prev_row[i]) > 0]
if len(reset) != 1: fail("not exactly one usage counter reset to 0 at the target change")
# steps: one deposition-type step per substrate, shutter open in exactly those
labels = [l for (l,) in db.execute("SELECT label FROM steps ORDER BY start_time")]
dep = [l for l in labels if l in ("deposition", "co-sputter")]
if len(dep) != truth["substrates"]: fail(f"{len(dep)} deposition steps, {truth['substrates']} substrates; labels {labels}")
if len(truth["arc_lines"]) < 1: fail("no arcs in the recipe")
if len(truth["metrology"]) != truth["substrates"] // every: fail("metrology count")
for m in truth["metrology"]:
    p = f"{work}/{name}-metrology/{m['file']}"
    lines = open(p).read().splitlines()
    if lines[0] != "x_mm,y_mm,thickness_nm" or len(lines) < 50: fail(f"{p}: {len(lines)} lines")
    if not all(float(l.split(",")[2]) > 0 for l in lines[1:]): fail(f"{p}: non-positive thickness")
print(f"{name}: {truth['rows']} rows, {truth['bytes']} bytes, {len(labels)} steps ({len(dep)} deposition), "
      f"gaps at {gaps}, arcs at {truth['arc_lines']}")
PY
}

check "$ROTARY" "$RECIPES/gen10_5_mo_gate.yaml" line 4
check "$WAFER" "$RECIPES/wafer300_cu_seed.yaml" wafer 5

# Seeded noise: same seed = same bytes, another seed differs (in the noisy columns only).
"$MAGTWIN" twin simulate-log "$WAFER" --recipe "$RECIPES/wafer300_cu_seed.yaml" --out "$WORK/again.csv" --seed 7 \
  --metrology-every 5 --metrology-dir "$WORK/again-metrology" > /dev/null
cmp "$WORK/wafer.csv" "$WORK/again.csv" || fail "same seed, different files"
diff -r "$WORK/wafer-metrology" "$WORK/again-metrology" > /dev/null || fail "same seed, different metrology"
"$MAGTWIN" twin simulate-log "$WAFER" --recipe "$RECIPES/wafer300_cu_seed.yaml" --out "$WORK/other.csv" --seed 8 \
  --metrology-every 5 --metrology-dir "$WORK/other-metrology" > /dev/null
if cmp -s "$WORK/wafer.csv" "$WORK/other.csv"; then fail "seeds 7 and 8 gave the same file"; fi
# The truth is the recipe's, whatever the noise (only the seed and the byte count change).
strip() { sed -e 's/"seed":[0-9]*//' -e 's/"bytes":[0-9]*//' "$1"; }
[ "$(strip "$WORK/wafer.truth.json")" = "$(strip "$WORK/other.truth.json")" ] || fail "the truth depends on the seed"

# Bad recipe: file, line and key, exit 2, no output.
sed 's/kind: deposition, time: 60 s/kind: deposition, time: 60.5 s/' "$RECIPES/gen10_5_mo_gate.yaml" > "$WORK/bad.yaml"
status=0; "$MAGTWIN" twin simulate-log "$ROTARY" --recipe "$WORK/bad.yaml" --out "$WORK/bad.csv" 2> "$WORK/err" || status=$?
[ "$status" -eq 2 ] || fail "bad recipe: exit $status"
grep -q "bad.yaml:[0-9]*: key 'steps\[3\].time': must be a whole multiple of sample_interval" "$WORK/err" || { cat "$WORK/err"; fail "message"; }
[ ! -e "$WORK/bad.csv" ] || fail "a log was written for a bad recipe"
echo PASS
