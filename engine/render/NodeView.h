#pragma once

#include "config/WallConfig.h"
#include "tiler/Rect.h"

namespace hw {

// Where one display's tile goes in a window. A render node has one view that
// fills its window with the framebuffer; the rehearsal grid has one per
// display, scaled down and turned to the mounted orientation.
struct NodeView {
  NodeConfig node;       // the display whose tile is drawn
  RectI place;           // window pixels the tile fills
  bool mounted = false;  // true: tile turned as the panel is mounted; false: framebuffer as is
};

}  // namespace hw
