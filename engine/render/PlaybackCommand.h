#pragma once

namespace hw {

// One operator or master command, effective at a clock time. Applying it is a
// pure function of the state and that time (Timeline::apply), so every node
// given the same commands draws the same wall.
struct PlaybackCommand {
  enum class Kind {
    Play,      // start from the first cue when stopped or finished; resume when paused
    Pause,     // freeze time inside the current cue
    Resume,    // let time run again from where it was frozen
    Next,      // the following playable cue (wraps when looping)
    Previous,  // the preceding playable cue; at the first one, restart it
    GoTo,      // cue `cue` starts at `at`
    Stop,      // background only
    Seek,      // the cue on the wall at `at` shows `position` from then, paused or playing
  };
  Kind kind = Kind::Play;
  double at = 0.0;        // clock s the command takes effect
  int cue = -1;           // 0-based cue index for GoTo; ignored otherwise
  double position = 0.0;  // s into the cue for Seek, in [0, its duration); ignored otherwise
};

}  // namespace hw
