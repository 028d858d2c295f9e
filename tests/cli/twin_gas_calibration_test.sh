#!/usr/bin/env bash
# `magtwin twin calibrate` fitting the gas-scattering strength, on `twin simulate-log` logs
# with a known injected sigma_eff (8e-21 m^2, the tool file's reference 6.31e-21) and
# metrology of every wafer with 1 % seeded Gaussian noise (direct transport, as replay):
#  - over 20 seeds the fit says "fitted", and the truth (LOG.truth.json's gas.sigma_eff_m2)
#    lies within the reported 1-sigma in 68.3 % of the seeds and within 2 sigma in 95.4 %
#    (binomial 3-sigma bands for 20 trials: +-31 % and +-14 %), never beyond 4 sigma;
#  - the calibration is in the store: `twin replay` then predicts with it (its report names
#    the gas sigma_eff of the calibration);
#  - vacuum (tool and recipe at 0 Pa): not fitted, the record says why; --gas off: not
#    fitted; bad --gas / --metrology-method values exit 2.
# usage: twin_gas_calibration_test.sh MAGTWIN TOOL RECIPE
set -euo pipefail
MAGTWIN=$1 TOOL=$2 RECIPE=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-gasfit.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
TRUTH=8e-21

run() {  # SEED TOOL RECIPE NAME [calibrate options...]
  local seed=$1 tool=$2 recipe=$3 name=$4
  shift 4
  "$MAGTWIN" twin simulate-log "$tool" --recipe "$recipe" --out "$WORK/$name.csv" --seed "$seed" --metrology-every 1 \
    --metrology-dir "$WORK/$name-met" --metrology-noise 1 --metrology-method direct --gas-sigma-eff "$TRUTH" > /dev/null
  "$MAGTWIN" twin sync "$tool" "$WORK/$name.csv" --store "$WORK/$name.sqlite" > /dev/null
  "$MAGTWIN" twin calibrate "$tool" --store "$WORK/$name.sqlite" --metrology "$WORK/$name-met"/*.csv --json "$@" \
    > "$WORK/$name-cal.json" 2> "$WORK/$name-cal.err" || { cat "$WORK/$name-cal.err"; fail "calibrate $name"; }
}

for seed in $(seq 1 20); do
  run "$seed" "$TOOL" "$RECIPE" "s$seed"
done
/usr/bin/python3 - "$WORK" <<'PY' || fail "gas strength coverage"
import json, sys
work = sys.argv[1]
z, est, sig = [], [], []
for seed in range(1, 21):
    truth = json.load(open(f"{work}/s{seed}.truth.json"))["gas"]["sigma_eff_m2"]
    cal = json.load(open(f"{work}/s{seed}-cal.json"))
    g = cal["gas"]
    assert g["fitted"] and g["status"] == "fitted", (seed, g)
    assert g["sigma_m2"] > 0, (seed, g)
    z.append(abs(g["sigma_eff_m2"] - truth) / g["sigma_m2"])
    est.append(g["sigma_eff_m2"]); sig.append(g["sigma_m2"])
n = len(z)
in1 = 100.0 * sum(v <= 1 for v in z) / n
in2 = 100.0 * sum(v <= 2 for v in z) / n
mean = sum(est) / n
print("gas strength over %d seeds: truth %.4g m2, mean recovered %.4g m2 (%+.2f %%), mean 1-sigma %.3g m2 (%.2f %%); "
      "within 1 sigma %.0f %%, 2 sigma %.0f %%, largest |z| %.2f"
      % (n, truth, mean, 100 * (mean / truth - 1), sum(sig) / n, 100 * sum(sig) / n / truth, in1, in2, max(z)), file=sys.stderr)
assert abs(in1 - 68.3) <= 31 and abs(in2 - 95.4) <= 14 and max(z) < 4, (in1, in2, max(z))
PY

# the calibration is stored and replay predicts with its gas strength
"$MAGTWIN" twin replay "$TOOL" --store "$WORK/s1.sqlite" --out "$WORK/replay" --json > "$WORK/replay.json" 2> /dev/null ||
  fail "replay after the gas calibration"
grep -q '"calibration":"v1 ceres-lm[^"]*+ gas sigma_eff; gas sigma_eff [0-9.e-]* m2"' "$WORK/replay.json" ||
  { grep -o '"calibration":"[^"]*"' "$WORK/replay.json"; fail "replay does not use the calibration's gas strength"; }

# vacuum: the tool's process pressure and the recipe's chamber pressure 0
sed 's/pressure: 1 Pa}/pressure: 0 Pa}/' "$TOOL" > "$WORK/vacuum.yaml"
sed 's/pressure: 1 Pa,/pressure: 0 Pa,/' "$RECIPE" > "$WORK/vacuum-recipe.yaml"
grep -q "pressure: 0 Pa" "$WORK/vacuum.yaml" && grep -q "pressure: 0 Pa" "$WORK/vacuum-recipe.yaml" || fail "vacuum copies"
run 1 "$WORK/vacuum.yaml" "$WORK/vacuum-recipe.yaml" vacuum
grep -q '"gas":{"status":"not fitted: vacuum' "$WORK/vacuum-cal.json" || { cat "$WORK/vacuum-cal.json"; fail "vacuum: fitted"; }
grep -q '"fitted":false' "$WORK/vacuum-cal.json" || fail "vacuum: fitted flag"
# --gas off
"$MAGTWIN" twin calibrate "$TOOL" --store "$WORK/s1.sqlite" --metrology "$WORK/s1-met"/*.csv --gas off --json > "$WORK/off.json" 2>/dev/null
grep -q '"gas":{"status":"not fitted: --gas off"' "$WORK/off.json" || { cat "$WORK/off.json"; fail "--gas off"; }

# bad values: exit 2
set +e
"$MAGTWIN" twin calibrate "$TOOL" --store "$WORK/s1.sqlite" --gas maybe > /dev/null 2>&1; rc1=$?
"$MAGTWIN" twin simulate-log "$TOOL" --recipe "$RECIPE" --out "$WORK/x.csv" --metrology-method mc > /dev/null 2>&1; rc2=$?
set -e
[ "$rc1" -eq 2 ] && [ "$rc2" -eq 2 ] || fail "bad input: exit $rc1 / $rc2, expected 2"
[ ! -e "$WORK/x.csv" ] || fail "a bad simulate-log option wrote output"
echo PASS
