#include "engine/render/PreparedCue.h"

#include <exception>

#include "engine/render/SolidTiles.h"

namespace hw {

PreparedCue prepareCue(const WindowLayout& layout, CueTileSource& tiles, int cue,
                       Color background) {
  PreparedCue prepared;
  prepared.cue = cue;
  try {
    prepared.pictures = layout.compose(tiles, cue);
  } catch (const std::exception& e) {
    prepared.error = e.what();
    SolidTiles plain(layout.wall(), background);
    prepared.pictures = layout.compose(plain, cue);
  }
  return prepared;
}

}  // namespace hw
