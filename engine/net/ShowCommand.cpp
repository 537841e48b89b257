#include "engine/net/ShowCommand.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace hw {
namespace {

const std::map<std::string, ShowCommand::Action>& actionNames() {
  static const std::map<std::string, ShowCommand::Action> names{
      {"play", ShowCommand::Action::Play},         {"pause", ShowCommand::Action::Pause},
      {"resume", ShowCommand::Action::Resume},     {"next", ShowCommand::Action::Next},
      {"previous", ShowCommand::Action::Previous}, {"goto", ShowCommand::Action::GoTo},
      {"stop", ShowCommand::Action::Stop}};
  return names;
}

int firstCue(const ShowSchedule& schedule) {
  auto first = schedule.first();
  if (!first) throw std::invalid_argument("the show has no playable cue");
  return *first;
}

// The timeline a command produces from the position it finds at `at`.
Timeline commandTimeline(const ShowState& state, const ShowSchedule& schedule,
                         const ShowCommand& command, double at) {
  using Mode = Timeline::Mode;
  ShowPosition position = positionAt(state, schedule, at);
  Timeline inForce;
  for (const auto& timeline : state.timelines)
    if (timeline.effectiveAt <= at) inForce = timeline;
  bool stopped = position.mode == Mode::Stopped;
  // Stepping keeps a paused wall paused; from standby it starts playing.
  Mode stepMode = position.mode == Mode::Paused ? Mode::Paused : Mode::Playing;
  switch (command.action) {
    case ShowCommand::Action::Play:
      return {at, Mode::Playing, firstCue(schedule), at};
    case ShowCommand::Action::Pause:
      if (position.mode == Mode::Playing)
        return {at, Mode::Paused, position.cue, position.since, at - position.since};
      return {at, position.mode, position.cue, position.since, inForce.pausedElapsed};
    case ShowCommand::Action::Resume:
      if (stopped) return {at, Mode::Playing, firstCue(schedule), at};
      // The paused cue keeps the time it had left when it was paused.
      if (position.mode == Mode::Paused)
        return {at, Mode::Playing, position.cue, at - inForce.pausedElapsed};
      return {at, Mode::Playing, position.cue, position.since};
    case ShowCommand::Action::Next: {
      if (stopped) return {at, Mode::Playing, firstCue(schedule), at};
      int cue = schedule.after(position.cue).value_or(position.cue);
      return {at, stepMode, cue, at};
    }
    case ShowCommand::Action::Previous: {
      if (stopped) return {at, Mode::Playing, firstCue(schedule), at};
      int cue = schedule.before(position.cue).value_or(position.cue);
      return {at, stepMode, cue, at};
    }
    case ShowCommand::Action::GoTo:
      if (!schedule.playable(command.cue))
        throw std::invalid_argument("no playable cue " + std::to_string(command.cue) + " (the show has " +
                                    std::to_string(schedule.cueCount()) + " cues)");
      return {at, stepMode, command.cue, at};
    case ShowCommand::Action::Stop:
      return {at, Mode::Stopped, -1, at};
  }
  throw std::invalid_argument("unknown command");
}

}  // namespace

std::optional<ShowCommand::Action> ShowCommand::parseAction(const std::string& name) {
  auto it = actionNames().find(name);
  if (it == actionNames().end()) return std::nullopt;
  return it->second;
}

std::string ShowCommand::actionName(Action action) {
  for (const auto& [name, value] : actionNames())
    if (value == action) return name;
  return "?";
}

ShowState applyCommand(const ShowState& state, const ShowSchedule& schedule,
                       const ShowCommand& command, double now, double effectiveAt) {
  // A command never takes effect before one already scheduled.
  for (const auto& timeline : state.timelines) effectiveAt = std::max(effectiveAt, timeline.effectiveAt);
  Timeline added = commandTimeline(state, schedule, command, effectiveAt);

  ShowState next;
  next.sequence = state.sequence + 1;
  for (std::size_t i = 0; i < state.timelines.size(); ++i) {
    const Timeline& timeline = state.timelines[i];
    bool superseded = i + 1 < state.timelines.size() && state.timelines[i + 1].effectiveAt <= now;
    if (!superseded && timeline.effectiveAt < effectiveAt) next.timelines.push_back(timeline);
  }
  next.timelines.push_back(added);
  return next;
}

}  // namespace hw
