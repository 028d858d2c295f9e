#!/usr/bin/env bash
# Installs Debian's clang (clang-14 on Debian 12: libFuzzer, ASan/UBSan runtimes) when no
# clang++ is on the machine; used by run-fuzz.sh and run-twin-sanitizers.sh.
set -euo pipefail
if ! command -v clang++-14 >/dev/null && ! command -v clang++ >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "[clang] installing clang (libFuzzer, sanitizers)"
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q clang </dev/null
fi
