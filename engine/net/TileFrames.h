#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "engine/net/AssetCache.h"
#include "engine/net/AssetPrefetcher.h"
#include "engine/net/NodeClock.h"
#include "engine/net/NodeFacts.h"
#include "engine/net/NodeFrameReporter.h"
#include "tiler/MediaSource.h"

namespace hw {

// Frame reports of what a headless node would show (`hyperwall node
// --headless --frames`; docs/protocol.md, "frame"): on its own thread,
// follows the cue at the master's time and the overlay, and on every change
// renders this node's tile with the tiler (CueTiler: the pixels a windowed
// node's Player uploads; the test pattern; black when blanked or stopped)
// for the reporter to scale and send. Off by default, so the sync
// benchmark's 64 headless nodes stay cheap. (A windowed node reports the
// tiles its Player draws instead: ThumbnailingTileSource.)
class TileFrames {
 public:
  // Told after every render why cue `cue` shows its background instead of its
  // media, or "" when the picture is what it should be. Thread-safe.
  using MediaErrors = std::function<void(int cue, std::string reason)>;

  TileFrames(std::string nodeId, const SharedNodeFacts& facts, const NodeClock& clock,
             const AssetCache& cache, const AssetPrefetcher& prefetcher,
             NodeFrameReporter::Send send, MediaErrors mediaErrors);
  ~TileFrames();
  TileFrames(const TileFrames&) = delete;
  TileFrames& operator=(const TileFrames&) = delete;

  // A movie cue's picture, as the present loop showed it at master time
  // `at` with frame `movieFrame` of its movie: reported as it is (this
  // thread renders a movie cue only when it has no picture yet).
  void movieShown(int cue, double at, std::int64_t movieFrame, std::shared_ptr<const Image> picture);
  // Answers the master's capture request `id` with what the display has
  // shown since master time `at`: `moviePicture` (frame `movieFrame` of cue
  // `cue`'s movie, as the present loop showed it) when given, else cue `cue`
  // of `view` under its overlay, rendered as a change is.
  void capture(std::uint64_t id, const NodeFacts& view, int cue, double at,
               std::shared_ptr<const Image> moviePicture, std::int64_t movieFrame);

 private:
  void run();

  static constexpr double kLookSeconds =
      0.05;  // s between looks at the schedule when nothing changes

  const SharedNodeFacts& facts_;
  const NodeClock& clock_;
  const AssetCache& cache_;
  const AssetPrefetcher& prefetcher_;
  std::shared_ptr<MediaSource> media_;  // shared with the renders on the reporter's thread
  const MediaErrors mediaErrors_;
  NodeFrameReporter reporter_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace hw
