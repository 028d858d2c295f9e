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
assert c["array"] == {"count": 12, "pitch": "0.28 m"}, c["array"]
assert c["length"] == "3.8 m" and c["position"][2] == "0.241 m", (c["length"], c["position"])
assert c["magnets"]["racetrack"]["straight_length"] == "3.6 m", c["magnets"]["racetrack"]
assert c["discharge"]["power"] == "18000 W", c["discharge"]
PY
# 12 tubes at 280 mm span 11 x 280 + 152 = 3232 mm under 3370 mm glass: the file is legal,
# and check says so: (3370 - 3232) / 3370 = 4.1 % of the glass lies outside the array.
grep -q "WARNING: 4\.[0-9] % of substrate glass" "$WORK/err" || fail "no coverage warning: $(cat "$WORK/err")"

# 4. Impossible options: exit 2, the option named, nothing written.
refused() {  # OPTION-REGEX ARGS...
  local want="$1" status=0
  shift
  "$MAGTWIN" tool init "$@" --out "$WORK/bad.yaml" > /dev/null 2> "$WORK/err" || status=$?
  [ "$status" = 2 ] || fail "tool init $*: exit $status, expected 2"
  grep -Eq -- "$want" "$WORK/err" || fail "tool init $*: '$want' not in: $(cat "$WORK/err")"
  [ ! -e "$WORK/bad.yaml" ] || fail "tool init $*: wrote a file"
}
refused "--pitch 100 mm: must be between 152 mm" rotary-line --pitch "100 mm"
refused "--pitch 150 mm: must be between 200 mm.*target width" planar-line --pitch 150mm
refused "--count '0'" rotary-line --count 0
refused "--count 'x'" planar-line --count x
refused "KIND 'rotary': unknown \(did you mean 'rotary-line'\?\)" rotary
refused "--length 3800 m: must be between" rotary-line --length "3800 m"
refused "--throw 5 mm" rotary-line --throw 5mm
refused "--power 0 kW" rotary-line --power "0 kW"
refused "--pitch '280': expected a length with its unit" rotary-line --pitch 280
refused "--material 'Moo'.*did you mean 'Mo'" rotary-line --material Moo
refused "--substrate 'gen8'" planar-line --substrate gen8
refused "--count: not used by tool init wafer-chamber" wafer-chamber --count 3
refused "--substrate gen10.5: a wafer chamber" wafer-chamber --substrate gen10.5
echo "tool init: ok"
