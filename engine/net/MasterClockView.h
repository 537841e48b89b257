#pragma once

#include <algorithm>

#include "engine/net/ClockEstimate.h"
#include "engine/net/NodeClock.h"
#include "engine/render/Clock.h"

namespace hw {

// The master's clock as this node sees it, for the render Player: the node's
// own clock through the latest estimate. A new estimate may step the reading
// back by microseconds; it is held instead, as a Clock never decreases.
// Used from the render thread only.
class MasterClockView : public Clock {
 public:
  explicit MasterClockView(const NodeClock& clock) : clock_(clock) {}

  void setEstimate(const ClockEstimate& estimate) { estimate_ = estimate; }
  double now() const override {
    latest_ = std::max(latest_, estimate_.toMaster(clock_.now()));
    return latest_;
  }

 private:
  const NodeClock& clock_;
  ClockEstimate estimate_;
  mutable double latest_ = 0;  // master s, the highest reading so far
};

}  // namespace hw
