#!/usr/bin/env bash
# `magtwin twin serve` in a real browser: headless Chromium (Debian's chromium and
# chromium-driver, installed by scripts/install-deps.sh) loads the overview and every tool's
# page against stores filled from the real DTU log (synced and replayed; skipped when
# ../shared is absent) and from a simulated Gen-10.5 line log (twin simulate-log), checks
# that the numbers shown equal `twin status --json`, keeps screenshots in OUT_DIR, sees the
# page change after rows are appended to a log that `twin follow` follows, and shows a target
# ID `<script>alert(1)</script>` as text (tests/cli/twin_serve_browser.py does the browser side).
# Headless Chromium needs no X server, so no Xvfb is started. A missing chromium or
# chromedriver is a failure (CI installs them); MAGTWIN_SKIP_BROWSER=1 skips (sanitizer runs).
# usage: twin_serve_browser_test.sh MAGTWIN SERVE_TOOL DTU_TOOL VALIDATION_DIR GEN_TOOL GEN_RECIPE OUT_DIR
set -euo pipefail
MAGTWIN=$1 SERVE_TOOL=$2 DTU=$3 VALIDATION=$4 GEN=$5 GEN_RECIPE=$6 OUT=$7
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "${MAGTWIN_SKIP_BROWSER:-0}" = 1 ]; then echo "skipped (MAGTWIN_SKIP_BROWSER=1)"; exit 0; fi
CHROMIUM=${MAGTWIN_CHROMIUM:-/usr/bin/chromium}
DRIVER=$(command -v chromedriver || true)
[ -x "$CHROMIUM" ] || { echo "FAIL: $CHROMIUM not found (scripts/install-deps.sh installs chromium)"; exit 1; }
[ -n "$DRIVER" ] || { echo "FAIL: chromedriver not found (scripts/install-deps.sh installs chromium-driver)"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-browser.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; for f in "$WORK"/*.err; do [ -s "$f" ] && { echo "--- $f"; tail -20 "$f"; }; done; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

# serve NAME STORE: starts `twin serve` on a free loopback port; sets url
serve() {
  "$MAGTWIN" twin serve --store "$2" --listen 127.0.0.1:0 > "$WORK/$1.out" 2> "$WORK/$1.err" &
  pids+=($!)
  local port=""
  for _ in $(seq 1 600); do
    port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/$1.out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || fail "twin serve $2 did not start"
  url="http://127.0.0.1:$port/"
}
# rows FIRST LAST TARGET: the serve tool's log rows (2 kW for the first half of each minute;
# the usage counter counts that energy in kWh)
rows() {
  awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { on = 0; for (k = 0; k < a; ++k) on += (k % 60) < 30;
    for (i = a; i <= b; ++i) { printf "2025-01-01 %02d:%02d:%02d,%d,%s,%.9f\n", int(i / 3600), int(i / 60) % 60, i % 60,
      (i % 60) < 30 ? 2 : 0, t, on * 2 / 3600; on += (i % 60) < 30 } }'
}

cases=()
# 1. the real DTU log, synced and replayed (erosion states and the replay's uniformity)
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ -f "$REAL" ]; then
  "$MAGTWIN" twin sync "$DTU" "$REAL" --store "$WORK/dtu.sqlite" > /dev/null
  "$MAGTWIN" twin replay "$DTU" --store "$WORK/dtu.sqlite" --out "$WORK/dtu-replay" > /dev/null 2> "$WORK/dtu-replay.err"
  "$MAGTWIN" twin forecast "$DTU" --store "$WORK/dtu.sqlite" --json > "$WORK/dtu-forecast.json" 2> "$WORK/dtu-forecast.err"
  "$MAGTWIN" twin status --store "$WORK/dtu.sqlite" --json > "$WORK/dtu-status.json"
  cp "$WORK/dtu-replay/report.json" "$OUT/dtu-report.json"
  cp "$WORK/dtu-forecast.json" "$OUT/dtu-forecast.json"
  cases+=(--report "dtu-anait,$WORK/dtu-replay/report.json" --forecast "dtu-anait,$WORK/dtu-forecast.json")
  serve dtu "$WORK/dtu.sqlite"
  cases+=(--case "dtu,$url,$WORK/dtu-status.json")
  spec=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["uniformity_spec_pct"])' "$WORK/dtu-replay/report.json")
  cases+=(--spec "dtu-anait,$spec")
else
  echo "skipped (real log absent): the DTU store's pages ($REAL)"
fi
# 2. a simulated Gen-10.5 rotary line (12 glasses; arcs, gaps, a target change)
"$MAGTWIN" twin simulate-log "$GEN" --recipe "$GEN_RECIPE" --out "$WORK/gen.csv" > /dev/null
"$MAGTWIN" twin sync "$GEN" "$WORK/gen.csv" --store "$WORK/gen.sqlite" > /dev/null
"$MAGTWIN" twin status --store "$WORK/gen.sqlite" --json > "$WORK/gen-status.json"
serve gen "$WORK/gen.sqlite"
cases+=(--case "gen10_5,$url,$WORK/gen-status.json")
# 3. a followed log whose target ID is markup: escaping, and rows appended while it is served
XSS='<script>alert(1)</script>'
{ echo "export"; echo "Time,P,Target,Usage"; rows 0 179 "$XSS"; } > "$WORK/live.csv"
"$MAGTWIN" twin follow "$SERVE_TOOL" "$WORK/live.csv" --store "$WORK/live.sqlite" 2> "$WORK/follow.err" &
pids+=($!)
for _ in $(seq 1 300); do
  [ "$("$MAGTWIN" twin status --store "$WORK/live.sqlite" 2>/dev/null | awk '/^tool/{print $3}')" = 180 ] && break
  sleep 0.1
done
"$MAGTWIN" twin status --store "$WORK/live.sqlite" --json > "$WORK/live-status.json"
grep -q '"rows"\|"target_id":"<script>alert(1)</script>"' "$WORK/live-status.json" || fail "follow did not store the rows"
serve live "$WORK/live.sqlite"
rows 180 239 "$XSS" > "$WORK/more-rows.csv"

DPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$DRIVER" --port="$DPORT" --allowed-ips=127.0.0.1 > "$WORK/chromedriver.err" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$DPORT/status" 2>/dev/null && break
  sleep 0.1
done
python3 "$HERE/twin_serve_browser.py" --driver "http://127.0.0.1:$DPORT" --out "$OUT" "${cases[@]}" \
  --case "live,$url,$WORK/live-status.json" --xss "live,$url,serve-tool,$XSS" \
  --live "live,$url,serve-tool,$WORK/live.csv,$WORK/more-rows.csv" --live-limit 3.0 || fail "browser checks"
ls "$OUT"/*.png > /dev/null || fail "no screenshots"
echo "screenshots: $OUT"
echo PASS
