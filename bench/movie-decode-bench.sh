#!/usr/bin/env bash
# Decode cost per node (issue #12): the CPU one render node spends per second
# of movie playback (bench/MovieBench.cpp: the Player's frame loop at real
# time on a headless window, MovieCuePlayback decoding ahead through the
# tiler, texture uploads), against ffmpeg decoding the same file alone with
# the same thread count, in the same run. Target: at most 1.3x ffmpeg's CPU;
# pinned to one core, a 1080p movie on one display drops no frame.
#   (a) 1920x1080 30p on one display (1x1-1080p), also pinned to core 0
#   (b) 3840x2160 30p cropped to the centre display of 3x3-1080p (r1c1, fill)
# Usage: bench/movie-decode-bench.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-20}"
movieSeconds=10  # length of each test movie; playback loops it
command -v ffmpeg >/dev/null || { echo "movie-decode-bench: needs ffmpeg (scripts/install-deps.sh)" >&2; exit 1; }
cmake --build "$build" --target movie_bench >/dev/null
bench="$build/bench/movie_bench"
export SDL_VIDEODRIVER=offscreen

scratch="$(mktemp -d /tmp/hw-movie-bench.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
source "$root/bench/movie-bench-lib.sh"
make_movie 1920x1080 "$scratch/movie-1080p.mp4" "$movieSeconds"
make_movie 3840x2160 "$scratch/movie-2160p.mp4" "$movieSeconds"
# The first picture as a still: what the node's frame loop costs without a movie.
ffmpeg -nostdin -hide_banner -loglevel error -y -i "$scratch/movie-1080p.mp4" -frames:v 1 "$scratch/still-1080p.png"

# ffmpeg's CPU s per s of movie, decoding alone: utime + stime of its -benchmark line.
floor() {  # THREADS MOVIE [taskset prefix...]
  local threads="$1" movie="$2"
  shift 2
  "$@" ffmpeg -nostdin -hide_banner -benchmark -threads "$threads" -i "$movie" -f null - 2>&1 |
    sed -n 's/^bench: utime=\([0-9.]*\)s stime=\([0-9.]*\)s.*/\1 \2/p' |
    awk -v s="$movieSeconds" '{ printf "%.4f", ($1 + $2) / s }'
}

# Plays one case, then decodes its movie with ffmpeg; prints both and the ratio.
run_case() {  # NAME MOVIE WALL NODE [taskset prefix...]
  local name="$1" movie="$2" wall="$3" node="$4"
  shift 4
  echo "$name"
  local out
  out="$("$@" "$bench" "$movie" --wall "$wall" --node "$node" --fit fill --seconds "$seconds")"
  echo "$out" | grep -v '^RESULT'
  local ours threads ffmpegCpu dropped
  ours="$(echo "$out" | field per_second)"
  threads="$(echo "$out" | field threads)"
  dropped="$(echo "$out" | field dropped)"
  ffmpegCpu="$(floor "$threads" "$movie" "$@")"
  due="$(echo "$out" | field due)"
  # A node that shows no frame spends little: its ratio is no result.
  awk -v o="$ours" -v f="$ffmpegCpu" -v t="$threads" -v d="$dropped" -v n="$due" 'BEGIN {
    printf "  node:   %.3f CPU s per s of playback\n", o
    printf "  ffmpeg: %.3f CPU s per s of movie (-threads %d, decoding alone)\n", f, t
    verdict = n == 0 ? "NO FRAME SHOWN, not a result" : (o / f <= 1.3 ? "met" : "MISSED")
    printf "  ratio:  %.2fx ffmpeg (target <= 1.3x: %s); dropped %d\n", o / f, verdict, d }'
}

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ffmpeg: $(ffmpeg -hide_banner -version | head -1)"
run_case "(a) 1920x1080 30p on 1x1-1080p" "$scratch/movie-1080p.mp4" 1x1-1080p r0c0
run_case "(a) pinned to one core (taskset -c 0; target: 0 dropped)" \
  "$scratch/movie-1080p.mp4" 1x1-1080p r0c0 taskset -c 0
run_case "(b) 3840x2160 30p, centre display of 3x3-1080p (fill)" \
  "$scratch/movie-2160p.mp4" 3x3-1080p r1c1
echo "frame loop alone, a still 1920x1080 PNG on 1x1-1080p (draws and presents at 60 Hz):"
"$bench" "$scratch/still-1080p.png" --still --wall 1x1-1080p --node r0c0 --fit fill --seconds "$seconds" |
  awk -F'per_second=' '/^RESULT/ { split($2, v, " "); printf "  %.3f CPU s per s\n", v[1] }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Where a frame's CPU goes (stages one after the other):"
"$bench" "$scratch/movie-1080p.mp4" --wall 1x1-1080p --node r0c0 --fit fill --breakdown 90
"$bench" "$scratch/movie-2160p.mp4" --wall 3x3-1080p --node r1c1 --fit fill --breakdown 90
