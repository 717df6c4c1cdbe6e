#!/usr/bin/env bash
# Installs those of the given Debian packages that are missing, as root or through sudo. Runs
# apt-get update only when something is missing, so a prepared machine spends no time here, and
# waits for another apt run (e.g. unattended upgrades) holding the lock rather than fail.
#
#   tests/tools/install-apt-packages.sh <package>...
set -euo pipefail

missing=()
for pkg in "$@"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done
((${#missing[@]} > 0)) || exit 0

echo "==> installing ${missing[*]}"
SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-apt-packages.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
"${APT[@]}" update
"${APT[@]}" install -y --no-install-recommends "${missing[@]}"
