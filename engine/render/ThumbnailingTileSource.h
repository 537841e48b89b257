#pragma once

#include <cstddef>
#include <map>
#include <mutex>

#include "engine/render/CueTileSource.h"

namespace hw {

// Passes another source's tiles through to the Player and keeps a small copy
// of each, made on the preloading thread that asked for it: a windowed node
// reports what its Player uploads without rendering it a second time.
// Thread-safe.
class ThumbnailingTileSource : public CueTileSource {
 public:
  // `tiles` must outlive this; thumbnails fit maxSide x maxSide pixels.
  ThumbnailingTileSource(CueTileSource& tiles, int maxSide);

  Image tileFor(std::size_t cueIndex, const NodeConfig& node) override;
  // Passed through: a movie cue's thumbnail is its still tile.
  Image movieTileFor(std::size_t cueIndex, const NodeConfig& node,
                     const MovieFrames& movieFrames) override {
    return tiles_.movieTileFor(cueIndex, node, movieFrames);
  }

  // The small copy of cue `cueIndex`'s tile; empty when it was not made
  // (not prepared yet, long evicted, or its media failed).
  Image thumbnail(std::size_t cueIndex) const;

 private:
  static constexpr std::size_t kKept = 8;  // thumbnails, ~230 KB each at 320 px

  CueTileSource& tiles_;
  const int maxSide_;
  mutable std::mutex mutex_;           // guards kept_
  std::map<std::size_t, Image> kept_;  // by cue index
};

}  // namespace hw
