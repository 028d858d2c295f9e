#!/usr/bin/env bash
# Runs the real `magtwin reactive` with two --cathode (co-sputtering, solvers/reactive/CoSputtering.hpp)
# on cases/tools/reactive_ti_n2_two_ti.yaml and a variant of cases/tools/reactive_ti_n2.yaml:
#  (a) two identical Ti cathodes (ti, and ti2 moved 200 mm aside) in one gas balance equal one
#      cathode of double area and double power (--target uniform). Origin of the expectation:
#      CoSputtering's identity (tests/solvers/reactive/CoSputteringTest.cpp,
#      TwoIdenticalCathodesAreOneCathodeOfDoubleArea): two targets of area A and ion flow I are one
#      of 2A and 2I, every sum doubles. The CLI's doubled cathode: radius 38.1 mm x sqrt(2) =
#      53.881536726414929 mm (area pi r^2 doubles, ToolReactive::targetAreaM2For) and 1000 W at the
#      same 400 V (I_ion = P / V / (1 + gamma) doubles, IonSupply.hpp). So each state's partial
#      pressure, compound fractions (per target = the single's) and total rate equal the single
#      cathode's, each target's rate and ion current are half of it, the window is the same.
#  (b) bad input: an unknown cathode, the same cathode twice, a power for a cathode not given:
#      exit 2 naming it, nothing written;
#  (c) the co-sputter process curve (--flow-range): both branches, the unstable one inside the window;
#  (d) a second cathode whose metal has no compound with the gas (Zr under N2: no Zr nitride in
#      boundary/data/materials.csv) sputters metal only (CoSputterProcess.hpp): it is marked
#      "reacts":false with compound fraction 0, the targets' rates add up to the state's (every
#      metal atom on the collector comes from one target, B&N eq. 13 summed), and its metal buries
#      the collector's compound (theta_c below the Ti cathode's alone at the same flow, B&N eq. 6);
#      two cathodes of which none reacts: exit 2 naming the gas.
set -u
BIN=$1
SRC=$2
TOOL=$SRC/cases/tools/reactive_ti_n2.yaml
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The shipped pair (cases/tools/reactive_ti_n2_two_ti.yaml): its cathodes must be the base file's
# ti twice (ti2 only renamed and moved aside), or the identity below does not apply.
TWO=$SRC/cases/tools/reactive_ti_n2_two_ti.yaml
cp "$TWO" "$tmp/two.yaml"
base_ti=$(sed -n '/^  - name: ti$/,$p' "$TOOL")
two_ti=$(sed -n '/^  - name: ti$/,/^  - name: ti2$/p' "$TWO" | sed '$d')
two_ti2=$(sed -n '/^  - name: ti2$/,$p' "$TWO" | sed 's/name: ti2$/name: ti/; s/position: \[200 mm/position: [0 mm/')
[ "$base_ti" = "$two_ti" ] && [ "$base_ti" = "$two_ti2" ] && diff <(sed -n '/^process:/,/^cathodes:/p' "$TOOL") \
  <(sed -n '/^process:/,/^cathodes:/p' "$TWO") >/dev/null && echo "ok: the shipped pair is ti twice" \
  || { echo "FAIL: $TWO is not reactive_ti_n2.yaml's ti twice"; fail=1; }
sed 's/radius: 38.1 mm/radius: 53.881536726414929 mm/; s/power: 500 W/power: 1000 W/' "$TOOL" >"$tmp/big.yaml"
grep -q 'name: ti2' "$tmp/two.yaml" && grep -q '53.8815' "$tmp/big.yaml" || { echo "FAIL: tool variants"; exit 1; }

num() {  # key file [n]: the n-th (default 1st) number after "key":
  grep -o "\"$1\":[-0-9.e+]*" "$2" | sed -n "${3:-1}p" | cut -d: -f2
}
# Tolerance 1e-8 relative: the library finds the states at a flow as roots on different grids and
# agrees to 1e-9 in p (CoSputteringTest); theta_t, theta_c and the rate move with p by at most a
# few times p's relative change (d ln theta / d ln p = 1 - theta <= 1 for a target), so 1e-8.
close() {  # what got want
  awk -v g="$2" -v w="$3" -v what="$1" 'BEGIN {
    d = g - w; if (d < 0) d = -d; s = (w < 0 ? -w : w); if (s < 1e-300) s = 1e-300
    if (g == "" || w == "" || d / s > 1e-8) { print "FAIL: " what ": " g " vs " w; exit 1 }
    print "ok: " what ": " g " = " w }'
}

# The window of the single doubled cathode; flows below, inside (two states) and above it.
"$BIN" reactive "$tmp/big.yaml" --cathode ti --flow "Ar=40 sccm" --flow "N2=1 sccm" --json --target uniform >"$tmp/w" || fail=1
window=$(grep -o '"hysteresis_sccm":\[[^]]*\]' "$tmp/w" | sed 's/.*\[\(.*\)\]/\1/')
low=${window%,*}; high=${window#*,}
mid=$(awk -v a="$low" -v b="$high" 'BEGIN { printf "%.6f", (a + b) / 2 }')
below=$(awk -v a="$low" 'BEGIN { printf "%.6f", a / 2 }')
above=$(awk -v b="$high" 'BEGIN { printf "%.6f", b * 2 }')
for flow in "$below" "$mid" "$above"; do
  "$BIN" reactive "$tmp/big.yaml" --cathode ti --flow "Ar=40 sccm" --flow "N2=$flow sccm" --json --target uniform >"$tmp/one" || fail=1
  "$BIN" reactive "$tmp/two.yaml" --cathode ti --cathode ti2 --power "ti=500 W" --power "ti2=500 W" \
    --flow "Ar=40 sccm" --flow "N2=$flow sccm" --json >"$tmp/co" || fail=1
  m1=$(grep -o '"mode":"[a-z]*"' "$tmp/one" | tr '\n' ' '); m2=$(grep -o '"mode":"[a-z]*"' "$tmp/co" | tr '\n' ' ')
  [ -n "$m1" ] && [ "$m1" = "$m2" ] && echo "ok: N2 $flow sccm modes $m2" || { echo "FAIL: N2 $flow modes '$m2' vs '$m1'"; fail=1; }
  ns=$(grep -o '"mode"' "$tmp/one" | wc -l)
  [ "$flow" = "$mid" ] && [ "$ns" != 2 ] && { echo "FAIL: $ns states inside the window"; fail=1; }
  for s in $(seq 1 "$ns"); do
    for key in partial_pressure_Pa collector_compound_fraction; do
      close "N2 $flow state $s $key" "$(num $key "$tmp/co" "$s")" "$(num $key "$tmp/one" "$s")" || fail=1
    done
    # the co-sputter output has compound_fraction and rate_nm_s once per state and once per target
    for key in compound_fraction rate_nm_s; do
      close "N2 $flow state $s $key" "$(num $key "$tmp/co" $((3 * s - 2)))" "$(num $key "$tmp/one" "$s")" || fail=1
    done
    for t in 1 2; do
      close "N2 $flow state $s target $t compound_fraction" "$(num compound_fraction "$tmp/co" $((3 * s - 2 + t)))" \
        "$(num compound_fraction "$tmp/one" "$s")" || fail=1
      close "N2 $flow state $s target $t rate x 2" "$(awk -v r="$(num rate_nm_s "$tmp/co" $((3 * s - 2 + t)))" 'BEGIN { printf "%.17g", 2 * r }')" \
        "$(num rate_nm_s "$tmp/one" "$s")" || fail=1
    done
  done
  close "N2 $flow ion current x 2" "$(awk -v i="$(num ion_current_A "$tmp/co")" 'BEGIN { printf "%.17g", 2 * i }')" \
    "$(num ion_current_A "$tmp/one")" || fail=1
done
# the window (turning points agree to 1e-9 in p, CoSputteringTest)
co_window=$(grep -o '"hysteresis_sccm":\[[^]]*\]' "$tmp/co" | sed 's/.*\[\(.*\)\]/\1/')
close "window low" "${co_window%,*}" "$low" || fail=1
close "window high" "${co_window#*,}" "$high" || fail=1
# The tool file's own power (500 W each) is the default: the same output as the explicit one.
"$BIN" reactive "$tmp/two.yaml" --cathode ti --cathode ti2 --flow "Ar=40 sccm" --flow "N2=$above sccm" --json >"$tmp/co2" || fail=1
cmp -s "$tmp/co" "$tmp/co2" && echo "ok: default powers" || { echo "FAIL: default powers differ"; fail=1; }
# A different power on ti2 gives it the larger share of the rate (sputter rate rises with its ion flow).
"$BIN" reactive "$tmp/two.yaml" --cathode ti --cathode ti2 --power "ti2=1000 W" --flow "Ar=40 sccm" \
  --flow "N2=$below sccm" --json >"$tmp/co3" || fail=1
awk -v a="$(num rate_nm_s "$tmp/co3" 2)" -v b="$(num rate_nm_s "$tmp/co3" 3)" 'BEGIN { exit !(b > 1.5 * a) }' \
  && echo "ok: ti2 at 1000 W out-sputters ti" || { echo "FAIL: power per cathode"; cat "$tmp/co3"; fail=1; }

# Bad input: exit 2 naming the argument, nothing written.
bad() {  # pattern args...
  local pattern=$1; shift
  "$BIN" reactive "$@" --flow "N2=1 sccm" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" != 2 ] || ! grep -qE -- "$pattern" "$tmp/err"; then echo "FAIL: $* -> $got"; cat "$tmp/out" "$tmp/err"; fail=1
  elif [ -s "$tmp/out" ]; then echo "FAIL: $*: printed"; fail=1
  else echo "ok: $* -> 2"; fi
}
bad "cathode 'nope'" "$tmp/two.yaml" --cathode ti --cathode nope
bad "--cathode 'ti': given twice" "$tmp/two.yaml" --cathode ti --cathode ti
bad "--power 'ti3=50 W': cathode 'ti3' is not given with --cathode" "$tmp/two.yaml" --cathode ti --cathode ti2 --power "ti3=50 W"
bad "--power '50 W': with several --cathode give NAME=POWER" "$tmp/two.yaml" --cathode ti --cathode ti2 --power "50 W"
bad "a second power for cathode 'ti'" "$tmp/two.yaml" --cathode ti --cathode ti2 --power "ti=5 W" --power "ti=6 W"
# Bad input with --out: nothing written.
"$BIN" reactive "$tmp/two.yaml" --cathode ti --cathode ti --flow "N2=1 sccm" --gas N2 --flow-range 0:5:10 --out "$tmp/curve" 2>"$tmp/err"
[ $? = 2 ] && [ ! -e "$tmp/curve" ] && echo "ok: bad input with --out writes nothing" || { echo "FAIL: written"; fail=1; }
# The co-sputter process curve: both stable branches, the unstable one only inside the JSON's
# window (the same model's turning points; the 200-point grid cannot step outside them).
"$BIN" reactive "$tmp/two.yaml" --cathode ti --cathode ti2 --flow "Ar=40 sccm" --flow "N2=$mid sccm" --gas N2 \
  --flow-range 0:9:200 --out "$tmp/curve" --json >"$tmp/co4" || fail=1
csv=$tmp/curve/process_curve.csv
[ -s "$csv" ] && [ -s "$tmp/curve/process_curve.png" ] && grep -q ',metal,1,' "$csv" && grep -q ',compound,1,' "$csv" \
  && echo "ok: co-sputter process curve files, both branches" || { echo "FAIL: co-sputter curve"; fail=1; }
w=$(grep -o '"hysteresis_sccm":\[[^]]*\]' "$tmp/co4" | sed 's/.*\[\(.*\)\]/\1/')
grep ',unstable,0,' "$csv" | awk -F, -v lo="${w%,*}" -v hi="${w#*,}" '{ n++; if ($1 < lo || $1 > hi) bad++ }
  END { if (n == 0 || bad) { print "FAIL: " n " unstable rows, " bad + 0 " outside [" lo ", " hi "]"; exit 1 }
        print "ok: " n " unstable rows inside [" lo ", " hi "]" }' || fail=1

# (d) Ti with a Zr cathode under N2: the Zr target sputters metal only.
sed 's/^  - name: ti2$/  - name: zr/' "$TWO" | awk '/name: zr/ { z = 1 } z && /material: Ti/ { sub("Ti", "Zr"); z = 0 } { print }' >"$tmp/zr.yaml"
grep -q 'material: Zr' "$tmp/zr.yaml" || { echo "FAIL: Zr variant"; exit 1; }
"$BIN" reactive "$tmp/zr.yaml" --cathode ti --cathode zr --flow "Ar=40 sccm" --flow "N2=$below sccm" --json >"$tmp/zr" \
  && echo "ok: Ti + Zr (metal only) in N2 runs" || { echo "FAIL: Ti + Zr refused"; cat "$tmp/zr"; fail=1; }
grep -q '"cathode":"zr","reacts":false,"compound_fraction":0,' "$tmp/zr" && grep -q '"cathode":"ti","reacts":true' "$tmp/zr" \
  && echo "ok: zr marked metal only, compound fraction 0" || { echo "FAIL: zr not metal only"; cat "$tmp/zr"; fail=1; }
close "Ti + Zr: target rates sum to the rate" \
  "$(awk -v a="$(num rate_nm_s "$tmp/zr" 2)" -v b="$(num rate_nm_s "$tmp/zr" 3)" 'BEGIN { printf "%.17g", a + b }')" \
  "$(num rate_nm_s "$tmp/zr" 1)" || fail=1
"$BIN" reactive "$TOOL" --cathode ti --flow "Ar=40 sccm" --flow "N2=$below sccm" --json --target uniform >"$tmp/tialone" || fail=1
awk -v a="$(num collector_compound_fraction "$tmp/zr")" -v b="$(num collector_compound_fraction "$tmp/tialone")" \
  'BEGIN { exit !(a < b && a > 0) }' && echo "ok: Zr buries the collector's TiN" \
  || { echo "FAIL: theta_c with Zr not below Ti alone"; fail=1; }
sed 's/material: Ti/material: Zr/' "$tmp/zr.yaml" >"$tmp/zrzr.yaml"
bad "no cathode reacts with N2" "$tmp/zrzr.yaml" --cathode ti --cathode zr
exit $fail
