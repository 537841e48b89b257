#pragma once

#include <cstdint>

namespace hw {

// What a node playing the wall's sound says of it, for operators:
// node_status's "sound" (docs/protocol.md) and each node's "sound" in
// /api/status (docs/api.md).
struct SoundFigures {
  bool playing = false;    // a soundtrack was heard in the last buffer
  double error = 0;        // s the sound is ahead (+) of the master clock, smoothed
  double deviceRate = 1;   // master s per s the sound device plays
  std::int64_t jumps = 0;  // times the sound jumped to the clock (starts, seeks, resumes)
};

}  // namespace hw
