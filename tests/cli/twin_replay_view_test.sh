#!/usr/bin/env bash
# `twin replay` on the Gen-10.5 rotary line (the 12-glass recipe, 14 array members), its map
# series read back through ParaView's own readers, and `magtwin view` on the replay folder.
#  - maps.pvd lists one map per mapped interval (--map-every 1): 24 maps, each with
#    film_rate_nm_s (Float32) and in_quality_area on the 10 mm grid (338 x 295 points);
#  - U = (max - min)/(max + min) recomputed from every map read by ParaView equals the
#    replay's uniformity.csv row to 1e-5 relative (Float32 storage: 6e-8 per value);
#  - `magtwin view DIR` picks the replay kind and writes a 1600 x 900 PNG.
# usage: twin_replay_view_test.sh MAGTWIN PVBATCH    (skipped, exit 77, without pvbatch
# unless MAGTWIN_REQUIRE_PARAVIEW=1)
set -euo pipefail
MAGTWIN=$1 PVBATCH=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "$PVBATCH" ]; then
  echo "pvbatch not found at $PVBATCH (scripts/install-paraview.sh installs it)"
  [ "${MAGTWIN_REQUIRE_PARAVIEW:-0}" = 1 ] && exit 1
  exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
TOOL=$ROOT/cases/tools/gen10_5_rotary_line.yaml
"$MAGTWIN" twin simulate-log "$TOOL" --recipe "$ROOT/cases/recipes/gen10_5_mo_gate.yaml" --out "$tmp/log.csv" >/dev/null
"$MAGTWIN" twin sync "$TOOL" "$tmp/log.csv" --store "$tmp/s.db" >/dev/null 2>&1
"$MAGTWIN" twin replay "$TOOL" --store "$tmp/s.db" --out "$tmp/r" --map-every 1 2>/dev/null
for f in report.json maps.pvd uniformity.csv uniformity.png steps.csv; do
  [ -f "$tmp/r/$f" ] || { echo "FAIL: no $f in the replay folder"; exit 1; }
done
cat > "$tmp/check.py" <<'PY'
import sys, xml.etree.ElementTree as ET, os
from paraview import servermanager
from paraview.simple import OpenDataFile
d = sys.argv[1]
rows = [l.strip().split(",") for l in open(os.path.join(d, "uniformity.csv")).readlines()[1:]]
reader = OpenDataFile(os.path.join(d, "maps.pvd"))
times = list(reader.TimestepValues)
assert len(times) == len(rows) == 24, (len(times), len(rows))
for k, t in enumerate(times):
    reader.UpdatePipeline(t)
    data = servermanager.Fetch(reader)
    assert data.GetNumberOfPoints() == 338 * 295, data.GetNumberOfPoints()
    rate = data.GetPointData().GetArray("film_rate_nm_s")
    mask = data.GetPointData().GetArray("in_quality_area")
    assert rate is not None and mask is not None
    assert rate.GetDataTypeAsString() == "float", rate.GetDataTypeAsString()
    q = [rate.GetValue(i) for i in range(rate.GetNumberOfTuples()) if mask.GetValue(i) > 0.5]
    u = 100.0 * (max(q) - min(q)) / (max(q) + min(q))
    want = float(rows[k][1])
    assert abs(u - want) <= 1e-5 * want, (k, u, want)
print("ok: %d maps, U %.4f .. %.4f %%" % (len(times), min(float(r[1]) for r in rows), max(float(r[1]) for r in rows)))
PY
"$PVBATCH" "$tmp/check.py" "$tmp/r" 2>&1 | grep -v "^$" | tail -3 | tee "$tmp/check.out"
grep -q "^ok:" "$tmp/check.out" || { echo "FAIL: the map series does not read back"; exit 1; }
PVBATCH=$PVBATCH "$MAGTWIN" view "$tmp/r" --png "$tmp/view.png" > "$tmp/view.out" 2> "$tmp/view.err" \
  || { cat "$tmp/view.err"; echo "FAIL: magtwin view"; exit 1; }
grep -q '"view": "replay"' "$tmp/view.out" || { cat "$tmp/view.out"; echo "FAIL: not the replay view"; exit 1; }
size=$(python3 -c "import struct,sys; b=open(sys.argv[1],'rb').read(24); print(*struct.unpack('>II', b[16:24]))" "$tmp/view.png")
[ "$size" = "1600 900" ] || { echo "FAIL: view.png is $size"; exit 1; }
echo "ok: magtwin view drew the replay picture ($size)"
