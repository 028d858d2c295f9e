#!/usr/bin/env bash
# `magtwin deposit --life-sweep` end to end on small used-target cases (planar Mo targets
# over a plate a few hundred mm wide, 5 mm grid; end of life ~60-90 kWh):
#  - a sweep at N = 1 equals a single `deposit --life-kWh` run value for value (both print
#    6 significant digits of the same computation);
#  - the fixed recipe's spec crossing (interpolated between sweep points) is within 1 % of a
#    bisection on single runs (the spec is put between U at the first and the last point);
#  - every promised file is written; bad --life-sweep arguments exit 2 naming the argument
#    and leave no output folder.
set -euo pipefail
MAGTWIN="$1"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

header() {  # size_x size_y (mm), optimise (true/false), uniformity target (%): tool file head
cat <<YAML
tool: {name: life_sweep_test}
substrates:
  - {name: plate, kind: glass, size_x: $1 mm, size_y: $2 mm, pitch: 5 mm, edge_exclusion: 10 mm,
     motion: {kind: static, time: 60 s}, spec: {uniformity_target: $4 %}}
deposition: {optimise: {power_trims: $3}}
cathodes:
YAML
}
planar() {  # name, power (kW), count, centre x (mm), track sigma (mm), loop length (mm)
  local array=""
  [ "$3" -gt 1 ] && array="array: {count: $3, pitch: 160 mm}, "
cat <<YAML
  - {name: $1, type: planar-rect, ${array}position: [$4 mm, 0 mm, 100 mm], length: 300 mm, width: 120 mm,
     target: {material: Mo, thickness: 6 mm},
     magnets: {racetrack: {straight_length: $(( $6 - 60 )) mm, track_separation: 60 mm, turnaround_enhancement: 1.2,
               profile: {shape: gaussian, sigma: $5 mm}}},
     discharge: {voltage: 450 V, power: $2 kW}, mesh: {pitch: 3 mm}}
YAML
}
write_case() {  # $1 file, $2 optimise (true/false), $3 uniformity target (%)
  { header 500 400 "$2" "$3"; planar pair 3 2 0 6 260; } > "$1"
}

# N = 1 equals a single run (trims re-optimised at that life point, as a single run does).
write_case "$WORK/opt.yaml" true 3
"$MAGTWIN" deposit "$WORK/opt.yaml" --out "$WORK/single" --life-kWh 50 --json > "$WORK/single.json" || fail "single run"
"$MAGTWIN" deposit "$WORK/opt.yaml" --out "$WORK/sweep1" --life-sweep 50:50:1 > /dev/null || fail "sweep N=1"
for f in life_sweep.csv life_sweep.png summary.json; do [ -s "$WORK/sweep1/$f" ] || fail "missing $f"; done
if [ -f "$WORK/single/thickness.vts" ]; then
  [ -s "$WORK/sweep1/life_sweep.pvd" ] && [ -s "$WORK/sweep1/maps/life_0000.vts" ] || fail "missing the .pvd series"
fi
/usr/bin/python3 - "$WORK/single.json" "$WORK/sweep1/life_sweep.csv" <<'PY' || fail "N = 1 differs from the single run"
import csv, json, sys
single = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(l for l in open(sys.argv[2]) if not l.startswith('#')))
assert len(rows) == 1, rows
r = rows[0]
pairs = [("uniformity_range_pct", "U_retrimmed_pct"), ("uniformity_sigma_pct", "sigma_retrimmed_pct"),
         ("mean_nm", "mean_retrimmed_nm"), ("min_nm", "min_retrimmed_nm"), ("max_nm", "max_retrimmed_nm")]
for a, b in pairs:
    assert float(r[b]) == single[a], (a, single[a], b, r[b])
for k, c in enumerate(single["cathodes"]):
    assert float(r["trim_%d" % (k + 1)]) == c["trim"], (k, c["trim"], r["trim_%d" % (k + 1)])
assert float(r["life_kWh"]) == single["life_kWh"] == 50
PY

# Fixed-recipe crossing vs bisection on single runs (trims fixed at 1: optimise off). Two
# targets with a narrow and a wide track: the narrow one's groove walls steepen faster and
# sputter more (Y(E, theta) > Y(E, 0)), so the film tilts toward it and U rises over life
# (end of life ~60 kWh).
write_two_tracks() {  # $1 file, $2 uniformity target (%)
  { header 300 200 false "$2"; planar narrow 3.3 1 -80 4 260; planar wide 3 1 80 8 240; } > "$1"
}
write_two_tracks "$WORK/probe.yaml" 3
"$MAGTWIN" deposit "$WORK/probe.yaml" --out "$WORK/probe" --life-sweep 0:40:2 --json > "$WORK/probe.json" || fail "probe sweep"
SPEC=$(/usr/bin/python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["points"]
u0, u1 = p[0]["U_fixed_pct"], p[-1]["U_fixed_pct"]
assert u1 > u0 * 1.02, ("U must rise over life for this test", u0, u1)
print("%.6g" % (0.5 * (u0 + u1)))' "$WORK/probe.json") || fail "probe: $SPEC"
write_two_tracks "$WORK/fixed.yaml" "$SPEC"
"$MAGTWIN" deposit "$WORK/fixed.yaml" --out "$WORK/sweep" --life-sweep 0:40:13 --json > "$WORK/sweep.json" || fail "sweep"
lo=0; hi=40
for i in $(seq 1 12); do
  mid=$(/usr/bin/python3 -c "print(($lo + $hi) / 2)")
  "$MAGTWIN" deposit "$WORK/fixed.yaml" --out "$WORK/b" --life-kWh "$mid" --json > "$WORK/b.json" || fail "bisection run"
  if /usr/bin/python3 -c "import json,sys; sys.exit(0 if json.load(open('$WORK/b.json'))['uniformity_range_pct'] > $SPEC else 1)"; then
    hi=$mid
  else
    lo=$mid
  fi
done
/usr/bin/python3 - "$WORK/sweep.json" "$lo" "$hi" <<'PY' || fail "crossing differs from the bisection"
import json, sys
x = json.load(open(sys.argv[1]))["fixed_recipe_leaves_spec_kWh"]
ref = 0.5 * (float(sys.argv[2]) + float(sys.argv[3]))
print("crossing: sweep %.2f kWh, bisection %.2f kWh" % (x, ref))
assert x is not None and abs(x / ref - 1) < 0.01, (x, ref)
PY

# Bad arguments: exit 2, the message names --life-sweep, nothing written.
for bad in "0:100" "a:100:3" "0:100:0" "200:100:3" "0:1e9:3"; do
  set +e
  "$MAGTWIN" deposit "$WORK/fixed.yaml" --out "$WORK/bad" --life-sweep "$bad" > /dev/null 2> "$WORK/err.txt"
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "--life-sweep $bad: exit $rc, expected 2"
  grep -q -- "--life-sweep" "$WORK/err.txt" || fail "--life-sweep $bad: message does not name the argument: $(cat "$WORK/err.txt")"
  [ -e "$WORK/bad" ] && fail "--life-sweep $bad: output written"
  ls "$WORK" | grep -q 'tmp-' && fail "temporary folder left behind"
done
echo "life sweep command: OK"
