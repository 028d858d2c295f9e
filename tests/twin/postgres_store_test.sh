#!/usr/bin/env bash
# The store test suite against a real PostgreSQL 15 server started here: initdb in a temp
# folder (as an unprivileged user: `nobody` when run as root), Unix socket only (no TCP),
# a private port number, stopped and removed at the end. Then the same real log is synced
# into SQLite and into PostgreSQL by `magtwin twin sync`, and both stores must have the same
# content digest (bit-exact samples, energies, steps).
# usage: postgres_store_test.sh TEST_TWIN_SYNC MAGTWIN VALIDATION_DIR TOOL_YAML
set -euo pipefail
TESTS=$1 MAGTWIN=$2 VALIDATION=$3 TOOL=$4
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then echo "skipped: PostgreSQL 15 not installed ($PGBIN/initdb)"; exit 0; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-pg.XXXXXX")
chmod 755 "$WORK"
AS=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$WORK"
  AS=(runuser -u nobody --)
  PGUSER=nobody
else
  PGUSER=$(id -un)
fi
PORT=$((20000 + $$ % 20000))
cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$WORK/data" -U "$PGUSER" --auth=trust -E UTF8 >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-c listen_addresses='' -k $WORK -p $PORT -c fsync=off" start >/dev/null
URL="postgresql://$PGUSER@/postgres?host=$WORK&port=$PORT"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $WORK port $PORT"

# a second, empty database for the migration test (a store made at schema version 1)
"${AS[@]}" "$PGBIN/createdb" -h "$WORK" -p "$PORT" -U "$PGUSER" migration
FRESH="postgresql://$PGUSER@/migration?host=$WORK&port=$PORT"
MAGTWIN_TEST_POSTGRES_URL="$URL" MAGTWIN_TEST_POSTGRES_FRESH_URL="$FRESH" "$TESTS" \
  --gtest_filter='Backends/StoreSync.*/1:Backends/StoreCalibration.*/1:Backends/StoreTwinState.*/1:StoreMigration.Postgres*' \
  --gtest_brief=1

REAL="$VALIDATION/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv"
if [ -f "$REAL" ]; then
  "$MAGTWIN" twin sync "$TOOL" "$REAL" --store "$URL" --json > "$WORK/pg.json"
  "$MAGTWIN" twin sync "$TOOL" "$REAL" --store "$URL" --json > "$WORK/pg2.json"
  "$MAGTWIN" twin sync "$TOOL" "$REAL" --store "$WORK/ref.sqlite" >/dev/null
  pg=$("$MAGTWIN" twin status --store "$URL" --tool dtu-anait --digest)
  sq=$("$MAGTWIN" twin status --store "$WORK/ref.sqlite" --digest)
  echo "postgres: $pg"
  echo "sqlite:   $sq"
  [ "$pg" = "$sq" ] || { echo "FAIL: the PostgreSQL store differs from the SQLite store"; exit 1; }
  grep -q '"rows_added":0' "$WORK/pg2.json" || { echo "FAIL: second sync added rows"; cat "$WORK/pg2.json"; exit 1; }
  # status through either back end, the E10 states from the rules the sync kept in each store
  "$MAGTWIN" twin status --store "$URL" --tool dtu-anait --json > "$WORK/pg-status.json"
  "$MAGTWIN" twin status --store "$WORK/ref.sqlite" --json > "$WORK/sq-status.json"
  cmp -s "$WORK/pg-status.json" "$WORK/sq-status.json" ||
    { echo "FAIL: twin status --json differs between PostgreSQL and SQLite"; diff "$WORK/pg-status.json" "$WORK/sq-status.json" | head; exit 1; }
  grep -q '"e10":\[{"tool":"dtu-anait"' "$WORK/pg-status.json" || { echo "FAIL: no e10 key"; exit 1; }
  "$MAGTWIN" twin status --store "$URL" --tool dtu-anait
  # calibration through either back end: the same scales (saved as version 1 in both)
  pgc=$("$MAGTWIN" twin calibrate "$TOOL" --store "$URL" --json 2>/dev/null)
  sqc=$("$MAGTWIN" twin calibrate "$TOOL" --store "$WORK/ref.sqlite" --json 2>/dev/null)
  [ "$pgc" = "$sqc" ] || { echo "FAIL: calibration differs between PostgreSQL and SQLite"; echo "$pgc"; echo "$sqc"; exit 1; }
  echo "$pgc" | grep -q '"version":1,' || { echo "FAIL: first calibration is not version 1"; exit 1; }
  # replay through either back end: the same twin state (erosion, predictions, readings), and
  # replaying twice on PostgreSQL leaves it as it was
  "$MAGTWIN" twin replay "$TOOL" --store "$URL" --out "$WORK/pg-replay" >/dev/null 2>&1
  pg1=$("$MAGTWIN" twin status --store "$URL" --tool dtu-anait --digest)
  "$MAGTWIN" twin replay "$TOOL" --store "$URL" --out "$WORK/pg-replay2" >/dev/null 2>&1
  pg2=$("$MAGTWIN" twin status --store "$URL" --tool dtu-anait --digest)
  "$MAGTWIN" twin replay "$TOOL" --store "$WORK/ref.sqlite" --out "$WORK/sq-replay" >/dev/null 2>&1
  sq1=$("$MAGTWIN" twin status --store "$WORK/ref.sqlite" --digest)
  echo "postgres after replay: $pg1"
  [ "$pg1" = "$pg2" ] || { echo "FAIL: replaying twice changed the PostgreSQL store: $pg2"; exit 1; }
  [ "$pg1" = "$sq1" ] || { echo "FAIL: replay state differs between PostgreSQL and SQLite: $sq1"; exit 1; }
  "$MAGTWIN" twin status --store "$URL" --tool dtu-anait --json | grep -q '"erosion":{"life_kWh":' ||
    { echo "FAIL: no erosion state in status --json"; exit 1; }
  # `twin serve` on PostgreSQL: a READ ONLY session; /api/status is `twin status --json`, the
  # store's content unchanged (docs/twin-serve.md). A database of its own: the suite's test
  # tools above keep settings no sync wrote, which every reader of all tools refuses.
  "${AS[@]}" "$PGBIN/createdb" -h "$WORK" -p "$PORT" -U "$PGUSER" serve
  URL="postgresql://$PGUSER@/serve?host=$WORK&port=$PORT"
  "$MAGTWIN" twin sync "$TOOL" "$REAL" --store "$URL" > /dev/null
  "$MAGTWIN" twin replay "$TOOL" --store "$URL" --out "$WORK/serve-replay" > /dev/null 2>&1
  pg1=$("$MAGTWIN" twin status --store "$URL" --tool dtu-anait --digest)
  "$MAGTWIN" twin serve --store "$URL" --listen 127.0.0.1:0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
  spid=$!
  sport=""
  for _ in $(seq 1 300); do
    sport=$(sed -n 's|.* on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.out")
    [ -n "$sport" ] && break
    sleep 0.1
  done
  [ -n "$sport" ] || { cat "$WORK/serve.err"; echo "FAIL: twin serve on PostgreSQL did not start"; exit 1; }
  python3 -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' \
    "http://127.0.0.1:$sport/api/status" > "$WORK/serve-status.json"
  # a commit while serving (a second tool synced): shown within 2 s over the kept connection
  sed 's/^  name: dtu-anait$/  name: dtu-anait-copy/' "$TOOL" > "$WORK/copy.yaml"
  "$MAGTWIN" twin sync "$WORK/copy.yaml" "$REAL" --store "$URL" > /dev/null
  t0=$(date +%s.%N)
  until python3 -c 'import sys, urllib.request; sys.exit(b"dtu-anait-copy" not in urllib.request.urlopen(sys.argv[1], timeout=10).read())' \
      "http://127.0.0.1:$sport/api/tools"; do
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { exit !(b - a > 2) }' && { echo "FAIL: a PostgreSQL commit not served within 2 s"; exit 1; }
    sleep 0.05
  done
  python3 -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' \
    "http://127.0.0.1:$sport/api/status" > "$WORK/serve-status.json"
  kill -TERM "$spid"; wait "$spid"
  "$MAGTWIN" twin status --store "$URL" --json > "$WORK/pg-all-status.json"
  cmp "$WORK/serve-status.json" "$WORK/pg-all-status.json" || { echo "FAIL: serve's /api/status on PostgreSQL differs"; exit 1; }
  [ "$("$MAGTWIN" twin status --store "$URL" --tool dtu-anait --digest)" = "$pg1" ] ||
    { echo "FAIL: serving changed the PostgreSQL store"; exit 1; }
  echo "twin serve on PostgreSQL: /api/status = twin status --json, store unchanged"
else
  echo "real-log comparison skipped: $REAL not found"
fi
echo "PASS"
