#!/usr/bin/env bash
# Per-display movie preparation (issue #13): `hyperwall tile MOVIE --wall
# 3x3-1080p` on a 5760x3240 30p source, against ffmpeg doing the same
# crop-and-encode from the command line (scale to the 5772x3252 canvas, crop
# the nine 1920x1080 displays 6 px apart, libx264 veryfast CRF 18, a keyframe
# every 30 frames) in the same run. Prints wall-clock and CPU seconds of both
# and the ratio. Target: no slower than ffmpeg.
# Usage: bench/movie-tile-bench.sh [BUILD_DIR] [SECONDS_OF_SOURCE]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-4}"
command -v ffmpeg >/dev/null || { echo "movie-tile-bench: needs ffmpeg (scripts/install-deps.sh)" >&2; exit 1; }
cmake --build "$build" --target hyperwall >/dev/null
scratch="$(mktemp -d /tmp/hw-movie-tile-bench.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

echo "movie-tile-bench: making a 5760x3240 30p source, ${seconds} s (libx264)" >&2
ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=5760x3240:rate=30" \
  -t "$seconds" -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 30 "$scratch/source.mp4"

# "elapsed_s cpu_s" of a command, from GNU time.
timed() {
  /usr/bin/time -f "%e %U %S" -o "$scratch/time" "$@" >/dev/null 2>"$scratch/log" ||
    { cat "$scratch/log" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$scratch/time"
}

read -r ours_s ours_cpu < <(timed "$build/hyperwall" tile "$scratch/source.mp4" --wall 3x3-1080p \
  --out "$scratch/ours")

graph="[0:v]scale=5772:3252,split=9"
for i in $(seq 0 8); do graph+="[s$i]"; done
for row in 0 1 2; do
  for col in 0 1 2; do
    i=$((row * 3 + col))
    graph+=";[s$i]crop=1920:1080:$((col * 1926)):$((row * 1086))[o$i]"
  done
done
outputs=()
for i in $(seq 0 8); do
  outputs+=(-map "[o$i]" -c:v libx264 -preset veryfast -crf 18 -g 30 -pix_fmt yuv420p
            "$scratch/ffmpeg-$i.mp4")
done
read -r ff_s ff_cpu < <(timed ffmpeg -nostdin -hide_banner -loglevel error -y \
  -i "$scratch/source.mp4" -filter_complex "$graph" "${outputs[@]}")

frames=$((seconds * 30))
echo "source 5760x3240 30p, $frames frames, onto 3x3-1080p (nine 1920x1080 movies)"
echo "hyperwall tile: ${ours_s} s elapsed, ${ours_cpu} CPU s"
echo "ffmpeg:         ${ff_s} s elapsed, ${ff_cpu} CPU s"
awk -v a="$ours_s" -v b="$ff_s" -v c="$ours_cpu" -v d="$ff_cpu" 'BEGIN {
  printf "ratio hyperwall/ffmpeg: %.2fx elapsed, %.2fx CPU (target: <= 1.00x elapsed): %s\n",
         a / b, c / d, (a <= b ? "met" : "missed") }'
