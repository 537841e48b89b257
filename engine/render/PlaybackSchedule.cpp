#include "engine/render/PlaybackSchedule.h"

#include <algorithm>

namespace hw {

PlaybackSchedule::PlaybackSchedule(Timeline timeline, PlaybackState initial)
    : timeline_(std::move(timeline)), state_(initial) {}

void PlaybackSchedule::submit(const PlaybackCommand& command) {
  std::lock_guard lock(mutex_);
  auto later = std::upper_bound(
      waiting_.begin(), waiting_.end(), command,
      [](const PlaybackCommand& a, const PlaybackCommand& b) { return a.at < b.at; });
  waiting_.insert(later, command);
}

void PlaybackSchedule::replace(const PlaybackState& state, std::vector<PlaybackCommand> waiting) {
  std::stable_sort(waiting.begin(), waiting.end(),
                   [](const PlaybackCommand& a, const PlaybackCommand& b) { return a.at < b.at; });
  std::lock_guard lock(mutex_);
  state_ = state;
  waiting_ = std::move(waiting);
}

PlaybackState PlaybackSchedule::stateAt(double now) {
  std::lock_guard lock(mutex_);
  auto due = waiting_.begin();
  for (; due != waiting_.end() && due->at <= now; ++due) state_ = timeline_.apply(state_, *due);
  waiting_.erase(waiting_.begin(), due);
  return state_;
}

PlaybackPosition PlaybackSchedule::positionAt(double now) {
  return timeline_.positionAt(stateAt(now), now);
}

}  // namespace hw
