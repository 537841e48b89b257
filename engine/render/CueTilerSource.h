#pragma once

#include <utility>

#include "engine/render/CueTileSource.h"
#include "hwshow/Playlist.h"
#include "tiler/CueTiler.h"

namespace hw {

// The production tile source: the tiler's pixels for the playlist's cues.
class CueTilerSource : public CueTileSource {
 public:
  CueTilerSource(const Playlist& playlist, CueTiler& tiler) : playlist_(playlist), tiler_(tiler) {}
  Image tileFor(std::size_t cueIndex, const NodeConfig& node) override {
    return tiler_.renderTile(playlist_.cues.at(cueIndex), node);
  }
  // The tiler is safe to share between the preloading and decoding threads.
  Image movieTileFor(std::size_t cueIndex, const NodeConfig& node,
                     const MovieFrames& movieFrames) override {
    return tiler_.renderTile(playlist_.cues.at(cueIndex), node, movieFrames);
  }
  void recycle(Image&& picture) override { tiler_.recycle(std::move(picture)); }

 private:
  const Playlist& playlist_;
  CueTiler& tiler_;
};

}  // namespace hw
