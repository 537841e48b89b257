#pragma once

#include <optional>

#include "engine/render/PanelCard.h"
#include "engine/render/RenderWindow.h"
#include "engine/render/Texture.h"

namespace hw {

// A PanelCard on a window, drawn into a texture only when its text or the
// window's size changes, so a card left up for hours costs one copy a frame.
class PanelCardView {
 public:
  explicit PanelCardView(TextPainter& text) : text_(text) {}

  // Covers the whole window with `card`.
  void draw(RenderWindow& window, const PanelCard& card);

 private:
  TextPainter& text_;
  std::optional<PanelCard> drawn_;
  Size drawnSize_;
  std::optional<Texture> texture_;
};

}  // namespace hw
