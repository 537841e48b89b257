#pragma once

#include <cstddef>

#include "config/WallConfig.h"
#include "tiler/CueTiler.h"
#include "tiler/Image.h"

namespace hw {

// The player's one way to pixels: a display's tile of a cue. Production uses
// the tiler (CueTilerSource); the test pattern is another source.
class CueTileSource {
 public:
  virtual ~CueTileSource() = default;
  // `node`'s framebuffer for cue `cueIndex`, rotation applied. Throws
  // std::exception naming the file when media cannot be decoded. Called from
  // the preloading thread, one call at a time.
  virtual Image tileFor(std::size_t cueIndex, const NodeConfig& node) = 0;
  // The same with the cue's movie items drawn from `movieFrames`. Called
  // from a movie's decoding thread, alongside tileFor on the preloading
  // thread. Sources that never hold a movie cue need not override it.
  virtual Image movieTileFor(std::size_t cueIndex, const NodeConfig& node,
                             const MovieFrames& /*movieFrames*/) {
    return tileFor(cueIndex, node);
  }
  // A picture made from this source's tiles that is no longer needed (a
  // movie frame once uploaded): sources that pool frame memory reuse it.
  virtual void recycle(Image&& /*picture*/) {}
};

}  // namespace hw
