#!/usr/bin/env bash
# `magtwin tool init KIND --out FILE`: each kind writes a tool file that `tool check` accepts
# and `deposit` runs to a verdict; the magnet pack it writes is the shipped file's (the
# resolved racetrack equals the one of cases/tools/*.yaml it cites); the options land in the
# resolved chamber; impossible options exit 2 naming the option and write nothing.
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Each kind: init, check, deposit (fast method, a coarse map to keep the test quick).
for kind in rotary-line planar-line wafer-chamber; do
  f="$WORK/$kind.yaml"
  "$MAGTWIN" tool init "$kind" --out "$f" > /dev/null || fail "tool init $kind"
  grep -q "^# Written by \`magtwin tool init $kind\`" "$f" || fail "$kind: no header comment"
  "$MAGTWIN" tool check "$f" > /dev/null 2> "$WORK/err" || fail "tool check of init $kind: $(cat "$WORK/err")"
  ! grep -q WARNING "$WORK/err" || fail "init $kind warns: $(cat "$WORK/err")"
  sed -i 's/^    pitch: [0-9]* mm  /    pitch: 30 mm  /' "$f"
  "$MAGTWIN" deposit "$f" --out "$WORK/dep-$kind" --method fast > "$WORK/$kind.log" 2>&1 \
    || fail "deposit of init $kind: $(tail -5 "$WORK/$kind.log")"
  /usr/bin/python3 - "$WORK/dep-$kind/summary.json" <<'PY' || fail "$kind: summary.json"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["mean_nm"] > 0 and s["uniformity_range_pct"] >= 0 and isinstance(s["pass"], bool), s
assert s["uncovered_substrate_share"] == 0, s["uncovered_substrate_share"]
PY
done

# 2. The magnet pack is the shipped file's: compare the resolved racetrack, discharge and
#    target of each kind's default with the file it cites (tool check --yaml, SI units).
resolved_key() {  # FILE: the cathode's racetrack/target/discharge blocks of the resolved file
  "$MAGTWIN" tool check "$1" --yaml "$WORK/r.yaml" > /dev/null
  /usr/bin/python3 - "$WORK/r.yaml" <<'PY'
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))["cathodes"][0]
t = dict(c["target"]); t.pop("backing", None)
print(c["type"], c.get("array"), c.get("length"), c.get("width"), c.get("radius"), c.get("outer_radius"),
      c["position"], c["magnets"], t, c["discharge"])
PY
}
for pair in rotary-line:gen10_5_rotary_line planar-line:gen10_5_planar_line wafer-chamber:wafer300_chamber_designed; do
  kind=${pair%%:*}
  "$MAGTWIN" tool init "$kind" --out "$WORK/d.yaml" > /dev/null
  a=$(resolved_key "$WORK/d.yaml")
  b=$(resolved_key "$ROOT/cases/tools/${pair#*:}.yaml")
  [ "$a" = "$b" ] || fail "$kind: magnet pack differs from ${pair#*:}.yaml:
  init:    $a
  shipped: $b"
done

# 3. The options land in the chamber: the issue's line (12 Mo tubes at 280 mm, 3800 mm long,
#    165 mm above the glass, 18 kW): tube axes at 165 + 76 = 241 mm, straights 3800 - 200.
"$MAGTWIN" tool init rotary-line --count 12 --pitch 280mm --length "3800 mm" --throw 165mm --power 18kW \
  --material Mo --out "$WORK/line.yaml" > /dev/null
"$MAGTWIN" tool check "$WORK/line.yaml" --yaml "$WORK/line.resolved.yaml" > /dev/null 2> "$WORK/err"
/usr/bin/python3 - "$WORK/line.resolved.yaml" <<'PY' || fail "options not in the chamber"
import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))["cathodes"][0]
def si(text, unit):  # "3.8000000000000003 m" -> 3.8 (the resolved file writes SI, 17 digits)
    v, u = str(text).split()
    assert u == unit, text
    return float(v)
def near(a, b):  # rounding of mm -> m conversions only
    return abs(a - b) <= 1e-12 * abs(b)
assert c["array"]["count"] == 12 and near(si(c["array"]["pitch"], "m"), 0.28), c["array"]
assert near(si(c["length"], "m"), 3.8) and near(si(c["position"][2], "m"), 0.241), (c["length"], c["position"])
assert near(si(c["magnets"]["racetrack"]["straight_length"], "m"), 3.6), c["magnets"]["racetrack"]
assert near(si(c["discharge"]["power"], "W"), 18000), c["discharge"]
PY
# 12 tubes at 280 mm span 11 x 280 + 152 = 3232 mm, 3562 mm with the 165 mm throw either
# side: the 3370 mm glass is covered, no warning. 8 tubes span 7 x 280 + 152 + 330 = 2442 mm:
# (3370 - 2442) / 3370 = 27.5 % of the glass lies outside, and check says so.
! grep -q WARNING "$WORK/err" || fail "12 tubes warn: $(cat "$WORK/err")"
"$MAGTWIN" tool init rotary-line --count 8 --pitch 280mm --throw 165mm --out "$WORK/eight.yaml" > /dev/null
"$MAGTWIN" tool check "$WORK/eight.yaml" > /dev/null 2> "$WORK/err"
# Tolerance 0.5 %: the sampling of uncoveredShare (ToolGeometryChecks.hpp).
share=$(sed -n "s/.*WARNING: \([0-9.]*\) % of substrate glass lies outside the cathodes' footprint.*/\1/p" "$WORK/err")
[ -n "$share" ] || fail "no coverage warning: $(cat "$WORK/err")"
/usr/bin/python3 -c "import sys; s = float(sys.argv[1]); assert abs(s - 100 * (3370 - 2442) / 3370) <= 0.5, s" "$share" \
  || fail "uncovered share $share %, expected 27.5 %"

# 4. Impossible options: exit 2, the option named, nothing written.
refused() {  # OPTION-REGEX ARGS...
  local want="$1" status=0
  shift
  "$MAGTWIN" tool init "$@" --out "$WORK/bad.yaml" > /dev/null 2> "$WORK/err" || status=$?
  [ "$status" = 2 ] || fail "tool init $*: exit $status, expected 2"
  grep -Eq -- "$want" "$WORK/err" || fail "tool init $*: '$want' not in: $(cat "$WORK/err")"
  [ ! -e "$WORK/bad.yaml" ] || fail "tool init $*: wrote a file"
}
refused "--pitch '100 mm': must be between 152 mm" rotary-line --pitch "100 mm"
refused "--pitch '150mm': must be between 200 mm.*target width" planar-line --pitch 150mm
refused "--count '0'" rotary-line --count 0
refused "--count 'x'" planar-line --count x
refused "KIND 'rotary': unknown \(did you mean 'rotary-line'\?\)" rotary
refused "--length '3800 m': must be between .*did you mean 3800 mm\?" rotary-line --length "3800 m"
refused "--throw '5mm': must be between 20 mm and 2000 mm" rotary-line --throw 5mm
refused "--power '0 kW': must be > 0" rotary-line --power "0 kW"
refused "--pitch '280': expected a length with its unit" rotary-line --pitch 280
refused "--material 'Moo'.*did you mean 'Mo'" rotary-line --material Moo
refused "--substrate 'gen8'" planar-line --substrate gen8
refused "--count: not used by tool init wafer-chamber" wafer-chamber --count 3
refused "--substrate gen10.5: a wafer chamber" wafer-chamber --substrate gen10.5
echo "tool init: ok"
