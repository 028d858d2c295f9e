#!/usr/bin/env bash
# `magtwin deposit` end to end: a small wafer case runs with both methods (which agree),
# writes every promised file and key, and bad configs exit 2 naming file, line and key
# without leaving any output folder behind.
set -euo pipefail
MAGTWIN="$1"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$WORK/small.yaml" <<'YAML'
tool:
  name: small wafer tool
cathodes:
  - name: cu
    type: planar-circular
    position: [0 mm, 0 mm, 100 mm]
    radius: 100 mm
    target: {material: Cu, thickness: 10 mm}
    magnets:
      racetrack:
        ring_radius: 60 mm
        profile: {shape: gaussian, sigma: 10 mm}
    discharge:
      voltage: 500 V
      power: 5 kW
      gamma_se: 0.1
    mesh: {pitch: 4 mm}
substrates:
  - name: wafer
    kind: wafer
    diameter: 300 mm
    pitch: 5 mm
    edge_exclusion: 3 mm
    motion:
      kind: static
      time: 10 s
YAML

"$MAGTWIN" deposit "$WORK/small.yaml" --out "$WORK/fast" --json --csv > "$WORK/fast.json" || fail "fast run failed"
"$MAGTWIN" deposit "$WORK/small.yaml" --out "$WORK/direct" --method direct --json > "$WORK/direct.json" || fail "direct run failed"
for f in thickness.csv thickness_map.png summary.json; do
  [ -s "$WORK/fast/$f" ] || fail "missing $f"
done
ls "$WORK" | grep -q 'tmp-' && fail "temporary folder left behind"
# The CSV only where asked for (--csv): a Gen-10.5 map would be 78 MB.
[ -e "$WORK/direct/thickness.csv" ] && fail "thickness.csv written without --csv"
[ "$(head -c 2 "$WORK/fast/thickness.csv")" = "# " ] || fail "thickness.csv header"
/usr/bin/python3 - "$WORK/fast/summary.json" "$WORK/direct.json" <<'PY' || fail "summary check"
import json, sys
fast = json.load(open(sys.argv[1])); direct = json.load(open(sys.argv[2]))
for k in ["uniformity_range_pct", "uniformity_sigma_pct", "mean_nm", "min_nm", "max_nm", "pass",
          "edge_exclusion_mm", "method"]:
    assert k in fast, k
assert fast["method"] == "fast" and direct["method"] == "direct"
assert fast["edge_exclusion_mm"] == 3
# The FFT method matches the direct sum to ~1e-4 of the mean (FastConvolutionTransportTest);
# 1e-3 here is the issue's acceptance figure.
assert abs(fast["mean_nm"] / direct["mean_nm"] - 1) < 1e-3, (fast["mean_nm"], direct["mean_nm"])
assert abs(fast["max_nm"] / direct["max_nm"] - 1) < 1e-3
# Thickness from the discharge balance is positive and finite.
assert 0 < fast["min_nm"] <= fast["mean_nm"] <= fast["max_nm"]
PY

# One magnet-pack vocabulary: an asymmetric Gaussian with equal sides is the Gaussian
# (same function, so the same map to rounding), and a rotating magnet runs.
sed 's/profile: {shape: gaussian, sigma: 10 mm}/profile: {shape: asymmetric-gaussian, sigma_inner: 10 mm, sigma_outer: 10 mm}/' \
  "$WORK/small.yaml" > "$WORK/asym.yaml"
"$MAGTWIN" deposit "$WORK/asym.yaml" --out "$WORK/asym" --json > "$WORK/asym.json" || fail "asymmetric profile run failed"
sed 's/^        profile: {shape: gaussian, sigma: 10 mm}/&\n      motion: {kind: rotating, offset: 8 mm}/' \
  "$WORK/small.yaml" > "$WORK/rotating.yaml"
"$MAGTWIN" deposit "$WORK/rotating.yaml" --out "$WORK/rotating" --json > "$WORK/rotating.json" || fail "rotating magnet run failed"
/usr/bin/python3 - "$WORK/asym.json" "$WORK/fast.json" "$WORK/rotating.json" <<'PY' || fail "profile vocabulary"
import json, sys
asym, gauss, rot = (json.load(open(p)) for p in sys.argv[1:4])
for k in ["mean_nm", "min_nm", "max_nm"]:
    assert abs(asym[k] / gauss[k] - 1) < 1e-9, (k, asym[k], gauss[k])
# The sweep of the ring (60 mm +- 8 mm) spreads the emission: a different map, same order.
assert rot["mean_nm"] != gauss["mean_nm"] and 0.5 < rot["mean_nm"] / gauss["mean_nm"] < 2, (rot["mean_nm"], gauss["mean_nm"])
PY

# Bad configs: exit 2, file:line and key in the message, no output folder at all.
expect_bad() {  # name, expected text, yaml edit (sed expression)
  local name="$1" text="$2" edit="$3"
  sed "$edit" "$WORK/small.yaml" > "$WORK/$name.yaml"
  set +e
  "$MAGTWIN" deposit "$WORK/$name.yaml" --out "$WORK/out_$name" 2> "$WORK/$name.err" > /dev/null
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2 ($(cat "$WORK/$name.err"))"
  grep -q "$WORK/$name.yaml:[0-9]" "$WORK/$name.err" || fail "$name: no file:line in: $(cat "$WORK/$name.err")"
  grep -q -- "$text" "$WORK/$name.err" || fail "$name: expected '$text' in: $(cat "$WORK/$name.err")"
  ls "$WORK" | grep -q "out_$name" && fail "$name: output folder written"
  return 0
}
expect_bad unknown_key "did you mean 'ring_radius'" 's/ring_radius:/ring_radus:/'
# The erosion engine's footprint check (ring + offset + 3 sigma on the target) holds in every
# command: a rotating ring whose footprint leaves the target is refused by deposit as by erode.
expect_bad footprint "key 'cathodes\[0\].magnets.racetrack.ring_radius': racetrack outside the target" \
  's/^        profile: {shape: gaussian, sigma: 10 mm}/&\n      motion: {kind: rotating, offset: 20 mm}/'
expect_bad missing_unit "key 'cathodes\[0\].discharge.power': missing unit.*a power like" 's/power: 5 kW/power: 5/'
expect_bad negative "key 'cathodes\[0\].radius': must be > 0" 's/radius: 100 mm/radius: -100 mm/'
expect_bad track_outside "key 'cathodes\[0\].magnets.racetrack.ring_radius'.*outside its target" 's/ring_radius: 60 mm/ring_radius: 160 mm/'
expect_bad bad_kind "expected one of: static, scan, rotation" 's/kind: static/kind: wobble/'
# A wobble scan needs a rotary cathode (this tool has a planar-circular target only).
expect_bad_nofile() {  # name, expected text, yaml edit: errors found after reading (no line to name)
  local name="$1" text="$2" edit="$3"
  sed "$edit" "$WORK/small.yaml" > "$WORK/$name.yaml"
  set +e
  "$MAGTWIN" deposit "$WORK/$name.yaml" ${SUBSTRATE:+--substrate "$SUBSTRATE"} --out "$WORK/out_$name" \
    2> "$WORK/$name.err" > /dev/null
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2 ($(cat "$WORK/$name.err"))"
  grep -q -- "$text" "$WORK/$name.err" || fail "$name: expected '$text' in: $(cat "$WORK/$name.err")"
  ls "$WORK" | grep -q "out_$name" && fail "$name: output folder written"
  return 0
}
expect_bad_nofile wobble_scan "deposition.optimise.wobble_amplitudes needs a rotary cathode" \
  's/^substrates:/deposition:\n  optimise:\n    power_trims: true\n    wobble_amplitudes: [0 deg, 10 deg]\nsubstrates:/'
expect_bad gas_eta "key 'deposition.gas_model.eta': must be between 0 and 1" \
  's/^substrates:/deposition:\n  gas_model:\n    eta: 1.5\nsubstrates:/'
# Along-track end-boost search (deposition.optimise.end_boost_gain/_length).
expect_bad_nofile end_boost_shape "need a cathode with magnets.racetrack.along_track shape end-boost" \
  's/^substrates:/deposition:\n  optimise:\n    power_trims: true\n    end_boost_gain: [0, 0.5]\nsubstrates:/'
expect_bad end_boost_bounds "key 'deposition.optimise.end_boost_gain': expected \[min, max\] with min <= max" \
  's/^substrates:/deposition:\n  optimise:\n    power_trims: true\n    end_boost_gain: [0.5, 0.1]\nsubstrates:/'
expect_bad end_boost_trims "key 'deposition.optimise.end_boost_gain': needs power_trims: true" \
  's/^substrates:/deposition:\n  optimise:\n    end_boost_gain: [0, 0.5]\nsubstrates:/'
# Three short tubes over a glass nearly as long as they are: the film drops toward the tube
# ends; the search (from gain 0) must find a gain that lowers U after trims, and the run's map
# is made with it.
cat > "$WORK/tubes.yaml" <<'YAML'
tool:
  name: three short tubes
cathodes:
  - name: tube
    type: rotary
    array: {count: 3, pitch: 250 mm}
    position: [0 mm, 0 mm, 200 mm]
    length: 1200 mm
    outer_radius: 76 mm
    target: {material: Mo, thickness: 9.5 mm}
    magnets:
      racetrack:
        straight_length: 1000 mm
        track_separation: 100 mm
        profile: {shape: gaussian, sigma: 8 mm}
        along_track: {shape: end-boost, gain: 0, length: 150 mm}
    discharge: {voltage: 500 V, power: 10 kW}
    mesh: {pitch: 8 mm, angular_pitch: 6 deg}
substrates:
  - {name: glass, kind: glass, size_x: 600 mm, size_y: 1000 mm, pitch: 10 mm, edge_exclusion: 10 mm}
deposition:
  optimise:
    power_trims: true
    end_boost_gain: [0, 0.6]
YAML
"$MAGTWIN" deposit "$WORK/tubes.yaml" --out "$WORK/tubes" --json > "$WORK/tubes.json" || fail "end-boost search run failed"
/usr/bin/python3 - "$WORK/tubes.json" <<'PY' || fail "end-boost search summary"
import json, sys
j = json.load(open(sys.argv[1]))
e = j["end_boost"]
assert e["start"]["gain"] == 0 and e["start"]["length_mm"] == 150, e["start"]
assert len(e["trials"]) == 13, len(e["trials"])  # the start + 12 golden-section evaluations
assert all(t["length_mm"] == 150 for t in e["trials"])
assert e["best"]["range_pct_after_trims"] < 0.9 * e["start"]["range_pct_after_trims"], e
assert 0 < e["best"]["gain"] <= 0.6, e["best"]
PY
SUBSTRATE=wafr expect_bad_nofile no_substrate "--substrate 'wafr': no such substrate.*did you mean 'wafer'" 's/x/x/'
# The fast gas model in the fast map (Mo-in-Ar parameters given; 0.5 Pa x 10 cm is inside
# its 10 Pa cm range: no warning): summary names the pressure and the gas lowers the film
# (the MC deposits 72 % -> 66 % from 1 to 5 Pa cm, GasAttenuationModel.hpp).
# Cu in Ar with the Mo-in-Ar default calibration: refused by name, never applied silently.
printf 'process:\n  pressure: 0.5 Pa\n' | cat "$WORK/small.yaml" - > "$WORK/gas_default.yaml"
set +e
"$MAGTWIN" deposit "$WORK/gas_default.yaml" --out "$WORK/gas_default" 2> "$WORK/gas_default.err" > /dev/null
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "Cu/Ar with the Mo/Ar gas calibration: exit $rc, expected 2"
grep -q "Cu sputtered in Ar (cathode cu): the fast gas model's default calibration is Mo in Ar only" "$WORK/gas_default.err" \
  || fail "gas calibration refusal: $(cat "$WORK/gas_default.err")"
[ ! -e "$WORK/gas_default" ] || fail "gas calibration refusal: output written"
# Given explicitly (here the Mo-in-Ar numbers, as a stand-in calibration) it runs.
printf 'process:\n  pressure: 0.5 Pa\ndeposition:\n  gas_model: {sigma_eff_m2: 6.31e-21, eta: 0, thermalisation_column_per_m2: 2.51e17}\n' \
  | cat "$WORK/small.yaml" - > "$WORK/gas.yaml"
"$MAGTWIN" deposit "$WORK/gas.yaml" --out "$WORK/gas" --json > "$WORK/gas.json" 2> "$WORK/gas.err" || fail "gas run failed"
grep -q "warning" "$WORK/gas.err" && fail "gas run warned inside the model's range: $(cat "$WORK/gas.err")"
/usr/bin/python3 - "$WORK/gas.json" "$WORK/fast.json" <<'PY' || fail "gas summary"
import json, sys
gas = json.load(open(sys.argv[1])); vac = json.load(open(sys.argv[2]))
assert gas["pressure_Pa"] == 0.5 and vac["pressure_Pa"] == 0, (gas["pressure_Pa"], vac["pressure_Pa"])
assert gas["mean_nm"] < 0.98 * vac["mean_nm"], (gas["mean_nm"], vac["mean_nm"])
PY

# Monte Carlo at zero pressure (the default without a gas: section) agrees with line of
# sight in the mean within its statistics (2e5 histories over ~2800 cells: ~0.3 % on the mean;
# 2 % allows for the cell-centred histogram at the wafer rim).
printf 'deposition:\n  monte_carlo:\n    histories: 200000\n    seed: 7\n' | cat "$WORK/small.yaml" - > "$WORK/mc.yaml"
"$MAGTWIN" deposit "$WORK/mc.yaml" --out "$WORK/mc" --method mc --json > "$WORK/mc.json" || fail "mc run failed"
/usr/bin/python3 - "$WORK/mc.json" "$WORK/direct.json" <<'PY' || fail "mc vs direct"
import json, sys
mc = json.load(open(sys.argv[1])); direct = json.load(open(sys.argv[2]))
assert mc["method"] == "mc"
assert abs(mc["mean_nm"] / direct["mean_nm"] - 1) < 0.02, (mc["mean_nm"], direct["mean_nm"])
PY
set +e
"$MAGTWIN" deposit "$WORK/small.yaml" --out "$WORK/bad_method" --method mcx 2> /dev/null
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "--method mcx: exit $rc, expected 2"
echo "deposit command: all checks passed"
