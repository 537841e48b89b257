#include "engine/render/NodeWindowLayout.h"

namespace hw {

Size framebufferSize(const WallConfig& wall, Rotation rotation) {
  bool sideways = rotation == Rotation::R90 || rotation == Rotation::R270;
  return sideways ? Size{wall.displayHeight, wall.displayWidth}
                  : Size{wall.displayWidth, wall.displayHeight};
}

NodeWindowLayout::NodeWindowLayout(const WallConfig& wall, const NodeConfig& node)
    : wall_(wall), node_(node), size_(framebufferSize(wall, node.rotation)) {}

std::vector<Image> NodeWindowLayout::compose(CueTileSource& tiles, int cue) const {
  std::vector<Image> pictures;
  pictures.push_back(tiles.tileFor(static_cast<std::size_t>(cue), node_));
  return pictures;
}

}  // namespace hw
