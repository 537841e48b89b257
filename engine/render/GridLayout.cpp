#include "engine/render/GridLayout.h"

#include <algorithm>
#include <cmath>

#include "tiler/WallCanvas.h"

namespace hw {
namespace {

// Edges are rounded, not sizes, so neighbouring views never overlap and the
// bars keep the gap's proportion to within a pixel.
int scaled(int canvasPixels, double scale) {
  return static_cast<int>(std::lround(canvasPixels * scale));
}

}  // namespace

GridLayout gridLayoutFor(const WallConfig& wall, double scale) {
  WallCanvas canvas(wall);
  GridLayout layout;
  layout.scale = scale;
  layout.window = {std::max(1, scaled(canvas.size().w, scale)),
                   std::max(1, scaled(canvas.size().h, scale))};
  for (const NodeConfig& node : wall.nodes) {
    if (!node.active) continue;
    RectI display = canvas.displayRect(node.col, node.row);
    int x = scaled(display.x, scale), y = scaled(display.y, scale);
    RectI place{x, y, std::max(1, scaled(display.right(), scale) - x),
                std::max(1, scaled(display.bottom(), scale) - y)};
    layout.views.push_back({node, place, true});
  }
  return layout;
}

double scaleToFit(const WallConfig& wall, Size bounds) {
  Size canvas = WallCanvas(wall).size();
  return std::min({1.0, double(bounds.w) / canvas.w, double(bounds.h) / canvas.h});
}

NodeView framebufferViewFor(const WallConfig& wall, const NodeConfig& node) {
  bool sideways = node.rotation == Rotation::R90 || node.rotation == Rotation::R270;
  int w = sideways ? wall.displayHeight : wall.displayWidth;
  int h = sideways ? wall.displayWidth : wall.displayHeight;
  return {node, {0, 0, w, h}, false};
}

}  // namespace hw
