#!/usr/bin/env bash
# Installs what is missing, builds warning-free (-Werror), checks the Debian
# package (lintian, systemd-analyze verify) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh -DHYPERWALL_WERROR=ON
scripts/package.sh -DHYPERWALL_WERROR=ON
ctest --test-dir build --output-on-failure -j2 --timeout 300
