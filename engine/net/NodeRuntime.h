#pragma once

#include <asio.hpp>
#include <thread>

#include "engine/net/AssetCache.h"
#include "engine/net/AssetPrefetcher.h"
#include "engine/net/CaptureRequests.h"
#include "engine/net/NodeClock.h"
#include "engine/net/NodeFacts.h"
#include "engine/net/NodeLink.h"
#include "engine/net/NodeSettings.h"
#include "engine/net/NodeSound.h"

namespace hw {

// The parts every render node runs on, whatever draws its picture: its clock,
// its asset cache and prefetcher, the facts learnt from the master and the
// NodeLink on its own network thread, and its sound. The present loop (headless or windowed)
// reads facts() and reports through link().
class NodeRuntime {
 public:
  explicit NodeRuntime(const NodeSettings& settings);
  // Stops the network thread; the present loop must be done with link().
  ~NodeRuntime();
  NodeRuntime(const NodeRuntime&) = delete;
  NodeRuntime& operator=(const NodeRuntime&) = delete;

  // Connects to the master and starts the network thread.
  void start();

  const NodeClock& clock() const { return clock_; }
  const AssetCache& cache() const { return cache_; }
  const AssetPrefetcher& prefetcher() const { return prefetcher_; }
  SharedNodeFacts& facts() { return facts_; }
  NodeLink& link() { return link_; }
  // The master's capture requests the present loop has not answered yet.
  CaptureRequests& captures() { return captures_; }
  const NodeSound& sound() const { return sound_; }

 private:
  NodeClock clock_;
  AssetCache cache_;
  AssetPrefetcher prefetcher_;
  SharedNodeFacts facts_;
  CaptureRequests captures_;
  NodeSound sound_;
  asio::io_context io_;
  NodeLink link_;
  std::thread network_;  // last: runs io_ once everything above exists
};

}  // namespace hw
