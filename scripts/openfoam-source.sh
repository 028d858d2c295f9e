# Sourced by prepare-openfoam-headers.sh and prepare-openfoam-wmake.sh: Debian's openfoam
# source package (openfoam_1912.200626.orig.tar.bz2 plus Debian's files), downloaded once.
#   openfoam_source_tarball DOWNLOAD   prints the tarball's path, fetching it when absent
# Messages go to stderr (stdout is the path).
openfoam_source_tarball() {
  local DOWNLOAD=$1 SUDO="" TARBALL SRC
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  mkdir -p "$DOWNLOAD"
  TARBALL=$(ls "$DOWNLOAD"/openfoam_*.orig.tar.* 2>/dev/null | head -n1 || true)
  if [ -n "$TARBALL" ]; then echo "$TARBALL"; return 0; fi
  {
    # 1. deb-src entry (Debian 12 deb822 format), only when no deb-src line exists yet.
    if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
      SRC=/etc/apt/sources.list.d/debian-src.sources
      echo "[openfoam-source] adding deb-src stanzas to $SRC"
      # Each "Types: deb" stanza of debian.sources becomes a "Types: deb-src" one.
      sed -e 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' \
        /etc/apt/sources.list.d/debian.sources | $SUDO tee "$SRC" >/dev/null
      $SUDO apt-get update -q </dev/null
    fi
    # 2. the source package.
    echo "[openfoam-source] downloading Debian's openfoam source package"
    if ! (cd "$DOWNLOAD" && apt-get source --download-only openfoam </dev/null); then
      # A stale package index (deb-src added by someone else, never updated): refresh once.
      $SUDO apt-get update -q </dev/null
      (cd "$DOWNLOAD" && apt-get source --download-only openfoam </dev/null)
    fi
  } >&2
  ls "$DOWNLOAD"/openfoam_*.orig.tar.* | head -n1
}
