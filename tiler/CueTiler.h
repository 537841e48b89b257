#pragma once

#include <map>
#include <memory>
#include <vector>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"
#include "tiler/FramePool.h"
#include "tiler/Image.h"
#include "tiler/MediaSource.h"
#include "tiler/Placement.h"
#include "tiler/Rect.h"
#include "tiler/Tile.h"
#include "tiler/WallCanvas.h"

namespace hw {

// A cue's movies at one instant: each movie item's current picture (RGBA at
// the movie's size), by its media URI.
using MovieFrames = std::map<std::string, std::shared_ptr<const Image>>;

// Renders what each display shows for a cue: the background, then every
// image item in order, each through its one canvas placement. A movie item is
// drawn from the picture given for it, through the same placement as an
// image of its size; without one, and for cues that are not playable, the
// background shows. A MediaError for an
// item propagates: the caller decides (the renderer shows the background,
// `hyperwall tile` reports it). Work is split in row bands over all cores.
class CueTiler {
 public:
  CueTiler(const WallConfig& wall, MediaSource& media);

  // The node's framebuffer at its native resolution: R90/R270 give
  // displayHeight x displayWidth, turned so the picture is upright once mounted.
  // Decodes only the items that fall on the node's display
  // (itemFallsOnDisplay): a node holds only those files. A cue with a movie
  // of this display (Cue::displayMovies) given in `movieFrames` is that picture.
  Image renderTile(const Cue& cue, const NodeConfig& node, const MovieFrames& movieFrames = {});

  // Every active node's tile, row-major.
  std::vector<Tile> renderAll(const Cue& cue, const MovieFrames& movieFrames = {});

  // The whole canvas (mounted orientation, bezel gaps included) drawn at once:
  // the reference tiles are checked against, and a full-wall picture.
  Image renderCanvas(const Cue& cue);

  // Frames the caller is done with (uploaded, written): their memory is
  // reused for the next frames instead of being allocated and zeroed again.
  void recycle(Image&& frame);
  void recycle(std::vector<Tile>&& tiles);

 private:
  // An item ready to draw: its pixels and where they land.
  struct PlacedItem {
    LoadedMedia media;
    Placement placement;
  };
  // The cue's image items and the movie items `movieFrames` has pictures
  // for, or only those falling on `display` when given.
  std::vector<PlacedItem> placeItems(const Cue& cue, const NodeConfig* display = nullptr,
                                     const MovieFrames& movieFrames = {});
  // Draws the cue into each target, target i covering canvas rect windows[i].
  void paint(const Cue& cue, const std::vector<PlacedItem>& items,
             const std::vector<RectI>& windows, const std::vector<Image*>& targets);

  WallConfig wall_;
  WallCanvas canvas_;
  MediaSource& media_;
  FramePool frames_;
};

}  // namespace hw
