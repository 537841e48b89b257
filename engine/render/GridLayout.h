#pragma once

#include <vector>

#include "config/WallConfig.h"
#include "engine/render/NodeView.h"
#include "tiler/Rect.h"

namespace hw {

// The rehearsal window: the whole wall canvas scaled into one window, each
// display in its place and the bezel gaps left as bars between them.
struct GridLayout {
  Size window;                  // pixels of the window
  double scale = 1.0;           // window pixels per canvas pixel
  std::vector<NodeView> views;  // one per active display
};

// The rehearsal window fits in this by default: room on a 1080p monitor.
constexpr Size kRehearsalWindowBounds{1600, 900};

GridLayout gridLayoutFor(const WallConfig& wall, double scale);
// The largest scale, at most 1, at which the wall canvas fits into `bounds`.
double scaleToFit(const WallConfig& wall, Size bounds);
// A render node's own window: its framebuffer, 1:1.
NodeView framebufferViewFor(const WallConfig& wall, const NodeConfig& node);

}  // namespace hw
