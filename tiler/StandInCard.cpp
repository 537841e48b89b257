#include "tiler/StandInCard.h"

#include <algorithm>

namespace hw {
namespace {

constexpr Color kBackground{28, 34, 46};
constexpr Color kMinorLine{62, 72, 92};
constexpr Color kMajorLine{118, 132, 160};
constexpr Color kLabel{190, 200, 220};
constexpr Color kEdge{230, 40, 40};
constexpr Color kTitleBox{8, 10, 16};
constexpr Color kTitle{255, 214, 64};

void fillRect(Image& image, RectI r, Color c) {
  int x0 = std::max(0, r.x), x1 = std::min(image.width, r.right());
  int y0 = std::max(0, r.y), y1 = std::min(image.height, r.bottom());
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      std::uint8_t* p = image.at(x, y);
      p[0] = c.r;
      p[1] = c.g;
      p[2] = c.b;
    }
  }
}

// The title's font size: as large as fits 90% of the card's width.
int titleHeight(TextPainter& text, const std::string& title, Size size) {
  int height = std::clamp(size.h / 18, 8, 72);
  while (height > 8 && text.measure(title, height).w > size.w * 9 / 10) --height;
  return height;
}

}  // namespace

Image makeStandInCard(Size size, const std::string& fileName, TextPainter& text) {
  Image card(size.w, size.h, kBackground);
  for (int x = 0; x < size.w; x += 100)
    fillRect(card, {x, 0, 1, size.h}, x % 200 == 0 ? kMajorLine : kMinorLine);
  for (int y = 0; y < size.h; y += 100)
    fillRect(card, {0, y, size.w, 1}, y % 200 == 0 ? kMajorLine : kMinorLine);
  for (int y = 0; y < size.h; y += 200)
    for (int x = 0; x < size.w; x += 200)
      text.draw(card, std::to_string(x) + "," + std::to_string(y), x + 4, y + 3, 14, kLabel);
  fillRect(card, {0, 0, size.w, 1}, kEdge);
  fillRect(card, {0, size.h - 1, size.w, 1}, kEdge);
  fillRect(card, {0, 0, 1, size.h}, kEdge);
  fillRect(card, {size.w - 1, 0, 1, size.h}, kEdge);

  std::string title = "STAND-IN for " + fileName + " \u2014 real media not available";
  std::string detail = std::to_string(size.w) + " x " + std::to_string(size.h) + " px";
  int height = titleHeight(text, title, size);
  Size titleSize = text.measure(title, height), detailSize = text.measure(detail, height);
  int boxW = std::max(titleSize.w, detailSize.w) + 2 * height;
  int boxH = titleSize.h + detailSize.h + height;
  RectI box{(size.w - boxW) / 2, (size.h - boxH) / 2, boxW, boxH};
  if (text.available()) fillRect(card, box, kTitleBox);
  text.draw(card, title, (size.w - titleSize.w) / 2, box.y + height / 2, height, kTitle);
  text.draw(card, detail, (size.w - detailSize.w) / 2, box.y + height / 2 + titleSize.h, height,
            kLabel);
  return card;
}

}  // namespace hw
