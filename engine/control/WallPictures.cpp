#include "engine/control/WallPictures.h"

#include <vector>

#include "engine/movie/MovieStill.h"
#include "engine/render/TestPattern.h"
#include "tiler/CueTiler.h"
#include "tiler/ImageFile.h"
#include "tiler/WallPreview.h"

namespace hw {
namespace {

// Every active display showing one colour: nothing playing, or blanked.
std::vector<Tile> plainTiles(const WallConfig& wall, Color color) {
  std::vector<Tile> tiles;
  for (const NodeConfig& node : wall.nodes) {
    if (!node.active) continue;
    bool turned = node.rotation == Rotation::R90 || node.rotation == Rotation::R270;
    int w = turned ? wall.displayHeight : wall.displayWidth;
    int h = turned ? wall.displayWidth : wall.displayHeight;
    tiles.push_back({node.id, node.col, node.row, Image(w, h, color)});
  }
  return tiles;
}

}  // namespace

WallPictures::WallPictures(WallConfig wall) : wall_(std::move(wall)) {}

std::string WallPictures::wallPng(int showGeneration, int cueIndex, const Cue* cue,
                                  bool testPattern, bool blank, int maxSize) {
  std::string key = std::to_string(showGeneration) + "/" + std::to_string(cue ? cueIndex : -1) +
                    "/" + std::to_string(testPattern) + std::to_string(blank) + "/" +
                    std::to_string(maxSize);
  std::lock_guard lock(mutex_);
  auto kept = kept_.find(key);
  if (kept != kept_.end()) return kept->second;
  std::string png = draw(cue, testPattern, blank, maxSize);
  if (kept_.size() >= kKeptPictures) kept_.clear();
  kept_[key] = png;
  return png;
}

std::string WallPictures::draw(const Cue* cue, bool testPattern, bool blank, int maxSize) {
  std::vector<Tile> tiles;
  if (testPattern) {
    for (const NodeConfig& node : wall_.nodes) {
      if (node.active)
        tiles.push_back({node.id, node.col, node.row, testPatternTile(wall_, node, text_)});
    }
  } else if (cue && !blank) {
    try {
      CueTiler tiler(wall_, media_);
      tiles = tiler.renderAll(*cue, movieStillsOf(*cue, mirror_));
    } catch (const std::exception&) {
      tiles = plainTiles(wall_, cue->background);  // as the nodes do when media fails
    }
  } else {
    tiles = plainTiles(wall_, Color{});
  }
  return encodePng(composeWallPreview(wall_, tiles, maxSize));
}

}  // namespace hw
