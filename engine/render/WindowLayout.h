#pragma once

#include <vector>

#include "config/WallConfig.h"
#include "engine/render/CueTileSource.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

// What a player's window shows of the wall and how a cue's tiles become its
// pictures: one node's framebuffer (NodeWindowLayout) or the whole wall
// scaled down with its bezels (WallGridLayout).
class WindowLayout {
 public:
  virtual ~WindowLayout() = default;

  virtual const WallConfig& wall() const = 0;
  virtual Size windowSize() const = 0;
  // The displays whose tiles compose() draws.
  virtual std::vector<NodeConfig> displays() const = 0;
  // Window pixels each picture from compose() fills, in the same order.
  virtual std::vector<RectI> places() const = 0;
  // The pictures for `cue`, made from `tiles`; throws what `tiles` throws.
  // Called from the preloading thread.
  virtual std::vector<Image> compose(CueTileSource& tiles, int cue) const = 0;
};

}  // namespace hw
