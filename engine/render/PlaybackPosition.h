#pragma once

#include "engine/render/PlaybackState.h"

namespace hw {

// What the wall shows at one clock time: derived from a PlaybackState by
// Timeline::positionAt, never stored.
struct PlaybackPosition {
  PlaybackMode mode = PlaybackMode::Stopped;
  int cue = -1;             // cue on the wall; -1 = background only
  double cueStart = 0.0;    // clock s the cue started (later by every pause)
  double elapsed = 0.0;     // s into the cue; stands still while paused
  double remaining = 0.0;   // s until the cue's time is up
  int previousCue = -1;     // cue fading out while `transition` < 1; -1 = background
  double transition = 1.0;  // 0..1 progress of the crossfade into `cue`; 1 = settled
  int nextCue = -1;         // cue due after this one; -1 at the end of a show that holds
  bool finished = false;    // a show that does not loop is past its last cue, which it holds

  bool paused() const { return mode == PlaybackMode::Paused; }
  bool settled() const { return transition >= 1.0; }
};

}  // namespace hw
