#!/usr/bin/env bash
# Builds and runs the sync benchmark (docs/performance.md, "Sync").
# Usage: bench/sync-bench.sh [--movie] [--nodes N] [--cues M] [--netem] [--duration S] [--keep]
#                            [--hyperwall EXE]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target sync_bench hyperwall >/dev/null
exec build/bench/sync_bench "$@"
