#!/usr/bin/env bash
# Runs the real `magtwin view` on bad input: exit status 2 and a message naming the
# problem, and no PNG written. (Rendering itself is tested by test_paraview_views.)
set -u
BIN=$1
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/empty" "$tmp/ero" && echo '<VTKFile/>' > "$tmp/ero/erosion.pvd"

expect_exit() {  # expected_code pattern args...
  local want=$1 pattern=$2; shift 2
  "$BIN" "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: magtwin $* exited $got, want $want"; cat "$tmp/err"; fail=1; return; fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/out" "$tmp/err"; then
    echo "FAIL: magtwin $*: output lacks /$pattern/"; cat "$tmp/out" "$tmp/err"; fail=1; return; fi
  echo "ok: magtwin $* -> $got"
}

expect_exit 0 "RESULT_DIR" view --help
expect_exit 2 "is not a folder" view "$tmp/nowhere"
expect_exit 2 "holds no result magtwin view knows.*erosion.pvd" view "$tmp/empty"
expect_exit 2 "unknown result kind 'replays'; accepted" view "$tmp/ero" --kind replays
expect_exit 2 "--kind replay.*holds: erosion" view "$tmp/ero" --kind replay
expect_exit 2 "--kind deposition.*holds: erosion" view "$tmp/ero" --kind deposition
expect_exit 2 "--size '12x'" view "$tmp/ero" --size 12x
expect_exit 2 "--limit-pct" view "$tmp/ero" --limit-pct 0
expect_exit 2 "--field 'a b'" view "$tmp/ero" --field "a b"
# Needs ParaView: a missing field is bad input too (exit 2), reported by the script.
if [ -x "${PVBATCH:-}" ]; then
  expect_exit 2 "lists no DataSet|no point field" view "$tmp/ero"
  expect_exit 2 "--png .*does not exist" view "$tmp/ero" --png "$tmp/no/such/dir/x.png"
  # A VTK file the reader cannot parse: exit 2 naming the file and the reader's error.
  mkdir -p "$tmp/dep"
  printf '<?xml version="1.0"?>\n<VTKFile type="StructuredGrid" version="1.0">\n<StructuredGrid WholeExtent="0 1 0 1 0 0">\n<Piece Extent="0 1 0 1 0 0"> \001\002 & <\n' \
    > "$tmp/dep/thickness.vts"
  expect_exit 2 "dep/thickness.vts: unreadable VTK file \(the reader says: .+\)" view "$tmp/dep" --png "$tmp/dep/x.png"
fi
if ls "$tmp"/*/*.png >/dev/null 2>&1; then echo "FAIL: a PNG was written on bad input"; fail=1; fi
exit $fail
