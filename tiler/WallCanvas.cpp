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

Region WallCanvas::resolved(const Region& region) const {
  return {region.col, region.row, region.cols > 0 ? region.cols : config_.cols - region.col,
          region.rows > 0 ? region.rows : config_.rows - region.row};
}

RectI WallCanvas::regionRect(const Region& region) const {
  Region r = resolved(region);
  RectI first = displayRect(r.col, r.row);
  RectI last = displayRect(r.col + r.cols - 1, r.row + r.rows - 1);
  return {first.x, first.y, last.right() - first.x, last.bottom() - first.y};
}

bool WallCanvas::regionCovers(const Region& region, int col, int row) const {
  Region r = resolved(region);
  return col >= r.col && col < r.col + r.cols && row >= r.row && row < r.row + r.rows;
}

}  // namespace hw
