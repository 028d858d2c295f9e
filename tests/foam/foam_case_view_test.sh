#!/usr/bin/env bash
# `magtwin view` on a 3-D `magtwin foam-case` case (the 300 mm wafer chamber, --cells 15000, run
# through its Allrun): the picture is written, the substrate's colour range is the film's range
# in results/film.csv (filmUniformity's per-face film: an independent path through the function
# object, 1e-6 relative: both are the same doubles printed to 10 digits), the cathode is named,
# and both halves of the PNG hold colour (not a blank render); then, with a known pointDisplacement
# written into the last time, the cathodes' colour range is that displacement's depth range.
#   usage: foam_case_view_test.sh WORKDIR MAGTWIN PVBATCH
# Exit 77 (skipped) without ParaView unless MAGTWIN_REQUIRE_PARAVIEW=1.
set -uo pipefail
WORK=$1 MAGTWIN=$2 PVBATCH=$3
fail() { echo "FAIL: $*"; exit 1; }
if [ ! -x "$PVBATCH" ] || ! command -v xvfb-run > /dev/null; then
  [ "${MAGTWIN_REQUIRE_PARAVIEW:-0}" = 1 ] && fail "ParaView (pvbatch) or xvfb-run missing"
  echo "SKIP: no ParaView"; exit 77
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rm -rf "$WORK"; mkdir -p "$WORK"
"$MAGTWIN" foam-case "$ROOT/cases/tools/wafer300_chamber.yaml" --cells 15000 --out "$WORK/case" > /dev/null || fail "foam-case"
(cd / && env -i /bin/sh "$WORK/case/Allrun") > "$WORK/allrun.log" 2>&1 || { tail -20 "$WORK/allrun.log"; fail "Allrun"; }
MAGTWIN_PVBATCH=$PVBATCH "$MAGTWIN" view "$WORK/case" --png "$WORK/view.png" --size 1200x600 > "$WORK/view.json" 2> "$WORK/view.err" \
  || { cat "$WORK/view.err"; fail "magtwin view"; }
/usr/bin/python3 - "$WORK/view.json" "$WORK/case/results/film.csv" "$WORK/view.png" <<'PY' || fail "the 3-D picture"
import csv, json, sys, zlib, struct
rep = json.loads([l for l in open(sys.argv[1]) if l.startswith("{")][-1])
film = [1e9 * float(r["thickness_m"]) for r in csv.DictReader(open(sys.argv[2]))]
lo, hi = rep["thickness_nm_range"]
print("view: substrate %s, cathodes %s, film %.4f .. %.4f nm; film.csv %.4f .. %.4f nm"
      % (rep["substrate"], rep["cathodes"], lo, hi, min(film), max(film)))
assert rep["view"] == "openfoam-3d" and rep["substrate"] == "wafer" and rep["cathodes"] == ["cu_target"], rep
assert abs(lo / min(film) - 1) < 1e-6 and abs(hi / max(film) - 1) < 1e-6, "colour range is not the film's range"
assert rep["erosion_depth_mm_range"] is None  # foam-case's targets do not move
# PNG: decode (8-bit RGB/RGBA, no interlace) and count coloured pixels in each half.
data = open(sys.argv[3], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b"IHDR": w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
bpp = {2: 3, 6: 4}[ctype]; raw = zlib.decompress(idat); stride = w * bpp
prev = bytearray(stride); coloured = [0, 0]
for y in range(h):
    f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    for x in range(0, w, 2):
        r, g, bl = line[x * bpp:x * bpp + 3]
        if max(r, g, bl) - min(r, g, bl) > 60: coloured[0 if x < w // 2 else 1] += 1
print("coloured pixels (sampled every 2nd column): left %d, right %d" % tuple(coloured))
assert coloured[0] > 2000 and coloured[1] > 10000, coloured
PY
# The erosion colouring: an eroding case writes pointDisplacement (sputterErosion); give this one
# a known displacement d = (0, 0, depth(x, y)) at the last time and check that the cathode's colour
# range is min/max |d| over the cu_target patch's points, computed here from the mesh files.
T=$(ls "$WORK/case" | grep -E '^[0-9.]+$' | sort -g | tail -1)
/usr/bin/python3 - "$WORK/case" "$T" > "$WORK/expected_depth" <<'PY' || fail "pointDisplacement"
import re, sys
case, t = sys.argv[1], sys.argv[2]
def body(path):
    text = open(path).read()
    return text[text.index("(", text.index("}")) + 1:text.rindex(")")]  # after the FoamFile header
pts = [tuple(map(float, m)) for m in re.findall(r"\(([^()]+) ([^()]+) ([^()]+)\)", body(case + "/constant/polyMesh/points"))]
faces = [list(map(int, m.split())) for m in re.findall(r"\d+\(([\d ]+)\)", body(case + "/constant/polyMesh/faces"))]
bnd = open(case + "/constant/polyMesh/boundary").read()
m = re.search(r"cu_target\s*\{[^}]*nFaces\s+(\d+);[^}]*startFace\s+(\d+);", bnd)
n, start = int(m.group(1)), int(m.group(2))
depth = lambda x, y: 1e-3 * (1.0 + 30 * x * x + 3 * y)  # m; positive on the target (|x|, |y| < 0.2 m)
patch = {p for f in faces[start:start + n] for p in f}
d = [depth(*pts[p][:2]) for p in patch]
with open("%s/%s/pointDisplacement" % (case, t), "w") as out:
    out.write("FoamFile { version 2.0; format ascii; class pointVectorField; object pointDisplacement; }\n"
              "dimensions [0 1 0 0 0 0 0];\ninternalField nonuniform List<vector> %d\n(\n" % len(pts))
    out.write("".join("(0 0 %.12g)\n" % depth(x, y) for x, y, z in pts))
    out.write(");\nboundaryField\n{\n" + "".join("    %s { type calculated; }\n" % p
                                               for p in ("cu_target", "wafer", "shields", "walls")) + "}\n")
print(1e3 * min(d), 1e3 * max(d))
PY
MAGTWIN_PVBATCH=$PVBATCH "$MAGTWIN" view "$WORK/case" --png "$WORK/view-eroded.png" --size 1200x600 > "$WORK/view-eroded.json" \
  2> "$WORK/view-eroded.err" || { cat "$WORK/view-eroded.err"; fail "magtwin view (eroded)"; }
/usr/bin/python3 - "$WORK/view-eroded.json" "$WORK/expected_depth" <<'PY' || fail "erosion depth colouring"
import json, sys
rep = json.loads([l for l in open(sys.argv[1]) if l.startswith("{")][-1])
lo, hi = map(float, open(sys.argv[2]).read().split())
got = rep["erosion_depth_mm_range"]
print("cathode colour range %s mm; |pointDisplacement| on cu_target %.6f .. %.6f mm" % (got, lo, hi))
# 1e-6 relative: the same doubles, written with 12 digits.
assert got is not None and abs(got[0] / lo - 1) < 1e-6 and abs(got[1] / hi - 1) < 1e-6
PY
echo "PASS"
