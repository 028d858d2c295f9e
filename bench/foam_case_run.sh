#!/usr/bin/env bash
# Sourced by bench/foam_case_bench.sh and bench/foam_case_life_bench.sh: one timed Allrun.
#   mtime FILE          the file's modification time (s, 3 decimals), empty when absent
#   span A B            B - A in s (one decimal), "-" when either is empty
#   timed_allrun CASE WORK TAG [ARGS...]
#                       runs CASE/Allrun ARGS from / with an empty environment under
#                       /usr/bin/time -v (log in WORK/log) and sets wall (s), rss (MB, the largest
#                       process) and peak_mb (the process group's summed RSS, sampled every 0.1 s);
#                       exits 1 with the log's tail, naming TAG, when the Allrun fails
mtime() { [ -f "$1" ] && stat -c %.3Y "$1" || echo ""; }
span() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }' || echo "-"; }
timed_allrun() {
  local case=$1 work=$2 tag=$3
  shift 3
  (cd / && exec setsid env -i /usr/bin/time -v -o "$work/time" /bin/sh "$case/Allrun" "$@") > "$work/log" 2>&1 &
  local pid=$! peak=0 kb
  while kill -0 "$pid" 2> /dev/null; do
    kb=$(ps -o rss= -g "$pid" 2> /dev/null | awk '{ s += $1 } END { print s + 0 }' || true)  # ps fails once the group is gone
    [ "$kb" -gt "$peak" ] && peak=$kb
    sleep 0.1
  done
  wait "$pid" || { tail -30 "$work/log" >&2; echo "$tag: Allrun $* failed" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")
  peak_mb=$(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }')
}
