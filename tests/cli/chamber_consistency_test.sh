#!/usr/bin/env bash
# The resolved chamber end to end: one small rotary tube with a grain map, a swinging magnet
# bar and every `erosion:` key at a non-default value (angular none, grid_spacing,
# max_depth_increment, angular_cells, min_remaining_thickness 4 mm of 8, outputs):
#  - `erode` (summary.json life_kWh, utilization), `deposit --life-sweep` (end_of_life_kWh)
#    and `compare` (columns[].target_life_kWh, utilization_pct) give the same life and
#    utilization to 1e-9 relative (one engine builder; the JSON carries 17 digits);
#  - erode erodes the swinging bar as the turning tube and says so (stderr note and
#    summary.json rotary_wobble_ignored / rotary_wobble_note);
#  - erode, deposit (per cathode) and `tool check --json` state the same operating point
#    (power, voltage, ion current, gamma_SE, ion energy, yield);
#  - a file the engine cannot represent (min_remaining_thickness not below the target
#    thickness) gets the same error, naming file, line and key, exit 2, from every command,
#    and nothing is written.
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

tool() {  # $1 min_remaining_thickness
cat <<YAML
tool: {name: chamber_tube}
cathodes:
  - {name: tube, type: rotary, position: [0 mm, 0 mm, 140 mm], length: 400 mm, outer_radius: 40 mm,
     target: {material: Mo, thickness: 8 mm, magnet_distance: 14 mm, multiplier_map: $ROOT/tests/consistency/grain_map.csv},
     magnets: {racetrack: {straight_length: 300 mm, track_separation: 50 mm, turnaround_enhancement: 1.3,
                           narrowing_exponent: 1.5, profile: {shape: gaussian, sigma: 7 mm}},
               motion: {kind: wobble, amplitude: 12 deg}},
     discharge: {voltage: 500 V, power: 3 kW}, mesh: {pitch: 4 mm, angular_pitch: 6 deg}}
substrates:
  - {name: plate, kind: glass, size_x: 300 mm, size_y: 400 mm, pitch: 10 mm, edge_exclusion: 10 mm,
     motion: {kind: static, time: 60 s}}
erosion:
  angular: none
  grid_spacing: 5 mm
  max_depth_increment: 0.4 mm
  angular_cells: 24
  min_remaining_thickness: $1
  outputs: [0 kWh, 5 kWh]
YAML
}
tool "4 mm" > "$WORK/tube.yaml"

"$MAGTWIN" erode "$WORK/tube.yaml" --cathode tube --out "$WORK/erode" --json > "$WORK/erode.json" 2> "$WORK/erode.err" ||
  { cat "$WORK/erode.err" >&2; fail "erode"; }
grep -q "rotation average" "$WORK/erode.err" || fail "erode does not say that the swinging bar erodes as the turning tube"
LIFE=$(python3 -c "import json; print(json.load(open('$WORK/erode/summary.json'))['life_kWh'])")
HALF=$(python3 -c "print($LIFE / 2)")
"$MAGTWIN" deposit "$WORK/tube.yaml" --out "$WORK/sweep" --life-sweep "0:$HALF:2" > /dev/null || fail "deposit --life-sweep"
"$MAGTWIN" deposit "$WORK/tube.yaml" --out "$WORK/dep" --life-kWh "$HALF" > /dev/null || fail "deposit --life-kWh"
"$MAGTWIN" compare "$WORK/tube.yaml" "$WORK/tube.yaml" --out "$WORK/cmp" --life-points 2 > /dev/null || fail "compare"
"$MAGTWIN" tool check "$WORK/tube.yaml" --json > "$WORK/check.json" || fail "tool check --json"

python3 - "$WORK" <<'PY' || fail "paths disagree"
import json, sys
w = sys.argv[1]
erode = json.load(open(f"{w}/erode/summary.json"))
sweep = json.load(open(f"{w}/sweep/summary.json"))
cmp = json.load(open(f"{w}/cmp/compare.json"))["columns"][0]
dep = json.load(open(f"{w}/dep/summary.json"))["cathodes"][0]["operating_point"]
check = json.load(open(f"{w}/check.json"))["cathodes"][0]["operating_point"]
def same(a, b, what, rel=1e-9):
    if abs(a - b) > rel * abs(b):
        sys.exit(f"{what}: {a!r} vs {b!r}")
same(sweep["end_of_life_kWh"], erode["life_kWh"], "deposit --life-sweep end_of_life_kWh vs erode life_kWh")
same(cmp["target_life_kWh"], erode["life_kWh"], "compare target_life_kWh vs erode life_kWh")
same(cmp["utilization_pct"] / 100, erode["utilization"], "compare utilization_pct vs erode utilization")
assert erode["rotary_wobble_ignored"] is True and "rotation average" in erode["rotary_wobble_note"]
op = erode["operating_point"]
for key in ("power_W", "voltage_V", "ion_current_A", "ions_per_s", "gamma_se", "ion_energy_eV", "yield_atoms_per_ion"):
    # the same function of the same inputs: equal to the last digit
    same(dep[key], op[key], "deposit operating_point." + key, 0)
    same(check[key], op[key], "tool check operating_point." + key, 0)
same(op["ion_current_A"], op["discharge_current_A"] / (1 + op["gamma_se"]), "I_ion = I / (1 + gamma_SE)", 1e-15)
same(op["ion_current_A"], op["ions_per_s"] * 1.602176634e-19, "I_ion = e x ions/s", 1e-15)
same(erode["ion_current_A"], op["ion_current_A"], "erode ion_current_A", 0)
PY

# A chamber the engine cannot represent: the same error from every command, nothing written.
tool "9 mm" > "$WORK/bad.yaml"
for cmd in "erode $WORK/bad.yaml --cathode tube --out $WORK/bad_erode" "deposit $WORK/bad.yaml --out $WORK/bad_dep" \
           "compare $WORK/bad.yaml $WORK/bad.yaml --out $WORK/bad_cmp" "tool check $WORK/bad.yaml" \
           "foam-dict $WORK/bad.yaml --cathode tube"; do
  set +e
  # shellcheck disable=SC2086
  "$MAGTWIN" $cmd > "$WORK/out.txt" 2> "$WORK/err.txt"
  rc=$?
  set -e
  [ "$rc" = 2 ] || fail "$cmd: exit $rc, expected 2"
  grep -q "bad.yaml:[0-9]*: key 'erosion.min_remaining_thickness'" "$WORK/err.txt" ||
    { cat "$WORK/err.txt" >&2; fail "$cmd: error does not name file, line and key"; }
done
for d in bad_erode bad_dep bad_cmp; do [ ! -e "$WORK/$d" ] || fail "$d written despite the error"; done
echo "chamber consistency: OK"
