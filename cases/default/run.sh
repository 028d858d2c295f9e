#!/usr/bin/env bash
# Default case (until the deposition check lands): Ar+ sputtering yields of Mo, a display
# gate-metal target, from 20 eV to 20 keV with every model, the validation table against
# measured yields, and a verdict on the default model's accuracy.
set -euo pipefail
BIN=$(realpath "$1")
mkdir -p "$2"; OUT=$(realpath "$2")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VALDIR=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
mkdir -p "$OUT"
"$BIN" yield --ion Ar --target Mo --energy 20:20000:log:120 \
  --model sigmund1969 --model chen1985 --model yamamura1996 \
  --csv "$OUT/yield_Ar_Mo.csv" --plot "$OUT/yield_Ar_Mo.png" --validation-dir "$VALDIR"
if [ -d "$VALDIR/yields" ]; then
  (cd "$OUT" && "$BIN" yield --validate --validation-dir "$VALDIR" --csv yield_validation.csv) > "$OUT/yield_validation.txt"
  best=$(awk -F, '$1=="Ar" && (m=="" || $5<m) {m=$5; n=$2} END {printf "%s %.3f", n, m}' "$OUT/yield_validation.csv")
  set -- $best
  verdict=$(awk -v v="$2" 'BEGIN{print (v <= 0.16) ? "PASS" : "FAIL"}')
  echo "VERDICT: $verdict - best Ar+ yield model $1 has median |ln(Y/Y_exp)| = $2 (target <= 0.16) over measured 100 eV-5 keV yields; outputs: $OUT/yield_Ar_Mo.png, $OUT/yield_Ar_Mo.csv (opens in ParaView), $OUT/yield_validation.csv"
else
  y=$("$BIN" yield --ion Ar --target Mo --energy 600 --json)
  echo "VERDICT: NO-DATA - validation data not found at $VALDIR; Ar+ -> Mo at 600 eV: $y; outputs: $OUT/yield_Ar_Mo.png, $OUT/yield_Ar_Mo.csv"
fi
