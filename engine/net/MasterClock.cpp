#include "engine/net/MasterClock.h"

#include "engine/net/HostClock.h"

namespace hw {

MasterClock::MasterClock() : epoch_(realtimeSeconds() - monotonicSeconds()) {}

double MasterClock::now() const { return monotonicSeconds() + epoch_; }

double MasterClock::realtimeAt(double masterTime) const {
  return realtimeSeconds() + (masterTime - now());
}

}  // namespace hw
