#pragma once

namespace hw {

// The time the player runs on, in seconds. Everything the player does is a
// function of this value, so a wall stays in step by sharing one clock: a
// steady local clock, a manual one for deterministic stepping, or the
// master's clock seen through the network.
class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since an arbitrary origin fixed for the clock's lifetime; never decreases.
  virtual double now() const = 0;
};

}  // namespace hw
