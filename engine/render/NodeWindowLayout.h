#pragma once

#include "engine/render/WindowLayout.h"
#include "tiler/FramebufferRotation.h"

namespace hw {

// A render node's window: its own framebuffer, pixel for pixel.
class NodeWindowLayout : public WindowLayout {
 public:
  NodeWindowLayout(const WallConfig& wall, const NodeConfig& node);

  const WallConfig& wall() const override { return wall_; }
  Size windowSize() const override { return size_; }
  std::vector<NodeConfig> displays() const override { return {node_}; }
  std::vector<RectI> places() const override { return {{0, 0, size_.w, size_.h}}; }
  std::vector<Image> compose(CueTileSource& tiles, int cue) const override;

 private:
  WallConfig wall_;
  NodeConfig node_;
  Size size_;  // framebuffer pixels: displayHeight x displayWidth when mounted sideways
};


}  // namespace hw
