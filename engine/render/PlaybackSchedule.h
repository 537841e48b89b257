#pragma once

#include <mutex>
#include <vector>

#include "engine/render/PlaybackCommand.h"
#include "engine/render/PlaybackPosition.h"
#include "engine/render/PlaybackState.h"
#include "engine/render/Timeline.h"

namespace hw {

// The playback state plus commands waiting for their time. Commands come from
// the keyboard or, later, the network thread ("next at master time T"); the
// frame loop asks for the position at each frame's clock time. Thread-safe.
class PlaybackSchedule {
 public:
  explicit PlaybackSchedule(Timeline timeline, PlaybackState initial = {});

  // Takes effect at command.at, which may be in the past or the future.
  void submit(const PlaybackCommand& command);
  // Adopts a state decided elsewhere (the master's ShowState: its base and
  // the commands it has scheduled); commands waiting here are dropped.
  void replace(const PlaybackState& state, std::vector<PlaybackCommand> waiting = {});
  // Applies every command due by `now` in time order (ties in submission
  // order) and returns the resulting state.
  PlaybackState stateAt(double now);
  PlaybackPosition positionAt(double now);

  const Timeline& timeline() const { return timeline_; }

 private:
  const Timeline timeline_;
  std::mutex mutex_;
  PlaybackState state_;
  std::vector<PlaybackCommand> waiting_;  // sorted by `at`
};

}  // namespace hw
