#pragma once

#include <cstdint>

#include "hwshow/Playlist.h"

namespace hw {

// Which frame of a movie is on the wall, from the time into its cue alone:
// pure, so every node given the same show state computes the same frame, and
// no per-frame message or barrier is needed. Frame k of a pass shows for the
// interval [k, k+1) / rate from the pass's start; passes follow each other
// without a gap. Times are computed from the cue's start every time, never
// summed frame by frame, so 29.97 fps is as exact after ten hours as at the start.
class MovieClock {
 public:
  explicit MovieClock(MovieFacts facts) : facts_(facts) {}

  // Frame intervals since the cue started at `elapsed` s, not wrapped: a
  // "tick". Negative times are tick 0 (the first frame waits for its cue).
  std::int64_t tickAt(double elapsed) const;
  // The movie frame a tick shows: wraps at the movie's length.
  std::int64_t frameOfTick(std::int64_t tick) const;
  // The pass through the movie a tick falls in (0 = the first).
  std::int64_t passOfTick(std::int64_t tick) const;
  // s after the cue's start at which `tick` begins.
  double tickStart(std::int64_t tick) const;
  // The frame number of a picture stamped `pts` in a stream counting time in
  // units of timeBaseNum/timeBaseDen s, whose first frame is stamped
  // `startPts`: the nearest frame of this rate.
  std::int64_t frameOfTimestamp(std::int64_t pts, std::int64_t startPts, int timeBaseNum,
                                int timeBaseDen) const;
  // The stream timestamp at which `frame` starts; inverse of frameOfTimestamp.
  std::int64_t timestampOfFrame(std::int64_t frame, std::int64_t startPts, int timeBaseNum,
                                int timeBaseDen) const;

  const MovieFacts& facts() const { return facts_; }

 private:
  MovieFacts facts_;
};

}  // namespace hw
