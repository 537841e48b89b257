#pragma once

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"
#include "tiler/Rect.h"

namespace hw {

// The wall as one virtual canvas: displays side by side with the pixels hidden
// behind bezels in between, cols*W + (cols-1)*gapX wide (likewise in height).
// Every display is a window onto this canvas at a whole-pixel offset.
class WallCanvas {
 public:
  explicit WallCanvas(const WallConfig& config);

  Size size() const { return size_; }
  int gapX() const { return gapX_; }
  int gapY() const { return gapY_; }

  // The display at (col, row), in canvas pixels, in the mounted orientation.
  RectI displayRect(int col, int row) const;
  // A region of whole displays, including the bezel gaps inside it.
  // Region cols/rows of 0 extend to the wall's far edge.
  RectI regionRect(const Region& region) const;
  // Whether display (col, row) is one of the region's.
  bool regionCovers(const Region& region, int col, int row) const;

 private:
  // `region` with extents of 0 run out to the wall's far edge.
  Region resolved(const Region& region) const;

  WallConfig config_;
  int gapX_;
  int gapY_;
  Size size_;
};

}  // namespace hw
