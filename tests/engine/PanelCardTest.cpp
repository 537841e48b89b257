#include <gtest/gtest.h>

#include <algorithm>

#include "engine/render/PanelCard.h"

namespace hw {
namespace {

constexpr Color kBackground{20, 22, 30};

// The box holding every pixel that is not the background: where the text is.
RectI inkBox(const Image& image) {
  int left = image.width, top = image.height, right = -1, bottom = -1;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* p = &image.pixels[(static_cast<std::size_t>(y) * image.width + x) * 4];
      if (p[0] == kBackground.r && p[1] == kBackground.g && p[2] == kBackground.b) continue;
      left = std::min(left, x);
      right = std::max(right, x);
      top = std::min(top, y);
      bottom = std::max(bottom, y);
    }
  return {left, top, right - left + 1, bottom - top + 1};
}

// Across a room: the title's letters are a large share of the display, and
// the whole card sits in its middle, as on every display size.
TEST(PanelCard, TheTitleIsLargeAndTheCardCentredOnAnyDisplay) {
  TextPainter text;
  ASSERT_TRUE(text.available()) << text.problem();
  for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{480, 270}}) {
    PanelCard titleOnly{"r1c2", {}, kBackground};
    RectI title = inkBox(drawPanelCard(titleOnly, size, text));
    ASSERT_GT(title.w, 0) << size.w << "x" << size.h;
    // Capital-height letters of a font a fifth of the display high.
    EXPECT_GE(title.h, size.h / 8) << size.w << "x" << size.h;
    PanelCard card{
        "r1c2", {"wall lobby-3x3", "waiting: connecting to master 10.0.0.5:7400"}, kBackground};
    RectI all = inkBox(drawPanelCard(card, size, text));
    EXPECT_NEAR(all.x + all.w / 2.0, size.w / 2.0, size.w / 20.0) << size.w << "x" << size.h;
    EXPECT_NEAR(all.y + all.h / 2.0, size.h / 2.0, size.h / 10.0) << size.w << "x" << size.h;
    EXPECT_GT(all.h, title.h) << "the lines under the title are drawn";
    // A margin all round: nothing is cut at the panel's edge or hidden by a bezel.
    EXPECT_GE(all.x, size.w / 40) << size.w << "x" << size.h;
    EXPECT_LE(all.x + all.w, size.w - size.w / 40) << size.w << "x" << size.h;
  }
}

TEST(PanelCard, ALineTooLongForThePanelShrinksThenEndsInAnEllipsis) {
  TextPainter text;
  ASSERT_TRUE(text.available()) << text.problem();
  Size size{480, 270};
  PanelCard card{"r0c0", {std::string(300, 'w')}, kBackground};
  RectI all = inkBox(drawPanelCard(card, size, text));
  EXPECT_LE(all.x + all.w, size.w - size.w / 40);
  EXPECT_GE(all.x, size.w / 40);
}

}  // namespace
}  // namespace hw
