#pragma once

#include "hwshow/Playlist.h"
#include "tiler/Rect.h"
#include "tiler/WallCanvas.h"

namespace hw {

// Where one media item lands on the wall canvas: an axis-aligned affine map
// from media pixels to canvas pixels, and the canvas rectangle it may draw in.
// Every display and every pixel of the item goes through this one map, which is
// what makes neighbouring displays continue each other exactly.
struct Placement {
  Size media;    // media px: the decoded image's size
  RectD placed;  // canvas px: where the whole media lands (may stick out of `clip`)
  RectD clip;    // canvas px: the item's target rectangle; nothing is drawn outside

  double scaleX() const { return placed.w / media.w; }  // canvas px per media px, across
  double scaleY() const { return placed.h / media.h; }  // canvas px per media px, down
  double toMediaX(double canvasX) const { return (canvasX - placed.x) * media.w / placed.w; }
  double toMediaY(double canvasY) const { return (canvasY - placed.y) * media.h / placed.h; }
  // Canvas px actually covered by the item: placed and clipped.
  RectD visible() const { return intersect(placed, clip); }
};

// Where a `media`-sized item lands inside `target` (canvas px) for a fit mode.
// Native positions are rounded to whole canvas pixels so 1:1 stays pixel-exact.
RectD placeMedia(FitMode fit, Anchor anchor, Size media, const RectD& target);

// The item's placement on the canvas, in its region (the whole wall by default).
Placement placeItem(const LayoutItem& item, Size media, const WallCanvas& canvas);

// Whether `item` can draw on display (col, row) of the wall. An item draws only
// inside its region (Placement::clip), so this is exactly whether the region
// covers that display, whatever the fit, anchor or media size. The one rule
// for which files a node fetches (assetsForDisplay) and which items its tile
// decodes (CueTiler::renderTile).
bool itemFallsOnDisplay(const LayoutItem& item, const WallCanvas& canvas, int col, int row);

}  // namespace hw
