#include "config/WallConfig.h"

#include <cmath>
#include <stdexcept>

namespace hw {

int WallConfig::gapXPixels() const {
  if (!bezelCompensation || cols < 2) return 0;
  double pixelsPerMm = displayWidth / panelWidthMm;
  return static_cast<int>(std::lround((bezelMm.left + bezelMm.right) * pixelsPerMm));
}

int WallConfig::gapYPixels() const {
  if (!bezelCompensation || rows < 2) return 0;
  double pixelsPerMm = displayHeight / panelHeightMm;
  return static_cast<int>(std::lround((bezelMm.top + bezelMm.bottom) * pixelsPerMm));
}

const NodeConfig& WallConfig::nodeAt(int col, int row) const {
  if (col < 0 || col >= cols || row < 0 || row >= rows)
    throw std::out_of_range("no display at column " + std::to_string(col) + ", row " +
                            std::to_string(row));
  return nodes.at(static_cast<std::size_t>(row * cols + col));
}

const NodeConfig* WallConfig::findNode(const std::string& id) const {
  for (const auto& node : nodes)
    if (node.id == id) return &node;
  return nullptr;
}

int WallConfig::activeNodeCount() const {
  int count = 0;
  for (const auto& node : nodes) count += node.active ? 1 : 0;
  return count;
}

}  // namespace hw
