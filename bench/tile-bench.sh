#!/usr/bin/env bash
# Tiler speed: a 3191x1795 JPEG and a 1920x1080 PNG onto 3x3-1080p and
# 5x3-1080p, in memory and written as PNG, against decoding alone and against
# ImageMagick, all in this run. Usage: bench/tile-bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
runs="${2:-9}"
# ImageMagick itself, not a wrapper that may stand in front of it on PATH.
CONVERT="$(command -v convert-im6.q16 || command -v convert || true)"
[ -n "$CONVERT" ] || { echo "tile-bench: needs ImageMagick (scripts/install-deps.sh)" >&2; exit 1; }
export CONVERT
cmake --build "$build" --target tile_bench >/dev/null

scratch="$(mktemp -d /tmp/hw-tile-bench.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
# Photo-like inputs (plasma fractal: smooth areas and fine detail, like a
# microscope photograph), real files in the seed media's sizes and formats.
"$CONVERT" -seed 31382 -size 3191x1795 plasma:fractal -blur 0x1 -quality 92 "$scratch/photo-3191x1795.jpg"
"$CONVERT" -seed 31383 -size 1920x1080 plasma:fractal -blur 0x1 "$scratch/photo-1920x1080.png"

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
# Other work on the machine slows the parallel tiler more than serial decoding.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ImageMagick: $("$CONVERT" -version | head -1)"
"$build/bench/tile_bench" "$scratch" "$runs" "$scratch/photo-3191x1795.jpg" "$scratch/photo-1920x1080.png"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$build/bench/tile_bench" --peak-memory "$scratch/photo-3191x1795.jpg" 3x3-1080p "$scratch"
