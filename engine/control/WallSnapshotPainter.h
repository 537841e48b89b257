#pragma once

#include <string>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"

namespace hw {

// Small pictures of the wall for remotes: the whole canvas scaled down, with
// the bezels drawn dark and dead displays crossed out. PNG bytes out.
class WallSnapshotPainter {
 public:
  // `width` is the picture's width in pixels; the height keeps the canvas's aspect.
  WallSnapshotPainter(WallConfig wall, int width);

  // `cue` null = nothing playing (black).
  std::string wallPng(const Cue* cue, bool testPattern, bool blank) const;

 private:
  WallConfig wall_;
  int width_;
};

}  // namespace hw
