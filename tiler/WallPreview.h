#pragma once

#include <vector>

#include "config/WallConfig.h"
#include "tiler/Image.h"
#include "tiler/Tile.h"

namespace hw {

// The whole wall as one picture, scaled to fit a maxSize x maxSize box (never
// enlarged): every tile turned back to its mounted orientation and drawn in
// its place, the bezels between displays as dark bars (at least one pixel),
// inactive panels crossed out in dark red. `hyperwall tile` writes it as
// wall.png and the renderer's rehearsal snapshots use it, so both agree.
Image composeWallPreview(const WallConfig& wall, const std::vector<Tile>& tiles,
                         int maxSize = 1920);

}  // namespace hw
