#!/usr/bin/env bash
# Installs the Debian 12 packages magtwin needs. Idempotent: packages already
# installed are skipped, and apt-get update runs only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libeigen3-dev libyaml-cpp-dev libcli11-dev libfftw3-dev libsqlite3-dev libfast-float-dev libpqxx-dev postgresql-15
  libgtest-dev libgmock-dev libbenchmark-dev
  libvtk9-dev xvfb xauth
  gnuplot-nox
  openfoam libopenfoam
  python3-vtk9
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] all ${#PACKAGES[@]} Debian packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "[deps] installing: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" </dev/null
