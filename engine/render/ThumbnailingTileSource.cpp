#include "engine/render/ThumbnailingTileSource.h"

#include "tiler/Thumbnail.h"

namespace hw {

ThumbnailingTileSource::ThumbnailingTileSource(CueTileSource& tiles, int maxSide)
    : tiles_(tiles), maxSide_(maxSide) {}

Image ThumbnailingTileSource::tileFor(std::size_t cueIndex, const NodeConfig& node) {
  Image tile = tiles_.tileFor(cueIndex, node);
  Image small = thumbnailOf(tile, maxSide_);
  std::lock_guard lock(mutex_);
  // Cues are prepared around the one shown: the farthest from this one goes first.
  if (kept_.size() >= kKept && !kept_.count(cueIndex)) {
    auto farthest = kept_.begin();
    auto distance = [&](std::size_t cue) {
      return cue > cueIndex ? cue - cueIndex : cueIndex - cue;
    };
    for (auto it = kept_.begin(); it != kept_.end(); ++it)
      if (distance(it->first) > distance(farthest->first)) farthest = it;
    kept_.erase(farthest);
  }
  kept_[cueIndex] = std::move(small);
  return tile;
}

Image ThumbnailingTileSource::thumbnail(std::size_t cueIndex) const {
  std::lock_guard lock(mutex_);
  auto it = kept_.find(cueIndex);
  return it == kept_.end() ? Image{} : it->second;
}

}  // namespace hw
