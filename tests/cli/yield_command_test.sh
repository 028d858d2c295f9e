#!/usr/bin/env bash
# Runs the real `magtwin yield` binary: outputs, JSON shape, and exit status 2 with a
# message naming the argument for every kind of bad input.
set -u
BIN=$1
VALDIR=${2:-}
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect_exit() {  # expected_code pattern args...
  local want=$1 pattern=$2; shift 2
  "$BIN" "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: magtwin $* exited $got, want $want"; cat "$tmp/err"; fail=1; return; fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/out" "$tmp/err"; then
    echo "FAIL: magtwin $*: output lacks /$pattern/"; cat "$tmp/out" "$tmp/err"; fail=1; return; fi
  echo "ok: magtwin $* -> $got"
}

expect_exit 0 "yield" yield --help
expect_exit 0 '"model":"yamamura1996"' yield --ion Ar --target Mo --energy 600 --json
expect_exit 0 '"threshold_eV":[0-9]' yield --ion Ar --target Mo --energy 600 --model chen1985 --json
expect_exit 0 '"threshold_eV":null' yield --ion Ar --target Mo --model sigmund1969 --json
expect_exit 0 "atoms/ion" yield --ion Ar --target Cu --energy 500 --angle 60
expect_exit 2 "--ion 'Zz'.*accepted" yield --ion Zz --target Mo
expect_exit 2 "--target 'Ar' is not a known target material" yield --ion Ar --target Ar
expect_exit 2 "unknown yield model 'foo'.*chen1985" yield --target Mo --model foo
expect_exit 2 "energy must be > 0" yield --target Mo --energy 0
expect_exit 2 "energy must be > 0" yield --target Mo --energy -3
expect_exit 2 "--angle must be in" yield --target Mo --angle 90
expect_exit 2 "malformed range" yield --target Mo --energy 50:100
expect_exit 2 "scale must be" yield --target Mo --energy 50:100:cube:5
expect_exit 2 "" yield --target Mo --no-such-flag

# Compound and alloy targets (boundary/data/materials.csv): total, partial yields, surface.
for t in ITO IGZO MoNb Mo-Nb TiN TaN AlNd AlCu AlSiCu AZO WTi CuMn MoTi; do
  expect_exit 0 "surface at.%" yield --target "$t" --energy 500
done
expect_exit 0 '"components":\[\{"element":"In","bulk_fraction":0.356' yield --target ITO --energy 500 --json
expect_exit 2 "'ITOO' is not a known target material \(did you mean 'ITO'\?\)" yield --target ITOO --energy 500
expect_exit 2 "did you mean 'MoNb'" yield --target MoNbb
# Steady state in the JSON: each species' yield / total = its bulk fraction.
"$BIN" yield --target IGZO --energy 500 --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
for c in d["components"]:
    assert abs(c["yield"] / d["yield"] - c["bulk_fraction"]) < 1e-12, c
print("ok: IGZO partial yields carry the bulk composition")' || fail=1
"$BIN" yield --target ITO --energy 50:5000:log:20 --csv "$tmp/ito.csv" >/dev/null || fail=1
grep -q "energy_eV,yield_chen1985,yield_chen1985_In,yield_chen1985_O,yield_chen1985_Sn" "$tmp/ito.csv" \
  && echo "ok: compound csv header" || { echo "FAIL: compound csv header"; head -3 "$tmp/ito.csv"; fail=1; }
"$BIN" yield --target TiN --energy 20:20000:log:60 --plot "$tmp/tin.png" >/dev/null || fail=1
head -c 8 "$tmp/tin.png" | od -An -c | grep -q "P   N   G" && echo "ok: compound png" || { echo "FAIL: compound png"; fail=1; }

# JSON values: Ar -> Mo at 600 eV with chen1985 is Table 1's Y0 = 0.67 (within 3 %).
y=$("$BIN" yield --ion Ar --target Mo --energy 600 --model chen1985 --json | sed -E 's/.*"yield":([0-9.eE+-]+).*/\1/')
awk -v y="$y" 'BEGIN{ if (y < 0.65 || y > 0.69) { print "FAIL: chen1985 Ar->Mo 600 eV = " y; exit 1 } else print "ok: chen1985 Ar->Mo = " y }' || fail=1

# Sweep CSV: 60 rows plus header and comment, positive energies, two model columns.
"$BIN" yield --target Cu --energy 50:20000:log:60 --model chen1985 --model yamamura1996 --csv "$tmp/s.csv" >/dev/null || fail=1
rows=$(grep -vc '^#' "$tmp/s.csv"); [ "$rows" = 61 ] && echo "ok: sweep csv rows" || { echo "FAIL: sweep rows $rows"; fail=1; }
head -2 "$tmp/s.csv" | grep -q "energy_eV,yield_chen1985,yield_yamamura1996" && echo "ok: csv header" || { echo "FAIL: csv header"; fail=1; }

# Plot: a real PNG (magic bytes) of reasonable size.
"$BIN" yield --target Cu --energy 20:20000:log:80 --model chen1985 --model yamamura1996 --model sigmund1969 \
   --plot "$tmp/y.png" --validation-dir "${VALDIR:-/nonexistent}" >/dev/null || fail=1
if head -c 8 "$tmp/y.png" | od -An -c | grep -q "P   N   G" && [ "$(stat -c %s "$tmp/y.png")" -gt 20000 ]; then
  echo "ok: png"; else echo "FAIL: png"; fail=1; fi
ls "$tmp" | grep -q tmp- && { echo "FAIL: temporary file left"; fail=1; }

if [ -n "$VALDIR" ] && [ -d "$VALDIR/yields" ]; then
  (cd "$tmp" && "$BIN" yield --validate --validation-dir "$VALDIR" --csv v.csv >/dev/null) || fail=1
  [ "$(wc -l < "$tmp/v.csv")" = 16 ] && echo "ok: validation csv" || { echo "FAIL: validation csv"; fail=1; }
else
  echo "skipped: --validate (no validation data)"
fi
exit $fail
