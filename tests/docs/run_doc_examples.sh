#!/usr/bin/env bash
# Runs the example commands of README.md and docs/*.md, so that an example that no longer works
# fails CI. The convention (docs/testing.md, "Examples in the documentation"):
#
#   - A fenced block opened with ```sh holds runnable examples only: each line that starts with
#     `magtwin ` is one example (a line ending in a backslash continues on the next line); `#`
#     lines and blank lines are ignored; any other line is an error (synopses with placeholders
#     go in ```text blocks, which are never run).
#   - An HTML comment on the line just before the fence changes how the block runs:
#       <!-- not run: REASON -->          the block is listed as not run (a reason is required)
#       <!-- example: exit=2 -->          every example of the block must exit with status 2
#       <!-- example: timeout=120 -->     seconds per example (default 90)
#       <!-- example: needs=paraview -->  skipped without ParaView's pvbatch (fails instead when
#                                         MAGTWIN_REQUIRE_PARAVIEW=1)
#       <!-- example: needs=validation --> skipped without the validation data (../shared/validation)
#     (options can be combined: <!-- example: exit=2 timeout=30 -->).
#
# Each page runs in its own scratch folder that looks like the repository root (symbolic links
# to its top-level entries, so `cases/tools/...` resolves, and an empty `out/` of its own, as the
# main job leaves one), in page order, so an example may use what an earlier one on the same page
# wrote. `magtwin` is the program under test (build/bin/magtwin). A failing example is reported
# as FILE:LINE with its exit status and the tail of its output; the script exits 1 when any
# example fails, or when fewer than half of the examples run.
#
# usage: run_doc_examples.sh MAGTWIN_BINARY SOURCE_DIR [PVBATCH] [FILE.md...]
#   (FILE.md relative to SOURCE_DIR; default README.md and docs/*.md)
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: $0 MAGTWIN_BINARY SOURCE_DIR [PVBATCH] [FILE.md...]" >&2; exit 2; }
BIN=$(realpath "$1")
ROOT=$(realpath "$2")
PVBATCH=${3:-}
[ -n "$PVBATCH" ] && [ -e "$PVBATCH" ] && PVBATCH=$(realpath "$PVBATCH")
shift 2
[ $# -gt 0 ] && shift
[ -x "$BIN" ] || { echo "run_doc_examples: not an executable: $BIN" >&2; exit 2; }
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}

FILES=("$@")
if [ ${#FILES[@]} -eq 0 ]; then
  FILES=(README.md)
  for f in "$ROOT"/docs/*.md; do FILES+=("docs/$(basename "$f")"); done
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/magtwin-doc-examples.XXXXXX")
# MAGTWIN_DOC_EXAMPLES_KEEP=1 keeps the scratch folders (their path is printed at the end).
if [ "${MAGTWIN_DOC_EXAMPLES_KEEP:-0}" = 1 ]; then trap 'echo "scratch folders kept in $WORK"' EXIT
else trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/bin"
ln -s "$BIN" "$WORK/bin/magtwin"

have_paraview=0
[ -n "$PVBATCH" ] && [ -x "$PVBATCH" ] && have_paraview=1
have_validation=0
[ -d "$VALIDATION" ] && have_validation=1

n_run=0 n_ok=0 n_fail=0 n_notrun=0 n_skip=0
failures=()

# extract FILE: prints one record per example, fields separated by US (\x1f):
#   kind (run|notrun|error) US line US options-or-reason US command
# (the lines of a continued command joined by \x1e, turned back into newlines before running)
extract() {
  awk -v US=$'\x1f' -v NL=$'\x1e' '
    function flush_cmd() {
      if (cmd != "") { print (notrun != "" ? "notrun" : "run") US cmdline US (notrun != "" ? notrun : opts) US cmd }
      cmd = ""
    }
    {
      line = $0
      if (!inblock) {
        if (line ~ /^```sh[[:space:]]*$/) {
          inblock = 1; opts = pendingopts; notrun = pendingnotrun; cmd = ""; cont = 0
        }
        pendingopts = ""; pendingnotrun = ""
        if (line ~ /^<!-- example:.*-->[[:space:]]*$/) {
          s = line; sub(/^<!-- example:[[:space:]]*/, "", s); sub(/[[:space:]]*-->[[:space:]]*$/, "", s); pendingopts = s
        } else if (line ~ /^<!-- not run:.*-->[[:space:]]*$/) {
          s = line; sub(/^<!-- not run:[[:space:]]*/, "", s); sub(/[[:space:]]*-->[[:space:]]*$/, "", s)
          if (s == "") print "error" US NR US "a <!-- not run: --> marker needs a reason" US ""
          pendingnotrun = s
        }
        next
      }
      if (line ~ /^```[[:space:]]*$/) { flush_cmd(); inblock = 0; next }
      if (cont) {
        cmd = cmd NL line
        cont = (line ~ /\\$/)
        if (!cont) flush_cmd()
        next
      }
      if (line ~ /^[[:space:]]*$/ || line ~ /^[[:space:]]*#/) next
      if (line ~ /^magtwin /) {
        cmd = line; cmdline = NR; cont = (line ~ /\\$/)
        if (!cont) flush_cmd()
        next
      }
      print "error" US NR US "a ```sh block holds only `magtwin ...` examples (use ```text for anything else)" US line
    }
    END { if (inblock) print "error" US NR US "unclosed ```sh block" US "" }
  ' "$1"
}

for rel in "${FILES[@]}"; do
  file=$ROOT/$rel
  [ -f "$file" ] || { echo "FAIL $rel: no such file" >&2; n_fail=$((n_fail + 1)); failures+=("$rel: no such file"); continue; }
  # The page's scratch folder: the repository's top-level entries linked in, `out/` its own.
  scratch=$WORK/$(echo "$rel" | tr '/.' '__')
  # out/ exists, as after the main job (bash scripts/run-default-case.sh writes out/default).
  mkdir -p "$scratch/out"
  for entry in "$ROOT"/* "$ROOT"/.ci; do
    name=$(basename "$entry")
    case "$name" in out | build) continue ;; esac
    [ -e "$entry" ] && ln -s "$entry" "$scratch/$name"
  done
  # The validation data where the repository expects it (../shared/validation).
  mkdir -p "$WORK/shared"
  [ "$have_validation" = 1 ] && [ ! -e "$WORK/shared/validation" ] && ln -s "$(realpath "$VALIDATION")" "$WORK/shared/validation"
  # `magtwin view` gets the build tree's ParaView through MAGTWIN_PVBATCH.
  while IFS=$'\x1f' read -r kind line opts cmd; do
    cmd=${cmd//$'\x1e'/$'\n'}
    where="$rel:$line"
    case "$kind" in
      error)
        echo "FAIL $where: $opts${cmd:+: $cmd}" >&2
        n_fail=$((n_fail + 1)); failures+=("$where: $opts"); continue ;;
      notrun)
        echo "not run  $where: $opts"
        n_notrun=$((n_notrun + 1)); continue ;;
    esac
    expect=0 timeout=90 needs=""
    for o in $opts; do
      case "$o" in
        exit=*) expect=${o#exit=} ;;
        timeout=*) timeout=${o#timeout=} ;;
        needs=*) needs=${o#needs=} ;;
        *) echo "FAIL $where: unknown example option '$o'" >&2
           n_fail=$((n_fail + 1)); failures+=("$where: unknown option $o"); continue 2 ;;
      esac
    done
    if [ "$needs" = paraview ] && [ "$have_paraview" = 0 ]; then
      if [ "${MAGTWIN_REQUIRE_PARAVIEW:-0}" = 1 ]; then
        echo "FAIL $where: needs ParaView (pvbatch '$PVBATCH' missing, MAGTWIN_REQUIRE_PARAVIEW=1)" >&2
        n_fail=$((n_fail + 1)); failures+=("$where: ParaView missing"); continue
      fi
      echo "skipped  $where: needs ParaView"; n_skip=$((n_skip + 1)); continue
    fi
    if [ "$needs" = validation ] && [ "$have_validation" = 0 ]; then
      echo "skipped  $where: needs the validation data ($VALIDATION)"; n_skip=$((n_skip + 1)); continue
    fi
    n_run=$((n_run + 1))
    log=$WORK/example.log
    t0=$(date +%s.%N)
    (cd "$scratch" && export PATH="$WORK/bin:$PATH" &&
       { [ "$have_paraview" = 0 ] || export MAGTWIN_PVBATCH=$PVBATCH; } &&
       timeout --kill-after=10 "$timeout" bash -c "$cmd") > "$log" 2>&1 < /dev/null
    rc=$?
    secs=$(echo "$(date +%s.%N) - $t0" | bc -l)
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
      echo "FAIL $where: timed out after $timeout s: $cmd" >&2
      tail -n 15 "$log" | sed 's/^/    /' >&2
      n_fail=$((n_fail + 1)); failures+=("$where: timed out after $timeout s"); continue
    fi
    if [ "$rc" != "$expect" ]; then
      echo "FAIL $where: exit status $rc (expected $expect): $cmd" >&2
      tail -n 15 "$log" | sed 's/^/    /' >&2
      n_fail=$((n_fail + 1)); failures+=("$where: exit status $rc, expected $expect"); continue
    fi
    n_ok=$((n_ok + 1))
    printf "ok       %s (%.1f s): %s\n" "$where" "$secs" "$(echo "$cmd" | head -n1)"
  done < <(extract "$file")
done

echo "doc examples: $n_run run, $n_ok passed, $n_fail failed, $n_notrun not run, $n_skip skipped"
if [ "$n_fail" -gt 0 ]; then
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
total=$((n_run + n_notrun + n_skip))
if [ "$total" -eq 0 ] || [ $((2 * n_run)) -lt "$total" ]; then
  echo "FAIL: only $n_run of $total examples ran (at least half must run)" >&2
  exit 1
fi
exit 0
