#!/usr/bin/env bash
# Builds the Debian package into ./build (hyperwall_VERSION_ARCH.deb) and checks
# it: lintian on the package, systemd-analyze verify on its units as installed.
# Usage: scripts/package.sh [extra cmake -D options]   (docs/install.md)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  -h|--help) echo "usage: scripts/package.sh [extra cmake -D options]"; exit 0 ;;
  -D*|"") ;;
  *) echo "usage: scripts/package.sh [extra cmake -D options]" >&2; exit 2 ;;
esac
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j2 --target hyperwall package_files
rm -f build/hyperwall_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/hyperwall_*.deb)

# Errors and warnings fail; lintian's informational tags do not.
lintian --allow-root --fail-on error,warning "$deb"

# The units as the package installs them, verified in that tree (their
# ExecStart binary included) beside this machine's systemd units (the targets
# they name). The manual page is lintian's to check.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no --root="$root" \
  "$root"/lib/systemd/system/hyperwall-master.service \
  "$root"/lib/systemd/system/hyperwall-node@0.service 2>&1 | tee "$root/verify.log"
if [ -s "$root/verify.log" ]; then
  echo "package: systemd-analyze verify found problems in the units" >&2
  exit 1
fi
echo "package: $deb (lintian and systemd-analyze verify passed)"
