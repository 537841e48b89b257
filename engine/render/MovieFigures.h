#pragma once

#include <cstdint>

namespace hw {

// What a node says about the movie of the cue on its display, for operators:
// node_status's "movie" (docs/protocol.md) and each node's "movie" in
// /api/status (docs/api.md), which number the frame differently.
struct MovieFigures {
  std::int64_t frame = -1;   // 0-based frame of the cue's first movie on the display; -1 = none yet
  std::int64_t dropped = 0;  // frames decoded too late to show, or skipped to stay on time
  std::int64_t late = 0;     // draws whose frame was not ready (the last one stayed up)
  int queued = 0;            // frames decoded ahead, waiting for their time
  double decodeFps = 0;      // frames composed per second over the last few seconds
};

}  // namespace hw
