#!/usr/bin/env bash
# `magtwin tool`: the reference page equals the schema; check --json lists exactly the
# documented keys; --yaml writes a resolved file that reads back to the same chamber;
# show --png draws it; every kind of bad tool file exits 2 with file:line: key and what
# was expected, and writes nothing.
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. docs/tool-file.md is generated from the schema: the page and the code must agree.
"$MAGTWIN" tool schema --markdown > "$WORK/schema.md"
diff -u "$ROOT/docs/tool-file.md" "$WORK/schema.md" > "$WORK/schema.diff" \
  || fail "docs/tool-file.md differs from the schema (regenerate: magtwin tool schema --markdown > docs/tool-file.md): $(head -20 "$WORK/schema.diff")"

# 2. Every shipped tool file checks; --json has exactly the documented shape.
for f in "$ROOT"/cases/tools/*.yaml; do
  "$MAGTWIN" tool check "$f" > /dev/null || fail "tool check $f"
done
"$MAGTWIN" tool check "$ROOT/cases/tools/gen10_5_rotary_line.yaml" --json > "$WORK/rotary.json"
/usr/bin/python3 - "$WORK/rotary.json" <<'PY' || fail "check --json"
import json, sys
j = json.load(open(sys.argv[1]))
assert sorted(j) == ["cathodes", "sensors", "substrates", "supplies"], sorted(j)
assert [c["name"] for c in j["cathodes"]] == ["tube%02d" % i for i in range(1, 15)]
assert all(sorted(c) == ["material", "name", "operating_point", "type"] and c["type"] == "rotary" and c["material"] == "Mo" for c in j["cathodes"])
# the operating point (chamber/OperatingPoint): 20 kW at 500 V per tube, ions carry I / (1 + gamma_SE)
op = j["cathodes"][0]["operating_point"]
assert sorted(op) == ["discharge_current_A", "gamma_se", "gas", "ion_current_A", "ion_energy_eV", "ions_per_s", "material",
                      "power_W", "sputtered_atoms_per_s", "voltage_V", "yield_atoms_per_ion", "yield_model"], sorted(op)
assert abs(op["discharge_current_A"] * op["voltage_V"] - op["power_W"]) <= 1e-12 * op["power_W"], op
assert abs(op["ion_current_A"] * (1 + op["gamma_se"]) - op["discharge_current_A"]) <= 1e-12 * op["discharge_current_A"], op
assert j["substrates"] == [{"name": "glass"}] and j["sensors"] == [{"name": "qcm1"}]
assert j["supplies"][2] == {"name": "dc03", "feeds": ["tube03"]}, j["supplies"][2]
PY

# 3. --yaml: the resolved file reads back to the same objects (resolving it again gives
#    the same file, apart from the header line naming its source).
for f in "$ROOT"/cases/tools/*.yaml; do
  b=$(basename "$f" .yaml)
  "$MAGTWIN" tool check "$f" --yaml "$WORK/$b.resolved.yaml" > /dev/null
  "$MAGTWIN" tool check "$WORK/$b.resolved.yaml" --yaml "$WORK/$b.again.yaml" > /dev/null
  diff <(tail -n +2 "$WORK/$b.resolved.yaml") <(tail -n +2 "$WORK/$b.again.yaml") > /dev/null \
    || fail "$b: resolved file does not read back to the same objects"
  "$MAGTWIN" tool check "$f" --json > "$WORK/a.json"
  "$MAGTWIN" tool check "$WORK/$b.resolved.yaml" --json > "$WORK/b.json"
  cmp -s "$WORK/a.json" "$WORK/b.json" || fail "$b: resolved file lists other objects"
done

# 4. show --png: a PNG of the chamber.
"$MAGTWIN" tool show "$ROOT/cases/tools/gen10_5_rotary_line.yaml" --png "$WORK/rotary.png"
[ "$(head -c 8 "$WORK/rotary.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "show: not a PNG"

# 5. Bad input: exit 2, file:line: key and what was expected, nothing written.
cat > "$WORK/good.yaml" <<'YAML'
tool:
  name: two-gun test chamber
cathodes:
  - name: gun
    type: planar-rect
    array: {count: 2, pitch: 150 mm}
    position: [0 mm, 0 mm, 100 mm]
    length: 400 mm
    width: 100 mm
    target: {material: Cu, thickness: 6 mm}
    magnets:
      racetrack:
        straight_length: 300 mm
        track_separation: 50 mm
        profile: {shape: gaussian, sigma: 5 mm}
    discharge: {voltage: 400 V, power: 2 kW}
substrates:
  - {name: glass, kind: glass, size_x: 400 mm, size_y: 500 mm, edge_exclusion: 10 mm}
sensors:
  - {name: qcm, type: crystal-monitor, position: [0 mm, 0 mm, 50 mm]}
supplies:
  - {name: dc1, kind: dc, feeds: [gun01, gun02]}
YAML
"$MAGTWIN" tool check "$WORK/good.yaml" > /dev/null || fail "good.yaml does not check"
expect_bad() {  # name, sed edit, patterns...
  local name="$1" edit="$2"
  shift 2
  sed -e "$edit" "$WORK/good.yaml" > "$WORK/$name.yaml"
  set +e
  "$MAGTWIN" tool check "$WORK/$name.yaml" --yaml "$WORK/$name.out.yaml" > /dev/null 2> "$WORK/$name.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2 ($(cat "$WORK/$name.err"))"
  for p in "$@"; do grep -q -- "$p" "$WORK/$name.err" || fail "$name: stderr lacks '$p': $(cat "$WORK/$name.err")"; done
  [ -z "$(ls "$WORK/$name".out.yaml* 2>/dev/null)" ] || fail "$name: output written"
}
expect_bad unknown_key 's/track_separation:/track_seperation:/' \
  "$WORK/unknown_key.yaml:14: unknown key 'cathodes\[0\].magnets.racetrack.track_seperation'" "did you mean 'track_separation'"
expect_bad missing_unit 's/length: 400 mm/length: 400/' "$WORK/missing_unit.yaml:8: key 'cathodes\[0\].length': missing unit"
expect_bad overlap 's/pitch: 150 mm/pitch: 80 mm/' "$WORK/overlap.yaml:7: key 'cathodes\[0\].position'" \
  "gun02 overlaps cathode gun01" "expected separate bodies"
expect_bad substrate_plane 's/position: \[0 mm, 0 mm, 100 mm\]/position: [0 mm, 0 mm, -2 mm]/' \
  "$WORK/substrate_plane.yaml:7: key 'cathodes\[0\].position'" "cuts the substrate plane z = 0" "expected the whole target above z = 0"
expect_bad racetrack_outside 's/straight_length: 300 mm/straight_length: 380 mm/' \
  "$WORK/racetrack_outside.yaml:13: key 'cathodes\[0\].magnets.racetrack.straight_length'" "outside its target" "> target length 400 mm"
expect_bad sensor_inside 's/position: \[0 mm, 0 mm, 50 mm\]/position: [75 mm, 10 mm, 103 mm]/' \
  "$WORK/sensor_inside.yaml:20: key 'sensors\[0\].position'" "inside the target of cathode gun02" "expected a position in the gas"
expect_bad unknown_source 's/feeds: \[gun01, gun02\]/feeds: [gun01, gun03]/' \
  "$WORK/unknown_source.yaml:22: key 'supplies\[0\].feeds'" "wired to 'gun03', which is not a cathode" "cathodes: gun01 gun02"
expect_bad array_zero 's/count: 2,/count: 0,/' "$WORK/array_zero.yaml:6: key 'cathodes\[0\].array.count'" "expected an integer >= 1, got 0"
# Along-track flux profile (magnets.racetrack.along_track, line 16, after the profile line).
AT='s/^\(        profile: .*\)$/\1\n        along_track: '
AK="key 'cathodes\[0\].magnets.racetrack.along_track"
expect_bad along_gain "${AT}{shape: end-boost, gain: -2, length: 50 mm}/" "$WORK/along_gain.yaml:16: $AK.gain'" "must be >= -1"
expect_bad along_length "${AT}{shape: end-boost, gain: 0.2, length: 200 mm}/" \
  "$WORK/along_length.yaml:16: $AK.length'" "at most half the straight (150"
expect_bad along_order "${AT}{shape: table, points: [[0, 1.2], [0.5, 1], [0.3, 1]]}/" \
  "$WORK/along_order.yaml:16: $AK.points'" "point 3: positions must increase strictly"
expect_bad along_range "${AT}{shape: table, symmetric: true, points_mm: [[0, 1.2], [200, 1]]}/" \
  "$WORK/along_range.yaml:16: $AK.points_mm'" "point 2: position must be in \[0, 150 mm\]"
expect_bad along_negative "${AT}{shape: table, points: [[0, -0.1], [1, 1]]}/" "$WORK/along_negative.yaml:16: $AK.points'" \
  "factor must be >= 0"
expect_bad along_unused "${AT}{shape: table, gain: 0.2, points: [[0, 1], [1, 1]]}/" "$WORK/along_unused.yaml:16: $AK.gain'" \
  "only used by along_track shape end-boost"
expect_bad along_shape "${AT}{shape: end-bost}/" "$WORK/along_shape.yaml:16: $AK.shape'" "end-boost"
# A table (mm, symmetric) reads back from the resolved file to the same numbers.
sed -e "${AT}{shape: table, symmetric: true, points_mm: [[0, 1.25], [37.5, 1.1], [150, 1]]}/" "$WORK/good.yaml" > "$WORK/table.yaml"
"$MAGTWIN" tool check "$WORK/table.yaml" --yaml "$WORK/table.resolved.yaml" > /dev/null || fail "table along_track does not check"
grep -q "along_track: {shape: table, points_mm: \[\[0, 1.25\], \[37.5, 1.1000000000000001\], \[150, 1\]\], symmetric: true}" \
  "$WORK/table.resolved.yaml" || fail "resolved along_track: $(grep along_track "$WORK/table.resolved.yaml")"
"$MAGTWIN" tool check "$WORK/table.resolved.yaml" --yaml "$WORK/table.again.yaml" > /dev/null
diff <(tail -n +2 "$WORK/table.resolved.yaml") <(tail -n +2 "$WORK/table.again.yaml") > /dev/null \
  || fail "table along_track: resolved file does not read back to the same"
echo "tool command: OK"
