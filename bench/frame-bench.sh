#!/usr/bin/env bash
# CPU cost of frame reports (docs/protocol.md, "frame"): two headless nodes
# of one master follow the same show of photo-sized JPEGs, one with
# --frames (renders its tile, scales, encodes, sends on every cue change)
# and one without (the baseline, same run). Prints both nodes' CPU seconds
# and the difference per cue change.
# Usage: bench/frame-bench.sh [BUILD_DIR] [SECONDS] [CUE_SECONDS]
# (KEEP_SHOT=FILE keeps the master's screenshot at the end.)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-30}"
cueSeconds="${3:-2}"
CONVERT="$(command -v convert-im6.q16 || command -v convert || true)"
[ -n "$CONVERT" ] || { echo "frame-bench: needs ImageMagick (scripts/install-deps.sh)" >&2; exit 1; }
cmake --build "$build" --target hyperwall >/dev/null
hw="$build/hyperwall"

scratch="$(mktemp -d /tmp/hw-frame-bench.XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
mkdir -p "$scratch/show"
echo "frame-bench: making 4 photo-like 3191x1795 JPEGs" >&2
for i in 1 2 3 4; do
  "$CONVERT" -seed "$i" -size 3191x1795 plasma:fractal -blur 0x1 -quality 92 "$scratch/show/photo-$i.jpg"
done
port=$((30000 + RANDOM % 10000 * 2))
export HYPERWALL_KEY=frame-bench-wall-key
"$hw" master "$scratch/show" --wall 2x2-1080p --bind 127.0.0.1 --port "$port" --http-port $((port + 1)) \
  --state "$scratch/state.json" --cue-seconds "$cueSeconds" 2>"$scratch/master.log" &
pids+=($!)
sleep 1  # the master binds; nodes retry anyway
"$hw" node --master "127.0.0.1:$port" --id r0c0 --headless --frames --cache "$scratch/c0" 2>"$scratch/r0c0.log" &
framesPid=$!; pids+=($framesPid)
"$hw" node --master "127.0.0.1:$port" --id r0c1 --headless --cache "$scratch/c1" 2>"$scratch/r0c1.log" &
basePid=$!; pids+=($basePid)
echo "frame-bench: running ${seconds} s, a cue change every ${cueSeconds} s" >&2
sleep "$seconds"

cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
withFrames=$(cpu "$framesPid")
baseline=$(cpu "$basePid")
changes=$(awk -v s="$seconds" -v c="$cueSeconds" 'BEGIN { print int(s / c) }')
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "node with --frames:    ${withFrames} s CPU over ${seconds} s"
echo "node without (base):   ${baseline} s CPU"
awk -v f="$withFrames" -v b="$baseline" -v n="$changes" 'BEGIN {
  printf "frame reports cost:    %.1f ms CPU per cue change (%d changes), %.1fx the baseline node\n",
         (f - b) * 1000 / n, n, (b > 0 ? f / b : 0) }'
"$hw" ctl --master "http://127.0.0.1:$((port + 1))" screenshot "$scratch/shot.png" >/dev/null
echo "screenshot: $(stat -c %s "$scratch/shot.png") bytes PNG"
if [ -n "${KEEP_SHOT:-}" ]; then cp "$scratch/shot.png" "$KEEP_SHOT"; fi
