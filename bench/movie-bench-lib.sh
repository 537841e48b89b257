# Shell helpers the movie benchmarks share (sourced, not run).

# A movie of testsrc2 (motion everywhere in the picture) with a keyframe every
# second, as playback's seeks expect of a show's movies.
make_movie() {  # SIZE FILE SECONDS
  echo "$(basename "$0"): making $(basename "$2") ($1, $3 s, libx264)" >&2
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=$1:rate=30" \
    -t "$3" -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 30 "$2"
}

# A field of movie_bench's RESULT line: `... | field per_second`.
field() { sed -n "s/^RESULT.* $1=\([0-9.]*\).*/\1/p"; }
