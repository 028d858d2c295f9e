#!/usr/bin/env bash
# `magtwin foam-case`: tool files it cannot mesh stop with exit status 2, a message naming the
# file, the cathode (or substrate) and the reason, and nothing written (an existing case
# folder is left as it was, no temporary folder remains); a good tool file writes a complete
# case whose patches and entries come from the tool file (FoamDict).
set -uo pipefail
MAGTWIN="$1" ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
TOOL=$ROOT/cases/tools/wafer300_chamber.yaml

# bad NAME SED EXPECT...: the wafer tool file edited by SED is refused with every EXPECT in
# the message, exit 2, and $WORK/out keeps its old content.
bad() {
  local name=$1 edit=$2; shift 2
  sed -E "$edit" "$TOOL" > "$WORK/$name.yaml"
  cmp -s "$TOOL" "$WORK/$name.yaml" && fail "$name: the edit changed nothing"
  rm -rf "$WORK/out"; mkdir -p "$WORK/out"; echo old > "$WORK/out/marker"
  "$MAGTWIN" foam-case "$WORK/$name.yaml" --out "$WORK/out" > "$WORK/$name.out" 2> "$WORK/$name.err"
  local rc=$?
  [ $rc -eq 2 ] || fail "$name: exit status $rc, expected 2 ($(cat "$WORK/$name.err"))"
  for e in "$WORK/$name.yaml" "$@"; do
    grep -qF -- "$e" "$WORK/$name.err" || fail "$name: message lacks '$e': $(cat "$WORK/$name.err")"
  done
  [ "$(ls -A "$WORK/out")" = marker ] && [ "$(cat "$WORK/out/marker")" = old ] || fail "$name: the old folder changed"
  ls -d "$WORK"/out.* 2>/dev/null && fail "$name: a temporary folder remains"
  echo "ok: $name: $(cat "$WORK/$name.err")"
}
bad through-substrate 's/position: \[0 mm, 0 mm, 150 mm\]/position: [0 mm, 0 mm, -10 mm]/' \
  "cathode cu_target" "cuts the substrate plane"
bad zero-gap 's/position: \[0 mm, 0 mm, 150 mm\]/position: [0 mm, 0 mm, 0 mm]/' \
  "cathode cu_target" "cuts the substrate plane" "at z = 0 mm"
bad off-axis 's/position: \[0 mm, 0 mm, 150 mm\]/position: [20 mm, 0 mm, 150 mm]/' \
  "cathode cu_target" "20 mm off the centre of substrate wafer"
bad patch-name 's/name: cu_target/name: walls/; s/feeds: \[cu_target\]/feeds: [walls]/g; s/cathode: cu_target/cathode: walls/' \
  "cathode walls" "also the patch of the walls"
bad scan 's/motion: \{kind: rotation, time: 30 s\}/motion: {kind: scan, speed: 10 mm\/s}/' \
  "substrate wafer" "motion.kind scan"
# The rotary line (cases/tools/gen10_5_rotary_line.yaml): tool files it cannot mesh.
ROT=$ROOT/cases/tools/gen10_5_rotary_line.yaml
badrot() { local save=$TOOL; TOOL=$ROT; bad "$@"; TOOL=$save; }
# Longer than any chamber (the reader's 10 m limit; the tool file describes no chamber wall).
badrot tube-too-long 's/length: 4100 mm/length: 12000 mm/' "cathode tube01" "length = 12 m is larger than any sputter tool's"
badrot tube-through-substrate 's/position: \[0 mm, 0 mm, 250 mm\]/position: [0 mm, 0 mm, 50 mm]/' \
  "cathode tube01" "cuts the substrate plane"
badrot tubes-overlap 's/array: \{count: 14, pitch: 270 mm\}/array: {count: 14, pitch: 120 mm}/' \
  "cathode tube02 overlaps cathode tube01"
# Apart, but too close for the O-grids (foam-case's own check), or too near the glass.
badrot tubes-too-close 's/array: \{count: 14, pitch: 270 mm\}/array: {count: 14, pitch: 170 mm}/' \
  "cathode tube01: its axis is 170 mm from cathode tube02's" "O-grids need"
badrot tube-near-glass 's/position: \[0 mm, 0 mm, 250 mm\]/position: [0 mm, 0 mm, 97 mm]/' \
  "cathode tube01: its surface is 21 mm above the substrate plane"
# A swinging magnet bar: deposit averages over the swing, sputteredFlux does not.
badrot tube-wobble 's/amplitude: 0 deg /amplitude: 20 deg /' "cathode tube01: magnets.motion wobble amplitude 20 deg"
# A planar target among the tubes: named.
sed -E 's/^substrates:/  - {name: plate, type: planar-rect, position: [0 mm, 2000 mm, 250 mm], length: 500 mm, width: 100 mm, target: {material: Mo, thickness: 10 mm}, magnets: {racetrack: {straight_length: 300 mm, track_separation: 50 mm, profile: {shape: gaussian, sigma: 5 mm}}}, discharge: {voltage: 500 V, power: 1 kW}}\nsubstrates:/' \
  "$ROT" > "$WORK/mixed.yaml"
"$MAGTWIN" foam-case "$WORK/mixed.yaml" --out "$WORK/mixed" 2> "$WORK/mixed.err"
rc=$?
if [ $rc -eq 2 ] && grep -q "cathode plate" "$WORK/mixed.err" && [ ! -e "$WORK/mixed" ]; then
  echo "ok: mixed: $(cat "$WORK/mixed.err")"
else
  fail "planar among tubes (exit $rc): $(cat "$WORK/mixed.err")"
fi
# The rotary line itself: each tube its own patch (surface and end cap) with foam-dict's
# entries and its trim, the glass, shields, walls and the symmetry plane y = 0 (half chamber).
"$MAGTWIN" foam-case "$ROT" --cells 20000 --out "$WORK/rotary" > "$WORK/rotary.out" || fail "foam-case on $ROT"
grep -q "symmetry reduction: half along the tube axes" "$WORK/rotary.out" || fail "rotary: no half-chamber reduction"
for p in tube01 tube07 tube14 glass shields walls symmetry; do
  grep -q "^    $p\$" "$WORK/rotary/system/blockMeshDict" || fail "rotary: no patch $p in blockMeshDict"
  grep -q "^    $p\$" "$WORK/rotary/0/c" || fail "rotary: no patch $p in 0/c"
done
grep -A2 "^    symmetry\$" "$WORK/rotary/system/blockMeshDict" | grep -q "type symmetryPlane;" || fail "rotary: symmetry is no symmetryPlane"
[ "$(grep -c "arc " "$WORK/rotary/system/blockMeshDict")" -gt 100 ] || fail "rotary: no arc edges (tubes not round)"
"$MAGTWIN" foam-dict "$ROT" --cathode tube07 --substrate glass --out "$WORK/tube07" > /dev/null
# foam-dict writes the nominal power: compare all but the trimmed current and the comments.
diff <(grep -v -e '^//' -e ionCurrent "$WORK/tube07") <(grep -v -e '^//' -e ionCurrent "$WORK/rotary/constant/source.tube07") \
  || fail "rotary: tube07's entries differ from foam-dict's"
grep -A8 "^    tube07\$" "$WORK/rotary/0/c" | grep -q "origin  *(-0.135 0 0.25);" || fail "rotary: tube07's axis"
grep -q "lineOfSightSource   \"(tube01|" "$WORK/rotary/0/c" || fail "rotary: the glass does not see every tube"
# In a gas the half chamber too (the thermalised source sees the walls through the mirror).
sed -E 's/^  pressure: 0 Pa .*/  pressure: 0.5 Pa/' "$ROT" > "$WORK/rotary-gas.yaml"
cmp -s "$ROT" "$WORK/rotary-gas.yaml" && fail "rotary gas: the edit changed nothing"
"$MAGTWIN" foam-case "$WORK/rotary-gas.yaml" --out "$WORK/rotary-gas" > "$WORK/rotary-gas.out" || fail "foam-case rotary at 0.5 Pa"
grep -q "symmetry reduction: half along the tube axes" "$WORK/rotary-gas.out" && \
  grep -q "type symmetryPlane;" "$WORK/rotary-gas/system/blockMeshDict" || fail "rotary gas: no half chamber in a gas"
# A circular target beside a second cathode: named.
"$MAGTWIN" foam-case "$ROOT/cases/tools/cosputter_nipdptru.yaml" --out "$WORK/cosputter" 2> "$WORK/cosputter.err"
[ $? -eq 2 ] && grep -q "cathode .*: foam-case meshes" "$WORK/cosputter.err" && [ ! -e "$WORK/cosputter" ] \
  || fail "cosputter: $(cat "$WORK/cosputter.err")"

# The good file: every file of the case, the cathode's entries those of foam-dict.
"$MAGTWIN" foam-case "$TOOL" --cells 20000 --out "$WORK/case" > "$WORK/case.out" || fail "foam-case on $TOOL"
for f in Allrun Allclean 0/c constant/source.cu_target constant/filmSource constant/transportProperties \
         constant/dynamicMeshDict system/blockMeshDict system/controlDict system/fvSchemes system/fvSolution \
         system/decomposeParDict; do
  [ -s "$WORK/case/$f" ] || fail "missing $f"
done
[ -x "$WORK/case/Allrun" ] || fail "Allrun is not executable"
"$MAGTWIN" foam-dict "$TOOL" --cathode cu_target --substrate wafer --out "$WORK/src" --film-out "$WORK/film" > /dev/null
diff <(grep -v '^//' "$WORK/src") <(grep -v '^//' "$WORK/case/constant/source.cu_target") || fail "source entries differ from foam-dict's"
diff <(grep -v '^//' "$WORK/film") <(grep -v '^//' "$WORK/case/constant/filmSource") || fail "film entries differ from foam-dict's"
grep -q 'WM_PROJECT_DIR=./usr/share/openfoam' "$WORK/case/Allrun" || fail "Allrun does not set WM_PROJECT_DIR"
grep -q "LD_LIBRARY_PATH='/" "$WORK/case/Allrun" || fail "Allrun's library path is not absolute"
grep -q '^endTime *30;' "$WORK/case/system/controlDict" || fail "endTime is not the wafer's motion time (30 s)"
grep -q 'radius 0.147;' "$WORK/case/system/controlDict" || fail "quality area is not 150 mm - 3 mm"
for p in cu_target wafer shields walls; do
  grep -q "^    $p\$" "$WORK/case/system/blockMeshDict" || fail "no patch $p in blockMeshDict"
  grep -q "^    $p\$" "$WORK/case/0/c" || fail "no patch $p in 0/c"
done

# A gas (0.5 Pa): Cu in Ar has no calibration of the fast gas model (deposit refuses it too);
# Mo in Ar: the case takes the gas and the film's diffusivity from the film file, the targets
# carry foam-dict's gas entries (volume-born thermalised share, sticking 1).
bad gas-uncalibrated 's/^  gas: Ar$/  gas: Ar\n  pressure: 0.5 Pa/' "cathode cu_target" "Mo in Ar only" "deposition.gas_model"
sed -E 's/^  gas: Ar$/  gas: Ar\n  pressure: 0.5 Pa/; s/material: Cu$/material: Mo/; s/film: \{material: Cu\}/film: {material: Mo}/' \
  "$TOOL" > "$WORK/gas.yaml"
cmp -s "$TOOL" "$WORK/gas.yaml" && fail "gas: the edit changed nothing"
"$MAGTWIN" foam-case "$WORK/gas.yaml" --cells 20000 --out "$WORK/gascase" > /dev/null || fail "foam-case at 0.5 Pa"
grep -q '^#include "filmSource"' "$WORK/gascase/constant/transportProperties" \
  && grep -q '^D  *\$diffusivity;' "$WORK/gascase/constant/transportProperties" || fail "gas: transportProperties"
grep -q '^gasPressure  *0.5;' "$WORK/gascase/constant/filmSource" || fail "gas: no gasPressure in filmSource"
grep -q '^stickingCoefficient  *1;' "$WORK/gascase/constant/source.cu_target" || fail "gas: the target does not absorb"

# --life: a bad life point is refused (exit 2, nothing written); past the end of life names it.
for life in "5 m" "-3 kWh" "soon"; do
  "$MAGTWIN" foam-case "$TOOL" --life "$life" --out "$WORK/life-bad" 2> "$WORK/life-bad.err"
  [ $? -eq 2 ] && grep -q -- "--life" "$WORK/life-bad.err" && [ ! -e "$WORK/life-bad" ] \
    || fail "--life $life: $(cat "$WORK/life-bad.err")"
done
"$MAGTWIN" foam-case "$TOOL" --life "1e6 kWh" --out "$WORK/life-bad" 2> "$WORK/life-bad.err"
[ $? -eq 2 ] && grep -q "$TOOL: --life 1000000 kWh: past the end of life of the targets" "$WORK/life-bad.err" \
  && [ ! -e "$WORK/life-bad" ] || fail "--life past the end of life: $(cat "$WORK/life-bad.err")"
# A good life point: the erosion phase's files (sputterErosion on the cathode with foam-dict's
# entries, one targetErosion per cathode) beside the film phase's.
"$MAGTWIN" foam-case "$TOOL" --cells 20000 --life "500 kWh" --out "$WORK/life" > /dev/null || fail "foam-case --life"
for f in 0/pointDisplacement system/controlDict.erosion system/controlDict.film constant/dynamicMeshDict.erosion \
         constant/dynamicMeshDict.film; do
  [ -s "$WORK/life/$f" ] || fail "--life: missing $f"
done
grep -A3 "^    cu_target$" "$WORK/life/0/pointDisplacement" | grep -q "type  *sputterErosion;" || fail "--life: no sputterErosion"
grep -q '#include  *"$FOAM_CASE/constant/source.cu_target"' "$WORK/life/0/pointDisplacement" || fail "--life: entries"
grep -q "type  *targetErosion;" "$WORK/life/system/controlDict.erosion" || fail "--life: no targetErosion"
grep -q "^startFrom  *latestTime;" "$WORK/life/system/controlDict.film" || fail "--life: the film does not start eroded"
# 500 kWh at the tool file's 20 kW: 90000 s of erosion.
grep -q "^endTime  *90000;" "$WORK/life/system/controlDict.erosion" || fail "--life: erosion time is not 500 kWh / 20 kW"
# --life on the rotary line: refused naming a tube (the tubes' moving-mesh erosion is not
# generated), nothing written.
"$MAGTWIN" foam-case "$ROT" --life "500 kWh" --out "$WORK/life-rot" 2> "$WORK/life-rot.err"
[ $? -eq 2 ] && grep -q "cathode 'tube01': --life erodes planar targets only" "$WORK/life-rot.err" \
  && [ ! -e "$WORK/life-rot" ] || fail "--life on tubes: $(cat "$WORK/life-rot.err")"
# process.sticking: out of [0, 1] or not a number, and shields or walls that give atoms back at
# 0 Pa (the collisionless case cannot follow them) are refused naming the file, line and key.
bad sticking-range 's/^  gas: Ar$/  gas: Ar\n  sticking: {walls: 1.5}/' "process.sticking.walls" "must be in [0, 1]"
bad sticking-negative 's/^  gas: Ar$/  gas: Ar\n  sticking:\n    shields: -0.1/' "process.sticking.shields" \
  "must be in [0, 1]"
bad sticking-text 's/^  gas: Ar$/  gas: Ar\n  sticking: {targets: plenty}/' "process.sticking.targets"
bad sticking-vacuum 's/^  gas: Ar$/  gas: Ar\n  sticking: {walls: 0.5}/' "process.sticking.walls" "0 Pa"
# At 0.5 Pa the case takes them: the target's Robin uptake, the shields' and the walls', and
# the walls give back (1 - s) of the targets' ballistic arrivals (ballisticSticking).
sed -E 's/^  pressure: 0.5 Pa$/  pressure: 0.5 Pa\n  sticking: {targets: 0.8, shields: 60 %, walls: 0.5}/' \
  "$WORK/gas.yaml" > "$WORK/gas-sticking.yaml"
cmp -s "$WORK/gas.yaml" "$WORK/gas-sticking.yaml" && fail "gas-sticking: the edit changed nothing"
"$MAGTWIN" foam-case "$WORK/gas-sticking.yaml" --cells 20000 --out "$WORK/stickcase" > /dev/null \
  || fail "foam-case with process.sticking"
grep -q '^stickingCoefficient  *0.8;' "$WORK/stickcase/constant/source.cu_target" || fail "sticking: target not 0.8"
patch_entries() { sed -n "/^    $1\$/,/^    }/p" "$WORK/stickcase/0/c"; }
patch_entries shields | grep -q 'stickingCoefficient 0.6;' || fail "sticking: shields not 0.6"
patch_entries shields | grep -q 'ballisticSticking' && fail "sticking: the shields (in the targets' plane) get arrivals"
patch_entries walls | grep -q 'stickingCoefficient 0.5;' && patch_entries walls | grep -q 'ballisticSticking   0.5;' \
  && patch_entries walls | grep -q 'lineOfSightSource   cu_target;' || fail "sticking: walls: $(patch_entries walls)"
echo "PASS"
