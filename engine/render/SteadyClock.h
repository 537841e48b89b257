#pragma once

#include <chrono>

#include "engine/render/Clock.h"

namespace hw {

// The local monotonic clock, counted from when this object was made.
class SteadyClock : public Clock {
 public:
  SteadyClock() : origin_(std::chrono::steady_clock::now()) {}
  double now() const override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - origin_).count();
  }

 private:
  std::chrono::steady_clock::time_point origin_;
};

}  // namespace hw
