#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace hw {

// What master and nodes both know about the show's timing: the only inputs,
// besides the ShowState, of where the show is at any master time.
struct ShowSchedule {
  std::vector<double> durations;  // s per playlist cue; 0 = not playable, skipped
  bool loop = true;               // true: after the last cue comes the first

  int cueCount() const { return static_cast<int>(durations.size()); }
  bool playable(int cue) const;
  // The next/previous playable cue, wrapping when looping; nullopt at an end.
  std::optional<int> after(int cue) const;
  std::optional<int> before(int cue) const;
  std::optional<int> first() const;
  double loopSeconds() const;  // s, one pass over every playable cue
};

// One stretch of the show, in force from `effectiveAt` until the next one.
struct Timeline {
  enum class Mode { Playing, Paused, Stopped };
  double effectiveAt = 0;  // s, master time this stretch takes over
  Mode mode = Mode::Stopped;
  int cue = -1;            // playlist cue shown at cueStart (-1 when stopped)
  double cueStart = 0;     // s, master time `cue` began
  double pausedElapsed = 0;  // s into `cue` when it was paused (Paused only)
};

// The master's full show state: what is in force now and every change
// already scheduled for later. Sent on join and on every change; a node
// that missed messages recomputes everything from the latest one.
struct ShowState {
  std::uint64_t sequence = 0;       // bumped on every change; older states are ignored
  std::vector<Timeline> timelines;  // by effectiveAt; the first is in force now
};

// Where the show is at one master time.
struct ShowPosition {
  int cue = -1;                          // playlist cue on the wall; -1 = stopped (standby)
  double since = 0;                      // s, master time this cue began
  Timeline::Mode mode = Timeline::Mode::Stopped;
  bool operator==(const ShowPosition&) const = default;
};

ShowPosition positionAt(const ShowState& state, const ShowSchedule& schedule, double masterTime);

// The next master time after `masterTime` at which the wall's cue changes,
// with the cue it changes to (-1: to standby); nullopt when nothing is due.
struct CueChange {
  double at = 0;  // s, master time
  int cue = -1;   // playlist cue shown from `at`
};
std::optional<CueChange> nextChange(const ShowState& state, const ShowSchedule& schedule,
                                    double masterTime);

}  // namespace hw
