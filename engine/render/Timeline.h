#pragma once

#include "engine/render/PlaybackCommand.h"
#include "engine/render/PlaybackPosition.h"
#include "engine/render/PlaybackState.h"
#include "engine/render/TimelineSpec.h"

namespace hw {

// The show's clock maths, free of SDL and threads: what is on the wall at any
// clock time, and how a command changes the state. Nodes that share the state
// and the clock compute the same cue, elapsed time and crossfade progress.
class Timeline {
 public:
  explicit Timeline(TimelineSpec spec);

  // The cue on the wall at clock time `now`, following cues by their
  // durations from the state's cue (whole loops are skipped in one step).
  PlaybackPosition positionAt(const PlaybackState& state, double now) const;
  // The state after `command`, evaluated at command.at. Commands that do not
  // apply (next at the end of a show that holds, go-to a cue that cannot
  // play, pause while stopped, a seek while stopped or outside the cue's
  // duration) leave the wall as it is.
  PlaybackState apply(const PlaybackState& state, const PlaybackCommand& command) const;

  int cueCount() const { return static_cast<int>(spec_.cues.size()); }
  bool loops() const { return spec_.loop; }
  bool playable(int cue) const;
  double durationOf(int cue) const;
  // Whether `position` s is a time inside playable cue `cue`: [0, its duration).
  bool holds(int cue, double position) const;
  int firstPlayable() const;
  // The playable cue after / before `cue`, wrapping when the show loops; -1 when none.
  int nextPlayable(int cue) const;
  int previousPlayable(int cue) const;

 private:
  TimelineSpec spec_;
  double cycleSeconds_ = 0.0;  // s, one pass through every playable cue
};

}  // namespace hw
