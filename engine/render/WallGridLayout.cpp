#include "engine/render/WallGridLayout.h"

#include <algorithm>
#include <cmath>

#include "tiler/WallCanvas.h"
#include "tiler/WallPreview.h"

namespace hw {

WallGridLayout::WallGridLayout(const WallConfig& wall, int previewSize, int statusHeight)
    : wall_(wall), previewSize_(previewSize), statusHeight_(std::max(0, statusHeight)) {
  // The same sums as composeWallPreview, so the window is the preview's size.
  Size canvas = WallCanvas(wall).size();
  scale_ = std::min({1.0, double(previewSize) / canvas.w, double(previewSize) / canvas.h});
  size_ = {std::max(1, static_cast<int>(std::lround(canvas.w * scale_))),
           std::max(1, static_cast<int>(std::lround(canvas.h * scale_)))};
}

std::vector<NodeConfig> WallGridLayout::displays() const {
  std::vector<NodeConfig> active;
  for (const NodeConfig& node : wall_.nodes)
    if (node.active) active.push_back(node);
  return active;
}

std::vector<Image> WallGridLayout::compose(CueTileSource& tiles, int cue) const {
  std::vector<Tile> shown;
  for (const NodeConfig& node : displays())
    shown.push_back(
        {node.id, node.col, node.row, tiles.tileFor(static_cast<std::size_t>(cue), node)});
  std::vector<Image> pictures;
  pictures.push_back(composeWallPreview(wall_, shown, previewSize_));
  return pictures;
}

int previewSizeForScale(const WallConfig& wall, double scale) {
  Size canvas = WallCanvas(wall).size();
  return static_cast<int>(std::floor(std::max(canvas.w, canvas.h) * std::min(1.0, scale) + 1e-9));
}

int previewSizeToFit(const WallConfig& wall, Size bounds) {
  Size canvas = WallCanvas(wall).size();
  return previewSizeForScale(wall,
                             std::min(double(bounds.w) / canvas.w, double(bounds.h) / canvas.h));
}

}  // namespace hw
