#pragma once

#include <string>
#include <vector>

#include "engine/render/CueTileSource.h"
#include "engine/render/WindowLayout.h"
#include "tiler/Image.h"

namespace hw {

// One cue's pictures ready for upload, composed for the window, so the frame
// loop only copies.
struct PreparedCue {
  int cue = -1;
  std::vector<Image> pictures;  // one per WindowLayout place
  std::string error;            // why the cue shows its background instead ("" = it does not)
};

// Composes `cue` from `tiles`. When the tiles throw (a missing or corrupt
// file), the error is kept and the pictures show `background`: one bad file
// never stops a show.
PreparedCue prepareCue(const WindowLayout& layout, CueTileSource& tiles, int cue, Color background);

}  // namespace hw
