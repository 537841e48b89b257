#pragma once

#include <string>
#include <vector>

#include "tiler/Image.h"
#include "tiler/Rect.h"
#include "tiler/TextPainter.h"

namespace hw {

// What a display shows when it is not showing the show, to be read across a
// room: a title (the node's id) very large, a few lines below it, all
// centred. The node's standby screen and its identify card.
struct PanelCard {
  std::string title;
  std::vector<std::string> lines;
  Color background;

  bool operator==(const PanelCard&) const = default;
};

// Height of the title in pixels on a display `displayHeight` pixels high:
// a fifth of it (216 px on 1080p, letters about 15 cm tall on a 55" panel).
int panelCardTitlePixels(int displayHeight);

// `card` drawn on an image of `size`: each row shrunk until it fits the
// width (cut with "…" past a legible size), the block centred both ways.
Image drawPanelCard(const PanelCard& card, Size size, TextPainter& text);

}  // namespace hw
