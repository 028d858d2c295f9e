#!/usr/bin/env bash
# `magtwin twin serve` as a program: /api/status is byte for byte `twin status --json`, the
# store file is not changed by serving, SIGTERM ends it with status 0, the default address is
# loopback; bad input (a store that does not exist or has a newer schema, a port in use, a
# --listen that is not an address, a bad --rate-limit) exits 2 with a clear message and writes
# nothing.
# usage: twin_serve_command_test.sh MAGTWIN SERVE_TOOL_YAML
set -euo pipefail
MAGTWIN=$1 TOOL=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-serve.XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -q -- "$2" "$1" || { echo "--- $1"; cat "$1"; fail "expected '$2' in $1"; }; }
exit2() {  # exit2 ERRFILE PATTERN COMMAND...: the command must exit 2 with PATTERN on stderr
  local err=$1 pattern=$2; shift 2
  local status=0; timeout 20 "$@" 2> "$err" >/dev/null || status=$?
  [ "$status" -eq 2 ] || { cat "$err"; fail "exit $status (expected 2): $*"; }
  expect "$err" "$pattern"
}
# Starts `twin serve` on a free port; sets pid and port.
start_serve() {
  "$MAGTWIN" twin serve --store "$1" --listen 127.0.0.1:0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
  pid=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.out")
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/serve.err"; fail "serve exited at start"; }
    sleep 0.1
  done
  fail "serve did not start"
}
get() { python3 -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' "$1"; }

{ echo "export"; echo "Time,P,Target,Usage"
  for i in $(seq 0 119); do
    printf '2025-01-01 00:%02d:%02d,%s,T-1,%s\n' $((i / 60)) $((i % 60)) $([ $((i % 60)) -lt 30 ] && echo 2 || echo 0) \
      "$(awk -v i="$i" 'BEGIN { on = 0; for (k = 0; k < i; ++k) on += (k % 60) < 30; printf "%.9f", on * 2 / 3600 }')"
  done; } > "$WORK/log.csv"
"$MAGTWIN" twin sync "$TOOL" "$WORK/log.csv" --store "$WORK/s.sqlite" > /dev/null
before=$(sha256sum < "$WORK/s.sqlite")

# --- serving: the same bytes as `twin status --json`; the store untouched; SIGTERM -> 0
start_serve "$WORK/s.sqlite"
expect "$WORK/serve.out" "read-only; rate limit off"
get "http://127.0.0.1:$port/api/status" > "$WORK/api-status.json"
"$MAGTWIN" twin status --store "$WORK/s.sqlite" --json > "$WORK/cli-status.json"
cmp "$WORK/api-status.json" "$WORK/cli-status.json" || fail "/api/status differs from twin status --json"
get "http://127.0.0.1:$port/api/status?tool=serve-tool" > "$WORK/api-tool.json"
"$MAGTWIN" twin status --store "$WORK/s.sqlite" --tool serve-tool --json > "$WORK/cli-tool.json"
cmp "$WORK/api-tool.json" "$WORK/cli-tool.json" || fail "/api/status?tool= differs from twin status --tool --json"
get "http://127.0.0.1:$port/" | grep -q "magtwin twin: tools in the store" || fail "no overview page"

# --- a port in use (by the server above)
exit2 "$WORK/err" "127.0.0.1:$port: Address already in use" "$MAGTWIN" twin serve --store "$WORK/s.sqlite" --listen "127.0.0.1:$port"
kill -TERM "$pid"
status=0; wait "$pid" || status=$?
pid=""
[ "$status" -eq 0 ] || fail "serve exited $status on SIGTERM"
[ "$(sha256sum < "$WORK/s.sqlite")" = "$before" ] || fail "serving changed the store file"

# --- the default address is loopback (CLI11 prints the default)
"$MAGTWIN" twin serve --help > "$WORK/help.txt"
expect "$WORK/help.txt" "127.0.0.1:8080"

# --- bad input: exit 2, nothing written
exit2 "$WORK/err" "none.sqlite' does not exist" "$MAGTWIN" twin serve --store "$WORK/none.sqlite" --listen 127.0.0.1:0
[ ! -e "$WORK/none.sqlite" ] || fail "serve created a store"
for bad in nonsense 127.0.0.1 127.0.0.1: 127.0.0.1:99999 127.0.0.1:80a example.com:80 1.2.3.4.5:80 :8080; do
  exit2 "$WORK/err" "is not an address" "$MAGTWIN" twin serve --store "$WORK/s.sqlite" --listen "$bad"
done
# an address that is not this machine's (TEST-NET-1, RFC 5737): the bind fails, nothing is sent
exit2 "$WORK/err" "192.0.2.1:8080: Cannot assign requested address" "$MAGTWIN" twin serve --store "$WORK/s.sqlite" --listen 192.0.2.1:8080
exit2 "$WORK/err" "rate-limit 'fast'" "$MAGTWIN" twin serve --store "$WORK/s.sqlite" --listen 127.0.0.1:0 --rate-limit fast
echo "not a store" > "$WORK/text.sqlite"
exit2 "$WORK/err" "not a magtwin store" "$MAGTWIN" twin serve --store "$WORK/text.sqlite" --listen 127.0.0.1:0
# a store of a newer magtwin: refused before anything is served, the file unchanged
cp "$WORK/s.sqlite" "$WORK/new.sqlite"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE schema_version SET version = version + 1"); c.commit(); c.close()' "$WORK/new.sqlite"
newer=$(sha256sum < "$WORK/new.sqlite")
exit2 "$WORK/err" "is newer than this magtwin" "$MAGTWIN" twin serve --store "$WORK/new.sqlite" --listen 127.0.0.1:0
[ "$(sha256sum < "$WORK/new.sqlite")" = "$newer" ] || fail "a refused store was changed"
[ "$(sha256sum < "$WORK/s.sqlite")" = "$before" ] || fail "bad input changed the store file"
echo PASS
