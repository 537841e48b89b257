#pragma once

#include "config/WallConfig.h"
#include "hwshow/IncludeChain.h"
#include "hwshow/LocalMirror.h"

namespace hw {

// What every source parser of one loadShow() call shares.
struct LoadContext {
  const WallConfig& wall;     // media sizes are chosen and layout regions checked for this wall
  const LocalMirror& mirror;  // where fetched SVS pages and media copies live
  IncludeChain includes;      // files being read, to refuse include cycles
};

}  // namespace hw
