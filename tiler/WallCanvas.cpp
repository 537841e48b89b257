#include "tiler/WallCanvas.h"

namespace hw {

WallCanvas::WallCanvas(const WallConfig& config)
    : config_(config), gapX_(config.gapXPixels()), gapY_(config.gapYPixels()) {
  size_ = {config.cols * config.displayWidth + (config.cols - 1) * gapX_,
           config.rows * config.displayHeight + (config.rows - 1) * gapY_};
}

RectI WallCanvas::displayRect(int col, int row) const {
  return {col * (config_.displayWidth + gapX_), row * (config_.displayHeight + gapY_),
          config_.displayWidth, config_.displayHeight};
}

RectI WallCanvas::regionRect(const Region& region) const {
  int cols = region.cols > 0 ? region.cols : config_.cols - region.col;
  int rows = region.rows > 0 ? region.rows : config_.rows - region.row;
  RectI first = displayRect(region.col, region.row);
  RectI last = displayRect(region.col + cols - 1, region.row + rows - 1);
  return {first.x, first.y, last.right() - first.x, last.bottom() - first.y};
}

}  // namespace hw
