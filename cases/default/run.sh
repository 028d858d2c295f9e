#!/usr/bin/env bash
# Default case of the README's main job: the display engineer's question. Does the
# Gen-10.5 rotary line (tool file cases/tools/gen10_5_rotary_line.yaml) keep the film
# within 3 % over 2940 x 3370 mm glass? Writes the thickness map for ParaView, the ParaView
# picture of it, the yield curves of the target material, and one verdict line.
#   usage: run.sh MAGTWIN_BINARY OUTPUT_DIR
set -euo pipefail
BIN=$(realpath "$1")
mkdir -p "$2"
OUT=$(realpath "$2")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VALDIR=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
CASE=$ROOT/cases/tools/gen10_5_rotary_line.yaml

echo "[default] 1/3 deposition on the tool file $CASE" >&2
rm -rf "$OUT/deposition"
"$BIN" deposit "$CASE" --out "$OUT/deposition" >&2

echo "[default] 2/3 ParaView picture of the thickness map" >&2
"$BIN" view "$OUT/deposition" --png "$OUT/gen10_5_thickness.png" >&2

echo "[default] 3/3 Ar+ -> Mo yield curves (all models, measured points when available)" >&2
"$BIN" yield --ion Ar --target Mo --energy 20:20000:log:120 \
  --model sigmund1969 --model chen1985 --model yamamura1996 \
  --csv "$OUT/yield_Ar_Mo.csv" --plot "$OUT/yield_Ar_Mo.png" --validation-dir "$VALDIR" >&2

SUMMARY=$OUT/deposition/summary.json
num() { sed -nE "s/.*\"$1\": *([-0-9.eE+]+).*/\1/p" "$SUMMARY" | head -n1; }
pass=$(sed -nE 's/.*"pass": *(true|false).*/\1/p' "$SUMMARY" | head -n1)
verdict=FAIL; [ "$pass" = true ] && verdict=PASS
printf 'VERDICT: %s - Gen-10.5 glass 2940 x 3370 mm under the rotary Mo tube array (cases/tools/gen10_5_rotary_line.yaml, new targets): U = (max-min)/(max+min) = %.2f %% (target < %s %%), sigma/mean = %.2f %%, mean %.1f nm, edge exclusion %s mm; ParaView: %s; PNG: %s\n' \
  "$verdict" "$(num uniformity_range_pct)" "$(num target_pct)" "$(num uniformity_sigma_pct)" "$(num mean_nm)" \
  "$(num edge_exclusion_mm)" "$OUT/deposition/thickness.vts" "$OUT/gen10_5_thickness.png"
