#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/render/PlaybackCommand.h"
#include "engine/render/PlaybackPosition.h"
#include "engine/render/PlaybackState.h"
#include "engine/render/Timeline.h"

namespace hw {

// The master's full show state, on the master's clock: the playback state in
// force and the commands already scheduled for later. Sent to every node on
// join and on every change; a node that missed messages recomputes all from
// the latest one. Playback maths are the render model's (engine/render/Timeline).
struct ShowState {
  std::uint64_t sequence = 0;            // bumped on every change; older states are ignored
  PlaybackState base;                    // in force before the first pending command
  std::vector<PlaybackCommand> pending;  // commands by `at` (master s), none yet due when sent
};

PlaybackState stateAt(const ShowState& show, const Timeline& timeline, double masterTime);
PlaybackPosition positionAt(const ShowState& show, const Timeline& timeline, double masterTime);

// The next master time after `masterTime` at which the cue on the wall
// changes, and the cue it changes to (-1: background only); nullopt when
// nothing is due (paused, stopped, or holding the last cue).
struct CueChange {
  double at = 0;  // s, master time
  int cue = -1;   // cue shown from `at`
};
std::optional<CueChange> nextChange(const ShowState& show, const Timeline& timeline,
                                    double masterTime);

// The state after `command` is scheduled, as of master time `now`: commands
// due by `now` are folded into the base, and the new one never takes effect
// before one already scheduled (so pressing "next" twice goes two cues on).
ShowState schedule(const ShowState& show, const Timeline& timeline, PlaybackCommand command,
                   double now);

// "play", "pause", "resume", "next", "previous", "goto", "stop", "seek".
std::optional<PlaybackCommand::Kind> commandKindNamed(const std::string& name);
std::string commandKindName(PlaybackCommand::Kind kind);

}  // namespace hw
