#!/usr/bin/env bash
# Installs the Debian 12 packages magtwin needs. Idempotent: packages already
# installed are skipped, and apt-get update runs only when something is missing.
#   install-deps.sh            everything (tests, benchmarks, OpenFOAM plugin): README command 2
#   install-deps.sh --program  what building and running the `magtwin` program needs
#                              (README command 1, the main job)
set -euo pipefail

# The program: compiler, CMake, the libraries it links, gnuplot for PNG plots, Xvfb for the
# ParaView pictures (ParaView itself: scripts/install-paraview.sh).
PROGRAM_PACKAGES=(
  build-essential cmake pkg-config ca-certificates
  libeigen3-dev libyaml-cpp-dev libcli11-dev libfftw3-dev libsqlite3-dev libfast-float-dev libpqxx-dev
  libceres-dev  # twin calibrate: Levenberg-Marquardt and covariance (Ceres Solver)
  libvtk9-dev xvfb xauth
  gnuplot-nox
  libcpp-httplib-dev  # twin serve: the web view's HTTP server (cpp-httplib)
)
# The test suite on top: GoogleTest, Google Benchmark, OpenFOAM (plugin and case tests),
# VTK's Python module (case-output checks with /usr/bin/python3), git (source packages).
TEST_PACKAGES=(
  git libgtest-dev libgmock-dev libbenchmark-dev
  openfoam libopenfoam
  python3-vtk9
  python3-yaml  # tests/cli/foam_dict_test.sh reads resolved tool files
  postgresql-15  # the store tests start a private PostgreSQL server (tests/twin)
  chromium chromium-driver  # twin serve's pages in headless Chromium (tests/cli/twin_serve_browser_test.sh)
)

PACKAGES=("${PROGRAM_PACKAGES[@]}")
if [ "${1:-}" != "--program" ]; then PACKAGES+=("${TEST_PACKAGES[@]}"); fi

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
