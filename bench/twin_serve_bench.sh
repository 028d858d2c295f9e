#!/usr/bin/env bash
# `magtwin twin serve` under load: a store of ROWS rows (default 1,000,000: the real DTU export
# repeated with shifted times by make_twin_bench_log, synced by `twin sync`), served on a free
# loopback port with the default settings (no rate limit on loopback); CLIENTS concurrent
# keep-alive clients (default 100, bench/twin_serve_load.cpp) request the API and the pages for
# SECONDS (default 30). Prints the server's start-up time (first snapshot of the store), p50 /
# p99 latency per path, the errors (the issue: none), the server's resident memory (VmRSS and
# its peak VmHWM), and the pages' first load in headless Chromium (with their numbers checked
# against `twin status --json`; skipped with MAGTWIN_SKIP_BROWSER=1 or without chromium).
# Exits 1 on any error. Traffic goes to 127.0.0.1 only, bounded by SECONDS.
# usage: bench/twin_serve_bench.sh [BUILD_DIR] [ROWS] [CLIENTS] [SECONDS]
#        (after building magtwin, make_twin_bench_log and twin_serve_load)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
ROWS=${2:-1000000} CLIENTS=${3:-100} SECONDS_=${4:-30}
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ ! -f "$REAL" ]; then echo "skipped (validation log not found: $REAL)"; exit 0; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-serve-bench.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
MAGTWIN="$BUILD/bin/magtwin"

"$BUILD/bin/make_twin_bench_log" "$REAL" "$WORK/log.csv" "$ROWS" > /dev/null
"$MAGTWIN" twin sync "$ROOT/cases/tools/dtu_anait.yaml" "$WORK/log.csv" --store "$WORK/bench.sqlite" > /dev/null
rm "$WORK/log.csv"
"$MAGTWIN" twin status --store "$WORK/bench.sqlite" | head -1 | sed 's/^/store: /'
echo "store file: $(($(stat -c %s "$WORK/bench.sqlite") / 1000000)) MB"

t0=$(date +%s.%N)
"$MAGTWIN" twin serve --store "$WORK/bench.sqlite" --listen 127.0.0.1:0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVE=$!
pids+=("$SERVE")
port=""
for _ in $(seq 1 1200); do
  port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.out")
  [ -n "$port" ] && break
  kill -0 "$SERVE" 2>/dev/null || { cat "$WORK/serve.err"; exit 1; }
  sleep 0.05
done
[ -n "$port" ] || { echo "serve did not start"; exit 1; }
awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "server start-up (open, first snapshot, bind): %.2f s\n", b - a }'
rss() { awk '/^VmRSS|^VmHWM/ { printf "%s %.1f MB  ", $1, $2 / 1024 }' "/proc/$SERVE/status"; echo; }
echo "server memory before load: $(rss)"
TOOL=dtu-anait
status=0
"$BUILD/bin/twin_serve_load" 127.0.0.1 "$port" "$CLIENTS" "$SECONDS_" /api/status /api/tools "/api/tool?name=$TOOL" \
  "/api/status?tool=$TOOL" /api/revision / "/tool.html?name=$TOOL" /tool.js /common.js /app.css || status=$?
echo "server memory after load:  $(rss)"

if [ "${MAGTWIN_SKIP_BROWSER:-0}" != 1 ] && [ -x /usr/bin/chromium ] && command -v chromedriver > /dev/null; then
  "$MAGTWIN" twin status --store "$WORK/bench.sqlite" --json > "$WORK/status.json"
  DPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  chromedriver --port="$DPORT" --allowed-ips=127.0.0.1 > "$WORK/chromedriver.err" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "http://127.0.0.1:$DPORT/status" 2>/dev/null && break
    sleep 0.1
  done
  echo "first load in headless Chromium (numbers checked against twin status --json):"
  python3 "$ROOT/tests/cli/twin_serve_browser.py" --driver "http://127.0.0.1:$DPORT" --out "$WORK/shots" \
    --case "bench,http://127.0.0.1:$port/,$WORK/status.json" | sed 's/^/  /' || status=1
else
  echo "Chromium first load skipped (MAGTWIN_SKIP_BROWSER=1 or chromium/chromedriver absent)"
fi
[ -z "$(cat "$WORK/serve.err")" ] || { echo "server stderr:"; cat "$WORK/serve.err"; }
exit "$status"
