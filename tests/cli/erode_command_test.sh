#!/usr/bin/env bash
# `magtwin erode TOOL --cathode NAME`: a small run writes the documented folder; bad tool files exit 2 naming
# file, line and key, and leave no output folder (not even a half-written DIR.tmp-PID).
set -euo pipefail
MAGTWIN="$1"
WORK="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$WORK/good.yaml" <<'YAML'
tool:
  name: 2-inch Cu test gun
cathodes:
  - name: gun
    type: planar-circular
    position: [0 mm, 0 mm, 60 mm]
    radius: 25.4 mm
    target:
      material: Cu
      thickness_mm: 3
      magnet_distance: 8 mm
    magnets:
      racetrack:
        ring_radius: 14 mm
        profile:
          shape: gaussian
          sigma: 2.5 mm
    discharge:
      power: 300 W
      voltage: 400 V
erosion:
  grid_spacing: 0.5 mm
  outputs: [0 kWh, 5 kWh]
YAML

"$MAGTWIN" erode "$WORK/good.yaml" --cathode gun --out "$WORK/out" --json > "$WORK/summary_stdout.json"
for f in summary.json grooves.png grooves.csv cross_section_0000.csv erosion.pvd surface_0000.vts cross_section_0000.vtp; do
  [ -s "$WORK/out/$f" ] || fail "missing $f"
done
for k in life_kWh utilization max_depth_mm groove_fwhm_mm steps; do
  grep -q "\"$k\"" "$WORK/out/summary.json" || fail "summary.json lacks $k"
done
cmp -s "$WORK/summary_stdout.json" "$WORK/out/summary.json" || fail "--json output differs from summary.json"
# End of life at 1 mm remaining of 3 mm: max depth 2 mm.
grep -q '"max_depth_mm": 1.99' "$WORK/out/summary.json" || grep -q '"max_depth_mm": 2' "$WORK/out/summary.json" \
  || fail "max depth is not thickness - 1 mm: $(grep max_depth_mm "$WORK/out/summary.json")"
[ -z "$(ls -d "$WORK"/out.tmp-* 2>/dev/null)" ] || fail "temporary folder left behind"

# A tabulated (measured) cross-track profile from a CSV beside the config.
printf 'offset_mm,value\n-6,0\n-3,0.4\n0,1\n2,0.5\n4,0\n' > "$WORK/groove.csv"
sed -e 's/shape: gaussian/shape: tabulated/' -e 's/sigma: 2.5 mm/file: groove.csv/' "$WORK/good.yaml" > "$WORK/tabulated.yaml"
"$MAGTWIN" erode "$WORK/tabulated.yaml" --cathode gun --out "$WORK/out_tab" > /dev/null || fail "tabulated profile run failed"
[ -s "$WORK/out_tab/summary.json" ] || fail "tabulated profile: no summary"

# A yield-multiplier map of 1.2 everywhere: every rate and step scales by 1.2, so the life
# in kWh is the plain run's / 1.2 (up to the 0.1 um end-of-life landing tolerance).
printf 'x_mm,y_mm,multiplier\n-30,-30,1.2\n30,-30,1.2\n-30,30,1.2\n30,30,1.2\n' > "$WORK/grains.csv"
sed -e 's/magnet_distance: 8 mm/magnet_distance: 8 mm\n      multiplier_map: grains.csv/' "$WORK/good.yaml" > "$WORK/grains.yaml"
"$MAGTWIN" erode "$WORK/grains.yaml" --cathode gun --out "$WORK/out_grains" > /dev/null || fail "multiplier map run failed"
life() { sed -n 's/.*"life_kWh": \([0-9.e+-]*\).*/\1/p' "$1/summary.json"; }
awk -v a="$(life "$WORK/out")" -v b="$(life "$WORK/out_grains")" \
  'BEGIN { r = a / (1.2 * b); exit !(r > 0.999 && r < 1.001) }' \
  || fail "multiplier map: life $(life "$WORK/out_grains") kWh is not $(life "$WORK/out") / 1.2"

# A small planar-rect cathode whose magnet pack travels across the width (issue 14): the run
# erodes (the travel is no longer refused).
cat > "$WORK/rect.yaml" <<'YAML'
tool:
  name: small planar-rect test cathode
cathodes:
  - name: rect
    type: planar-rect
    position: [0 mm, 0 mm, 80 mm]
    length: 200 mm
    width: 100 mm
    target:
      material: Cu
      thickness: 4 mm
    magnets:
      racetrack:
        straight_length: 100 mm
        track_separation: 40 mm
        profile: {shape: gaussian, sigma: 4 mm}
      motion: {kind: wobble, travel: 8 mm}
    discharge:
      power: 2 kW
      voltage: 420 V
erosion:
  angular: none
  grid_spacing: 2 mm
  outputs: [0 kWh]
YAML
sed -e 's/travel: 8 mm/travel: 0 mm/' "$WORK/rect.yaml" > "$WORK/rect_fixed.yaml"
"$MAGTWIN" erode "$WORK/rect.yaml" --cathode rect --out "$WORK/out_rect" > /dev/null || fail "planar magnet travel run failed"
"$MAGTWIN" erode "$WORK/rect_fixed.yaml" --cathode rect --out "$WORK/out_rect_fixed" > /dev/null || fail "planar fixed run failed"
# The straights' groove (cross-section at x = 0) widens; the turnaround apexes, where the track
# runs along the travel, keep their depth, so the utilization rises only a little.
num() { sed -n "s/.*\"$2\": \[*\([^]]*, \)*\([0-9.e+-]*\)\]*,*$/\2/p" "$1/summary.json"; }  # last value
awk -v a="$(num "$WORK/out_rect" groove_fwhm_mm)" -v b="$(num "$WORK/out_rect_fixed" groove_fwhm_mm)" \
  'BEGIN { exit !(a > 1.5 * b) }' || fail "magnet travel: groove FWHM $(num "$WORK/out_rect" groove_fwhm_mm) mm not wider"
awk -v a="$(num "$WORK/out_rect" utilization)" -v b="$(num "$WORK/out_rect_fixed" utilization)" \
  'BEGIN { exit !(a > b) }' || fail "magnet travel: utilization $(num "$WORK/out_rect" utilization) not above the fixed pack's"

# expect_bad NAME SED_EXPR PATTERN...: the edited config must exit 2 with every pattern in stderr.
expect_bad() {
  local name="$1" expr="$2"
  shift 2
  sed -e "$expr" "$WORK/good.yaml" > "$WORK/$name.yaml"
  set +e
  "$MAGTWIN" erode "$WORK/$name.yaml" --cathode "${CATHODE:-gun}" --out "$WORK/out_$name" 2> "$WORK/$name.err" > /dev/null
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2 ($(cat "$WORK/$name.err"))"
  for p in "$@"; do grep -q -- "$p" "$WORK/$name.err" || fail "$name: stderr lacks '$p': $(cat "$WORK/$name.err")"; done
  [ ! -e "$WORK/out_$name" ] || fail "$name: output folder created"
  [ -z "$(ls -d "$WORK/out_$name".tmp-* 2>/dev/null)" ] || fail "$name: temporary folder left behind"
}
expect_bad unknown_key 's/ring_radius: 14 mm/ring_radius: 14 mm\n        ring_radious: 3 mm/' \
  "$WORK/unknown_key.yaml:15" "magnets.racetrack.ring_radious" "did you mean 'ring_radius'"
expect_bad misspelt_section 's/^erosion:/erosoin:/' "misspelt_section.yaml:21" "erosoin" "did you mean 'erosion'"
expect_bad missing_unit 's/radius: 25.4 mm/radius: 25.4/' "missing_unit.yaml:7" "cathodes\[0\].radius" "missing unit"
expect_bad negative 's/sigma: 2.5 mm/sigma: -2.5 mm/' "negative.yaml:17" "racetrack.profile.sigma" "must be > 0"
expect_bad outside 's/ring_radius: 14 mm/ring_radius: 26 mm/' "outside.yaml:14" "racetrack.ring_radius" "outside its target"
# The centre line fits but the profile's footprint does not: the erosion engine's check.
expect_bad footprint 's/ring_radius: 14 mm/ring_radius: 23 mm/' "footprint.yaml:14" "racetrack.ring_radius" "outside"
expect_bad wrong_unit 's/power: 300 W/power: 300 V/' "wrong_unit.yaml:19" "discharge.power" "not a power unit"
expect_bad no_table 's/shape: gaussian/shape: tabulated/; s/sigma: 2.5 mm/file: nowhere.csv/' "no_table.yaml:17" \
  "racetrack.profile.file" "nowhere.csv"
# A circular target's magnet rotates; a wobble is refused by name.
expect_bad wobble 's/          sigma: 2.5 mm/&\n      motion: {kind: wobble}/' \
  "a planar-circular cathode's magnet rotates"
CATHODE=gnu expect_bad no_cathode 's/x/x/' "no_cathode.yaml" "--cathode 'gnu': no such cathode" "did you mean 'gun'"
echo "erode command: OK"
