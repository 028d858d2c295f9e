#!/usr/bin/env bash
# `magtwin deposit` and the film's composition (docs/deposit.md, "Composition"):
#  1. An elemental film is unchanged: the shipped wafer chamber (one Cu target) gives the
#     summary numbers and the thickness.csv bytes of magtwin before compositions existed
#     (tests/cli/deposit_elemental_gold.json), plus "composition": Cu at 100 at.%, range 0.
#  2. The shipped four-gun library (cases/tools/cosputter_nipdptru.yaml): four species whose
#     mean at.% sum to 100, each varying over the substrate, <El>_fraction fields in
#     thickness.vts and columns in thickness.csv, fractions summing to 1 at every point; the
#     fast map's composition against the direct view-factor sum's (independent transport) as
#     the mean Euclidean composition distance (pySIMTRA's metric, arXiv:2411.14413).
#  3. A compound target (ITO) gives its bulk composition everywhere, O included.
#  4. Co-sputtering with --method mc exits 2 (the Monte Carlo tallies one material).
# usage: deposit_composition_test.sh MAGTWIN SOURCE_DIR
set -euo pipefail
MAGTWIN=$1 SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$SRC"

"$MAGTWIN" deposit cases/tools/wafer300_chamber.yaml --out "$WORK/wafer" --csv > /dev/null 2> "$WORK/wafer.err" ||
  { cat "$WORK/wafer.err"; fail "wafer run"; }
/usr/bin/python3 - "$WORK/wafer" tests/cli/deposit_elemental_gold.json <<'PY' || fail "elemental film changed"
import hashlib, json, sys
out, gold = sys.argv[1], json.load(open(sys.argv[2]))
s = json.load(open(out + "/summary.json"))
for k, v in gold["summary"].items():
    assert s[k] == v, (k, s[k], v)  # bit for bit: the JSON writer prints round-trip digits
assert s["cathodes"][0]["atoms_per_s_at_trim_1"] == gold["cathode_atoms_per_s"]
sha = hashlib.sha256(open(out + "/thickness.csv", "rb").read()).hexdigest()
assert sha == gold["thickness_csv_sha256"], sha
c = s["composition"]
assert c["basis"] == "atomic" and c["thickness_rule"] == "film-material", c
assert list(c["species"]) == ["Cu"], c
cu = c["species"]["Cu"]
assert cu["mean_at_pct"] == 100 and cu["min_at_pct"] == 100 and cu["max_at_pct"] == 100, cu
assert cu["uniformity_at_pct"] == 0, cu
PY
grep -q 'Name="Cu_fraction"' "$WORK/wafer/thickness.vts" || fail "Cu_fraction missing from thickness.vts"

# A compound target (the library's ITO, In2O3:SnO2 90:10 wt%) with its film: the bulk
# composition at every point (min = max), O incorporated, the film-material rule.
sed -e 's/^      material: Cu$/      material: ITO/' -e 's/film: {material: Cu}/film: {material: ITO}/' \
  cases/tools/wafer300_chamber.yaml > "$WORK/ito.yaml"
"$MAGTWIN" deposit "$WORK/ito.yaml" --out "$WORK/ito" --json > "$WORK/ito.json" 2> "$WORK/ito.err" ||
  { cat "$WORK/ito.err"; fail "ITO run"; }
/usr/bin/python3 - "$WORK/ito.json" <<'PY' || fail "ITO composition"
import json, sys
s = json.load(open(sys.argv[1]))
c = s["composition"]
assert c["thickness_rule"] == "film-material" and s["film"] == "ITO", (c, s["film"])
assert sorted(c["species"]) == ["In", "O", "Sn"], c
for el, v in c["species"].items():
    assert v["min_at_pct"] == v["max_at_pct"] and v["uniformity_at_pct"] == 0, (el, v)
    assert abs(v["mean_at_pct"] - v["min_at_pct"]) < 1e-9, (el, v)
assert abs(sum(v["min_at_pct"] for v in c["species"].values()) - 100) < 1e-9, c
# In2O3:SnO2 90:10 wt% -> In:Sn:O = 2x0.9/277.63 : 0.1/150.71 : 3x0.9/277.63 + 2x0.1/150.71 by moles
# of atoms (M(In2O3) = 277.63, M(SnO2) = 150.71 g/mol): In 35.62, Sn 3.646, O 60.73 at.%.
ni, ns = 0.9 / 277.634, 0.1 / 150.709
at = {"In": 2 * ni, "Sn": ns, "O": 3 * ni + 2 * ns}
tot = sum(at.values())
for el, v in c["species"].items():
    assert abs(v["min_at_pct"] - 100 * at[el] / tot) < 0.01, (el, v["min_at_pct"], 100 * at[el] / tot)
PY

TOOL=cases/tools/cosputter_nipdptru.yaml
"$MAGTWIN" deposit $TOOL --out "$WORK/lib" --csv > "$WORK/lib.txt" 2> "$WORK/lib.err" ||
  { cat "$WORK/lib.err"; fail "library run"; }
grep -q "^composition (at.%, quality area, thickness rule volume-additivity): Ni " "$WORK/lib.txt" ||
  fail "verdict lacks the composition line: $(cat "$WORK/lib.txt")"
for el in Ni Pd Pt Ru; do
  grep -q "Name=\"${el}_fraction\"" "$WORK/lib/thickness.vts" || fail "${el}_fraction missing from thickness.vts"
done
"$MAGTWIN" deposit $TOOL --out "$WORK/lib-direct" --method direct --csv > /dev/null 2> "$WORK/direct.err" ||
  { cat "$WORK/direct.err"; fail "library run (direct)"; }
/usr/bin/python3 - "$WORK/lib" "$WORK/lib-direct" <<'PY' || fail "library composition"
import csv, json, math, sys
fast, direct = sys.argv[1], sys.argv[2]
s = json.load(open(fast + "/summary.json"))
c = s["composition"]
assert c["thickness_rule"] == "volume-additivity", c
sp = c["species"]
assert list(sp) == ["Ni", "Pd", "Pt", "Ru"], list(sp)
# The means are means of per-point fractions that sum to 1: they sum to 100 at.%.
assert abs(sum(v["mean_at_pct"] for v in sp.values()) - 100) < 1e-9, sp
for el, v in sp.items():
    assert 0 < v["min_at_pct"] < v["mean_at_pct"] < v["max_at_pct"] < 100, (el, v)
    assert abs(v["uniformity_at_pct"] - (v["max_at_pct"] - v["min_at_pct"])) < 1e-12, (el, v)
    assert v["uniformity_at_pct"] > 5, (el, v)  # guns 60 mm off centre: a library, not a uniform film
def rows(folder):
    with open(folder + "/thickness.csv") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines))
a, b = rows(fast), rows(direct)
assert len(a) == len(b) > 0
worst, dist = 0.0, []
for ra, rb in zip(a, b):
    fa = [float(ra[e + "_fraction"]) for e in sp]
    fb = [float(rb[e + "_fraction"]) for e in sp]
    worst = max(worst, abs(sum(fa) - 1))  # CSV: 8 significant digits
    dist.append(100 * math.sqrt(sum((x - y) ** 2 for x, y in zip(fa, fb))))
mean = sum(dist) / len(dist)
print("fast vs direct: mean Euclidean composition distance %.4f at.%%, max %.4f at.%%; max |sum f - 1| %.1e"
      % (mean, max(dist), worst))
assert worst < 4e-8, worst
# The fast method's maps are within ~2e-4 of the direct sum (docs/benchmarks.md): the
# composition within ~0.05 at.%, 70x below pySIMTRA's 3.5 % against measured libraries.
assert mean < 0.05 and max(dist) < 0.2, (mean, max(dist))
PY

set +e
"$MAGTWIN" deposit $TOOL --out "$WORK/mc" --method mc > /dev/null 2> "$WORK/mc.err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "--method mc on co-sputtering: exit $rc ($(cat "$WORK/mc.err"))"
grep -q "tallies one sputtered material.*co-sputtering" "$WORK/mc.err" || fail "mc message: $(cat "$WORK/mc.err")"
[ -e "$WORK/mc" ] && fail "mc: output folder written"
echo "deposit composition: OK"
