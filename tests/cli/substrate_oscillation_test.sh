#!/usr/bin/env bash
# `deposit` with substrates[].motion kind oscillation on a small glass under a 3-cathode
# planar array: amplitude 0 is the static film exactly; a half-pitch triangular sweep
# (peak-to-peak travel = pitch) averages the array's ripple over one pitch, so the interior
# film is flatter; the Monte Carlo runs it on a widened tally plane (and agrees with the
# fast map to its noise); --life-kWh and the trim optimiser run with it; bad keys exit 2
# naming file, line and key, with no output folder.
set -euo pipefail
MAGTWIN="$1"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$WORK/line.yaml" <<'YAML'
tool:
  name: small planar line
cathodes:
  - name: p
    type: planar-rect
    array: {count: 3, pitch: 200 mm}
    position: [0 mm, 0 mm, 120 mm]
    length: 400 mm
    width: 100 mm
    target: {material: Mo, thickness: 10 mm}
    magnets:
      racetrack:
        straight_length: 300 mm
        track_separation: 50 mm
        profile: {shape: gaussian, sigma: 6 mm}
    discharge: {voltage: 450 V, power: 5 kW, gamma_se: 0.1}
    mesh: {pitch: 5 mm}
substrates:
  - name: glass
    kind: glass
    size_x: 500 mm
    size_y: 300 mm
    pitch: 5 mm
    edge_exclusion: 100 mm
    motion: {kind: static, time: 60 s}
deposition:
  monte_carlo: {histories: 200000, seed: 7}
YAML
osc() {  # name, motion mapping
  sed "s/motion: {kind: static, time: 60 s}/motion: $2/" "$WORK/line.yaml" > "$WORK/$1.yaml"
}
osc zero "{kind: oscillation, time: 60 s, amplitude: 0 mm, period: 7 s, waveform: dwell, dwell: 0.3}"
osc half "{kind: oscillation, time: 60 s, amplitude: 100 mm, period: 10 s, waveform: triangular}"
"$MAGTWIN" deposit "$WORK/line.yaml" --out "$WORK/static" --json > "$WORK/static.json" || fail "static run"
"$MAGTWIN" deposit "$WORK/zero.yaml" --out "$WORK/zero" --json > "$WORK/zero.json" || fail "amplitude 0 run"
"$MAGTWIN" deposit "$WORK/half.yaml" --out "$WORK/half" --json > "$WORK/half.json" || fail "half-pitch run"
"$MAGTWIN" deposit "$WORK/half.yaml" --out "$WORK/half_mc" --method mc --json > "$WORK/half_mc.json" || fail "mc run"
"$MAGTWIN" deposit "$WORK/half.yaml" --out "$WORK/half_used" --life-kWh 20 --json > "$WORK/half_used.json" || fail "used-target run"
for d in zero half half_mc half_used; do
  [ -f "$WORK/$d/thickness_map.png" ] && [ -f "$WORK/$d/summary.json" ] || fail "$d: files missing"
done
/usr/bin/python3 - "$WORK" <<'PY' || fail "oscillation figures"
import json, sys
w = sys.argv[1]
s, z, h, mc, used = (json.load(open(f"{w}/{n}.json")) for n in ["static", "zero", "half", "half_mc", "half_used"])
for k in ["mean_nm", "min_nm", "max_nm", "uniformity_range_pct"]:
    assert z[k] == s[k], (k, z[k], s[k])  # amplitude 0: the static film exactly
# Interior (100 mm edge exclusion) of a 3-cathode array swept over one pitch: flatter.
assert h["uniformity_range_pct"] < 0.5 * s["uniformity_range_pct"], (h["uniformity_range_pct"], s["uniformity_range_pct"])
# The sweep moves atoms around, it does not make them: the mean changes little.
assert abs(h["mean_nm"] / s["mean_nm"] - 1) < 0.05, (h["mean_nm"], s["mean_nm"])
# MC (vacuum) vs the fast map: 2e5 histories over ~1.3e4 points: ~3 % noise per point, the mean ~0.5 %.
assert abs(mc["mean_nm"] / h["mean_nm"] - 1) < 0.02, (mc["mean_nm"], h["mean_nm"])
assert used["mean_nm"] > 0 and used["uniformity_range_pct"] < 0.5 * s["uniformity_range_pct"]
PY

expect_bad() {  # name, expected text, motion mapping
  osc "$1" "$3"
  set +e
  "$MAGTWIN" deposit "$WORK/$1.yaml" --out "$WORK/out_$1" 2> "$WORK/$1.err" > /dev/null
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$1: exit $rc, expected 2 ($(cat "$WORK/$1.err"))"
  grep -q "$WORK/$1.yaml:[0-9]" "$WORK/$1.err" || fail "$1: no file:line in: $(cat "$WORK/$1.err")"
  grep -q -- "$2" "$WORK/$1.err" || fail "$1: expected '$2' in: $(cat "$WORK/$1.err")"
  [ ! -e "$WORK/out_$1" ] || fail "$1: output folder written"
}
expect_bad negative "key 'substrates\[0\].motion.amplitude': must be >= 0" "{kind: oscillation, amplitude: -5 mm, period: 10 s}"
expect_bad no_period "key 'substrates\[0\].motion.period'" "{kind: oscillation, amplitude: 50 mm}"
expect_bad zero_period "key 'substrates\[0\].motion.period': must be > 0" "{kind: oscillation, amplitude: 50 mm, period: 0 s}"
expect_bad bad_waveform "key 'substrates\[0\].motion.waveform'.*sinusoidal, triangular, dwell" "{kind: oscillation, amplitude: 50 mm, period: 10 s, waveform: square}"
expect_bad dwell_range "key 'substrates\[0\].motion.dwell': must be in \[0, 1)" "{kind: oscillation, amplitude: 50 mm, period: 10 s, waveform: dwell, dwell: 1.2}"
expect_bad dwell_unused "key 'substrates\[0\].motion.dwell': used only by waveform dwell" "{kind: oscillation, amplitude: 50 mm, period: 10 s, dwell: 0.2}"
expect_bad static_amplitude "key 'substrates\[0\].motion.amplitude': used only by motion kind oscillation" "{kind: static, amplitude: 50 mm}"
echo "substrate oscillation: OK"
