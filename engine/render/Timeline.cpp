#include "engine/render/Timeline.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// A cue shorter than this would let a loop of zero-length cues spin forever.
constexpr double kShortestCueSeconds = 1e-3;

}  // namespace

Timeline::Timeline(TimelineSpec spec) : spec_(std::move(spec)) {
  for (int cue = 0; cue < cueCount(); ++cue)
    if (playable(cue)) cycleSeconds_ += durationOf(cue);
}

bool Timeline::playable(int cue) const {
  return cue >= 0 && cue < cueCount() && spec_.cues[static_cast<std::size_t>(cue)].playable;
}

double Timeline::durationOf(int cue) const {
  return std::max(kShortestCueSeconds, spec_.cues[static_cast<std::size_t>(cue)].durationSeconds);
}

bool Timeline::holds(int cue, double position) const {
  return playable(cue) && position >= 0.0 && position < durationOf(cue);  // false for NaN
}

int Timeline::firstPlayable() const {
  for (int cue = 0; cue < cueCount(); ++cue)
    if (playable(cue)) return cue;
  return -1;
}

int Timeline::nextPlayable(int cue) const {
  for (int step = 1; step <= cueCount(); ++step) {
    int candidate = cue + step;
    if (candidate >= cueCount()) {
      if (!spec_.loop) return -1;
      candidate -= cueCount();
    }
    if (playable(candidate)) return candidate;
  }
  return -1;
}

int Timeline::previousPlayable(int cue) const {
  for (int step = 1; step <= cueCount(); ++step) {
    int candidate = cue - step;
    if (candidate < 0) {
      if (!spec_.loop) return -1;
      candidate += cueCount();
    }
    if (playable(candidate)) return candidate;
  }
  return -1;
}

PlaybackPosition Timeline::positionAt(const PlaybackState& state, double now) const {
  PlaybackPosition position;
  if (state.mode == PlaybackMode::Stopped || !playable(state.cue)) return position;
  position.mode = state.mode;

  double t = state.mode == PlaybackMode::Paused ? state.pausedAt : now;
  int cue = state.cue;
  int previous = state.fromCue;
  double start = state.cueStart;
  while (t - start >= durationOf(cue)) {
    int next = nextPlayable(cue);
    if (next < 0) {
      position.finished = true;
      break;
    }
    previous = cue;
    start += durationOf(cue);
    cue = next;
    // From a cue boundary, whole passes through the show change nothing.
    if (spec_.loop && t - start >= cycleSeconds_)
      start += std::floor((t - start) / cycleSeconds_) * cycleSeconds_;
  }

  double duration = durationOf(cue);
  double fade = std::min(spec_.cues[static_cast<std::size_t>(cue)].fadeSeconds, duration);
  position.cue = cue;
  position.cueStart = start;
  position.elapsed = std::clamp(t - start, 0.0, duration);
  position.remaining = duration - position.elapsed;
  position.previousCue = previous;
  // A cue following itself (a cut while paused, a one-cue loop) has nothing to fade from.
  bool fades = fade > 0.0 && previous != cue;
  position.transition = fades ? std::clamp(position.elapsed / fade, 0.0, 1.0) : 1.0;
  position.nextCue = position.finished ? -1 : nextPlayable(cue);
  return position;
}

PlaybackState Timeline::apply(const PlaybackState& state, const PlaybackCommand& command) const {
  using Kind = PlaybackCommand::Kind;
  PlaybackPosition position = positionAt(state, command.at);
  bool stopped = position.cue < 0;

  // The state re-anchored on the cue on the wall at command.at.
  PlaybackState current = state;
  if (!stopped) {
    current.cue = position.cue;
    current.cueStart = position.cueStart;
    current.fromCue = position.previousCue;
  }
  // A cue commanded while paused comes in as a cut (from itself): a crossfade
  // frozen at its start would keep showing the cue that was left.
  auto startCue = [&](int cue, PlaybackMode mode) {
    int from = mode == PlaybackMode::Paused ? cue : position.cue;
    return PlaybackState{mode, cue, command.at, command.at, from};
  };
  PlaybackMode keepPaused =
      state.mode == PlaybackMode::Paused ? PlaybackMode::Paused : PlaybackMode::Playing;

  switch (command.kind) {
    case Kind::Play:
      if (state.mode == PlaybackMode::Paused) return apply(state, {Kind::Resume, command.at, -1});
      if (stopped || position.finished) {
        int first = firstPlayable();
        return first < 0 ? PlaybackState{} : startCue(first, PlaybackMode::Playing);
      }
      return current;
    case Kind::Pause:
      if (state.mode != PlaybackMode::Playing || stopped) return current;
      current.mode = PlaybackMode::Paused;
      current.pausedAt = command.at;
      return current;
    case Kind::Resume:
      if (state.mode != PlaybackMode::Paused || stopped) return current;
      current.mode = PlaybackMode::Playing;
      current.cueStart += command.at - state.pausedAt;
      return current;
    case Kind::Next: {
      int next = stopped ? -1 : nextPlayable(position.cue);
      return next < 0 ? current : startCue(next, keepPaused);
    }
    case Kind::Previous: {
      if (stopped) return current;
      int previous = previousPlayable(position.cue);
      return startCue(previous < 0 ? position.cue : previous, keepPaused);
    }
    case Kind::GoTo:
      if (!playable(command.cue)) return current;
      return startCue(command.cue, stopped ? PlaybackMode::Playing : keepPaused);
    case Kind::Stop:
      return PlaybackState{};
    case Kind::Seek: {
      // Not clamped: the controller refuses such a seek, so one arriving
      // here (a bad peer) changes nothing rather than somewhere else.
      if (stopped || !holds(position.cue, command.position)) return current;
      // A seek inside a cue is a jump, not a change of cue: nothing fades.
      double start = command.at - command.position;
      return PlaybackState{keepPaused, position.cue, start, command.at, position.cue};
    }
  }
  return current;
}

}  // namespace hw
