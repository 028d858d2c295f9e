#!/usr/bin/env bash
# Every JSON magtwin writes stays valid, and gives back the names it was given, when the
# folder, tool, cathode, substrate and target names hold quotes, backslashes, a tab and
# non-ASCII text (RFC 8259 via util/Json.hpp). The shipped 300 mm wafer chamber and its recipe are copied into a folder named `out "q" \b é` with such names (coarse grids and
# a 3 mm target so that every command is cheap), then: deposit, deposit --life-sweep, compare,
# deposit --design-search, erode, tool check --json, yield --json, twin simulate-log, sync,
# status, replay and forecast. Every .json file written and every --json print must parse
# (Python's json module, a strict RFC 8259 reader) and carry the names back unchanged.
# usage: json_names_test.sh MAGTWIN SOURCE_DIR
set -euo pipefail
MAGTWIN=$1 SRC=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-json.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
DIR="$WORK/out \"q\" \\b é"
mkdir -p "$DIR"

# The names, as YAML single-quoted scalars (backslash and double quote are literal there).
/usr/bin/python3 - "$SRC" "$DIR" <<'PY' || fail "writing the tool files"
import re, sys
src, out = sys.argv[1], sys.argv[2]
TOOL, CATH, SUB, TID = "'wafer \"q\" \\b é'", "'cu \"t\" \\ é'", "'wafer \"w\" \\\té'", "'CU \"7\" \\ é'"
t = open(f"{src}/cases/tools/wafer300_chamber.yaml", encoding="utf-8").read()
t = t.replace("  name: wafer300_chamber", "  name: " + TOOL).replace("cu_target", CATH)
t = t.replace("  - name: wafer\n", "  - name: " + SUB + "\n")
t = t.replace("    pitch: 1 mm", "    pitch: 6 mm").replace("mesh: {pitch: 3 mm}", "mesh: {pitch: 6 mm}")
t = t.replace("      thickness: 20 mm", "      thickness: 3 mm")  # a short life: cheap life sweeps and compare
t = t.replace("grid_spacing: 2 mm", "grid_spacing: 6 mm")
open(f"{out}/wafer chamber \"é\".yaml", "w", encoding="utf-8").write(t)
r = open(f"{src}/cases/recipes/wafer300_cu_seed.yaml", encoding="utf-8").read()
r = r.replace("cu_target", CATH).replace("count: 25", "count: 3").replace("CU-450-0117", TID)
r = re.sub(r"events:\n(  - .*\n)*", "", r)  # three wafers, no events
open(f"{out}/recipe.yaml", "w", encoding="utf-8").write(r)
PY
TOOL="$DIR/wafer chamber \"é\".yaml"
CATH='cu "t" \ é'
run() {  # NAME ARGS...: stdout to DIR/NAME.stdout.json
  local name=$1
  shift
  "$MAGTWIN" "$@" > "$DIR/$name.stdout.json" 2> "$DIR/$name.err" || { cat "$DIR/$name.err"; fail "$name: magtwin $*"; }
}
run deposit deposit "$TOOL" --out "$DIR/deposit" --json
run sweep deposit "$TOOL" --out "$DIR/sweep" --life-sweep 0:20:2 --json
run compare compare "$TOOL" "$TOOL" --out "$DIR/compare" --life-points 2 --json
run design deposit "$TOOL" --design-search --design-ring-mm 100:160 --design-sigma-mm 10:30 --design-throw-mm 120:200 \
  --out "$DIR/design" --json
run erode erode "$TOOL" --cathode "$CATH" --out "$DIR/erode" --json
run check tool check "$TOOL" --json
run yield yield --target Cu --energy 100:1000:log:3 --json
"$MAGTWIN" twin simulate-log "$TOOL" --recipe "$DIR/recipe.yaml" --out "$DIR/log.csv" --seed 7 > /dev/null ||
  fail "simulate-log"
run sync twin sync "$TOOL" "$DIR/log.csv" --store "$DIR/s.sqlite" --json
run status twin status --store "$DIR/s.sqlite" --json
run replay twin replay "$TOOL" --store "$DIR/s.sqlite" --out "$DIR/replay" --json
run forecast twin forecast "$TOOL" --store "$DIR/s.sqlite" --json

/usr/bin/python3 - "$DIR" "$TOOL" <<'PY' || fail "JSON outputs"
import glob, json, os, sys
d, toolPath = sys.argv[1], sys.argv[2]
TOOL, CATH, SUB, TID = 'wafer "q" \\b é', 'cu "t" \\ é', 'wafer "w" \\\té', 'CU "7" \\ é'
docs = {}
files = sorted(glob.glob(os.path.join(glob.escape(d), "**", "*.json"), recursive=True))
assert len(files) == 19, files  # 12 --json prints, 7 files
for f in files:
    with open(f, encoding="utf-8") as h:  # strict: invalid UTF-8 or JSON raises
        text = h.read()
    try:
        docs[os.path.relpath(f, d)] = json.loads(text)
    except json.JSONDecodeError as e:
        raise SystemExit(f"{f}: {e}")

def values(x):  # every string anywhere in a document
    if isinstance(x, dict):
        for v in x.values(): yield from values(v)
    elif isinstance(x, list):
        for v in x: yield from values(v)
    elif isinstance(x, str):
        yield x

for name in ["deposit/summary.json", "deposit.stdout.json"]:
    s = docs[name]
    assert s["config"] == toolPath, (name, s["config"])
    assert s["cathodes"][0]["name"] == CATH, s["cathodes"]
assert docs["sweep/summary.json"]["config"] == toolPath
assert docs["sweep.stdout.json"] == docs["sweep/summary.json"]
for name in ["compare/compare.json", "compare.stdout.json"]:
    for col in docs[name]["columns"]:
        # compare names a column by its file's stem and the substrate by its kind
        assert col["file"] == toolPath and col["tool"] == 'wafer chamber "é"' and col["cathode"] == CATH, col
        assert col["substrate"] == "wafer", col["substrate"]
for name in ["design/design.json", "design.stdout.json"]:
    assert docs[name]["tool"] == TOOL and docs[name]["cathode"] == CATH
assert docs["design/summary.json"]["cathodes"][0]["name"] == CATH
assert docs["erode/summary.json"] == docs["erode.stdout.json"]
assert docs["erode/summary.json"]["life_kWh"] > 0
check = docs["check.stdout.json"]
assert check["cathodes"][0]["name"] == CATH and check["substrates"][0]["name"] == SUB, check
assert check["supplies"][0]["feeds"] == [CATH]
assert len(docs["yield.stdout.json"]) == 3
assert docs["log.truth.json"]["tool"] == TOOL
assert TID in set(values(docs["log.truth.json"]))
assert docs["sync.stdout.json"]["files"][0]["path"] == os.path.join(d, "log.csv")
t = docs["status.stdout.json"]["targets"][0]
assert (t["tool"], t["source"], t["target_id"]) == (TOOL, CATH, TID), t
assert docs["replay/report.json"] == docs["replay.stdout.json"]
assert TID in set(values(docs["replay/report.json"])) and CATH in set(values(docs["replay/report.json"]))
assert docs["forecast.stdout.json"]["eol"][0]["target_id"] == TID
print(f"{len(files)} JSON files valid, names round-trip")
PY
echo "json names: OK"
