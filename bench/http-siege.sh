#!/usr/bin/env bash
# The master's HTTP port under attack (docs/architecture.md, "The HTTP port"):
# 64 slowloris connections (a header byte a second, reconnecting when cut)
# and 8 header floods (10,000 x 8 KB headers per request, again and again)
# (in a process of their own, at nice 10) against one master, while `hyperwall
# ctl status` and GET /api/status are timed in a loop and a
# 50 MB asset is fetched five times as a node does. The same fetch and status loop run
# first with no attack, so the printed ratio compares within one run.
# Prints ctl status p50/p99/max, fetch MB/s with and without the attack and
# the master's peak RSS.
# Usage: bench/http-siege.sh [BUILD_DIR] [ATTACK_SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-30}"
cmake --build "$build" --target hyperwall >/dev/null
exec python3 "$root/bench/http_siege.py" "$build/hyperwall" "$seconds"
