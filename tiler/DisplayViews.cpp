#include "tiler/DisplayViews.h"

#include "tiler/WallCanvas.h"

namespace hw {

std::vector<DisplayView> displayViews(const Placement& placement, const WallConfig& wall) {
  WallCanvas canvas(wall);
  bool known = placement.media.w > 0 && placement.media.h > 0;
  RectD visible = known ? placement.visible() : RectD{};
  std::vector<DisplayView> views;
  for (const NodeConfig& node : wall.nodes) {
    if (!node.active) continue;
    DisplayView view{node.id, node.col, node.row, node.rotation, {}, {}, false};
    RectD display = toRectD(canvas.displayRect(node.col, node.row));
    RectD shown = intersect(visible, display);
    if (!shown.empty()) {
      view.visible = true;
      view.dest = {shown.x - display.x, shown.y - display.y, shown.w, shown.h};
      view.source = {placement.toMediaX(shown.x), placement.toMediaY(shown.y),
                     shown.w / placement.scaleX(), shown.h / placement.scaleY()};
    }
    views.push_back(view);
  }
  return views;
}

std::vector<DisplayView> displayViews(const LayoutItem& item, Size mediaSize,
                                      const WallConfig& wall) {
  if (mediaSize.w <= 0 || mediaSize.h <= 0) return displayViews(Placement{}, wall);
  return displayViews(placeItem(item, mediaSize, WallCanvas(wall)), wall);
}

}  // namespace hw
