#include "engine/net/NodeClock.h"

#include "engine/net/HostClock.h"

namespace hw {

NodeClock::NodeClock(Source source, double offset, double driftPpm)
    : source_(source), offset_(offset), drift_(driftPpm * 1e-6), origin_(0) {
  origin_ = host();
}

double NodeClock::host() const {
  return source_ == Source::Monotonic ? monotonicSeconds() : realtimeSeconds();
}

double NodeClock::fromHost(double hostTime) const {
  return hostTime + offset_ + drift_ * (hostTime - origin_);
}

double NodeClock::toHost(double localTime) const {
  return (localTime - offset_ + drift_ * origin_) / (1 + drift_);
}

}  // namespace hw
