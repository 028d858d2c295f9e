#!/usr/bin/env bash
# Compound and alloy targets through the command line (issue 19):
#  1. the shipped ITO rotary and IGZO planar tool files check, erode and deposit; the ITO
#     film's thickness is the ITO film density's (summary.json), the erosion's life and
#     utilization agree with `deposit --life-sweep` (the same engine);
#  2. bad input in `tool check`, `erode` and `deposit`: composition fractions that do not
#     sum to 1 (the message gives the sum and the convention, at.% or wt%), an unknown
#     element, a composition without density, a film whose elements no target sputters:
#     exit 2, file:line: key, nothing written;
#  3. `foam-dict`: a library material by its name, a composition by its atom fractions and
#     density (the entries the OpenFOAM boundary conditions read).
#   usage: compound_targets_test.sh MAGTWIN ROOT
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
PY=/usr/bin/python3

# 1. The shipped compound tool files.
ITO=$ROOT/cases/tools/ito_rotary_cathode.yaml
IGZO=$ROOT/cases/tools/igzo_planar_cathode.yaml
"$MAGTWIN" tool check "$ITO" > "$WORK/ito.check" || fail "tool check ito_rotary_cathode"
"$MAGTWIN" tool check "$IGZO" > "$WORK/igzo.check" || fail "tool check igzo_planar_cathode"
# A composition of the user's own (wt%, named) and library compounds read back from the
# resolved file to the same objects (the resolved file writes atom fractions).
CE=$ROOT/tests/consistency/compound_erosion.yaml
"$MAGTWIN" tool check "$CE" --yaml "$WORK/ce.resolved.yaml" > /dev/null || fail "tool check compound_erosion"
"$MAGTWIN" tool check "$WORK/ce.resolved.yaml" --yaml "$WORK/ce.again.yaml" > /dev/null || fail "resolved compound_erosion"
diff <(tail -n +2 "$WORK/ce.resolved.yaml") <(tail -n +2 "$WORK/ce.again.yaml") > /dev/null \
  || fail "compound_erosion: resolved file does not read back to the same objects"
cmp -s <("$MAGTWIN" tool check "$CE" --json) <("$MAGTWIN" tool check "$WORK/ce.resolved.yaml" --json) \
  || fail "compound_erosion: resolved file lists other objects"
"$MAGTWIN" tool check "$ITO" --json > "$WORK/ito.json"
"$MAGTWIN" tool check "$IGZO" --json > "$WORK/igzo.json"
$PY - "$WORK/ito.json" "$WORK/igzo.json" <<'PY' || fail "tool check --json materials"
import json, sys
assert json.load(open(sys.argv[1]))["cathodes"][0]["material"] == "ITO"
assert json.load(open(sys.argv[2]))["cathodes"][0]["material"] == "IGZO"
PY
"$MAGTWIN" erode "$IGZO" --cathode planar --out "$WORK/igzo-erode" > "$WORK/igzo-erode.log" \
  || fail "erode igzo: $(tail -5 "$WORK/igzo-erode.log")"
"$MAGTWIN" erode "$ITO" --cathode tube --out "$WORK/ito-erode" > "$WORK/ito-erode.log" \
  || fail "erode ito: $(tail -5 "$WORK/ito-erode.log")"
"$MAGTWIN" deposit "$ITO" --out "$WORK/ito-dep" > "$WORK/ito-dep.log" || fail "deposit ito: $(tail -5 "$WORK/ito-dep.log")"
"$MAGTWIN" deposit "$IGZO" --life-sweep 0:1000:2 --out "$WORK/igzo-sweep" > "$WORK/igzo-sweep.log" \
  || fail "deposit --life-sweep igzo: $(tail -5 "$WORK/igzo-sweep.log")"
"$MAGTWIN" deposit "$ITO" --life-kWh 10000 --out "$WORK/ito-used" > "$WORK/ito-used.log" \
  || fail "deposit --life-kWh ito: $(tail -5 "$WORK/ito-used.log")"
for d in igzo-erode ito-erode; do [ -f "$WORK/$d/summary.json" ] || fail "$d: no summary.json"; done
$PY - "$WORK" <<'PY' || fail "compound erosion / deposition summaries"
import json, math, os, sys
w = sys.argv[1]
def load(p): return json.load(open(os.path.join(w, p)))
# erode and deposit --life-sweep run one engine: the same end of life (1e-9 relative).
e, s = load("igzo-erode/summary.json"), load("igzo-sweep/summary.json")
assert e["material"] == "IGZO", e["material"]
assert abs(e["life_kWh"] - s["end_of_life_kWh"]) <= 1e-9 * e["life_kWh"], (e["life_kWh"], s["end_of_life_kWh"])
# Utilization = eroded volume / target volume (1500 x 200 x 6 mm = 1800 cm^3): the engine's
# own bookkeeping against the tool file's plate, 1e-9 relative.
assert abs(e["utilization"] - e["eroded_volume_cm3"] / 1800.0) <= 1e-9, (e["utilization"], e["eroded_volume_cm3"])
r = load("ito-erode/summary.json")
assert r["material"] == "ITO" and r["cathode"] == "rotary"
# rotary: the tube annulus 2700 mm long between radii 76 and 66.5 mm
tube = math.pi * (7.6 ** 2 - 6.65 ** 2) * 270.0
assert abs(r["utilization"] - r["eroded_volume_cm3"] / tube) <= 1e-6, (r["utilization"], r["eroded_volume_cm3"] / tube)
for p in ("ito-dep/summary.json", "ito-used/summary.json"):
    d = load(p)
    assert d["film"] == "ITO" and d["mean_nm"] > 0, p
print(f"IGZO planar: life {e['life_kWh']:.6g} kWh, utilization {100 * e['utilization']:.4g} %; "
      f"ITO rotary: life {r['life_kWh']:.6g} kWh, utilization {100 * r['utilization']:.4g} %")
PY

# 2. Bad input: exit 2, file:line: key, nothing written.
cat > "$WORK/good.yaml" <<'YAML'
tool:
  name: compound test chamber
cathodes:
  - name: gun
    type: planar-circular
    position: [0 mm, 0 mm, 100 mm]
    radius: 50 mm
    target:
      composition: {In: 0.3563, Sn: 0.0365, O: 0.6072}
      density: 7.14 g/cm3
      thickness: 6 mm
    magnets:
      racetrack: {ring_radius: 25 mm, profile: {shape: gaussian, sigma: 5 mm}}
    discharge: {voltage: 400 V, power: 500 W}
    mesh: {pitch: 3 mm}
substrates:
  - name: wafer
    kind: wafer
    diameter: 100 mm
    pitch: 5 mm
    edge_exclusion: 5 mm
    film: {material: target}
erosion:
  grid_spacing: 3 mm
  max_depth_increment: 0.5 mm
YAML
"$MAGTWIN" tool check "$WORK/good.yaml" > /dev/null || fail "good.yaml does not check"
expect_bad() {  # NAME SED_EXPR PATTERN...: each command exits 2 with every pattern, writes nothing
  local name="$1" edit="$2"
  shift 2
  sed -e "$edit" "$WORK/good.yaml" > "$WORK/$name.yaml"
  cmp -s "$WORK/$name.yaml" "$WORK/good.yaml" && fail "$name: the edit changed nothing"
  local cmd
  for cmd in check erode deposit; do
    local out="$WORK/$name.$cmd.out" rc
    set +e
    case $cmd in
      check) "$MAGTWIN" tool check "$WORK/$name.yaml" --yaml "$out" > /dev/null 2> "$WORK/$name.err" ;;
      erode) "$MAGTWIN" erode "$WORK/$name.yaml" --cathode gun --out "$out" > /dev/null 2> "$WORK/$name.err" ;;
      deposit) "$MAGTWIN" deposit "$WORK/$name.yaml" --out "$out" > /dev/null 2> "$WORK/$name.err" ;;
    esac
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "$name ($cmd): exit $rc, expected 2 ($(cat "$WORK/$name.err"))"
    for p in "$@"; do grep -q -- "$p" "$WORK/$name.err" || fail "$name ($cmd): stderr lacks '$p': $(cat "$WORK/$name.err")"; done
    [ -z "$(ls -d "$out"* 2>/dev/null)" ] || fail "$name ($cmd): output written"
  done
  echo "ok: $name: $(head -1 "$WORK/$name.err")"
}
KEY="key 'cathodes\[0\].target"
expect_bad sum_atom 's/O: 0.6072/O: 0.5072/' "$WORK/sum_atom.yaml:9: $KEY.composition'" "sum to 0.9" "at.%"
expect_bad sum_weight 's/      density: 7.14 g\/cm3/      composition_basis: weight\n      density: 7.14 g\/cm3/; s/In: 0.3563, Sn: 0.0365, O: 0.6072/In: 74.4, Sn: 7.9, O: 7.7/' \
  "$WORK/sum_weight.yaml:9: $KEY.composition'" "sum to 90" "wt.%"
expect_bad unknown_element 's/Sn: 0.0365/Xx: 0.0365/' "$WORK/unknown_element.yaml:9: $KEY.composition" "'Xx' is not a known element"
expect_bad no_density '/density: 7.14 g\/cm3/d' "$WORK/no_density.yaml:9: $KEY.composition'" "needs the target's bulk density"
expect_bad film_elements 's/film: {material: target}/film: {material: TiN}/' \
  "$WORK/film_elements.yaml:22: key 'substrates\[0\].film.material'" "contains Ti, which no target of this tool sputters"

# 3. foam-dict: library name vs composition + density.
"$MAGTWIN" foam-dict "$ITO" --cathode tube --out "$WORK/ito.toolSource" > /dev/null
grep -qE '^target +ITO;$' "$WORK/ito.toolSource" || fail "foam-dict ITO: $(cat "$WORK/ito.toolSource")"
! grep -q 'targetComposition' "$WORK/ito.toolSource" || fail "foam-dict ITO writes a composition for a library material"
"$MAGTWIN" foam-dict "$ITO" --cathode tube --substrate glass --out "$WORK/ito.src2" --film-out "$WORK/ito.film" > /dev/null
grep -qE '^filmElement +ITO;$' "$WORK/ito.film" || fail "foam-dict ITO film: $(cat "$WORK/ito.film")"
"$MAGTWIN" foam-dict "$WORK/good.yaml" --cathode gun --out "$WORK/custom.toolSource" --substrate wafer \
  --film-out "$WORK/custom.film" > /dev/null
$PY - "$WORK/custom.toolSource" "$WORK/custom.film" <<'PY' || fail "foam-dict composition entries"
import re, sys
src, film = open(sys.argv[1]).read(), open(sys.argv[2]).read()
def comp(text, key):
    m = re.search(r"^%s\s+\(([^)]*)\);" % key, text, re.M)
    assert m, (key, text)
    t = m.group(1).split()
    return dict(zip(t[0::2], map(float, t[1::2])))
c = comp(src, "targetComposition")
# the file's atom fractions, normalised (they sum to 1 within the reader's 1e-3)
want = {"In": 0.3563, "Sn": 0.0365, "O": 0.6072}
s = sum(want.values())
assert set(c) == set(want) and all(abs(c[k] - want[k] / s) < 1e-9 for k in want), c
assert abs(float(re.search(r"^targetDensity\s+([^;]+);", src, re.M).group(1)) - 7.14) < 1e-12
assert comp(film, "filmComposition") == c
assert abs(float(re.search(r"^filmDensity\s+([^;]+);", film, re.M).group(1)) - 7.14) < 1e-12
print("foam-dict composition:", c)
PY
# A library material with the tool file's own density is no longer the library's: composition.
sed -e 's/      composition: {In: 0.3563, Sn: 0.0365, O: 0.6072}/      material: ITO/' "$WORK/good.yaml" > "$WORK/itodensity.yaml"
"$MAGTWIN" foam-dict "$WORK/itodensity.yaml" --cathode gun --out "$WORK/itodensity.toolSource" > /dev/null
grep -q '^targetComposition' "$WORK/itodensity.toolSource" || fail "ITO at 7.14 g/cm3: no composition written"

# compare: a custom ITO composition (planar-circular, good.yaml's cathode on a static wafer)
# against a library ITO tube; the target mass bought uses each target's own density.
sed -e 's/    film: {material: target}/    motion: {kind: static, time: 60 s}\n    film: {material: target}/' "$WORK/good.yaml" > "$WORK/cmp-planar.yaml"
cat > "$WORK/cmp-rotary.yaml" <<'YAML'
tool: {name: rotary ITO}
cathodes:
  - name: tube
    type: rotary
    position: [0 mm, 0 mm, 140 mm]
    length: 400 mm
    outer_radius: 40 mm
    target: {material: ITO, thickness: 8 mm, magnet_distance: 14 mm}
    magnets:
      racetrack: {straight_length: 300 mm, track_separation: 50 mm, profile: {shape: gaussian, sigma: 7 mm}}
    discharge: {voltage: 400 V, power: 1 kW}
    mesh: {pitch: 4 mm, angular_pitch: 6 deg}
substrates:
  - {name: wafer, kind: wafer, diameter: 100 mm, pitch: 5 mm, edge_exclusion: 5 mm, motion: {kind: static, time: 60 s}}
erosion: {grid_spacing: 4 mm, max_depth_increment: 0.4 mm}
YAML
"$MAGTWIN" compare "$WORK/cmp-planar.yaml" "$WORK/cmp-rotary.yaml" --out "$WORK/cmp" > "$WORK/cmp.log" \
  || fail "compare: $(tail -5 "$WORK/cmp.log")"
[ -f "$WORK/cmp/compare.json" ] || fail "compare: no compare.json"

# 4. The twin: a logged compound target (library ITO, and a composition of the user's own)
#    syncs, replays and exports its OpenFOAM power table (tests/cli/twin_tool_small.yaml with
#    its Mo target replaced, a wafer added for the replay's maps).
$PY - "$WORK/run.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("export\nTime,P,Note\n")
    for i in range(40):
        f.write("2025-01-01 00:%02d:%02d,%g,n\n" % (i * 10 // 60, i * 10 % 60, [0.25, 0.5, 1, 1.5][(i // 10) % 4]))
PY
for variant in library custom; do
  if [ $variant = library ]; then target='{material: ITO, thickness: 6 mm}'
  else target='{composition: {In: 0.3563, Sn: 0.0365, O: 0.6072}, density: 7.14 g\/cm3, name: ITO-lab, thickness: 6 mm}'; fi
  sed "s/target: {material: Mo, thickness: 6 mm}/target: $target/" "$ROOT/tests/cli/twin_tool_small.yaml" > "$WORK/twin-$variant.yaml"
  printf 'substrates:\n  - {name: wafer, kind: wafer, diameter: 100 mm, pitch: 5 mm, edge_exclusion: 5 mm}\n' >> "$WORK/twin-$variant.yaml"
  grep -q "material: Mo" "$WORK/twin-$variant.yaml" && fail "twin $variant: the target was not replaced"
  "$MAGTWIN" twin sync "$WORK/twin-$variant.yaml" "$WORK/run.csv" --store "$WORK/$variant.sqlite" > /dev/null || fail "twin sync $variant"
  "$MAGTWIN" twin status --store "$WORK/$variant.sqlite" > "$WORK/$variant.status" || fail "twin status $variant"
  want=$([ $variant = library ] && echo ITO || echo ITO-lab)
  grep -q " $want " "$WORK/$variant.status" || fail "twin status $variant: no material $want: $(cat "$WORK/$variant.status")"
  "$MAGTWIN" twin replay "$WORK/twin-$variant.yaml" --store "$WORK/$variant.sqlite" --out "$WORK/$variant-replay" > /dev/null \
    || fail "twin replay $variant"
  "$MAGTWIN" twin export-foam "$WORK/twin-$variant.yaml" --store "$WORK/$variant.sqlite" --cathode c1 --out "$WORK/$variant-foam" \
    > /dev/null || fail "twin export-foam $variant"
done
echo "compound targets: OK"
