#pragma once

namespace hw {

enum class PlaybackMode {
  Stopped,  // nothing on the wall but the background
  Playing,  // time runs; cues follow each other by their durations
  Paused,   // time inside the cue stands still
};

// Everything a render node needs to know to draw any instant of the show,
// together with the playlist's timings. It is what the master sends: "cue N
// started at T", "paused at P". Later cues follow from it by their durations,
// so the state changes only on commands, never as time passes.
struct PlaybackState {
  PlaybackMode mode = PlaybackMode::Stopped;
  int cue = -1;           // cue that started at cueStart; -1 when stopped
  double cueStart = 0.0;  // clock s at which `cue` started, moved later by every pause
  double pausedAt = 0.0;  // clock s the current pause began; used only when Paused
  int fromCue = -1;       // cue on the wall when `cue` was commanded; -1 = background
  bool operator==(const PlaybackState&) const = default;
};

}  // namespace hw
