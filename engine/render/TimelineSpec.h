#pragma once

#include <vector>

#include "hwshow/Playlist.h"

namespace hw {

// The timing of one cue, all the timeline needs to know about it.
struct CueTiming {
  double durationSeconds = 10.0;  // s on the wall before the next cue
  double fadeSeconds = 0.0;       // s of crossfade into this cue; 0 = cut
  bool playable = true;           // false: skipped by playback and navigation
};

// The timings of a whole show.
struct TimelineSpec {
  std::vector<CueTiming> cues;  // one per playlist cue, same order
  bool loop = true;             // true: the first cue follows the last
};

// Reads the timings off a playlist.
TimelineSpec timelineSpecFor(const Playlist& playlist);

}  // namespace hw
