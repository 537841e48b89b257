#include "engine/render/NodeWindowLayout.h"

namespace hw {

NodeWindowLayout::NodeWindowLayout(const WallConfig& wall, const NodeConfig& node)
    : wall_(wall), node_(node), size_(framebufferSize(wall, node.rotation)) {}

std::vector<Image> NodeWindowLayout::compose(CueTileSource& tiles, int cue) const {
  std::vector<Image> pictures;
  pictures.push_back(tiles.tileFor(static_cast<std::size_t>(cue), node_));
  return pictures;
}

}  // namespace hw
