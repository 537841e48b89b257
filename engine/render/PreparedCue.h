#pragma once

#include <string>
#include <vector>

#include "engine/render/CueTileSource.h"
#include "engine/render/NodeView.h"
#include "tiler/Image.h"

namespace hw {

// One cue's pixels ready for upload: a picture per view, already at the
// view's size and orientation, so the frame loop only copies.
struct PreparedCue {
  int cue = -1;
  std::vector<Image> views;  // one per NodeView, same order; empty when `error` is set
  std::string error;         // why the cue cannot be shown ("" = fine); it shows its background
};

// Asks `tiles` for every view's tile and fits it to the view. Errors from the
// source are caught into PreparedCue::error: one bad file never stops a show.
PreparedCue prepareCue(CueTileSource& tiles, const std::vector<NodeView>& views, int cue);

}  // namespace hw
