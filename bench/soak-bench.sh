#!/usr/bin/env bash
# Builds and runs the soak benchmark (docs/performance.md, "Soak").
# Usage: bench/soak-bench.sh [--duration S] [--port P] [--keep] [--hyperwall EXE]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target soak_bench hyperwall >/dev/null
exec build/bench/soak_bench "$@"
