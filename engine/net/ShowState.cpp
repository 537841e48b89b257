#include "engine/net/ShowState.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

const std::pair<const char*, Kind> kNames[] = {{"play", Kind::Play},         {"pause", Kind::Pause},
                                               {"resume", Kind::Resume},     {"next", Kind::Next},
                                               {"previous", Kind::Previous}, {"goto", Kind::GoTo},
                                               {"stop", Kind::Stop},         {"seek", Kind::Seek}};

// The show's state as time moves forward: each pending command is applied
// once, when time passes it (pending is in time order), so walking the
// future of a show with thousands of scheduled commands is one pass over them.
class ForwardReplay {
 public:
  ForwardReplay(const ShowState& show, const Timeline& timeline)
      : show_(show), timeline_(timeline), state_(show.base) {}

  // The state at `t`, which never goes back from one call to the next.
  const PlaybackState& at(double t) {
    for (; next_ < show_.pending.size() && show_.pending[next_].at <= t; ++next_)
      state_ = timeline_.apply(state_, show_.pending[next_]);
    return state_;
  }
  // When the first command not yet in force takes effect (infinity: none).
  double nextCommandAt() const {
    return next_ < show_.pending.size() ? show_.pending[next_].at
                                        : std::numeric_limits<double>::infinity();
  }

 private:
  const ShowState& show_;
  const Timeline& timeline_;
  PlaybackState state_;
  std::size_t next_ = 0;  // first pending command not applied yet
};

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
  ForwardReplay replay(show, timeline);
  int shown = timeline.positionAt(replay.at(masterTime), masterTime).cue;
  double at = masterTime;
  for (std::size_t step = 0; step < show.pending.size() + 4; ++step) {
    const PlaybackState state = replay.at(at);  // in force until the next command
    const double command = replay.nextCommandAt();
    PlaybackPosition position = timeline.positionAt(state, at);
    double next = command;
    if (position.mode == PlaybackMode::Playing && !position.finished && position.cue >= 0) {
      // The boundary as Timeline computes it (t - start >= duration): step past
      // rounding so every node lands on the same side of it.
      double boundary = position.cueStart + timeline.durationOf(position.cue);
      for (int nudge = 0; nudge < 8 && boundary < command; ++nudge) {
        PlaybackPosition there = timeline.positionAt(state, boundary);
        if (there.cueStart != position.cueStart || there.cue != position.cue) break;
        boundary = std::nextafter(boundary, std::numeric_limits<double>::infinity());
      }
      next = std::min(boundary, command);
    }
    if (!std::isfinite(next)) return std::nullopt;
    int cue = timeline.positionAt(replay.at(next), next).cue;
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
