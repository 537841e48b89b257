#include "engine/render/PreparedCue.h"

#include <exception>

#include "engine/render/ImageResize.h"
#include "engine/render/TileOrientation.h"

namespace hw {

PreparedCue prepareCue(CueTileSource& tiles, const std::vector<NodeView>& views, int cue) {
  PreparedCue prepared;
  prepared.cue = cue;
  try {
    for (const NodeView& view : views) {
      Image tile = tiles.tileFor(static_cast<std::size_t>(cue), view.node);
      if (view.mounted) tile = mountedFromFramebuffer(tile, view.node.rotation);
      prepared.views.push_back(resizeImage(tile, view.place.w, view.place.h));
    }
  } catch (const std::exception& e) {
    prepared.views.clear();
    prepared.error = e.what();
  }
  return prepared;
}

}  // namespace hw
