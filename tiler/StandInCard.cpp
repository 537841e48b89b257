#include "tiler/StandInCard.h"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include "hwshow/LocalMirror.h"

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

// The title's font size: as large as lets every line fit 90% of the card's width.
int titleHeight(TextPainter& text, std::initializer_list<std::string> lines, Size size) {
  int height = std::clamp(size.h / 18, 8, 72);
  auto tooWide = [&](int h) {
    for (const std::string& line : lines)
      if (text.measure(line, h).w > size.w * 9 / 10) return true;
    return false;
  };
  while (height > 8 && tooWide(height)) --height;
  return height;
}

}  // namespace

std::string howToGetMedia(const std::string& uri, MediaKind kind) {
  std::string what =
      kind == MediaKind::Movie ? "to show the real movie: " : "to show the real picture: ";
  if (std::optional<int> page = svsPageIdOfMedia(uri))
    return what + "hyperwall fetch " + std::to_string(*page);
  return what + "put the file in the cache (docs/fetch.md)";
}

Image makeStandInCard(Size size, const std::string& fileName, const std::string& howToGet,
                      TextPainter& text, const std::string& detailText) {
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
  std::string detail = detailText.empty()
                           ? std::to_string(size.w) + " x " + std::to_string(size.h) + " px"
                           : detailText;
  int height = titleHeight(text, {title, detail, howToGet}, size);
  Size titleSize = text.measure(title, height), detailSize = text.measure(detail, height);
  Size howSize = text.measure(howToGet, height);
  int boxW = std::max({titleSize.w, detailSize.w, howSize.w}) + 2 * height;
  int boxH = titleSize.h + detailSize.h + howSize.h + height;
  RectI box{(size.w - boxW) / 2, (size.h - boxH) / 2, boxW, boxH};
  if (text.available()) fillRect(card, box, kTitleBox);
  int y = box.y + height / 2;
  text.draw(card, title, (size.w - titleSize.w) / 2, y, height, kTitle);
  text.draw(card, detail, (size.w - detailSize.w) / 2, y + titleSize.h, height, kLabel);
  text.draw(card, howToGet, (size.w - howSize.w) / 2, y + titleSize.h + detailSize.h, height,
            kTitle);
  return card;
}

}  // namespace hw
