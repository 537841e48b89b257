#pragma once

#include "engine/render/WindowLayout.h"

namespace hw {

// The rehearsal window fits in this by default: room on a 1080p monitor.
constexpr Size kRehearsalWindowBounds{1600, 900};

// The rehearsal window: every active display's tile, turned as mounted and
// scaled into its place, bezels as dark bars, composed by the tiler's
// composeWallPreview, so a rehearsal snapshot is the wall.png `hyperwall
// tile` writes, and each node's part is exactly that node's pixels.
class WallGridLayout : public WindowLayout {
 public:
  // `previewSize`: the wall is scaled (never enlarged) to fit a square of
  // this many pixels, as composeWallPreview's maxSize. `statusHeight`: pixels
  // the window has below the wall for the status band, so it never hides it.
  WallGridLayout(const WallConfig& wall, int previewSize, int statusHeight = 0);

  const WallConfig& wall() const override { return wall_; }
  Size windowSize() const override { return {size_.w, size_.h + statusHeight_}; }
  std::vector<RectI> places() const override { return {{0, 0, size_.w, size_.h}}; }
  // Window pixels below the wall for the status band (empty when none).
  RectI statusBand() const { return {0, size_.h, size_.w, statusHeight_}; }
  std::vector<NodeConfig> displays() const override;
  std::vector<Image> compose(CueTileSource& tiles, int cue) const override;

  double scale() const { return scale_; }  // window pixels per canvas pixel
  int previewSize() const { return previewSize_; }

 private:
  WallConfig wall_;
  int previewSize_;
  double scale_;
  Size size_;  // of the wall in the window
  int statusHeight_;
};

// The preview size at which the wall fits into `bounds`.
int previewSizeToFit(const WallConfig& wall, Size bounds);
// The preview size that draws the wall at `scale` window pixels per canvas pixel (at most 1).
int previewSizeForScale(const WallConfig& wall, double scale);

}  // namespace hw
