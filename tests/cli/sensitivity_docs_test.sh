#!/usr/bin/env bash
# docs/first-tool-file.md's sensitivity table is the output of `magtwin sensitivity` for the
# shipped rotary line, computed by code: the block between the sensitivity-table markers must
# equal the command's --markdown output. Then the command's bad input: exit 2, nothing run.
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$ROOT"
"$MAGTWIN" sensitivity cases/tools/gen10_5_rotary_line.yaml --markdown > "$WORK/table.md" 2> /dev/null \
  || fail "magtwin sensitivity"
sed -n '/<!-- sensitivity-table: begin -->/,/<!-- sensitivity-table: end -->/p' docs/first-tool-file.md \
  | sed '1d;$d' > "$WORK/page.md"
[ -s "$WORK/page.md" ] || fail "no sensitivity table in docs/first-tool-file.md"
diff -u "$WORK/page.md" "$WORK/table.md" > "$WORK/diff" \
  || fail "docs/first-tool-file.md's table differs from magtwin sensitivity (paste its --markdown output): $(cat "$WORK/diff")"
for bad in "--step-pct 0" "--step-pct 60" "--method mc"; do
  status=0
  # shellcheck disable=SC2086
  "$MAGTWIN" sensitivity cases/tools/gen10_5_rotary_line.yaml $bad > /dev/null 2> "$WORK/err" || status=$?
  [ "$status" = 2 ] || fail "sensitivity $bad: exit $status"
  grep -q -- "${bad%% *}" "$WORK/err" || fail "sensitivity $bad: $(cat "$WORK/err")"
done
status=0
"$MAGTWIN" sensitivity cases/tools/wafer300_chamber.yaml > /dev/null 2> "$WORK/err" || status=$?
[ "$status" = 2 ] && grep -q "no cathode with a straight racetrack" "$WORK/err" || fail "wafer chamber: $status $(cat "$WORK/err")"
echo "sensitivity table: ok"
