#include "tiler/Placement.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// Slack (positive: room to spare, negative: overflow) is split by the anchor.
RectD anchored(double w, double h, Anchor anchor, const RectD& target) {
  return {target.x + (target.w - w) * anchor.x, target.y + (target.h - h) * anchor.y, w, h};
}

}  // namespace

RectD placeMedia(FitMode fit, Anchor anchor, Size media, const RectD& target) {
  double mw = media.w, mh = media.h;
  switch (fit) {
    case FitMode::Fit: {
      double scale = std::min(target.w / mw, target.h / mh);
      return anchored(mw * scale, mh * scale, anchor, target);
    }
    case FitMode::Fill: {
      double scale = std::max(target.w / mw, target.h / mh);
      return anchored(mw * scale, mh * scale, anchor, target);
    }
    case FitMode::Stretch:
      return target;
    case FitMode::Native: {
      RectD placed = anchored(mw, mh, anchor, target);
      return {std::round(placed.x), std::round(placed.y), mw, mh};
    }
  }
  return target;
}

Placement placeItem(const LayoutItem& item, Size media, const WallCanvas& canvas) {
  RectD target = toRectD(canvas.regionRect(item.region));
  return {media, placeMedia(item.fit, item.anchor, media, target), target};
}

bool itemFallsOnDisplay(const LayoutItem& item, const WallCanvas& canvas, int col, int row) {
  return canvas.regionCovers(item.region, col, row);
}

}  // namespace hw
