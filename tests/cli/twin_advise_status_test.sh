#!/usr/bin/env bash
# `magtwin twin status --json` (its `e10` key) and `magtwin twin advise` end to end on the real
# DTU log: all six E10 states listed per day with shares summing to 1 with no data; the advice
# after sync, calibrate and replay; bad input (a missing store, a store without runs, a
# negative target, a bad calendar entry in the tool file) exits 2 naming the file / key and
# writes nothing to the store; and the E10 states of a simulated log (twin simulate-log) against its truth.
# usage: twin_advise_status_test.sh MAGTWIN DTU_TOOL_YAML VALIDATION_DIR [WAFER_TOOL_YAML WAFER_RECIPE]
set -euo pipefail
MAGTWIN=$1 DTU=$2 VALIDATION=$3 WAFER=${4:-} RECIPE=${5:-}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-advise.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -q -- "$2" "$1" || { echo "--- $1"; cat "$1"; fail "expected '$2' in $1"; }; }
exit2() {  # exit2 ERRFILE PATTERN COMMAND...: the command must exit 2 with PATTERN on stderr
  local err=$1 pattern=$2; shift 2
  local status=0; "$@" 2> "$err" >/dev/null || status=$?
  [ "$status" -eq 2 ] || { cat "$err"; fail "exit $status (expected 2): $*"; }
  expect "$err" "$pattern"
}

if [ -n "$WAFER" ]; then
  # the simulated 25-wafer lot: two arc rows at 35 % and 80 % of the held power (the recipe's
  # events; only the first dips below arc_dip = 0.5), one gap the logger lost (the truth's
  # gap line): one 1-s arc, unscheduled down for 1 s, and the gap's interval as no data
  "$MAGTWIN" twin simulate-log "$WAFER" --recipe "$RECIPE" --out "$WORK/wafer.csv" >/dev/null
  "$MAGTWIN" twin sync "$WAFER" "$WORK/wafer.csv" --store "$WORK/wafer.sqlite" >/dev/null
  "$MAGTWIN" twin status --store "$WORK/wafer.sqlite" --json > "$WORK/wafer-status.json"
  python3 - "$WORK/wafer-status.json" "$WORK/wafer.truth.json" "$WORK/wafer.csv" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))["e10"][0]
truth = json.load(open(sys.argv[2]))
assert len(truth["arc_lines"]) == 2 and len(truth["gap_lines"]) == 1, truth
lines = open(sys.argv[3]).read().split("\n")
from datetime import datetime
stamp = lambda line: datetime.fromisoformat(lines[line - 1].split(",")[0]).timestamp()
gap = truth["gap_lines"][0]
assert abs(e["total"]["no_data_s"] - (stamp(gap) - stamp(gap - 1))) < 1e-6, e["total"]["no_data_s"]
assert e["arcs"] == 1 and e["supply_faults"] == 0, (e["arcs"], e["supply_faults"])
assert abs(e["total"]["states"]["unscheduled_down"]["s"] - 1.0) < 1e-6, e["total"]["states"]["unscheduled_down"]
arc = [x for x in e["timeline"] if x["cause"].startswith("arc on")]
assert len(arc) == 1, arc
gaps = [x for x in e["timeline"] if x["state"] == "no_data"]
assert len(gaps) == 1 and gaps[0]["cause"] == "logging gap", gaps
print("simulated lot: arcs", e["arcs"], "no data", e["total"]["no_data_s"], "s; shares",
      {n: round(v["share"], 4) for n, v in e["total"]["states"].items()})
PY
fi

exit2 "$WORK/err" "none.sqlite' does not exist" "$MAGTWIN" twin advise "$DTU" --store "$WORK/none.sqlite" --target-nm 50
[ ! -e "$WORK/none.sqlite" ] || fail "advise created a store"
exit2 "$WORK/err" "does not exist" "$MAGTWIN" twin status --store "$WORK/none.sqlite"

REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ ! -f "$REAL" ]; then echo "skipped (real log absent): $REAL"; echo PASS; exit 0; fi
"$MAGTWIN" twin sync "$DTU" "$REAL" --store "$WORK/s.sqlite" >/dev/null
before=$("$MAGTWIN" twin status --store "$WORK/s.sqlite" --digest)
exit2 "$WORK/err" "run \`magtwin twin replay\` first" "$MAGTWIN" twin advise "$DTU" --store "$WORK/s.sqlite" --target-nm 50
exit2 "$WORK/err" "target-nm must be > 0" "$MAGTWIN" twin advise "$DTU" --store "$WORK/s.sqlite" --target-nm -3
# a bad calendar entry: file, line and key, before the store is touched
sed 's|    steps: {source_on_power: 1 W, ramp_setpoint_change: 0.1 W, switch_on: 0.5}|&\n    equipment_states:\n      calendar:\n        - {from: "2025-07-07T18:00:00", to: "2025-07-07T17:00:00", state: scheduled_down}|' \
  "$DTU" > "$WORK/bad.yaml"
grep -q equipment_states "$WORK/bad.yaml" || fail "could not write the bad tool file"
exit2 "$WORK/err" "bad.yaml:[0-9]*: key 'logs\[0\].equipment_states.calendar\[0\].to'" \
  "$MAGTWIN" twin sync "$WORK/bad.yaml" "$REAL" --store "$WORK/s.sqlite"
exit2 "$WORK/err" "equipment_states.calendar\[0\].to" "$MAGTWIN" twin advise "$WORK/bad.yaml" --store "$WORK/s.sqlite" --target-nm 50
after=$("$MAGTWIN" twin status --store "$WORK/s.sqlite" --digest)
[ "$before" = "$after" ] || fail "bad input changed the store"

# status: the e10 key, all six states per day, shares + no data = 1
"$MAGTWIN" twin status --store "$WORK/s.sqlite" --json > "$WORK/status.json"
python3 - "$WORK/status.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["targets"][0]["target_id"], "targets[] unchanged"
e = d["e10"][0]
assert e["tool"] == "dtu-anait"
names = ["productive", "standby", "engineering", "scheduled_down", "unscheduled_down", "non_scheduled"]
for day in e["days"] + [e["total"]]:
    assert sorted(day["states"]) == sorted(names), day["states"].keys()
    total = sum(day["states"][n]["share"] for n in names) + day["no_data_share"]
    assert abs(total - 1) < 1e-9, total
print("e10 total shares:", {n: round(e["total"]["states"][n]["share"], 4) for n in names})
PY
"$MAGTWIN" twin status --store "$WORK/s.sqlite" > "$WORK/status.txt"
expect "$WORK/status.txt" "equipment states (SEMI E10)"

# advise after calibrate and replay
"$MAGTWIN" twin calibrate "$DTU" --store "$WORK/s.sqlite" >/dev/null 2>&1
"$MAGTWIN" twin replay "$DTU" --store "$WORK/s.sqlite" --out "$WORK/replay" >/dev/null 2>&1
"$MAGTWIN" twin advise "$DTU" --store "$WORK/s.sqlite" --target-nm 50 --json > "$WORK/advice.json"
python3 - "$WORK/advice.json" <<'PY'
import json, math, sys
a = json.load(open(sys.argv[1]))
assert a["runs"] >= 1 and a["controller"]["form"] == "multiplicative"
# multiplicative: the advised time at the twin's rate x exp(offset + drift) gives the target
rate = a["rate_nm_s"] * math.exp(a["offset"] + a["drift_per_run"])
assert abs(rate * a["advice"]["time_s"] - 50) < 1e-9, rate * a["advice"]["time_s"]
# the first reading sets the offset: the measured rate of the last run, times the advised time
last = a["last_run"]
assert abs(last["thickness_nm"] / last["time_s"] * a["advice"]["time_s"] - 50) < 1e-6
print("advice:", a["advice"])
PY
echo PASS
