#pragma once

#include "engine/render/CueTileSource.h"
#include "engine/render/NodeWindowLayout.h"

namespace hw {

// Every display one flat colour: what the wall shows with no picture (stopped,
// or a cue whose media failed), composed like any cue so bezels stay drawn.
class SolidTiles : public CueTileSource {
 public:
  SolidTiles(const WallConfig& wall, Color color) : wall_(wall), color_(color) {}
  Image tileFor(std::size_t, const NodeConfig& node) override {
    Size size = framebufferSize(wall_, node.rotation);
    return Image(size.w, size.h, color_);
  }

 private:
  const WallConfig& wall_;
  Color color_;
};

}  // namespace hw
