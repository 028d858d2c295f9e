#!/usr/bin/env bash
# Runs the real `magtwin erode` and `magtwin deposit` on cases/tools/reactive_ti_n2_flows.yaml
# (a flow inside the hysteresis): the metal and the compound branch (process.reactive.approach)
# give different erosion and deposition rates; bad reactive supplies exit 2 naming file, line
# and key with nothing written; without flows the results are those of the metallic target.
set -u
BIN=$1
SRC=$2
TOOL=$SRC/cases/tools/reactive_ti_n2_flows.yaml
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

json() {  # file key: the first number after "key":
  grep -o "\"$2\": *[-0-9.eE+]*" "$1" | head -1 | sed 's/.*: *//'
}
run() {  # name args...: magtwin args, must exit 0
  local name=$1; shift
  "$BIN" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"; local rc=$?
  if [ "$rc" != 0 ]; then echo "FAIL: magtwin $* exited $rc"; cat "$tmp/$name.err"; fail=1; fi
}

sed 's/approach: from_metal/approach: from_compound/' "$TOOL" >"$tmp/compound.yaml"
grep -q "approach: from_compound" "$tmp/compound.yaml" || { echo "FAIL: no approach key in $TOOL"; exit 1; }
run erode_metal erode "$TOOL" --cathode ti --out "$tmp/erode_metal" --json
run erode_compound erode "$tmp/compound.yaml" --cathode ti --out "$tmp/erode_compound" --json
for b in metal compound; do
  mode=$(grep -o '"mode": "[a-z]*"' "$tmp/erode_$b/summary.json" | sed 's/.*: "//; s/"//')
  [ "$mode" = "$b" ] && echo "ok: erode from_$b -> $mode mode" || { echo "FAIL: erode $b branch: mode '$mode'"; fail=1; }
done
# The poisoned target erodes slower (Y_c < Y_m on the compound-covered part): a longer life.
lm=$(json "$tmp/erode_metal/summary.json" life_kWh); lc=$(json "$tmp/erode_compound/summary.json" life_kWh)
em=$(json "$tmp/erode_metal/summary.json" emission_factor); ec=$(json "$tmp/erode_compound/summary.json" emission_factor)
if awk -v a="$lm" -v b="$lc" -v x="$em" -v y="$ec" 'BEGIN { exit !(b > 1.05 * a && y < x && x <= 1) }'; then
  echo "ok: life metal $lm kWh < compound $lc kWh; emission factor $em > $ec"
else echo "FAIL: life metal $lm / compound $lc kWh, emission $em / $ec"; fail=1; fi

run deposit_metal deposit "$TOOL" --out "$tmp/deposit_metal" --json
run deposit_compound deposit "$tmp/compound.yaml" --out "$tmp/deposit_compound" --json
tm=$(json "$tmp/deposit_metal/summary.json" mean_nm); tc=$(json "$tmp/deposit_compound/summary.json" mean_nm)
if awk -v a="$tm" -v b="$tc" 'BEGIN { exit !(a > 1.05 * b && b > 0) }'; then
  echo "ok: deposit mean thickness metal branch $tm nm > compound branch $tc nm"
else echo "FAIL: deposit mean thickness metal $tm / compound $tc nm"; fail=1; fi
# The film: N/Ti = x theta_c of each branch (the name TiN<x theta_c>, or TiN within 1 %).
film() { grep -o '"film": "TiN[0-9.]*"' "$1" | sed 's/.*TiN//; s/"//; s/^$/1/'; }
fm=$(film "$tmp/deposit_metal/summary.json"); fc=$(film "$tmp/deposit_compound/summary.json")
if awk -v a="$fm" -v b="$fc" 'BEGIN { exit !(a != "" && b != "" && a < b && b > 0.95) }'; then
  echo "ok: film N/Ti metal branch $fm < compound branch $fc"
else echo "FAIL: film N/Ti metal '$fm', compound '$fc'"; fail=1; fi

# Without flows: byte for byte the same as the chamber without a reactive section at all.
grep -v -e 'flows:' -e 'approach:' "$TOOL" >"$tmp/noflows.yaml"
awk '/^  reactive:/ { skip = 1; next } skip && /^    / { next } { skip = 0; print }' "$tmp/noflows.yaml" >"$tmp/noreactive.yaml"
run erode_noflows erode "$tmp/noflows.yaml" --cathode ti --out "$tmp/e1"
run erode_noreactive erode "$tmp/noreactive.yaml" --cathode ti --out "$tmp/e2"
run deposit_noflows deposit "$tmp/noflows.yaml" --out "$tmp/d1"
run deposit_noreactive deposit "$tmp/noreactive.yaml" --out "$tmp/d2"
for f in summary.json grooves.csv; do
  [ -s "$tmp/e1/$f" ] || { echo "FAIL: erode wrote no $f"; fail=1; continue; }
  cmp -s "$tmp/e1/$f" "$tmp/e2/$f" && echo "ok: erode $f identical without flows" || { echo "FAIL: erode $f differs"; fail=1; }
done
[ -s "$tmp/d1/summary.json" ] && [ -s "$tmp/d2/summary.json" ] || { echo "FAIL: deposit wrote no summary"; fail=1; }
sed 's/noflows/X/g' "$tmp/d1/summary.json" >"$tmp/d1s"; sed 's/noreactive/X/g' "$tmp/d2/summary.json" >"$tmp/d2s"
grep -v '"seconds"' "$tmp/d1s" >"$tmp/d1t"; grep -v '"seconds"' "$tmp/d2s" >"$tmp/d2t"
cmp -s "$tmp/d1t" "$tmp/d2t" && echo "ok: deposit summary identical without flows" || { echo "FAIL: deposit summary differs"; diff "$tmp/d1t" "$tmp/d2t" | head; fail=1; }

# Bad reactive supplies: exit 2, file:line: key 'process.reactive.flows.GAS', nothing written.
bad() {  # sed-expression pattern
  sed "s/N2: [0-9.]* sccm/$1/" "$TOOL" >"$tmp/bad.yaml"
  for cmd in "erode $tmp/bad.yaml --cathode ti" "deposit $tmp/bad.yaml"; do
    # shellcheck disable=SC2086
    "$BIN" $cmd --out "$tmp/bad_out" >"$tmp/out" 2>"$tmp/err"; local got=$?
    if [ "$got" != 2 ] || ! grep -qE -- "$2" "$tmp/err"; then
      echo "FAIL: $cmd with '$1' exited $got"; cat "$tmp/err"; fail=1
    else echo "ok: $1 -> exit 2 ($(head -c 140 "$tmp/err"))"; fi
    if [ -e "$tmp/bad_out" ]; then echo "FAIL: output written on bad input"; fail=1; rm -rf "$tmp/bad_out"; fi
  done
}
bad "N2: -1 sccm" "bad.yaml:[0-9]+: key 'process.reactive.flows.N2': a flow must be >= 0"
bad "N2: 10" "bad.yaml:[0-9]+: key 'process.reactive.flows.N2': '10': a flow needs a unit"
bad "H2S: 5 sccm" "bad.yaml:[0-9]+: key 'process.reactive.flows.H2S': 'H2S' is not a reactive gas"
bad "N2: 5 torr" "bad.yaml:[0-9]+: key 'process.reactive.flows.N2': unknown flow unit 'torr'"
sed 's/approach: from_metal/approach: metal/' "$TOOL" >"$tmp/bad.yaml"
"$BIN" erode "$tmp/bad.yaml" --cathode ti --out "$tmp/bad_out" >/dev/null 2>"$tmp/err"; got=$?
if [ "$got" = 2 ] && grep -q "key 'process.reactive.approach'" "$tmp/err" && [ ! -e "$tmp/bad_out" ]; then
  echo "ok: unknown approach -> exit 2"; else echo "FAIL: unknown approach exited $got"; cat "$tmp/err"; fail=1; fi
exit $fail
