#!/usr/bin/env bash
# Tool-file inputs checked for sense (issue 23): zero or negative power, current or time;
# sizes far outside sputter tools (a cathode or substrate over 10 m, a throw under 20 mm or
# over 2 m, "did you mean mm?" when the number fits in mm); a sputter gas that is not a noble
# gas. Each exits 2 naming file, line and key, and `deposit` writes nothing. A substrate
# wider than the cathode array is legal: a WARNING with the uncovered share on stderr, and
# the share in summary.json (uncovered_substrate_share), compared with the share worked by
# hand from the array's footprint. Every shipped tool file still checks without a warning.
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

BASE="$ROOT/cases/tools/gen10_5_rotary_line.yaml"

# A variant of the rotary line with one text replaced (python: exact, fails if absent).
variant() {  # NAME OLD NEW
  /usr/bin/python3 - "$BASE" "$WORK/$1.yaml" "$2" "$3" <<'PY'
import sys
src, dst, old, new = sys.argv[1:]
t = open(src).read()
assert t.count(old) >= 1, "text not in the base file: " + old
open(dst, "w").write(t.replace(old, new, 1))
PY
}

# refused NAME LINE-KEY-REGEX MESSAGE-REGEX: tool check exits 2 with file:line: key and the
# message; deposit exits 2 and writes nothing.
refused() {
  local f="$WORK/$1.yaml" status=0
  "$MAGTWIN" tool check "$f" > "$WORK/out" 2> "$WORK/err" || status=$?
  [ "$status" = 2 ] || fail "$1: tool check exited $status, expected 2 ($(cat "$WORK/err"))"
  grep -Eq "$1\.yaml:[0-9]+: .*$2" "$WORK/err" || fail "$1: no file:line: key '$2' in: $(cat "$WORK/err")"
  grep -Eq "$3" "$WORK/err" || fail "$1: message does not match '$3': $(cat "$WORK/err")"
  status=0
  "$MAGTWIN" deposit "$f" --out "$WORK/dep_$1" --method fast > /dev/null 2>&1 || status=$?
  [ "$status" = 2 ] || fail "$1: deposit exited $status, expected 2"
  [ ! -e "$WORK/dep_$1" ] || fail "$1: deposit wrote $WORK/dep_$1"
}

# 1. Zero or negative power, current or time.
variant power0 "power: 20 kW" "power: 0 kW"
refused power0 "power" "must be > 0"
variant power_neg "power: 20 kW" "power: -5 kW"
refused power_neg "power" "must be > 0"
variant current0 "power: 20 kW" "current: 0 A"
refused current0 "current" "must be > 0"
variant time0 "time: 60 s" "time: 0 s"
refused time0 "time" "must be > 0"

# 2. Sizes: metres typed for millimetres.
variant length_m "length: 4100 mm" "length: 4100 m"
refused length_m "length" "larger than any sputter tool's.*did you mean 4100 mm\?"
variant radius_m "outer_radius: 76 mm" "outer_radius: 76 m"
refused radius_m "outer_radius" "did you mean 76 mm\?"
variant glass_m "size_x: 3370 mm" "size_x: 3370 m"
refused glass_m "size_x" "did you mean 3370 mm\?"
# Over 10 m and too large for millimetres too: no guess.
variant glass_huge "size_y: 2940 mm" "size_y: 20000 m"
refused glass_huge "size_y" "at most 10 m\)$"
# Throw over 2 m: tube axis 250 m up; read as 250 mm the tube surface is 174 mm up.
variant throw_far "position: [0 mm, 0 mm, 250 mm]" "position: [0 mm, 0 mm, 250 m]"
refused throw_far "position" "throw .* outside .*did you mean position z = 250 mm\?"
# Throw under 20 mm: axis 90 mm up, surface 14 mm above the glass.
variant throw_near "position: [0 mm, 0 mm, 250 mm]" "position: [0 mm, 0 mm, 90 mm]"
refused throw_near "position" "throw \(target surface to substrate\) 14 mm is outside"
# The limits themselves are accepted: surface exactly 20 mm up (axis 96 mm).
variant throw_20 "position: [0 mm, 0 mm, 250 mm]" "position: [0 mm, 0 mm, 96 mm]"
"$MAGTWIN" tool check "$WORK/throw_20.yaml" > /dev/null || fail "a 20 mm throw is refused"

# 3. The sputter gas is a noble gas; reactive gases are refused (process and discharge).
variant gas_o "  gas: Ar" "  gas: O"
refused gas_o "gas" "'O' is not a sputter gas; .*noble gas: He Ne Ar Kr Xe.*reactive supply: process.reactive"
variant gas_discharge_n "      voltage: 500 V" "      gas: N
      voltage: 500 V"
refused gas_discharge_n "gas" "'N' is not a sputter gas"
variant gas_typo "  gas: Ar" "  gas: Arr"
refused gas_typo "gas" "did you mean 'Ar'\?"
variant gas_kr "  gas: Ar" "  gas: Kr"
"$MAGTWIN" tool check "$WORK/gas_kr.yaml" > /dev/null || fail "Kr is refused as a sputter gas"

# 4. A glass wider than the array: a warning, not an error. 14 tubes at 270 mm with
#    152 mm OD span 13 x 270 + 152 = 3662 mm across; the footprint grows by the throw,
#    174 mm (tube surface above the glass), on each side: 4010 mm. A 6000 mm glass leaves
#    (6000 - 4010) / 6000 = 0.3317 of its area outside (the tubes, 4100 mm, cover its
#    2940 mm along y). Tolerance 0.005: the 400 x 400 sampling of uncoveredShare (one cell per edge).
variant wide "size_x: 3370 mm" "size_x: 6000 mm"
sed -i 's/    pitch: 2 mm/    pitch: 40 mm/' "$WORK/wide.yaml"
"$MAGTWIN" tool check "$WORK/wide.yaml" > /dev/null 2> "$WORK/err" || fail "wide glass refused: $(cat "$WORK/err")"
grep -Eq "wide\.yaml:[0-9]+: key 'substrates\[0\]': WARNING: 33\.[0-9] % of substrate glass lies outside the cathodes' footprint" "$WORK/err" \
  || fail "no uncovered-share warning: $(cat "$WORK/err")"
# Scanned through the chamber (along x), the same glass passes under the array: no warning.
sed 's/motion: {kind: static, time: 60 s}/motion: {kind: scan, speed: 10 mm\/s}/' "$WORK/wide.yaml" > "$WORK/wide_scan.yaml"
"$MAGTWIN" tool check "$WORK/wide_scan.yaml" > /dev/null 2> "$WORK/err" || fail "scanned wide glass: $(cat "$WORK/err")"
! grep -q WARNING "$WORK/err" || fail "a scanned glass wider than the array warns: $(cat "$WORK/err")"
"$MAGTWIN" deposit "$WORK/wide.yaml" --out "$WORK/dep_wide" --method fast > /dev/null 2>&1 || fail "deposit of the wide glass"
/usr/bin/python3 - "$WORK/dep_wide/summary.json" <<'PY' || fail "summary.json uncovered_substrate_share"
import json, sys
s = json.load(open(sys.argv[1]))
expected = (6000 - (13 * 270 + 152 + 2 * 174)) / 6000
assert abs(s["uncovered_substrate_share"] - expected) <= 0.005, (s["uncovered_substrate_share"], expected)
PY

# 5. Every shipped tool file (the DTU chamber's ~0.13 m throw included) and every tool file
#    of the tests that checks today checks without a sense warning.
for f in "$ROOT"/cases/tools/*.yaml; do
  "$MAGTWIN" tool check "$f" > /dev/null 2> "$WORK/err" || fail "tool check $f: $(cat "$WORK/err")"
  ! grep -q WARNING "$WORK/err" || fail "$f warns: $(cat "$WORK/err")"
done
echo "tool sense checks: ok"
