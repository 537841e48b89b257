#pragma once

#include <optional>
#include <string>

#include "engine/net/ShowSchedule.h"

namespace hw {

// What an operator asks of the show. Every command takes effect at a master
// time far enough ahead for every node to be ready, never "now".
struct ShowCommand {
  enum class Action { Play, Pause, Resume, Next, Previous, GoTo, Stop };
  Action action = Action::Play;
  int cue = 0;  // playlist cue for GoTo

  static std::optional<Action> parseAction(const std::string& name);
  static std::string actionName(Action action);
};

// The state after `command` takes effect at master time `effectiveAt`, given
// that it is now `now`. Timelines no longer in force are dropped; later ones
// are replaced. Throws std::invalid_argument for a command that cannot apply
// (no such cue, nothing playable).
ShowState applyCommand(const ShowState& state, const ShowSchedule& schedule,
                       const ShowCommand& command, double now, double effectiveAt);

}  // namespace hw
