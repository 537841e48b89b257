#pragma once

#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"
#include "tiler/Placement.h"
#include "tiler/Rect.h"

namespace hw {

// What one display shows of one layout item: the exact (fractional) part of
// the media and where it lands on the display. All displays sample the same
// canvas mapping, so the media hidden between two neighbours is exactly the
// bezel gap divided by the scale.
struct DisplayView {
  std::string nodeId;                // the node driving the display
  int col = 0;                       // grid column
  int row = 0;                       // grid row
  Rotation rotation = Rotation::R0;  // how the panel is mounted (framebuffer turned back)
  RectD source;                      // media px: the part of the media shown
  RectD dest;                        // display px, mounted orientation: where it lands
  bool visible = false;              // false: the item misses this display (rects empty)
};

// One view per active display, row-major. An empty `mediaSize` (unknown)
// yields views that are all invisible.
std::vector<DisplayView> displayViews(const LayoutItem& item, Size mediaSize,
                                      const WallConfig& wall);

// The same for an already computed placement (the tiler keeps one per item).
std::vector<DisplayView> displayViews(const Placement& placement, const WallConfig& wall);

}  // namespace hw
