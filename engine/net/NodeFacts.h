#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "config/WallConfig.h"
#include "engine/net/AssetManifest.h"
#include "engine/net/ClockEstimate.h"
#include "engine/net/ShowState.h"

namespace hw {

// What a node has learnt from its master, as one consistent snapshot.
struct NodeFacts {
  bool welcomed = false;           // a welcome arrived at least once
  bool connected = false;          // the control connection is up now
  double disconnectedSince = 0;    // s, host monotonic time the connection dropped
  std::string refusal;             // non-empty: refused for good (another protocol); give up
  std::string masterInstance;      // which master process the facts below came from
  double masterEpoch = 0;          // s, for simulated-error truth (diagnostics only)
  NodeConfig node;                 // our place on the wall
  WallConfig wall;
  std::shared_ptr<const Playlist> show;  // URIs: "asset:<sha256>" or remote
  AssetManifest assets;
  std::shared_ptr<const Timeline> timeline;  // the show's timings, from `show`
  ShowState state;
  std::string overlay = "none";     // over the show: "none", "pattern" or "blank"
  ClockEstimate estimate;          // master clock as the node sees it
  double identifyUntil = 0;        // master s the identify card shows until (0: never asked)
  std::string address;             // this node's address as the master sees it ("" until identify)
  std::uint64_t changes = 0;       // bumped on every update, so waiters can tell
};

// The view shared between the network thread (writer) and the present loop
// (reader), with a way to sleep until something changes.
class SharedNodeFacts {
 public:
  template <typename Update>
  void update(Update&& change) {
    {
      std::lock_guard lock(mutex_);
      change(view_);
      ++view_.changes;
    }
    changed_.notify_all();
  }
  NodeFacts snapshot() const {
    std::lock_guard lock(mutex_);
    return view_;
  }
  // What `look` reads of the view, without copying all of it: for a reader
  // that asks often (the sound thread, every few ms).
  template <typename Look>
  auto inspect(Look&& look) const {
    std::lock_guard lock(mutex_);
    return look(view_);
  }
  // Sleeps up to `seconds` or until an update after `seen` changes.
  void waitForChange(std::uint64_t seen, double seconds) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::duration<double>(seconds),
                      [&] { return view_.changes != seen; });
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  NodeFacts view_;
};

}  // namespace hw
