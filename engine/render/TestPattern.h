#pragma once

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"
#include "tiler/Image.h"
#include "tiler/TextPainter.h"

namespace hw {

// Colours of the pattern's features; none occurs in the ramps (a ramp pixel
// is grey or has a zero channel), so tests and installers can pick them out.
constexpr Color kPatternBackground{24, 24, 24};
constexpr Color kPatternDiagonalDown{255, 200, 40};  // top-left to bottom-right of the canvas
constexpr Color kPatternDiagonalUp{40, 200, 255};    // bottom-left to top-right of the canvas
constexpr Color kPatternCircle{230, 60, 200};
constexpr Color kPatternLattice{90, 90, 90};
constexpr Color kPatternEdge{200, 200, 200};

// One display's calibration picture, as its framebuffer (rotation applied like
// tiles). Lines and circles are drawn in wall-canvas coordinates, so they run
// on across bezels with the part behind the glass frame missing; each display
// also shows its node id, grid position and resolution, and grey and colour ramps.
Image testPatternTile(const WallConfig& wall, const NodeConfig& node, TextPainter& text);

}  // namespace hw
