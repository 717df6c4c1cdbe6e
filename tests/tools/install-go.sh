#!/usr/bin/env bash
# Installs Go 1.24 from Debian's trixie archive into a folder of the repository (default
# .tools/go), without touching the system's apt sources, lists or dpkg database: a private apt
# configuration (its own source list, lists, cache and an empty status file) downloads the
# two .debs and `dpkg -x` unpacks them. Quick when the folder already holds this version.
#
#   tests/tools/install-go.sh [dest]     # prints the GOROOT on its last line
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${1:-$REPO_ROOT/.tools/go}"
PACKAGES=(golang-1.24-go golang-1.24-src)
GOROOT="$DEST/root/usr/lib/go-1.24"
STAMP="$DEST/.installed"

if [[ -x "$GOROOT/bin/go" && -f "$STAMP" ]]; then
  echo "$GOROOT"
  exit 0
fi

KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f "$KEYRING" ]] || { echo "install-go.sh: $KEYRING is missing (apt-get install debian-archive-keyring)" >&2; exit 1; }

APT_DIR="$DEST/apt"
rm -rf "$APT_DIR" "$DEST/root" "$DEST/debs"
mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$DEST/debs" "$DEST/root"
: >"$APT_DIR/sources.list"
cat >"$APT_DIR/sources.list.d/trixie.sources" <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: $KEYRING
SOURCES

APT_OPTS=(
  -o "Dir::Etc::SourceList=$APT_DIR/sources.list"
  -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
  -o "Dir::State::Lists=$APT_DIR/lists"
  -o "Dir::Cache=$APT_DIR/cache"
  -o "Dir::Cache::Archives=$APT_DIR/cache/archives"
  -o "Dir::State::status=/dev/null"
  -o "Debug::NoLocking=1"
  -q
)
apt-get "${APT_OPTS[@]}" update >"$DEST/apt-update.log" 2>&1 \
  || { tail -n 20 "$DEST/apt-update.log" >&2; echo "install-go.sh: apt-get update of the private trixie source failed" >&2; exit 1; }
(cd "$DEST/debs" && apt-get "${APT_OPTS[@]}" download "${PACKAGES[@]}" >"$DEST/apt-download.log" 2>&1) \
  || { tail -n 20 "$DEST/apt-download.log" >&2; echo "install-go.sh: downloading ${PACKAGES[*]} failed" >&2; exit 1; }
for deb in "$DEST"/debs/*.deb; do
  dpkg -x "$deb" "$DEST/root"
done
rm -rf "$APT_DIR" "$DEST/debs"
[[ -x "$GOROOT/bin/go" ]] || { echo "install-go.sh: $GOROOT/bin/go is missing after unpacking" >&2; exit 1; }
"$GOROOT/bin/go" version >"$STAMP"
echo "$GOROOT"
