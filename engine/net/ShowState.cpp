#include "engine/net/ShowState.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

const std::pair<const char*, Kind> kNames[] = {
    {"play", Kind::Play}, {"pause", Kind::Pause},       {"resume", Kind::Resume},
    {"next", Kind::Next}, {"previous", Kind::Previous}, {"goto", Kind::GoTo},
    {"stop", Kind::Stop}};

}  // namespace

PlaybackState stateAt(const ShowState& show, const Timeline& timeline, double masterTime) {
  PlaybackState state = show.base;
  for (const auto& command : show.pending)
    if (command.at <= masterTime) state = timeline.apply(state, command);
  return state;
}

PlaybackPosition positionAt(const ShowState& show, const Timeline& timeline, double masterTime) {
  return timeline.positionAt(stateAt(show, timeline, masterTime), masterTime);
}

std::optional<CueChange> nextChange(const ShowState& show, const Timeline& timeline,
                                    double masterTime) {
  int shown = positionAt(show, timeline, masterTime).cue;
  double at = masterTime;
  for (std::size_t step = 0; step < show.pending.size() + 4; ++step) {
    PlaybackPosition position = positionAt(show, timeline, at);
    double next = std::numeric_limits<double>::infinity();
    if (position.mode == PlaybackMode::Playing && !position.finished && position.cue >= 0) {
      // The boundary as Timeline computes it (t - start >= duration): step past
      // rounding so every node lands on the same side of it.
      next = position.cueStart + timeline.durationOf(position.cue);
      for (int nudge = 0; nudge < 8 && positionAt(show, timeline, next).cueStart == position.cueStart &&
                          positionAt(show, timeline, next).cue == position.cue;
           ++nudge)
        next = std::nextafter(next, std::numeric_limits<double>::infinity());
    }
    for (const auto& command : show.pending)
      if (command.at > at && command.at < next) next = command.at;
    if (!std::isfinite(next)) return std::nullopt;
    int cue = positionAt(show, timeline, next).cue;
    if (cue != shown) return CueChange{next, cue};
    at = next;
  }
  return std::nullopt;
}

ShowState schedule(const ShowState& show, const Timeline& timeline, PlaybackCommand command,
                   double now) {
  ShowState next;
  next.sequence = show.sequence + 1;
  next.base = show.base;
  for (const auto& pending : show.pending) {
    if (pending.at <= now) {
      next.base = timeline.apply(next.base, pending);
    } else {
      next.pending.push_back(pending);
      command.at = std::max(command.at, pending.at);
    }
  }
  next.pending.push_back(command);
  return next;
}

std::optional<PlaybackCommand::Kind> commandKindNamed(const std::string& name) {
  for (const auto& [text, kind] : kNames)
    if (name == text) return kind;
  return std::nullopt;
}

std::string commandKindName(PlaybackCommand::Kind kind) {
  for (const auto& [text, value] : kNames)
    if (value == kind) return text;
  return "?";
}

}  // namespace hw
