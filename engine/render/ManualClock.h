#pragma once

#include <atomic>

#include "engine/render/Clock.h"

namespace hw {

// A clock that moves only when told: headless snapshots (`--frames`) and tests
// step time frame by frame, so every run draws the same pixels.
class ManualClock : public Clock {
 public:
  explicit ManualClock(double start = 0.0) : seconds_(start) {}
  double now() const override { return seconds_.load(); }
  // Setting an earlier time is ignored: clocks never run backwards.
  void set(double seconds) {
    if (seconds > seconds_.load()) seconds_.store(seconds);
  }
  void advance(double seconds) { set(now() + seconds); }

 private:
  std::atomic<double> seconds_;  // s; atomic because a network thread may read it
};

}  // namespace hw
