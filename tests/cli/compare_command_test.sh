#!/usr/bin/env bash
# `magtwin compare` end to end on two small tools over a 300 x 200 mm plate (5 mm grid): a
# pair of planar Mo targets and a pair of short rotary Mo tubes (end of life ~10^2 kWh).
#  - two identical tool files (the same file twice, and a copy under another name) give
#    identical columns, value for value;
#  - the columns agree with independent runs of the same tool: utilization and life with
#    `erode` (the same erosion engine and settings: both print the same double with 6 and 8
#    significant digits, so they agree to 1e-5 relative); U, mean film at new with `deposit`
#    (same computation, 6 digits); U re-trimmed at mid-life with `deposit --life-kWh` at the
#    mid-life point as compare.json prints it (6 digits: the life point differs by <= 5e-6
#    relative, U by far less than the 1e-3 relative allowed);
#  - mass conservation: the film on all substrates coated over a target life cannot exceed
#    the mass eroded from the targets: bought_per_film_kg x utilization >= 1;
#  - tools on different substrates are compared with a warning (same_substrate false);
#  - bad arguments and tools exit 2 naming what is wrong, and write nothing.
set -euo pipefail
MAGTWIN="$1"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

header() {  # $1 tool name
cat <<YAML
tool: {name: $1}
substrates:
  - {name: plate, kind: glass, size_x: 300 mm, size_y: 200 mm, pitch: 5 mm, edge_exclusion: 10 mm,
     motion: {kind: static, time: 60 s}, spec: {uniformity_target: 3 %}}
deposition: {optimise: {power_trims: true, min_trim: 0.5, max_trim: 2.0}}
cathodes:
YAML
}
cat > "$WORK/planar.yaml" <<YAML
$(header small_planar)
  - {name: plate, type: planar-rect, array: {count: 2, pitch: 160 mm}, position: [0 mm, 0 mm, 100 mm],
     length: 300 mm, width: 120 mm, target: {material: Mo, thickness: 6 mm},
     magnets: {racetrack: {straight_length: 200 mm, track_separation: 60 mm, turnaround_enhancement: 1.2,
               profile: {shape: gaussian, sigma: 6 mm}}, motion: {kind: wobble, travel: 5 mm}},
     discharge: {voltage: 450 V, power: 3 kW}, mesh: {pitch: 3 mm}}
YAML
cat > "$WORK/rotary.yaml" <<YAML
$(header small_rotary)
  - {name: tube, type: rotary, array: {count: 2, pitch: 160 mm}, position: [0 mm, 0 mm, 140 mm],
     length: 500 mm, outer_radius: 40 mm, target: {material: Mo, thickness: 4 mm},
     magnets: {racetrack: {straight_length: 400 mm, track_separation: 50 mm, turnaround_enhancement: 1.3,
               profile: {shape: gaussian, sigma: 6 mm}}},
     discharge: {voltage: 500 V, power: 3 kW}, mesh: {pitch: 4 mm, angular_pitch: 6 deg}}
YAML
cp "$WORK/planar.yaml" "$WORK/planar_copy.yaml"

"$MAGTWIN" compare "$WORK/planar.yaml" "$WORK/rotary.yaml" --out "$WORK/cmp" --life-points 3 > "$WORK/cmp.txt" ||
  fail "compare planar rotary"
for f in compare.json compare.png; do [ -s "$WORK/cmp/$f" ] || fail "missing $f"; done
grep -q "utilization" "$WORK/cmp.txt" || fail "no table on stdout"

# Identical tools -> identical columns (the same file twice; a copy: all but file and tool).
"$MAGTWIN" compare "$WORK/planar.yaml" "$WORK/planar.yaml" --out "$WORK/same" --life-points 3 --json > "$WORK/same.json" ||
  fail "compare same file"
"$MAGTWIN" compare "$WORK/planar.yaml" "$WORK/planar_copy.yaml" --out "$WORK/copy" --life-points 3 --json > "$WORK/copy.json" ||
  fail "compare copy"
cmp -s "$WORK/same.json" "$WORK/same/compare.json" || fail "--json differs from compare.json"
/usr/bin/python3 - "$WORK/same.json" "$WORK/copy.json" "$WORK/cmp/compare.json" <<'PY' || fail "identical tools differ"
import json, sys
same, copy, cmp = (json.load(open(p)) for p in sys.argv[1:4])
a, b = same["columns"]
assert a == b, "same file: columns differ"
a, b = copy["columns"]
for k in a:
    if k not in ("file", "tool"):
        assert a[k] == b[k], (k, a[k], b[k])
assert a == cmp["columns"][0] or {k: v for k, v in a.items() if k not in ("file", "tool")} == \
    {k: v for k, v in cmp["columns"][0].items() if k not in ("file", "tool")}, "planar column depends on its partner"
assert same["same_substrate"] is True
PY

# Independent runs of the same tools.
for t in planar rotary; do
  cathode=$([ $t = planar ] && echo plate01 || echo tube01)
  "$MAGTWIN" erode "$WORK/$t.yaml" --cathode $cathode --out "$WORK/erode_$t" --json > "$WORK/erode_$t.json" || fail "erode $t"
  "$MAGTWIN" deposit "$WORK/$t.yaml" --out "$WORK/new_$t" --json > "$WORK/new_$t.json" || fail "deposit $t"
  MID=$(/usr/bin/python3 -c '
import json, sys
cols = json.load(open(sys.argv[1]))["columns"]
print([c for c in cols if c["tool"] == sys.argv[2]][0]["U_mid"]["life_kWh"])' "$WORK/cmp/compare.json" "$t")
  "$MAGTWIN" deposit "$WORK/$t.yaml" --out "$WORK/mid_$t" --life-kWh "$MID" --json > "$WORK/mid_$t.json" || fail "deposit mid $t"
  /usr/bin/python3 - "$WORK/cmp/compare.json" "$t" "$WORK/erode_$t.json" "$WORK/new_$t.json" "$WORK/mid_$t.json" <<'PY' ||
import json, sys
cols = json.load(open(sys.argv[1]))["columns"]
c = [c for c in cols if c["tool"] == sys.argv[2]][0]
erode, new, mid = (json.load(open(p)) for p in sys.argv[3:6])
def close(a, b, rel, what):
    assert abs(a - b) <= rel * abs(b), (what, a, b)
close(c["utilization_pct"], 100 * erode["utilization"], 1e-5, "utilization vs erode")
close(c["target_life_kWh"], erode["life_kWh"], 1e-5, "life vs erode")
assert c["U_new"]["U_fixed_pct"] == new["uniformity_range_pct"], ("U new vs deposit", c["U_new"], new["uniformity_range_pct"])
assert c["film_nm"] == new["mean_nm"], ("film vs deposit mean", c["film_nm"], new["mean_nm"])
close(c["U_mid"]["U_retrimmed_pct"], mid["uniformity_range_pct"], 1e-3, "U mid re-trimmed vs deposit --life-kWh")
# Mass: film on the substrates <= mass eroded from the targets.
assert c["bought_per_film_kg"] * c["utilization_pct"] / 100 >= 1, ("film exceeds eroded mass", c)
print("%s: utilization %.4g %% (erode %.4g %%), life %.6g kWh, U new %.4g %%, mid %.4g %% (deposit %.4g %%), "
      "%.3g g bought per m^2" % (sys.argv[2], c["utilization_pct"], 100 * erode["utilization"], c["target_life_kWh"],
      c["U_new"]["U_fixed_pct"], c["U_mid"]["U_retrimmed_pct"], mid["uniformity_range_pct"],
      1e3 * c["material_bought_kg_per_m2"]))
PY
  fail "$t: compare disagrees with erode/deposit"
done

# Another substrate: compared, with a warning and same_substrate false.
sed 's/size_x: 300 mm, size_y: 200 mm/size_x: 320 mm, size_y: 200 mm/' "$WORK/planar.yaml" > "$WORK/wider.yaml"
"$MAGTWIN" compare "$WORK/planar.yaml" "$WORK/wider.yaml" --out "$WORK/wider" --life-points 2 --json \
  > "$WORK/wider.json" 2> "$WORK/wider.err" || fail "compare on different substrates"
grep -q "not on the same glass" "$WORK/wider.err" || fail "no warning for different substrates"
/usr/bin/python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["same_substrate"] is False' "$WORK/wider.json" ||
  fail "same_substrate should be false"

# Bad input: exit 2, the message names the argument or key, nothing written.
{ header two_groups; sed -n '/^  - {name: plate, type/,$p' "$WORK/planar.yaml";
  sed -n '/^  - {name: tube, type/,$p' "$WORK/rotary.yaml" | sed 's/position: \[0 mm, 0 mm, 140 mm\]/position: [0 mm, 0 mm, 400 mm]/'; } \
  > "$WORK/two_groups.yaml"
sed 's/motion: {kind: static, time: 60 s}/motion: {kind: scan, speed: 10 mm\/s}/' "$WORK/planar.yaml" > "$WORK/scan.yaml"
check_bad() {  # expected text in the message, then the arguments
  local want="$1"; shift
  set +e
  "$MAGTWIN" compare "$@" > /dev/null 2> "$WORK/err.txt"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "compare $*: exit $rc, expected 2 ($(cat "$WORK/err.txt"))"
  grep -q -- "$want" "$WORK/err.txt" || fail "compare $*: message does not name '$want': $(cat "$WORK/err.txt")"
  [ -e "$WORK/bad" ] && fail "compare $*: output written"
  if ls "$WORK" | grep -q 'tmp-'; then fail "temporary folder left behind"; fi
}
check_bad "--life-points" "$WORK/planar.yaml" "$WORK/rotary.yaml" --out "$WORK/bad" --life-points 1
check_bad "--life-points" "$WORK/planar.yaml" "$WORK/rotary.yaml" --out "$WORK/bad" --life-points abc
check_bad "--method" "$WORK/planar.yaml" "$WORK/rotary.yaml" --out "$WORK/bad" --method mc
check_bad "missing.yaml" "$WORK/planar.yaml" "$WORK/missing.yaml" --out "$WORK/bad"
check_bad "cathode groups" "$WORK/planar.yaml" "$WORK/two_groups.yaml" --out "$WORK/bad"
check_bad "scan" "$WORK/scan.yaml" "$WORK/rotary.yaml" --out "$WORK/bad"
check_bad "out" "$WORK/planar.yaml" "$WORK/rotary.yaml"
echo "compare command: OK"
