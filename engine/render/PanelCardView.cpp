#include "engine/render/PanelCardView.h"

namespace hw {

void PanelCardView::draw(RenderWindow& window, const PanelCard& card) {
  Size size = window.size();
  if (!texture_ || drawn_ != card || drawnSize_ != size) {
    texture_.reset();  // the old one first: a window's textures die with it
    texture_.emplace(window, drawPanelCard(card, size, text_));
    drawn_ = card;
    drawnSize_ = size;
  }
  texture_->draw(window.renderer(), {0, 0, size.w, size.h}, 255);
}

}  // namespace hw
