#!/usr/bin/env bash
# Builds hyperwall and its tests with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang) into ./build-asan and runs the unit tests
# once; any sanitizer report fails its test. Left out: the browser test
# (web_remote: Chromium under an ASan master only measures Chromium)
# and the sync benchmark-like tests named in SLOW_UNDER_ASAN below.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "usage: scripts/sanitize.sh" >&2; exit 2 ;;
esac

scripts/install-deps.sh --tests >/dev/null
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DHYPERWALL_SANITIZE=ON -DHYPERWALL_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build build-asan -j2

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0
SLOW_UNDER_ASAN='^web_remote$'
ctest --test-dir build-asan --output-on-failure -j2 --timeout 600 -E "$SLOW_UNDER_ASAN"
