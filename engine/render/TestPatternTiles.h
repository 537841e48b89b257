#pragma once

#include "engine/render/CueTileSource.h"
#include "engine/render/TestPattern.h"

namespace hw {

// The test pattern as a tile source: the same picture whatever the cue, so the
// player draws it through the same path as the show.
class TestPatternTiles : public CueTileSource {
 public:
  TestPatternTiles(const WallConfig& wall, TextPainter& text) : wall_(wall), text_(text) {}
  Image tileFor(std::size_t, const NodeConfig& node) override {
    return testPatternTile(wall_, node, text_);
  }

 private:
  const WallConfig& wall_;
  TextPainter& text_;
};

}  // namespace hw
