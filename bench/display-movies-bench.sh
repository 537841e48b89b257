#!/usr/bin/env bash
# Per-display movies against the whole source (issue #13, section 1): for a
# 5760x3240 30p movie on 3x3-1080p, what one node (the centre display, r1c1)
# downloads and the CPU it spends per second of playback, decoding the whole
# source and cutting its display from it, against decoding the per-display
# movie the master prepares for it (`hyperwall tile`, the cut the master
# makes), in the same run. Playback is bench/MovieBench.cpp: the node's frame
# loop at real time (MovieCuePlayback, the tiler, texture uploads). The time
# to prepare against ffmpeg doing the same crop and encode is
# bench/movie-tile-bench.sh's figure.
# Usage: bench/display-movies-bench.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-10}"
movieSeconds=5  # length of the source; playback loops it
command -v ffmpeg >/dev/null || { echo "display-movies-bench: needs ffmpeg (scripts/install-deps.sh)" >&2; exit 1; }
cmake --build "$build" --target movie_bench hyperwall >/dev/null
bench="$build/bench/movie_bench"
export SDL_VIDEODRIVER=offscreen
source "$root/bench/movie-bench-lib.sh"

scratch="$(mktemp -d /tmp/hw-display-movies-bench.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
make_movie 5760x3240 "$scratch/source.mp4" "$movieSeconds"
echo "display-movies-bench: cutting it for 3x3-1080p (hyperwall tile)" >&2
started=$(date +%s%N)
"$build/hyperwall" tile "$scratch/source.mp4" --wall 3x3-1080p --fit fill --out "$scratch/tiles" 2>/dev/null
preparedMs=$((($(date +%s%N) - started) / 1000000))

# Plays MOVIE as node NODE of WALL; prints "CPU-per-second dropped".
play() {  # MOVIE WALL NODE
  local out
  out="$("$bench" "$1" --wall "$2" --node "$3" --fit fill --seconds "$seconds")"
  echo "$(echo "$out" | field per_second) $(echo "$out" | field dropped)"
}

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r wholeCpu wholeDropped <<<"$(play "$scratch/source.mp4" 3x3-1080p r1c1)"
read -r ownCpu ownDropped <<<"$(play "$scratch/tiles/r1c1.mp4" 1x1-1080p r0c0)"
wholeBytes=$(stat -c %s "$scratch/source.mp4")
ownBytes=$(stat -c %s "$scratch/tiles/r1c1.mp4")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v wc="$wholeCpu" -v wd="$wholeDropped" -v oc="$ownCpu" -v od="$ownDropped" \
    -v wb="$wholeBytes" -v ob="$ownBytes" -v s="$movieSeconds" -v p="$preparedMs" -v play="$seconds" 'BEGIN {
  printf "5760x3240 30p, %d s, on 3x3-1080p; node r1c1, %s s of playback each\n", s, play
  printf "%-34s %14s %12s %8s\n", "", "downloads MB/s", "CPU s per s", "dropped"
  printf "%-34s %14.2f %12.3f %8d\n", "whole source, cut on the node", wb / s / 1e6, wc, wd
  printf "%-34s %14.2f %12.3f %8d\n", "its per-display movie", ob / s / 1e6, oc, od
  printf "ratio (per-display / whole):      %14.2fx %11.2fx\n", ob / wb, oc / wc
  printf "preparing all nine movies took %.1f s for %d s of movie (hyperwall tile)\n", p / 1000, s }'
