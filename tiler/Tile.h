#pragma once

#include <string>

#include "tiler/Image.h"

namespace hw {

// One display's picture for one cue.
struct Tile {
  std::string nodeId;  // the node that shows it
  int col = 0;         // grid column
  int row = 0;         // grid row
  Image image;         // the node's framebuffer: native resolution, mounting rotation applied
};

}  // namespace hw
