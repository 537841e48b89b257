#include "engine/net/ShowSchedule.h"

#include <cmath>
#include <limits>

namespace hw {

bool ShowSchedule::playable(int cue) const {
  return cue >= 0 && cue < cueCount() && durations[static_cast<std::size_t>(cue)] > 0;
}

std::optional<int> ShowSchedule::after(int cue) const {
  for (int i = cue + 1; i < cueCount(); ++i)
    if (playable(i)) return i;
  if (!loop) return std::nullopt;
  for (int i = 0; i <= cue && i < cueCount(); ++i)
    if (playable(i)) return i;
  return std::nullopt;
}

std::optional<int> ShowSchedule::before(int cue) const {
  for (int i = cue - 1; i >= 0; --i)
    if (playable(i)) return i;
  if (!loop) return std::nullopt;
  for (int i = cueCount() - 1; i >= cue && i >= 0; --i)
    if (playable(i)) return i;
  return std::nullopt;
}

std::optional<int> ShowSchedule::first() const {
  for (int i = 0; i < cueCount(); ++i)
    if (playable(i)) return i;
  return std::nullopt;
}

double ShowSchedule::loopSeconds() const {
  double total = 0;
  for (double d : durations) total += d > 0 ? d : 0;
  return total;
}

namespace {

const Timeline* inForce(const ShowState& state, double masterTime) {
  const Timeline* found = nullptr;
  for (const auto& timeline : state.timelines)
    if (timeline.effectiveAt <= masterTime) found = &timeline;
  return found;
}

// Walks a playing timeline forward to `masterTime`; `end` receives when the
// cue found ends (infinity when the show holds its last cue).
ShowPosition walk(const Timeline& timeline, const ShowSchedule& schedule, double masterTime,
                  double* end) {
  ShowPosition position{timeline.cue, timeline.cueStart, Timeline::Mode::Playing};
  *end = std::numeric_limits<double>::infinity();
  if (!schedule.playable(position.cue)) return position;
  double loop = schedule.loopSeconds();
  for (int steps = 0;; ++steps) {
    double finish = position.since + schedule.durations[static_cast<std::size_t>(position.cue)];
    if (masterTime < finish) {
      *end = finish;
      return position;
    }
    auto next = schedule.after(position.cue);
    if (!next) return position;  // holds the last cue
    position = {*next, finish, Timeline::Mode::Playing};
    // Skip whole loops at once after a long run: days of 5 s cues stay cheap.
    if (steps == schedule.cueCount() && schedule.loop && loop > 0) {
      double loops = std::floor((masterTime - position.since) / loop);
      if (loops > 1) position.since += (loops - 1) * loop;
    }
  }
}

}  // namespace

ShowPosition positionAt(const ShowState& state, const ShowSchedule& schedule, double masterTime) {
  const Timeline* timeline = inForce(state, masterTime);
  if (!timeline || timeline->mode == Timeline::Mode::Stopped) return {};
  if (timeline->mode == Timeline::Mode::Paused)
    return {timeline->cue, timeline->cueStart, Timeline::Mode::Paused};
  double end = 0;
  return walk(*timeline, schedule, masterTime, &end);
}

std::optional<CueChange> nextChange(const ShowState& state, const ShowSchedule& schedule,
                                    double masterTime) {
  ShowPosition now = positionAt(state, schedule, masterTime);
  double at = masterTime;
  // Each step moves to the next boundary: a cue ending or a timeline taking over.
  for (int guard = 0; guard < 4 * static_cast<int>(state.timelines.size()) + 4; ++guard) {
    double next = std::numeric_limits<double>::infinity();
    const Timeline* timeline = inForce(state, at);
    if (timeline && timeline->mode == Timeline::Mode::Playing) walk(*timeline, schedule, at, &next);
    for (const auto& t : state.timelines)
      if (t.effectiveAt > at && t.effectiveAt < next) next = t.effectiveAt;
    if (!std::isfinite(next)) return std::nullopt;
    ShowPosition then = positionAt(state, schedule, next);
    if (then.cue != now.cue) return CueChange{next, then.cue};
    at = next;
  }
  return std::nullopt;
}

}  // namespace hw
