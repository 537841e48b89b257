#include "engine/net/NodeRuntime.h"

namespace hw {

NodeRuntime::NodeRuntime(const NodeSettings& settings)
    : clock_(settings.systemClock ? NodeClock::Source::Realtime : NodeClock::Source::Monotonic,
             settings.simOffsetSeconds, settings.simDriftPpm),
      cache_(settings.cacheDirectory),
      prefetcher_(cache_, "node " + settings.nodeId),
      sound_(settings.nodeId, clock_, facts_, cache_),
      link_(io_, settings, clock_, facts_, prefetcher_, captures_, sound_) {}

NodeRuntime::~NodeRuntime() {
  io_.stop();
  if (network_.joinable()) network_.join();
}

void NodeRuntime::start() {
  link_.start();
  network_ = std::thread([this] { io_.run(); });
}

}  // namespace hw
